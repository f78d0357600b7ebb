package io.ecss.asr.audio;

import java.util.Arrays;
import java.util.Objects;

/**
 * 16-bit PCM audio held in memory: a format and its interleaved samples.
 *
 * <p>For long recordings prefer streaming with {@link WavReader} and {@link WavWriter}; this type is
 * for short prompts, tests and request bodies.
 *
 * <p>Immutable and thread-safe (the samples are copied in and out).
 */
public final class PcmAudio {
  private final WavFormat format;
  private final short[] samples;

  private PcmAudio(WavFormat format, short[] samples) {
    this.format = format;
    this.samples = samples;
  }

  /**
   * Creates audio from interleaved samples (copied).
   *
   * @param format the format
   * @param interleaved samples, channel by channel within each frame
   * @return the audio
   * @throws IllegalArgumentException if the sample count is not a multiple of the channel count
   */
  public static PcmAudio of(WavFormat format, short[] interleaved) {
    Objects.requireNonNull(format, "format");
    if (interleaved.length % format.channels() != 0) {
      throw new IllegalArgumentException(
          "interleaved.length: "
              + interleaved.length
              + " (expected a multiple of "
              + format.channels()
              + " channels)");
    }
    return new PcmAudio(format, interleaved.clone());
  }

  /**
   * Creates audio from one array per channel (copied and interleaved).
   *
   * @param sampleRate samples per second
   * @param channels one or two arrays of equal length
   * @return the audio
   * @throws IllegalArgumentException if there are not one or two channels of equal length
   */
  public static PcmAudio ofChannels(int sampleRate, short[]... channels) {
    WavFormat f = new WavFormat(sampleRate, channels.length);
    return new PcmAudio(f, Pcm.interleave(channels));
  }

  /**
   * The format.
   *
   * @return the format
   */
  public WavFormat format() {
    return format;
  }

  /**
   * Number of frames (samples per channel).
   *
   * @return the frame count
   */
  public int frames() {
    return samples.length / format.channels();
  }

  /**
   * Duration in milliseconds, rounded down.
   *
   * @return the duration
   */
  public long durationMillis() {
    return format.millis(frames());
  }

  /**
   * A copy of the interleaved samples.
   *
   * @return the samples
   */
  public short[] samples() {
    return samples.clone();
  }

  /**
   * The samples of one channel.
   *
   * @param index 0 for channel 1 (the calling party A in a call recording), 1 for channel 2
   * @return a new array with that channel's samples
   * @throws IndexOutOfBoundsException if the audio has no such channel
   */
  public short[] channel(int index) {
    return Pcm.split(samples, format.channels())[Objects.checkIndex(index, format.channels())];
  }

  /**
   * Encodes the audio as a complete WAV file.
   *
   * @return the WAV bytes
   */
  public byte[] toWav() {
    return WavWriter.toBytes(format, samples);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof PcmAudio other
        && other.format.equals(format)
        && Arrays.equals(other.samples, samples);
  }

  @Override
  public int hashCode() {
    return 31 * format.hashCode() + Arrays.hashCode(samples);
  }

  @Override
  public String toString() {
    return "PcmAudio[" + format + ", frames=" + frames() + "]";
  }
}
