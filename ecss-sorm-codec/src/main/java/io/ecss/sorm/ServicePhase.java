package io.ecss.sorm;

import java.util.Locale;

/**
 * Service phase code (код фазы услуги) in the КПД2 header (notes §4).
 *
 * <p>An open enum: {@link #of(int)} returns the named constant for a known code and a new
 * instance for any other byte value, so codes this library does not know survive a decode/encode
 * round trip. Compare with {@code equals}, not {@code ==}.
 *
 * <p>Immutable and thread-safe.
 *
 * @param code the wire byte, 0 to 255
 */
public record ServicePhase(int code) {
  /** {@code 0x00}: ordinary call (обычный вызов). */
  public static final ServicePhase CALL = new ServicePhase(0x00);

  /** {@code 0x01}: service ordering (заказ услуги). */
  public static final ServicePhase ORDERING = new ServicePhase(0x01);

  /** {@code 0x02}: service checking (проверка услуги). */
  public static final ServicePhase CHECKING = new ServicePhase(0x02);

  /** {@code 0x03}: service cancelling (отмена услуги). */
  public static final ServicePhase CANCELLING = new ServicePhase(0x03);

  /** {@code 0x04}: service activation (активизация услуги). */
  public static final ServicePhase ACTIVATION = new ServicePhase(0x04);

  /** {@code 0x05}: information during an established connection (информация в ходе установленного соединения). */
  public static final ServicePhase IN_CALL = new ServicePhase(0x05);

  /** {@code 0xFF}: not specified (filler) (не задан). */
  public static final ServicePhase NONE = new ServicePhase(0xFF);

  private static final CodeTable<ServicePhase> TABLE =
      new CodeTable<ServicePhase>("ServicePhase")
          .add(0x00, CALL, "CALL", "ordinary call", "обычный вызов")
          .add(0x01, ORDERING, "ORDERING", "service ordering", "заказ услуги")
          .add(0x02, CHECKING, "CHECKING", "service checking", "проверка услуги")
          .add(0x03, CANCELLING, "CANCELLING", "service cancelling", "отмена услуги")
          .add(0x04, ACTIVATION, "ACTIVATION", "service activation", "активизация услуги")
          .add(0x05, IN_CALL, "IN_CALL", "information during an established connection", "информация в ходе установленного соединения")
          .add(0xFF, NONE, "NONE", "not specified (filler)", "не задан");

  /**
   * Validates the code.
   *
   * @param code the wire byte, 0 to 255
   * @throws IllegalArgumentException if {@code code} is not 0 to 255
   */
  public ServicePhase {
    CodeTable.checkByte("ServicePhase", code);
  }

  /**
   * Returns the constant for a known code, or a new instance for an unknown one.
   *
   * @param code the wire byte, 0 to 255
   * @return the value for {@code code}
   * @throws IllegalArgumentException if {@code code} is not 0 to 255
   */
  public static ServicePhase of(int code) {
    ServicePhase known = TABLE.known(code);
    return known != null ? known : new ServicePhase(code);
  }

  /**
   * Returns the value for a constant name (case-insensitive, e.g. {@code "CALL"}) or a numeric
   * code ({@code "0x00"} or {@code "0"}).
   *
   * @param text a constant name or a code
   * @return the value
   * @throws IllegalArgumentException if {@code text} is neither a known name nor a code 0 to 255
   */
  public static ServicePhase parse(String text) {
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

  /** Returns the name and the code, e.g. {@code CALL(0x00)}. */
  @Override
  public String toString() {
    return TABLE.name(code) + "(" + CodeTable.hex(code) + ")";
  }
}
