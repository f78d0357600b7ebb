package io.ecss.asr.jsgf;

/**
 * How {@link JsgfMatcher} compares words, and how big its automaton may get.
 *
 * <table class="striped">
 *   <caption>Presets</caption>
 *   <thead><tr><th></th><th>ignoreCase</th><th>yoAsYe</th><th>maxStates</th></tr></thead>
 *   <tbody>
 *     <tr><td>{@link #DEFAULT}</td><td>true</td><td>true</td><td>1,000,000</td></tr>
 *     <tr><td>{@link #EXACT}</td><td>false</td><td>false</td><td>1,000,000</td></tr>
 *   </tbody>
 * </table>
 *
 * <p>Immutable and thread-safe.
 *
 * @param ignoreCase compare words in lower case (root locale), as recognisers differ in case
 * @param yoAsYe treat {@code ё} as {@code е} (Russian text and recognisers often write {@code е})
 * @param maxStates the most automaton states a rule may compile to (at least 2); references are
 *     inlined, so rules referenced from many places multiply
 */
public record MatchOptions(boolean ignoreCase, boolean yoAsYe, int maxStates) {
  /** Case- and ё/е-insensitive: what a recogniser's output should be matched with. */
  public static final MatchOptions DEFAULT = new MatchOptions(true, true, 1_000_000);

  /** Words must equal the grammar's tokens exactly. */
  public static final MatchOptions EXACT = new MatchOptions(false, false, 1_000_000);

  /**
   * Validates.
   *
   * @param ignoreCase compare words in lower case (root locale), as recognisers differ in case
   * @param yoAsYe treat {@code ё} as {@code е} (Russian text and recognisers often write {@code е})
   * @param maxStates the most automaton states a rule may compile to (at least 2); references are inlined, so rules referenced from many places multiply
   * @throws IllegalArgumentException when {@code maxStates} is below 2
   */
  public MatchOptions {
    if (maxStates < 2) {
      throw new IllegalArgumentException("maxStates: " + maxStates + " (expected >= 2)");
    }
  }

  /**
   * Normalises a word as these options compare it.
   *
   * @param word a word
   * @return the word in lower case and/or with {@code ё} replaced, as configured
   */
  public String normalize(String word) {
    return Words.normalize(word, ignoreCase, yoAsYe);
  }
}
