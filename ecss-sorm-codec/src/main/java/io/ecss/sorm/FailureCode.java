package io.ecss.sorm;

import java.util.Locale;

/**
 * Failure code in message 1 (Eltex values, notes §3.1).
 *
 * <p>An open enum: {@link #of(int)} returns the named constant for a known code and a new
 * instance for any other byte value, so codes this library does not know survive a decode/encode
 * round trip. Compare with {@code equals}, not {@code ==}.
 *
 * <p>Immutable and thread-safe.
 *
 * @param code the wire byte, 0 to 255
 */
public record FailureCode(int code) {
  /** {@code 0x01}: E1 loss of signal (потеря сигнала E1 (LOS)). */
  public static final FailureCode E1_LOS = new FailureCode(0x01);

  /** {@code 0x02}: E1 remote alarm (удалённая авария E1 (RAI)). */
  public static final FailureCode E1_RAI = new FailureCode(0x02);

  /** {@code 0x03}: SIP adapter restart (перезапуск SIP-адаптера). */
  public static final FailureCode SIP_ADAPTER_RESTART = new FailureCode(0x03);

  /** {@code 0xFF}: not specified (filler) (не задан). */
  public static final FailureCode NONE = new FailureCode(0xFF);

  private static final CodeTable<FailureCode> TABLE =
      new CodeTable<FailureCode>("FailureCode")
          .add(0x01, E1_LOS, "E1_LOS", "E1 loss of signal", "потеря сигнала E1 (LOS)")
          .add(0x02, E1_RAI, "E1_RAI", "E1 remote alarm", "удалённая авария E1 (RAI)")
          .add(0x03, SIP_ADAPTER_RESTART, "SIP_ADAPTER_RESTART", "SIP adapter restart", "перезапуск SIP-адаптера")
          .add(0xFF, NONE, "NONE", "not specified (filler)", "не задан");

  /**
   * Validates the code.
   *
   * @param code the wire byte, 0 to 255
   * @throws IllegalArgumentException if {@code code} is not 0 to 255
   */
  public FailureCode {
    CodeTable.checkByte("FailureCode", code);
  }

  /**
   * Returns the constant for a known code, or a new instance for an unknown one.
   *
   * @param code the wire byte, 0 to 255
   * @return the value for {@code code}
   * @throws IllegalArgumentException if {@code code} is not 0 to 255
   */
  public static FailureCode of(int code) {
    FailureCode known = TABLE.known(code);
    return known != null ? known : new FailureCode(code);
  }

  /**
   * Returns the value for a constant name (case-insensitive, e.g. {@code "E1_LOS"}) or a numeric
   * code ({@code "0x01"} or {@code "1"}).
   *
   * @param text a constant name or a code
   * @return the value
   * @throws IllegalArgumentException if {@code text} is neither a known name nor a code 0 to 255
   */
  public static FailureCode parse(String text) {
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

  /** Returns the name and the code, e.g. {@code E1_LOS(0x01)}. */
  @Override
  public String toString() {
    return TABLE.name(code) + "(" + CodeTable.hex(code) + ")";
  }
}
