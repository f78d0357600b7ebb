package io.ecss.clerk;

import java.text.Normalizer;
import java.util.Locale;

/**
 * The normalisation every name, hypothesis and alias goes through before it is compared: Unicode
 * NFC, lower case, {@code ё} → {@code е}, apostrophes and accent marks dropped, every other
 * character that is not a letter or a digit (punctuation, hyphens, control characters) turned into
 * a space, whitespace collapsed to single spaces and trimmed.
 *
 * <p>{@code "Казарцев-Ёлкин,  Евгений!"} becomes {@code "казарцев елкин евгений"}.
 *
 * <p>Immutable and thread-safe (a static utility).
 */
public final class Names {
  private Names() {}

  /**
   * Normalises a name, a hypothesis or an alias key for comparison.
   *
   * @param text any text
   * @return the normalised form: lower-case words of letters and digits separated by single
   *     spaces; empty when the text has no letters or digits
   */
  public static String normalize(String text) {
    String s = text;
    if (!isAsciiOrCyrillicBasic(s)) {
      s = Normalizer.normalize(s, Normalizer.Form.NFC);
    }
    StringBuilder out = new StringBuilder(s.length());
    boolean pendingSpace = false;
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      i += Character.charCount(cp);
      if (isDropped(cp)) {
        continue;
      }
      if (Character.isLetterOrDigit(cp)) {
        if (pendingSpace && out.length() > 0) {
          out.append(' ');
        }
        pendingSpace = false;
        int lower = Character.toLowerCase(cp);
        if (lower == 'ё') {
          lower = 'е';
        }
        out.appendCodePoint(lower);
      } else {
        pendingSpace = true;
      }
    }
    return out.toString();
  }

  /** Apostrophes, GOST 7.79 backticks, prime marks and combining marks vanish without a gap. */
  private static boolean isDropped(int cp) {
    switch (cp) {
      case '\'', '`', '\u2019', '\u02b9', '\u02ba', '\u00b4' -> {
        // apostrophe, backtick (GOST 7.79), right quote, ISO 9 primes, acute accent
        return true;
      }
      default -> {
        int type = Character.getType(cp);
        return type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK;
      }
    }
  }

  /** True when NFC cannot change the text: every char is ASCII or a precomposed Cyrillic letter. */
  private static boolean isAsciiOrCyrillicBasic(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c >= 0x80 && (c < 0x0400 || c > 0x045f)) {
        return false;
      }
    }
    return true;
  }

  /** Lower-cases with the root locale; used where a full normalisation is not wanted. */
  static String lower(String s) {
    return s.toLowerCase(Locale.ROOT);
  }

  /** Collapses runs of whitespace (including CR/LF) to one space and trims: for display names. */
  static String collapseWhitespace(String s) {
    StringBuilder out = new StringBuilder(s.length());
    boolean space = false;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isWhitespace(c) || Character.isSpaceChar(c) || Character.isISOControl(c)) {
        space = true;
      } else {
        if (space && out.length() > 0) {
          out.append(' ');
        }
        space = false;
        out.append(c);
      }
    }
    return out.toString();
  }

  /** The words of a normalised string (split at single spaces); one empty word for "". */
  static String[] words(String normalized) {
    int count = 1;
    for (int i = 0; i < normalized.length(); i++) {
      if (normalized.charAt(i) == ' ') {
        count++;
      }
    }
    String[] out = new String[count];
    int start = 0;
    int k = 0;
    for (int i = 0; i < normalized.length(); i++) {
      if (normalized.charAt(i) == ' ') {
        out[k++] = normalized.substring(start, i);
        start = i + 1;
      }
    }
    out[k] = normalized.substring(start);
    return out;
  }

  /** True when the text contains at least one Cyrillic letter. */
  static boolean hasCyrillic(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) >= 0x0400 && s.charAt(i) <= 0x04ff) {
        return true;
      }
    }
    return false;
  }
}
