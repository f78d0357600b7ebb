package io.ecss.routing;

/**
 * A routing XML document that cannot be read: not well-formed, over a {@link RoutingLimits} limit,
 * or not a valid routing context. The message reads {@code source:line:column: <element>: problem
 * (expected …)}.
 */
public class RoutingXmlException extends RoutingException {
  private static final long serialVersionUID = 1L;

  /** The file or resource name. */
  private final String source;

  /** 1-based line, 0 when unknown. */
  private final int line;

  /** 1-based column, 0 when unknown. */
  private final int column;

  /** The element being read, or empty. */
  private final String element;

  /**
   * Creates an exception.
   *
   * @param source the file or resource name
   * @param line 1-based line (0 when unknown)
   * @param column 1-based column (0 when unknown)
   * @param element the element being read, e.g. {@code rule}, or empty when none
   * @param problem what is wrong and what was expected
   */
  public RoutingXmlException(String source, int line, int column, String element, String problem) {
    super(
        source + ":" + line + ":" + column + ": " + (element.isEmpty() ? "" : "<" + element + ">: ")
            + problem);
    this.source = source;
    this.line = line;
    this.column = column;
    this.element = element;
  }

  /**
   * Returns the file or resource name.
   *
   * @return the source name
   */
  public String source() {
    return source;
  }

  /**
   * Returns the 1-based line.
   *
   * @return the line, 0 when unknown
   */
  public int line() {
    return line;
  }

  /**
   * Returns the 1-based column.
   *
   * @return the column, 0 when unknown
   */
  public int column() {
    return column;
  }

  /**
   * Returns the element being read.
   *
   * @return the element name, or empty
   */
  public String element() {
    return element;
  }
}
