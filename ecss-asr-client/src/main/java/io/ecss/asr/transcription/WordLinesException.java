package io.ecss.asr.transcription;

import io.ecss.asr.AsrException;

/**
 * Text that is not in the transcription service's word-line format; the message names the line
 * and column, what was found and what was expected.
 */
public final class WordLinesException extends AsrException {
  private static final long serialVersionUID = 1L;

  /** 1-based line of the problem. */
  private final int line;

  /** 1-based column of the problem. */
  private final int column;

  /** What was wrong, without the position. */
  private final String problem;

  WordLinesException(String problem, int line, int column) {
    super("line " + line + ":" + column + ": " + problem);
    this.line = line;
    this.column = column;
    this.problem = problem;
  }

  /**
   * What was wrong and what was expected, without the position (for callers that print their own
   * {@code file:line:column} prefix).
   *
   * @return the problem
   */
  public String problem() {
    return problem;
  }

  /**
   * The line of the problem.
   *
   * @return 1-based line number
   */
  public int line() {
    return line;
  }

  /**
   * The column of the problem.
   *
   * @return 1-based column number
   */
  public int column() {
    return column;
  }
}
