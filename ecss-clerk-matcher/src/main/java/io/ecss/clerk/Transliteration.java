package io.ecss.clerk;

/**
 * Romanisation of Russian Cyrillic, for phonebooks exported in Latin script (restfs {@code
 * translit=true}) that must match Cyrillic recogniser output.
 *
 * <ul>
 *   <li>{@link #ICAO_9303}: ICAO Doc 9303 (machine-readable travel documents; Russian passports use
 *       it since 2013): {@code Юлия Щеглова} → {@code Iuliia Shcheglova}.
 *   <li>{@link #GOST_7_79_B}: GOST 7.79-2000 system B (the ASCII-only system): {@code Юлия
 *       Щеглова} → {@code Yuliya Shheglova}; {@code ц} is {@code c} before {@code е, и, й, ы} and
 *       {@code cz} elsewhere; {@code ъ ы ь э} become {@code `` y` ` e`}.
 * </ul>
 *
 * <p>Letters outside the Russian alphabet pass through unchanged. The first letter of the output
 * for a capital Cyrillic letter is capitalised ({@code Щ} → {@code Shch}).
 *
 * <p>Immutable and thread-safe.
 */
public enum Transliteration {
  /** ICAO Doc 9303, 7th edition, part 3, transliteration of Cyrillic characters (Russian subset). */
  ICAO_9303(
      new String[] {
        "a", "b", "v", "g", "d", "e", "zh", "z", "i", "i", "k", "l", "m", "n", "o", "p", "r", "s",
        "t", "u", "f", "kh", "ts", "ch", "sh", "shch", "ie", "y", "", "e", "iu", "ia"
      },
      "e"),
  /** GOST 7.79-2000 (ISO 9:1995 adoption), system B, Russian table. */
  GOST_7_79_B(
      new String[] {
        "a", "b", "v", "g", "d", "e", "zh", "z", "i", "j", "k", "l", "m", "n", "o", "p", "r", "s",
        "t", "u", "f", "x", "cz", "ch", "sh", "shh", "``", "y`", "`", "e`", "yu", "ya"
      },
      "yo");

  /** Latin for а..я (U+0430..U+044F), in alphabet order. */
  @SuppressWarnings("ImmutableEnumChecker") // private, never mutated after construction
  private final String[] table;

  private final String yo;

  Transliteration(String[] table, String yo) {
    this.table = table;
    this.yo = yo;
  }

  /**
   * Transliterates Russian Cyrillic letters in the text; everything else is copied.
   *
   * @param text any text
   * @return the text with Russian letters romanised by this system
   */
  public String transliterate(String text) {
    StringBuilder out = new StringBuilder(text.length() + 8);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      char lower = Character.toLowerCase(c);
      String latin;
      if (lower >= 'а' && lower <= 'я') {
        latin = table[lower - 'а'];
        if (lower == 'ц' && this == GOST_7_79_B && i + 1 < text.length()) {
          char next = Character.toLowerCase(text.charAt(i + 1));
          if (next == 'е' || next == 'и' || next == 'й' || next == 'ы') {
            latin = "c";
          }
        }
      } else if (lower == 'ё') {
        latin = yo;
      } else {
        out.append(c);
        continue;
      }
      if (c != lower && !latin.isEmpty()) {
        out.append(Character.toUpperCase(latin.charAt(0))).append(latin, 1, latin.length());
      } else {
        out.append(latin);
      }
    }
    return out.toString();
  }
}
