package io.ecss.sorm;

import static io.ecss.sorm.SormRadiusBridgeTest.attr;
import static io.ecss.sorm.SormRadiusBridgeTest.int32;
import static io.ecss.sorm.SormRadiusBridgeTest.packet;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * КПД2 messages reach the consoles in the order the station produced them, whichever thread
 * produced them: the RADIUS bridge (calls) or the КПД1 reader (commands 2, 6, 7, 8, 14).
 */
@Timeout(120)
class SormKpd2OrderTest {
  static final String PW = "secret";
  static final String SECRET = "s3cr3t-radius";
  static final Duration T = Duration.ofSeconds(10);
  static final InetSocketAddress ANY = new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
  static final Ksl KSL = new Ksl(1, 7);
  static final PhoneNumber OBJECT = PhoneNumber.of(NumberIndicator.NODE_SUBSCRIBER, "100");

  final BlockingQueue<Kpd2Message> events = new LinkedBlockingQueue<>();
  SormStationServer server;
  SormConsole console;
  SormRadiusBridge bridge;

  @AfterEach
  void closeAll() throws Exception {
    if (bridge != null) {
      bridge.close();
    }
    if (console != null) {
      console.close();
    }
    if (server != null) {
      server.close();
    }
  }

  void ok(SormCommand c) throws Exception {
    assertThat(console.send(c, T).get(20, TimeUnit.SECONDS).execution().status()).as("command %d", c.code()).isEqualTo(StatusCode.OK);
  }

  Kpd2Message next() throws InterruptedException {
    Kpd2Message m = events.poll(10, TimeUnit.SECONDS);
    assertThat(m).as("КПД2 message").isNotNull();
    return m;
  }

  static byte[] start(int id, String session, String a) throws Exception {
    return packet(4, id, SECRET, attr(40, int32(1)), attr(44, session.getBytes(StandardCharsets.UTF_8)),
        attr(31, a.getBytes(StandardCharsets.UTF_8)), attr(30, "200".getBytes(StandardCharsets.UTF_8)));
  }

  static void await(java.util.function.BooleanSupplier c) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (!c.getAsBoolean()) {
      assertThat(System.nanoTime()).as("condition not met in time").isLessThan(deadline);
      Thread.onSpinWait();
    }
  }

  /**
   * A call is reported (1.1, with the group's KSL) by the bridge in the middle of a burst of
   * requests, and command 6 takes its object off control (2.2 reason 05 for that KSL) before the
   * burst is over. The station ordered the call first, so 1.1 must reach the console before 2.2:
   * a KSL freed for a call the console has not heard of, followed by the start of that call,
   * would leave the console believing the call holds the KSL for ever (no 1.3 follows for an
   * object taken off control). The bridge used to send its messages after the burst while the
   * КПД1 reader sent 2.2 at once.
   */
  @Test
  void callStartedBeforeCommand6ReachesTheConsoleBeforeItsKslRelease() throws Exception {
    server = SormStationServer.start(new SormStation(StationConfig.defaults().withPassword(PW)), ANY, ANY);
    console = SormConsole.connect(server.kpd1Address(), server.kpd2Address(), SormCodec.DEFAULT, T);
    console.onKpd2(events::add);
    SormStationServerTest.awaitTrue(() -> server.kpd2Count() == 1);
    ok(new SormCommand.Start(1, PW));
    ok(new SormCommand.AssignKslGroup(1, PW, 3, KslGroupType.COMBINED, KSL, Ksl.NONE));
    bridge = SormRadiusBridge.start(server, ANY, SECRET, NumberAdaptation.NONE);
    int fillers = 150;
    try (DatagramSocket udp = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
      for (int round = 0; round < 40; round++) {
        ok(new SormCommand.AddObject(1, PW, 1, ObjectType.NODE_SUBSCRIBER, OBJECT, 0xFFFF, ControlCategory.FULL_COMBINED, 3, Priority.NORMAL));
        long base = bridge.accepted();
        byte[] call = start(0, "call-" + round, "100");
        udp.send(new DatagramPacket(call, call.length, bridge.address()));
        for (int i = 1; i <= fillers; i++) {
          byte[] filler = start(i, "other-" + round + "-" + i, "9" + i); // not on control
          udp.send(new DatagramPacket(filler, filler.length, bridge.address()));
        }
        // The call is in the station (the bridge counted it); take its object off control now.
        await(() -> bridge.accepted() > base);
        ok(new SormCommand.RemoveObject(1, PW, 1, ObjectType.NODE_SUBSCRIBER, OBJECT, 0xFFFF));
        Kpd2Message first = next();
        Kpd2Message second = next();
        assertThat(first).as("round %d: the call's start comes first", round).isInstanceOf(Kpd2Message.CalledNumberReceived.class);
        assertThat(((Kpd2Message.CallMessage) first).event().kslA()).isEqualTo(KSL);
        assertThat(second).as("round %d: then its KSL released by command 6", round).isInstanceOf(Kpd2Message.KslReleased.class);
        Kpd2Message.KslReleased released = (Kpd2Message.KslReleased) second;
        assertThat(released.operation()).isEqualTo(KslReleaseReason.COMMAND_6);
        assertThat(released.event().callNumber()).isEqualTo(((Kpd2Message.CallMessage) first).event().callNumber());
        // Forget the calls (Accounting-Off) before the next round; nothing is reported for them.
        await(() -> bridge.accepted() == base + 1 + fillers);
        byte[] off = packet(4, 255, SECRET, attr(40, int32(8)), attr(44, ("off-" + round).getBytes(StandardCharsets.UTF_8)));
        udp.send(new DatagramPacket(off, off.length, bridge.address()));
        await(() -> bridge.accepted() == base + 2 + fillers && bridge.activeCalls() == 0);
      }
    }
    assertThat(events.poll(200, TimeUnit.MILLISECONDS)).as("unexpected КПД2 message").isNull();
  }
}
