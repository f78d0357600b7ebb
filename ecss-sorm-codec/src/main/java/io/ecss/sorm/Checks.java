package io.ecss.sorm;

import java.util.Objects;

/** Argument checks shared by the records; messages read {@code name: value (expected ...)}. */
final class Checks {
  private Checks() {}

  static int u8(String name, int v) {
    if (v < 0 || v > 0xFF) {
      throw new IllegalArgumentException(name + ": " + v + " (expected 0..255)");
    }
    return v;
  }

  static int u16(String name, int v) {
    if (v < 0 || v > 0xFFFF) {
      throw new IllegalArgumentException(name + ": " + v + " (expected 0..65535)");
    }
    return v;
  }

  static int range(String name, int v, int min, int max) {
    if (v < min || v > max) {
      throw new IllegalArgumentException(
          name + ": " + v + " (expected " + min + ".." + max + ")");
    }
    return v;
  }

  static <T> T notNull(String name, T v) {
    return Objects.requireNonNull(v, name);
  }

  /** A password: exactly 6 single-byte characters (U+0000..U+00FF). */
  static String password(String name, String v) {
    Objects.requireNonNull(v, name);
    if (v.length() != 6) {
      throw new IllegalArgumentException(
          name + ": \"" + v + "\" has " + v.length() + " characters (expected exactly 6)");
    }
    for (int i = 0; i < 6; i++) {
      if (v.charAt(i) > 0xFF) {
        throw new IllegalArgumentException(
            name + ": character " + i + " is not a single-byte character (expected U+0000..U+00FF)");
      }
    }
    return v;
  }

  /** A text padded with {@code FF}: at most {@code max} characters, each U+0000..U+00FE. */
  static String text(String name, String v, int max) {
    Objects.requireNonNull(v, name);
    if (v.length() > max) {
      throw new IllegalArgumentException(
          name + ": " + v.length() + " characters (expected at most " + max + ")");
    }
    for (int i = 0; i < v.length(); i++) {
      if (v.charAt(i) >= 0xFF) {
        throw new IllegalArgumentException(
            name
                + ": character "
                + i
                + " is U+"
                + String.format(java.util.Locale.ROOT, "%04X", (int) v.charAt(i))
                + " (expected U+0000..U+00FE; 0xFF is the filler)");
      }
    }
    return v;
  }
}
