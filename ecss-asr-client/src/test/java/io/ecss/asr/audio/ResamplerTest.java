package io.ecss.asr.audio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class ResamplerTest {

  static float[] tone(double hz, int rate, int n, double amp) {
    float[] s = new float[n];
    for (int i = 0; i < n; i++) {
      s[i] = (float) (amp * Math.sin(2 * Math.PI * hz * i / rate));
    }
    return s;
  }

  /** Linear chirp f(t) = f0 + (f1 - f0) t / T, sampled at rate. */
  static float[] chirp(double f0, double f1, double seconds, int rate, int n) {
    float[] s = new float[n];
    double k = (f1 - f0) / seconds;
    for (int i = 0; i < n; i++) {
      double t = (double) i / rate;
      s[i] = (float) (0.5 * Math.sin(2 * Math.PI * (f0 * t + k * t * t / 2)));
    }
    return s;
  }

  /** RMS of (a - b) relative to RMS of b over [from, to), in dB. */
  static double errorDb(float[] a, float[] b, int from, int to) {
    double e = 0;
    double p = 0;
    for (int i = from; i < to; i++) {
      e += (a[i] - b[i]) * (double) (a[i] - b[i]);
      p += b[i] * (double) b[i];
    }
    return 10 * Math.log10(e / p);
  }

  static double rmsDb(float[] a, int from, int to, double reference) {
    double e = 0;
    for (int i = from; i < to; i++) {
      e += a[i] * (double) a[i];
    }
    return 10 * Math.log10(e / (to - from) / (reference * reference / 2));
  }

  @ParameterizedTest(name = "{0} -> {1} Hz, tone at {2} of the lower Nyquist")
  @CsvSource({
    "8000, 16000, 0.05",
    "8000, 16000, 0.5",
    "8000, 16000, 0.85",
    "16000, 8000, 0.3",
    "16000, 8000, 0.85",
    "44100, 16000, 0.7",
    "8000, 11025, 0.8",
    "48000, 8000, 0.6",
    "11025, 8000, 0.85",
  })
  void passbandTonesComeOutAsTheSameToneAtTheNewRate(int in, int out, double fraction) {
    double hz = fraction * Math.min(in, out) / 2;
    int n = in; // one second
    float[] y = Resampler.resample(tone(hz, in, n, 0.5), in, out);
    float[] ideal = tone(hz, out, y.length, 0.5);
    int edge = 200 * Math.max(1, out / in);
    assertThat(errorDb(y, ideal, edge, y.length - edge))
        .as("error of a %.1f Hz tone, %d -> %d", hz, in, out)
        .isLessThan(-70);
  }

  @ParameterizedTest(name = "{0} -> {1} Hz, tone at {2} of the output Nyquist")
  @CsvSource({
    "16000, 8000, 1.08",
    "16000, 8000, 1.5",
    "16000, 8000, 1.95",
    "48000, 16000, 1.1",
    "48000, 8000, 2.5",
    "44100, 8000, 1.2",
  })
  void tonesAboveTheOutputNyquistAreSuppressedNotAliased(int in, int out, double fraction) {
    double hz = fraction * out / 2;
    float[] y = Resampler.resample(tone(hz, in, in, 0.5), in, out);
    int edge = 400;
    assertThat(rmsDb(y, edge, y.length - edge, 0.5))
        .as("alias of a %.1f Hz tone, %d -> %d", hz, in, out)
        .isLessThan(-70);
  }

  @Test
  void chirpUpsampledMatchesTheChirpGeneratedAtTheTargetRate() {
    int n = 2 * 8000;
    float[] y = Resampler.resample(chirp(100, 3400, 2.0, 8000, n), 8000, 16000);
    assertThat(y).hasSize(2 * n);
    float[] ideal = chirp(100, 3400, 2.0, 16000, y.length);
    assertThat(errorDb(y, ideal, 400, y.length - 400)).isLessThan(-70);
  }

  @Test
  void chirpDownsampledMatchesTheChirpGeneratedAtTheTargetRate() {
    int n = 48000;
    float[] y = Resampler.resample(chirp(100, 6800, 1.0, 48000, n), 48000, 16000);
    assertThat(y).hasSize(16000);
    float[] ideal = chirp(100, 6800, 1.0, 16000, y.length);
    assertThat(errorDb(y, ideal, 400, y.length - 400)).isLessThan(-70);
  }

  static Stream<Arguments> streamingCases() {
    return IntStream.range(0, 60)
        .mapToObj(
            seed -> {
              int[][] ratios = {{8000, 16000}, {16000, 8000}, {44100, 16000}, {8000, 11025}, {22050, 8000}, {7, 3}};
              int[] r = ratios[seed % ratios.length];
              return Arguments.of(seed, r[0], r[1]);
            });
  }

  @ParameterizedTest(name = "seed {0}: {1} -> {2}")
  @MethodSource("streamingCases")
  void streamingInAnyBlockSizesGivesTheSameSamplesAsOneCall(int seed, int in, int out) {
    Random rnd = new Random(seed);
    float[] x = new float[rnd.nextInt(5000)];
    for (int i = 0; i < x.length; i++) {
      x[i] = (float) rnd.nextGaussian() * 0.2f;
    }
    float[] whole = Resampler.resample(x, in, out);
    assertThat(whole).hasSize((int) -Math.floorDiv(-(long) x.length * out, in));

    Resampler r = Resampler.create(in, out);
    float[] got = new float[whole.length + r.maxFlush() + r.maxOutput(x.length)];
    int w = 0;
    int off = 0;
    while (off < x.length) {
      int len = Math.min(x.length - off, rnd.nextInt(300));
      int room = r.maxOutput(len);
      w += r.process(x, off, len, got, w);
      assertThat(w).isLessThanOrEqualTo(got.length - room + r.maxOutput(len));
      off += len;
    }
    w += r.flush(got, w);
    assertThat(Arrays.copyOf(got, w)).as("seed %d", seed).isEqualTo(whole);

    // After flush the converter starts a new stream.
    float[] again = new float[got.length];
    int w2 = r.process(x, 0, x.length, again, 0);
    w2 += r.flush(again, w2);
    assertThat(Arrays.copyOf(again, w2)).isEqualTo(whole);
  }

  @Test
  void sameRateIsAnExactCopy() {
    float[] x = {0.1f, -0.2f, 0.3f};
    assertThat(Resampler.resample(x, 8000, 8000)).containsExactly(0.1f, -0.2f, 0.3f);
    Resampler r = Resampler.create(16000, 16000);
    float[] out = new float[r.maxOutput(3)];
    assertThat(r.process(x, 0, 3, out, 0)).isEqualTo(3);
    assertThat(r.flush(out, 3)).isZero();
  }

  @Test
  void ratioWithHugeFilterTableComputesPhasesOnTheFly() {
    int in = 44100;
    int out = 44101; // L = 44101 phases: too many to precompute
    double hz = 1000;
    float[] y = Resampler.resample(tone(hz, in, 3000, 0.5), in, out);
    float[] ideal = tone(hz, out, y.length, 0.5);
    assertThat(errorDb(y, ideal, 300, y.length - 300)).isLessThan(-70);
  }

  @Test
  void shortAndStereoHelpersConvertEachChannel() {
    short[] a = Pcm.toPcm16(tone(500, 8000, 800, 0.5));
    short[] b = Pcm.toPcm16(tone(1500, 8000, 800, 0.25));
    PcmAudio st = PcmAudio.ofChannels(8000, a, b);
    PcmAudio up = Resampler.resample(st, 16000);
    assertThat(up.format()).isEqualTo(WavFormat.stereo(16000));
    assertThat(up.frames()).isEqualTo(1600);
    assertThat(up.channel(0)).isEqualTo(Resampler.resample(a, 8000, 16000));
    assertThat(up.channel(1)).isEqualTo(Resampler.resample(b, 8000, 16000));
  }

  @Test
  void rejectsRatesOutOfRange() {
    assertThatThrownBy(() -> Resampler.create(0, 8000))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("inRate: 0 (expected 1..384000)");
    assertThatThrownBy(() -> Resampler.create(8000, 400_000))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("outRate: 400000 (expected 1..384000)");
  }

  @Test
  void besselI0MatchesKnownValues() {
    assertThat(Resampler.besselI0(0)).isEqualTo(1.0);
    assertThat(Resampler.besselI0(1)).isCloseTo(1.2660658777520082, org.assertj.core.data.Offset.offset(1e-15));
    // Abramowitz & Stegun, table 9.8: e^-8 I0(8) = 0.1434317818
    assertThat(Resampler.besselI0(8) * Math.exp(-8)).isCloseTo(0.1434317818, org.assertj.core.data.Offset.offset(1e-10));
  }
}
