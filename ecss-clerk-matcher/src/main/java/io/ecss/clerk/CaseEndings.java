package io.ecss.clerk;

import java.util.ArrayList;
import java.util.List;

/**
 * A small rule set turning oblique cases of Russian first names and surnames back to candidate
 * nominative forms: {@code казарцева} → {@code казарцев}, {@code евгению} → {@code евгения,
 * евгений}. It over-generates on purpose; the matcher keeps only forms that are phonebook words or
 * alias keys, so a wrong candidate costs one set lookup.
 *
 * <p>Rules, tried longest suffix first (suffix → replacements):
 *
 * <ul>
 *   <li>adjectival surnames: {@code -ского/-скому/-ским/-ском → -ский}, {@code -ской/-скую → -ская},
 *       the same for {@code -цк-}, and {@code -ого/-ому → -ой, -ый, -ий}, {@code -ым → -ый, -ой};
 *   <li>possessive surnames: {@code -ова/-ову/-овым/-ове → -ов}, {@code -овой/-ову → -ова}, the same
 *       for {@code -ев-, -ин-, -ын-};
 *   <li>first names: {@code -ии/-ию → -ия, -ий}, {@code -ией → -ия}, {@code -ием → -ий}, {@code
 *       -ия → -ий}, {@code -ея/-ею/-еем/-ее →
 *       -ей}, {@code -ая/-аю/-аем/-ае → -ай}, {@code -ьи/-ью/-ьей → -ья, -ь}, {@code -ем → -ь},
 *       {@code -ом → (none)}, {@code -ой/-ою → -а}, {@code -ей → -я}, {@code -а → (none)}, {@code -у
 *       → (none), -а}, {@code -е → (none), -а, -я}, {@code -ы → -а}, {@code -и → -а, -я, -ь}, {@code -я
 *       → -ь, -й}, {@code -ю → -ь, -я, -й}.
 * </ul>
 *
 * <p>Immutable and thread-safe (a static utility).
 */
final class CaseEndings {
  private CaseEndings() {}

  /** Suffix, then its replacements; ordered so longer suffixes come first. */
  private static final String[][] RULES = {
    {"ского", "ский"}, {"скому", "ский"}, {"ским", "ский", "ская"}, {"ском", "ский"},
    {"ской", "ская"}, {"скую", "ская"},
    {"цкого", "цкий"}, {"цкому", "цкий"}, {"цким", "цкий"}, {"цком", "цкий"},
    {"цкой", "цкая"}, {"цкую", "цкая"},
    {"овым", "ов"}, {"евым", "ев"}, {"иным", "ин"}, {"ыным", "ын"},
    {"овой", "ова"}, {"евой", "ева"}, {"иной", "ина"}, {"ыной", "ына"},
    {"ого", "ой", "ый", "ий"}, {"ому", "ой", "ый", "ий"},
    {"ова", "ов"}, {"ову", "ов", "ова"}, {"ове", "ов"},
    {"ева", "ев"}, {"еву", "ев", "ева"}, {"еве", "ев"},
    {"ина", "ин"}, {"ину", "ин", "ина"}, {"ине", "ин"},
    {"ына", "ын"}, {"ыну", "ын", "ына"}, {"ыне", "ын"},
    {"ием", "ий"}, {"ией", "ия"}, {"еем", "ей"}, {"аем", "ай"}, {"ьей", "ья"},
    {"ии", "ия", "ий"}, {"ию", "ия", "ий"}, {"ия", "ий"},
    {"ея", "ей"}, {"ею", "ей"}, {"ее", "ей"},
    {"ая", "ай"}, {"аю", "ай"}, {"ае", "ай"},
    {"ьи", "ья", "ь"}, {"ью", "ья", "ь"},
    {"ым", "ый", "ой"},
    {"ем", "ь"}, {"ом", ""}, {"ой", "а"}, {"ою", "а"}, {"ей", "я"},
    {"а", ""}, {"у", "", "а"}, {"е", "", "а", "я"}, {"ы", "а"}, {"и", "а", "я", "ь"},
    {"я", "ь", "й"}, {"ю", "ь", "я", "й"},
  };

  /**
   * Returns candidate nominative forms of a word, most specific first, without the word itself.
   *
   * @param word a normalised word
   * @return candidate forms; empty for words too short to carry an ending
   */
  static List<String> candidates(String word) {
    List<String> out = new ArrayList<>(4);
    if (word.length() < 3) {
      return out;
    }
    for (String[] rule : RULES) {
      String suffix = rule[0];
      if (word.length() > suffix.length() + 1 && word.endsWith(suffix)) {
        String stem = word.substring(0, word.length() - suffix.length());
        for (int i = 1; i < rule.length; i++) {
          String form = stem + rule[i];
          if (!form.equals(word) && !out.contains(form)) {
            out.add(form);
          }
        }
      }
    }
    return out;
  }
}
