package io.ecss.sorm;

import java.util.Locale;

/**
 * Operation code of КПД2 message 2.2: why the KSL was freed (notes §4.1).
 *
 * <p>An open enum: {@link #of(int)} returns the named constant for a known code and a new
 * instance for any other byte value, so codes this library does not know survive a decode/encode
 * round trip. Compare with {@code equals}, not {@code ==}.
 *
 * <p>Immutable and thread-safe.
 *
 * @param code the wire byte, 0 to 255
 */
public record KslReleaseReason(int code) {
  /** {@code 0x01}: by command 8 (по команде 8). */
  public static final KslReleaseReason COMMAND_8 = new KslReleaseReason(0x01);

  /** {@code 0x02}: pre-empted by a priority object (вытеснена приоритетным объектом). */
  public static final KslReleaseReason PREEMPTED_BY_PRIORITY = new KslReleaseReason(0x02);

  /** {@code 0x03}: pre-empted because command 7 was executed (вытеснена при выполнении команды 7). */
  public static final KslReleaseReason PREEMPTED_BY_COMMAND_7 = new KslReleaseReason(0x03);

  /** {@code 0x04}: station equipment fault (неисправность оборудования станции). */
  public static final KslReleaseReason EQUIPMENT_FAULT = new KslReleaseReason(0x04);

  /** {@code 0x05}: by command 6 (по команде 6). */
  public static final KslReleaseReason COMMAND_6 = new KslReleaseReason(0x05);

  /** {@code 0x06}: by command 2 (по команде 2). */
  public static final KslReleaseReason COMMAND_2 = new KslReleaseReason(0x06);

  private static final CodeTable<KslReleaseReason> TABLE =
      new CodeTable<KslReleaseReason>("KslReleaseReason")
          .add(0x01, COMMAND_8, "COMMAND_8", "by command 8", "по команде 8")
          .add(0x02, PREEMPTED_BY_PRIORITY, "PREEMPTED_BY_PRIORITY", "pre-empted by a priority object", "вытеснена приоритетным объектом")
          .add(0x03, PREEMPTED_BY_COMMAND_7, "PREEMPTED_BY_COMMAND_7", "pre-empted because command 7 was executed", "вытеснена при выполнении команды 7")
          .add(0x04, EQUIPMENT_FAULT, "EQUIPMENT_FAULT", "station equipment fault", "неисправность оборудования станции")
          .add(0x05, COMMAND_6, "COMMAND_6", "by command 6", "по команде 6")
          .add(0x06, COMMAND_2, "COMMAND_2", "by command 2", "по команде 2");

  /**
   * Validates the code.
   *
   * @param code the wire byte, 0 to 255
   * @throws IllegalArgumentException if {@code code} is not 0 to 255
   */
  public KslReleaseReason {
    CodeTable.checkByte("KslReleaseReason", code);
  }

  /**
   * Returns the constant for a known code, or a new instance for an unknown one.
   *
   * @param code the wire byte, 0 to 255
   * @return the value for {@code code}
   * @throws IllegalArgumentException if {@code code} is not 0 to 255
   */
  public static KslReleaseReason of(int code) {
    KslReleaseReason known = TABLE.known(code);
    return known != null ? known : new KslReleaseReason(code);
  }

  /**
   * Returns the value for a constant name (case-insensitive, e.g. {@code "COMMAND_8"}) or a numeric
   * code ({@code "0x01"} or {@code "1"}).
   *
   * @param text a constant name or a code
   * @return the value
   * @throws IllegalArgumentException if {@code text} is neither a known name nor a code 0 to 255
   */
  public static KslReleaseReason parse(String text) {
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

  /** Returns the name and the code, e.g. {@code COMMAND_8(0x01)}. */
  @Override
  public String toString() {
    return TABLE.name(code) + "(" + CodeTable.hex(code) + ")";
  }
}
