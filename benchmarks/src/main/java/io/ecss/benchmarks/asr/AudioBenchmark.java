package io.ecss.benchmarks.asr;

import io.ecss.asr.audio.Resampler;
import io.ecss.asr.audio.WavFormat;
import io.ecss.asr.audio.WavReader;
import io.ecss.asr.audio.WavWriter;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.UnsupportedAudioFileException;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * WAV reading with channel split, and 8 → 16 kHz resampling, on one minute of 8 kHz stereo call
 * audio (1.92 MB). Baselines in the same run: {@code javax.sound.sampled} reading with a
 * hand-written de-interleave, and linear-interpolation resampling (what one writes first; it has no
 * anti-imaging filter, so it is cheaper and worse — the ratio shows what band-limiting costs).
 *
 * <p>Real-time factor of a resampler = 60 s / time per operation.
 */
@State(Scope.Benchmark)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class AudioBenchmark {
  static final int SECONDS = 60;
  static final int RATE = 8000;

  byte[] wav;
  float[] mono;
  short[][] block = new short[2][4096];

  @Setup
  public void setUp() {
    short[] s = new short[2 * RATE * SECONDS];
    for (int i = 0; i < s.length / 2; i++) {
      double t = (double) i / RATE;
      s[2 * i] = (short) (8000 * Math.sin(2 * Math.PI * 440 * t) + 2000 * Math.sin(2 * Math.PI * 2900 * t));
      s[2 * i + 1] = (short) (6000 * Math.sin(2 * Math.PI * 1200 * t));
    }
    wav = WavWriter.toBytes(WavFormat.stereo(RATE), s);
    mono = new float[RATE * SECONDS];
    for (int i = 0; i < mono.length; i++) {
      mono[i] = s[2 * i] / 32768f;
    }
  }

  @Benchmark
  public long readSplitOurs() throws IOException {
    long sum = 0;
    try (WavReader r = WavReader.open(new ByteArrayInputStream(wav))) {
      int n;
      while ((n = r.readFrames(block, 0, 4096)) > 0) {
        sum += block[0][n - 1] + block[1][n - 1];
      }
    }
    return sum;
  }

  @Benchmark
  public long readSplitJavaxSound() throws IOException, UnsupportedAudioFileException {
    long sum = 0;
    try (AudioInputStream in = AudioSystem.getAudioInputStream(new ByteArrayInputStream(wav))) {
      byte[] buf = new byte[4096 * 4];
      short[] a = new short[4096];
      short[] b = new short[4096];
      int got;
      while ((got = in.readNBytes(buf, 0, buf.length)) > 0) {
        int frames = got / 4;
        for (int i = 0; i < frames; i++) {
          a[i] = (short) ((buf[4 * i] & 0xFF) | (buf[4 * i + 1] << 8));
          b[i] = (short) ((buf[4 * i + 2] & 0xFF) | (buf[4 * i + 3] << 8));
        }
        sum += a[frames - 1] + b[frames - 1];
      }
    }
    return sum;
  }

  @Benchmark
  public float[] resample8to16Ours() {
    return Resampler.resample(mono, 8000, 16000);
  }

  @Benchmark
  public float[] resample8to16LinearBaseline() {
    float[] x = mono;
    int n = x.length * 2;
    float[] y = new float[n];
    for (int i = 0; i < n; i++) {
      double pos = i * 0.5;
      int k = (int) pos;
      double f = pos - k;
      float next = k + 1 < x.length ? x[k + 1] : 0f;
      y[i] = (float) (x[k] * (1 - f) + next * f);
    }
    return y;
  }
}
