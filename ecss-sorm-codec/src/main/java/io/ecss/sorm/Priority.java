package io.ecss.sorm;

import java.util.Locale;

/**
 * Priority of an object on control (notes §1.3).
 *
 * <p>An open enum: {@link #of(int)} returns the named constant for a known code and a new
 * instance for any other byte value, so codes this library does not know survive a decode/encode
 * round trip. Compare with {@code equals}, not {@code ==}.
 *
 * <p>Immutable and thread-safe.
 *
 * @param code the wire byte, 0 to 255
 */
public record Priority(int code) {
  /** {@code 0x01}: priority object (приоритетный объект). */
  public static final Priority PRIORITY = new Priority(0x01);

  /** {@code 0x02}: normal object (обычный объект). */
  public static final Priority NORMAL = new Priority(0x02);

  /** {@code 0xFF}: normal object under statistical control (объект на статистическом контроле). */
  public static final Priority STATISTICAL = new Priority(0xFF);

  private static final CodeTable<Priority> TABLE =
      new CodeTable<Priority>("Priority")
          .add(0x01, PRIORITY, "PRIORITY", "priority object", "приоритетный объект")
          .add(0x02, NORMAL, "NORMAL", "normal object", "обычный объект")
          .add(0xFF, STATISTICAL, "STATISTICAL", "normal object under statistical control", "объект на статистическом контроле");

  /**
   * Validates the code.
   *
   * @param code the wire byte, 0 to 255
   * @throws IllegalArgumentException if {@code code} is not 0 to 255
   */
  public Priority {
    CodeTable.checkByte("Priority", code);
  }

  /**
   * Returns the constant for a known code, or a new instance for an unknown one.
   *
   * @param code the wire byte, 0 to 255
   * @return the value for {@code code}
   * @throws IllegalArgumentException if {@code code} is not 0 to 255
   */
  public static Priority of(int code) {
    Priority known = TABLE.known(code);
    return known != null ? known : new Priority(code);
  }

  /**
   * Returns the value for a constant name (case-insensitive, e.g. {@code "PRIORITY"}) or a numeric
   * code ({@code "0x01"} or {@code "1"}).
   *
   * @param text a constant name or a code
   * @return the value
   * @throws IllegalArgumentException if {@code text} is neither a known name nor a code 0 to 255
   */
  public static Priority parse(String text) {
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

  /** Returns the name and the code, e.g. {@code PRIORITY(0x01)}. */
  @Override
  public String toString() {
    return TABLE.name(code) + "(" + CodeTable.hex(code) + ")";
  }
}
