package io.ecss.sorm;

import java.util.Locale;

/**
 * Operation code of КПД2 message 1.3: why the call was released (notes §4.1).
 *
 * <p>An open enum: {@link #of(int)} returns the named constant for a known code and a new
 * instance for any other byte value, so codes this library does not know survive a decode/encode
 * round trip. Compare with {@code equals}, not {@code ==}.
 *
 * <p>Immutable and thread-safe.
 *
 * @param code the wire byte, 0 to 255
 */
public record ReleaseCause(int code) {
  /** {@code 0x01}: technical reasons (по техническим причинам). */
  public static final ReleaseCause TECHNICAL = new ReleaseCause(0x01);

  /** {@code 0x02}: after incomplete dialling (после неполного набора). */
  public static final ReleaseCause INCOMPLETE_DIALLING = new ReleaseCause(0x02);

  /** {@code 0x03}: called party busy (занятость вызываемого). */
  public static final ReleaseCause BUSY = new ReleaseCause(0x03);

  /** {@code 0x04}: no answer (неответ вызываемого). */
  public static final ReleaseCause NO_ANSWER = new ReleaseCause(0x04);

  /** {@code 0x05}: after conversation (после разговора). */
  public static final ReleaseCause AFTER_CONVERSATION = new ReleaseCause(0x05);

  /** {@code 0xFF}: not specified (filler) (не задана). */
  public static final ReleaseCause NONE = new ReleaseCause(0xFF);

  private static final CodeTable<ReleaseCause> TABLE =
      new CodeTable<ReleaseCause>("ReleaseCause")
          .add(0x01, TECHNICAL, "TECHNICAL", "technical reasons", "по техническим причинам")
          .add(0x02, INCOMPLETE_DIALLING, "INCOMPLETE_DIALLING", "after incomplete dialling", "после неполного набора")
          .add(0x03, BUSY, "BUSY", "called party busy", "занятость вызываемого")
          .add(0x04, NO_ANSWER, "NO_ANSWER", "no answer", "неответ вызываемого")
          .add(0x05, AFTER_CONVERSATION, "AFTER_CONVERSATION", "after conversation", "после разговора")
          .add(0xFF, NONE, "NONE", "not specified (filler)", "не задана");

  /**
   * Validates the code.
   *
   * @param code the wire byte, 0 to 255
   * @throws IllegalArgumentException if {@code code} is not 0 to 255
   */
  public ReleaseCause {
    CodeTable.checkByte("ReleaseCause", code);
  }

  /**
   * Returns the constant for a known code, or a new instance for an unknown one.
   *
   * @param code the wire byte, 0 to 255
   * @return the value for {@code code}
   * @throws IllegalArgumentException if {@code code} is not 0 to 255
   */
  public static ReleaseCause of(int code) {
    ReleaseCause known = TABLE.known(code);
    return known != null ? known : new ReleaseCause(code);
  }

  /**
   * Returns the value for a constant name (case-insensitive, e.g. {@code "TECHNICAL"}) or a numeric
   * code ({@code "0x01"} or {@code "1"}).
   *
   * @param text a constant name or a code
   * @return the value
   * @throws IllegalArgumentException if {@code text} is neither a known name nor a code 0 to 255
   */
  public static ReleaseCause parse(String text) {
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

  /** Returns the name and the code, e.g. {@code TECHNICAL(0x01)}. */
  @Override
  public String toString() {
    return TABLE.name(code) + "(" + CodeTable.hex(code) + ")";
  }
}
