package io.ecss.csta;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

/**
 * A peer that logs the client in and then stops reading: once the socket buffers are full the
 * writer thread blocks in {@code write()}. Every request must still fail within its timeout, and
 * the stalled link must be dropped (the keep-alive cannot detect it: it queues behind the stall).
 */
class CstaStalledPeerTest {

  /** Accepts one client, answers its login, then never reads again until released. */
  private static Thread stalledPeer(ServerSocket server, CountDownLatch release) {
    Thread peer = new Thread(() -> {
      try (Socket s = server.accept()) {
        InputStream in = s.getInputStream();
        OutputStream out = s.getOutputStream();
        CstaFrameDecoder d = new CstaFrameDecoder();
        byte[] buf = new byte[4096];
        List<CstaFrame> frames = new ArrayList<>();
        while (frames.isEmpty()) {
          int n = in.read(buf);
          if (n < 0) {
            return;
          }
          frames.addAll(d.feed(buf, 0, n));
        }
        out.write(CstaFrames.encode(frames.get(0).invokeId(), CstaCodec.encode(
            new CstaResponse.StartApplicationSessionResponse("s1", CstaCodec.NS_ED3, 300))));
        out.flush();
        release.await(); // never read again while the test runs
      } catch (Exception ignored) {
        // the client hung up
      }
    }, "stalled-peer");
    peer.setDaemon(true);
    peer.start();
    return peer;
  }

  private static ServerSocket smallBufferServer() throws java.io.IOException {
    ServerSocket server = new ServerSocket();
    server.setReceiveBufferSize(4096);
    server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
    return server;
  }

  private static List<CompletableFuture<CstaResponse.MakeCallResponse>> flood(CstaClient client, Duration timeout) {
    String big = "7".repeat(60_000);
    List<CompletableFuture<CstaResponse.MakeCallResponse>> calls = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      calls.add(client.invoke(CstaRequest.MakeCall.of("101", big), timeout));
    }
    return calls;
  }

  private static long failedWithin(List<CompletableFuture<CstaResponse.MakeCallResponse>> calls, long seconds)
      throws InterruptedException {
    CompletableFuture<Void> all = CompletableFuture.allOf(calls.toArray(new CompletableFuture<?>[0]));
    try {
      all.get(seconds, TimeUnit.SECONDS);
    } catch (ExecutionException | TimeoutException expected) {
      // failures are what we count
    }
    return calls.stream().filter(CompletableFuture::isCompletedExceptionally).count();
  }

  @Test
  void requestsQueuedBehindAStalledWriteStillTimeOutAndTheLinkIsDropped() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    try (ServerSocket server = smallBufferServer()) {
      stalledPeer(server, release);
      try (CstaClient client = CstaClient.builder("127.0.0.1", server.getLocalPort())
          .requestTimeout(Duration.ofSeconds(2))
          .noReconnect()
          .build()) {
        client.connect().get(5, TimeUnit.SECONDS);
        List<CompletableFuture<CstaResponse.MakeCallResponse>> calls = flood(client, Duration.ofSeconds(2));
        assertThat(failedWithin(calls, 20)).as("requests failed within 20 s").isEqualTo(calls.size());
        SimFixture.await(() -> client.state() == CstaClient.State.CLOSED, "the stalled link to be dropped");
      } finally {
        release.countDown();
      }
    }
    SimFixture.assertNoLeakedThreads();
  }

  @Test
  void aShortPerRequestTimeoutFailsTheRequestButOnlyTheClientTimeoutDropsTheLink() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    try (ServerSocket server = smallBufferServer()) {
      stalledPeer(server, release);
      try (CstaClient client = CstaClient.builder("127.0.0.1", server.getLocalPort())
          .requestTimeout(Duration.ofSeconds(4))
          .noReconnect()
          .build()) {
        client.connect().get(5, TimeUnit.SECONDS);
        long t0 = System.nanoTime();
        List<CompletableFuture<CstaResponse.MakeCallResponse>> calls = flood(client, Duration.ofMillis(300));
        assertThat(failedWithin(calls, 3)).as("requests failed within 3 s").isEqualTo(calls.size());
        if (TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0) < 3_000) {
          assertThat(client.state()).as("300 ms without a write is not yet a stalled link")
              .isEqualTo(CstaClient.State.CONNECTED);
        }
        SimFixture.await(() -> client.state() == CstaClient.State.CLOSED, "the stalled link to be dropped");
      } finally {
        release.countDown();
      }
    }
    SimFixture.assertNoLeakedThreads();
  }
}
