package io.ecss.csta;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.jspecify.annotations.Nullable;

/** Shared helpers: a simulator on loopback, clients against it, event queues, leak checks. */
final class SimFixture {
  static final String USER = "p.city";
  static final String PASSWORD = "1234";

  private SimFixture() {}

  static List<String> devices() {
    List<String> out = new ArrayList<>();
    for (int i = 101; i <= 120; i++) {
      out.add(Integer.toString(i));
    }
    return out;
  }

  static CstaSimulator simulator() throws IOException {
    return CstaSimulator.builder().port(0).devices(devices()).credentials(USER, PASSWORD).build().start();
  }

  static CstaClient.Builder client(CstaSimulator sim) {
    return CstaClient.builder("127.0.0.1", sim.port())
        .credentials(USER, PASSWORD)
        .connectTimeout(Duration.ofSeconds(2))
        .requestTimeout(Duration.ofSeconds(2))
        .reconnect(new CstaBackoff(Duration.ofMillis(50), Duration.ofMillis(200), 0.2, 0));
  }

  /** Collects events and notifications for assertions. */
  static final class Recorder implements CstaMonitorListener, CstaClientListener {
    final BlockingQueue<CstaEvent> events = new LinkedBlockingQueue<>();
    final BlockingQueue<CstaClient.State> states = new LinkedBlockingQueue<>();
    final BlockingQueue<String> statuses = new LinkedBlockingQueue<>();
    final BlockingQueue<CstaEvent> unrouted = new LinkedBlockingQueue<>();
    final BlockingQueue<List<CstaResponse.SnapshotCall>> resyncs = new LinkedBlockingQueue<>();
    final BlockingQueue<Throwable> ended = new LinkedBlockingQueue<>();
    final List<String> threads = new ArrayList<>();

    @Override
    public void onEvent(CstaEvent event) {
      threads.add(Thread.currentThread().getName());
      events.add(event);
    }

    @Override
    public void onResynchronized(List<CstaResponse.SnapshotCall> calls) {
      resyncs.add(calls);
    }

    @Override
    public void onMonitorEnded(Throwable cause) {
      ended.add(cause);
    }

    @Override
    public void onStateChanged(CstaClient.State state, @Nullable Throwable cause) {
      states.add(state);
    }

    @Override
    public void onSystemStatus(String systemStatus) {
      statuses.add(systemStatus);
    }

    @Override
    public void onUnroutedEvent(CstaEvent event) {
      unrouted.add(event);
    }

    CstaEvent next() throws InterruptedException {
      CstaEvent e = events.poll(3, TimeUnit.SECONDS);
      assertThat(e).as("an event within 3 s").isNotNull();
      return e;
    }

    CstaClient.State nextState() throws InterruptedException {
      CstaClient.State s = states.poll(5, TimeUnit.SECONDS);
      assertThat(s).as("a state change within 5 s").isNotNull();
      return s;
    }

    List<String> names(int n) throws InterruptedException {
      List<String> out = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        out.add(next().name());
      }
      return out;
    }
  }

  static void await(BooleanSupplier condition, String what) throws InterruptedException {
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > end) {
        throw new AssertionError("timed out waiting for " + what);
      }
      Thread.sleep(10);
    }
  }

  /** Fails if any thread of this module is still alive shortly after everything was closed. */
  static void assertNoLeakedThreads() throws InterruptedException {
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(3);
    while (true) {
      List<String> alive = new ArrayList<>();
      for (Thread t : Thread.getAllStackTraces().keySet()) {
        if (t.isAlive() && t.getName().startsWith("ecss-csta")) {
          alive.add(t.getName());
        }
      }
      if (alive.isEmpty()) {
        return;
      }
      if (System.nanoTime() > end) {
        throw new AssertionError("leaked threads: " + alive);
      }
      Thread.sleep(20);
    }
  }
}
