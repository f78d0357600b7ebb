package io.ecss.clerk;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The result of a {@linkplain ClerkMatcher#search search}: found (a number and the name), ambiguous
 * (several candidates, no number) or not found, with how it was reached.
 *
 * <p>Immutable and thread-safe.
 *
 * @param outcome found, ambiguous or not found
 * @param number the number to call when found, else {@code null}
 * @param name the phonebook name when found, else {@code null}
 * @param hypothesisIndex 0-based index of the hypothesis that hit, or -1
 * @param hypothesis the hypothesis that hit (as given), or {@code null}
 * @param variant the string that hit: the alias-expanded, permuted (and for fallbacks de-declined
 *     or fuzzy-matched) form that was looked up, before unique-name substitution; or {@code null}
 * @param method how the hit was reached; {@link Method#NONE} when not found
 * @param score 1.0 for exact and case-ending hits, lower for fuzzy ones, 0 when not found
 * @param candidates the candidates of an ambiguous result (at most {@link
 *     SearchLimits#maxCandidates()}); empty otherwise
 * @param recognized the recognised string: the first hypothesis with a letter or digit (one of only
 *     punctuation is skipped), whitespace collapsed
 *     (what an IVR speaks back when nothing is found)
 * @param tried every phonebook key looked up, in order
 * @param steps a readable trace of the algorithm's steps, for logs
 * @param limitsHit names of the {@link SearchLimits} reached, e.g. {@code maxLookups=4096}
 */
public record SearchResult(
    Outcome outcome,
    @Nullable String number,
    @Nullable String name,
    int hypothesisIndex,
    @Nullable String hypothesis,
    @Nullable String variant,
    Method method,
    double score,
    List<Candidate> candidates,
    String recognized,
    List<String> tried,
    List<String> steps,
    List<String> limitsHit) {

  /** What a search ended with. */
  public enum Outcome {
    /** Exactly one phonebook entry: {@link #number()} is set. */
    FOUND,
    /** Several entries fit equally well: {@link #candidates()} lists them, no number. */
    AMBIGUOUS,
    /** Nothing fits. */
    NOT_FOUND
  }

  /** How a result was reached. */
  public enum Method {
    /** The manual's algorithm: hard aliases, aliases, permutations, unique names, lookup. */
    EXACT,
    /** The same after Russian case endings were turned back to the nominative. */
    CASE_ENDING,
    /** Token edit distance against the phonebook's words. */
    FUZZY,
    /** Not found. */
    NONE
  }

  /**
   * One candidate of an ambiguous result.
   *
   * <p>Immutable and thread-safe.
   *
   * @param name the phonebook name
   * @param number its number
   */
  public record Candidate(String name, String number) {
    /**
     * Validates and copies the components, as the type's description says.
     *
     * @param name the {@code name} component
     * @param number the {@code number} component
     */
    public Candidate {
      requireNonNull(name, "name");
      requireNonNull(number, "number");
    }
  }
  /**
   * Validates and copies the components, as the type's description says.
   *
   * @param outcome the {@code outcome} component
   * @param number the {@code number} component
   * @param name the {@code name} component
   * @param hypothesisIndex the {@code hypothesisIndex} component
   * @param hypothesis the {@code hypothesis} component
   * @param variant the {@code variant} component
   * @param method the {@code method} component
   * @param score the {@code score} component
   * @param candidates the {@code candidates} component
   * @param recognized the {@code recognized} component
   * @param tried the {@code tried} component
   * @param steps the {@code steps} component
   * @param limitsHit the {@code limitsHit} component
   */
  public SearchResult {
    requireNonNull(outcome, "outcome");
    requireNonNull(method, "method");
    requireNonNull(recognized, "recognized");
    candidates = ImmutableList.copyOf(candidates);
    tried = ImmutableList.copyOf(tried);
    steps = ImmutableList.copyOf(steps);
    limitsHit = ImmutableList.copyOf(limitsHit);
    if (outcome == Outcome.FOUND && number == null) {
      throw new IllegalArgumentException("number: null (expected a number when found)");
    }
  }

  /**
   * Returns whether exactly one entry was found.
   *
   * @return true when {@link #outcome()} is {@link Outcome#FOUND}
   */
  public boolean found() {
    return outcome == Outcome.FOUND;
  }

  /**
   * Returns whether the result came from a fallback (case endings or fuzzy matching) rather than
   * the manual's exact algorithm; an IVR may want to confirm such a hit.
   *
   * @return true for {@link Method#CASE_ENDING} and {@link Method#FUZZY}
   */
  public boolean fuzzy() {
    return method == Method.CASE_ENDING || method == Method.FUZZY;
  }
}
