package io.ecss.webvtt;

import static java.util.Objects.requireNonNull;

import java.util.OptionalDouble;

/**
 * One recognised word of a call transcript: who said it, when, and how sure the recogniser was.
 *
 * <p>Immutable and thread-safe.
 *
 * @param speaker speaker or channel label, e.g. {@code "A"} for the calling party; mapped to a
 *     display name by {@link TranscriptCues#voiceNames()}
 * @param start start in milliseconds from the start of the recording
 * @param end end in milliseconds, not before {@code start}
 * @param text the word
 * @param confidence recogniser confidence 0..1, if known
 */
public record TranscriptWord(
    String speaker, long start, long end, String text, OptionalDouble confidence) {

  /**
   * Validates the word.
   *
   * @param speaker speaker or channel label, e.g. {@code "A"} for the calling party; mapped to a display name by {@link TranscriptCues#voiceNames()}
   * @param start start in milliseconds from the start of the recording
   * @param end end in milliseconds, not before {@code start}
   * @param text the word
   * @param confidence recogniser confidence 0..1, if known
   * @throws IllegalArgumentException if the speaker is empty, a time is negative or above {@link
   *     WebVttCue#MAX_TIME}, {@code end} is before {@code start}, or the confidence is outside
   *     0..1
   */
  public TranscriptWord {
    requireNonNull(speaker, "speaker");
    requireNonNull(text, "text");
    requireNonNull(confidence, "confidence");
    if (speaker.isEmpty()) {
      throw new IllegalArgumentException("speaker: empty");
    }
    if (start < 0 || start > WebVttCue.MAX_TIME) {
      throw new IllegalArgumentException("start: " + start + " (expected 0.." + WebVttCue.MAX_TIME + ")");
    }
    if (end < start || end > WebVttCue.MAX_TIME) {
      throw new IllegalArgumentException(
          "end: " + end + " (expected " + start + ".." + WebVttCue.MAX_TIME + ")");
    }
    if (confidence.isPresent()
        && !(confidence.getAsDouble() >= 0 && confidence.getAsDouble() <= 1)) {
      throw new IllegalArgumentException(
          "confidence: " + confidence.getAsDouble() + " (expected 0..1)");
    }
  }

  /**
   * Returns a word given by start and duration, as recognisers and the ECSS word-line format give
   * it.
   *
   * @param speaker speaker or channel label
   * @param start start in milliseconds
   * @param duration duration in milliseconds
   * @param text the word
   * @param confidence confidence 0..1
   * @return the word
   * @throws IllegalArgumentException if {@code duration} is negative or a value is out of range
   */
  public static TranscriptWord ofDuration(
      String speaker, long start, long duration, String text, double confidence) {
    if (duration < 0) {
      throw new IllegalArgumentException("duration: " + duration + " (expected >= 0)");
    }
    return new TranscriptWord(speaker, start, start + duration, text, OptionalDouble.of(confidence));
  }
}
