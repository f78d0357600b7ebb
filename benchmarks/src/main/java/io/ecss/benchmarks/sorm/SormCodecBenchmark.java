package io.ecss.benchmarks.sorm;

import io.ecss.sorm.Bytes;
import io.ecss.sorm.SormCodec;
import io.ecss.sorm.SormMessage;
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

/**
 * Decode and encode of command 5 (notes §9 E4) and of a КПД2 call event (message 1.1, E8):
 * {@link SormCodec} against {@link MapBaseline}, a straightforward {@code ByteBuffer} decoder
 * into a {@code Map<String,Object>}.
 */
@State(Scope.Benchmark)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class SormCodecBenchmark {
  static final String COMMAND_5 =
      "CC 01 05 13 31 32 33 34 35 36 05 00 01 01 07 32 54 76 F8 FF FF FF FF FF FF FF 01 01 02";
  static final String CALL_EVENT =
      "CC 01 41 24 02 01 01 05 00 01 11 00 01 07 32 54 76 F8 FF FF FF FF FF 04 0A 94 15 32 54 76"
          + " FF FF FF FF FF FF 01 FF 51 41 03 50 02 00 FF FF FF FF";

  byte[] command5;
  byte[] callEvent;
  SormMessage command5Message;
  SormMessage callEventMessage;
  Map<String, Object> command5Map;
  Map<String, Object> callEventMap;
  final byte[] out = new byte[SormCodec.MAX_FRAME_LENGTH];
  final ByteBuffer outBuffer = ByteBuffer.wrap(out);
  final SormCodec codec = SormCodec.DEFAULT;

  /** Builds the fixtures from the golden vectors. */
  @Setup
  public void setUp() {
    command5 = Bytes.fromHex(COMMAND_5).toByteArray();
    callEvent = Bytes.fromHex(CALL_EVENT).toByteArray();
    command5Message = codec.decode(command5);
    callEventMessage = codec.decode(callEvent);
    command5Map = MapBaseline.decode(ByteBuffer.wrap(command5));
    callEventMap = MapBaseline.decode(ByteBuffer.wrap(callEvent));
  }

  /** Ours: decode command 5. */
  @Benchmark
  public SormMessage decodeCommand5() {
    return codec.decode(command5);
  }

  /** Baseline: decode command 5 into a map. */
  @Benchmark
  public Map<String, Object> baselineDecodeCommand5() {
    return MapBaseline.decode(ByteBuffer.wrap(command5));
  }

  /** Ours: decode КПД2 message 1.1. */
  @Benchmark
  public SormMessage decodeCallEvent() {
    return codec.decode(callEvent);
  }

  /** Baseline: decode КПД2 message 1.1 into a map. */
  @Benchmark
  public Map<String, Object> baselineDecodeCallEvent() {
    return MapBaseline.decode(ByteBuffer.wrap(callEvent));
  }

  /** Ours: encode command 5 into a reused buffer. */
  @Benchmark
  public int encodeCommand5() {
    return codec.encode(command5Message, out, 0);
  }

  /** Baseline: encode command 5 from a map into a reused buffer. */
  @Benchmark
  public int baselineEncodeCommand5() {
    return MapBaseline.encode(command5Map, outBuffer);
  }

  /** Ours: encode КПД2 message 1.1 into a reused buffer. */
  @Benchmark
  public int encodeCallEvent() {
    return codec.encode(callEventMessage, out, 0);
  }

  /** Baseline: encode КПД2 message 1.1 from a map into a reused buffer. */
  @Benchmark
  public int baselineEncodeCallEvent() {
    return MapBaseline.encode(callEventMap, outBuffer);
  }
}
