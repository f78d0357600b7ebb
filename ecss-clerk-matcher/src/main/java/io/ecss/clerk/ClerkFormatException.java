package io.ecss.clerk;

import org.jspecify.annotations.Nullable;

/**
 * A phonebook, alias table or CSV file that cannot be parsed. The message names the source, the
 * line (and column where known) and what was expected: {@code "aliases.txt:12: missing '=' (expected
 * KEY = VALUE[, VALUE...])"}.
 *
 * <p>Immutable and thread-safe.
 */
public final class ClerkFormatException extends ClerkException {
  private static final long serialVersionUID = 1L;

  /** The input's label. */
  private final String source;

  /** The 1-based line, or 0. */
  private final int line;

  /** The 1-based column, or 0. */
  private final int column;

  /**
   * Creates an exception for a problem at a line and column of a source.
   *
   * @param source the file name, URL or other label of the input
   * @param line 1-based line number, or 0 when unknown
   * @param column 1-based column number, or 0 when unknown
   * @param problem what is wrong and what was expected
   */
  public ClerkFormatException(String source, int line, int column, String problem) {
    this(source, line, column, problem, null);
  }

  /**
   * Creates an exception for a problem at a line and column of a source, with its cause.
   *
   * @param source the file name, URL or other label of the input
   * @param line 1-based line number, or 0 when unknown
   * @param column 1-based column number, or 0 when unknown
   * @param problem what is wrong and what was expected
   * @param cause the underlying parser failure, if any
   */
  public ClerkFormatException(
      String source, int line, int column, String problem, @Nullable Throwable cause) {
    super(location(source, line, column) + ": " + problem, cause);
    this.source = source;
    this.line = line;
    this.column = column;
  }

  private static String location(String source, int line, int column) {
    if (line <= 0) {
      return source;
    }
    return column > 0 ? source + ":" + line + ":" + column : source + ":" + line;
  }

  /**
   * Returns the label of the input: a file name, URL or {@code <stream>}.
   *
   * @return the source label
   */
  public String source() {
    return source;
  }

  /**
   * Returns the 1-based line of the problem.
   *
   * @return the line, or 0 when unknown
   */
  public int line() {
    return line;
  }

  /**
   * Returns the 1-based column of the problem.
   *
   * @return the column, or 0 when unknown
   */
  public int column() {
    return column;
  }
}
