package io.ecss.sorm;

import java.util.Locale;

/**
 * Type of a KSL group (тип группы КСЛ) in commands 4 and 11 and message 4 (notes §1.3).
 *
 * <p>An open enum: {@link #of(int)} returns the named constant for a known code and a new
 * instance for any other byte value, so codes this library does not know survive a decode/encode
 * round trip. Compare with {@code equals}, not {@code ==}.
 *
 * <p>Immutable and thread-safe.
 *
 * @param code the wire byte, 0 to 255
 */
public record KslGroupType(int code) {
  /** {@code 0x01}: group for combined control (группа для совмещённого контроля). */
  public static final KslGroupType COMBINED = new KslGroupType(0x01);

  /** {@code 0x11}: group for separate control (группа для раздельного контроля). */
  public static final KslGroupType SEPARATE = new KslGroupType(0x11);

  /** {@code 0xFF}: not specified (filler) (не задан). */
  public static final KslGroupType NONE = new KslGroupType(0xFF);

  private static final CodeTable<KslGroupType> TABLE =
      new CodeTable<KslGroupType>("KslGroupType")
          .add(0x01, COMBINED, "COMBINED", "group for combined control", "группа для совмещённого контроля")
          .add(0x11, SEPARATE, "SEPARATE", "group for separate control", "группа для раздельного контроля")
          .add(0xFF, NONE, "NONE", "not specified (filler)", "не задан");

  /**
   * Validates the code.
   *
   * @param code the wire byte, 0 to 255
   * @throws IllegalArgumentException if {@code code} is not 0 to 255
   */
  public KslGroupType {
    CodeTable.checkByte("KslGroupType", code);
  }

  /**
   * Returns the constant for a known code, or a new instance for an unknown one.
   *
   * @param code the wire byte, 0 to 255
   * @return the value for {@code code}
   * @throws IllegalArgumentException if {@code code} is not 0 to 255
   */
  public static KslGroupType of(int code) {
    KslGroupType known = TABLE.known(code);
    return known != null ? known : new KslGroupType(code);
  }

  /**
   * Returns the value for a constant name (case-insensitive, e.g. {@code "COMBINED"}) or a numeric
   * code ({@code "0x01"} or {@code "1"}).
   *
   * @param text a constant name or a code
   * @return the value
   * @throws IllegalArgumentException if {@code text} is neither a known name nor a code 0 to 255
   */
  public static KslGroupType parse(String text) {
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

  /** Returns the name and the code, e.g. {@code COMBINED(0x01)}. */
  @Override
  public String toString() {
    return TABLE.name(code) + "(" + CodeTable.hex(code) + ")";
  }
}
