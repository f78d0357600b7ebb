package io.ecss.asr.dict;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * One line of a CMU Sphinx dictionary: a word, its variant number ({@code word(2)} is variant 2,
 * a plain word variant 1) and its phones.
 *
 * <p>Immutable and thread-safe.
 *
 * @param word the word, without the variant suffix
 * @param variant 1 for the base pronunciation, 2 or more for alternatives
 * @param phones the phones, one or more, none blank
 */
public record DictionaryEntry(String word, int variant, List<String> phones) {
  /**
   * Validates and copies.
   *
   * @param word the word, without the variant suffix
   * @param variant 1 for the base pronunciation, 2 or more for alternatives
   * @param phones the phones, one or more, none blank
   * @throws IllegalArgumentException when the word is blank or has whitespace, the variant is
   *     below 1, or there are no phones
   */
  public DictionaryEntry {
    requireNonNull(word, "word");
    phones = List.copyOf(phones);
    if (word.isEmpty() || word.chars().anyMatch(Character::isWhitespace)) {
      throw new IllegalArgumentException("word: '" + word + "' (expected one word)");
    }
    if (variant < 1) {
      throw new IllegalArgumentException("variant: " + variant + " (expected >= 1)");
    }
    if (phones.isEmpty()) {
      throw new IllegalArgumentException("phones: none for '" + word + "' (expected 1 or more)");
    }
    for (String p : phones) {
      if (p.isEmpty() || p.chars().anyMatch(Character::isWhitespace)) {
        throw new IllegalArgumentException("phone: '" + p + "' (expected one symbol)");
      }
    }
  }

  /**
   * Returns the entry's head as written in the file.
   *
   * @return {@code word} or {@code word(2)}
   */
  public String head() {
    return variant == 1 ? word : word + "(" + variant + ")";
  }

  /**
   * Returns the entry as a dictionary line.
   *
   * @return {@code head phone phone ...}
   */
  @Override
  public String toString() {
    return head() + " " + String.join(" ", phones);
  }
}
