package io.ecss.webvtt;

/**
 * Hard limits that protect a parser from hostile or accidental huge input. Exceeding one is a
 * {@link WebVttParseException} naming the limit, its value and the position.
 *
 * <p>Immutable and thread-safe.
 *
 * @param maxInputChars largest input, in UTF-16 code units after decoding (default {@value
 *     #DEFAULT_MAX_INPUT_CHARS}, 64 MiB)
 * @param maxCues most cues one file may hold (default {@value #DEFAULT_MAX_CUES})
 * @param maxNestingDepth deepest nesting of cue text spans such as {@code <b><i>…} (default
 *     {@value #DEFAULT_MAX_NESTING_DEPTH})
 */
public record WebVttLimits(long maxInputChars, int maxCues, int maxNestingDepth) {

  /** Default {@link #maxInputChars()}: 64 MiB of characters. */
  public static final long DEFAULT_MAX_INPUT_CHARS = 64L << 20;

  /** Default {@link #maxCues()}. */
  public static final int DEFAULT_MAX_CUES = 1_000_000;

  /** Default {@link #maxNestingDepth()}. */
  public static final int DEFAULT_MAX_NESTING_DEPTH = 64;

  /** The defaults: 64 MiB characters, 1,000,000 cues, nesting depth 64. */
  public static final WebVttLimits DEFAULT =
      new WebVttLimits(DEFAULT_MAX_INPUT_CHARS, DEFAULT_MAX_CUES, DEFAULT_MAX_NESTING_DEPTH);

  /**
   * Validates the limits.
   *
   * @param maxInputChars largest input, in UTF-16 code units after decoding (default {@value #DEFAULT_MAX_INPUT_CHARS}, 64 MiB)
   * @param maxCues most cues one file may hold (default {@value #DEFAULT_MAX_CUES})
   * @param maxNestingDepth deepest nesting of cue text spans such as {@code <b><i>…} (default {@value #DEFAULT_MAX_NESTING_DEPTH})
   * @throws IllegalArgumentException if a limit is not positive
   */
  public WebVttLimits {
    if (maxInputChars < 1) {
      throw new IllegalArgumentException("maxInputChars: " + maxInputChars + " (expected > 0)");
    }
    if (maxCues < 1) {
      throw new IllegalArgumentException("maxCues: " + maxCues + " (expected > 0)");
    }
    if (maxNestingDepth < 1) {
      throw new IllegalArgumentException(
          "maxNestingDepth: " + maxNestingDepth + " (expected > 0)");
    }
  }
}
