package io.ecss.benchmarks.clerk;

import io.ecss.clerk.AliasTable;
import io.ecss.clerk.ClerkMatcher;
import io.ecss.clerk.Names;
import io.ecss.clerk.PhonebookEntry;
import io.ecss.clerk.SearchResult;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The manual's search over generated Russian phonebooks (1,000 and 100,000 entries) with 10,000
 * alias rows, on 1,000 mixed hypothesis lists (exact hits, aliases, permutations, lone surnames,
 * misses); one operation searches one list. Baseline in the same run: the same algorithm with a
 * linear scan of the phonebook for each variant (lookup and unique-name check), as the manual's
 * two maps would be without an index. {@code buildIndex} measures building the matcher.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class ClerkSearchBenchmark {

  @Param({"1000", "100000"})
  public int entries;

  private ClerkFixtures fixtures;
  private ClerkMatcher exact;
  private ClerkMatcher withFallbacks;
  private LinearScanClerk baseline;
  private int next;

  @Setup
  public void setUp() {
    fixtures = new ClerkFixtures(entries, 10_000, 1_000, 42L);
    exact =
        ClerkMatcher.builder()
            .phonebook(fixtures.entries)
            .aliases(fixtures.aliases)
            .caseEndings(false)
            .fuzzy(false)
            .build();
    withFallbacks =
        ClerkMatcher.builder().phonebook(fixtures.entries).aliases(fixtures.aliases).build();
    baseline = new LinearScanClerk(fixtures.entries, fixtures.aliases);
    // the baseline and the index must agree (checked on a sample: the baseline is slow)
    for (List<String> h : fixtures.hypotheses.subList(0, 50)) {
      SearchResult r = exact.search(h);
      String b = baseline.search(h);
      String ours = r.found() ? r.number() : null;
      if (r.outcome() != SearchResult.Outcome.AMBIGUOUS && !java.util.Objects.equals(ours, b)) {
        throw new IllegalStateException("baseline disagrees on " + h + ": " + ours + " vs " + b);
      }
    }
  }

  private List<String> nextList() {
    List<String> h = fixtures.hypotheses.get(next);
    next = next + 1 == fixtures.hypotheses.size() ? 0 : next + 1;
    return h;
  }

  /** Ours: the manual's algorithm over the index (no fallbacks, like the baseline). */
  @Benchmark
  public SearchResult searchIndexed() {
    return exact.search(nextList());
  }

  /** Ours with the case-ending and fuzzy fallbacks on (misses pay for them). */
  @Benchmark
  public SearchResult searchIndexedWithFallbacks() {
    return withFallbacks.search(nextList());
  }

  /** Baseline: the same algorithm, scanning the phonebook for each variant. */
  @Benchmark
  public String searchLinearScan() {
    return baseline.search(nextList());
  }

  /** Building the index (both maps, postings, length buckets) from the entries. */
  @Benchmark
  public ClerkMatcher buildIndex() {
    return exact.withPhonebook(fixtures.entries);
  }

  /** The straightforward implementation: the manual's steps, a linear scan per variant. */
  static final class LinearScanClerk {
    private final String[] names;
    private final String[][] words;
    private final String[] numbers;
    private final AliasTable aliases;

    LinearScanClerk(List<PhonebookEntry> entries, AliasTable aliases) {
      names = new String[entries.size()];
      words = new String[entries.size()][];
      numbers = new String[entries.size()];
      for (int i = 0; i < names.length; i++) {
        names[i] = Names.normalize(entries.get(i).name());
        words[i] = names[i].split(" ", -1);
        numbers[i] = entries.get(i).number();
      }
      this.aliases = aliases;
    }

    /** Returns the number found, or null. */
    String search(List<String> hypotheses) {
      Set<String> tried = new HashSet<>();
      for (String h : hypotheses) {
        String n = Names.normalize(h);
        if (n.isEmpty()) {
          continue;
        }
        for (String s : expand(n)) {
          for (String p : permutations(s.split(" ", -1))) {
            String key = p;
            if (p.indexOf(' ') < 0) {
              String unique = uniqueByScan(p);
              if (unique != null) {
                key = unique;
              }
            }
            if (!tried.add(key)) {
              continue;
            }
            int hits = 0;
            String number = null;
            for (int i = 0; i < names.length; i++) {
              if (names[i].equals(key)) {
                if (number != null && !number.equals(numbers[i])) {
                  hits++;
                }
                number = numbers[i];
                hits = Math.max(hits, 1);
              }
            }
            if (number != null) {
              return hits == 1 ? number : null;
            }
          }
        }
      }
      return null;
    }

    private String uniqueByScan(String word) {
      String found = null;
      for (int i = 0; i < names.length; i++) {
        for (String w : words[i]) {
          if (w.equals(word)) {
            if (found != null && !found.equals(names[i])) {
              return null;
            }
            found = names[i];
            break;
          }
        }
      }
      return found;
    }

    private List<String> expand(String s) {
      List<String> out = new ArrayList<>();
      out.add("");
      for (String w : s.split(" ", -1)) {
        List<String> opts = new ArrayList<>();
        opts.add(w);
        opts.addAll(aliases.expansions(w));
        List<String> grown = new ArrayList<>();
        for (String prefix : out) {
          for (String o : opts) {
            if (grown.size() < 64) {
              grown.add(prefix.isEmpty() ? o : prefix + " " + o);
            }
          }
        }
        out = grown;
      }
      return out;
    }

    private static List<String> permutations(String[] w) {
      List<String> out = new ArrayList<>();
      if (w.length == 1) {
        out.add(w[0]);
      } else if (w.length == 2) {
        out.add(w[0] + " " + w[1]);
        out.add(w[1] + " " + w[0]);
      } else {
        out.add(String.join(" ", w));
      }
      return out;
    }
  }
}
