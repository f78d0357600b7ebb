package io.ecss.asr.jsgf;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Splitting and normalising words, shared by expansion, matching and IVR menus. */
final class Words {
  private Words() {}

  /** Splits at Unicode whitespace; never returns empty words. */
  static List<String> split(String text) {
    List<String> out = new ArrayList<>();
    int n = text.length();
    int i = 0;
    while (i < n) {
      while (i < n && isSpace(text.charAt(i))) {
        i++;
      }
      int start = i;
      while (i < n && !isSpace(text.charAt(i))) {
        i++;
      }
      if (i > start) {
        out.add(text.substring(start, i));
      }
    }
    return out;
  }

  /**
   * Whitespace as Java knows it ({@link Character#isWhitespace} or {@link Character#isSpaceChar}),
   * answered without a table lookup below U+1680, where only ASCII blanks and U+00A0 qualify.
   */
  static boolean isSpace(char c) {
    if (c < 0x1680) {
      return c == ' ' || (c >= 0x09 && c <= 0x0d) || (c >= 0x1c && c <= 0x1f) || c == 0xa0;
    }
    return Character.isWhitespace(c) || Character.isSpaceChar(c);
  }

  /**
   * Normalises a word for comparison: lower case (root locale) when {@code ignoreCase}, and {@code
   * ё} as {@code е} when {@code yoAsYe}. Returns the same instance when nothing changes.
   */
  static String normalize(String word, boolean ignoreCase, boolean yoAsYe) {
    if (!ignoreCase && !yoAsYe) {
      return word;
    }
    boolean change = false;
    for (int i = 0; i < word.length(); i++) {
      char c = word.charAt(i);
      if ((ignoreCase && Character.toLowerCase(c) != c)
          || (yoAsYe && (c == 'ё' || c == 'Ё'))
          || Character.isSurrogate(c)) {
        change = true;
        break;
      }
    }
    if (!change) {
      return word;
    }
    String s = ignoreCase ? word.toLowerCase(Locale.ROOT) : word;
    if (yoAsYe) {
      s = s.replace('ё', 'е').replace('Ё', 'Е');
    }
    return s;
  }
}
