package io.ecss.asr.transcription;

import io.ecss.asr.recognition.RecognizedWord;
import java.util.List;
import java.util.Objects;

/**
 * The words recognised on one channel of a call, with the speaker label of the word-line format.
 *
 * <p>Immutable and thread-safe.
 *
 * @param label the speaker label: {@code А} for channel 1 (calling party), {@code Б} for channel 2
 *     (called party); any non-blank text without {@code ]} or line breaks
 * @param words the words in time order
 */
public record SpeakerWords(String label, List<RecognizedWord> words) {

  /**
   * Validates and copies.
   *
   * @param label the speaker label
   * @param words the words
   * @throws IllegalArgumentException if the label is blank or contains {@code ]} or a line break
   */
  public SpeakerWords {
    Objects.requireNonNull(label, "label");
    if (label.isBlank() || label.contains("]") || label.contains("\n") || label.contains("\r")) {
      throw new IllegalArgumentException(
          "label: '" + label + "' (expected non-blank text without ']' or line breaks)");
    }
    words = List.copyOf(words);
  }
}
