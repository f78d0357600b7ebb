package io.ecss.clerk;

/**
 * Damerau–Levenshtein distance in its optimal-string-alignment form (insertions, deletions,
 * substitutions and transpositions of adjacent characters, each costing 1), bounded: the
 * computation stops as soon as the distance must exceed the bound.
 *
 * <p>Immutable and thread-safe (a static utility).
 */
final class EditDistance {
  private EditDistance() {}

  /**
   * Returns the distance between two strings, or {@code max + 1} when it exceeds {@code max}.
   *
   * @param a one string
   * @param b the other
   * @param max the bound, at least 0
   * @return the distance, at most {@code max + 1}
   */
  static int bounded(String a, String b, int max) {
    int n = a.length();
    int m = b.length();
    if (Math.abs(n - m) > max) {
      return max + 1;
    }
    if (n == 0 || m == 0) {
      return Math.max(n, m);
    }
    int[] prev2 = new int[m + 1];
    int[] prev = new int[m + 1];
    int[] cur = new int[m + 1];
    for (int j = 0; j <= m; j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= n; i++) {
      cur[0] = i;
      int rowMin = cur[0];
      char ca = a.charAt(i - 1);
      for (int j = 1; j <= m; j++) {
        char cb = b.charAt(j - 1);
        int cost = ca == cb ? 0 : 1;
        int v = Math.min(Math.min(prev[j] + 1, cur[j - 1] + 1), prev[j - 1] + cost);
        if (i > 1 && j > 1 && ca == b.charAt(j - 2) && a.charAt(i - 2) == cb) {
          v = Math.min(v, prev2[j - 2] + 1);
        }
        cur[j] = v;
        rowMin = Math.min(rowMin, v);
      }
      if (rowMin > max) {
        return max + 1;
      }
      int[] t = prev2;
      prev2 = prev;
      prev = cur;
      cur = t;
    }
    return Math.min(prev[m], max + 1);
  }

  /**
   * Returns the largest distance accepted for a word of the given length: 0 up to 3 characters, 1
   * up to 7, 2 from 8.
   *
   * @param length the word's length
   * @return the accepted distance
   */
  static int allowed(int length) {
    if (length <= 3) {
      return 0;
    }
    return length <= 7 ? 1 : 2;
  }
}
