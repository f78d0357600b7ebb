package io.ecss.webvtt;

/**
 * A cursor over part of a string with the WebVTT "collect a WebVTT timestamp" algorithm (W3C
 * WebVTT 1, section 6.2). On failure {@link #error} says why and {@link #pos} points at the
 * offending character. Not thread-safe; one per parse.
 */
final class Scan {
  /** Hours above this are rejected so every time fits a {@code long} of milliseconds. */
  static final long MAX_HOURS = 999_999_999_999L;

  final String s;
  int pos;
  final int end;
  String error = "";

  /** Set when the last lenient {@link #timestamp} needed a vendor/SRT allowance. */
  boolean quirk;

  Scan(String s, int pos, int end) {
    this.s = s;
    this.pos = pos;
    this.end = end;
  }

  boolean atEnd() {
    return pos >= end;
  }

  char peek() {
    return s.charAt(pos);
  }

  /** "Skip whitespace": ASCII whitespace (tab, LF, FF, CR, space); not vertical tab. */
  void skipWhitespace() {
    while (pos < end && Checks.isAsciiWhitespace(s.charAt(pos))) {
      pos++;
    }
  }

  private static boolean digit(char c) {
    return c >= '0' && c <= '9';
  }

  private long fail(String why) {
    error = why;
    return -1;
  }

  private String found() {
    return pos >= end ? "end of line" : "'" + s.charAt(pos) + "'";
  }

  /**
   * Collects a timestamp at {@link #pos}.
   *
   * @param lenient also accept one-digit minutes and seconds, one or two fraction digits and a
   *     comma before the fraction (vendor and SRT quirks)
   * @return milliseconds, or -1 with {@link #error} set
   */
  long timestamp(boolean lenient) {
    quirk = false;
    boolean hours = false;
    if (pos >= end || !digit(s.charAt(pos))) {
      return fail("expected a timestamp digit, found " + found());
    }
    int start = pos;
    long v1 = 0;
    boolean overflow = false;
    while (pos < end && digit(s.charAt(pos))) {
      v1 = v1 * 10 + (s.charAt(pos) - '0');
      if (v1 > MAX_HOURS) {
        overflow = true;
        v1 = MAX_HOURS;
      }
      pos++;
    }
    if (pos - start != 2 || v1 > 59) {
      hours = true;
    }
    if (overflow) {
      pos = start;
      return fail("hours above " + MAX_HOURS + " are not supported");
    }
    if (pos >= end || s.charAt(pos) != ':') {
      return fail("expected ':' after " + (hours ? "hours" : "minutes") + ", found " + found());
    }
    pos++;
    long v2 = group(lenient, hours ? "minutes" : "minutes or seconds");
    if (v2 < 0) {
      return -1;
    }
    long v3;
    if (hours || (pos < end && s.charAt(pos) == ':')) {
      if (pos >= end || s.charAt(pos) != ':') {
        return fail("expected ':' before seconds, found " + found());
      }
      pos++;
      v3 = group(lenient, "seconds");
      if (v3 < 0) {
        return -1;
      }
    } else {
      v3 = v2;
      v2 = v1;
      v1 = 0;
    }
    if (pos >= end || !(s.charAt(pos) == '.' || (lenient && s.charAt(pos) == ','))) {
      return fail("expected '.' before milliseconds, found " + found());
    }
    quirk |= s.charAt(pos) == ',';
    pos++;
    int fracStart = pos;
    long v4 = 0;
    while (pos < end && digit(s.charAt(pos)) && pos - fracStart < 4) {
      v4 = v4 * 10 + (s.charAt(pos) - '0');
      pos++;
    }
    int n = pos - fracStart;
    if (n == 4) {
      pos = fracStart + 3;
      return fail("expected exactly 3 digits of milliseconds, found more");
    }
    if (n != 3 && !(lenient && n >= 1)) {
      pos = fracStart;
      return fail("expected exactly 3 digits of milliseconds, found " + n);
    }
    quirk |= n != 3;
    for (int i = n; i < 3; i++) {
      v4 *= 10;
    }
    if (v2 > 59) {
      pos = start;
      return fail("minutes " + v2 + " out of range 00-59");
    }
    if (v3 > 59) {
      pos = start;
      return fail("seconds " + v3 + " out of range 00-59");
    }
    return v1 * 3_600_000L + v2 * 60_000L + v3 * 1_000L + v4;
  }

  private long group(boolean lenient, String what) {
    int start = pos;
    long v = 0;
    while (pos < end && digit(s.charAt(pos)) && pos - start < 3) {
      v = v * 10 + (s.charAt(pos) - '0');
      pos++;
    }
    while (pos < end && digit(s.charAt(pos))) {
      pos++;
    }
    int n = pos - start;
    if (n != 2 && !(lenient && n == 1)) {
      pos = start;
      return fail("expected 2 digits of " + what + ", found " + n);
    }
    quirk |= n == 1;
    return v;
  }

  /** Appends {@code ms} as {@code hh:mm:ss.ttt} (at least two hour digits). */
  static void appendTimestamp(StringBuilder sb, long ms) {
    long h = ms / 3_600_000L;
    int rest = (int) (ms - h * 3_600_000L);
    int m = rest / 60_000;
    rest -= m * 60_000;
    int sec = rest / 1000;
    int milli = rest - sec * 1000;
    if (h < 10) {
      sb.append('0').append((char) ('0' + h));
    } else {
      sb.append(h);
    }
    sb.append(':')
        .append((char) ('0' + m / 10))
        .append((char) ('0' + m % 10))
        .append(':')
        .append((char) ('0' + sec / 10))
        .append((char) ('0' + sec % 10))
        .append('.')
        .append((char) ('0' + milli / 100))
        .append((char) ('0' + milli / 10 % 10))
        .append((char) ('0' + milli % 10));
  }
}
