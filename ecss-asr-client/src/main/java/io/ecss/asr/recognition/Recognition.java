package io.ecss.asr.recognition;

import java.util.List;
import java.util.Objects;

/**
 * A recognition result: the text and, when the recogniser reports them, the words with timing.
 *
 * <p>Immutable and thread-safe.
 *
 * @param text the recognised text, words separated by single spaces; empty when nothing was heard
 * @param words the words with timing; empty when the recogniser gives none (partial results)
 * @param isFinal true for the final result of an utterance, false for a partial result
 */
public record Recognition(String text, List<RecognizedWord> words, boolean isFinal) {

  /** An empty final result. */
  public static final Recognition EMPTY = new Recognition("", List.of(), true);

  /**
   * Validates and copies.
   *
   * @param text the text
   * @param words the words
   * @param isFinal final or partial
   */
  public Recognition {
    Objects.requireNonNull(text, "text");
    words = List.copyOf(words);
  }

  /**
   * A final result made of timed words; the text is the words joined by spaces.
   *
   * @param words the words
   * @return the result
   */
  public static Recognition of(List<RecognizedWord> words) {
    StringBuilder sb = new StringBuilder();
    for (RecognizedWord w : words) {
      if (sb.length() > 0) {
        sb.append(' ');
      }
      sb.append(w.word());
    }
    return new Recognition(sb.toString(), words, true);
  }

  /**
   * Whether nothing was recognised.
   *
   * @return true for an empty text
   */
  public boolean isEmpty() {
    return text.isEmpty();
  }
}
