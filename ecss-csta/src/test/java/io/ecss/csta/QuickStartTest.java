package io.ecss.csta;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The README quick start, kept compiling and running. */
@Timeout(value = 20, unit = TimeUnit.SECONDS)
class QuickStartTest {

  @Test
  void readmeQuickStartRuns() throws Exception {
    CstaCallTracker seen;
    // --- README quick start (keep in sync) ---
    try (CstaSimulator sim = CstaSimulator.builder().port(0).devices(List.of("101", "102")).build().start();
        CstaClient client = CstaClient.builder("127.0.0.1", sim.port()).credentials("p.city", "secret").build()) {
      client.connect().join();
      CstaCallTracker calls = new CstaCallTracker("101");
      client.monitor("101", calls).join();
      ConnectionId leg = client.makeCall("101", "102").join().callingDevice();
      client.answerCall(ConnectionId.of(leg.callId(), "102")).join();
      System.out.println(calls.activeCalls());           // may lag the response by an event or two
      client.clearConnection(leg).join();
      // --- end ---
      seen = calls;
      SimFixture.await(() -> seen.activeCalls().isEmpty(), "the call to end");
    }
    assertThat(seen.activeCalls()).isEmpty();
    SimFixture.assertNoLeakedThreads();
  }
}
