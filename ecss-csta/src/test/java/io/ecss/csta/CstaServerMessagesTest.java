package io.ecss.csta;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Messages the switch originates, seen from a scripted peer: requests are answered with the
 * switch's invoke id; a response nobody asked for (an unknown kind included) is dropped, never
 * "answered" with an error (a response to a response is a protocol violation).
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class CstaServerMessagesTest {

  /** Reads frames from one socket. */
  private static final class Reader {
    final InputStream in;
    final CstaFrameDecoder d = new CstaFrameDecoder();
    final ArrayDeque<CstaFrame> ready = new ArrayDeque<>();
    final byte[] buf = new byte[8192];

    Reader(InputStream in) {
      this.in = in;
    }

    CstaFrame next() throws Exception {
      while (ready.isEmpty()) {
        int n = in.read(buf);
        assertThat(n).as("the client closed the link").isNotNegative();
        ready.addAll(d.feed(buf, 0, n));
      }
      return ready.poll();
    }
  }

  @Test
  void serverRequestsAreAnsweredAndUnsolicitedResponsesDropped() throws Exception {
    try (ServerSocket server = new ServerSocket()) {
      server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
      try (CstaClient client = CstaClient.builder("127.0.0.1", server.getLocalPort())
          .requestTimeout(Duration.ofSeconds(5))
          .noReconnect()
          .build()) {
        var connected = client.connect();
        try (Socket s = server.accept()) {
          s.setSoTimeout(5_000);
          Reader r = new Reader(s.getInputStream());
          OutputStream out = s.getOutputStream();
          CstaFrame login = r.next();
          assertThat(login.xml()).contains("<StartApplicationSession ");
          out.write(CstaFrames.encode(login.invokeId(), CstaCodec.encode(
              new CstaResponse.StartApplicationSessionResponse("s1", CstaCodec.NS_ED3, 300))));
          out.flush();
          connected.get(5, TimeUnit.SECONDS);

          String ns = " xmlns=\"" + CstaCodec.NS_ED3 + "\"";
          // 1. an unknown response nobody asked for (invoke id not pending): dropped
          out.write(CstaFrames.encode(501, "<GetDoNotDisturbResponse" + ns + "><doNotDisturbOn>false</doNotDisturbOn></GetDoNotDisturbResponse>"));
          // 2. an unknown positive response of ECMA-354 kind: dropped too
          out.write(CstaFrames.encode(502, "<SomethingPosResponse/>"));
          // 3. a request the client does not serve: refused with the switch's invoke id
          out.write(CstaFrames.encode(503, "<GetDoNotDisturb" + ns + "><device>101</device></GetDoNotDisturb>"));
          // 4. SystemStatus: answered with the switch's invoke id
          out.write(CstaFrames.encode(504, "<SystemStatus" + ns + "><systemStatus>normal</systemStatus></SystemStatus>"));
          out.flush();

          CstaFrame refusal = r.next();
          assertThat(refusal.invokeId()).as("the first answer is the refusal of 0503").isEqualTo(503);
          assertThat(CstaCodec.decode(refusal.xml())).isEqualTo(CstaError.of("operation", "generic"));
          CstaFrame ack = r.next();
          assertThat(ack.invokeId()).isEqualTo(504);
          assertThat(CstaCodec.decode(ack.xml())).isEqualTo(new CstaResponse.SystemStatusResponse());
        }
      }
    }
    SimFixture.assertNoLeakedThreads();
  }

  @Test
  void keepAliveFollowsAShorterDurationGrantedByTheReset() throws Exception {
    try (ServerSocket server = new ServerSocket()) {
      server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
      try (CstaClient client = CstaClient.builder("127.0.0.1", server.getLocalPort()).noReconnect().build()) {
        var connected = client.connect();
        try (Socket s = server.accept()) {
          s.setSoTimeout(10_000);
          Reader r = new Reader(s.getInputStream());
          OutputStream out = s.getOutputStream();
          CstaFrame login = r.next();
          // 4 s granted: keep-alive every 2 s
          out.write(CstaFrames.encode(login.invokeId(), CstaCodec.encode(
              new CstaResponse.StartApplicationSessionResponse("s1", CstaCodec.NS_ED3, 4))));
          out.flush();
          connected.get(5, TimeUnit.SECONDS);
          CstaFrame first = r.next();
          assertThat(CstaCodec.decode(first.xml()))
              .isEqualTo(new CstaRequest.ResetApplicationSessionTimer("s1", 4));
          // the switch now grants only 1 s: the next keep-alive must come within 0.5 s, not 2 s
          out.write(CstaFrames.encode(first.invokeId(), CstaCodec.encode(
              new CstaResponse.ResetApplicationSessionTimerResponse(1))));
          out.flush();
          long t0 = System.nanoTime();
          CstaFrame second = r.next();
          long gapMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
          assertThat(CstaCodec.decode(second.xml()))
              .isEqualTo(new CstaRequest.ResetApplicationSessionTimer("s1", 1));
          assertThat(gapMs).as("ms until the next keep-alive").isLessThan(1_300);
          out.write(CstaFrames.encode(second.invokeId(), CstaCodec.encode(
              new CstaResponse.ResetApplicationSessionTimerResponse(1))));
          out.flush();
        }
      }
    }
    SimFixture.assertNoLeakedThreads();
  }

  @Test
  void theSimulatorRefusesARequestWithABadValueAndKeepsTheLink() throws Exception {
    try (CstaSimulator sim = SimFixture.simulator();
        Socket s = new Socket(InetAddress.getLoopbackAddress(), sim.port())) {
      s.setSoTimeout(5_000);
      Reader r = new Reader(s.getInputStream());
      OutputStream out = s.getOutputStream();
      out.write(CstaFrames.encode(1, CstaCodec.encode(new CstaRequest.StartApplicationSession(
          "t", SimFixture.USER, SimFixture.PASSWORD, CstaCodec.NS_ED3, 300))));
      out.flush();
      assertThat(CstaCodec.decode(r.next().xml())).isInstanceOf(CstaResponse.StartApplicationSessionResponse.class);
      // well-formed, but autoOriginate is not prompt/doNotPrompt: the record refuses the value
      out.write(CstaFrames.encode(2, "<MakeCall><callingDevice>101</callingDevice>"
          + "<calledDirectoryNumber>102</calledDirectoryNumber><autoOriginate>now</autoOriginate></MakeCall>"));
      out.write(CstaFrames.encode(3, CstaCodec.encode(new CstaRequest.RequestSystemStatus())));
      out.flush();
      CstaFrame refusal = r.next();
      assertThat(refusal.invokeId()).isEqualTo(2);
      assertThat(CstaCodec.decode(refusal.xml())).isInstanceOf(CstaError.class);
      CstaFrame status = r.next();
      assertThat(status.invokeId()).isEqualTo(3);
      assertThat(CstaCodec.decode(status.xml())).isEqualTo(new CstaResponse.RequestSystemStatusResponse("normal"));
    }
  }
}
