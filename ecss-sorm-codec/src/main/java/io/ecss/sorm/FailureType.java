package io.ecss.sorm;

import java.util.Locale;

/**
 * Failure type in message 1 (notes §3.1).
 *
 * <p>An open enum: {@link #of(int)} returns the named constant for a known code and a new
 * instance for any other byte value, so codes this library does not know survive a decode/encode
 * round trip. Compare with {@code equals}, not {@code ==}.
 *
 * <p>Immutable and thread-safe.
 *
 * @param code the wire byte, 0 to 255
 */
public record FailureType(int code) {
  /** {@code 0x01}: SORM tables lost or corrupted (таблицы ОРМ утрачены или искажены). */
  public static final FailureType TABLES_LOST = new FailureType(0x01);

  /** {@code 0x02}: tables intact, operator action needed (таблицы сохранены, требуются действия оператора). */
  public static final FailureType OPERATOR_ACTION_NEEDED = new FailureType(0x02);

  /** {@code 0x03}: tables intact, no action needed (таблицы сохранены, действия не требуются). */
  public static final FailureType NO_ACTION_NEEDED = new FailureType(0x03);

  /** {@code 0x04}: change of link characteristics (изменение характеристик каналов). */
  public static final FailureType LINK_CHANGED = new FailureType(0x04);

  private static final CodeTable<FailureType> TABLE =
      new CodeTable<FailureType>("FailureType")
          .add(0x01, TABLES_LOST, "TABLES_LOST", "SORM tables lost or corrupted", "таблицы ОРМ утрачены или искажены")
          .add(0x02, OPERATOR_ACTION_NEEDED, "OPERATOR_ACTION_NEEDED", "tables intact, operator action needed", "таблицы сохранены, требуются действия оператора")
          .add(0x03, NO_ACTION_NEEDED, "NO_ACTION_NEEDED", "tables intact, no action needed", "таблицы сохранены, действия не требуются")
          .add(0x04, LINK_CHANGED, "LINK_CHANGED", "change of link characteristics", "изменение характеристик каналов");

  /**
   * Validates the code.
   *
   * @param code the wire byte, 0 to 255
   * @throws IllegalArgumentException if {@code code} is not 0 to 255
   */
  public FailureType {
    CodeTable.checkByte("FailureType", code);
  }

  /**
   * Returns the constant for a known code, or a new instance for an unknown one.
   *
   * @param code the wire byte, 0 to 255
   * @return the value for {@code code}
   * @throws IllegalArgumentException if {@code code} is not 0 to 255
   */
  public static FailureType of(int code) {
    FailureType known = TABLE.known(code);
    return known != null ? known : new FailureType(code);
  }

  /**
   * Returns the value for a constant name (case-insensitive, e.g. {@code "TABLES_LOST"}) or a numeric
   * code ({@code "0x01"} or {@code "1"}).
   *
   * @param text a constant name or a code
   * @return the value
   * @throws IllegalArgumentException if {@code text} is neither a known name nor a code 0 to 255
   */
  public static FailureType parse(String text) {
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

  /** Returns the name and the code, e.g. {@code TABLES_LOST(0x01)}. */
  @Override
  public String toString() {
    return TABLE.name(code) + "(" + CodeTable.hex(code) + ")";
  }
}
