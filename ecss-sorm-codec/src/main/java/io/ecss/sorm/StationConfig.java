package io.ecss.sorm;

import java.time.Duration;
import java.util.Objects;

/**
 * Settings of a {@link SormStation} (the mediator settings of the manual): the SORM number and
 * password a console must present, the capacity of the object table, whether refusals use the
 * Eltex vendor codes ("extended error codes") or only the standard codes {@code 00}–{@code 07},
 * the idle timeout of the control link, the codec (digit-zero option) and what command 17 answers.
 *
 * <p>Start from {@link #defaults()} and change fields with the {@code with…} methods.
 *
 * <p>Immutable and thread-safe.
 *
 * @param sormNumber the SORM number (номер ТС ОРМ) commands must carry, 0 to 255
 * @param password the initial 6-character password
 * @param objectCapacity how many objects the table holds, 1 to 65535
 * @param extendedErrorCodes {@code true} to answer refusals with vendor codes ({@code 0x10} and
 *     up), {@code false} for the standard codes only
 * @param idleTimeout how long the link may stay without a command before it is declared faulty
 *     and pending output is discarded; {@link Duration#ZERO} turns the check off
 * @param codec the codec used on the wire (its digit-zero option is the station's)
 * @param softwareVersion the text command 17 answers, at most 44 single-byte characters
 * @param nodeType the node type command 17 answers
 * @param callLookup how call reports find the objects on control: by the number index (the
 *     default) or by a linear scan of the object table (for comparison in benchmarks only)
 */
public record StationConfig(
    int sormNumber,
    String password,
    int objectCapacity,
    boolean extendedErrorCodes,
    Duration idleTimeout,
    SormCodec codec,
    String softwareVersion,
    NodeType nodeType,
    CallLookup callLookup) {

  /**
   * How {@link SormStation#callStarted} finds the objects a call matches: number index (default)
   * or linear scan, for comparison.
   */
  public enum CallLookup {
    /** A hash index from digits to objects, kept up to date by commands 5, 6, 15 (the default). */
    NUMBER_INDEX,
    /** A scan of the whole object table for each number; only for measuring the index against. */
    LINEAR_SCAN
  }

  /** The default object-table capacity. */
  public static final int DEFAULT_OBJECT_CAPACITY = 1024;

  /**
   * Validates the components.
   *
   * @param sormNumber the SORM number (номер ТС ОРМ) commands must carry, 0 to 255
   * @param password the initial 6-character password
   * @param objectCapacity how many objects the table holds, 1 to 65535
   * @param extendedErrorCodes {@code true} for vendor codes, {@code false} for standard codes
   * @param idleTimeout the idle timeout, zero for none
   * @param codec the wire codec
   * @param softwareVersion the text command 17 answers, at most 44 single-byte characters
   * @param nodeType the node type command 17 answers
   * @param callLookup number index (default) or linear scan, for comparison
   * @throws IllegalArgumentException if a value is out of range
   */
  public StationConfig {
    Checks.u8("sormNumber", sormNumber);
    Checks.password("password", password);
    Checks.range("objectCapacity", objectCapacity, 1, 0xFFFF);
    Objects.requireNonNull(idleTimeout, "idleTimeout");
    if (idleTimeout.isNegative()) {
      throw new IllegalArgumentException(
          "idleTimeout: " + idleTimeout + " (expected zero or positive)");
    }
    Objects.requireNonNull(codec, "codec");
    Checks.text("softwareVersion", softwareVersion, 44);
    Objects.requireNonNull(nodeType, "nodeType");
    Objects.requireNonNull(callLookup, "callLookup");
  }

  /**
   * Returns the defaults: SORM number 1, password {@code "000000"}, 1024 objects, extended error
   * codes on (as the ECSS mediator ships), no idle timeout, {@link SormCodec#DEFAULT}, version
   * {@code "ECSS SDK SORM station"}, terminal-transit node, number-index call lookup.
   *
   * @return the default settings
   */
  public static StationConfig defaults() {
    return new StationConfig(
        1,
        "000000",
        DEFAULT_OBJECT_CAPACITY,
        true,
        Duration.ZERO,
        SormCodec.DEFAULT,
        "ECSS SDK SORM station",
        NodeType.TERMINAL_TRANSIT,
        CallLookup.NUMBER_INDEX);
  }

  /**
   * Returns a copy with another SORM number.
   *
   * @param number 0 to 255
   * @return the new settings
   */
  public StationConfig withSormNumber(int number) {
    return new StationConfig(number, password, objectCapacity, extendedErrorCodes, idleTimeout, codec, softwareVersion, nodeType, callLookup);
  }

  /**
   * Returns a copy with another initial password.
   *
   * @param newPassword exactly 6 single-byte characters
   * @return the new settings
   */
  public StationConfig withPassword(String newPassword) {
    return new StationConfig(sormNumber, newPassword, objectCapacity, extendedErrorCodes, idleTimeout, codec, softwareVersion, nodeType, callLookup);
  }

  /**
   * Returns a copy with another object-table capacity.
   *
   * @param capacity 1 to 65535
   * @return the new settings
   */
  public StationConfig withObjectCapacity(int capacity) {
    return new StationConfig(sormNumber, password, capacity, extendedErrorCodes, idleTimeout, codec, softwareVersion, nodeType, callLookup);
  }

  /**
   * Returns a copy with extended (vendor) error codes on or off.
   *
   * @param on {@code true} for vendor codes
   * @return the new settings
   */
  public StationConfig withExtendedErrorCodes(boolean on) {
    return new StationConfig(sormNumber, password, objectCapacity, on, idleTimeout, codec, softwareVersion, nodeType, callLookup);
  }

  /**
   * Returns a copy with another idle timeout.
   *
   * @param timeout zero for none
   * @return the new settings
   */
  public StationConfig withIdleTimeout(Duration timeout) {
    return new StationConfig(sormNumber, password, objectCapacity, extendedErrorCodes, timeout, codec, softwareVersion, nodeType, callLookup);
  }

  /**
   * Returns a copy with another wire codec (for example another digit-zero option).
   *
   * @param newCodec the codec
   * @return the new settings
   */
  public StationConfig withCodec(SormCodec newCodec) {
    return new StationConfig(sormNumber, password, objectCapacity, extendedErrorCodes, idleTimeout, newCodec, softwareVersion, nodeType, callLookup);
  }

  /**
   * Returns a copy with another call lookup: number index (default) or linear scan, for
   * comparison.
   *
   * @param lookup the lookup
   * @return the new settings
   */
  public StationConfig withCallLookup(CallLookup lookup) {
    return new StationConfig(sormNumber, password, objectCapacity, extendedErrorCodes, idleTimeout, codec, softwareVersion, nodeType, lookup);
  }
}
