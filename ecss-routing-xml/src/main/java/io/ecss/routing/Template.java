package io.ecss.routing;

import java.util.ArrayList;
import java.util.List;

/**
 * A number template of a rule action ({@code <cdpn digits="7{%}"/>}, {@code <calling
 * sorm_digits="{1,2,3,4,5}"/>}).
 *
 * <p>Syntax: literal symbols {@code 0-9 * # A-D} are copied; {@code {%}} inserts what the {@code %}
 * of the rule's condition on the same number matched; {@code {1,2,3}} inserts the symbols at these
 * 1-based positions; {@code {1-5}} a range of positions; {@code {1-3,7}} mixes both. Templates read
 * the numbers as they were when the rule matched, before any action of the rule ran.
 *
 * <pre>{@code
 * Template t = Template.parse("38327{1-5}");
 * t.apply("28331", 0, 0);   // "3832728331"
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public final class Template {
  /** Part codes: >= 0 a 0-based position; PERCENT the {@code %} match; LITERAL_BASE - c a literal. */
  private static final int PERCENT = -1;

  private final String source;
  private final int[] parts;
  private final String[] literals;
  private final boolean usesPercent;
  private final int maxPosition;

  private Template(String source, int[] parts, String[] literals) {
    this.source = source;
    this.parts = parts;
    this.literals = literals;
    boolean pct = false;
    int max = 0;
    for (int p : parts) {
      pct |= p == PERCENT;
      max = Math.max(max, p + 1);
    }
    this.usesPercent = pct;
    this.maxPosition = max;
  }

  /**
   * Parses an action template.
   *
   * @param source the template text, e.g. {@code 8{%}}
   * @return the template
   * @throws RoutingSyntaxException naming the column and the offending character
   */
  public static Template parse(String source) {
    List<Integer> parts = new ArrayList<>();
    List<String> literals = new ArrayList<>();
    int i = 0;
    StringBuilder lit = new StringBuilder();
    while (i < source.length()) {
      char c = source.charAt(i);
      if (Symbols.isSymbol(c)) {
        lit.append(c);
        i++;
        continue;
      }
      if (c == '}') {
        throw error(source, i, "'}' without '{'");
      }
      if (c != '{') {
        throw error(
            source, i, "unexpected " + Symbols.describe(c) + " (expected 0-9 * # A-D or '{')");
      }
      if (lit.length() > 0) {
        literals.add(lit.toString());
        parts.add(-2 - (literals.size() - 1));
        lit.setLength(0);
      }
      int open = i;
      i++;
      if (i < source.length() && source.charAt(i) == '%') {
        i++;
        if (i >= source.length() || source.charAt(i) != '}') {
          throw error(
              source,
              i,
              (i >= source.length() ? "unterminated '{' opened at column " + (open + 1)
                      : "unexpected " + Symbols.describe(source.charAt(i)))
                  + " (expected '}' after '{%')");
        }
        parts.add(PERCENT);
        i++;
        continue;
      }
      while (true) {
        int[] end = new int[1];
        int lo = number(source, i, open, end);
        i = end[0];
        int hi = lo;
        if (i < source.length() && source.charAt(i) == '-') {
          hi = number(source, i + 1, open, end);
          if (hi < lo) {
            throw error(source, i + 1, "reversed position range " + lo + "-" + hi);
          }
          i = end[0];
        }
        if (hi - lo > Symbols.MAX_NUMBER_LENGTH) {
          throw error(source, i - 1, "position range " + lo + "-" + hi + " too long");
        }
        for (int p = lo; p <= hi; p++) {
          parts.add(p - 1);
        }
        if (i >= source.length()) {
          throw error(source, i, "unterminated '{' opened at column " + (open + 1));
        }
        char sep = source.charAt(i);
        i++;
        if (sep == '}') {
          break;
        }
        if (sep != ',') {
          throw error(
              source, i - 1, "unexpected " + Symbols.describe(sep) + " (expected ',', '-' or '}')");
        }
      }
    }
    if (lit.length() > 0) {
      literals.add(lit.toString());
      parts.add(-2 - (literals.size() - 1));
    }
    int[] p = new int[parts.size()];
    for (int k = 0; k < p.length; k++) {
      p[k] = parts.get(k);
    }
    return new Template(source, p, literals.toArray(new String[0]));
  }

  /** Parses a 1-based position at {@code i}; stores the index after it in end[0]. */
  private static int number(String s, int i, int open, int[] end) {
    int j = i;
    long v = 0;
    while (j < s.length() && s.charAt(j) >= '0' && s.charAt(j) <= '9') {
      v = v * 10 + (s.charAt(j) - '0');
      if (v > Symbols.MAX_NUMBER_LENGTH) {
        throw error(
            s, i, "position larger than " + Symbols.MAX_NUMBER_LENGTH + " (the longest number)");
      }
      j++;
    }
    if (j == i) {
      if (j >= s.length()) {
        throw error(s, j, "unterminated '{' opened at column " + (open + 1));
      }
      char c = s.charAt(j);
      String what = c == '}' || c == ',' || c == '-' ? "missing position" : "unexpected " + Symbols.describe(c);
      throw error(s, j, what + " (expected a 1-based position or '%')");
    }
    if (v == 0) {
      throw error(s, i, "position 0 (positions start at 1)");
    }
    end[0] = j;
    return (int) v;
  }

  private static RoutingSyntaxException error(String s, int index, String problem) {
    return new RoutingSyntaxException("template", s, index + 1, problem);
  }

  /**
   * Builds the output for a number as it was when the rule matched.
   *
   * @param number the number the template reads (the rule's pre-action A or B number)
   * @param percentStart start of what the condition's {@code %} matched in {@code number}
   * @param percentEnd end (exclusive) of what the {@code %} matched
   * @return the built number
   * @throws RoutingException when a position lies past the end of the number
   * @throws IllegalArgumentException when {@code percentStart..percentEnd} is not a span of {@code
   *     number}
   */
  public String apply(String number, int percentStart, int percentEnd) {
    if (percentStart < 0 || percentEnd < percentStart || percentEnd > number.length()) {
      throw new IllegalArgumentException("percentStart " + percentStart + ", percentEnd " + percentEnd
          + ": not a span of \"" + number + "\" (expected 0 <= start <= end <= " + number.length() + ")");
    }
    StringBuilder out = new StringBuilder(source.length() + number.length());
    for (int p : parts) {
      if (p >= 0) {
        if (p >= number.length()) {
          throw new RoutingException(
              "template \"" + source + "\": position " + (p + 1) + " is past the end of \""
                  + number + "\" (" + number.length() + " symbols)");
        }
        out.append(number.charAt(p));
      } else if (p == PERCENT) {
        out.append(number, percentStart, percentEnd);
      } else {
        out.append(literals[-2 - p]);
      }
    }
    return out.toString();
  }

  /**
   * Whether the template uses {@code {%}}.
   *
   * @return true when it contains {@code {%}}
   */
  public boolean usesPercent() {
    return usesPercent;
  }

  /**
   * The highest 1-based position the template reads (0 when it reads none).
   *
   * @return the highest position
   */
  public int maxPosition() {
    return maxPosition;
  }

  /**
   * Returns the template text as written.
   *
   * @return the source text
   */
  public String source() {
    return source;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Template t && t.source.equals(source);
  }

  @Override
  public int hashCode() {
    return source.hashCode();
  }

  /**
   * Returns the template text as written.
   *
   * @return the source text
   */
  @Override
  public String toString() {
    return source;
  }
}
