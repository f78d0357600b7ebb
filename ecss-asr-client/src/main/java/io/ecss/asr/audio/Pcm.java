package io.ecss.asr.audio;

/**
 * Conversions between 16-bit PCM samples, floats and channel layouts.
 *
 * <p>Floats are scaled so that {@code -32768} maps to {@code -1.0f}; converting back rounds to the
 * nearest integer and clips to the 16-bit range, so {@code toPcm16(toFloat(x))} returns {@code x}
 * exactly.
 *
 * <p>Thread-safe (stateless).
 */
public final class Pcm {
  private static final float SCALE = 32768f;

  private Pcm() {}

  /**
   * Splits interleaved samples into one array per channel.
   *
   * @param interleaved samples, channel by channel within each frame
   * @param channels the channel count
   * @return {@code channels} arrays of equal length
   * @throws IllegalArgumentException if channels is below 1 or does not divide the sample count
   */
  public static short[][] split(short[] interleaved, int channels) {
    if (channels < 1 || interleaved.length % channels != 0) {
      throw new IllegalArgumentException(
          "channels: " + channels + " (expected >= 1 dividing " + interleaved.length + " samples)");
    }
    int frames = interleaved.length / channels;
    short[][] out = new short[channels][frames];
    for (int i = 0, k = 0; i < frames; i++) {
      for (int c = 0; c < channels; c++) {
        out[c][i] = interleaved[k++];
      }
    }
    return out;
  }

  /**
   * Interleaves one array per channel.
   *
   * @param channels at least one array; all of the same length
   * @return the interleaved samples
   * @throws IllegalArgumentException if there is no channel or the lengths differ
   */
  public static short[] interleave(short[]... channels) {
    if (channels.length == 0) {
      throw new IllegalArgumentException("channels: none (expected at least one)");
    }
    int frames = channels[0].length;
    for (int c = 1; c < channels.length; c++) {
      if (channels[c].length != frames) {
        throw new IllegalArgumentException(
            "channel " + c + " has " + channels[c].length + " samples, channel 0 has " + frames);
      }
    }
    short[] out = new short[frames * channels.length];
    for (int i = 0, k = 0; i < frames; i++) {
      for (short[] ch : channels) {
        out[k++] = ch[i];
      }
    }
    return out;
  }

  /**
   * Converts samples to floats in {@code [-1, 1)}.
   *
   * @param pcm 16-bit samples
   * @return the floats
   */
  public static float[] toFloat(short[] pcm) {
    float[] out = new float[pcm.length];
    for (int i = 0; i < pcm.length; i++) {
      out[i] = pcm[i] / SCALE;
    }
    return out;
  }

  /**
   * Converts floats to 16-bit samples, rounding to nearest and clipping to the 16-bit range.
   *
   * @param samples floats, nominally in {@code [-1, 1)}
   * @return the 16-bit samples
   */
  public static short[] toPcm16(float[] samples) {
    short[] out = new short[samples.length];
    for (int i = 0; i < samples.length; i++) {
      out[i] = clip(samples[i]);
    }
    return out;
  }

  static short clip(float v) {
    float s = v * SCALE;
    if (s >= 32767f) {
      return Short.MAX_VALUE;
    }
    if (s <= -32768f) {
      return Short.MIN_VALUE;
    }
    return (short) Math.round(s);
  }
}
