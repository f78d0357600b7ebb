package io.ecss.asr.recognition;

import java.util.Objects;

/**
 * One recognised word with its timing and confidence.
 *
 * <p>Times are milliseconds from the start of the audio stream (Vosk reports them at 30 ms
 * granularity). Immutable and thread-safe.
 *
 * @param word the word, as the recogniser spells it
 * @param startMillis start time, milliseconds from the start of the stream
 * @param endMillis end time, not before {@code startMillis}
 * @param confidence posterior probability in {@code [0, 1]}
 */
public record RecognizedWord(String word, long startMillis, long endMillis, double confidence) {

  /**
   * Validates the word.
   *
   * @param word the word; not empty, no whitespace
   * @param startMillis start, not negative
   * @param endMillis end, not before start
   * @param confidence in {@code [0, 1]}
   * @throws IllegalArgumentException if a value is out of range
   */
  public RecognizedWord {
    Objects.requireNonNull(word, "word");
    if (word.isEmpty() || word.codePoints().anyMatch(Character::isWhitespace)) {
      throw new IllegalArgumentException("word: '" + word + "' (expected one word, no spaces)");
    }
    if (startMillis < 0 || endMillis < startMillis) {
      throw new IllegalArgumentException(
          "times: " + startMillis + ".." + endMillis + " ms (expected 0 <= start <= end)");
    }
    if (!(confidence >= 0 && confidence <= 1)) {
      throw new IllegalArgumentException("confidence: " + confidence + " (expected 0..1)");
    }
  }

  /**
   * Duration in milliseconds.
   *
   * @return {@code endMillis - startMillis}
   */
  public long durationMillis() {
    return endMillis - startMillis;
  }

  /**
   * The same word shifted later in time.
   *
   * @param millis offset to add to both times, not negative
   * @return the shifted word
   */
  public RecognizedWord shift(long millis) {
    return new RecognizedWord(word, startMillis + millis, endMillis + millis, confidence);
  }
}
