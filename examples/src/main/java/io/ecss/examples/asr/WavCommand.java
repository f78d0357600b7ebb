package io.ecss.examples.asr;

import io.ecss.asr.audio.Resampler;
import io.ecss.asr.audio.WavFormat;
import io.ecss.asr.audio.WavReader;
import io.ecss.asr.audio.WavWriter;
import io.ecss.examples.Inputs;
import java.io.ByteArrayInputStream;
import java.io.FileOutputStream;
import java.io.FileDescriptor;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code ecss asr wav}: inspect and resample WAV files. */
@Command(
    name = "wav",
    mixinStandardHelpOptions = true,
    description = "WAV files: format and duration, band-limited resampling.",
    subcommands = {WavCommand.Info.class, WavCommand.Resample.class})
public final class WavCommand {

  /** Creates the command; picocli calls this. */
  public WavCommand() {}

  /** {@code ecss asr wav info}. */
  @Command(
      name = "info",
      mixinStandardHelpOptions = true,
      description = "Print the format, sample rate, channels and duration of a WAV file.")
  static final class Info implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "WAV file, or - for standard input.")
    String file;

    @Override
    public Integer call() throws IOException {
      try (WavReader r = open(file)) {
        WavFormat f = r.format();
        // Read every frame: a truncated or lying file is reported, not described.
        long frames = 0;
        short[] buf = new short[8192 * f.channels()];
        int n;
        while ((n = r.read(buf, 0, 8192)) > 0) {
          frames += n;
        }
        PrintWriter out = spec.commandLine().getOut();
        out.println("file:        " + Inputs.name(file));
        out.println("format:      PCM 16-bit little-endian");
        out.println("sample rate: " + f.sampleRate() + " Hz");
        out.println("channels:    " + f.channels());
        out.println("frames:      " + frames);
        out.println(
            "duration:    "
                + String.format(Locale.ROOT, "%.3f", frames / (double) f.sampleRate())
                + " s");
        out.flush();
      }
      return 0;
    }
  }

  /** {@code ecss asr wav resample}. */
  @Command(
      name = "resample",
      mixinStandardHelpOptions = true,
      description = {
        "Convert a WAV file to another sample rate (polyphase windowed-sinc, each channel"
            + " separately), e.g. 8 kHz calls to the 16 kHz a small Vosk model expects."
      })
  static final class Resample implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--rate", required = true, paramLabel = "HZ", description = "Output sample rate.")
    int rate;

    @Parameters(index = "0", paramLabel = "IN", description = "Input WAV, or - for standard input.")
    String in;

    @Parameters(index = "1", paramLabel = "OUT", description = "Output WAV, or - for standard output.")
    String out;

    @Override
    public Integer call() throws IOException {
      if (rate < 1 || rate > WavFormat.MAX_SAMPLE_RATE) {
        throw new CommandLine.ParameterException(
            spec.commandLine(), "--rate: " + rate + " (expected 1.." + WavFormat.MAX_SAMPLE_RATE + ")");
      }
      try (WavReader r = open(in)) {
        WavFormat f = r.format();
        WavFormat target = new WavFormat(rate, f.channels());
        if ("-".equals(out)) {
          // The header's sizes are known only at the end: convert to a temporary file first.
          Path tmp = Files.createTempFile("ecss-resample", ".wav");
          try {
            convert(r, tmp, target);
            OutputStream stdout = new FileOutputStream(FileDescriptor.out);
            Files.copy(tmp, stdout);
            stdout.flush();
          } finally {
            Files.deleteIfExists(tmp);
          }
        } else {
          convert(r, Path.of(out), target);
        }
      }
      return 0;
    }

    private static void convert(WavReader r, Path dst, WavFormat target) throws IOException {
      WavFormat f = r.format();
      int ch = f.channels();
      Resampler[] rs = new Resampler[ch];
      for (int c = 0; c < ch; c++) {
        rs[c] = Resampler.create(f.sampleRate(), target.sampleRate());
      }
      int block = 8192;
      short[][] in = new short[ch][block];
      float[] x = new float[block];
      float[][] y = new float[ch][Math.max(rs[0].maxOutput(block), rs[0].maxFlush())];
      short[][] pcm = new short[ch][y[0].length];
      try (WavWriter w = WavWriter.open(dst, target)) {
        int n;
        while ((n = r.readFrames(in, 0, block)) > 0) {
          int m = 0;
          for (int c = 0; c < ch; c++) {
            for (int i = 0; i < n; i++) {
              x[i] = in[c][i] / 32768f;
            }
            m = rs[c].process(x, 0, n, y[c], 0);
            toPcm(y[c], pcm[c], m);
          }
          w.writeFrames(pcm, 0, m);
        }
        int m = 0;
        for (int c = 0; c < ch; c++) {
          m = rs[c].flush(y[c], 0);
          toPcm(y[c], pcm[c], m);
        }
        w.writeFrames(pcm, 0, m);
      }
    }

    private static void toPcm(float[] y, short[] dst, int n) {
      short[] s = io.ecss.asr.audio.Pcm.toPcm16(java.util.Arrays.copyOf(y, n));
      System.arraycopy(s, 0, dst, 0, n);
    }
  }

  static WavReader open(String file) throws IOException {
    if ("-".equals(file)) {
      return WavReader.open(new ByteArrayInputStream(Inputs.readBytes(file)));
    }
    InputStream s = Files.newInputStream(Path.of(file));
    try {
      return WavReader.open(s);
    } catch (IOException | RuntimeException e) {
      s.close();
      throw e;
    }
  }
}
