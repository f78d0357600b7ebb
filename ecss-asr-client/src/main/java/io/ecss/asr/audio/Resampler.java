package io.ecss.asr.audio;

import java.util.Arrays;

/**
 * Band-limited sample-rate converter: windowed-sinc interpolation in polyphase form, for any ratio
 * of integer rates (8 kHz call audio to a 16 kHz model, 44.1 kHz prompts to 8 kHz, ...).
 *
 * <p>The rate ratio is reduced to {@code L/M} (output/input, by their greatest common divisor).
 * Output sample {@code n} sits at input time {@code n·M/L}, so the output is aligned with the input
 * (no delay). Each output is the dot product of the {@code 2·H} nearest input samples with one of
 * {@code L} filter phases, precomputed when they fit in one table (else computed per sample):
 *
 * <ul>
 *   <li>kernel: {@code fc·sinc(fc·t)} with {@code fc = rolloff · min(1, L/M)}, so the cut-off sits
 *       at {@value #ROLLOFF} of the lower of the two Nyquist frequencies;
 *   <li>window: Kaiser with β = {@value #KAISER_BETA}, half-width {@code H = ceil(}{@value
 *       #ZERO_CROSSINGS}{@code  / fc)} input samples;
 *   <li>each phase is normalised to unit DC gain.
 * </ul>
 *
 * <p>Measured by this module's tests: passband (up to 0.85 of the lower Nyquist) within 0.05 dB;
 * images and aliases of tones at or above 1.08 of the lower Nyquist at least 70 dB down; a chirp
 * resampled 8 → 16 kHz matches the same chirp generated at 16 kHz with an error 70 dB below the
 * signal. 8 → 16 kHz runs far above 200× real time (see {@code benchmarks/README.md}).
 *
 * <p>Streaming: feed blocks with {@link #process}; call {@link #flush} once at the end to emit the
 * last samples (which need input beyond the end, taken as silence). The total output of a signal of
 * {@code N} samples is {@code ceil(N·L/M)} samples, whatever the block sizes.
 *
 * <p>Not thread-safe; confine to one thread (use one instance per channel and per stream).
 */
public final class Resampler {
  static final double ROLLOFF = 0.94;
  static final double KAISER_BETA = 8.6;
  static final int ZERO_CROSSINGS = 32;
  /** Largest precomputed filter table, in coefficients (4 MiB of floats). */
  private static final int MAX_TABLE = 1 << 20;

  private final int inRate;
  private final int outRate;
  private final int l;
  private final int m;
  private final double fc;
  private final int half;
  private final int taps;
  private final float[] table;

  /** Input history: hist[0] holds absolute input index base. */
  private float[] hist;

  private long base;
  private int count;
  /** Absolute input samples received (excluding the leading silence). */
  private long received;
  /** Next output index. */
  private long next;

  private final float[] scratch;

  private Resampler(int inRate, int outRate) {
    this.inRate = inRate;
    this.outRate = outRate;
    int g = gcd(inRate, outRate);
    this.l = outRate / g;
    this.m = inRate / g;
    this.fc = ROLLOFF * Math.min(1.0, (double) l / m);
    this.half = (int) Math.ceil(ZERO_CROSSINGS / fc);
    this.taps = 2 * half;
    this.scratch = new float[taps];
    if ((long) l * taps <= MAX_TABLE) {
      table = new float[l * taps];
      for (int p = 0; p < l; p++) {
        phase(p, table, p * taps);
      }
    } else {
      table = new float[0];
    }
    reset();
  }

  /**
   * Creates a converter.
   *
   * @param inRate input samples per second, 1 to 384,000
   * @param outRate output samples per second, 1 to 384,000
   * @return the converter
   * @throws IllegalArgumentException if a rate is out of range
   */
  public static Resampler create(int inRate, int outRate) {
    checkRate("inRate", inRate);
    checkRate("outRate", outRate);
    return new Resampler(inRate, outRate);
  }

  /**
   * Converts a whole signal in one call.
   *
   * @param samples the input
   * @param inRate input rate
   * @param outRate output rate
   * @return {@code ceil(samples.length · outRate / inRate)} output samples
   */
  public static float[] resample(float[] samples, int inRate, int outRate) {
    Resampler r = create(inRate, outRate);
    float[] out = new float[r.maxOutput(samples.length) + r.maxFlush()];
    int n = r.process(samples, 0, samples.length, out, 0);
    n += r.flush(out, n);
    return Arrays.copyOf(out, n);
  }

  /**
   * Converts 16-bit mono samples in one call (rounded and clipped back to 16 bits).
   *
   * @param samples the input
   * @param inRate input rate
   * @param outRate output rate
   * @return the converted samples
   */
  public static short[] resample(short[] samples, int inRate, int outRate) {
    return Pcm.toPcm16(resample(Pcm.toFloat(samples), inRate, outRate));
  }

  /**
   * Converts audio of one or two channels, each channel independently.
   *
   * @param audio the input
   * @param outRate output rate
   * @return the audio at {@code outRate}
   */
  public static PcmAudio resample(PcmAudio audio, int outRate) {
    int in = audio.format().sampleRate();
    short[][] ch = Pcm.split(audio.samples(), audio.format().channels());
    for (int c = 0; c < ch.length; c++) {
      ch[c] = resample(ch[c], in, outRate);
    }
    return PcmAudio.ofChannels(outRate, ch);
  }

  /**
   * The input rate.
   *
   * @return samples per second
   */
  public int inputRate() {
    return inRate;
  }

  /**
   * The output rate.
   *
   * @return samples per second
   */
  public int outputRate() {
    return outRate;
  }

  /**
   * An upper bound of the samples {@link #process} emits for {@code inputSamples} input samples.
   *
   * @param inputSamples input block size
   * @return room needed in the output array
   */
  public int maxOutput(int inputSamples) {
    return (int) Math.min(Integer.MAX_VALUE, ((long) inputSamples + taps) * l / m + 2);
  }

  /**
   * An upper bound of the samples {@link #flush} emits.
   *
   * @return room needed in the output array
   */
  public int maxFlush() {
    return (int) Math.min(Integer.MAX_VALUE, ((long) taps + 1) * l / m + 2);
  }

  /**
   * Feeds input samples and emits every output sample they complete.
   *
   * @param in input samples
   * @param off first input sample
   * @param len number of input samples
   * @param out destination; needs {@link #maxOutput(int) maxOutput(len)} room from {@code outOff}
   * @param outOff first output index
   * @return output samples written
   */
  public int process(float[] in, int off, int len, float[] out, int outOff) {
    java.util.Objects.checkFromIndexSize(off, len, in.length);
    if (l == m) {
      System.arraycopy(in, off, out, outOff, len);
      return len;
    }
    append(in, off, len);
    received += len;
    return emit(out, outOff, Long.MAX_VALUE);
  }

  /**
   * Emits the remaining output samples (the input is taken as silence past its end) and resets the
   * converter for a new stream.
   *
   * @param out destination; needs {@link #maxFlush()} room from {@code outOff}
   * @param outOff first output index
   * @return output samples written
   */
  public int flush(float[] out, int outOff) {
    if (l == m) {
      return 0;
    }
    append(new float[half + 1], 0, half + 1);
    // Outputs at input times before the end of the input: n·M < received·L.
    long total = ceilDiv(received * l, m);
    int n = emit(out, outOff, total);
    reset();
    return n;
  }

  /** Discards all state; the next sample fed starts a new stream. */
  public void reset() {
    hist = new float[Math.max(4096, 2 * taps)];
    // Leading silence: input indices -half+1 .. -1 read as zero.
    base = -half;
    count = half;
    received = 0;
    next = 0;
  }

  private void append(float[] in, int off, int len) {
    // Drop history no output will read again: indices below floor(next·M/L) - half + 1.
    long keepFrom = Math.floorDiv(next * m, l) - half + 1;
    int drop = (int) Math.max(0, Math.min(count, keepFrom - base));
    if (drop > 0) {
      System.arraycopy(hist, drop, hist, 0, count - drop);
      base += drop;
      count -= drop;
    }
    if (count + len > hist.length) {
      hist = Arrays.copyOf(hist, Math.max(hist.length * 2, count + len));
    }
    System.arraycopy(in, off, hist, count, len);
    count += len;
  }

  private int emit(float[] out, int outOff, long limit) {
    int w = outOff;
    long lastAvailable = base + count - 1;
    while (next < limit) {
      long pos = next * m;
      long i = Math.floorDiv(pos, l);
      if (i + half > lastAvailable) {
        break;
      }
      int p = (int) (pos - i * l);
      int start = (int) (i - half + 1 - base);
      float[] coef;
      int co;
      if (table.length > 0) {
        coef = table;
        co = p * taps;
      } else {
        phase(p, scratch, 0);
        coef = scratch;
        co = 0;
      }
      float acc = 0f;
      float[] h = hist;
      for (int k = 0; k < taps; k++) {
        acc += h[start + k] * coef[co + k];
      }
      out[w++] = acc;
      next++;
    }
    return w - outOff;
  }

  /**
   * Fills the coefficients of phase p: weights for input offsets d = -half+1 .. half relative to
   * floor(t), where t = floor(t) + p/L.
   */
  private void phase(int p, float[] dst, int at) {
    double frac = (double) p / l;
    double sum = 0;
    double[] w = new double[taps];
    for (int k = 0; k < taps; k++) {
      int d = k - half + 1;
      double x = frac - d; // distance from the input sample to the output time
      w[k] = kernel(x);
      sum += w[k];
    }
    for (int k = 0; k < taps; k++) {
      dst[at + k] = (float) (w[k] / sum);
    }
  }

  private double kernel(double x) {
    double ax = Math.abs(x);
    if (ax >= half) {
      return 0;
    }
    double u = fc * x;
    double sinc = u == 0 ? 1.0 : Math.sin(Math.PI * u) / (Math.PI * u);
    double r = x / half;
    return fc * sinc * besselI0(KAISER_BETA * Math.sqrt(1 - r * r)) / besselI0(KAISER_BETA);
  }

  /** Modified Bessel function of the first kind, order 0 (power series). */
  static double besselI0(double x) {
    double sum = 1;
    double term = 1;
    double q = x * x / 4;
    for (int k = 1; k < 200; k++) {
      term *= q / ((double) k * k);
      sum += term;
      if (term < sum * 1e-17) {
        break;
      }
    }
    return sum;
  }

  private static long ceilDiv(long a, long b) {
    return -Math.floorDiv(-a, b);
  }

  private static int gcd(int a, int b) {
    while (b != 0) {
      int t = a % b;
      a = b;
      b = t;
    }
    return a;
  }

  private static void checkRate(String name, int rate) {
    if (rate < 1 || rate > WavFormat.MAX_SAMPLE_RATE) {
      throw new IllegalArgumentException(
          name + ": " + rate + " (expected 1.." + WavFormat.MAX_SAMPLE_RATE + ")");
    }
  }
}
