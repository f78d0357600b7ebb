package io.ecss.sorm;

/**
 * What КПД2 messages 1.1 to 2.2 say about a call: the 12-byte header fields after the code (call
 * number, object, selection, parameters, phase) and the 36-byte body except its operation code,
 * which each message types differently (notes §4, §4.1). A station builds one per call and
 * reuses it for each message of the call, changing the time with {@link #withTime(EventTime)}.
 *
 * <p>Immutable and thread-safe.
 *
 * @param callNumber the call number (номер вызова), 0 to 65535; commands 7 and 8 refer to it
 * @param objectType the type of the object on control
 * @param objectNumber the object number, 0 to 65535
 * @param selection which criteria selected the call
 * @param parameters how the call was established and its direction
 * @param phase the service phase
 * @param a the calling (A) number
 * @param b the called (B) number
 * @param trunkGroup the trunk-group number, 0 to 65535 ({@code 0xFFFF} unused)
 * @param kslA the KSL for direction A, or {@link Ksl#NONE}
 * @param kslB the KSL for direction B, or {@link Ksl#NONE}
 * @param time when the event happened
 * @param priority the priority of the object
 * @param serviceCode the 3-byte supplementary-service field as a big-endian number in wire order,
 *     0 to {@code 0xFFFFFF} ({@code 0xFFFFFF} none); its inner structure is not public
 * @param additionalCode the additional code, 0 to 255 ({@code 0xFF} none)
 */
public record CallEvent(
    int callNumber,
    ObjectType objectType,
    int objectNumber,
    SelectionFlag selection,
    CallParameters parameters,
    ServicePhase phase,
    PhoneNumber a,
    PhoneNumber b,
    int trunkGroup,
    Ksl kslA,
    Ksl kslB,
    EventTime time,
    Priority priority,
    int serviceCode,
    int additionalCode) {

  /** The trunk-group value that means "not a trunk call". */
  public static final int NO_TRUNK_GROUP = 0xFFFF;

  /** The service-code value that means "no service". */
  public static final int NO_SERVICE = 0xFFFFFF;

  /**
   * Validates the components.
   *
   * @param callNumber the call number (номер вызова), 0 to 65535; commands 7 and 8 refer to it
   * @param objectType the type of the object on control
   * @param objectNumber the object number, 0 to 65535
   * @param selection which criteria selected the call
   * @param parameters how the call was established and its direction
   * @param phase the service phase
   * @param a the calling (A) number
   * @param b the called (B) number
   * @param trunkGroup the trunk-group number, 0 to 65535 ({@code 0xFFFF} unused)
   * @param kslA the KSL for direction A, or {@link Ksl#NONE}
   * @param kslB the KSL for direction B, or {@link Ksl#NONE}
   * @param time when the event happened
   * @param priority the priority of the object
   * @param serviceCode the 3-byte supplementary-service field as a big-endian number in wire order, 0 to {@code 0xFFFFFF} ({@code 0xFFFFFF} none); its inner structure is not public
   * @param additionalCode the additional code, 0 to 255 ({@code 0xFF} none)
   * @throws IllegalArgumentException if a number is out of range
   */
  public CallEvent {
    Checks.u16("callNumber", callNumber);
    Checks.notNull("objectType", objectType);
    Checks.u16("objectNumber", objectNumber);
    Checks.notNull("selection", selection);
    Checks.notNull("parameters", parameters);
    Checks.notNull("phase", phase);
    Checks.notNull("a", a);
    Checks.notNull("b", b);
    Checks.u16("trunkGroup", trunkGroup);
    Checks.notNull("kslA", kslA);
    Checks.notNull("kslB", kslB);
    Checks.notNull("time", time);
    Checks.notNull("priority", priority);
    Checks.range("serviceCode", serviceCode, 0, 0xFFFFFF);
    Checks.u8("additionalCode", additionalCode);
  }

  /**
   * Returns this event at another time.
   *
   * @param newTime the time
   * @return a copy with {@code time} replaced
   */
  public CallEvent withTime(EventTime newTime) {
    return new CallEvent(
        callNumber, objectType, objectNumber, selection, parameters, phase, a, b, trunkGroup,
        kslA, kslB, newTime, priority, serviceCode, additionalCode);
  }

  /**
   * Returns this event with other KSLs.
   *
   * @param newKslA the KSL for direction A
   * @param newKslB the KSL for direction B
   * @return a copy with {@code kslA} and {@code kslB} replaced
   */
  public CallEvent withKsl(Ksl newKslA, Ksl newKslB) {
    return new CallEvent(
        callNumber, objectType, objectNumber, selection, parameters, phase, a, b, trunkGroup,
        newKslA, newKslB, time, priority, serviceCode, additionalCode);
  }
}
