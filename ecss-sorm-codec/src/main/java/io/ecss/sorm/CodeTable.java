package io.ecss.sorm;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * Names and descriptions of the known codes of one open enum, indexed by the byte value so that
 * {@code of(code)} on the decode path allocates nothing for known codes. Filled once during class
 * initialisation of its enum, read-only afterwards.
 */
final class CodeTable<T> {
  private final String type;
  private final List<@Nullable T> known = new ArrayList<>(Collections.nCopies(256, null));
  private final String[] names = new String[256];
  private final String[] english = new String[256];
  private final String[] russian = new String[256];

  CodeTable(String type) {
    this.type = type;
  }

  CodeTable<T> add(int code, T value, String name, String en, String ru) {
    known.set(code, value);
    names[code] = name;
    english[code] = en;
    russian[code] = ru;
    return this;
  }

  @Nullable T known(int code) {
    return code >= 0 && code < 256 ? known.get(code) : null;
  }

  List<T> all() {
    List<T> out = new ArrayList<>();
    for (T t : known) {
      if (t != null) {
        out.add(t);
      }
    }
    return Collections.unmodifiableList(out);
  }

  String name(int code) {
    String n = names[code];
    return n != null ? n : hex(code);
  }

  String description(int code, Locale locale) {
    String[] texts = "ru".equals(locale.getLanguage()) ? russian : english;
    String d = texts[code];
    return d != null ? d : ("ru".equals(locale.getLanguage()) ? "неизвестный код" : "unknown");
  }

  /** Parses a constant name (any case) or a code written as decimal or {@code 0x} hex. */
  int parse(String text) {
    String t = text.trim();
    for (int i = 0; i < 256; i++) {
      if (names[i] != null && names[i].equalsIgnoreCase(t)) {
        return i;
      }
    }
    int code;
    try {
      code =
          t.regionMatches(true, 0, "0x", 0, 2)
              ? Integer.parseInt(t.substring(2), 16)
              : Integer.parseInt(t);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          type + ": unknown name or code \"" + text + "\" (expected a constant name or 0..255)", e);
    }
    checkByte(type, code);
    return code;
  }

  static void checkByte(String what, int value) {
    if (value < 0 || value > 0xFF) {
      throw new IllegalArgumentException(what + ": " + value + " (expected 0..255)");
    }
  }

  static String hex(int code) {
    return String.format(Locale.ROOT, "0x%02X", code);
  }
}
