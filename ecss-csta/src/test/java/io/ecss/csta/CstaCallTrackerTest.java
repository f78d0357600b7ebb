package io.ecss.csta;

import static io.ecss.csta.SimFixture.assertNoLeakedThreads;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class CstaCallTrackerTest {
  private CstaSimulator sim;
  private CstaClient c;

  @BeforeEach
  void start() throws Exception {
    sim = SimFixture.simulator();
    c = SimFixture.client(sim).build();
    c.connect().get(5, TimeUnit.SECONDS);
  }

  @AfterEach
  void stop() throws Exception {
    c.close();
    sim.close();
    assertNoLeakedThreads();
  }

  private static void until(CstaCallTracker t, int calls, String state) throws InterruptedException {
    SimFixture.await(
        () -> t.activeCalls().size() == calls
            && (calls == 0 || t.activeCalls().get(calls - 1).state().equals(state)),
        t.deviceId() + " to have " + calls + " calls, last " + state);
  }

  @Test
  void followsACallFromDialToHangUp() throws Exception {
    CstaCallTracker t101 = new CstaCallTracker("101");
    CstaCallTracker t102 = new CstaCallTracker("102");
    c.monitor("101", t101).get(5, TimeUnit.SECONDS);
    c.monitor("102", t102).get(5, TimeUnit.SECONDS);
    ConnectionId call = c.makeCall("101", "102").get(5, TimeUnit.SECONDS).callingDevice();
    until(t102, 1, "alerting");
    until(t101, 1, "connected");
    CstaCallTracker.ActiveCall ringing = t102.activeCalls().get(0);
    assertThat(ringing.parties()).containsExactly("102", "101");
    assertThat(ringing.callingDevice()).isEqualTo("101");
    assertThat(ringing.answered()).isNull();
    c.answerCall(ConnectionId.of(call.callId(), "102")).get(5, TimeUnit.SECONDS);
    until(t102, 1, "connected");
    SimFixture.await(() -> t102.activeCalls().get(0).answered() != null, "answer time");
    c.holdCall(call).get(5, TimeUnit.SECONDS);
    until(t101, 1, "hold");
    assertThat(t102.call(call.callId()).orElseThrow().state()).isEqualTo("connected");
    c.retrieveCall(call).get(5, TimeUnit.SECONDS);
    until(t101, 1, "connected");
    c.clearConnection(call).get(5, TimeUnit.SECONDS);
    until(t101, 0, "");
    until(t102, 0, "");
    assertThat(t101.toString()).isEqualTo("CstaCallTracker[0 calls]");
  }

  @Test
  void transferRekeysTheRemainingParties() throws Exception {
    CstaCallTracker t101 = new CstaCallTracker("101");
    CstaCallTracker t102 = new CstaCallTracker("102");
    CstaCallTracker t103 = new CstaCallTracker("103");
    c.monitor("101", t101).get(5, TimeUnit.SECONDS);
    c.monitor("102", t102).get(5, TimeUnit.SECONDS);
    c.monitor("103", t103).get(5, TimeUnit.SECONDS);
    ConnectionId first = c.makeCall("101", "102").get(5, TimeUnit.SECONDS).callingDevice();
    c.answerCall(ConnectionId.of(first.callId(), "102")).get(5, TimeUnit.SECONDS);
    ConnectionId consult = c.consultationCall(first, "103").get(5, TimeUnit.SECONDS).initiatedCall();
    c.answerCall(ConnectionId.of(consult.callId(), "103")).get(5, TimeUnit.SECONDS);
    until(t101, 2, "connected");
    String answeredBefore = String.valueOf(t102.activeCalls().get(0).answered());
    String newId = c.transferCall(first, consult).get(5, TimeUnit.SECONDS).transferredCall().callId();
    until(t101, 0, "");
    SimFixture.await(() -> t102.call(newId).isPresent() && t103.call(newId).isPresent(), "re-keyed calls");
    until(t102, 1, "connected");
    until(t103, 1, "connected");
    assertThat(t102.activeCalls().get(0).callId()).isEqualTo(newId);
    assertThat(t102.activeCalls().get(0).parties()).containsExactly("102", "103");
    assertThat(String.valueOf(t102.activeCalls().get(0).answered())).isEqualTo(answeredBefore);
    assertThat(t103.activeCalls().get(0).callId()).isEqualTo(newId);
  }

  @Test
  void conferenceMergesBothCalls() throws Exception {
    CstaCallTracker t101 = new CstaCallTracker("101");
    c.monitor("101", t101).get(5, TimeUnit.SECONDS);
    ConnectionId first = c.makeCall("101", "102").get(5, TimeUnit.SECONDS).callingDevice();
    c.answerCall(ConnectionId.of(first.callId(), "102")).get(5, TimeUnit.SECONDS);
    ConnectionId consult = c.consultationCall(first, "103").get(5, TimeUnit.SECONDS).initiatedCall();
    c.answerCall(ConnectionId.of(consult.callId(), "103")).get(5, TimeUnit.SECONDS);
    until(t101, 2, "connected");
    c.conferenceCall(first, consult).get(5, TimeUnit.SECONDS);
    until(t101, 1, "connected");
    assertThat(t101.activeCalls().get(0).parties()).containsExactly("101", "102", "103");
  }

  @Test
  void deflectAndSingleStepTransferMoveTheCallAway() throws Exception {
    CstaCallTracker t102 = new CstaCallTracker("102");
    CstaCallTracker t101 = new CstaCallTracker("101");
    c.monitor("102", t102).get(5, TimeUnit.SECONDS);
    c.monitor("101", t101).get(5, TimeUnit.SECONDS);
    ConnectionId call = c.makeCall("101", "102").get(5, TimeUnit.SECONDS).callingDevice();
    until(t102, 1, "alerting");
    c.deflectCall(ConnectionId.of(call.callId(), "102"), "104").get(5, TimeUnit.SECONDS);
    until(t102, 0, "");
    SimFixture.await(() -> t101.activeCalls().get(0).parties().contains("104"), "104 in the call");
    c.answerCall(ConnectionId.of(call.callId(), "104")).get(5, TimeUnit.SECONDS);
    c.singleStepTransferCall(call, "105").get(5, TimeUnit.SECONDS);
    until(t101, 0, "");
  }

  @Test
  void rebuildsFromTheSnapshotAfterAReconnect() throws Exception {
    Clock clock = Clock.fixed(Instant.parse("2026-11-27T10:00:00Z"), ZoneOffset.UTC);
    CstaCallTracker t = new CstaCallTracker("106", clock);
    c.monitor("106", t).get(5, TimeUnit.SECONDS);
    ConnectionId call = c.makeCall("106", "107").get(5, TimeUnit.SECONDS).callingDevice();
    until(t, 1, "connected");
    sim.dropConnections();
    // While the link is down the other party answers and a second call cannot be seen: simulate
    // the gap by clearing the call state in the tracker from the snapshot only.
    SimFixture.await(() -> c.state() == CstaClient.State.CONNECTED, "reconnect");
    until(t, 1, "connected");
    assertThat(t.activeCalls().get(0).started()).isEqualTo(Instant.parse("2026-11-27T10:00:00Z"));
    assertThat(t.activeCalls().get(0).callId()).isEqualTo(call.callId());
    t.onResynchronized(List.of());
    assertThat(t.activeCalls()).isEmpty();
  }

  @Test
  void failedCallIsMarkedFailedThenCleared() throws Exception {
    CstaCallTracker t = new CstaCallTracker("108");
    c.monitor("108", t).get(5, TimeUnit.SECONDS);
    t.onEvent(new CstaEvent.Delivered("x", ConnectionId.of("Z9", "108"), "108", "555", "108", null, null, "newCall"));
    assertThat(t.activeCalls().get(0).state()).isEqualTo("alerting");
    t.onEvent(new CstaEvent.Failed("x", ConnectionId.of("Z9", "108"), "108", "555", "108", null, "busy"));
    assertThat(t.activeCalls().get(0).state()).isEqualTo("fail");
    t.onEvent(new CstaEvent.Raw("DoNotDisturbEvent", "x", "<DoNotDisturbEvent/>"));
    t.onEvent(new CstaEvent.CallCleared("x", new ConnectionId("Z9", null), null, "normalClearing"));
    assertThat(t.activeCalls()).isEmpty();
    assertThat(t.call("Z9")).isEmpty();
  }
}
