package io.ecss.benchmarks.clerk;

import io.ecss.clerk.ClerkMatcher;
import java.util.List;

/**
 * Retained heap of the clerk index per phonebook entry (run with {@code java -cp benchmarks.jar
 * io.ecss.benchmarks.clerk.ClerkIndexFootprint}); also times the index build.
 */
public final class ClerkIndexFootprint {
  private ClerkIndexFootprint() {}

  /**
   * Prints entries, build time and bytes per entry for 1,000 and 100,000 generated entries.
   *
   * @param args ignored
   */
  public static void main(String[] args) {
    for (int size : new int[] {1_000, 100_000}) {
      ClerkFixtures f = new ClerkFixtures(size, 10_000, 10, 42L);
      ClerkMatcher.Builder b =
          ClerkMatcher.builder().phonebook(f.entries).aliases(f.aliases);
      b.build(); // warm-up
      long before = used();
      java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
      long c0 = mx.getCurrentThreadCpuTime();
      long t0 = System.nanoTime();
      ClerkMatcher m = b.build();
      long ms = (System.nanoTime() - t0) / 1_000_000;
      long cpuMs = (mx.getCurrentThreadCpuTime() - c0) / 1_000_000;
      long after = used();
      System.out.printf(
          "entries=%d build=%d ms wall, %d ms CPU; index=%d bytes/entry"
              + " (excluding the entries themselves)%n",
          m.size(), ms, cpuMs, (after - before) / size);
      List<?> keep = List.of(m, f);
      if (keep.isEmpty()) {
        System.out.println();
      }
    }
  }

  private static long used() {
    Runtime rt = Runtime.getRuntime();
    long prev = Long.MAX_VALUE;
    for (int i = 0; i < 10; i++) {
      System.gc();
      long u = rt.totalMemory() - rt.freeMemory();
      if (u >= prev) {
        return u;
      }
      prev = u;
    }
    return prev;
  }
}
