package io.ecss.clerk;

/**
 * Bounds on the work of one search, so that a long or hostile hypothesis list cannot make a search
 * slow: permutations of {@code n} words grow as {@code n!}, alias expansion as the product of the
 * alias counts. When a limit is hit the search goes on within it and {@link
 * SearchResult#limitsHit()} names the limit.
 *
 * <p>Immutable and thread-safe.
 *
 * @param maxHypotheses hypotheses tried per search; later ones are ignored (default 16)
 * @param maxHypothesisLength characters of a normalised hypothesis kept; longer ones are cut at a
 *     word boundary (default 256)
 * @param maxPermutationWords strings with more words are tried in the given order only, without
 *     permutations (default 4, i.e. at most 24 orders; at most 8)
 * @param maxAliasVariants strings produced by alias expansion (and by case-ending rules) per
 *     string (default 64)
 * @param maxLookups phonebook lookups per search (default 4096)
 * @param maxCandidates candidates reported for an ambiguous result (default 10)
 */
public record SearchLimits(
    int maxHypotheses,
    int maxHypothesisLength,
    int maxPermutationWords,
    int maxAliasVariants,
    int maxLookups,
    int maxCandidates) {

  /** The defaults: 16 hypotheses, 256 characters, 4 permuted words, 64 alias variants, 4096 lookups, 10 candidates. */
  public static final SearchLimits DEFAULT = new SearchLimits(16, 256, 4, 64, 4096, 10);
  /**
   * Validates and copies the components, as the type's description says.
   *
   * @param maxHypotheses the {@code maxHypotheses} component
   * @param maxHypothesisLength the {@code maxHypothesisLength} component
   * @param maxPermutationWords the {@code maxPermutationWords} component
   * @param maxAliasVariants the {@code maxAliasVariants} component
   * @param maxLookups the {@code maxLookups} component
   * @param maxCandidates the {@code maxCandidates} component
   */
  public SearchLimits {
    check("maxHypotheses", maxHypotheses, Integer.MAX_VALUE);
    check("maxHypothesisLength", maxHypothesisLength, 1 << 20);
    check("maxPermutationWords", maxPermutationWords, 8);
    check("maxAliasVariants", maxAliasVariants, Integer.MAX_VALUE);
    check("maxLookups", maxLookups, Integer.MAX_VALUE);
    check("maxCandidates", maxCandidates, Integer.MAX_VALUE);
  }

  private static void check(String name, int v, int max) {
    if (v < 1 || v > max) {
      throw new IllegalArgumentException(name + ": " + v + " (expected 1.." + max + ")");
    }
  }
}
