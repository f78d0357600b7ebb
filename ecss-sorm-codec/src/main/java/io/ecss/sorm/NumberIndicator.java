package io.ecss.sorm;

import java.util.Locale;

/**
 * Number indicator (признак номера) of an 11-byte number block (notes §1.1, §1.3).
 *
 * <p>An open enum: {@link #of(int)} returns the named constant for a known code and a new
 * instance for any other byte value, so codes this library does not know survive a decode/encode
 * round trip. Compare with {@code equals}, not {@code ==}.
 *
 * <p>Immutable and thread-safe.
 *
 * @param code the wire byte, 0 to 255
 */
public record NumberIndicator(int code) {
  /** {@code 0x01}: subscriber of this node (абонент данного узла связи). */
  public static final NumberIndicator NODE_SUBSCRIBER = new NumberIndicator(0x01);

  /** {@code 0x04}: subscriber of the Russian public network (local, zone and long-distance merged, Order 268) (абонент ТфСОП России). */
  public static final NumberIndicator RUSSIAN_PSTN = new NumberIndicator(0x04);

  /** {@code 0x05}: subscriber of another country (абонент другой страны). */
  public static final NumberIndicator INTERNATIONAL = new NumberIndicator(0x05);

  /** {@code 0x06}: emergency or information service (экстренная или справочная служба). */
  public static final NumberIndicator EMERGENCY = new NumberIndicator(0x06);

  /** {@code 0x07}: IMSI or another mobile-standard identifier (IMSI или иной идентификатор подвижной связи). */
  public static final NumberIndicator MOBILE_ID = new NumberIndicator(0x07);

  /** {@code 0xFF}: no number (номер отсутствует). */
  public static final NumberIndicator NONE = new NumberIndicator(0xFF);

  private static final CodeTable<NumberIndicator> TABLE =
      new CodeTable<NumberIndicator>("NumberIndicator")
          .add(0x01, NODE_SUBSCRIBER, "NODE_SUBSCRIBER", "subscriber of this node", "абонент данного узла связи")
          .add(0x04, RUSSIAN_PSTN, "RUSSIAN_PSTN", "subscriber of the Russian public network (local, zone and long-distance merged, Order 268)", "абонент ТфСОП России")
          .add(0x05, INTERNATIONAL, "INTERNATIONAL", "subscriber of another country", "абонент другой страны")
          .add(0x06, EMERGENCY, "EMERGENCY", "emergency or information service", "экстренная или справочная служба")
          .add(0x07, MOBILE_ID, "MOBILE_ID", "IMSI or another mobile-standard identifier", "IMSI или иной идентификатор подвижной связи")
          .add(0xFF, NONE, "NONE", "no number", "номер отсутствует");

  /**
   * Validates the code.
   *
   * @param code the wire byte, 0 to 255
   * @throws IllegalArgumentException if {@code code} is not 0 to 255
   */
  public NumberIndicator {
    CodeTable.checkByte("NumberIndicator", code);
  }

  /**
   * Returns the constant for a known code, or a new instance for an unknown one.
   *
   * @param code the wire byte, 0 to 255
   * @return the value for {@code code}
   * @throws IllegalArgumentException if {@code code} is not 0 to 255
   */
  public static NumberIndicator of(int code) {
    NumberIndicator known = TABLE.known(code);
    return known != null ? known : new NumberIndicator(code);
  }

  /**
   * Returns the value for a constant name (case-insensitive, e.g. {@code "NODE_SUBSCRIBER"}) or a numeric
   * code ({@code "0x01"} or {@code "1"}).
   *
   * @param text a constant name or a code
   * @return the value
   * @throws IllegalArgumentException if {@code text} is neither a known name nor a code 0 to 255
   */
  public static NumberIndicator parse(String text) {
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

  /** Returns the name and the code, e.g. {@code NODE_SUBSCRIBER(0x01)}. */
  @Override
  public String toString() {
    return TABLE.name(code) + "(" + CodeTable.hex(code) + ")";
  }
}
