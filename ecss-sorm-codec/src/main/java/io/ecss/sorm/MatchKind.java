package io.ecss.sorm;

/**
 * One 2-bit group of the КПД2 selection flag: whether, and how, the call matched an object on
 * control by that criterion (notes §4).
 */
public enum MatchKind {
  /** {@code 00}: no match by this criterion. */
  NONE(0),
  /** {@code 01}: full control, combined. */
  FULL_COMBINED(1),
  /** {@code 10}: statistical control. */
  STATISTICAL(2),
  /** {@code 11}: full control, separate. */
  FULL_SEPARATE(3);

  private static final MatchKind[] BY_BITS = {NONE, FULL_COMBINED, STATISTICAL, FULL_SEPARATE};

  private final int bits;

  MatchKind(int bits) {
    this.bits = bits;
  }

  /**
   * Returns the two bits of this kind.
   *
   * @return 0 to 3
   */
  public int bits() {
    return bits;
  }

  static MatchKind ofBits(int bits) {
    return BY_BITS[bits & 3];
  }
}
