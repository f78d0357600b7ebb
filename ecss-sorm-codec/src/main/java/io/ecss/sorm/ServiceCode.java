package io.ecss.sorm;

import java.util.Locale;

/**
 * Supplementary-service code in message 5 (notes §3.1; the values coincide with GSM MAP SS-Codes).
 *
 * <p>An open enum: {@link #of(int)} returns the named constant for a known code and a new
 * instance for any other byte value, so codes this library does not know survive a decode/encode
 * round trip. Compare with {@code equals}, not {@code ==}.
 *
 * <p>Immutable and thread-safe.
 *
 * @param code the wire byte, 0 to 255
 */
public record ServiceCode(int code) {
  /** {@code 0x20}: all call forwarding (все виды переадресации). */
  public static final ServiceCode ALL_FORWARDING = new ServiceCode(0x20);

  /** {@code 0x21}: call forwarding unconditional (безусловная переадресация). */
  public static final ServiceCode CFU = new ServiceCode(0x21);

  /** {@code 0x29}: call forwarding on busy (переадресация по занятости). */
  public static final ServiceCode CFB = new ServiceCode(0x29);

  /** {@code 0x2A}: call forwarding on no reply (переадресация по неответу). */
  public static final ServiceCode CFNR = new ServiceCode(0x2A);

  /** {@code 0x31}: call transfer (передача вызова). */
  public static final ServiceCode CALL_TRANSFER = new ServiceCode(0x31);

  /** {@code 0x32}: call pick-up (перехват вызова). */
  public static final ServiceCode CALL_PICKUP = new ServiceCode(0x32);

  /** {@code 0x42}: call hold (удержание вызова). */
  public static final ServiceCode HOLD = new ServiceCode(0x42);

  /** {@code 0x50}: conference (конференция). */
  public static final ServiceCode CONFERENCE = new ServiceCode(0x50);

  /** {@code 0x52}: three-party call (трёхсторонняя связь). */
  public static final ServiceCode THREE_PARTY = new ServiceCode(0x52);

  /** {@code 0xFF}: none (нет). */
  public static final ServiceCode NONE = new ServiceCode(0xFF);

  private static final CodeTable<ServiceCode> TABLE =
      new CodeTable<ServiceCode>("ServiceCode")
          .add(0x20, ALL_FORWARDING, "ALL_FORWARDING", "all call forwarding", "все виды переадресации")
          .add(0x21, CFU, "CFU", "call forwarding unconditional", "безусловная переадресация")
          .add(0x29, CFB, "CFB", "call forwarding on busy", "переадресация по занятости")
          .add(0x2A, CFNR, "CFNR", "call forwarding on no reply", "переадресация по неответу")
          .add(0x31, CALL_TRANSFER, "CALL_TRANSFER", "call transfer", "передача вызова")
          .add(0x32, CALL_PICKUP, "CALL_PICKUP", "call pick-up", "перехват вызова")
          .add(0x42, HOLD, "HOLD", "call hold", "удержание вызова")
          .add(0x50, CONFERENCE, "CONFERENCE", "conference", "конференция")
          .add(0x52, THREE_PARTY, "THREE_PARTY", "three-party call", "трёхсторонняя связь")
          .add(0xFF, NONE, "NONE", "none", "нет");

  /**
   * Validates the code.
   *
   * @param code the wire byte, 0 to 255
   * @throws IllegalArgumentException if {@code code} is not 0 to 255
   */
  public ServiceCode {
    CodeTable.checkByte("ServiceCode", code);
  }

  /**
   * Returns the constant for a known code, or a new instance for an unknown one.
   *
   * @param code the wire byte, 0 to 255
   * @return the value for {@code code}
   * @throws IllegalArgumentException if {@code code} is not 0 to 255
   */
  public static ServiceCode of(int code) {
    ServiceCode known = TABLE.known(code);
    return known != null ? known : new ServiceCode(code);
  }

  /**
   * Returns the value for a constant name (case-insensitive, e.g. {@code "ALL_FORWARDING"}) or a numeric
   * code ({@code "0x20"} or {@code "32"}).
   *
   * @param text a constant name or a code
   * @return the value
   * @throws IllegalArgumentException if {@code text} is neither a known name nor a code 0 to 255
   */
  public static ServiceCode parse(String text) {
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

  /** Returns the name and the code, e.g. {@code ALL_FORWARDING(0x20)}. */
  @Override
  public String toString() {
    return TABLE.name(code) + "(" + CodeTable.hex(code) + ")";
  }
}
