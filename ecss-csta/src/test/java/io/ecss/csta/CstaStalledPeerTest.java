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
import org.junit.jupiter.api.Test;

/**
 * A peer that logs the client in and then stops reading: once the socket buffers are full the
 * writer thread blocks in {@code write()}. Every request must still fail within its timeout, and
 * the stalled link must be dropped (the keep-alive cannot detect it: it queues behind the stall).
 */
class CstaStalledPeerTest {

  @Test
  void requestsQueuedBehindAStalledWriteStillTimeOutAndTheLinkIsDropped() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    try (ServerSocket server = new ServerSocket()) {
      server.setReceiveBufferSize(4096);
      server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
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

      SimFixture.Recorder rec = new SimFixture.Recorder();
      try (CstaClient client = CstaClient.builder("127.0.0.1", server.getLocalPort())
          .requestTimeout(Duration.ofSeconds(2))
          .noReconnect()
          .listener(rec)
          .build()) {
        client.connect().get(5, TimeUnit.SECONDS);
        String big = "7".repeat(60_000);
        List<CompletableFuture<CstaResponse.MakeCallResponse>> calls = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
          calls.add(client.makeCall("101", big));
        }
        CompletableFuture<Void> all = CompletableFuture.allOf(calls.toArray(new CompletableFuture<?>[0]));
        try {
          all.get(20, TimeUnit.SECONDS);
        } catch (ExecutionException expected) {
          // every one fails
        }
        long failed = calls.stream().filter(CompletableFuture::isCompletedExceptionally).count();
        assertThat(failed).as("requests failed within 20 s").isEqualTo(calls.size());
        SimFixture.await(() -> client.state() == CstaClient.State.CLOSED, "the stalled link to be dropped");
      } finally {
        release.countDown();
      }
    }
    SimFixture.assertNoLeakedThreads();
  }
}
