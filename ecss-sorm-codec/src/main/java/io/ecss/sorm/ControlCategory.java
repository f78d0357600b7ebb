package io.ecss.sorm;

import java.util.Locale;

/**
 * Control category (категория контроля) in commands 5 and 15 and message 3 (notes §1.3).
 *
 * <p>An open enum: {@link #of(int)} returns the named constant for a known code and a new
 * instance for any other byte value, so codes this library does not know survive a decode/encode
 * round trip. Compare with {@code equals}, not {@code ==}.
 *
 * <p>Immutable and thread-safe.
 *
 * @param code the wire byte, 0 to 255
 */
public record ControlCategory(int code) {
  /** {@code 0x01}: full control, both directions mixed into one KSL (полный контроль, совмещённый). */
  public static final ControlCategory FULL_COMBINED = new ControlCategory(0x01);

  /** {@code 0x02}: statistical control: events only, no audio (статистический контроль). */
  public static final ControlCategory STATISTICAL = new ControlCategory(0x02);

  /** {@code 0x11}: full control, separate KSL-A and KSL-B (полный контроль, раздельный). */
  public static final ControlCategory FULL_SEPARATE = new ControlCategory(0x11);

  /** {@code 0xFF}: not specified (filler) (не задана). */
  public static final ControlCategory NONE = new ControlCategory(0xFF);

  private static final CodeTable<ControlCategory> TABLE =
      new CodeTable<ControlCategory>("ControlCategory")
          .add(0x01, FULL_COMBINED, "FULL_COMBINED", "full control, both directions mixed into one KSL", "полный контроль, совмещённый")
          .add(0x02, STATISTICAL, "STATISTICAL", "statistical control: events only, no audio", "статистический контроль")
          .add(0x11, FULL_SEPARATE, "FULL_SEPARATE", "full control, separate KSL-A and KSL-B", "полный контроль, раздельный")
          .add(0xFF, NONE, "NONE", "not specified (filler)", "не задана");

  /**
   * Validates the code.
   *
   * @param code the wire byte, 0 to 255
   * @throws IllegalArgumentException if {@code code} is not 0 to 255
   */
  public ControlCategory {
    CodeTable.checkByte("ControlCategory", code);
  }

  /**
   * Returns the constant for a known code, or a new instance for an unknown one.
   *
   * @param code the wire byte, 0 to 255
   * @return the value for {@code code}
   * @throws IllegalArgumentException if {@code code} is not 0 to 255
   */
  public static ControlCategory of(int code) {
    ControlCategory known = TABLE.known(code);
    return known != null ? known : new ControlCategory(code);
  }

  /**
   * Returns the value for a constant name (case-insensitive, e.g. {@code "FULL_COMBINED"}) or a numeric
   * code ({@code "0x01"} or {@code "1"}).
   *
   * @param text a constant name or a code
   * @return the value
   * @throws IllegalArgumentException if {@code text} is neither a known name nor a code 0 to 255
   */
  public static ControlCategory parse(String text) {
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

  /** Returns the name and the code, e.g. {@code FULL_COMBINED(0x01)}. */
  @Override
  public String toString() {
    return TABLE.name(code) + "(" + CodeTable.hex(code) + ")";
  }
}
