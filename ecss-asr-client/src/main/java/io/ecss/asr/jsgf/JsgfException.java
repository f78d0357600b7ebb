package io.ecss.asr.jsgf;

import io.ecss.asr.AsrException;
import org.jspecify.annotations.Nullable;

/**
 * A JSGF grammar that cannot be read or used: a syntax error, a limit exceeded, an unresolved
 * import, an undefined rule, or a bound hit during expansion. The message reads {@code
 * [source:]line:column: problem} when the position is known, for example {@code 3:17: expected
 * ';' after the expansion of rule <menu>, found end of input}.
 *
 * <p>Immutable and thread-safe.
 */
public class JsgfException extends AsrException {
  private static final long serialVersionUID = 1L;

  /** The problem without the position prefix. */
  private final String problem;

  /** The 1-based line, or 0. */
  private final int line;

  /** The 1-based column in code points, or 0. */
  private final int column;

  /** The grammar name or file the position refers to, or null. */
  private final @Nullable String source;

  /**
   * Creates an exception without a position (for example a bound hit during expansion).
   *
   * @param problem what was wrong and what was expected
   */
  public JsgfException(String problem) {
    this(problem, 0, 0, null);
  }

  /**
   * Creates an exception at a position.
   *
   * @param problem what was wrong and what was expected
   * @param line the 1-based line, or 0 when unknown
   * @param column the 1-based column in code points, or 0 when unknown
   * @param source the grammar name or file the position refers to, or null for the input at hand
   */
  public JsgfException(String problem, int line, int column, @Nullable String source) {
    super(message(problem, line, column, source));
    this.problem = problem;
    this.line = line;
    this.column = column;
    this.source = source;
  }

  private static String message(String problem, int line, int column, @Nullable String source) {
    StringBuilder sb = new StringBuilder();
    if (source != null) {
      sb.append(source).append(':');
    }
    if (line > 0) {
      sb.append(line).append(':').append(column).append(": ");
    } else if (source != null) {
      sb.append(' ');
    }
    return sb.append(problem).toString();
  }

  /**
   * Returns the problem without the position prefix.
   *
   * @return what was wrong and what was expected
   */
  public String problem() {
    return problem;
  }

  /**
   * Returns the 1-based line of the problem.
   *
   * @return the line, or 0 when the position is unknown
   */
  public int line() {
    return line;
  }

  /**
   * Returns the 1-based column (in code points) of the problem.
   *
   * @return the column, or 0 when the position is unknown
   */
  public int column() {
    return column;
  }

  /**
   * Returns the grammar name or file the position refers to.
   *
   * @return the source, or null when the position refers to the input being parsed
   */
  public @Nullable String source() {
    return source;
  }
}
