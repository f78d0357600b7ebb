package io.ecss.asr.ivr;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;

/**
 * One item of an IVR menu, as in the ECSS IVR editor's table of menu items: the key the caller
 * may press, a description, and the phrases that choose the item by voice ("Распознаваемые
 * фразы").
 *
 * <p>Immutable and thread-safe.
 *
 * @param key the DTMF key: one of {@code 0}–{@code 9}, {@code *}, {@code #}
 * @param description free text for people; may be empty
 * @param phrases the recognised phrases, each one or more words; whitespace is collapsed; may be
 *     empty for a DTMF-only item
 */
public record IvrMenuItem(String key, String description, List<String> phrases) {
  /**
   * Validates and normalises.
   *
   * @param key the DTMF key: one of {@code 0}–{@code 9}, {@code *}, {@code #}
   * @param description free text for people; may be empty
   * @param phrases the recognised phrases; whitespace is collapsed
   * @throws IllegalArgumentException when the key is not a DTMF key, the description has a line
   *     break, or a phrase is blank
   */
  public IvrMenuItem {
    requireNonNull(key, "key");
    requireNonNull(description, "description");
    if (key.length() != 1 || "0123456789*#".indexOf(key.charAt(0)) < 0) {
      throw new IllegalArgumentException("key: '" + key + "' (expected one of 0-9, * or #)");
    }
    if (description.indexOf('\n') >= 0 || description.indexOf('\r') >= 0) {
      throw new IllegalArgumentException("description: contains a line break");
    }
    List<String> clean = new ArrayList<>(phrases.size());
    for (String p : phrases) {
      List<String> words = Phrases.words(p);
      if (words.isEmpty()) {
        throw new IllegalArgumentException(
            "phrase: '" + p + "' of item " + key + " (expected one or more words)");
      }
      clean.add(String.join(" ", words));
    }
    phrases = List.copyOf(clean);
  }

  /**
   * Creates an item.
   *
   * @param key the DTMF key
   * @param description the description
   * @param phrases the recognised phrases
   * @return the item
   */
  public static IvrMenuItem of(String key, String description, String... phrases) {
    return new IvrMenuItem(key, description, List.of(phrases));
  }
}
