package io.ecss.asr.jsgf;

import static java.util.Objects.requireNonNull;

/**
 * One problem found by {@link JsgfChecker}, located in the checked grammar's text.
 *
 * <p>Immutable and thread-safe.
 *
 * @param line the 1-based line, or 0 for a grammar not parsed from text
 * @param column the 1-based column in code points, or 0
 * @param severity whether the grammar is unusable ({@link Severity#ERROR}) or merely suspicious
 * @param message what is wrong, naming the rule or import
 */
public record JsgfProblem(int line, int column, Severity severity, String message) {

  /** How bad a problem is. */
  public enum Severity {
    /** The grammar is wrong: a recogniser would reject it or misbehave. */
    ERROR,
    /** The grammar works but probably not as intended. */
    WARNING
  }

  /**
   * Validates.
   *
   * @param line the 1-based line, or 0 for a grammar not parsed from text
   * @param column the 1-based column in code points, or 0
   * @param severity whether the grammar is unusable ({@link Severity#ERROR}) or merely suspicious
   * @param message what is wrong, naming the rule or import
   */
  public JsgfProblem {
    requireNonNull(severity, "severity");
    requireNonNull(message, "message");
  }

  /**
   * Formats the problem as {@code line:column: message}, with {@code warning: } before the
   * message of a warning.
   *
   * @return the one-line form
   */
  @Override
  public String toString() {
    return line
        + ":"
        + column
        + ": "
        + (severity == Severity.WARNING ? "warning: " : "")
        + message;
  }
}
