package io.ecss.csta;

import static io.ecss.csta.SimFixture.assertNoLeakedThreads;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** Interleavings of user calls with reconnect and close, forced with scripted delays. */
class CstaRaceTest extends SimulatorClientTest {

  @Test
  void aMonitorStoppedAfterItsRestartButBeforeTheReconnectEndsIsStoppedOnTheSwitch() throws Exception {
    SimFixture.Recorder client = new SimFixture.Recorder();
    CstaClient c = connected(SimFixture.client(sim).listener(client));
    assertThat(client.nextState()).isEqualTo(CstaClient.State.CONNECTING);
    assertThat(client.nextState()).isEqualTo(CstaClient.State.CONNECTED);
    SimFixture.Recorder rec = new SimFixture.Recorder();
    CstaMonitor m = c.monitor("104", rec).get(5, TimeUnit.SECONDS);
    String oldXref = m.monitorCrossRefId();

    // The MonitorStart of the resync is answered at once, its SnapshotDevice 1 s later: the user
    // stops the monitor in between, while the client is still RECONNECTING.
    sim.delayNextResponse("SnapshotDevice", Duration.ofSeconds(1));
    sim.dropConnections();
    assertThat(client.nextState()).isEqualTo(CstaClient.State.RECONNECTING);
    SimFixture.await(() -> !m.monitorCrossRefId().equals(oldXref), "the monitor's restart");
    assertThat(c.state()).isEqualTo(CstaClient.State.RECONNECTING);
    m.stop().get(5, TimeUnit.SECONDS);
    assertThat(client.nextState()).isEqualTo(CstaClient.State.CONNECTED);

    // A monitor started now sees 104's events after any monitor left over on the switch.
    SimFixture.Recorder fresh = new SimFixture.Recorder();
    c.monitor("104", fresh).get(5, TimeUnit.SECONDS);
    c.makeCall("104", "105").get(5, TimeUnit.SECONDS);
    assertThat(fresh.names(3)).containsExactly("ServiceInitiatedEvent", "OriginatedEvent", "DeliveredEvent");
    assertThat(client.unrouted).as("events of a monitor left running on the switch").isEmpty();
    assertThat(rec.events).isEmpty();
    assertThat(rec.resyncs).isEmpty();
  }

  @Test
  void aLinkLostRightAfterAReconnectIsReportedAfterThatReconnectsConnected() throws Exception {
    ExecutorService pool = Executors.newSingleThreadExecutor();
    CountDownLatch held = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    AtomicBoolean armed = new AtomicBoolean();
    // Holds the connector thread when it first hands callbacks over after the reconnect, so the
    // link can drop between the reconnect's CONNECTED and the connector's next step.
    Executor gate = r -> {
      if (Thread.currentThread().getName().startsWith("ecss-csta-connect ") && armed.compareAndSet(true, false)) {
        held.countDown();
        try {
          release.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
      pool.execute(r);
    };
    try {
      SimFixture.Recorder client = new SimFixture.Recorder();
      CstaClient c = connected(SimFixture.client(sim).callbackExecutor(gate).listener(client));
      assertThat(client.nextState()).isEqualTo(CstaClient.State.CONNECTING);
      assertThat(client.nextState()).isEqualTo(CstaClient.State.CONNECTED);
      c.monitor("103", new SimFixture.Recorder()).get(5, TimeUnit.SECONDS);

      armed.set(true);
      sim.dropConnections();
      assertThat(held.await(5, TimeUnit.SECONDS)).as("the reconnect's callbacks").isTrue();
      assertThat(c.state()).isEqualTo(CstaClient.State.CONNECTED);
      sim.dropConnections();
      SimFixture.await(() -> c.state() == CstaClient.State.RECONNECTING, "the second loss");
      release.countDown();
      SimFixture.await(() -> c.state() == CstaClient.State.CONNECTED, "the second reconnect");
      List<CstaClient.State> seen = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        seen.add(client.nextState());
      }
      assertThat(seen).as("state changes in the order they happened").containsExactly(
          CstaClient.State.RECONNECTING, CstaClient.State.CONNECTED,
          CstaClient.State.RECONNECTING, CstaClient.State.CONNECTED);
      c.close();
      assertThat(client.nextState()).isEqualTo(CstaClient.State.CLOSED);
    } finally {
      release.countDown();
      for (CstaClient c : clients) {
        c.close();
      }
      pool.shutdown();
      assertThat(pool.awaitTermination(5, TimeUnit.SECONDS)).isTrue();
    }
  }

  /** Reads frames from the scripted switch's socket. */
  private static final class Frames {
    final InputStream in;
    final CstaFrameDecoder decoder = new CstaFrameDecoder();
    final ArrayDeque<CstaFrame> ready = new ArrayDeque<>();
    final byte[] buf = new byte[8192];

    Frames(InputStream in) {
      this.in = in;
    }

    CstaFrame next() throws Exception {
      while (ready.isEmpty()) {
        int n = in.read(buf);
        assertThat(n).as("the client closed the link").isNotNegative();
        ready.addAll(decoder.feed(buf, 0, n));
      }
      return ready.poll();
    }
  }

  @Test
  void aMonitorAnsweredWhileTheClientClosesFailsInsteadOfStayingActiveForEver() throws Exception {
    try (ServerSocket server = new ServerSocket()) {
      server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
      CstaClient client = CstaClient.builder("127.0.0.1", server.getLocalPort())
          .requestTimeout(Duration.ofSeconds(5)).noReconnect().build();
      clients.add(client);
      CompletableFuture<Void> connected = client.connect();
      try (Socket s = server.accept()) {
        s.setSoTimeout(5_000);
        Frames r = new Frames(s.getInputStream());
        OutputStream out = s.getOutputStream();
        CstaFrame login = r.next();
        out.write(CstaFrames.encode(login.invokeId(), CstaCodec.encode(
            new CstaResponse.StartApplicationSessionResponse("s1", CstaCodec.NS_ED3, 300))));
        out.flush();
        connected.get(5, TimeUnit.SECONDS);

        SimFixture.Recorder rec = new SimFixture.Recorder();
        CompletableFuture<CstaMonitor> monitor = client.monitor("101", rec);
        CstaFrame start = r.next();
        assertThat(CstaCodec.decode(start.xml())).isEqualTo(new CstaRequest.MonitorStart("101"));
        Thread closer = new Thread(client::close, "test-closer");
        closer.start();
        CstaFrame stop = r.next();
        assertThat(CstaCodec.decode(stop.xml())).isInstanceOf(CstaRequest.StopApplicationSession.class);
        // close() has begun; only now does the switch answer the MonitorStart, then the stop
        out.write(CstaFrames.encode(start.invokeId(), CstaCodec.encode(
            new CstaResponse.MonitorStartResponse("m1", null))));
        out.write(CstaFrames.encode(stop.invokeId(), CstaCodec.encode(
            new CstaResponse.StopApplicationSessionResponse())));
        out.flush();
        closer.join(10_000);
        assertThat(closer.isAlive()).isFalse();
        assertThat(client.state()).isEqualTo(CstaClient.State.CLOSED);
        Throwable t;
        try {
          CstaMonitor m = monitor.join();
          throw new AssertionError("monitor() succeeded after close(): " + m + ", ended " + rec.ended);
        } catch (CompletionException e) {
          t = e.getCause();
        }
        assertThat(t).isInstanceOf(CstaConnectionException.class)
            .hasMessage("MonitorStart of 101 answered while the client was closing");
      }
    }
  }

  @Test
  void closeDuringATlsHandshakeTheSwitchNeverAnswersReturnsAtOnceAndLeavesNoThread() throws Exception {
    sim.close(); // not used: only this client's threads may remain
    try (ServerSocket server = new ServerSocket()) {
      server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
      CstaClient c = CstaClient.builder("127.0.0.1", server.getLocalPort())
          .tls(CstaTls.trustAllForLabsOnly())
          .connectTimeout(Duration.ofSeconds(30))
          .build();
      clients.add(c);
      CompletableFuture<Void> connected = c.connect();
      try (Socket s = server.accept()) {
        // the TCP connect is done; the peer never answers the ClientHello
        assertThat(s.getInputStream().read()).as("the ClientHello").isNotNegative();
        long t0 = System.nanoTime();
        c.close();
        long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
        assertThat(ms).as("ms in close()").isLessThan(1_500);
        assertThat(c.state()).isEqualTo(CstaClient.State.CLOSED);
        Throwable t;
        try {
          connected.join();
          throw new AssertionError("connected");
        } catch (CompletionException e) {
          t = e.getCause();
        }
        assertThat(t).isInstanceOf(CstaConnectionException.class).hasMessage("client closed");
        // the connector thread ended with the socket, not 30 s later
        assertNoLeakedThreads();
      }
    }
  }

  @Test
  void blockingOnAPendingClientFutureInsideACallbackFailsFastInsteadOfHangingForEver() throws Exception {
    CstaClient c = connected(SimFixture.client(sim));
    CompletableFuture<Throwable> joined = new CompletableFuture<>();
    CompletableFuture<Throwable> timedGet = new CompletableFuture<>();
    CompletableFuture<Object> chained = new CompletableFuture<>();
    c.monitor("102", e -> {
      if (e instanceof CstaEvent.Delivered d) {
        CompletableFuture<CstaResponse.AnswerCallResponse> answer = c.answerCall(d.connection());
        try {
          joined.complete(new AssertionError("join() returned " + answer.thenApply(r -> r).join()));
        } catch (RuntimeException ex) {
          joined.complete(ex);
        }
        try {
          timedGet.complete(new AssertionError("get() returned " + answer.get(1, TimeUnit.SECONDS)));
        } catch (Exception ex) {
          timedGet.complete(ex);
        }
        CompletableFuture<?> unused = answer.thenAccept(chained::complete);
      }
    }).get(5, TimeUnit.SECONDS);
    c.makeCall("101", "102").get(5, TimeUnit.SECONDS);
    // The old code hung here for ever: the answer's completion was queued behind the callback.
    assertThat(joined.get(5, TimeUnit.SECONDS)).isInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith("join() on a pending CstaClient future inside a client callback would wait for ever");
    assertThat(timedGet.get(5, TimeUnit.SECONDS)).isInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith("get(timeout) on a pending CstaClient future");
    assertThat(chained.get(5, TimeUnit.SECONDS)).isInstanceOf(CstaResponse.AnswerCallResponse.class);
    // Outside callbacks, and on completed futures inside them, blocking works as before.
    CompletableFuture<Object> inside = new CompletableFuture<>();
    CompletableFuture<CstaResponse.RequestSystemStatusResponse> status = c.requestSystemStatus();
    assertThat(status.get(5, TimeUnit.SECONDS).systemStatus()).isEqualTo("normal");
    CompletableFuture<?> unused = status.thenRun(() -> inside.complete(status.join().systemStatus()));
    assertThat(inside.get(5, TimeUnit.SECONDS)).isEqualTo("normal");
  }
}
