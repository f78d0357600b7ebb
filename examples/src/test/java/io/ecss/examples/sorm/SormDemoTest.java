package io.ecss.examples.sorm;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** The SORM demo section: exact, deterministic output of the loopback part; fast; nothing left running. */
class SormDemoTest {

  static String runDemo() {
    StringWriter w = new StringWriter();
    try (PrintWriter out = new PrintWriter(w)) {
      new SormDemo().run(out);
    }
    return w.toString();
  }

  @Test
  void loopbackPartIsDeterministicFastAndLeavesNothingRunning() {
    String first = runDemo();
    long t0 = System.nanoTime();
    String second = runDemo();
    long millis = (System.nanoTime() - t0) / 1_000_000;
    assertThat(second).isEqualTo(first);
    // The section runs in well under 2 s; a generous bound for a loaded CI machine.
    assertThat(millis).as("demo section time (ms)").isLessThan(2_000);
    String live = second.substring(second.indexOf("\nStation, console and RADIUS bridge") + 1);
    assertThat(live).isEqualTo(
        "Station, console and RADIUS bridge on loopback (in-process; ports chosen by the system):\n"
            + "  mediator: RADIUS bridge with adaptation LONG_DISTANCE_8_TO_7 (long-distance access code 8 -> 7"
            + " in B numbers)\n"
            + "  console -> command 1 (start SORM): message 8 0x00 OK (accepted for execution / executed)\n"
            + "  console -> command 1 (start SORM): message 8 0x16 START_REFUSED_ALREADY_STARTED (\"start SORM\""
            + " refused: already started)\n"
            + "  console -> command 5 (put an object on control), object 5, 2345678 (NODE_SUBSCRIBER): message 8"
            + " 0x00 OK (accepted for execution / executed)\n"
            + "  softswitch -> RADIUS Accounting Start, call \"call-1\", A 2345678 (sorm_ni private), B 84951234567"
            + " (sorm_ni intercity)\n"
            + "  console <- КПД2 message 1.1 (complete called number received): call 0, object 5 NODE_SUBSCRIBER,"
            + " outgoing, A 2345678 (NODE_SUBSCRIBER), B 74951234567 (RUSSIAN_PSTN), KSL 0x01 NO_FREE_KSL (no"
            + " free KSL in the group)\n"
            + "  softswitch -> RADIUS Interim-Update phase=answer, call \"call-1\"\n"
            + "  console <- КПД2 message 1.2 (answer): call 0, object 5 NODE_SUBSCRIBER, outgoing, A 2345678"
            + " (NODE_SUBSCRIBER), B 74951234567 (RUSSIAN_PSTN), KSL 0x01 NO_FREE_KSL (no free KSL in the group)\n"
            + "  softswitch -> RADIUS Accounting Stop, call \"call-1\", Eltex-Disconnect-Code-Local 1 (user answer)\n"
            + "  console <- КПД2 message 1.3 (release): call 0, object 5 NODE_SUBSCRIBER, outgoing, A 2345678"
            + " (NODE_SUBSCRIBER), B 74951234567 (RUSSIAN_PSTN), cause 0x05 AFTER_CONVERSATION (after"
            + " conversation)\n"
            + "  softswitch -> RADIUS Start and Stop, call \"call-2\", A 3334455, B 84957654321: no object on"
            + " control, no КПД2 message\n"
            + "  intruder -> RADIUS Accounting Start with a wrong shared secret: dropped, no answer\n"
            + "  RADIUS bridge: 5 requests accepted, 1 with a wrong secret, 1 call intercepted, 0 active\n"
            + "  reporter, console, bridge and station closed\n");
    SormConsoleCliTest.assertNoSormThreads();
  }
}
