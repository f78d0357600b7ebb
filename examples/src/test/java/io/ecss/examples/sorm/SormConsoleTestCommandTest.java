package io.ecss.examples.sorm;

import static org.assertj.core.api.Assertions.assertThat;

import io.ecss.sorm.SormCodec;
import io.ecss.sorm.SormCommand;
import io.ecss.sorm.SormFrameDecoder;
import io.ecss.sorm.SormFrameWriter;
import io.ecss.sorm.SormMessage;
import io.ecss.sorm.SormStation;
import io.ecss.sorm.StationConfig;
import io.ecss.sorm.StationReply;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@code ecss sorm console … test N} against a mediator that registers the new КПД2 link late (a
 * loaded mediator, whose accept runs on another thread): message 2.3 goes only to the КПД2 links
 * the mediator knows, so a command 14 that arrives first is answered on КПД1 but not on our КПД2.
 * The test mediator accepts КПД2 only after it answered a command 14, which makes that order
 * certain.
 */
@Timeout(60)
class SormConsoleTestCommandTest {
  static final String PW = "123456";

  final SormStation station = new SormStation(StationConfig.defaults().withPassword(PW));
  final List<Socket> kpd2Links = new CopyOnWriteArrayList<>();
  final List<Thread> threads = new CopyOnWriteArrayList<>();
  final AtomicInteger commands14 = new AtomicInteger();
  final CountDownLatch firstTestAnswered = new CountDownLatch(1);
  ServerSocket kpd1;
  ServerSocket kpd2;

  /**
   * A mediator that answers КПД1 with a {@link SormStation}; it accepts the КПД2 connection only
   * once it has answered a command 14 (so the first 2.3 goes to no link), or never.
   */
  void mediator(boolean acceptKpd2) throws IOException {
    kpd1 = new ServerSocket(0, 5, InetAddress.getLoopbackAddress());
    kpd2 = new ServerSocket(0, 5, InetAddress.getLoopbackAddress());
    spawn(() -> {
      try (Socket s = kpd1.accept(); InputStream in = s.getInputStream()) {
        SormFrameWriter out = SormFrameWriter.of(s.getOutputStream(), SormCodec.DEFAULT);
        SormFrameDecoder decoder = SormFrameDecoder.of(SormCodec.DEFAULT, SormCodec.MAX_FRAME_LENGTH, SormFrameDecoder.Mode.STRICT);
        SormFrameDecoder.Listener l = new SormFrameDecoder.Listener() {
          @Override
          public void onFrame(SormMessage message, long offset, int length) {
            if (message instanceof SormCommand.ChannelTest) {
              commands14.incrementAndGet();
            }
            StationReply r = station.handle((SormCommand) message);
            try {
              out.writeAll(r.kpd1());
              for (Socket k : kpd2Links) {
                SormFrameWriter.of(k.getOutputStream(), SormCodec.DEFAULT).writeAll(r.kpd2());
              }
            } catch (IOException e) {
              throw new java.io.UncheckedIOException(e);
            }
            if (message instanceof SormCommand.ChannelTest) {
              firstTestAnswered.countDown();
            }
          }

          @Override
          public void onDropped(long offset, int count, String reason) {}
        };
        byte[] buf = new byte[512];
        for (int n = in.read(buf); n >= 0; n = in.read(buf)) {
          decoder.feed(buf, 0, n, l);
        }
      }
    });
    if (acceptKpd2) {
      spawn(() -> {
        firstTestAnswered.await();
        kpd2Links.add(kpd2.accept());
      });
    }
  }

  interface Body {
    void run() throws Exception;
  }

  void spawn(Body body) {
    Thread t = new Thread(() -> {
      try {
        body.run();
      } catch (Exception e) {
        // the test closes the sockets: the mediator's threads end here
      }
    }, "test-mediator");
    threads.add(t);
    t.start();
  }

  @AfterEach
  void stop() throws Exception {
    for (Socket s : kpd2Links) {
      s.close();
    }
    if (kpd1 != null) {
      kpd1.close();
      kpd2.close();
    }
    for (Thread t : threads) {
      t.join(5000);
    }
    SormConsoleCliTest.assertNoSormThreads();
  }

  SormConsoleCliTest.Run test(String timeout) {
    return SormConsoleCliTest.run("sorm", "console", "--kpd1-port", String.valueOf(kpd1.getLocalPort()),
        "--kpd2-port", String.valueOf(kpd2.getLocalPort()), "--password", PW, "--timeout", timeout, "test", "7");
  }

  @Test
  void commandFourteenIsRepeatedUntilMessage23Arrives() throws Exception {
    mediator(true);
    SormConsoleCliTest.Run r = test("10s");
    assertThat(r).isEqualTo(new SormConsoleCliTest.Run(0, SormConsoleCliTest.ok(14)
        + "message 9 (test reply): test 7, КПД1 state 0x01, КПД2 state 0x01\n"
        + "message 2.3 (test reply on КПД2): test 7, КПД1 state 0x01, КПД2 state 0x01\n", ""));
    assertThat(commands14.get()).isGreaterThan(1);
  }

  @Test
  void noMessage23WithinTheTimeoutIsExit1() throws Exception {
    mediator(false);
    SormConsoleCliTest.Run r = test("1s");
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.out()).isEqualTo(SormConsoleCliTest.ok(14)
        + "message 9 (test reply): test 7, КПД1 state 0x01, КПД2 state 0x01\n");
    assertThat(r.err()).startsWith("ecss sorm console test: no message 2.3 on КПД2 within 1");
  }
}
