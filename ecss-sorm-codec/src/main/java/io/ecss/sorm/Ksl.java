package io.ecss.sorm;

/**
 * A monitoring line (КСЛ): a digital stream (E1) number 0–7 and a line number 0–31 in it, packed
 * into one byte as {@code sss lllll} (notes §1.2). The byte {@code FF} means "no KSL", so stream 7
 * line 31 is {@link #NONE}.
 *
 * <p>Immutable and thread-safe.
 *
 * @param stream the stream (E1) number, 0 to 7
 * @param line the line number in the stream, 0 to 31
 */
public record Ksl(int stream, int line) {
  /** No KSL: the byte {@code FF} (stream 7, line 31). */
  public static final Ksl NONE = new Ksl(7, 31);

  private static final Ksl[] ALL = new Ksl[256];

  static {
    for (int i = 0; i < 255; i++) {
      ALL[i] = new Ksl(i >>> 5, i & 31);
    }
    ALL[255] = NONE;
  }

  /**
   * Validates the components.
   *
   * @param stream the stream (E1) number, 0 to 7
   * @param line the line number in the stream, 0 to 31
   * @throws IllegalArgumentException if {@code stream} is not 0 to 7 or {@code line} not 0 to 31
   */
  public Ksl {
    Checks.range("ksl.stream", stream, 0, 7);
    Checks.range("ksl.line", line, 0, 31);
  }

  /**
   * Returns the KSL for a wire byte.
   *
   * @param code the byte, 0 to 255
   * @return the KSL ({@link #NONE} for {@code FF})
   * @throws IllegalArgumentException if {@code code} is not 0 to 255
   */
  public static Ksl of(int code) {
    return ALL[Checks.u8("ksl", code)];
  }

  /**
   * Returns the wire byte.
   *
   * @return {@code stream << 5 | line}
   */
  public int code() {
    return stream << 5 | line;
  }

  /**
   * Returns whether this is {@link #NONE}.
   *
   * @return true for the byte {@code FF}
   */
  public boolean isNone() {
    return code() == 0xFF;
  }

  /** Returns {@code stream/line}, e.g. {@code 1/5}, or {@code none}. */
  @Override
  public String toString() {
    return isNone() ? "none" : stream + "/" + line;
  }
}
