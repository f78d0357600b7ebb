package io.ecss.asr.dict;

import io.ecss.asr.AsrException;

/**
 * A pronunciation dictionary that cannot be read: malformed UTF-8, a word without phones, a
 * duplicate entry, a variant before its base word. The message reads {@code line:column: problem}.
 *
 * <p>Immutable and thread-safe.
 */
public class DictionaryException extends AsrException {
  private static final long serialVersionUID = 1L;

  /** The 1-based line. */
  private final int line;

  /** The 1-based column in code points. */
  private final int column;

  /**
   * Creates an exception at a position.
   *
   * @param problem what is wrong
   * @param line the 1-based line
   * @param column the 1-based column in code points
   */
  public DictionaryException(String problem, int line, int column) {
    super(line + ":" + column + ": " + problem);
    this.line = line;
    this.column = column;
  }

  /**
   * Returns the line of the problem.
   *
   * @return the 1-based line
   */
  public int line() {
    return line;
  }

  /**
   * Returns the column of the problem.
   *
   * @return the 1-based column in code points
   */
  public int column() {
    return column;
  }
}
