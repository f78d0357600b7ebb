package io.ecss.webvtt;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns call transcript words into speaker cues: all speakers' words merged by start time;
 * consecutive words of one speaker form a cue {@code <v Name>word word</v>}. A cue also ends when
 * the pause before the next word exceeds {@link #maxGap()}, when adding the word would make the
 * cue longer than {@link #maxDuration()}, or its text longer than {@link #maxChars()}. Cue
 * identifiers count from 1; a cue starts at its first word's start and ends at its last word's end
 * (at least 1 ms after its start). Text and voice names are escaped; voice names are trimmed with
 * inner whitespace collapsed.
 *
 * <p>Defaults ({@link #DEFAULT}): maximum gap 2 s, maximum duration 7 s, maximum 84 characters (two
 * subtitle lines of 42), voice name = speaker label.
 *
 * <pre>{@code
 * TranscriptCues grouping = TranscriptCues.DEFAULT.withVoiceNames(Map.of("A", "Алиса", "B", "Боб"));
 * String vtt = grouping.toFile(words).format();
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @param maxGap longest pause between two words of one cue, in milliseconds
 * @param maxDuration longest cue, in milliseconds (a single longer word still makes one cue)
 * @param maxChars longest cue text in characters, words joined by one space (a single longer word
 *     still makes one cue)
 * @param voiceNames display name per speaker label; labels not in the map are used as names
 */
public record TranscriptCues(
    long maxGap, long maxDuration, int maxChars, Map<String, String> voiceNames) {

  /** Default maximum gap: 2,000 ms. */
  public static final long DEFAULT_MAX_GAP = 2_000;

  /** Default maximum cue duration: 7,000 ms. */
  public static final long DEFAULT_MAX_DURATION = 7_000;

  /** Default maximum cue text length: 84 characters. */
  public static final int DEFAULT_MAX_CHARS = 84;

  /** The defaults, with no voice names. */
  public static final TranscriptCues DEFAULT =
      new TranscriptCues(DEFAULT_MAX_GAP, DEFAULT_MAX_DURATION, DEFAULT_MAX_CHARS, Map.of());

  /**
   * Validates the options and copies the map.
   *
   * @param maxGap longest pause between two words of one cue, in milliseconds
   * @param maxDuration longest cue, in milliseconds (a single longer word still makes one cue)
   * @param maxChars longest cue text in characters, words joined by one space (a single longer word still makes one cue)
   * @param voiceNames display name per speaker label; labels not in the map are used as names
   * @throws IllegalArgumentException if a limit is negative or {@code maxChars} is below 1
   */
  public TranscriptCues {
    voiceNames = Map.copyOf(voiceNames);
    if (maxGap < 0) {
      throw new IllegalArgumentException("maxGap: " + maxGap + " (expected >= 0)");
    }
    if (maxDuration < 0) {
      throw new IllegalArgumentException("maxDuration: " + maxDuration + " (expected >= 0)");
    }
    if (maxChars < 1) {
      throw new IllegalArgumentException("maxChars: " + maxChars + " (expected >= 1)");
    }
  }

  /**
   * Returns these options with other voice names.
   *
   * @param names display name per speaker label
   * @return the copy
   */
  public TranscriptCues withVoiceNames(Map<String, String> names) {
    return new TranscriptCues(maxGap, maxDuration, maxChars, names);
  }

  /**
   * Returns these options with another maximum gap.
   *
   * @param millis longest pause inside a cue
   * @return the copy
   */
  public TranscriptCues withMaxGap(long millis) {
    return new TranscriptCues(millis, maxDuration, maxChars, voiceNames);
  }

  /**
   * Returns these options with another maximum duration.
   *
   * @param millis longest cue
   * @return the copy
   */
  public TranscriptCues withMaxDuration(long millis) {
    return new TranscriptCues(maxGap, millis, maxChars, voiceNames);
  }

  /**
   * Returns these options with another maximum text length.
   *
   * @param chars longest cue text
   * @return the copy
   */
  public TranscriptCues withMaxChars(int chars) {
    return new TranscriptCues(maxGap, maxDuration, chars, voiceNames);
  }

  /**
   * Groups words into cues.
   *
   * @param words the words of all speakers, in any order
   * @return the cues, sorted by start
   */
  public List<WebVttCue> toCues(List<TranscriptWord> words) {
    requireNonNull(words, "words");
    List<TranscriptWord> sorted = words;
    for (int i = 1; i < words.size(); i++) {
      if (words.get(i).start() < words.get(i - 1).start()) {
        sorted = new ArrayList<>(words);
        sorted.sort(Comparator.comparingLong(TranscriptWord::start)); // stable: ties keep order
        break;
      }
    }
    List<WebVttCue> cues = new ArrayList<>(Math.max(16, words.size() / 4));
    Map<String, String> voiceTags = new HashMap<>();
    StringBuilder payload = new StringBuilder(256); // "<v Name>" + escaped words, built as we go
    int textLength = 0; // unescaped length of the words, for maxChars
    String speaker = null;
    long start = 0;
    long end = 0;
    for (TranscriptWord w : sorted) {
      String word = CueTextParser.collapse(w.text());
      if (word.isEmpty()) {
        continue;
      }
      boolean join = speaker != null
          && speaker.equals(w.speaker())
          && w.start() - end <= maxGap
          && Math.max(end, w.end()) - start <= maxDuration
          && textLength + 1 + word.length() <= maxChars;
      if (join) {
        payload.append(' ');
        CueText.escape(payload, word);
        textLength += 1 + word.length();
        end = Math.max(end, w.end());
      } else {
        if (speaker != null) {
          cues.add(cue(cues.size() + 1, start, end, payload));
        }
        speaker = w.speaker();
        start = w.start();
        end = w.end();
        payload.setLength(0);
        payload.append(voiceTag(voiceTags, speaker));
        CueText.escape(payload, word);
        textLength = word.length();
      }
    }
    if (speaker != null) {
      cues.add(cue(cues.size() + 1, start, end, payload));
    }
    return cues;
  }

  /**
   * Groups words into cues and returns them as a file without header.
   *
   * @param words the words of all speakers, in any order
   * @return the file
   */
  public WebVttFile toFile(List<TranscriptWord> words) {
    return WebVttFile.of(toCues(words));
  }

  /** The escaped {@code <v Name>} start tag of a speaker, computed once per speaker. */
  private String voiceTag(Map<String, String> cache, String speaker) {
    return cache.computeIfAbsent(speaker, sp -> {
      String name = CueTextParser.collapse(voiceNames.getOrDefault(sp, sp));
      if (name.isEmpty()) {
        name = CueTextParser.collapse(sp);
      }
      if (name.isEmpty()) {
        name = "?";
      }
      StringBuilder sb = new StringBuilder(name.length() + 4);
      sb.append("<v ");
      CueText.escape(sb, name);
      return sb.append('>').toString();
    });
  }

  private static WebVttCue cue(int id, long start, long end, StringBuilder payload) {
    payload.append("</v>");
    return new WebVttCue(
        Integer.toString(id), start, Math.max(end, start + 1), WebVttCueSettings.DEFAULT,
        payload.toString());
  }
}
