package io.ecss.webvtt;

/**
 * A WebVTT input that cannot be read at all: the file signature is wrong, or a configured limit
 * ({@link WebVttLimits}) was exceeded. Carries the 1-based line and column of the problem; the
 * message ends with {@code " at line L, column C"}.
 *
 * <p>Everything else the W3C parser algorithm tolerates (bad timestamps, unknown settings,
 * garbage blocks) is not an exception: it is reported as a {@link WebVttProblem} in {@link
 * WebVttParseResult#problems()}.
 */
public class WebVttParseException extends WebVttException {
  private static final long serialVersionUID = 1L;

  /** 1-based line of the problem. */
  private final int line;

  /** 1-based column of the problem. */
  private final int column;

  /**
   * Creates an exception for a problem at a position.
   *
   * @param problem what is wrong and what was expected, without the position
   * @param line 1-based line number
   * @param column 1-based column (UTF-16 code units from the start of the line)
   */
  public WebVttParseException(String problem, int line, int column) {
    super(problem + " at line " + line + ", column " + column);
    this.line = line;
    this.column = column;
  }

  /**
   * Returns the line of the problem.
   *
   * @return the 1-based line number
   */
  public int line() {
    return line;
  }

  /**
   * Returns the column of the problem.
   *
   * @return the 1-based column, in UTF-16 code units from the start of the line
   */
  public int column() {
    return column;
  }
}
