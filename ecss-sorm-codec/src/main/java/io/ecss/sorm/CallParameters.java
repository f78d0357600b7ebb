package io.ecss.sorm;

/**
 * The КПД2 header's call parameters (параметры связи): the high nibble tells how the call was
 * established ({@code 1} automatically, {@code 2} semi-automatically by an operator), the low
 * nibble its direction ({@code 1} outgoing, {@code 2} incoming, {@code 4} international transit,
 * {@code 8} long-distance transit, {@code C} intra-station), notes §4. Every byte value is valid.
 *
 * <p>Immutable and thread-safe.
 *
 * @param code the wire byte, 0 to 255
 */
public record CallParameters(int code) {
  /** {@code 0x11}: established automatically, outgoing. */
  public static final CallParameters OUTGOING = new CallParameters(0x11);

  /** {@code 0x12}: established automatically, incoming. */
  public static final CallParameters INCOMING = new CallParameters(0x12);

  /** {@code 0x1C}: established automatically, intra-station. */
  public static final CallParameters INTRA_STATION = new CallParameters(0x1C);

  /** {@code 0xFF}: the filler used where no call applies. */
  public static final CallParameters NONE = new CallParameters(0xFF);

  private static final CallParameters[] ALL = new CallParameters[256];

  static {
    for (int i = 0; i < 256; i++) {
      ALL[i] = new CallParameters(i);
    }
  }

  /**
   * Validates the code.
   *
   * @param code the wire byte, 0 to 255
   * @throws IllegalArgumentException if {@code code} is not 0 to 255
   */
  public CallParameters {
    Checks.u8("callParameters", code);
  }

  /**
   * Returns the value for a wire byte (cached: decoding allocates nothing for it).
   *
   * @param code the wire byte, 0 to 255
   * @return the value
   * @throws IllegalArgumentException if {@code code} is not 0 to 255
   */
  public static CallParameters of(int code) {
    return ALL[Checks.u8("callParameters", code)];
  }

  /**
   * Returns how the call was established: the high nibble ({@code 1} automatic, {@code 2}
   * semi-automatic).
   *
   * @return 0 to 15
   */
  public int establishment() {
    return code >>> 4;
  }

  /**
   * Returns the direction: the low nibble ({@code 1} outgoing, {@code 2} incoming, {@code 4}
   * international transit, {@code 8} long-distance transit, {@code 0xC} intra-station).
   *
   * @return 0 to 15
   */
  public int direction() {
    return code & 0xF;
  }

  /** Returns the code and its reading, e.g. {@code 0x11(automatic,outgoing)}. */
  @Override
  public String toString() {
    String how =
        switch (establishment()) {
          case 1 -> "automatic";
          case 2 -> "semi-automatic";
          default -> "establishment " + establishment();
        };
    String dir =
        switch (direction()) {
          case 1 -> "outgoing";
          case 2 -> "incoming";
          case 4 -> "international transit";
          case 8 -> "long-distance transit";
          case 0xC -> "intra-station";
          default -> "direction " + direction();
        };
    return CodeTable.hex(code) + "(" + how + "," + dir + ")";
  }
}
