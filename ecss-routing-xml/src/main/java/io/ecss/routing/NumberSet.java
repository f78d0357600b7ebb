package io.ecss.routing;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * A numbering-plan number set in the CLI syntax of the manual ({@code np/numbers/add city
 * 738327{0-1}000{0-1}}): literal digits and brace groups, each group one of a list of numbers and
 * ranges ({@code {2124-2400}}, {@code {101,102,103,110-120}}). The set is every concatenation of
 * one choice per group.
 *
 * <p>A range whose ends have the same width keeps that width ({@code {001-120}} gives {@code 001}
 * … {@code 120}); otherwise it is a range of natural numbers ({@code {8-12}} gives {@code 8} …
 * {@code 12}). At most one group may have members of different widths, and it must be the last
 * group (literal digits may follow it), so every number has exactly one reading.
 *
 * <p>Sets are never materialised: {@link #size()}, {@link #contains(CharSequence)} and {@link
 * #get(long)} work on the groups. Iteration order: groups vary rightmost-fastest, each group in
 * ascending order (shorter members first).
 *
 * <pre>{@code
 * NumberSet s = NumberSet.parse("738327{0-1}000{0-1}");
 * s.size();                    // 4
 * s.contains("73832710001");   // true
 * s.get(0);                    // "73832700000"
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public final class NumberSet implements Iterable<String> {
  private static final int MAX_DIGITS = 18;

  /** A literal run of digits, or a group (sorted, merged intervals of same-width numbers). */
  private static final class Segment {
    final String literal; // null for groups
    final long[] lens; // per interval: width
    final long[] los;
    final long[] his;
    final long count;
    final int width; // fixed width, or -1 when members differ in width

    Segment(String literal) {
      this.literal = literal;
      this.lens = new long[0];
      this.los = new long[0];
      this.his = new long[0];
      this.count = 1;
      this.width = literal.length();
    }

    Segment(List<long[]> intervals) {
      this.literal = null;
      int n = intervals.size();
      lens = new long[n];
      los = new long[n];
      his = new long[n];
      long c = 0;
      int w = (int) intervals.get(0)[0];
      for (int i = 0; i < n; i++) {
        long[] iv = intervals.get(i);
        lens[i] = iv[0];
        los[i] = iv[1];
        his[i] = iv[2];
        c += iv[2] - iv[1] + 1;
        if (iv[0] != w) {
          w = -1;
        }
      }
      count = c;
      width = w;
    }

    boolean isGroup() {
      return literal == null;
    }

    boolean containsMember(String s) {
      if (s.isEmpty() || s.length() > MAX_DIGITS) {
        return false;
      }
      long v = 0;
      for (int i = 0; i < s.length(); i++) {
        char c = s.charAt(i);
        if (c < '0' || c > '9') {
          return false;
        }
        v = v * 10 + (c - '0');
      }
      for (int i = 0; i < lens.length; i++) {
        if (lens[i] == s.length() && v >= los[i] && v <= his[i]) {
          return true;
        }
      }
      return false;
    }

    String member(long k) {
      long rem = k;
      for (int i = 0; i < lens.length; i++) {
        long span = his[i] - los[i] + 1;
        if (rem < span) {
          String digits = Long.toString(los[i] + rem);
          StringBuilder sb = new StringBuilder();
          for (long p = digits.length(); p < lens[i]; p++) {
            sb.append('0');
          }
          return sb.append(digits).toString();
        }
        rem -= span;
      }
      throw new IllegalStateException("member " + k + " out of range");
    }
  }

  private final String source;
  private final Segment[] segments;
  private final long size;

  private NumberSet(String source, Segment[] segments, long size) {
    this.source = source;
    this.segments = segments;
    this.size = size;
  }

  /**
   * Parses a number set.
   *
   * @param source the set text, e.g. {@code {101,102,110-120}}
   * @return the set
   * @throws RoutingSyntaxException naming the column and the offending character, or when the set
   *     has more than {@link Long#MAX_VALUE} numbers
   */
  public static NumberSet parse(String source) {
    if (source.isEmpty()) {
      throw error(source, 0, "empty set (expected digits or {…})");
    }
    List<Segment> segs = new ArrayList<>();
    StringBuilder lit = new StringBuilder();
    int i = 0;
    int variableAt = -1;
    while (i < source.length()) {
      char c = source.charAt(i);
      if (c >= '0' && c <= '9') {
        lit.append(c);
        i++;
        continue;
      }
      if (c == '}') {
        throw error(source, i, "'}' without '{'");
      }
      if (c != '{') {
        throw error(source, i, "unexpected " + Symbols.describe(c) + " (expected a digit or '{')");
      }
      if (lit.length() > 0) {
        segs.add(new Segment(lit.toString()));
        lit.setLength(0);
      }
      if (variableAt >= 0) {
        throw error(source, i, "a group follows the group at column " + (variableAt + 1)
            + " whose members differ in width (only the last group may)");
      }
      int open = i;
      List<long[]> items = new ArrayList<>();
      i++;
      while (true) {
        int[] end = new int[1];
        String a = digits(source, i, open, end);
        i = end[0];
        String b = a;
        if (i < source.length() && source.charAt(i) == '-') {
          b = digits(source, i + 1, open, end);
          addRange(source, i + 1, a, b, items);
          i = end[0];
        } else {
          items.add(new long[] {a.length(), Long.parseLong(a), Long.parseLong(a)});
        }
        if (i >= source.length()) {
          throw error(source, i, "unterminated '{' opened at column " + (open + 1) + " (expected '}')");
        }
        char sep = source.charAt(i++);
        if (sep == '}') {
          break;
        }
        if (sep != ',') {
          throw error(source, i - 1, "unexpected " + Symbols.describe(sep) + " (expected ',', '-' or '}')");
        }
      }
      Segment g = new Segment(merge(items));
      if (g.width < 0) {
        variableAt = open;
      }
      segs.add(g);
    }
    if (lit.length() > 0) {
      segs.add(new Segment(lit.toString()));
    }
    long size = 1;
    for (Segment s : segs) {
      try {
        size = Math.multiplyExact(size, s.count);
      } catch (ArithmeticException e) {
        throw error(source, 0, "more than " + Long.MAX_VALUE + " numbers");
      }
    }
    return new NumberSet(source, segs.toArray(new Segment[0]), size);
  }

  private static String digits(String s, int i, int open, int[] end) {
    int j = i;
    while (j < s.length() && s.charAt(j) >= '0' && s.charAt(j) <= '9') {
      j++;
    }
    if (j == i) {
      if (j >= s.length()) {
        throw error(s, j, "unterminated '{' opened at column " + (open + 1) + " (expected '}')");
      }
      char c = s.charAt(j);
      throw error(s, j, (c == ',' || c == '}' || c == '-' ? "missing number" : "unexpected " + Symbols.describe(c))
          + " (expected digits)");
    }
    if (j - i > MAX_DIGITS) {
      throw error(s, i, "number of " + (j - i) + " digits in a group (expected at most " + MAX_DIGITS + ")");
    }
    end[0] = j;
    return s.substring(i, j);
  }

  private static void addRange(String s, int at, String a, String b, List<long[]> items) {
    long lo = Long.parseLong(a);
    long hi = Long.parseLong(b);
    if (a.length() == b.length()) {
      if (lo > hi) {
        throw error(s, at, "reversed range " + a + "-" + b + " (expected low-high)");
      }
      items.add(new long[] {a.length(), lo, hi});
      return;
    }
    if (a.length() > 1 && a.charAt(0) == '0') {
      throw error(s, at - a.length() - 1, "range " + a + "-" + b
          + " with a leading zero needs ends of equal width");
    }
    if (b.length() > 1 && b.charAt(0) == '0') {
      throw error(s, at, "range " + a + "-" + b + " with a leading zero needs ends of equal width");
    }
    if (lo > hi) {
      throw error(s, at, "reversed range " + a + "-" + b + " (expected low-high)");
    }
    for (int len = a.length(); len <= b.length(); len++) {
      long min = len == 1 ? 0 : pow10(len - 1);
      long max = pow10(len) - 1;
      long l = Math.max(lo, min);
      long h = Math.min(hi, max);
      if (l <= h) {
        items.add(new long[] {len, l, h});
      }
    }
  }

  private static long pow10(int n) {
    long p = 1;
    for (int i = 0; i < n; i++) {
      p *= 10;
    }
    return p;
  }

  /** Sorts by (width, low) and merges overlapping or adjacent intervals of the same width. */
  private static List<long[]> merge(List<long[]> items) {
    items.sort((x, y) -> x[0] != y[0] ? Long.compare(x[0], y[0]) : Long.compare(x[1], y[1]));
    List<long[]> out = new ArrayList<>();
    for (long[] iv : items) {
      long[] last = out.isEmpty() ? null : out.get(out.size() - 1);
      if (last != null && last[0] == iv[0] && iv[1] <= last[2] + 1) {
        last[2] = Math.max(last[2], iv[2]);
      } else {
        out.add(iv.clone());
      }
    }
    return out;
  }

  private static RoutingSyntaxException error(String s, int index, String problem) {
    return new RoutingSyntaxException("number set", s, index + 1, problem);
  }

  /**
   * Returns how many distinct numbers the set holds.
   *
   * @return the size
   */
  public long size() {
    return size;
  }

  /**
   * Whether the set holds {@code number}.
   *
   * @param number the number
   * @return true when it is one of the set's numbers
   */
  public boolean contains(CharSequence number) {
    String s = number.toString();
    int pos = 0;
    int tail = 0; // fixed width after the variable group
    int variable = -1;
    for (int k = 0; k < segments.length; k++) {
      if (segments[k].width < 0) {
        variable = k;
      } else if (variable >= 0) {
        tail += segments[k].width;
      }
    }
    for (int k = 0; k < segments.length; k++) {
      Segment seg = segments[k];
      int w = seg.width >= 0 ? seg.width : s.length() - pos - tail;
      if (w < 0 || pos + w > s.length()) {
        return false;
      }
      String part = s.substring(pos, pos + w);
      if (seg.isGroup() ? !seg.containsMember(part) : !part.equals(seg.literal)) {
        return false;
      }
      pos += w;
    }
    return pos == s.length();
  }

  /**
   * Returns the number at {@code index} in iteration order.
   *
   * @param index 0-based position
   * @return the number
   * @throws IndexOutOfBoundsException when {@code index} is negative or not below {@link #size()}
   */
  public String get(long index) {
    if (index < 0 || index >= size) {
      throw new IndexOutOfBoundsException("index: " + index + " (expected 0.." + (size - 1) + ")");
    }
    String[] parts = new String[segments.length];
    long rem = index;
    for (int k = segments.length - 1; k >= 0; k--) {
      Segment seg = segments[k];
      if (seg.isGroup()) {
        parts[k] = seg.member(rem % seg.count);
        rem /= seg.count;
      } else {
        parts[k] = seg.literal;
      }
    }
    return String.join("", parts);
  }

  /**
   * Iterates the numbers in order without materialising the set.
   *
   * @return an iterator
   */
  @Override
  public Iterator<String> iterator() {
    return new Iterator<>() {
      private long next;

      @Override
      public boolean hasNext() {
        return next < size;
      }

      @Override
      public String next() {
        if (next >= size) {
          throw new NoSuchElementException();
        }
        return get(next++);
      }
    };
  }

  /**
   * Returns the set text as written.
   *
   * @return the source text
   */
  public String source() {
    return source;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof NumberSet n && n.source.equals(source);
  }

  @Override
  public int hashCode() {
    return source.hashCode();
  }

  /**
   * Returns the set text as written.
   *
   * @return the source text
   */
  @Override
  public String toString() {
    return source;
  }
}
