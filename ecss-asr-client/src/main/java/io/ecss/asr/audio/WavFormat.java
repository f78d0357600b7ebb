package io.ecss.asr.audio;

/**
 * The format of 16-bit little-endian PCM audio in a WAV file: sample rate and channel count.
 *
 * <p>ECSS call recordings are 8 kHz; Vosk's small models expect 16 kHz. Only 16-bit PCM with one or
 * two channels is supported: that is what the transcription service records (channel 1 = calling
 * party A, channel 2 = called party B).
 *
 * <p>Immutable and thread-safe.
 *
 * @param sampleRate samples per second per channel, 1 to 384,000
 * @param channels 1 (mono) or 2 (stereo)
 */
public record WavFormat(int sampleRate, int channels) {

  /** Largest sample rate accepted: 384 kHz. */
  public static final int MAX_SAMPLE_RATE = 384_000;

  /** Bits per sample: always 16. */
  public static final int BITS_PER_SAMPLE = 16;

  /**
   * Validates the format.
   *
   * @param sampleRate samples per second per channel, 1 to 384,000
   * @param channels 1 (mono) or 2 (stereo)
   * @throws IllegalArgumentException if the rate is not in 1..384000 or channels is not 1 or 2
   */
  public WavFormat {
    if (sampleRate < 1 || sampleRate > MAX_SAMPLE_RATE) {
      throw new IllegalArgumentException(
          "sampleRate: " + sampleRate + " (expected 1.." + MAX_SAMPLE_RATE + ")");
    }
    if (channels != 1 && channels != 2) {
      throw new IllegalArgumentException("channels: " + channels + " (expected 1 or 2)");
    }
  }

  /**
   * Returns a mono format.
   *
   * @param sampleRate samples per second
   * @return the format
   */
  public static WavFormat mono(int sampleRate) {
    return new WavFormat(sampleRate, 1);
  }

  /**
   * Returns a stereo format.
   *
   * @param sampleRate samples per second per channel
   * @return the format
   */
  public static WavFormat stereo(int sampleRate) {
    return new WavFormat(sampleRate, 2);
  }

  /**
   * Bytes per frame (one sample of every channel).
   *
   * @return {@code 2 * channels}
   */
  public int blockAlign() {
    return 2 * channels;
  }

  /**
   * Bytes per second.
   *
   * @return {@code sampleRate * blockAlign()}
   */
  public int byteRate() {
    return sampleRate * blockAlign();
  }

  /**
   * Duration of a number of frames in milliseconds, rounded down.
   *
   * @param frames frame count
   * @return duration in milliseconds
   */
  public long millis(long frames) {
    return frames * 1000L / sampleRate;
  }
}
