package io.ecss.sorm;

import java.util.Locale;

/**
 * Operation code of КПД2 messages 1.1, 1.2, 1.4 and 2.1: how the KSL was attached (notes §4.1).
 *
 * <p>An open enum: {@link #of(int)} returns the named constant for a known code and a new
 * instance for any other byte value, so codes this library does not know survive a decode/encode
 * round trip. Compare with {@code equals}, not {@code ==}.
 *
 * <p>Immutable and thread-safe.
 *
 * @param code the wire byte, 0 to 255
 */
public record KslState(int code) {
  /** {@code 0x00}: KSL connected normally (КСЛ подключена нормально). */
  public static final KslState CONNECTED = new KslState(0x00);

  /** {@code 0x01}: no free KSL in the group (нет свободной КСЛ в группе). */
  public static final KslState NO_FREE_KSL = new KslState(0x01);

  /** {@code 0xFF}: statistical control, no KSL (статистический контроль). */
  public static final KslState STATISTICAL = new KslState(0xFF);

  private static final CodeTable<KslState> TABLE =
      new CodeTable<KslState>("KslState")
          .add(0x00, CONNECTED, "CONNECTED", "KSL connected normally", "КСЛ подключена нормально")
          .add(0x01, NO_FREE_KSL, "NO_FREE_KSL", "no free KSL in the group", "нет свободной КСЛ в группе")
          .add(0xFF, STATISTICAL, "STATISTICAL", "statistical control, no KSL", "статистический контроль");

  /**
   * Validates the code.
   *
   * @param code the wire byte, 0 to 255
   * @throws IllegalArgumentException if {@code code} is not 0 to 255
   */
  public KslState {
    CodeTable.checkByte("KslState", code);
  }

  /**
   * Returns the constant for a known code, or a new instance for an unknown one.
   *
   * @param code the wire byte, 0 to 255
   * @return the value for {@code code}
   * @throws IllegalArgumentException if {@code code} is not 0 to 255
   */
  public static KslState of(int code) {
    KslState known = TABLE.known(code);
    return known != null ? known : new KslState(code);
  }

  /**
   * Returns the value for a constant name (case-insensitive, e.g. {@code "CONNECTED"}) or a numeric
   * code ({@code "0x00"} or {@code "0"}).
   *
   * @param text a constant name or a code
   * @return the value
   * @throws IllegalArgumentException if {@code text} is neither a known name nor a code 0 to 255
   */
  public static KslState parse(String text) {
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

  /** Returns the name and the code, e.g. {@code CONNECTED(0x00)}. */
  @Override
  public String toString() {
    return TABLE.name(code) + "(" + CodeTable.hex(code) + ")";
  }
}
