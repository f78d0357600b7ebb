package io.ecss.asr.transcription;

import java.util.List;

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
}
