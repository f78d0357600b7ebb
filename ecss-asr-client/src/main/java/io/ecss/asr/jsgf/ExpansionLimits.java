package io.ecss.asr.jsgf;

/**
 * Bounds of {@link JsgfExpander}: JSGF languages can be infinite ({@code *}, {@code +}, right
 * recursion) or huge, so expansion unrolls loops a bounded number of times and fails with a clear
 * {@link JsgfException} instead of running out of memory.
 *
 * <table class="striped">
 *   <caption>Defaults</caption>
 *   <thead><tr><th>bound</th><th>default</th><th>when reached</th></tr></thead>
 *   <tbody>
 *     <tr><td>{@code maxPhrases}</td><td>10,000</td><td>error</td></tr>
 *     <tr><td>{@code maxWords}</td><td>64</td><td>error</td></tr>
 *     <tr><td>{@code maxRepeat}</td><td>3</td><td>{@code x*} yields 0 to 3 copies of {@code x},
 *     {@code x+} 1 to 3: the phrase list is a finite part of the language</td></tr>
 *     <tr><td>{@code maxRecursion}</td><td>3</td><td>a recursive rule is entered at most 1 + 3
 *     times on one path; deeper paths are left out</td></tr>
 *   </tbody>
 * </table>
 *
 * <p>Immutable and thread-safe.
 *
 * @param maxPhrases the most distinct phrases any part of the expansion may produce (at least 1)
 * @param maxWords the most words in one phrase (at least 1)
 * @param maxRepeat how many copies {@code *} and {@code +} unroll to (at least 1)
 * @param maxRecursion how many times a rule may re-enter itself on one path (at least 0)
 */
public record ExpansionLimits(int maxPhrases, int maxWords, int maxRepeat, int maxRecursion) {
  /** The defaults listed above. */
  public static final ExpansionLimits DEFAULT = new ExpansionLimits(10_000, 64, 3, 3);

  /**
   * Validates the bounds.
   *
   * @param maxPhrases the most distinct phrases any part of the expansion may produce (at least 1)
   * @param maxWords the most words in one phrase (at least 1)
   * @param maxRepeat how many copies {@code *} and {@code +} unroll to (at least 1)
   * @param maxRecursion how many times a rule may re-enter itself on one path (at least 0)
   * @throws IllegalArgumentException when a bound is below its minimum
   */
  public ExpansionLimits {
    if (maxPhrases < 1) {
      throw new IllegalArgumentException("maxPhrases: " + maxPhrases + " (expected >= 1)");
    }
    if (maxWords < 1) {
      throw new IllegalArgumentException("maxWords: " + maxWords + " (expected >= 1)");
    }
    if (maxRepeat < 1) {
      throw new IllegalArgumentException("maxRepeat: " + maxRepeat + " (expected >= 1)");
    }
    if (maxRecursion < 0) {
      throw new IllegalArgumentException("maxRecursion: " + maxRecursion + " (expected >= 0)");
    }
  }

  /**
   * Returns these limits with another phrase limit.
   *
   * @param n the new {@code maxPhrases}
   * @return the changed limits
   */
  public ExpansionLimits withMaxPhrases(int n) {
    return new ExpansionLimits(n, maxWords, maxRepeat, maxRecursion);
  }

  /**
   * Returns these limits with another repeat bound.
   *
   * @param n the new {@code maxRepeat}
   * @return the changed limits
   */
  public ExpansionLimits withMaxRepeat(int n) {
    return new ExpansionLimits(maxPhrases, maxWords, n, maxRecursion);
  }
}
