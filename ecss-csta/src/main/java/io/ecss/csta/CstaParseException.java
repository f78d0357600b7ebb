package io.ecss.csta;

/**
 * A frame body that is not well-formed XML, uses a DTD, or lacks a field its message requires.
 * The line and column point into the body (1-based; -1 when unknown).
 */
public class CstaParseException extends CstaException {
  private static final long serialVersionUID = 1L;

  /** The 1-based line, or -1. */
  private final int line;
  /** The 1-based column, or -1. */
  private final int column;

  /**
   * Creates the exception.
   *
   * @param problem what was wrong
   * @param line the 1-based line, or -1
   * @param column the 1-based column, or -1
   */
  public CstaParseException(String problem, int line, int column) {
    super(problem + " at line " + line + ", column " + column);
    this.line = line;
    this.column = column;
  }

  /**
   * The 1-based line in the XML body, or -1 when unknown.
   *
   * @return the line
   */
  public int line() {
    return line;
  }

  /**
   * The 1-based column in the XML body, or -1 when unknown.
   *
   * @return the column
   */
  public int column() {
    return column;
  }
}
