package io.ecss.routing;

/**
 * The 16 dial symbols numbers are made of: {@code 0-9 * # A B C D}, each with an index 0..15 so a
 * set of symbols fits in the low 16 bits of an {@code int}.
 */
final class Symbols {
  /** The symbols in index order. */
  static final String ALPHABET = "0123456789*#ABCD";

  /** Mask with every symbol. */
  static final int ALL = 0xFFFF;

  /** Mask with the ten digits. */
  static final int DIGITS = 0x3FF;

  /** Longest number a call may carry, in symbols. */
  static final int MAX_NUMBER_LENGTH = 64;

  private static final byte[] INDEX = new byte[128];

  static {
    java.util.Arrays.fill(INDEX, (byte) -1);
    for (int i = 0; i < ALPHABET.length(); i++) {
      INDEX[ALPHABET.charAt(i)] = (byte) i;
    }
  }

  private Symbols() {}

  /** Index of {@code c} in {@link #ALPHABET}, or -1 when it is not a dial symbol. */
  static int index(char c) {
    return c < 128 ? INDEX[c] : -1;
  }

  /** Whether {@code c} is a dial symbol. */
  static boolean isSymbol(char c) {
    return index(c) >= 0;
  }

  /** The symbol with index {@code i}. */
  static char symbol(int i) {
    return ALPHABET.charAt(i);
  }

  /** Index of the first character of {@code s} that is not a dial symbol, or -1. */
  static int firstInvalid(CharSequence s) {
    for (int i = 0; i < s.length(); i++) {
      if (!isSymbol(s.charAt(i))) {
        return i;
      }
    }
    return -1;
  }

  /**
   * Checks that {@code digits} is a valid number for a call.
   *
   * @throws IllegalArgumentException naming the bad character and its 1-based position
   */
  static String checkNumber(String what, String digits) {
    int bad = firstInvalid(digits);
    if (bad >= 0) {
      throw new IllegalArgumentException(
          what + ": " + describe(digits.charAt(bad)) + " at position " + (bad + 1) + " of \""
              + digits + "\" (expected one of " + ALPHABET + ")");
    }
    if (digits.length() > MAX_NUMBER_LENGTH) {
      throw new IllegalArgumentException(
          what + ": " + digits.length() + " symbols (expected at most " + MAX_NUMBER_LENGTH + ")");
    }
    return digits;
  }

  /** A readable description of a character for error messages: {@code 'x'} or {@code U+0009}. */
  static String describe(char c) {
    if (c < 0x20 || c == 0x7f || Character.isWhitespace(c)) {
      return String.format("U+%04X", (int) c);
    }
    return "'" + c + "'";
  }

  /** Renders a symbol mask as a pattern token: a literal, {@code ?} or a parenthesised set. */
  static String maskToString(int mask) {
    if (mask == ALL) {
      return "?";
    }
    if (Integer.bitCount(mask) == 1) {
      return String.valueOf(symbol(Integer.numberOfTrailingZeros(mask)));
    }
    StringBuilder sb = new StringBuilder("(");
    int i = 0;
    boolean first = true;
    while (i < 16) {
      if ((mask & (1 << i)) == 0) {
        i++;
        continue;
      }
      int j = i;
      while (j + 1 < 16 && (mask & (1 << (j + 1))) != 0 && sameRangeClass(i, j + 1)) {
        j++;
      }
      if (!first) {
        sb.append(',');
      }
      first = false;
      sb.append(symbol(i));
      if (j > i) {
        sb.append('-').append(symbol(j));
      }
      i = j + 1;
    }
    return sb.append(')').toString();
  }

  /** Ranges may span digits 0-9 or letters A-D, never across classes or over * and #. */
  static boolean sameRangeClass(int a, int b) {
    return (a <= 9 && b <= 9) || (a >= 12 && b >= 12);
  }
}
