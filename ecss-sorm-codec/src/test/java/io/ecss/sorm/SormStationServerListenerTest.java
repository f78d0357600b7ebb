package io.ecss.sorm;

import static io.ecss.sorm.SormStationServerTest.PW;
import static io.ecss.sorm.SormStationServerTest.T;
import static io.ecss.sorm.SormStationServerTest.add;
import static io.ecss.sorm.SormStationServerTest.get;
import static io.ecss.sorm.SormStationServerTest.readFrame;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@link SormStationServer.Listener} over real loopback sockets, and the buffered КПД1 reader (a
 * command in many TCP writes, several commands in one write). Every wait is on an event or a
 * reply, never a sleep.
 */
@Timeout(30)
class SormStationServerListenerTest {
  final List<AutoCloseable> toClose = new ArrayList<>();

  @AfterEach
  void closeAllAndCheckThreads() throws Exception {
    for (int i = toClose.size() - 1; i >= 0; i--) {
      toClose.get(i).close();
    }
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (System.nanoTime() < deadline && !SormStationServerTest.sormThreads().isEmpty()) {
      Thread.sleep(10);
    }
    assertThat(SormStationServerTest.sormThreads()).as("threads left running").isEmpty();
  }

  /** Records every event as a line, with the thread it ran on checked. */
  static final class Recorder implements SormStationServer.Listener {
    final BlockingQueue<String> events = new LinkedBlockingQueue<>();
    final List<String> wrongThreads = new ArrayList<>();

    private void add(String e) {
      String t = Thread.currentThread().getName();
      if (!t.startsWith("ecss-sorm-station-events ")) {
        synchronized (wrongThreads) {
          wrongThreads.add(e + " on " + t);
        }
      }
      events.add(e);
    }

    @Override
    public void kpd1Connected(InetSocketAddress remote) {
      add("kpd1 connected " + remote.getPort());
    }

    @Override
    public void kpd1Disconnected(InetSocketAddress remote) {
      add("kpd1 disconnected " + remote.getPort());
    }

    @Override
    public void kpd2Connected(InetSocketAddress remote, int links) {
      add("kpd2 connected " + links);
    }

    @Override
    public void kpd2Disconnected(InetSocketAddress remote, int links) {
      add("kpd2 disconnected " + links);
    }

    @Override
    public void sormStarted() {
      add("started");
    }

    @Override
    public void sormStopped() {
      add("stopped");
    }

    @Override
    public void objectsChanged(int count) {
      add("objects " + count);
    }

    @Override
    public void linkFaulty(long discardedSoFar) {
      add("faulty " + discardedSoFar);
    }

    @Override
    public void linkRestored() {
      add("restored");
    }

    @Override
    public void radiusCountersChanged(SormRadiusBridge bridge) {
      add("radius " + bridge.accepted() + "/" + bridge.wrongSecret());
    }

    String next() throws InterruptedException {
      String e = events.poll(10, TimeUnit.SECONDS);
      assertThat(e).as("an event within 10 s").isNotNull();
      return e;
    }

    /** The next events, which may come in any order (e.g. two links closing at once). */
    List<String> next(int n) throws InterruptedException {
      List<String> l = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        l.add(next());
      }
      return l;
    }
  }

  SormStationServer server(StationConfig config) throws Exception {
    SormStationServer s =
        SormStationServer.start(new SormStation(config), SormStationServerTest.ANY, SormStationServerTest.ANY);
    toClose.add(s);
    return s;
  }

  SormStationServer server() throws Exception {
    return server(StationConfig.defaults().withPassword(PW));
  }

  static int kpd1Port(Recorder r) throws InterruptedException {
    String e = r.next();
    assertThat(e).startsWith("kpd1 connected ");
    return Integer.parseInt(e.substring("kpd1 connected ".length()));
  }

  /** A console with both links: the two acceptors run apart, so either connection may come first. */
  static int kpd1PortWithKpd2(Recorder r) throws InterruptedException {
    List<String> e = r.next(2);
    assertThat(e).contains("kpd2 connected 1");
    String kpd1 = e.get(e.get(0).equals("kpd2 connected 1") ? 1 : 0);
    assertThat(kpd1).startsWith("kpd1 connected ");
    return Integer.parseInt(kpd1.substring("kpd1 connected ".length()));
  }

  @Test
  void connectionsAndStateChangesArriveInOrderOnTheEventThread() throws Exception {
    SormStationServer s = server();
    Recorder r = new Recorder();
    s.addListener(r);
    SormConsole c = SormConsole.connect(s.kpd1Address(), s.kpd2Address(), SormCodec.DEFAULT, T);
    int port = kpd1PortWithKpd2(r);
    assertThat(get(c.send(new SormCommand.Start(1, PW), T)).isSuccess()).isTrue();
    assertThat(r.next()).isEqualTo("started");
    assertThat(get(c.send(add(1, "7001"), T)).isSuccess()).isTrue();
    assertThat(get(c.send(add(2, "7002"), T)).isSuccess()).isTrue();
    assertThat(r.next(2)).containsExactly("objects 1", "objects 2");
    // a refused command changes nothing: no event
    assertThat(get(c.send(add(1, "7009"), T)).isSuccess()).isFalse();
    assertThat(get(c.send(new SormCommand.RemoveObject(1, PW, 1, ObjectType.NONE, PhoneNumber.NONE, 0xFFFF), T))
        .isSuccess()).isTrue();
    assertThat(r.next()).isEqualTo("objects 1");
    assertThat(get(c.send(new SormCommand.Stop(1, PW), T)).isSuccess()).isTrue();
    assertThat(r.next()).isEqualTo("stopped");
    c.close();
    assertThat(r.next(2)).containsExactlyInAnyOrder("kpd1 disconnected " + port, "kpd2 disconnected 0");
    assertThat(r.wrongThreads).isEmpty();
    assertThat(r.events).isEmpty();
  }

  @Test
  void aReplacingConsoleIsOnlyAConnection() throws Exception {
    SormStationServer s = server();
    Recorder r = new Recorder();
    s.addListener(r);
    SormConsole first = SormConsole.connect(s.kpd1Address(), null, SormCodec.DEFAULT, T);
    toClose.add(first);
    int p1 = kpd1Port(r);
    SormConsole second = SormConsole.connect(s.kpd1Address(), null, SormCodec.DEFAULT, T);
    toClose.add(second);
    int p2 = kpd1Port(r);
    assertThat(p2).isNotEqualTo(p1);
    assertThat(get(second.send(new SormCommand.Start(1, PW), T)).isSuccess()).isTrue();
    assertThat(r.next()).isEqualTo("started");
    second.close();
    assertThat(r.next()).isEqualTo("kpd1 disconnected " + p2);
    assertThat(s.hasKpd1()).isFalse();
    s.close();
    assertThat(r.events).isEmpty();
  }

  @Test
  void idleTimeoutIsReportedAndACommandRestoresTheLink() throws Exception {
    ManualClock clock = new ManualClock();
    SormStationServer s = SormStationServer.start(
        new SormStation(StationConfig.defaults().withPassword(PW).withIdleTimeout(Duration.ofMillis(100)), clock),
        SormStationServerTest.ANY, SormStationServerTest.ANY);
    toClose.add(s);
    Recorder r = new Recorder();
    s.addListener(r);
    SormConsole c = SormConsole.connect(s.kpd1Address(), null, SormCodec.DEFAULT, T);
    toClose.add(c);
    kpd1Port(r);
    assertThat(get(c.send(new SormCommand.Start(1, PW), T)).isSuccess()).isTrue();
    assertThat(r.next()).isEqualTo("started");
    clock.millis.addAndGet(1_000); // the server's idle timer sees the link silent for a second
    assertThat(r.next()).isEqualTo("faulty 0");
    assertThat(s.station().isLinkFaulty()).isTrue();
    assertThat(get(c.send(new SormCommand.Stop(1, PW), T)).isSuccess()).isTrue();
    assertThat(r.next(2)).containsExactly("restored", "stopped");
    assertThat(r.wrongThreads).isEmpty();
  }

  @Test
  void aThrowingOrSlowListenerStopsNeitherTheServerNorOtherListeners() throws Exception {
    SormStationServer s = server();
    CountDownLatch release = new CountDownLatch(1);
    s.addListener(new SormStationServer.Listener() {
      @Override
      public void kpd1Connected(InetSocketAddress remote) {
        throw new IllegalStateException("listener bug");
      }

      @Override
      public void sormStarted() {
        try {
          release.await(10, TimeUnit.SECONDS); // a slow listener holds the event thread
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
    });
    Recorder r = new Recorder();
    s.addListener(r);
    SormConsole c = SormConsole.connect(s.kpd1Address(), null, SormCodec.DEFAULT, T);
    toClose.add(c);
    kpd1Port(r);
    assertThat(get(c.send(new SormCommand.Start(1, PW), T)).isSuccess()).isTrue();
    // the event thread is blocked in the slow listener, yet commands are answered
    assertThat(get(c.send(add(1, "7001"), T)).isSuccess()).isTrue();
    assertThat(get(c.send(new SormCommand.SoftwareVersionRequest(1, PW), T)).data()).hasSize(1);
    assertThat(r.events).isEmpty();
    release.countDown();
    assertThat(r.next(2)).containsExactly("started", "objects 1");
    assertThat(s.removeListener(r)).isTrue();
    assertThat(s.removeListener(r)).isFalse();
  }

  @Test
  void radiusCountersChangesAreReported() throws Exception {
    SormStationServer s = server();
    Recorder r = new Recorder();
    s.addListener(r);
    SormRadiusBridge b = SormRadiusBridge.start(s, SormStationServerTest.ANY, "s3cret", NumberAdaptation.NONE);
    toClose.add(b);
    try (SormRadiusReporter rep = SormRadiusReporter.create(b.address(), "s3cret")) {
      rep.start("c1", "1001", "1002"); // answered: counted before the answer was sent
    }
    String e;
    do {
      e = r.next();
    } while (!e.equals("radius 1/0"));
    assertThat(r.wrongThreads).isEmpty();
  }

  @Test
  void aCommandInManyWritesAndManyCommandsInOneWrite() throws Exception {
    SormStationServer s = server();
    try (Socket raw = new Socket()) {
      raw.setTcpNoDelay(true);
      raw.connect(s.kpd1Address(), 5000);
      raw.setSoTimeout(5000);
      OutputStream out = raw.getOutputStream();
      DataInputStream in = new DataInputStream(raw.getInputStream());
      // commands 1 and 5, one byte per write and flush
      byte[] start = SormCodec.DEFAULT.encode(new SormCommand.Start(1, PW));
      byte[] add = SormCodec.DEFAULT.encode(add(3, "2345678"));
      for (byte[] frame : List.of(start, add)) {
        for (byte b : frame) {
          out.write(b);
          out.flush();
        }
        assertThat(readFrame(in)).isInstanceOf(Kpd1Message.Receipt.class).extracting(m -> ((Kpd1Message.Receipt) m).status())
            .isEqualTo(StatusCode.OK);
        assertThat(readFrame(in)).isInstanceOf(Kpd1Message.Execution.class).extracting(m -> ((Kpd1Message.Execution) m).status())
            .isEqualTo(StatusCode.OK);
      }
      // a frame split at every odd place: header, inside the password, inside the number
      int[] cuts = {1, 3, 4, 7, 11, 20, 27};
      byte[] add4 = SormCodec.DEFAULT.encode(add(4, "2345679"));
      int from = 0;
      for (int cut : cuts) {
        out.write(add4, from, cut - from);
        out.flush();
        from = cut;
      }
      out.write(add4, from, add4.length - from);
      out.flush();
      assertThat(readFrame(in)).isEqualTo(new Kpd1Message.Receipt(1, 1, 1, 5, StatusCode.OK));
      assertThat(readFrame(in)).isEqualTo(new Kpd1Message.Execution(1, 1, 1, 5, StatusCode.OK));
      // garbage, three commands, a bad frame and a fourth command in one write
      ByteArrayOutputStream batch = new ByteArrayOutputStream();
      batch.write(new byte[] {0x00, 0x11});
      batch.write(SormCodec.DEFAULT.encode(add(5, "2345670")));
      batch.write(SormCodec.DEFAULT.encode(add(3, "2345678"))); // already set
      batch.write(SormCodec.DEFAULT.encode(new SormCommand.Stop(1, PW)));
      batch.write(new byte[] {(byte) 0xCC, 0x01, 0x70, 0x00}); // unknown header size
      batch.write(SormCodec.DEFAULT.encode(new SormCommand.Start(1, PW)));
      out.write(batch.toByteArray());
      out.flush();
      assertThat(readFrame(in)).isEqualTo(new Kpd1Message.Receipt(1, 1, 1, 5, StatusCode.OK));
      assertThat(readFrame(in)).isEqualTo(new Kpd1Message.Execution(1, 1, 1, 5, StatusCode.OK));
      assertThat(readFrame(in)).isEqualTo(new Kpd1Message.Receipt(1, 1, 1, 5, StatusCode.OK));
      assertThat(readFrame(in)).isEqualTo(new Kpd1Message.Execution(1, 1, 1, 5, StatusCode.OBJECT_ALREADY_SET));
      assertThat(readFrame(in)).isEqualTo(new Kpd1Message.Receipt(1, 1, 1, 2, StatusCode.OK));
      assertThat(readFrame(in)).isEqualTo(new Kpd1Message.Execution(1, 1, 1, 2, StatusCode.OK));
      assertThat(readFrame(in)).isEqualTo(new Kpd1Message.Receipt(1, 1, 1, 0x70, StatusCode.PARAMETER_ERROR));
      assertThat(readFrame(in)).isEqualTo(new Kpd1Message.Execution(1, 1, 1, 0x70, StatusCode.PARAMETER_ERROR));
      assertThat(readFrame(in)).isEqualTo(new Kpd1Message.Receipt(1, 1, 1, 1, StatusCode.OK));
      assertThat(readFrame(in)).isEqualTo(new Kpd1Message.Execution(1, 1, 1, 1, StatusCode.OK));
      assertThat(s.droppedBytes()).isEqualTo(2 + 4);
      assertThat(s.undecodableFrames()).isEqualTo(1);
      assertThat(s.station().objectCount()).isEqualTo(3);
    }
  }

  @Test
  void readmeListenerSnippet() throws Exception {
    SormStationServer server = server(StationConfig.defaults().withPassword(PW));
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    PrintStream saved = System.out;
    System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
    try {
      // --- README listener snippet, verbatim ---
      server.addListener(new SormStationServer.Listener() {
        @Override public void kpd1Connected(InetSocketAddress remote) { System.out.println("console " + remote); }
        @Override public void kpd1Disconnected(InetSocketAddress remote) { System.out.println("console gone"); }
        @Override public void sormStarted() { System.out.println("SORM started"); }
        @Override public void objectsChanged(int count) { System.out.println(count + " objects on control"); }
      });
      // --- end of snippet ---
      Recorder r = new Recorder();
      server.addListener(r);
      try (SormConsole c = SormConsole.connect(server.kpd1Address(), null, SormCodec.DEFAULT, T)) {
        assertThat(get(c.send(new SormCommand.Start(1, PW), T)).isSuccess()).isTrue();
        assertThat(get(c.send(add(1, "7001"), T)).isSuccess()).isTrue();
      }
      // listeners are called in the order they were added: the snippet's printed before r saw it
      assertThat(r.next(4).get(3)).startsWith("kpd1 disconnected ");
    } finally {
      System.setOut(saved);
    }
    String out = printed.toString(StandardCharsets.UTF_8);
    assertThat(out).startsWith("console /127.0.0.1:").endsWith("\nSORM started\n1 objects on control\nconsole gone\n");
  }

  /**
   * close() called from a listener (on the event thread) used to wait its whole 5-second deadline
   * for the event thread to end — the thread running it.
   */
  @Test
  void closeFromAListenerDoesNotWaitForItself() throws Exception {
    SormStationServer s = server();
    CompletableFuture<Long> closeMillis = new CompletableFuture<>();
    s.addListener(new SormStationServer.Listener() {
      @Override
      public void kpd1Connected(InetSocketAddress remote) {
        long t0 = System.nanoTime();
        s.close();
        closeMillis.complete(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0));
      }
    });
    try (Socket raw = new Socket()) {
      raw.connect(s.kpd1Address(), 5000);
      assertThat(closeMillis.get(10, TimeUnit.SECONDS)).as("close() from a listener, ms").isLessThan(2500);
    }
  }

  @Test
  void consoleCloseFromItsListenerDoesNotWaitForItself() throws Exception {
    SormStationServer s = server();
    SormConsole c = SormConsole.connect(s.kpd1Address(), s.kpd2Address(), SormCodec.DEFAULT, T);
    toClose.add(c);
    CompletableFuture<Long> closeMillis = new CompletableFuture<>();
    c.onKpd2(m -> {
      long t0 = System.nanoTime();
      c.close();
      closeMillis.complete(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0));
    });
    SormStationServerTest.awaitTrue(() -> s.kpd2Count() == 1);
    s.sendKpd2(new Kpd2Message.TestReply(1, 1, 1, 1));
    assertThat(closeMillis.get(10, TimeUnit.SECONDS)).as("close() from a listener, ms").isLessThan(2500);
  }

  @Test
  void eventsQueuedBeforeCloseAreDelivered() throws Exception {
    SormStationServer s = server();
    Recorder r = new Recorder();
    s.addListener(r);
    SormConsole c = SormConsole.connect(s.kpd1Address(), s.kpd2Address(), SormCodec.DEFAULT, T);
    toClose.add(c);
    int port = kpd1PortWithKpd2(r);
    s.close();
    // close() returned: the disconnections were already delivered
    assertThat(new ArrayList<>(r.events)).containsExactlyInAnyOrder("kpd1 disconnected " + port, "kpd2 disconnected 0");
  }

  /** A clock the test moves by hand, so the idle timer fires exactly when the test says. */
  static final class ManualClock extends Clock {
    final AtomicLong millis = new AtomicLong(1_000_000);

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return Instant.ofEpochMilli(millis.get());
    }
  }
}
