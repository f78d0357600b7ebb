package io.ecss.clerk;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.ImmutableList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The auto-attendant name search of the ECSS-10 manual ("Сервис Автосекретарь", "Алгоритм поиска"),
 * over an immutable index of one phonebook.
 *
 * <p>For each recogniser hypothesis in order (final result first, then partial ones):
 *
 * <ol>
 *   <li>if the whole string is a <em>hard alias</em>, it is replaced;
 *   <li><em>aliases</em> are expanded: the strings to search are the string itself, then every
 *       string obtained by replacing words with their expansions ({@code женя казарцев}, {@code
 *       евгений казарцев}, {@code евгения казарцев}, {@code божена казарцев});
 *   <li>for each of those strings, each <em>permutation</em> of its words ({@code евгений
 *       казарцев}, {@code казарцев евгений}) is, if it equals a <em>unique name</em> (a word that
 *       occurs in exactly one phonebook entry), replaced by that entry's full name, then looked up
 *       in the phonebook; the first hit ends the search.
 * </ol>
 *
 * <p>A hit on a name that several entries share (with different numbers) ends the search as
 * {@linkplain SearchResult.Outcome#AMBIGUOUS ambiguous}: every candidate, no number. Only when
 * every hypothesis failed, two fallbacks run, each marked in the result: {@linkplain CaseEndings
 * Russian case endings} turned back to the nominative ({@code казарцеву} → {@code казарцев}), then
 * fuzzy matching (Damerau–Levenshtein distance ≤ 1 for words up to 7 letters, ≤ 2 for longer ones,
 * exact for words up to 3 letters) of every word against the phonebook's words; a fuzzy tie never
 * returns a number. The work of one search is bounded by {@link SearchLimits}.
 *
 * <pre>{@code
 * ClerkMatcher matcher = ClerkMatcher.builder()
 *     .phonebook(List.of(new PhonebookEntry("Евгений Казарцев", "4819")))
 *     .build();                                  // with the default Russian alias table
 * SearchResult r = matcher.search("женя казарцев", "женя казарцев", "женя");
 * r.number();                                    // "4819"
 * }</pre>
 *
 * <p>Immutable and thread-safe: build a new matcher (for example with {@link #withPhonebook}) to
 * re-import, and swap the reference atomically, as {@link ClerkService} does.
 */
public final class ClerkMatcher {
  private static final int MAX_STEPS = 256;

  private final ImmutableList<PhonebookEntry> entries;
  private final PhonebookIndex index;
  private final AliasTable aliases;
  private final AliasTable hardAliases;
  private final ImmutableList<Transliteration> transliterations;
  private final SearchLimits limits;
  private final boolean caseEndings;
  private final boolean fuzzy;

  private ClerkMatcher(Builder b, List<PhonebookEntry> entries) {
    this.entries = ImmutableList.copyOf(entries);
    this.aliases = b.aliases;
    this.hardAliases = b.hardAliases;
    this.transliterations = ImmutableList.copyOf(b.transliterations);
    this.limits = b.limits;
    this.caseEndings = b.caseEndings;
    this.fuzzy = b.fuzzy;
    this.index = new PhonebookIndex(this.entries, this.transliterations);
  }

  /**
   * Returns a builder: no entries, the {@linkplain AliasTable#defaultRussian() default Russian
   * aliases}, no hard aliases, no transliteration, default limits, both fallbacks on.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Settings of a matcher. Mutable and not thread-safe; {@link #build} returns an immutable
   * matcher.
   */
  public static final class Builder {
    private List<PhonebookEntry> phonebook = List.of();
    private AliasTable aliases = AliasTable.defaultRussian();
    private AliasTable hardAliases = AliasTable.empty(AliasTable.Kind.HARD);
    private List<Transliteration> transliterations = List.of();
    private SearchLimits limits = SearchLimits.DEFAULT;
    private boolean caseEndings = true;
    private boolean fuzzy = true;

    private Builder() {}

    /**
     * Sets the phonebook entries.
     *
     * @param entries the entries, for example {@link PhonebookImport#entries()}
     * @return this builder
     */
    public Builder phonebook(Collection<PhonebookEntry> entries) {
      this.phonebook = List.copyOf(entries);
      return this;
    }

    /**
     * Sets the word-alias table (default: {@link AliasTable#defaultRussian()}; pass {@link
     * AliasTable#empty} for none, or a {@linkplain AliasTable#merge merge} to extend the default).
     *
     * @param table a table of kind {@link AliasTable.Kind#WORD}
     * @return this builder
     * @throws IllegalArgumentException when the table holds hard aliases
     */
    public Builder aliases(AliasTable table) {
      if (table.kind() != AliasTable.Kind.WORD) {
        throw new IllegalArgumentException("aliases: " + table + " (expected kind WORD)");
      }
      this.aliases = table;
      return this;
    }

    /**
     * Sets the hard-alias table (default: empty).
     *
     * @param table a table of kind {@link AliasTable.Kind#HARD}
     * @return this builder
     * @throws IllegalArgumentException when the table holds word aliases
     */
    public Builder hardAliases(AliasTable table) {
      if (table.kind() != AliasTable.Kind.HARD) {
        throw new IllegalArgumentException("hardAliases: " + table + " (expected kind HARD)");
      }
      this.hardAliases = table;
      return this;
    }

    /**
     * Compares names in Latin script, romanising Cyrillic with each given system in turn (none by
     * default: names are compared as they are). Use it for phonebooks exported with {@code
     * translit=true}.
     *
     * @param systems the systems to try, in order; none to switch transliteration off
     * @return this builder
     */
    public Builder transliteration(Transliteration... systems) {
      this.transliterations = List.of(systems);
      return this;
    }

    /**
     * Sets the bounds on one search (default {@link SearchLimits#DEFAULT}).
     *
     * @param limits the limits
     * @return this builder
     */
    public Builder limits(SearchLimits limits) {
      this.limits = requireNonNull(limits, "limits");
      return this;
    }

    /**
     * Switches the case-ending fallback on or off (default on).
     *
     * @param on whether to run it
     * @return this builder
     */
    public Builder caseEndings(boolean on) {
      this.caseEndings = on;
      return this;
    }

    /**
     * Switches the fuzzy fallback on or off (default on).
     *
     * @param on whether to run it
     * @return this builder
     */
    public Builder fuzzy(boolean on) {
      this.fuzzy = on;
      return this;
    }

    /**
     * Builds the index and returns the matcher.
     *
     * @return an immutable matcher
     */
    public ClerkMatcher build() {
      return new ClerkMatcher(this, phonebook);
    }
  }

  /**
   * Returns a matcher with the same aliases and settings over another phonebook.
   *
   * @param newEntries the new phonebook
   * @return a new matcher; this one is unchanged
   */
  public ClerkMatcher withPhonebook(Collection<PhonebookEntry> newEntries) {
    Builder b =
        builder()
            .aliases(aliases)
            .hardAliases(hardAliases)
            .limits(limits)
            .caseEndings(caseEndings)
            .fuzzy(fuzzy)
            .transliteration(transliterations.toArray(new Transliteration[0]));
    return new ClerkMatcher(b, List.copyOf(newEntries));
  }

  /**
   * Returns the phonebook entries the index was built from.
   *
   * @return the entries
   */
  public List<PhonebookEntry> entries() {
    return entries;
  }

  /**
   * Returns the number of distinct entries indexed (duplicates of name and number count once).
   *
   * @return the entry count
   */
  public int size() {
    return index.entryCount();
  }

  /**
   * Returns the number of unique names (words that occur in exactly one entry).
   *
   * @return the size of the manual's second map
   */
  public int uniqueNameCount() {
    return index.uniqueNameCount();
  }

  /**
   * Returns the limits of one search.
   *
   * @return the limits
   */
  public SearchLimits limits() {
    return limits;
  }

  /**
   * Searches the phonebook for the hypotheses, in order.
   *
   * @param hypotheses recogniser hypotheses, final result first
   * @return the result
   */
  public SearchResult search(String... hypotheses) {
    return search(Arrays.asList(hypotheses));
  }

  /**
   * Searches the phonebook for the hypotheses, in order.
   *
   * @param hypotheses recogniser hypotheses, final result first
   * @return the result
   * @throws NullPointerException when the list or an element is null
   */
  public SearchResult search(List<String> hypotheses) {
    Run run = new Run();
    int n = hypotheses.size();
    if (n > limits.maxHypotheses()) {
      run.limit("maxHypotheses=" + limits.maxHypotheses());
      n = limits.maxHypotheses();
    }
    String[] norm = new String[n];
    String recognized = "";
    for (int i = 0; i < n; i++) {
      String raw = requireNonNull(hypotheses.get(i), "hypothesis");
      String cut = raw.length() > limits.maxHypothesisLength() * 4
          ? raw.substring(0, limits.maxHypothesisLength() * 4) : raw;
      norm[i] = truncate(Names.normalize(cut), run);
      if (recognized.isEmpty() && !norm[i].isEmpty()) {
        recognized = Names.collapseWhitespace(cut);
        if (recognized.length() > limits.maxHypothesisLength()) {
          recognized = recognized.substring(0, limits.maxHypothesisLength());
        }
      }
    }
    Hit hit = exact(norm, run);
    if (hit == null && caseEndings && !run.exhausted) {
      hit = caseEndingFallback(norm, run);
    }
    if (hit == null && fuzzy && !run.exhausted) {
      hit = fuzzyFallback(norm, run);
    }
    if (hit == null) {
      run.step("not found");
      return new SearchResult(
          SearchResult.Outcome.NOT_FOUND, null, null, -1, null, null, SearchResult.Method.NONE, 0,
          List.of(), recognized, List.copyOf(run.tried), run.steps, List.copyOf(run.limits));
    }
    List<PhonebookEntry> es = hit.entries;
    String hyp = hypotheses.get(hit.hypothesis);
    if (es.size() == 1) {
      PhonebookEntry e = es.get(0);
      run.step("found '" + e.name() + "' → " + e.number() + " (" + hit.method + ")");
      return new SearchResult(
          SearchResult.Outcome.FOUND, e.number(), e.name(), hit.hypothesis, hyp, hit.variant,
          hit.method, hit.score, List.of(), recognized, List.copyOf(run.tried), run.steps,
          List.copyOf(run.limits));
    }
    List<SearchResult.Candidate> cands = new ArrayList<>();
    for (PhonebookEntry e : es) {
      if (cands.size() == limits.maxCandidates()) {
        run.limit("maxCandidates=" + limits.maxCandidates());
        break;
      }
      cands.add(new SearchResult.Candidate(e.name(), e.number()));
    }
    run.step("ambiguous: " + es.size() + " candidates (" + hit.method + ")");
    return new SearchResult(
        SearchResult.Outcome.AMBIGUOUS, null, null, hit.hypothesis, hyp, hit.variant, hit.method,
        hit.score, cands, recognized, List.copyOf(run.tried), run.steps, List.copyOf(run.limits));
  }

  private String truncate(String s, Run run) {
    int max = limits.maxHypothesisLength();
    if (s.length() <= max) {
      return s;
    }
    run.limit("maxHypothesisLength=" + max);
    int space = s.lastIndexOf(' ', max);
    return space > 0 ? s.substring(0, space) : s.substring(0, max);
  }

  // ---- the manual's algorithm ----

  private @Nullable Hit exact(String[] norm, Run run) {
    for (int i = 0; i < norm.length && !run.exhausted; i++) {
      if (norm[i].isEmpty()) {
        continue;
      }
      run.step("hypothesis " + i + ": '" + norm[i] + "'");
      for (String s : hardAliases(norm[i], run)) {
        for (String e : expandAliases(s, run)) {
          Hit hit = lookupPermutations(e, i, SearchResult.Method.EXACT, run);
          if (hit != null || run.exhausted) {
            return hit;
          }
        }
      }
    }
    return null;
  }

  /** Step 1: a hypothesis equal to a hard-alias key is replaced by its value(s). */
  private List<String> hardAliases(String s, Run run) {
    List<String> hard = hardAliases.expansions(s);
    if (hard.isEmpty()) {
      return List.of(s);
    }
    run.step("hard alias: '" + s + "' → " + hard);
    return hard;
  }

  /** Step 2: the string itself, then every string with words replaced by their expansions. */
  List<String> expandAliases(String s, Run run) {
    String[] words = Names.words(s);
    List<List<String>> options = new ArrayList<>(words.length);
    boolean any = false;
    for (String w : words) {
      List<String> exp = aliases.expansions(w);
      if (exp.isEmpty()) {
        options.add(List.of(w));
      } else {
        any = true;
        List<String> o = new ArrayList<>(exp.size() + 1);
        o.add(w);
        o.addAll(exp);
        options.add(o);
      }
    }
    if (!any) {
      return List.of(s);
    }
    List<String> out = product(options, false, run);
    run.step("aliases: '" + s + "' → " + out);
    return out;
  }

  /** The strings made of one option per word, first option varying slowest; capped. */
  private List<String> product(List<List<String>> options, boolean skipFirst, Run run) {
    int max = limits.maxAliasVariants();
    int[] idx = new int[options.size()];
    List<String> out = new ArrayList<>();
    boolean first = true;
    while (true) {
      if (!(first && skipFirst)) {
        if (out.size() == max) {
          run.limit("maxAliasVariants=" + max);
          break;
        }
        StringBuilder sb = new StringBuilder();
        for (int k = 0; k < idx.length; k++) {
          String w = options.get(k).get(idx[k]);
          if (w.isEmpty()) {
            continue;
          }
          if (sb.length() > 0) {
            sb.append(' ');
          }
          sb.append(w);
        }
        out.add(sb.toString());
      }
      first = false;
      int k = idx.length - 1;
      while (k >= 0 && idx[k] == options.get(k).size() - 1) {
        idx[k] = 0;
        k--;
      }
      if (k < 0) {
        break;
      }
      idx[k]++;
    }
    return out;
  }

  /** Step 3: permutations, unique-name substitution and phonebook lookup; first hit wins. */
  private @Nullable Hit lookupPermutations(
      String s, int hypothesis, SearchResult.Method method, Run run) {
    for (String k : index.keyVariants(s)) {
      String[] words = Names.words(k);
      int[] perm = new int[words.length];
      for (int i = 0; i < perm.length; i++) {
        perm[i] = i;
      }
      boolean permute = words.length <= limits.maxPermutationWords();
      if (!permute) {
        run.limit("maxPermutationWords=" + limits.maxPermutationWords());
      }
      do {
        String p = join(words, perm);
        String key = p;
        String full = index.uniqueName(p);
        if (full != null) {
          key = full;
          run.step("unique name '" + p + "' → '" + full + "'");
        }
        if (!run.tried.contains(key)) {
          if (run.lookups == limits.maxLookups()) {
            run.limit("maxLookups=" + limits.maxLookups());
            run.exhausted = true;
            return null;
          }
          run.tried.add(key);
          run.lookups++;
          List<PhonebookEntry> hit = index.lookup(key);
          if (hit != null) {
            return new Hit(hypothesis, p, hit, method, 1.0);
          }
        }
      } while (permute && nextPermutation(perm));
    }
    return null;
  }

  private static String join(String[] words, int[] perm) {
    if (perm.length == 1) {
      return words[0];
    }
    StringBuilder sb = new StringBuilder();
    for (int i : perm) {
      if (sb.length() > 0) {
        sb.append(' ');
      }
      sb.append(words[i]);
    }
    return sb.toString();
  }

  /** Advances to the next permutation in lexicographic order; false after the last one. */
  static boolean nextPermutation(int[] a) {
    int i = a.length - 2;
    while (i >= 0 && a[i] >= a[i + 1]) {
      i--;
    }
    if (i < 0) {
      return false;
    }
    int j = a.length - 1;
    while (a[j] <= a[i]) {
      j--;
    }
    int t = a[i];
    a[i] = a[j];
    a[j] = t;
    for (int l = i + 1, r = a.length - 1; l < r; l++, r--) {
      t = a[l];
      a[l] = a[r];
      a[r] = t;
    }
    return true;
  }

  // ---- fallback 1: case endings ----

  private @Nullable Hit caseEndingFallback(String[] norm, Run run) {
    for (int i = 0; i < norm.length && !run.exhausted; i++) {
      if (norm[i].isEmpty()) {
        continue;
      }
      for (String s : hardAliases(norm[i], run)) {
        String[] words = Names.words(s);
        List<List<String>> options = new ArrayList<>(words.length);
        boolean any = false;
        for (String w : words) {
          List<String> o = new ArrayList<>(3);
          o.add(w);
          for (String c : CaseEndings.candidates(w)) {
            if (isKnownWord(c)) {
              o.add(c);
            }
          }
          any |= o.size() > 1;
          options.add(o);
        }
        if (!any) {
          continue;
        }
        for (String c : product(options, true, run)) {
          run.step("case endings: '" + s + "' → '" + c + "'");
          for (String e : expandAliases(c, run)) {
            Hit hit = lookupPermutations(e, i, SearchResult.Method.CASE_ENDING, run);
            if (hit != null || run.exhausted) {
              return hit;
            }
          }
        }
      }
    }
    return null;
  }

  private boolean isKnownWord(String w) {
    if (!aliases.expansions(w).isEmpty()) {
      return true;
    }
    for (String k : index.keyVariants(w)) {
      if (index.isWord(k)) {
        return true;
      }
    }
    return false;
  }

  // ---- fallback 2: fuzzy ----

  private @Nullable Hit fuzzyFallback(String[] norm, Run run) {
    for (int i = 0; i < norm.length && !run.exhausted; i++) {
      if (norm[i].isEmpty()) {
        continue;
      }
      FuzzyBest best = new FuzzyBest();
      for (String s : hardAliases(norm[i], run)) {
        for (String e : expandAliases(s, run)) {
          for (String k : index.keyVariants(e)) {
            fuzzyString(k, best, run);
          }
        }
      }
      if (!best.ids.isEmpty()) {
        List<PhonebookEntry> es = new ArrayList<>();
        for (int id : best.ids) {
          for (PhonebookEntry pe : requireNonNull(index.lookup(index.key(id)))) {
            if (!es.contains(pe)) {
              es.add(pe);
            }
          }
        }
        run.step(
            "fuzzy: '" + best.variant + "' ~ " + best.ids.size() + " name(s), distance "
                + best.distance);
        return new Hit(i, requireNonNull(best.variant), es, SearchResult.Method.FUZZY,
            best.score);
      }
    }
    return null;
  }

  private void fuzzyString(String k, FuzzyBest best, Run run) {
    String[] q = Names.words(k);
    if (q.length > limits.maxPermutationWords()) {
      run.limit("maxPermutationWords=" + limits.maxPermutationWords());
      return;
    }
    List<Map<String, Integer>> matches = new ArrayList<>(q.length);
    int driver = -1;
    long driverCost = Long.MAX_VALUE;
    int queryLength = 0;
    for (int j = 0; j < q.length; j++) {
      Map<String, Integer> m = similarWords(q[j], run);
      if (m.isEmpty()) {
        return;
      }
      matches.add(m);
      queryLength += q[j].length();
      long cost = 0;
      for (String w : m.keySet()) {
        cost += index.keysWithWord(w).length;
      }
      if (cost < driverCost) {
        driverCost = cost;
        driver = j;
      }
    }
    Set<Integer> visited = new HashSet<>();
    for (String w : matches.get(driver).keySet()) {
      for (int id : index.keysWithWord(w)) {
        if (!visited.add(id)) {
          continue;
        }
        if (run.lookups == limits.maxLookups()) {
          run.limit("maxLookups=" + limits.maxLookups());
          run.exhausted = true;
          return;
        }
        run.lookups++;
        String[] kw = Names.words(index.key(id));
        if (kw.length < q.length) {
          continue;
        }
        boolean[] used = new boolean[kw.length];
        int total = 0;
        boolean ok = true;
        for (int j = 0; j < q.length && ok; j++) {
          int bestPos = -1;
          int bestD = Integer.MAX_VALUE;
          for (int pos = 0; pos < kw.length; pos++) {
            Integer d = used[pos] ? null : matches.get(j).get(kw[pos]);
            if (d != null && d < bestD) {
              bestD = d;
              bestPos = pos;
            }
          }
          if (bestPos < 0) {
            ok = false;
          } else {
            used[bestPos] = true;
            total += bestD;
          }
        }
        if (ok) {
          best.offer(id, total, kw.length - q.length, queryLength, k);
        }
      }
    }
  }

  /** Phonebook words within the allowed edit distance of a word, with their distances. */
  private Map<String, Integer> similarWords(String w, Run run) {
    Map<String, Integer> cached = run.similar.get(w);
    if (cached != null) {
      return cached;
    }
    Map<String, Integer> out = new HashMap<>();
    int max = EditDistance.allowed(w.length());
    long mask = PhonebookIndex.letterMask(w);
    for (int len = w.length() - max; len <= w.length() + max; len++) {
      String[] words = index.wordsOfLength(len);
      long[] masks = index.masksOfLength(len);
      for (int i = 0; i < words.length; i++) {
        if (Long.bitCount(mask ^ masks[i]) > 2 * max) {
          continue;
        }
        int d = EditDistance.bounded(w, words[i], max);
        if (d <= max) {
          out.put(words[i], d);
        }
      }
    }
    run.similar.put(w, out);
    return out;
  }

  /** The best fuzzy candidates so far: lowest distance, then fewest extra words. */
  private static final class FuzzyBest {
    final Set<Integer> ids = new LinkedHashSet<>();
    int distance = Integer.MAX_VALUE;
    int extra = Integer.MAX_VALUE;
    double score;
    @Nullable String variant;

    void offer(int id, int dist, int extraWords, int queryLength, String k) {
      if (dist < distance || (dist == distance && extraWords < extra)) {
        ids.clear();
        distance = dist;
        extra = extraWords;
        variant = k;
        score = Math.max(0, 1.0 - (double) dist / Math.max(1, queryLength) - 0.05 * extraWords);
      }
      if (dist == distance && extraWords == extra) {
        ids.add(id);
      }
    }
  }

  /** A phonebook hit: the hypothesis index, the string looked up and the entries under it. */
  private static final class Hit {
    final int hypothesis;
    final String variant;
    final List<PhonebookEntry> entries;
    final SearchResult.Method method;
    final double score;

    Hit(int hypothesis, String variant, List<PhonebookEntry> entries, SearchResult.Method method,
        double score) {
      this.hypothesis = hypothesis;
      this.variant = variant;
      this.entries = entries;
      this.method = method;
      this.score = score;
    }
  }

  /** The state of one search. Not thread-safe; one per call. */
  static final class Run {
    final Set<String> tried = new LinkedHashSet<>();
    final List<String> steps = new ArrayList<>();
    final Set<String> limits = new LinkedHashSet<>();
    final Map<String, Map<String, Integer>> similar = new HashMap<>();
    int lookups;
    boolean exhausted;

    void step(String s) {
      if (steps.size() < MAX_STEPS) {
        steps.add(s);
      } else if (steps.size() == MAX_STEPS) {
        steps.add("... (further steps omitted)");
      }
    }

    void limit(String name) {
      if (limits.add(name)) {
        step("limit reached: " + name);
      }
    }
  }
}
