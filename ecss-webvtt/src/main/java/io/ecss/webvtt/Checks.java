package io.ecss.webvtt;

/** Argument checks shared by the value types: what the WebVTT syntax cannot carry. */
final class Checks {
  private Checks() {}

  /** Rejects CR and NUL, which the parser rewrites (to LF and U+FFFD), so no round trip. */
  static void noCrNul(String name, String value) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '\r' || c == '\0') {
        throw new IllegalArgumentException(
            name + ": contains " + (c == '\r' ? "CR" : "NUL") + " at index " + i + ": " + quote(value));
      }
    }
  }

  /** Rejects the substring {@code -->}, which ends a block. */
  static void noArrow(String name, String value) {
    int i = value.indexOf("-->");
    if (i >= 0) {
      throw new IllegalArgumentException(
          name + ": contains \"-->\" at index " + i + " (it would end the block): " + quote(value));
    }
  }

  /** Rejects line feeds. */
  static void singleLine(String name, String value) {
    int i = value.indexOf('\n');
    if (i >= 0) {
      throw new IllegalArgumentException(
          name + ": contains a line break at index " + i + ": " + quote(value));
    }
  }

  /** Rejects an empty line (which ends a block) in a multi-line value, from line {@code first}. */
  static void noEmptyLines(String name, String value, int first) {
    int line = 0;
    int start = 0;
    while (true) {
      int lf = value.indexOf('\n', start);
      int end = lf < 0 ? value.length() : lf;
      if (line >= first && end == start) {
        throw new IllegalArgumentException(
            name + ": line " + (line + 1) + " is empty (an empty line ends the block): " + quote(value));
      }
      if (lf < 0) {
        return;
      }
      start = lf + 1;
      line++;
    }
  }

  static boolean isAsciiWhitespace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r';
  }

  /** Rejects ASCII whitespace anywhere (single-token values such as region identifiers). */
  static void noWhitespace(String name, String value) {
    for (int i = 0; i < value.length(); i++) {
      if (isAsciiWhitespace(value.charAt(i))) {
        throw new IllegalArgumentException(
            name + ": contains whitespace at index " + i + ": " + quote(value));
      }
    }
  }

  static double percentage(String name, double value) {
    if (!(value >= 0 && value <= 100)) {
      throw new IllegalArgumentException(name + ": " + value + " (expected 0..100)");
    }
    return value + 0.0; // -0.0 becomes 0.0: a percentage has no sign on the wire
  }

  static String quote(String s) {
    String shown = s.length() > 60 ? s.substring(0, 57) + "..." : s;
    return '"' + shown.replace("\n", "\\n").replace("\r", "\\r").replace("\0", "\\0") + '"';
  }

  static void header(String header) {
    noCrNul("header", header);
    int lf = header.indexOf('\n');
    if (lf >= 0) {
      noArrow("header", header.substring(lf + 1));
      noEmptyLines("header", header, 1);
    }
  }

  static void comment(String c) {
    noCrNul("comment", c);
    noArrow("comment", c);
    noEmptyLines("comment", c, 1);
  }

  static void styleSheet(String s) {
    if (s.isEmpty()) {
      throw new IllegalArgumentException("style sheet: empty (no block to write)");
    }
    noCrNul("style sheet", s);
    noArrow("style sheet", s);
    noEmptyLines("style sheet", s, 0);
  }

  /**
   * Checks a cue payload in one pass: no CR, NUL, {@code -->} or empty line. On failure the
   * specific checks run again to produce their message.
   */
  static void payload(String text) {
    int n = text.length();
    if (n == 0) {
      return;
    }
    char prev = '\n';
    for (int i = 0; i < n; i++) {
      char c = text.charAt(i);
      if (c <= '>') {
        if (c == '\r' || c == '\0' || (c == '\n' && prev == '\n')
            || (c == '-' && i + 2 < n && text.charAt(i + 1) == '-' && text.charAt(i + 2) == '>')) {
          fail(text);
        }
      }
      prev = c;
    }
    if (prev == '\n') {
      fail(text);
    }
  }

  private static void fail(String text) {
    noArrow("text", text);
    noCrNul("text", text);
    noEmptyLines("text", text, 0);
    throw new AssertionError("payload check disagrees with the specific checks");
  }
}
