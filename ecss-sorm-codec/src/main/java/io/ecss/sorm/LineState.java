package io.ecss.sorm;

import java.util.Locale;

/**
 * Subscriber line state in message 3 (notes §3.1).
 *
 * <p>An open enum: {@link #of(int)} returns the named constant for a known code and a new
 * instance for any other byte value, so codes this library does not know survive a decode/encode
 * round trip. Compare with {@code equals}, not {@code ==}.
 *
 * <p>Immutable and thread-safe.
 *
 * @param code the wire byte, 0 to 255
 */
public record LineState(int code) {
  /** {@code 0x00}: working, no restrictions (исправна, ограничений нет). */
  public static final LineState OK = new LineState(0x00);

  /** {@code 0x01}: faulty (неисправна). */
  public static final LineState FAULTY = new LineState(0x01);

  /** {@code 0x03}: blocked (заблокирована). */
  public static final LineState BLOCKED = new LineState(0x03);

  /** {@code 0x07}: service restrictions (ограничения обслуживания). */
  public static final LineState RESTRICTED = new LineState(0x07);

  /** {@code 0xFF}: unknown (неизвестно). */
  public static final LineState UNKNOWN = new LineState(0xFF);

  private static final CodeTable<LineState> TABLE =
      new CodeTable<LineState>("LineState")
          .add(0x00, OK, "OK", "working, no restrictions", "исправна, ограничений нет")
          .add(0x01, FAULTY, "FAULTY", "faulty", "неисправна")
          .add(0x03, BLOCKED, "BLOCKED", "blocked", "заблокирована")
          .add(0x07, RESTRICTED, "RESTRICTED", "service restrictions", "ограничения обслуживания")
          .add(0xFF, UNKNOWN, "UNKNOWN", "unknown", "неизвестно");

  /**
   * Validates the code.
   *
   * @param code the wire byte, 0 to 255
   * @throws IllegalArgumentException if {@code code} is not 0 to 255
   */
  public LineState {
    CodeTable.checkByte("LineState", code);
  }

  /**
   * Returns the constant for a known code, or a new instance for an unknown one.
   *
   * @param code the wire byte, 0 to 255
   * @return the value for {@code code}
   * @throws IllegalArgumentException if {@code code} is not 0 to 255
   */
  public static LineState of(int code) {
    LineState known = TABLE.known(code);
    return known != null ? known : new LineState(code);
  }

  /**
   * Returns the value for a constant name (case-insensitive, e.g. {@code "OK"}) or a numeric
   * code ({@code "0x00"} or {@code "0"}).
   *
   * @param text a constant name or a code
   * @return the value
   * @throws IllegalArgumentException if {@code text} is neither a known name nor a code 0 to 255
   */
  public static LineState parse(String text) {
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

  /** Returns the name and the code, e.g. {@code OK(0x00)}. */
  @Override
  public String toString() {
    return TABLE.name(code) + "(" + CodeTable.hex(code) + ")";
  }
}
