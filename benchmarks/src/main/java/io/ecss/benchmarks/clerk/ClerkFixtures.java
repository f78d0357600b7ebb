package io.ecss.benchmarks.clerk;

import io.ecss.clerk.AliasTable;
import io.ecss.clerk.PhonebookEntry;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** Seeded generators of Russian-looking phonebooks, alias tables and hypothesis lists. */
final class ClerkFixtures {
  private static final String[] ONSETS = {
    "б", "в", "г", "д", "ж", "з", "к", "л", "м", "н", "п", "р", "с", "т", "ф", "х", "ч", "ш",
    "бр", "гр", "кр", "пр", "тр", "ст", "см", "сн", "зв", "дв"
  };
  private static final String[] VOWELS = {"а", "о", "у", "е", "и", "ы", "я"};
  private static final String[] MALE_SUFFIXES = {"ов", "ев", "ин", "ский", "енко", "ук", "ич"};
  private static final String[] FEMALE_SUFFIXES = {"ова", "ева", "ина", "ская", "енко", "ук", "ич"};

  final List<PhonebookEntry> entries = new ArrayList<>();
  final AliasTable aliases;
  final List<List<String>> hypotheses = new ArrayList<>();

  ClerkFixtures(int size, int aliasRows, int lists, long seed) {
    Random rnd = new Random(seed);
    AliasTable base = AliasTable.defaultRussian();
    List<String> firstNames = base.values();
    // full name → its alias keys, to build alias hypotheses
    Map<String, List<String>> diminutives = new LinkedHashMap<>();
    base.rules().forEach((k, vs) -> vs.forEach(v -> diminutives.computeIfAbsent(v, x -> new ArrayList<>()).add(k)));
    Map<String, List<String>> extra = new LinkedHashMap<>();
    int rows = base.size();
    while (rows < aliasRows) {
      String key = root(rnd) + "ка";
      if (base.expansions(key).isEmpty() && !extra.containsKey(key)) {
        extra.put(key, List.of(firstNames.get(rnd.nextInt(firstNames.size()))));
        rows++;
      }
    }
    this.aliases = base.merge(AliasTable.of(AliasTable.Kind.WORD, extra));
    List<String[]> people = new ArrayList<>();
    for (int i = 0; i < size; i++) {
      String first = firstNames.get(rnd.nextInt(firstNames.size()));
      boolean female = first.endsWith("а") || first.endsWith("я") || first.endsWith("ь");
      int s = rnd.nextInt(MALE_SUFFIXES.length);
      String last = root(rnd) + (female ? FEMALE_SUFFIXES[s] : MALE_SUFFIXES[s]);
      people.add(new String[] {first, last});
      entries.add(new PhonebookEntry(cap(first) + " " + cap(last), Integer.toString(10_000 + i)));
    }
    for (int i = 0; i < lists; i++) {
      String[] p = people.get(rnd.nextInt(people.size()));
      String h;
      int kind = rnd.nextInt(10);
      if (kind < 3) {
        h = p[0] + " " + p[1]; // exact
      } else if (kind < 5) {
        List<String> dims = diminutives.getOrDefault(p[0], List.of(p[0]));
        h = dims.get(rnd.nextInt(dims.size())) + " " + p[1]; // alias
      } else if (kind < 7) {
        h = p[1] + " " + p[0]; // permutation
      } else if (kind < 8) {
        h = p[1]; // surname alone: unique or not
      } else {
        h = root(rnd) + " " + root(rnd) + "ов"; // miss
      }
      String[] words = h.split(" ", -1);
      List<String> list = new ArrayList<>();
      list.add(h);
      if (words.length > 1) {
        list.add(words[0] + " " + root(rnd)); // a worse partial hypothesis
        list.add(words[0]);
      }
      hypotheses.add(list);
    }
  }

  private static String root(Random rnd) {
    StringBuilder sb = new StringBuilder();
    int n = 2 + rnd.nextInt(2);
    for (int i = 0; i < n; i++) {
      sb.append(ONSETS[rnd.nextInt(ONSETS.length)]).append(VOWELS[rnd.nextInt(VOWELS.length)]);
    }
    sb.append(ONSETS[rnd.nextInt(12)]);
    return sb.toString();
  }

  private static String cap(String s) {
    return Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }
}
