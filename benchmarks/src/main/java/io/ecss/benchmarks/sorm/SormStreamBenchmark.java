package io.ecss.benchmarks.sorm;

import io.ecss.sorm.Bytes;
import io.ecss.sorm.SormFrameDecoder;
import io.ecss.sorm.SormMessage;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.concurrent.TimeUnit;
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
import org.openjdk.jmh.infra.Blackhole;

/**
 * The stream decoder over 10 MB of mixed frames (commands 5 and 14, messages 7, 8, 9 and 1.1),
 * fed in 1,460-byte chunks (a TCP segment), against {@link MapBaseline} walking the same buffer
 * frame by frame with a {@code ByteBuffer}.
 */
@State(Scope.Benchmark)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class SormStreamBenchmark {
  static final int SIZE = 10 << 20;
  static final int CHUNK = 1460;

  byte[] stream;
  int frames;

  /** Repeats the mixed frames up to 10 MB. */
  @Setup
  public void setUp() {
    byte[][] mix = {
      Bytes.fromHex(SormCodecBenchmark.COMMAND_5).toByteArray(),
      Bytes.fromHex(SormCodecBenchmark.CALL_EVENT).toByteArray(),
      Bytes.fromHex("CC 01 27 02 00 00 00 00 FF 02 05 00").toByteArray(),
      Bytes.fromHex("CC 01 28 02 00 00 00 00 FF 02 05 33").toByteArray(),
      Bytes.fromHex("CC 01 0E 01 31 32 33 34 35 36 07").toByteArray(),
      Bytes.fromHex("CC 01 29 03 00 00 00 00 FF 02 07 01 01").toByteArray(),
      Bytes.fromHex(SormCodecBenchmark.CALL_EVENT).toByteArray(),
    };
    ByteArrayOutputStream out = new ByteArrayOutputStream(SIZE + 64);
    int n = 0;
    while (out.size() < SIZE) {
      byte[] f = mix[n % mix.length];
      if (out.size() + f.length > SIZE) {
        break;
      }
      out.write(f, 0, f.length);
      n++;
    }
    stream = out.toByteArray();
    frames = n;
  }

  /** Ours: the incremental frame decoder, fed TCP-segment-sized chunks. */
  @Benchmark
  public int streamDecoder(Blackhole bh) {
    SormFrameDecoder d = SormFrameDecoder.of();
    int[] count = {0};
    SormFrameDecoder.Listener l =
        (SormMessage m, long offset, int length) -> {
          bh.consume(m);
          count[0]++;
        };
    for (int i = 0; i < stream.length; i += CHUNK) {
      d.feed(stream, i, Math.min(CHUNK, stream.length - i), l);
    }
    d.finish(l);
    return count[0];
  }

  /** Baseline: walk the whole buffer with a ByteBuffer, one map per frame. */
  @Benchmark
  public int baselineMapDecoder(Blackhole bh) {
    ByteBuffer b = ByteBuffer.wrap(stream);
    int count = 0;
    while (b.hasRemaining()) {
      Map<String, Object> m = MapBaseline.decode(b);
      bh.consume(m);
      count++;
    }
    return count;
  }
}
