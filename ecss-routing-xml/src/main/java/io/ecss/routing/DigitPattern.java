package io.ecss.routing;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;

/**
 * A number pattern of a rule condition ({@code <cdpn digits="8%"/>}), anchored at both ends.
 *
 * <p>Syntax: literal symbols {@code 0-9 * # A-D}; {@code ?} matches exactly one symbol; {@code %}
 * matches zero or more symbols (at most one {@code %} per pattern, anywhere); {@code (a-b)} matches
 * one symbol in a range; {@code (1,3,5)} and {@code (1-3,7)} one symbol from a set. Ranges run over
 * digits ({@code 0-9}) or letters ({@code A-D}). The empty pattern matches only the empty number.
 *
 * <pre>{@code
 * DigitPattern p = DigitPattern.parse("738327(0-1)????");
 * p.matches("73832700001");   // true
 * p.matches("73832720001");   // false
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public final class DigitPattern {
  private final String source;
  /** One symbol mask per position, the {@code %} excluded. */
  private final int[] masks;
  /** Number of tokens before the {@code %}; equals {@code masks.length} without a {@code %}. */
  private final int prefix;

  private final boolean percent;

  private DigitPattern(String source, int[] masks, int prefix, boolean percent) {
    this.source = source;
    this.masks = masks;
    this.prefix = prefix;
    this.percent = percent;
  }

  /**
   * Parses a condition pattern.
   *
   * @param source the pattern text, e.g. {@code 73832??????}
   * @return the pattern
   * @throws RoutingSyntaxException naming the column and the offending character
   */
  public static DigitPattern parse(String source) {
    int[] masks = new int[Math.min(source.length(), Symbols.MAX_NUMBER_LENGTH + 1)];
    int n = 0;
    int prefix = -1;
    int i = 0;
    while (i < source.length()) {
      char c = source.charAt(i);
      int mask;
      if (c == '%') {
        if (prefix >= 0) {
          throw error(source, i, "second '%' (expected at most one '%' per pattern)");
        }
        prefix = n;
        i++;
        continue;
      } else if (c == '?') {
        mask = Symbols.ALL;
        i++;
      } else if (c == '(') {
        int[] end = new int[1];
        mask = parseSet(source, i, end);
        i = end[0];
      } else if (Symbols.isSymbol(c)) {
        mask = 1 << Symbols.index(c);
        i++;
      } else {
        throw error(
            source, i, "unexpected " + Symbols.describe(c) + " (expected 0-9 * # A-D ? % or '(')");
      }
      if (n == Symbols.MAX_NUMBER_LENGTH) {
        throw error(
            source,
            i - 1,
            "pattern longer than " + Symbols.MAX_NUMBER_LENGTH + " symbols (the longest number)");
      }
      masks[n++] = mask;
    }
    boolean percent = prefix >= 0;
    return new DigitPattern(source, Arrays.copyOf(masks, n), percent ? prefix : n, percent);
  }

  /** Parses {@code (…)} starting at {@code open}; stores the index after {@code )} in end[0]. */
  private static int parseSet(String s, int open, int[] end) {
    int mask = 0;
    int i = open + 1;
    while (true) {
      if (i >= s.length()) {
        throw error(s, i, "unterminated '(' opened at column " + (open + 1) + " (expected ')')");
      }
      char c = s.charAt(i);
      if (!Symbols.isSymbol(c)) {
        String what = c == ')' || c == ',' ? "empty item" : "unexpected " + Symbols.describe(c);
        throw error(s, i, what + " in set (expected a symbol 0-9 * # A-D)");
      }
      int lo = Symbols.index(c);
      int hi = lo;
      i++;
      if (i < s.length() && s.charAt(i) == '-') {
        i++;
        if (i >= s.length()) {
          throw error(s, i, "unterminated range (expected a symbol after '-')");
        }
        char d = s.charAt(i);
        if (!Symbols.isSymbol(d)) {
          throw error(s, i, "unexpected " + Symbols.describe(d) + " after '-' (expected a symbol)");
        }
        hi = Symbols.index(d);
        if (!Symbols.sameRangeClass(lo, hi)) {
          throw error(s, i, "range " + c + "-" + d + " (expected digits 0-9 or letters A-D)");
        }
        if (hi < lo) {
          throw error(s, i, "reversed range " + c + "-" + d + " (expected low-high)");
        }
        i++;
      }
      for (int k = lo; k <= hi; k++) {
        mask |= 1 << k;
      }
      if (i >= s.length()) {
        throw error(s, i, "unterminated '(' opened at column " + (open + 1) + " (expected ')')");
      }
      char sep = s.charAt(i);
      if (sep == ')') {
        end[0] = i + 1;
        return mask;
      }
      if (sep != ',') {
        throw error(s, i, "unexpected " + Symbols.describe(sep) + " in set (expected ',' or ')')");
      }
      i++;
    }
  }

  private static RoutingSyntaxException error(String s, int index, String problem) {
    return new RoutingSyntaxException("pattern", s, index + 1, problem);
  }

  /**
   * Whether {@code number} matches this pattern as a whole.
   *
   * @param number the number, dial symbols only (anything else never matches)
   * @return true when the whole number matches
   */
  public boolean matches(CharSequence number) {
    return matchesFrom(number, 0);
  }

  /**
   * Whether {@code number} matches when the first {@code skip} tokens are known to match its first
   * {@code skip} symbols.
   */
  boolean matchesFrom(CharSequence number, int skip) {
    int len = number.length();
    if (!percent) {
      if (len != masks.length) {
        return false;
      }
      for (int t = skip; t < masks.length; t++) {
        if (!accepts(masks[t], number.charAt(t))) {
          return false;
        }
      }
      return true;
    }
    int suffix = masks.length - prefix;
    if (len < masks.length) {
      return false;
    }
    for (int t = skip; t < prefix; t++) {
      if (!accepts(masks[t], number.charAt(t))) {
        return false;
      }
    }
    return suffixMatches(number, len - suffix);
  }

  /** Whether the tokens after the {@code %} match {@code number} from {@code start} to the end. */
  boolean suffixMatches(CharSequence number, int start) {
    for (int t = prefix; t < masks.length; t++) {
      if (!accepts(masks[t], number.charAt(start + t - prefix))) {
        return false;
      }
    }
    return true;
  }

  private static boolean accepts(int mask, char c) {
    int s = Symbols.index(c);
    return s >= 0 && (mask & (1 << s)) != 0;
  }

  /**
   * Returns the pattern text as written.
   *
   * @return the source text
   */
  public String source() {
    return source;
  }

  /**
   * Whether the pattern has a {@code %}.
   *
   * @return true when it contains {@code %}
   */
  public boolean hasPercent() {
    return percent;
  }

  /**
   * Shortest number this pattern matches.
   *
   * @return the number of single-symbol tokens
   */
  public int minLength() {
    return masks.length;
  }

  /** Number of tokens before the {@code %} (all tokens without one). */
  int prefixLength() {
    return prefix;
  }

  /** Number of tokens after the {@code %} (zero without one). */
  int suffixLength() {
    return masks.length - prefix;
  }

  /** Symbol mask of single-symbol token {@code t} ({@code %} excluded). */
  int mask(int t) {
    return masks[t];
  }

  /** Start index in {@code number} of what the {@code %} matched (the number must match). */
  int percentStart() {
    return prefix;
  }

  /** End index (exclusive) in {@code number} of what the {@code %} matched. */
  int percentEnd(CharSequence number) {
    return number.length() - (masks.length - prefix);
  }

  /**
   * Whether every number {@code other} matches is also matched by this pattern (language
   * inclusion), decided exactly by walking both patterns' automata together.
   */
  boolean covers(DigitPattern other) {
    if (!percent && (other.percent || other.masks.length != masks.length)) {
      return false;
    }
    if (masks.length > other.masks.length || other.masks.length > 62) {
      return false; // a longer pattern than 62 tokens is not analysed: "not covered" is safe
    }
    // States of "this": token positions 0..n, as a bit set; the % sits before token `prefix`.
    // States of "other": a single position (its automaton is deterministic in position but the %
    // makes it loop); explore pairs (otherPos, thisSet) over every symbol.
    Set<Pair> seen = new HashSet<>();
    java.util.ArrayDeque<Pair> work = new java.util.ArrayDeque<>();
    Pair first = new Pair(0, 1L);
    work.add(first);
    seen.add(first);
    int on = other.masks.length;
    while (!work.isEmpty()) {
      Pair st = work.poll();
      int op = st.pos();
      long set = st.set();
      if (op == on && (set & (1L << masks.length)) == 0) {
        return false; // other accepts here, this does not
      }
      for (int sym = 0; sym < 16; sym++) {
        int bit = 1 << sym;
        // other's successors on sym: advance a token, or stay when looping on its %.
        for (int move = 0; move < 2; move++) {
          int np;
          if (move == 0) {
            if (op >= on || (other.masks[op] & bit) == 0) {
              continue;
            }
            np = op + 1;
          } else {
            if (!other.percent || op != other.prefix) {
              continue;
            }
            np = op;
          }
          long next = step(set, bit);
          if (next == 0) {
            return false; // other can still accept strings this rejects (op ≤ on reachable)
          }
          Pair pair = new Pair(np, next);
          if (seen.add(pair)) {
            work.add(pair);
          }
        }
      }
    }
    return true;
  }

  /** A state of the inclusion walk: the other pattern's position and this pattern's state set. */
  private record Pair(int pos, long set) {}

  private long step(long set, int bit) {
    long next = 0;
    for (int p = 0; p <= masks.length; p++) {
      if ((set & (1L << p)) == 0) {
        continue;
      }
      if (p < masks.length && (masks[p] & bit) != 0) {
        next |= 1L << (p + 1);
      }
      if (percent && p == prefix) {
        next |= 1L << p;
      }
    }
    return next;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof DigitPattern p && p.source.equals(source);
  }

  @Override
  public int hashCode() {
    return source.hashCode();
  }

  /**
   * Returns the pattern text as written.
   *
   * @return the source text
   */
  @Override
  public String toString() {
    return source;
  }
}
