package io.ecss.examples.csta;

import static org.assertj.core.api.Assertions.assertThat;

import io.ecss.csta.CstaCodec;
import io.ecss.csta.CstaFrame;
import io.ecss.csta.CstaFrameDecoder;
import io.ecss.csta.CstaFrames;
import io.ecss.csta.CstaResponse;
import io.ecss.examples.Ecss;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@code ecss csta monitor} against a scripted switch that sends events right behind the
 * MonitorStartResponse (a busy device): the response line comes first, then the events.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class CstaMonitorOrderTest {
  private static final int EVENTS = 200;

  private static CstaFrame next(InputStream in, CstaFrameDecoder d, ArrayDeque<CstaFrame> ready) throws Exception {
    byte[] buf = new byte[8192];
    while (ready.isEmpty()) {
      int n = in.read(buf);
      assertThat(n).as("the client closed the link").isNotNegative();
      ready.addAll(d.feed(buf, 0, n));
    }
    return ready.poll();
  }

  /** Answers the login and the MonitorStart, the latter with events in the same TCP write. */
  private static void script(ServerSocket server) throws Exception {
    try (Socket s = server.accept()) {
      s.setSoTimeout(10_000);
      InputStream in = s.getInputStream();
      OutputStream out = s.getOutputStream();
      CstaFrameDecoder d = new CstaFrameDecoder();
      ArrayDeque<CstaFrame> ready = new ArrayDeque<>();
      CstaFrame login = next(in, d, ready);
      out.write(CstaFrames.encode(login.invokeId(), CstaCodec.encode(
          new CstaResponse.StartApplicationSessionResponse("s1", CstaCodec.NS_ED3, 300))));
      out.flush();
      CstaFrame start = next(in, d, ready);
      ByteArrayOutputStream burst = new ByteArrayOutputStream();
      burst.write(CstaFrames.encode(start.invokeId(), CstaCodec.encode(new CstaResponse.MonitorStartResponse("7", null))));
      for (int i = 0; i < EVENTS; i++) {
        burst.write(CstaFrames.encode(CstaFrames.EVENT_INVOKE_ID, "<DoNotDisturbEvent xmlns=\"" + CstaCodec.NS_ED3
            + "\"><monitorCrossRefID>7</monitorCrossRefID><device><deviceIdentifier>104</deviceIdentifier></device>"
            + "</DoNotDisturbEvent>"));
      }
      out.write(burst.toByteArray());
      out.flush();
      // keep the link until the command ends (StopApplicationSession, then EOF)
      while (true) {
        CstaFrame f = next(in, d, ready);
        if (f.xml().contains("StopApplicationSession")) {
          out.write(CstaFrames.encode(f.invokeId(), CstaCodec.encode(new CstaResponse.StopApplicationSessionResponse())));
          out.flush();
          return;
        }
      }
    }
  }

  @Test
  void theMonitorStartResponseLineComesBeforeTheEventsThatFollowIt() throws Exception {
    for (int round = 0; round < 3; round++) {
      try (ServerSocket server = new ServerSocket()) {
        server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        CompletableFuture<Void> sw = CompletableFuture.runAsync(() -> {
          try {
            script(server);
          } catch (Exception e) {
            throw new IllegalStateException(e);
          }
        });
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Ecss.run(new PrintWriter(out), new PrintWriter(err), "csta", "monitor", "--host", "127.0.0.1",
            "--port", Integer.toString(server.getLocalPort()), "--duration", "1", "104");
        assertThat(code).as("exit code; stderr: " + err).isZero();
        sw.get(10, TimeUnit.SECONDS);
        List<String> lines = out.toString().lines().toList();
        assertThat(lines).as("round " + round).hasSize(1 + EVENTS);
        assertThat(lines.get(0)).as("round " + round).isEqualTo("response MonitorStartResponse deviceID=104 monitorCrossRefID=7");
        assertThat(lines.subList(1, lines.size())).as("round " + round)
            .allMatch(l -> l.equals("event DoNotDisturbEvent monitorCrossRefID=7"));
      }
    }
  }
}
