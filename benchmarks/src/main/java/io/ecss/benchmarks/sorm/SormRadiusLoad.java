package io.ecss.benchmarks.sorm;

import io.ecss.sorm.StationConfig;
import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * A load harness for the RADIUS → station → console path (the same {@link RadiusPath} as {@link
 * SormRadiusBenchmark}), reporting what JMH does not: the Start → 1.1 latency percentiles while
 * the path runs at full throughput, and the CPU time the process spends per call (less sensitive
 * to other load on a shared machine than wall-clock rates). Index and linear-scan runs alternate
 * so both see the same machine conditions.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar io.ecss.benchmarks.sorm.SormRadiusLoad [calls] [rounds] [number|linear]
 * </pre>
 *
 * <p>Defaults: 100,000 measured calls per run after 30,000 warm-up calls, 2 rounds; {@code
 * --smoke} runs 2,000 calls once (a few seconds).
 */
public final class SormRadiusLoad {
  private SormRadiusLoad() {}

  /**
   * Runs the harness and prints one line per run.
   *
   * @param args {@code [calls] [rounds] [number|linear]} (the last runs one lookup only) or {@code
   *     --smoke}
   * @throws Exception if a run fails (a lost call fails loudly)
   */
  public static void main(String[] args) throws Exception {
    boolean smoke = args.length > 0 && args[0].equals("--smoke");
    int calls = smoke ? 2_000 : args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
    int rounds = smoke ? 1 : args.length > 1 ? Integer.parseInt(args[1]) : 2;
    int warmup = smoke ? 1_000 : 30_000;
    System.out.printf(Locale.ROOT, "%d objects on control, window %d calls, %d calls per run (+%d warm-up), %d CPUs%n",
        RadiusPath.OBJECTS, RadiusPath.WINDOW, calls, warmup, Runtime.getRuntime().availableProcessors());
    for (int r = 0; r < rounds; r++) {
      for (StationConfig.CallLookup lookup : StationConfig.CallLookup.values()) {
        if (args.length < 3 || lookup.name().startsWith(args[2].toUpperCase(Locale.ROOT))) {
          run(lookup, calls, warmup);
        }
      }
    }
  }

  private static void run(StationConfig.CallLookup lookup, int calls, int warmup) throws Exception {
    RadiusPath p = new RadiusPath(lookup);
    p.open();
    try {
      for (int i = 0; i < warmup; i++) {
        p.call();
      }
      drain(p);
      // Loaded: pipelined calls, Start → 1.1 latency of each.
      long[] sent = new long[1 << 20];
      p.latencies = new long[sent.length];
      p.sentAt = sent;
      long first = p.calls;
      com.sun.management.OperatingSystemMXBean os =
          (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
      java.util.Map<String, Long> threads0 = threadCpu();
      long cpu0 = os.getProcessCpuTime();
      long t0 = System.nanoTime();
      for (int i = 0; i < calls; i++) {
        p.call();
      }
      drain(p);
      long wall = System.nanoTime() - t0;
      long cpu = os.getProcessCpuTime() - cpu0;
      java.util.Map<String, Long> threads1 = threadCpu();
      long[] lat = new long[calls];
      for (int i = 0; i < calls; i++) {
        lat[i] = p.latencies[(int) ((first + i) % p.latencies.length)];
      }
      p.sentAt = null;
      Arrays.sort(lat);
      // Unloaded: one call at a time.
      int single = Math.max(1_000, calls / 10);
      long[] one = new long[single];
      for (int i = 0; i < single; i++) {
        long s = System.nanoTime();
        p.startToMessage11();
        one[i] = System.nanoTime() - s;
      }
      drain(p);
      Arrays.sort(one);
      System.out.printf(Locale.ROOT,
          "%-12s %,9.0f calls/s  CPU %6.1f us/call  loaded Start->1.1 p50 %7.1f us p99 %8.1f us p99.9 %8.1f us"
              + "  one-at-a-time p50 %6.1f us p99 %7.1f us%n",
          lookup, calls * 1e9 / wall, cpu / 1e3 / calls, pct(lat, 50), pct(lat, 99), pct(lat, 99.9), pct(one, 50), pct(one, 99));
      StringBuilder perThread = new StringBuilder("    CPU us/call by thread:");
      threads1.forEach((name, t) -> {
        long d = t - threads0.getOrDefault(name, 0L);
        if (d > calls * 1000L) {
          perThread.append(String.format(Locale.ROOT, " %s %.1f;", name, d / 1e3 / calls));
        }
      });
      System.out.println(perThread);
    } finally {
      p.close();
    }
  }

  /** CPU time per thread, threads grouped by name without the port or peer suffix. */
  private static java.util.Map<String, Long> threadCpu() {
    java.lang.management.ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    java.util.Map<String, Long> out = new java.util.TreeMap<>();
    for (Thread t : Thread.getAllStackTraces().keySet()) {
      long c = mx.getThreadCpuTime(t.getId());
      if (c > 0) {
        String name = t.getName().replaceAll(" .*", "");
        out.merge(name, c, Long::sum);
      }
    }
    return out;
  }

  private static void drain(RadiusPath p) throws InterruptedException {
    if (!p.window.tryAcquire(RadiusPath.WINDOW, 10, TimeUnit.SECONDS)) {
      throw new IllegalStateException("calls lost: " + p.window.availablePermits() + " of " + RadiusPath.WINDOW + " slots back");
    }
    p.window.release(RadiusPath.WINDOW);
  }

  private static double pct(long[] sorted, double percentile) {
    int i = (int) Math.ceil(percentile / 100 * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, i))] / 1e3;
  }
}
