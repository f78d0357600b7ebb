package io.ecss.sorm;

/**
 * One record of message 4 (the KSL-group table): a KSL group, its type and a KSL pair.
 *
 * <p>Immutable and thread-safe.
 *
 * @param group the KSL group number, 0 to 255
 * @param type the group type
 * @param kslA the KSL for direction A (or the only one in combined control)
 * @param kslB the KSL for direction B, or {@link Ksl#NONE}
 */
public record KslGroupEntry(int group, KslGroupType type, Ksl kslA, Ksl kslB) {
  /**
   * Validates the components.
   *
   * @param group the KSL group number, 0 to 255
   * @param type the group type
   * @param kslA the KSL for direction A (or the only one in combined control)
   * @param kslB the KSL for direction B, or {@link Ksl#NONE}
   * @throws IllegalArgumentException if {@code group} is not 0 to 255, or every field is the
   *     filler {@code FF} (that is how the wire marks an unused record)
   */
  public KslGroupEntry {
    Checks.u8("group", group);
    Checks.notNull("type", type);
    Checks.notNull("kslA", kslA);
    Checks.notNull("kslB", kslB);
    if (group == 0xFF && type.code() == 0xFF && kslA.isNone() && kslB.isNone()) {
      throw new IllegalArgumentException(
          "entry: all fields 0xFF (that marks an unused record; leave it out of the list)");
    }
  }
}
