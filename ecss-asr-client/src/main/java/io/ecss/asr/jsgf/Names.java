package io.ecss.asr.jsgf;

/** Character classes of JSGF names and tokens, shared by the parser, the writer and the records. */
final class Names {
  private Names() {}

  /** Punctuation allowed in rule and grammar names besides letters and digits (as sphinx4). */
  private static final String NAME_PUNCTUATION = "_$-':,\\@#%!^&~";

  /** Characters that end a bare token (besides whitespace). */
  private static final String TOKEN_STOP = ";=|*+<>()[]{}/\"";

  static boolean isNameChar(int cp) {
    return Character.isLetterOrDigit(cp) || (cp < 128 && NAME_PUNCTUATION.indexOf(cp) >= 0);
  }

  static boolean isTokenChar(int cp) {
    if (cp < 128) {
      return cp > ' ' && cp != 0x7f && TOKEN_STOP.indexOf(cp) < 0;
    }
    if (cp >= 0x400 && cp <= 0x4ff) {
      return true; // Cyrillic: letters and signs, never blank or control
    }
    return !Character.isWhitespace(cp)
        && !Character.isSpaceChar(cp)
        && !Character.isISOControl(cp)
        && (cp >= 128 || TOKEN_STOP.indexOf(cp) < 0);
  }

  static boolean isSimpleName(String s) {
    if (s.isEmpty()) {
      return false;
    }
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      if (!isNameChar(cp)) {
        return false;
      }
      i += Character.charCount(cp);
    }
    return true;
  }

  /** A dotted name: one or more simple names separated by single dots. */
  static boolean isDottedName(String s) {
    if (s.isEmpty() || s.startsWith(".") || s.endsWith(".") || s.contains("..")) {
      return false;
    }
    int start = 0;
    while (true) {
      int dot = s.indexOf('.', start);
      String part = dot < 0 ? s.substring(start) : s.substring(start, dot);
      if (!isSimpleName(part)) {
        return false;
      }
      if (dot < 0) {
        return true;
      }
      start = dot + 1;
    }
  }

  /** Whether the token can be written without quotes. */
  static boolean isBareToken(String s) {
    if (s.isEmpty()) {
      return false;
    }
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      if (!isTokenChar(cp)) {
        return false;
      }
      i += Character.charCount(cp);
    }
    return true;
  }

  /** Describes the character at {@code i} for an error message: {@code ';'} or "end of input". */
  static String describe(String s, int i) {
    if (i >= s.length()) {
      return "end of input";
    }
    int cp = s.codePointAt(i);
    if (cp == '\n' || cp == '\r') {
      return "end of line";
    }
    if (cp == ' ') {
      return "a space";
    }
    if (cp == '\t') {
      return "a tab";
    }
    if (Character.isISOControl(cp) || Character.isWhitespace(cp)) {
      return String.format("U+%04X", cp);
    }
    return "'" + new String(Character.toChars(cp)) + "'";
  }
}
