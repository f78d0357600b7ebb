package io.ecss.clerk;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The maps the search runs on, built once from the phonebook:
 *
 * <ol>
 *   <li>the manual's <em>phonebook</em>: normalised full name (key) → entries (one, or several
 *       for an ambiguous name);
 *   <li>the manual's <em>unique names</em>: a word that occurs in exactly one entry → that entry's
 *       key;
 *   <li>for the fallbacks: word → ids of the keys containing it, and the words bucketed by length.
 * </ol>
 *
 * <p>In transliteration mode each entry is indexed under the Latin form of its name for every
 * configured system (a Latin name is indexed as is).
 *
 * <p>Immutable and thread-safe once built (all maps are filled in the constructor and never
 * changed; the matcher publishes the index through a final field).
 */
final class PhonebookIndex {
  private static final int[] NO_IDS = new int[0];

  private final Map<String, List<PhonebookEntry>> byKey;
  private final Map<String, String> uniqueNames;
  private final Map<String, int[]> postings;
  private final String[] keys;
  private final String[][] wordsByLength;
  private final long[][] masksByLength;
  private final List<Transliteration> transliterations;
  private final int entryCount;

  PhonebookIndex(List<PhonebookEntry> entries, List<Transliteration> transliterations) {
    this.transliterations = List.copyOf(transliterations);
    Map<String, List<PhonebookEntry>> byKey = new HashMap<>(entries.size() * 2);
    Map<String, Integer> keyIds = new HashMap<>(entries.size() * 2);
    List<String> keyList = new ArrayList<>(entries.size());
    // word → index of the one entry it occurs in, or -1 when in several
    Map<String, Integer> wordEntry = new HashMap<>();
    Map<String, String> wordKey = new HashMap<>();
    Map<String, IntList> wordKeys = new HashMap<>();
    Map<String, String> interned = new HashMap<>();
    int count = 0;
    for (int e = 0; e < entries.size(); e++) {
      PhonebookEntry entry = entries.get(e);
      List<String> entryKeys = keyVariants(Names.normalize(entry.name()));
      boolean added = false;
      for (String key : entryKeys) {
        List<PhonebookEntry> list = byKey.get(key);
        if (list == null) {
          byKey.put(key, List.of(entry));
          added = true;
        } else if (list.stream().noneMatch(x -> x.number().equals(entry.number()))) {
          List<PhonebookEntry> grown = new ArrayList<>(list);
          grown.add(entry);
          byKey.put(key, List.copyOf(grown));
          added = true;
        } else {
          continue; // the same name with the same number: a duplicate, nothing new to index
        }
        Integer id = keyIds.get(key);
        if (id == null) {
          id = keyList.size();
          keyIds.put(key, id);
          keyList.add(key);
        }
        for (String w : Names.words(key)) {
          w = interned.computeIfAbsent(w, x -> x);
          Integer prev = wordEntry.get(w);
          if (prev == null) {
            wordEntry.put(w, e);
            wordKey.put(w, key);
          } else if (prev != e) {
            wordEntry.put(w, -1);
          }
          wordKeys.computeIfAbsent(w, x -> new IntList()).addDistinct(id);
        }
      }
      if (added) {
        count++;
      }
    }
    this.entryCount = count;
    this.byKey = byKey;
    Map<String, String> unique = new HashMap<>();
    wordEntry.forEach(
        (w, e) -> {
          if (e >= 0) {
            unique.put(w, wordKey.get(w));
          }
        });
    this.uniqueNames = unique;
    Map<String, int[]> post = new HashMap<>(wordKeys.size() * 2);
    int maxLen = 0;
    for (Map.Entry<String, IntList> me : wordKeys.entrySet()) {
      post.put(me.getKey(), me.getValue().toArray());
      maxLen = Math.max(maxLen, me.getKey().length());
    }
    this.postings = post;
    this.keys = keyList.toArray(new String[0]);
    List<List<String>> buckets = new ArrayList<>();
    for (int i = 0; i <= maxLen; i++) {
      buckets.add(new ArrayList<>());
    }
    for (String w : post.keySet()) {
      buckets.get(w.length()).add(w);
    }
    this.wordsByLength = new String[maxLen + 1][];
    this.masksByLength = new long[maxLen + 1][];
    for (int i = 0; i <= maxLen; i++) {
      List<String> b = buckets.get(i);
      b.sort(null);
      wordsByLength[i] = b.toArray(new String[0]);
      masksByLength[i] = new long[b.size()];
      for (int k = 0; k < b.size(); k++) {
        masksByLength[i][k] = letterMask(b.get(k));
      }
    }
  }

  /** The strings a normalised text is compared as: itself, or its Latin forms in translit mode. */
  List<String> keyVariants(String normalized) {
    if (transliterations.isEmpty() || !Names.hasCyrillic(normalized)) {
      return List.of(normalized);
    }
    List<String> out = new ArrayList<>(transliterations.size());
    for (Transliteration t : transliterations) {
      String k = Names.normalize(t.transliterate(normalized));
      if (!k.isEmpty() && !out.contains(k)) {
        out.add(k);
      }
    }
    return out;
  }

  @Nullable List<PhonebookEntry> lookup(String key) {
    return byKey.get(key);
  }

  @Nullable String uniqueName(String word) {
    return uniqueNames.get(word);
  }

  boolean isWord(String word) {
    return postings.containsKey(word);
  }

  int[] keysWithWord(String word) {
    int[] ids = postings.get(word);
    return ids == null ? NO_IDS : ids;
  }

  String key(int id) {
    return keys[id];
  }

  /**
   * The set of letters of a word as 64 bits (letter code modulo 64: the 32 letters а..я and the 26
   * letters a..z each get their own bit). One edit (insertion, deletion, substitution,
   * transposition) changes at most two bits of the exact letter set, and folding can only merge
   * bits, so two words within edit distance d differ in at most 2d bits: a cheap filter before the
   * edit-distance computation.
   */
  static long letterMask(String w) {
    long m = 0;
    for (int i = 0; i < w.length(); i++) {
      m |= 1L << (w.charAt(i) & 63);
    }
    return m;
  }

  /** Letter masks of {@link #wordsOfLength}, index for index. */
  long[] masksOfLength(int length) {
    return length >= 0 && length < masksByLength.length ? masksByLength[length] : new long[0];
  }

  /** Words of the phonebook of the given length (sorted), empty outside the known lengths. */
  String[] wordsOfLength(int length) {
    return length >= 0 && length < wordsByLength.length ? wordsByLength[length] : new String[0];
  }

  int entryCount() {
    return entryCount;
  }

  int keyCount() {
    return keys.length;
  }

  int uniqueNameCount() {
    return uniqueNames.size();
  }

  int wordCount() {
    return postings.size();
  }

  /** A growable int array for building postings. Not thread-safe. */
  private static final class IntList {
    private int[] a = new int[2];
    private int n;

    void addDistinct(int v) {
      if (n > 0 && a[n - 1] == v) {
        return; // the common repeat: the same key's other words; others are removed in toArray
      }
      if (n == a.length) {
        a = Arrays.copyOf(a, n * 2);
      }
      a[n++] = v;
    }

    int[] toArray() {
      int[] out = Arrays.copyOf(a, n);
      Arrays.sort(out);
      int m = 0;
      for (int i = 0; i < out.length; i++) {
        if (m == 0 || out[m - 1] != out[i]) {
          out[m++] = out[i];
        }
      }
      return m == out.length ? out : Arrays.copyOf(out, m);
    }
  }
}
