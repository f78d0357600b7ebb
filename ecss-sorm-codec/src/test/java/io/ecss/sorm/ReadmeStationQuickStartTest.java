package io.ecss.sorm;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The README "station, console and RADIUS on loopback" quick start, kept compiling and running. */
@Timeout(60)
class ReadmeStationQuickStartTest {

  @Test
  void quickStartRuns() throws Exception {
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    PrintStream saved = System.out;
    System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
    try {
      // --- README quick start, verbatim ---
      SormStation station = new SormStation(StationConfig.defaults().withPassword("123456"));
      InetSocketAddress loopback = new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
      Duration timeout = Duration.ofSeconds(5);
      try (SormStationServer server = SormStationServer.start(station, loopback, loopback);
           SormConsole console = SormConsole.connect(server.kpd1Address(), server.kpd2Address(),
               SormCodec.DEFAULT, timeout);
           SormRadiusBridge bridge = SormRadiusBridge.start(server, loopback, "radius-secret",
               NumberAdaptation.of(NumberAdaptation.Rule.LONG_DISTANCE_8_TO_7));
           SormRadiusReporter softswitch = SormRadiusReporter.create(bridge.address(), "radius-secret")) {
        BlockingQueue<Kpd2Message> events = new LinkedBlockingQueue<>();
        console.onKpd2(events::add);
        console.send(new SormCommand.Start(1, "123456"), timeout).get();
        console.send(new SormCommand.AddObject(1, "123456", 5, ObjectType.NODE_SUBSCRIBER,
            PhoneNumber.of(NumberIndicator.NODE_SUBSCRIBER, "74951234567"), 0xFFFF,
            ControlCategory.FULL_COMBINED, 0xFF, Priority.NORMAL), timeout).get();
        softswitch.start(RadiusCall.of("call-1", "1234567", "84957654321")
            .withSormA("74951234567", SormNi.PRIVATE));   // the routing action's SORM A number
        softswitch.answer("call-1");
        softswitch.stop("call-1", 1);                      // 1 = user answer
        for (int i = 0; i < 3; i++) {
          Kpd2Message.CallMessage m = (Kpd2Message.CallMessage) events.poll(5, TimeUnit.SECONDS);
          System.out.println(m.getClass().getSimpleName() + " call " + m.event().callNumber()
              + " object " + m.event().objectNumber() + ": " + m.event().a().digits()
              + " -> " + m.event().b().digits());
        }
      }
      // --- end ---
    } finally {
      System.setOut(saved);
    }
    String n = System.lineSeparator();
    assertThat(printed.toString(StandardCharsets.UTF_8)).isEqualTo(
        "CalledNumberReceived call 0 object 5: 74951234567 -> 74957654321" + n
            + "Answer call 0 object 5: 74951234567 -> 74957654321" + n
            + "Release call 0 object 5: 74951234567 -> 74957654321" + n);
  }
}
