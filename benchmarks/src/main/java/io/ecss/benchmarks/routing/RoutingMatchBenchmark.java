package io.ecss.benchmarks.routing;

import io.ecss.routing.CompiledContext;
import io.ecss.routing.Condition;
import io.ecss.routing.DigitPattern;
import io.ecss.routing.Field;
import io.ecss.routing.Result;
import io.ecss.routing.Rule;
import io.ecss.routing.RoutingContext;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
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
 * First-match rule selection in a routing context of 10, 1,000 and 10,000 rules generated like a
 * real numbering plan (distinct prefixes, {@code ?} runs to the national length, digit ranges,
 * some rules also on the calling number, a {@code %} catch-all last).
 *
 * <ul>
 *   <li>{@code compiled}: {@link CompiledContext#firstMatch} (trie over the called-number patterns).
 *   <li>{@code regexLinearScan}: the baseline — every rule in document order, one precompiled
 *       {@link java.util.regex.Pattern} per condition, stop at the first rule whose conditions all
 *       match.
 * </ul>
 *
 * <p>Each invocation routes the next of 1,024 calls (80 % aimed at a random rule, 20 % random
 * numbers that fall through to the catch-all). Setup checks both answer the same on the first 64
 * calls (the property test in ecss-routing-xml covers agreement in depth).
 */
@State(Scope.Benchmark)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class RoutingMatchBenchmark {

  @Param({"10", "1000", "10000"})
  public int rules;

  private CompiledContext compiled;
  private Pattern[][] cdpnRegex;
  private Pattern[][] cgpnRegex;
  private String[] callA;
  private String[] callB;
  private int next;

  @Setup
  public void setUp() {
    Random rnd = new Random(42);
    List<Rule> list = new ArrayList<>();
    Set<String> prefixes = new HashSet<>();
    for (int i = 0; i < rules - 1; i++) {
      String prefix;
      do {
        prefix = digits(rnd, 3 + rnd.nextInt(5));
      } while (!prefixes.add(prefix));
      StringBuilder p = new StringBuilder(prefix);
      int len = prefix.length();
      if (rnd.nextInt(4) == 0 && len < 10) {
        int lo = rnd.nextInt(5);
        p.append('(').append(lo).append('-').append(lo + rnd.nextInt(5)).append(')');
        len++;
      }
      if (rnd.nextInt(10) == 0) {
        p.append('%');
      } else {
        while (len < 11) {
          p.append('?');
          len++;
        }
      }
      List<Condition> conds = new ArrayList<>();
      conds.add(Condition.Digits.of(Field.CDPN, p.toString()));
      if (rnd.nextInt(5) == 0) {
        conds.add(Condition.Digits.of(Field.CGPN, rnd.nextBoolean() ? "??????" : digits(rnd, 2) + "%"));
      }
      list.add(Rule.of("r" + i, conds, List.of(), Result.External.trunk("t" + (i % 7))));
    }
    list.add(Rule.of("catch_all", List.of(Condition.Digits.of(Field.CDPN, "%")), List.of(), Result.Local.of()));
    RoutingContext ctx = RoutingContext.of("bench", null, list);
    compiled = CompiledContext.compile(ctx);

    cdpnRegex = new Pattern[list.size()][];
    cgpnRegex = new Pattern[list.size()][];
    for (int i = 0; i < list.size(); i++) {
      List<Pattern> b = new ArrayList<>();
      List<Pattern> a = new ArrayList<>();
      for (Condition c : list.get(i).conditions()) {
        Condition.Digits d = (Condition.Digits) c;
        (d.field() == Field.CDPN ? b : a).add(Pattern.compile(regex(d.pattern())));
      }
      cdpnRegex[i] = b.toArray(new Pattern[0]);
      cgpnRegex[i] = a.toArray(new Pattern[0]);
    }

    callA = new String[1024];
    callB = new String[1024];
    for (int k = 0; k < 1024; k++) {
      callA[k] = rnd.nextBoolean() ? digits(rnd, 6) : digits(rnd, 10);
      if (rnd.nextInt(5) == 0) {
        callB[k] = digits(rnd, 11);
      } else {
        Rule r = list.get(rnd.nextInt(list.size()));
        callB[k] = instance(rnd, ((Condition.Digits) r.conditions().get(0)).pattern().source());
      }
      if (k >= 64) {
        continue; // the scan costs milliseconds at 10,000 rules: check a sample, keep setup fast
      }
      int fast = compiled.firstMatch(callA[k], callB[k]);
      int slow = scan(callA[k], callB[k]);
      if (fast != slow) {
        throw new IllegalStateException("matchers disagree on " + callA[k] + " -> " + callB[k]
            + ": compiled " + fast + ", regex " + slow);
      }
    }
  }

  private static String digits(Random rnd, int n) {
    StringBuilder sb = new StringBuilder(n);
    sb.append((char) ('1' + rnd.nextInt(9)));
    for (int i = 1; i < n; i++) {
      sb.append((char) ('0' + rnd.nextInt(10)));
    }
    return sb.toString();
  }

  /** A number the pattern text matches (the generator uses digits, ?, (a-b) and %). */
  private static String instance(Random rnd, String p) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < p.length(); i++) {
      char c = p.charAt(i);
      if (c == '?') {
        sb.append((char) ('0' + rnd.nextInt(10)));
      } else if (c == '%') {
        sb.append(digits(rnd, 1 + rnd.nextInt(6)));
      } else if (c == '(') {
        int lo = p.charAt(i + 1) - '0';
        int hi = p.charAt(i + 3) - '0';
        sb.append((char) ('0' + lo + rnd.nextInt(hi - lo + 1)));
        i += 4;
      } else {
        sb.append(c);
      }
    }
    return sb.toString();
  }

  /** The pattern as a java.util.regex expression (what a first implementation would write). */
  static String regex(DigitPattern p) {
    String s = p.source();
    StringBuilder r = new StringBuilder();
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '?' -> r.append("[0-9*#A-D]");
        case '%' -> r.append("[0-9*#A-D]*");
        case '*' -> r.append("\\*");
        case '(' -> {
          int close = s.indexOf(')', i);
          r.append('[').append(s, i + 1, close).append(']');
          i = close;
        }
        default -> r.append(c);
      }
    }
    // "(1-3,7)" became "[1-3,7]": drop the commas inside the class.
    return r.toString().replace(",", "");
  }

  private int scan(String a, String b) {
    for (int i = 0; i < cdpnRegex.length; i++) {
      boolean all = true;
      for (Pattern p : cdpnRegex[i]) {
        if (!p.matcher(b).matches()) {
          all = false;
          break;
        }
      }
      if (all) {
        for (Pattern p : cgpnRegex[i]) {
          if (!p.matcher(a).matches()) {
            all = false;
            break;
          }
        }
      }
      if (all) {
        return i;
      }
    }
    return -1;
  }

  @Benchmark
  public int compiled() {
    int k = next++ & 1023;
    return compiled.firstMatch(callA[k], callB[k]);
  }

  @Benchmark
  public int regexLinearScan() {
    int k = next++ & 1023;
    return scan(callA[k], callB[k]);
  }

}
