package io.ecss.csta;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A list of served numbers in the ECSS-10 integration syntax, e.g. {@code {101,102,103,110-120}}
 * or {@code 24010{0-1}} (from {@code domain/<D>/integrations/add ... --numbers}).
 *
 * <p>Grammar: a list is terms separated by commas; a term is a sequence of segments; a segment is
 * a number, a range {@code lo-hi}, or a brace group {@code {a,b,lo-hi}} of numbers and ranges.
 * Segments concatenate, so {@code 24010{0-1}} is 240100 and 240101. A range whose ends have the
 * same number of digits keeps that width ({@code {08-10}} is 08, 09, 10); otherwise numbers are
 * written without leading zeros. Spaces around items are ignored. Numbers are digits only, at
 * most 18 per segment.
 *
 * <p>Immutable and thread-safe.
 */
public final class CstaNumberList {
  private final String text;
  private final List<List<List<Alt>>> terms; // term -> segment -> alternatives

  /** One alternative of a segment: a number or a range, with fixed width or none (-1). */
  private record Alt(long lo, long hi, int width, int minLen, int maxLen) {
    long count() {
      return hi - lo + 1;
    }

    String format(long v) {
      String s = Long.toString(v);
      return width < 0 || s.length() >= width ? s : "0".repeat(width - s.length()) + s;
    }

    boolean matches(String s) {
      if (width >= 0 ? s.length() != width : (s.length() < minLen || s.length() > maxLen)) {
        return false;
      }
      if (width < 0 && s.length() > 1 && s.charAt(0) == '0') {
        return false;
      }
      long v = Long.parseLong(s);
      return v >= lo && v <= hi;
    }
  }

  private CstaNumberList(String text, List<List<List<Alt>>> terms) {
    this.text = text;
    this.terms = terms;
  }

  /**
   * Parses a number list.
   *
   * @param text e.g. {@code {101,102,103,110-120}}
   * @return the list
   * @throws CstaParseException with the 1-based column of the first offending character
   */
  public static CstaNumberList parse(String text) {
    requireNonNull(text, "text");
    Parser p = new Parser(text);
    List<List<List<Alt>>> terms = new ArrayList<>();
    p.skipSpaces();
    if (p.atEnd()) {
      throw p.error("empty number list");
    }
    while (true) {
      terms.add(p.term());
      p.skipSpaces();
      if (p.atEnd()) {
        break;
      }
      p.expect(',');
    }
    return new CstaNumberList(text.strip(), List.copyOf(terms));
  }

  /**
   * Whether a number is in the list.
   *
   * @param number a number, digits only (anything else is not contained)
   * @return {@code true} if some term produces it
   */
  public boolean contains(String number) {
    requireNonNull(number, "number");
    for (int i = 0; i < number.length(); i++) {
      if (number.charAt(i) < '0' || number.charAt(i) > '9') {
        return false;
      }
    }
    for (List<List<Alt>> term : terms) {
      if (match(term, 0, number, 0)) {
        return true;
      }
    }
    return false;
  }

  private static boolean match(List<List<Alt>> segs, int si, String s, int pos) {
    if (si == segs.size()) {
      return pos == s.length();
    }
    for (Alt a : segs.get(si)) {
      int from = a.width >= 0 ? a.width : a.minLen;
      int to = a.width >= 0 ? a.width : a.maxLen;
      for (int len = from; len <= to && pos + len <= s.length(); len++) {
        if (a.matches(s.substring(pos, pos + len)) && match(segs, si + 1, s, pos + len)) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * How many numbers the terms produce (duplicates between terms counted twice), capped at {@link
   * Long#MAX_VALUE}.
   *
   * @return the count
   */
  public long size() {
    long total = 0;
    for (List<List<Alt>> term : terms) {
      long n = 1;
      for (List<Alt> seg : term) {
        long s = 0;
        for (Alt a : seg) {
          s = addCapped(s, a.count());
        }
        n = n > Long.MAX_VALUE / Math.max(1, s) ? Long.MAX_VALUE : n * s;
      }
      total = addCapped(total, n);
    }
    return total;
  }

  private static long addCapped(long a, long b) {
    long r = a + b;
    return r < 0 ? Long.MAX_VALUE : r;
  }

  /**
   * Lists every number, in order, without duplicates.
   *
   * @param limit the most numbers accepted (protects against {@code {0-999999999}})
   * @return the numbers
   * @throws CstaException if the list has more than {@code limit} numbers
   */
  public List<String> expand(int limit) {
    if (size() > limit) {
      throw new CstaException(
          "number list " + text + " has " + size() + " numbers (more than the limit " + limit + ")");
    }
    Set<String> out = new LinkedHashSet<>();
    for (List<List<Alt>> term : terms) {
      expand(term, 0, "", out);
    }
    return List.copyOf(out);
  }

  private static void expand(List<List<Alt>> segs, int si, String prefix, Set<String> out) {
    if (si == segs.size()) {
      out.add(prefix);
      return;
    }
    for (Alt a : segs.get(si)) {
      for (long v = a.lo; v <= a.hi; v++) {
        expand(segs, si + 1, prefix + a.format(v), out);
      }
    }
  }

  /** The list as given (trimmed). */
  @Override
  public String toString() {
    return text;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof CstaNumberList other && other.text.equals(text);
  }

  @Override
  public int hashCode() {
    return text.hashCode();
  }

  private static final class Parser {
    final String s;
    int pos;

    Parser(String s) {
      this.s = s;
    }

    boolean atEnd() {
      return pos >= s.length();
    }

    void skipSpaces() {
      while (pos < s.length() && s.charAt(pos) == ' ') {
        pos++;
      }
    }

    CstaParseException error(String problem) {
      return new CstaParseException(problem, 1, pos + 1);
    }

    void expect(char c) {
      if (atEnd() || s.charAt(pos) != c) {
        throw error(
            "expected '" + c + "' but found " + (atEnd() ? "the end" : "'" + s.charAt(pos) + "'"));
      }
      pos++;
    }

    List<List<Alt>> term() {
      skipSpaces();
      List<List<Alt>> segs = new ArrayList<>();
      while (!atEnd()) {
        char c = s.charAt(pos);
        if (c == '{') {
          pos++;
          List<Alt> alts = new ArrayList<>();
          while (true) {
            skipSpaces();
            alts.add(alt());
            skipSpaces();
            if (!atEnd() && s.charAt(pos) == ',') {
              pos++;
              continue;
            }
            expect('}');
            break;
          }
          segs.add(List.copyOf(alts));
        } else if (c >= '0' && c <= '9') {
          segs.add(List.of(alt()));
        } else {
          break;
        }
      }
      if (segs.isEmpty()) {
        throw error(atEnd() ? "expected a number but found the end" : "expected a number but found '" + s.charAt(pos) + "'");
      }
      return List.copyOf(segs);
    }

    Alt alt() {
      int start = pos;
      String lo = digits();
      if (!atEnd() && s.charAt(pos) == '-') {
        pos++;
        String hi = digits();
        long l = Long.parseLong(lo);
        long h = Long.parseLong(hi);
        if (l > h) {
          pos = start;
          throw error("range " + lo + "-" + hi + " is reversed");
        }
        int width = lo.length() == hi.length() ? lo.length() : -1;
        return new Alt(l, h, width, lo.length(), hi.length());
      }
      return new Alt(Long.parseLong(lo), Long.parseLong(lo), lo.length(), lo.length(), lo.length());
    }

    String digits() {
      int start = pos;
      while (pos < s.length() && s.charAt(pos) >= '0' && s.charAt(pos) <= '9') {
        pos++;
      }
      if (pos == start) {
        throw error(atEnd() ? "expected a digit but found the end" : "expected a digit but found '" + s.charAt(pos) + "'");
      }
      if (pos - start > 18) {
        pos = start;
        throw error("number longer than 18 digits");
      }
      return s.substring(start, pos);
    }
  }
}
