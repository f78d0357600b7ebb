package io.ecss.sorm;

/**
 * The КПД2 header's selection flag (признак отбора объекта контроля): four 2-bit groups telling
 * which criteria matched an object on control — bits 1–0 the A number, 3–2 the B number, 5–4 the
 * trunk group, 7–6 a supplementary service (notes §4). Every byte value is valid.
 *
 * <p>Immutable and thread-safe.
 *
 * @param code the wire byte, 0 to 255
 */
public record SelectionFlag(int code) {
  /** {@code 0x01}: matched by the A number, full combined control. */
  public static final SelectionFlag A_FULL_COMBINED = new SelectionFlag(0x01);

  /** {@code 0xFF}: the filler used where no selection applies. */
  public static final SelectionFlag NONE = new SelectionFlag(0xFF);

  private static final SelectionFlag[] ALL = new SelectionFlag[256];

  static {
    for (int i = 0; i < 256; i++) {
      ALL[i] = new SelectionFlag(i);
    }
  }

  /**
   * Validates the code.
   *
   * @param code the wire byte, 0 to 255
   * @throws IllegalArgumentException if {@code code} is not 0 to 255
   */
  public SelectionFlag {
    Checks.u8("selection", code);
  }

  /**
   * Returns the value for a wire byte (cached: decoding allocates nothing for it).
   *
   * @param code the wire byte, 0 to 255
   * @return the value
   * @throws IllegalArgumentException if {@code code} is not 0 to 255
   */
  public static SelectionFlag of(int code) {
    return ALL[Checks.u8("selection", code)];
  }

  /**
   * Returns the flag for the four criteria.
   *
   * @param a match by the A number
   * @param b match by the B number
   * @param trunk match by the trunk group
   * @param service match by a supplementary service
   * @return the flag
   */
  public static SelectionFlag of(MatchKind a, MatchKind b, MatchKind trunk, MatchKind service) {
    return new SelectionFlag(a.bits() | b.bits() << 2 | trunk.bits() << 4 | service.bits() << 6);
  }

  /**
   * Returns how the A number matched (bits 1–0).
   *
   * @return the match kind
   */
  public MatchKind a() {
    return MatchKind.ofBits(code & 3);
  }

  /**
   * Returns how the B number matched (bits 3–2).
   *
   * @return the match kind
   */
  public MatchKind b() {
    return MatchKind.ofBits(code >>> 2 & 3);
  }

  /**
   * Returns how the trunk group matched (bits 5–4).
   *
   * @return the match kind
   */
  public MatchKind trunk() {
    return MatchKind.ofBits(code >>> 4 & 3);
  }

  /**
   * Returns how a supplementary service matched (bits 7–6).
   *
   * @return the match kind
   */
  public MatchKind service() {
    return MatchKind.ofBits(code >>> 6 & 3);
  }

  /** Returns the code and the four groups, e.g. {@code 0x01(a=FULL_COMBINED)}. */
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder(CodeTable.hex(code)).append('(');
    String[] names = {"a", "b", "trunk", "service"};
    MatchKind[] kinds = {a(), b(), trunk(), service()};
    boolean first = true;
    for (int i = 0; i < 4; i++) {
      if (kinds[i] != MatchKind.NONE) {
        sb.append(first ? "" : ",").append(names[i]).append('=').append(kinds[i]);
        first = false;
      }
    }
    return sb.append(')').toString();
  }
}
