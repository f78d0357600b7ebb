package io.ecss.examples.csta;

import io.ecss.csta.ConnectionId;
import io.ecss.csta.CstaCallTracker;
import io.ecss.csta.CstaClient;
import io.ecss.csta.CstaEvent;
import io.ecss.csta.CstaMonitorListener;
import io.ecss.csta.CstaResponse;
import io.ecss.csta.CstaSimulator;
import io.ecss.examples.DemoSection;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * {@code ecss demo} section for ecss-csta: a simulator on loopback, click-to-call 101 → 102,
 * answer, hang up, the events of both monitors, and the active-call list after each step.
 */
public final class CstaDemo implements DemoSection {

  /** Creates the section; the demo command calls this. */
  public CstaDemo() {}

  @Override
  public String module() {
    return "ecss-csta";
  }

  @Override
  public String title() {
    return "CSTA client";
  }

  @Override
  public void run(PrintWriter out) throws Exception {
    BlockingQueue<Seen> events = new LinkedBlockingQueue<>();
    try (CstaSimulator sim =
            CstaSimulator.builder().port(0).devices(List.of("101", "102", "103"))
                .credentials("demo.domain", "secret").build().start();
        CstaClient client =
            CstaClient.builder("127.0.0.1", sim.port())
                .credentials("demo.domain", "secret")
                .connectTimeout(Duration.ofSeconds(1))
                .requestTimeout(Duration.ofSeconds(1))
                .noReconnect()
                .build()) {
      client.connect().get(2, TimeUnit.SECONDS);
      out.println("Simulator on 127.0.0.1 (ephemeral port), session up, state " + client.state());
      CstaCallTracker t101 = new CstaCallTracker("101");
      CstaCallTracker t102 = new CstaCallTracker("102");
      client.monitor("101", both(t101, events)).get(2, TimeUnit.SECONDS);
      client.monitor("102", both(t102, events)).get(2, TimeUnit.SECONDS);

      CstaResponse.MakeCallResponse made = client.makeCall("101", "102").get(2, TimeUnit.SECONDS);
      out.println("MakeCall 101 -> 102: call " + made.callingDevice().callId());
      CstaEvent.Delivered ringing = (CstaEvent.Delivered) until(events, out, "DeliveredEvent", "102");
      activeCalls(out, t101, t102);

      client.answerCall(ringing.connection()).get(2, TimeUnit.SECONDS);
      out.println("AnswerCall " + ringing.connection());
      until(events, out, "EstablishedEvent", "102");
      activeCalls(out, t101, t102);

      ConnectionId leg = made.callingDevice();
      client.clearConnection(leg).get(2, TimeUnit.SECONDS);
      out.println("ClearConnection " + leg);
      until(events, out, "CallClearedEvent", "102");
      activeCalls(out, t101, t102);
    }
    out.flush();
  }

  /** An event as seen by one device's monitor. */
  private record Seen(String monitor, CstaEvent event) {}

  /** Feeds the tracker on the callback thread and queues the event for printing in order. */
  private static CstaMonitorListener both(CstaCallTracker tracker, BlockingQueue<Seen> q) {
    return e -> {
      tracker.onEvent(e);
      q.add(new Seen(tracker.deviceId(), e));
    };
  }

  private static void print(PrintWriter out, Seen s) {
    CstaEvent e = s.event();
    ConnectionId c = e.connection();
    out.printf("  %s sees %-23s call %s device %-4s state %-10s cause %s%n",
        s.monitor(), e.name(), c == null ? "-" : c.callId(),
        c == null || c.deviceId() == null ? "-" : c.deviceId(),
        e.localConnectionInfo() == null ? "-" : e.localConnectionInfo(), e.cause() == null ? "-" : e.cause());
  }

  /** Prints events until {@code device}'s monitor sees {@code name}, then the rest of the burst. */
  private static CstaEvent until(BlockingQueue<Seen> q, PrintWriter out, String name, String device)
      throws InterruptedException {
    while (true) {
      Seen s = q.poll(2, TimeUnit.SECONDS);
      if (s == null) {
        throw new IllegalStateException("no " + name + " within 2 s");
      }
      print(out, s);
      if (s.event().name().equals(name) && s.monitor().equals(device)) {
        // The simulator sends a step's events back to back; print what is left of the burst.
        Seen more;
        while ((more = q.poll(50, TimeUnit.MILLISECONDS)) != null) {
          print(out, more);
        }
        return s.event();
      }
    }
  }

  private static void activeCalls(PrintWriter out, CstaCallTracker... trackers) {
    for (CstaCallTracker t : trackers) {
      List<CstaCallTracker.ActiveCall> calls = t.activeCalls();
      out.println("  active calls of " + t.deviceId() + ":" + (calls.isEmpty() ? " none" : ""));
      for (CstaCallTracker.ActiveCall c : calls) {
        out.println("    " + c.callId() + " " + c.state() + " with " + c.parties().subList(1, c.parties().size())
            + (c.answered() == null ? ", not answered" : ", answered"));
      }
    }
  }
}
