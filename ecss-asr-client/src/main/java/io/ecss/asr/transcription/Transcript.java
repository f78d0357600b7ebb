package io.ecss.asr.transcription;

import io.ecss.asr.recognition.RecognizedWord;
import io.ecss.webvtt.TranscriptCues;
import io.ecss.webvtt.TranscriptWord;
import io.ecss.webvtt.WebVttWriter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.jspecify.annotations.Nullable;

/**
 * The words of a call, channel by channel: what {@code /trans} returns.
 *
 * <p>Immutable and thread-safe.
 *
 * @param speakers one entry per channel, in channel order
 */
public record Transcript(List<SpeakerWords> speakers) {

  /** Label of channel 1, the calling party (Cyrillic А). */
  public static final String CALLING = "А";

  /** Label of channel 2, the called party (Cyrillic Б). */
  public static final String CALLED = "Б";

  /**
   * Copies the list.
   *
   * @param speakers the channels
   */
  public Transcript {
    speakers = List.copyOf(speakers);
  }

  /**
   * The label of a channel in the word-line format.
   *
   * @param channel 0 for channel 1, 1 for channel 2, ...
   * @return {@code А}, {@code Б}, or {@code 3}, {@code 4}, ... for further channels
   */
  public static String label(int channel) {
    return channel == 0 ? CALLING : channel == 1 ? CALLED : Integer.toString(channel + 1);
  }

  /**
   * The words of every channel as WebVTT transcript words; the speaker of a word is its channel's
   * label.
   *
   * @return the words, channel by channel
   */
  public List<TranscriptWord> toTranscriptWords() {
    List<TranscriptWord> out = new ArrayList<>();
    for (SpeakerWords s : speakers) {
      for (RecognizedWord w : s.words()) {
        out.add(
            new TranscriptWord(
                s.label(), w.startMillis(), w.endMillis(), w.word(), OptionalDouble.of(w.confidence())));
      }
    }
    return out;
  }

  /**
   * Renders the transcript as WebVTT speaker cues, as {@code /trans/vtt} does.
   *
   * @param calling voice name of channel 1 ({@code А}), or null to show the label
   * @param called voice name of channel 2 ({@code Б}), or null to show the label
   * @param cues how words are grouped into cues
   * @return the WebVTT text
   */
  public String toWebVtt(@Nullable String calling, @Nullable String called, TranscriptCues cues) {
    Map<String, String> names = new HashMap<>(cues.voiceNames());
    if (calling != null) {
      names.put(CALLING, calling);
    }
    if (called != null) {
      names.put(CALLED, called);
    }
    return WebVttWriter.format(cues.withVoiceNames(names).toFile(toTranscriptWords()));
  }
}
