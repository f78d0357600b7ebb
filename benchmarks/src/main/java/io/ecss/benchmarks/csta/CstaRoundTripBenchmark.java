package io.ecss.benchmarks.csta;

import io.ecss.csta.CstaClient;
import io.ecss.csta.CstaResponse;
import io.ecss.csta.CstaSimulator;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Requests against the simulator on loopback (client and simulator in the same JVM, sharing the
 * CPUs): {@code RequestSystemStatus} with 1 in flight (SampleTime gives p50/p99 latency) and with
 * 64 in flight (throughput). There is no other CSTA client for Java to compare with; the numbers
 * are recorded as absolute values.
 */
@State(Scope.Benchmark)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class CstaRoundTripBenchmark {
  static final int IN_FLIGHT = 64;

  CstaSimulator sim;
  CstaClient client;

  @Setup(Level.Trial)
  public void setup() throws Exception {
    sim = CstaSimulator.builder().port(0).devices(List.of("101", "102")).build().start();
    client = CstaClient.builder("127.0.0.1", sim.port()).requestTimeout(Duration.ofSeconds(10)).build();
    client.connect().get(5, TimeUnit.SECONDS);
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    client.close();
    sim.close();
  }

  @Benchmark
  @BenchmarkMode({Mode.Throughput, Mode.SampleTime})
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  public CstaResponse.RequestSystemStatusResponse oneInFlight() {
    return client.requestSystemStatus().join();
  }

  @Benchmark
  @BenchmarkMode(Mode.Throughput)
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  @OperationsPerInvocation(IN_FLIGHT)
  public Object sixtyFourInFlight() {
    CompletableFuture<?>[] f = new CompletableFuture<?>[IN_FLIGHT];
    for (int i = 0; i < IN_FLIGHT; i++) {
      f[i] = client.requestSystemStatus();
    }
    return CompletableFuture.allOf(f).join();
  }
}
