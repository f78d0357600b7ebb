package io.ecss.sorm;

import java.util.Locale;

/**
 * Object type (тип объекта контроля) in commands 5, 6, 7, 8, 10, messages 3 and 12 and the КПД2 header (notes §1.3).
 *
 * <p>An open enum: {@link #of(int)} returns the named constant for a known code and a new
 * instance for any other byte value, so codes this library does not know survive a decode/encode
 * round trip. Compare with {@code equals}, not {@code ==}.
 *
 * <p>Immutable and thread-safe.
 *
 * @param code the wire byte, 0 to 255
 */
public record ObjectType(int code) {
  /** {@code 0x01}: subscriber of this node (абонент данного узла связи). */
  public static final ObjectType NODE_SUBSCRIBER = new ObjectType(0x01);

  /** {@code 0x02}: network subscriber with a full number, or an identifier such as an IMSI (абонент сети связи, полный номер, или идентификатор (IMSI)). */
  public static final ObjectType NETWORK_SUBSCRIBER = new ObjectType(0x02);

  /** {@code 0x03}: trunk group (bundle of channels) (пучок каналов). */
  public static final ObjectType TRUNK_GROUP = new ObjectType(0x03);

  /** {@code 0x12}: network subscriber with an incomplete number (prefix match) (абонент сети связи, неполный номер). */
  public static final ObjectType NETWORK_SUBSCRIBER_PREFIX = new ObjectType(0x12);

  /** {@code 0xFF}: not specified (filler) (не задан). */
  public static final ObjectType NONE = new ObjectType(0xFF);

  private static final CodeTable<ObjectType> TABLE =
      new CodeTable<ObjectType>("ObjectType")
          .add(0x01, NODE_SUBSCRIBER, "NODE_SUBSCRIBER", "subscriber of this node", "абонент данного узла связи")
          .add(0x02, NETWORK_SUBSCRIBER, "NETWORK_SUBSCRIBER", "network subscriber with a full number, or an identifier such as an IMSI", "абонент сети связи, полный номер, или идентификатор (IMSI)")
          .add(0x03, TRUNK_GROUP, "TRUNK_GROUP", "trunk group (bundle of channels)", "пучок каналов")
          .add(0x12, NETWORK_SUBSCRIBER_PREFIX, "NETWORK_SUBSCRIBER_PREFIX", "network subscriber with an incomplete number (prefix match)", "абонент сети связи, неполный номер")
          .add(0xFF, NONE, "NONE", "not specified (filler)", "не задан");

  /**
   * Validates the code.
   *
   * @param code the wire byte, 0 to 255
   * @throws IllegalArgumentException if {@code code} is not 0 to 255
   */
  public ObjectType {
    CodeTable.checkByte("ObjectType", code);
  }

  /**
   * Returns the constant for a known code, or a new instance for an unknown one.
   *
   * @param code the wire byte, 0 to 255
   * @return the value for {@code code}
   * @throws IllegalArgumentException if {@code code} is not 0 to 255
   */
  public static ObjectType of(int code) {
    ObjectType known = TABLE.known(code);
    return known != null ? known : new ObjectType(code);
  }

  /**
   * Returns the value for a constant name (case-insensitive, e.g. {@code "NODE_SUBSCRIBER"}) or a numeric
   * code ({@code "0x01"} or {@code "1"}).
   *
   * @param text a constant name or a code
   * @return the value
   * @throws IllegalArgumentException if {@code text} is neither a known name nor a code 0 to 255
   */
  public static ObjectType parse(String text) {
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
