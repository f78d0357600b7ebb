package io.ecss.routing;

import static java.util.Objects.requireNonNull;

/**
 * One problem found by {@link RoutingValidator}, with where it is.
 *
 * @param severity error or warning
 * @param source the file or resource name
 * @param line 1-based line, or 0 when unknown
 * @param column 1-based column, or 0 when unknown
 * @param message what is wrong and what was expected
 */
public record Problem(Severity severity, String source, int line, int column, String message) {
  /**
   * Creates a problem.
   *
   * @param severity error or warning
   * @param source the file or resource name
   * @param line 1-based line, or 0 when unknown
   * @param column 1-based column, or 0 when unknown
   * @param message what is wrong and what was expected
   * @throws NullPointerException when an argument is null
   */
  public Problem {
    requireNonNull(severity, "severity");
    requireNonNull(source, "source");
    requireNonNull(message, "message");
  }

  /**
   * Formats the problem as {@code source:line:col: severity: message}, the layout compilers use.
   *
   * @return the one-line report
   */
  @Override
  public String toString() {
    return source + ":" + line + ":" + column + ": " + severity.label() + ": " + message;
  }
}
