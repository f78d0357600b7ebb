package io.ecss.sorm;

import java.util.Locale;

/**
 * Type of the switching node in message 11 (notes §3.1).
 *
 * <p>An open enum: {@link #of(int)} returns the named constant for a known code and a new
 * instance for any other byte value, so codes this library does not know survive a decode/encode
 * round trip. Compare with {@code equals}, not {@code ==}.
 *
 * <p>Immutable and thread-safe.
 *
 * @param code the wire byte, 0 to 255
 */
public record NodeType(int code) {
  /** {@code 0x01}: terminal node (оконечный). */
  public static final NodeType TERMINAL = new NodeType(0x01);

  /** {@code 0x02}: transit node (транзитный). */
  public static final NodeType TRANSIT = new NodeType(0x02);

  /** {@code 0x03}: terminal-transit node (транзитно-оконечный). */
  public static final NodeType TERMINAL_TRANSIT = new NodeType(0x03);

  private static final CodeTable<NodeType> TABLE =
      new CodeTable<NodeType>("NodeType")
          .add(0x01, TERMINAL, "TERMINAL", "terminal node", "оконечный")
          .add(0x02, TRANSIT, "TRANSIT", "transit node", "транзитный")
          .add(0x03, TERMINAL_TRANSIT, "TERMINAL_TRANSIT", "terminal-transit node", "транзитно-оконечный");

  /**
   * Validates the code.
   *
   * @param code the wire byte, 0 to 255
   * @throws IllegalArgumentException if {@code code} is not 0 to 255
   */
  public NodeType {
    CodeTable.checkByte("NodeType", code);
  }

  /**
   * Returns the constant for a known code, or a new instance for an unknown one.
   *
   * @param code the wire byte, 0 to 255
   * @return the value for {@code code}
   * @throws IllegalArgumentException if {@code code} is not 0 to 255
   */
  public static NodeType of(int code) {
    NodeType known = TABLE.known(code);
    return known != null ? known : new NodeType(code);
  }

  /**
   * Returns the value for a constant name (case-insensitive, e.g. {@code "TERMINAL"}) or a numeric
   * code ({@code "0x01"} or {@code "1"}).
   *
   * @param text a constant name or a code
   * @return the value
   * @throws IllegalArgumentException if {@code text} is neither a known name nor a code 0 to 255
   */
  public static NodeType parse(String text) {
    return of(TABLE.parse(text));
  }

  /**
   * Returns whether this code has a named constant.
   *
   * @return true for a known code
   */
  public boolean isKnown() {
    return TABLE.known(code) != null;
  }

  /**
   * Returns the constant name, or {@code 0xNN} for an unknown code.
   *
   * @return the name
   */
  public String name() {
    return TABLE.name(code);
  }

  /**
   * Returns a description in English, or {@code "unknown"} for an unknown code.
   *
   * @return the English description
   */
  public String description() {
    return TABLE.description(code, Locale.ENGLISH);
  }

  /**
   * Returns a description in Russian when {@code locale}'s language is {@code ru}, else in English.
   *
   * @param locale the language wanted
   * @return the description
   */
  public String description(Locale locale) {
    return TABLE.description(code, locale);
  }

  /** Returns the name and the code, e.g. {@code TERMINAL(0x01)}. */
  @Override
  public String toString() {
    return TABLE.name(code) + "(" + CodeTable.hex(code) + ")";
  }
}
