package io.ecss.routing;

/**
 * A pattern, template, digit map or number set that cannot be parsed. The message names the input,
 * the 1-based column of the offending character and what was expected; {@link #column()} gives the
 * column for tools that point at it.
 */
public class RoutingSyntaxException extends RoutingException {
  private static final long serialVersionUID = 1L;

  /** The text that failed to parse. */
  private final String input;

  /** 1-based column of the offending character. */
  private final int column;

  /**
   * Creates an exception for a problem in {@code input} at {@code column}.
   *
   * @param kind what was being parsed, e.g. {@code "pattern"}
   * @param input the text being parsed
   * @param column 1-based column of the offending character ({@code input.length() + 1} for
   *     "unexpected end")
   * @param problem what is wrong and what was expected
   */
  public RoutingSyntaxException(String kind, String input, int column, String problem) {
    super("bad " + kind + " \"" + input + "\" at column " + column + ": " + problem);
    this.input = input;
    this.column = column;
  }

  /**
   * Returns the text that failed to parse.
   *
   * @return the input text
   */
  public String input() {
    return input;
  }

  /**
   * Returns the 1-based column of the offending character within {@link #input()}.
   *
   * @return the column
   */
  public int column() {
    return column;
  }

  /**
   * Returns the message without the leading {@code bad <kind> "<input>" at column N: } part.
   *
   * @return what is wrong and what was expected
   */
  public String problem() {
    String m = String.valueOf(getMessage());
    int i = m.indexOf(" at column " + column + ": ");
    return i < 0 ? m : m.substring(i + (" at column " + column + ": ").length());
  }
}
