package io.ecss.webvtt;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * HTML character references as the WebVTT cue text tokenizer consumes them (W3C WebVTT 1, section
 * 6.4, "consume an HTML character reference", not in an attribute): numeric references in decimal
 * and hexadecimal with the HTML replacements, and the complete WHATWG named character reference
 * table (2,231 names, longest match, legacy names without {@code ;}).
 */
final class CharRefs {
  private CharRefs() {}

  /** Windows-1252 replacements for numeric references 0x80..0x9F (HTML tokenizer table). */
  private static final int[] C1 = {
    0x20AC, 0x81, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
    0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8D, 0x017D, 0x8F,
    0x90, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
    0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x9D, 0x017E, 0x0178
  };

  /** The named references, loaded on first use. */
  private static final class Table {
    static final Map<String, String> NAMED = load();
    static final int MAX_NAME = maxName();

    private static Map<String, String> load() {
      Map<String, String> m = new HashMap<>(4096);
      try (InputStream in = CharRefs.class.getResourceAsStream("entities.txt")) {
        if (in == null) {
          throw new IllegalStateException("entities.txt missing from the ecss-webvtt jar");
        }
        BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        for (String line = r.readLine(); line != null; line = r.readLine()) {
          if (line.isEmpty() || line.charAt(0) == '#') {
            continue;
          }
          int tab = line.indexOf('\t');
          StringBuilder value = new StringBuilder(2);
          int i = tab + 1;
          while (i < line.length()) {
            int sp = line.indexOf(' ', i);
            int e = sp < 0 ? line.length() : sp;
            value.appendCodePoint(Integer.parseInt(line, i, e, 16));
            i = e + 1;
          }
          m.put(line.substring(0, tab), value.toString());
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return m;
    }

    private static int maxName() {
      int max = 0;
      for (String k : NAMED.keySet()) {
        max = Math.max(max, k.length());
      }
      return max;
    }
  }

  /** Number of named references in the table. */
  static int namedCount() {
    return Table.NAMED.size();
  }

  private static boolean alnum(char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }

  private static int hexValue(char c) {
    if (c >= '0' && c <= '9') {
      return c - '0';
    }
    if (c >= 'a' && c <= 'f') {
      return c - 'a' + 10;
    }
    if (c >= 'A' && c <= 'F') {
      return c - 'A' + 10;
    }
    return -1;
  }

  /**
   * Tries to consume a character reference whose {@code &} precedes {@code pos}.
   *
   * @param additional the additional allowed character (stops a reference), or 0 for none
   * @return the position after the reference with its characters appended to {@code out}, or -1
   *     if there is no reference (nothing appended)
   */
  static int consume(String s, int pos, int end, char additional, StringBuilder out) {
    if (pos >= end) {
      return -1;
    }
    char c = s.charAt(pos);
    if (c == '\t' || c == '\n' || c == '\f' || c == ' ' || c == '<' || c == '&'
        || (additional != 0 && c == additional)) {
      return -1;
    }
    if (c == '#') {
      return numeric(s, pos + 1, end, out);
    }
    int runEnd = pos;
    while (runEnd < end && runEnd - pos < Table.MAX_NAME && alnum(s.charAt(runEnd))) {
      runEnd++;
    }
    if (runEnd == pos) {
      return -1;
    }
    Map<String, String> named = Table.NAMED;
    if (runEnd < end && s.charAt(runEnd) == ';') {
      String v = named.get(s.substring(pos, runEnd + 1));
      if (v != null) {
        out.append(v);
        return runEnd + 1;
      }
    }
    for (int e = runEnd; e > pos; e--) {
      String v = named.get(s.substring(pos, e));
      if (v != null) {
        out.append(v);
        return e;
      }
    }
    return -1;
  }

  private static int numeric(String s, int pos, int end, StringBuilder out) {
    int p = pos;
    boolean hex = false;
    if (p < end && (s.charAt(p) == 'x' || s.charAt(p) == 'X')) {
      hex = true;
      p++;
    }
    int digitsStart = p;
    long value = 0;
    while (p < end) {
      int d = hex ? hexValue(s.charAt(p)) : (s.charAt(p) >= '0' && s.charAt(p) <= '9' ? s.charAt(p) - '0' : -1);
      if (d < 0) {
        break;
      }
      value = Math.min(value * (hex ? 16 : 10) + d, 0x110000L);
      p++;
    }
    if (p == digitsStart) {
      return -1; // "&#" or "&#x" without digits: not a reference, nothing consumed
    }
    if (p < end && s.charAt(p) == ';') {
      p++;
    }
    int cp = (int) value;
    if (cp == 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
      cp = 0xFFFD;
    } else if (cp >= 0x80 && cp <= 0x9F) {
      cp = C1[cp - 0x80];
    }
    out.appendCodePoint(cp);
    return p;
  }
}
