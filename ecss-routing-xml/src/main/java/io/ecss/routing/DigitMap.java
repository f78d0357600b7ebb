package io.ecss.routing;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * An MGCP-style digit map (RFC 3435 §2.1.5) as used in {@code <context digitmap="…">}, deciding
 * when overlap-dialled digits form a complete number.
 *
 * <p>Syntax: a string of elements, or alternatives in {@code (…|…|…)}. Elements: the symbols
 * {@code 0-9 * # A-D} literally; {@code x} (or {@code X}) any digit; {@code [..]} one symbol from a
 * set such as {@code [0-9*]} or {@code [13-5#]}; {@code .} zero or more repetitions of the preceding
 * element; {@code T} at the end of an alternative, completion by the inter-digit timer.
 *
 * <pre>{@code
 * DigitMap m = DigitMap.parse("(*[0-9*][0-9*].#|1xx.)");
 * m.evaluate("*21#");  // FULL
 * m.evaluate("*2");    // PARTIAL
 * m.evaluate("2");     // NO_MATCH
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public final class DigitMap {

  /** The outcome of evaluating a dialled string. */
  public enum Match {
    /** The string matches an alternative and no alternative can match a longer string. */
    FULL,
    /** More symbols could still complete a match (or the timer would complete it). */
    PARTIAL,
    /** No alternative matches the string or any extension of it. */
    NO_MATCH;

    /**
     * The lower-case label: {@code full}, {@code partial} or {@code no_match}.
     *
     * @return the label
     */
    public String label() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  private final String source;
  /** Per alternative: symbol masks; a negative value marks a repeated element (~mask). */
  private final int[][] alternatives;

  private final boolean[] timer;

  private DigitMap(String source, int[][] alternatives, boolean[] timer) {
    this.source = source;
    this.alternatives = alternatives;
    this.timer = timer;
  }

  /**
   * Parses a digit map.
   *
   * @param source the digit map text
   * @return the digit map
   * @throws RoutingSyntaxException naming the column and the offending character
   */
  public static DigitMap parse(String source) {
    int begin = 0;
    int end = source.length();
    if (source.isEmpty()) {
      throw error(source, 0, "empty digit map (expected a digit string or (…|…))");
    }
    if (source.charAt(0) == '(') {
      if (source.charAt(end - 1) != ')') {
        throw error(source, end, "unterminated '(' (expected ')' at the end)");
      }
      begin = 1;
      end--;
    }
    List<int[]> alts = new ArrayList<>();
    List<Boolean> timers = new ArrayList<>();
    int i = begin;
    while (true) {
      int altStart = i;
      int[] elems = new int[Math.max(1, end - i)];
      int n = 0;
      boolean t = false;
      while (i < end && source.charAt(i) != '|') {
        char c = source.charAt(i);
        if (t) {
          throw error(source, i, "unexpected " + Symbols.describe(c) + " after 'T' (expected '|' or the end)");
        }
        if (c == '.') {
          if (n == 0) {
            throw error(source, i, "'.' with no element before it (expected a symbol, x or [..] first)");
          }
          if (elems[n - 1] < 0) {
            throw error(source, i, "'.' after '.' (expected an element)");
          }
          elems[n - 1] = ~elems[n - 1];
          i++;
        } else if (c == 'T') {
          t = true;
          i++;
        } else if (c == 'x' || c == 'X') {
          elems[n++] = Symbols.DIGITS;
          i++;
        } else if (c == '[') {
          int[] after = new int[1];
          elems[n++] = set(source, i, end, after);
          i = after[0];
        } else if (Symbols.isSymbol(c)) {
          elems[n++] = 1 << Symbols.index(c);
          i++;
        } else {
          throw error(source, i, "unexpected " + Symbols.describe(c)
              + " (expected 0-9 * # A-D x [..] . T" + (begin == 1 ? " or |" : "") + ")");
        }
      }
      if (n == 0 && !t) {
        throw error(source, altStart, "empty alternative (expected at least one element)");
      }
      alts.add(Arrays.copyOf(elems, n));
      timers.add(t);
      if (i >= end) {
        break;
      }
      i++; // '|'
    }
    boolean[] timer = new boolean[timers.size()];
    for (int k = 0; k < timer.length; k++) {
      timer[k] = timers.get(k);
    }
    return new DigitMap(source, alts.toArray(new int[0][]), timer);
  }

  private static int set(String s, int open, int end, int[] after) {
    int mask = 0;
    int i = open + 1;
    while (i < end && s.charAt(i) != ']') {
      char c = s.charAt(i);
      if (!Symbols.isSymbol(c)) {
        throw error(s, i, "unexpected " + Symbols.describe(c) + " in [..] (expected 0-9 * # A-D)");
      }
      int lo = Symbols.index(c);
      int hi = lo;
      if (i + 2 < end && s.charAt(i + 1) == '-' && s.charAt(i + 2) != ']') {
        char d = s.charAt(i + 2);
        if (!Symbols.isSymbol(d)) {
          throw error(s, i + 2, "unexpected " + Symbols.describe(d) + " after '-' (expected a symbol)");
        }
        hi = Symbols.index(d);
        if (!Symbols.sameRangeClass(lo, hi) || hi < lo) {
          throw error(s, i + 2, "bad range " + c + "-" + d + " (expected low-high digits or letters)");
        }
        i += 3;
      } else {
        i++;
      }
      for (int k = lo; k <= hi; k++) {
        mask |= 1 << k;
      }
    }
    if (i >= end) {
      throw error(s, i, "unterminated '[' opened at column " + (open + 1) + " (expected ']')");
    }
    if (mask == 0) {
      throw error(s, i, "empty [] (expected at least one symbol)");
    }
    after[0] = i + 1;
    return mask;
  }

  private static RoutingSyntaxException error(String s, int index, String problem) {
    return new RoutingSyntaxException("digit map", s, index + 1, problem);
  }

  /**
   * Evaluates a dialled string (RFC 3435 §2.1.5 semantics with full/partial completion, as H.248
   * digit maps report it).
   *
   * @param dialled the symbols dialled so far
   * @return {@link Match#FULL}, {@link Match#PARTIAL} or {@link Match#NO_MATCH}
   */
  public Match evaluate(CharSequence dialled) {
    boolean anyLive = false;
    boolean full = false;
    boolean extend = false;
    for (int a = 0; a < alternatives.length; a++) {
      int[] el = alternatives[a];
      boolean[] states = closure(el, start(el.length));
      for (int k = 0; k < dialled.length() && states != null; k++) {
        int sym = Symbols.index(dialled.charAt(k));
        states = sym < 0 ? null : step(el, states, 1 << sym);
      }
      if (states == null) {
        continue;
      }
      anyLive = true;
      for (int p = 0; p <= el.length; p++) {
        if (!states[p]) {
          continue;
        }
        if (p == el.length) {
          if (timer[a]) {
            extend = true; // the timer, not the map, completes it
          } else {
            full = true;
          }
        } else {
          extend = true;
        }
      }
    }
    if (!anyLive) {
      return Match.NO_MATCH;
    }
    return full && !extend ? Match.FULL : Match.PARTIAL;
  }

  private static boolean[] start(int n) {
    boolean[] s = new boolean[n + 1];
    s[0] = true;
    return s;
  }

  /** Adds positions reachable by skipping repeated elements (zero repetitions). */
  private static boolean[] closure(int[] el, boolean[] s) {
    for (int p = 0; p < el.length; p++) {
      if (s[p] && el[p] < 0) {
        s[p + 1] = true;
      }
    }
    return s;
  }

  private static boolean[] step(int[] el, boolean[] s, int bit) {
    boolean[] next = new boolean[el.length + 1];
    boolean any = false;
    for (int p = 0; p < el.length; p++) {
      if (!s[p]) {
        continue;
      }
      int e = el[p];
      if (e < 0) {
        if ((~e & bit) != 0) {
          next[p] = true;
          any = true;
        }
      } else if ((e & bit) != 0) {
        next[p + 1] = true;
        any = true;
      }
    }
    return any ? closure(el, next) : null;
  }

  /**
   * Returns the digit map text as written.
   *
   * @return the source text
   */
  public String source() {
    return source;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof DigitMap m && m.source.equals(source);
  }

  @Override
  public int hashCode() {
    return source.hashCode();
  }

  /**
   * Returns the digit map text as written.
   *
   * @return the source text
   */
  @Override
  public String toString() {
    return source;
  }
}
