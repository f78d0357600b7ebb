package io.ecss.sorm;

import java.util.Locale;

/**
 * Kind of unauthorised access reported by message 6 (notes §3.1).
 *
 * <p>An open enum: {@link #of(int)} returns the named constant for a known code and a new
 * instance for any other byte value, so codes this library does not know survive a decode/encode
 * round trip. Compare with {@code equals}, not {@code ==}.
 *
 * <p>Immutable and thread-safe.
 *
 * @param code the wire byte, 0 to 255
 */
public record IntrusionType(int code) {
  /** {@code 0x01}: access from a forbidden port (доступ с запрещённого порта). */
  public static final IntrusionType FORBIDDEN_PORT = new IntrusionType(0x01);

  /** {@code 0x02}: wrong password (неверный пароль). */
  public static final IntrusionType WRONG_PASSWORD = new IntrusionType(0x02);

  /** {@code 0x03}: read or write of the SORM tables (чтение/запись таблиц ОРМ). */
  public static final IntrusionType TABLE_ACCESS = new IntrusionType(0x03);

  /** {@code 0x04}: reassignment of the console port (переназначение порта пульта). */
  public static final IntrusionType PORT_REASSIGNED = new IntrusionType(0x04);

  /** {@code 0x05}: wrong SORM number (неверный номер ТС ОРМ). */
  public static final IntrusionType WRONG_SORM_NUMBER = new IntrusionType(0x05);

  private static final CodeTable<IntrusionType> TABLE =
      new CodeTable<IntrusionType>("IntrusionType")
          .add(0x01, FORBIDDEN_PORT, "FORBIDDEN_PORT", "access from a forbidden port", "доступ с запрещённого порта")
          .add(0x02, WRONG_PASSWORD, "WRONG_PASSWORD", "wrong password", "неверный пароль")
          .add(0x03, TABLE_ACCESS, "TABLE_ACCESS", "read or write of the SORM tables", "чтение/запись таблиц ОРМ")
          .add(0x04, PORT_REASSIGNED, "PORT_REASSIGNED", "reassignment of the console port", "переназначение порта пульта")
          .add(0x05, WRONG_SORM_NUMBER, "WRONG_SORM_NUMBER", "wrong SORM number", "неверный номер ТС ОРМ");

  /**
   * Validates the code.
   *
   * @param code the wire byte, 0 to 255
   * @throws IllegalArgumentException if {@code code} is not 0 to 255
   */
  public IntrusionType {
    CodeTable.checkByte("IntrusionType", code);
  }

  /**
   * Returns the constant for a known code, or a new instance for an unknown one.
   *
   * @param code the wire byte, 0 to 255
   * @return the value for {@code code}
   * @throws IllegalArgumentException if {@code code} is not 0 to 255
   */
  public static IntrusionType of(int code) {
    IntrusionType known = TABLE.known(code);
    return known != null ? known : new IntrusionType(code);
  }

  /**
   * Returns the value for a constant name (case-insensitive, e.g. {@code "FORBIDDEN_PORT"}) or a numeric
   * code ({@code "0x01"} or {@code "1"}).
   *
   * @param text a constant name or a code
   * @return the value
   * @throws IllegalArgumentException if {@code text} is neither a known name nor a code 0 to 255
   */
  public static IntrusionType parse(String text) {
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

  /** Returns the name and the code, e.g. {@code FORBIDDEN_PORT(0x01)}. */
  @Override
  public String toString() {
    return TABLE.name(code) + "(" + CodeTable.hex(code) + ")";
  }
}
