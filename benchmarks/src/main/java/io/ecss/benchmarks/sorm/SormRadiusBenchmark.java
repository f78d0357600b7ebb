package io.ecss.benchmarks.sorm;

import io.ecss.sorm.StationConfig;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The whole RADIUS → station → console path on loopback, with 1,000 objects on control: a
 * softswitch stand-in sends Accounting-Requests over UDP to a {@link SormRadiusBridge}, which
 * feeds a {@link SormStationServer}, whose КПД2 link carries the messages over TCP to a {@link
 * SormConsole}. Every call's A number is one of the 1,000 objects, so every call is intercepted.
 *
 * <ul>
 *   <li>{@code calls}: throughput of whole calls (Start, Interim-Update answer, Stop → messages
 *       1.1, 1.2, 1.3 received by the console), pipelined with at most {@value RadiusPath#WINDOW} calls in
 *       flight; ops/s = calls/s.
 *   <li>{@code startToMessage11}: latency from sending an Accounting Start to the console's
 *       listener receiving its message 1.1, one call at a time (the Stop follows unmeasured);
 *       sample mode, so JMH prints p50/p99.
 * </ul>
 *
 * <p>The {@code baseline…} methods run the same path with the station finding objects by a linear
 * scan of the object table ({@link StationConfig.CallLookup#LINEAR_SCAN}) instead of the number
 * index. The softswitch side encodes its packets by hand (a template plus MD5) so the sender costs
 * little of the two shared CPUs; it drains the Accounting-Responses on its own thread.
 */
@Fork(1)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 3)
public class SormRadiusBenchmark {
  /** The number index (the default station). */
  @State(Scope.Benchmark)
  public static class Indexed {
    RadiusPath p;

    /**
     * Starts the path.
     *
     * @throws Exception if it cannot start
     */
    @Setup
    public void open() throws Exception {
      p = new RadiusPath(StationConfig.CallLookup.NUMBER_INDEX);
      p.open();
    }

    /**
     * Stops the path.
     *
     * @throws InterruptedException if interrupted
     */
    @TearDown
    public void close() throws InterruptedException {
      p.close();
    }
  }

  /** The linear scan (baseline). */
  @State(Scope.Benchmark)
  public static class Scanned {
    RadiusPath p;

    /**
     * Starts the path.
     *
     * @throws Exception if it cannot start
     */
    @Setup
    public void open() throws Exception {
      p = new RadiusPath(StationConfig.CallLookup.LINEAR_SCAN);
      p.open();
    }

    /**
     * Stops the path.
     *
     * @throws InterruptedException if interrupted
     */
    @TearDown
    public void close() throws InterruptedException {
      p.close();
    }
  }
  /**
   * Whole calls per second with the number index.
   *
   * @param s the path
   * @return the call's sequence number
   * @throws Exception on a lost call
   */
  @Benchmark
  @BenchmarkMode(Mode.Throughput)
  @OutputTimeUnit(TimeUnit.SECONDS)
  public long calls(Indexed s) throws Exception {
    s.p.started.drainPermits();
    return s.p.call();
  }

  /**
   * Whole calls per second with a linear scan of the object table.
   *
   * @param s the path
   * @return the call's sequence number
   * @throws Exception on a lost call
   */
  @Benchmark
  @BenchmarkMode(Mode.Throughput)
  @OutputTimeUnit(TimeUnit.SECONDS)
  public long baselineCalls(Scanned s) throws Exception {
    s.p.started.drainPermits();
    return s.p.call();
  }

  /**
   * Accounting Start → message 1.1 at the console, with the number index.
   *
   * @param s the path
   * @return the call's sequence number
   * @throws Exception on a lost call
   */
  @Benchmark
  @BenchmarkMode(Mode.SampleTime)
  @OutputTimeUnit(TimeUnit.MICROSECONDS)
  public long startToMessage11(Indexed s) throws Exception {
    return s.p.startToMessage11();
  }

  /**
   * Accounting Start → message 1.1 at the console, with a linear scan of the object table.
   *
   * @param s the path
   * @return the call's sequence number
   * @throws Exception on a lost call
   */
  @Benchmark
  @BenchmarkMode(Mode.SampleTime)
  @OutputTimeUnit(TimeUnit.MICROSECONDS)
  public long baselineStartToMessage11(Scanned s) throws Exception {
    return s.p.startToMessage11();
  }
}
