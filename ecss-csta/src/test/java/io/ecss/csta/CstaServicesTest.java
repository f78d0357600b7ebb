package io.ecss.csta;

import static io.ecss.csta.SimFixture.assertNoLeakedThreads;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Every service against the simulator, with the events it produces. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class CstaServicesTest {
  private CstaSimulator sim;
  private CstaClient c;
  private final SimFixture.Recorder a = new SimFixture.Recorder();
  private final SimFixture.Recorder b = new SimFixture.Recorder();
  private final SimFixture.Recorder d = new SimFixture.Recorder();

  @BeforeEach
  void start() throws Exception {
    sim = SimFixture.simulator();
    c = SimFixture.client(sim).build();
    c.connect().get(5, TimeUnit.SECONDS);
    c.monitor("101", a).get(5, TimeUnit.SECONDS);
    c.monitor("102", b).get(5, TimeUnit.SECONDS);
    c.monitor("103", d).get(5, TimeUnit.SECONDS);
  }

  @AfterEach
  void stop() throws Exception {
    c.close();
    sim.close();
    assertNoLeakedThreads();
  }

  /** 101 calls 102 and 102 answers; returns 101's connection; drains the events. */
  private ConnectionId established() throws Exception {
    ConnectionId call = c.makeCall("101", "102").get(5, TimeUnit.SECONDS).callingDevice();
    a.names(3);
    c.answerCall(((CstaEvent.Delivered) b.next()).connection()).get(5, TimeUnit.SECONDS);
    a.next();
    b.next();
    return call;
  }

  private static String errorValue(java.util.concurrent.CompletableFuture<?> f) {
    try {
      f.join();
    } catch (CompletionException e) {
      return ((CstaServiceException) e.getCause()).error().value();
    }
    throw new AssertionError("no error");
  }

  @Test
  void holdAndRetrieve() throws Exception {
    ConnectionId call = established();
    c.holdCall(call).get(5, TimeUnit.SECONDS);
    CstaEvent.Held held = (CstaEvent.Held) a.next();
    assertThat(held.holdingDevice()).isEqualTo("101");
    assertThat(held.localConnectionInfo()).isEqualTo("hold");
    assertThat(b.next()).isInstanceOf(CstaEvent.Held.class);
    assertThat(errorValue(c.holdCall(call))).isEqualTo("invalidConnectionState");
    c.retrieveCall(call).get(5, TimeUnit.SECONDS);
    assertThat(((CstaEvent.Retrieved) a.next()).localConnectionInfo()).isEqualTo("connected");
    assertThat(errorValue(c.retrieveCall(call))).isEqualTo("noHeldCall");
  }

  @Test
  void deflectMovesTheRingingCall() throws Exception {
    c.makeCall("101", "102").get(5, TimeUnit.SECONDS);
    a.names(3);
    CstaEvent.Delivered ringing = (CstaEvent.Delivered) b.next();
    c.deflectCall(ringing.connection(), "103").get(5, TimeUnit.SECONDS);
    CstaEvent.Diverted div = (CstaEvent.Diverted) b.next();
    assertThat(div.divertingDevice()).isEqualTo("102");
    assertThat(div.newDestination()).isEqualTo("103");
    assertThat(d.names(2)).containsExactly("DivertedEvent", "DeliveredEvent");
    assertThat(a.names(2)).containsExactly("DivertedEvent", "DeliveredEvent");
    assertThat(sim.calls()).containsExactly("C1: {101=connected, 103=alerting}");
  }

  @Test
  void consultationThenTransferRekeysTheCall() throws Exception {
    ConnectionId first = established();
    ConnectionId consult = c.consultationCall(first, "103").get(5, TimeUnit.SECONDS).initiatedCall();
    assertThat(consult.callId()).isNotEqualTo(first.callId());
    assertThat(a.names(4)).containsExactly("HeldEvent", "ServiceInitiatedEvent", "OriginatedEvent", "DeliveredEvent");
    CstaEvent.Delivered ringing = (CstaEvent.Delivered) d.next();
    c.answerCall(ringing.connection()).get(5, TimeUnit.SECONDS);
    a.next();
    d.next();
    b.next(); // Held seen by 102
    CstaResponse.TransferCallResponse r = c.transferCall(first, consult).get(5, TimeUnit.SECONDS);
    assertThat(r.connections()).hasSize(2);
    CstaEvent.Transfered t = (CstaEvent.Transfered) b.next();
    assertThat(t.name()).isEqualTo("TransferedEvent");
    assertThat(t.transferringDevice()).isEqualTo("101");
    assertThat(t.transferredToDevice()).isEqualTo("103");
    assertThat(t.transferredConnections()).extracting(ConnectionListItem::endpoint).containsExactly("102", "103");
    assertThat(t.transferredConnections().get(0).oldConnection()).isEqualTo(ConnectionId.of(first.callId(), "102"));
    assertThat(((CstaEvent.Transfered) a.next()).localConnectionInfo()).isEqualTo("null");
    assertThat(sim.calls()).containsExactly(r.transferredCall().callId() + ": {102=connected, 103=connected}");
  }

  @Test
  void conferenceJoinsThreeParties() throws Exception {
    ConnectionId first = established();
    ConnectionId consult = c.consultationCall(first, "103").get(5, TimeUnit.SECONDS).initiatedCall();
    a.names(4);
    c.answerCall(((CstaEvent.Delivered) d.next()).connection()).get(5, TimeUnit.SECONDS);
    a.next();
    d.next();
    CstaResponse.ConferenceCallResponse r = c.conferenceCall(first, consult).get(5, TimeUnit.SECONDS);
    assertThat(r.connections()).hasSize(3);
    CstaEvent.Conferenced conf = (CstaEvent.Conferenced) a.next();
    assertThat(conf.addedParty()).isEqualTo("103");
    assertThat(conf.conferencingDevice()).isEqualTo("101");
    assertThat(sim.calls()).hasSize(1);
  }

  @Test
  void singleStepTransferRingsTheNewDestination() throws Exception {
    ConnectionId call = established();
    CstaResponse.SingleStepTransferCallResponse r = c.singleStepTransferCall(call, "103").get(5, TimeUnit.SECONDS);
    assertThat(r.transferredCall().deviceId()).isEqualTo("103");
    assertThat(d.names(2)).containsExactly("TransferedEvent", "DeliveredEvent");
    assertThat(a.next().name()).isEqualTo("TransferedEvent");
  }

  @Test
  void clearCallEndsEveryLegAndSnapshotShowsCalls() throws Exception {
    ConnectionId call = established();
    CstaResponse.SnapshotDeviceResponse snap = c.snapshotDevice("102").get(5, TimeUnit.SECONDS);
    assertThat(snap.calls()).hasSize(1);
    assertThat(snap.calls().get(0).endpointDevice()).isEqualTo("101");
    c.clearCall(new ConnectionId(call.callId(), null)).get(5, TimeUnit.SECONDS);
    assertThat(a.names(3)).containsExactly("ConnectionClearedEvent", "ConnectionClearedEvent", "CallClearedEvent");
    assertThat(c.snapshotDevice("102").get(5, TimeUnit.SECONDS).calls()).isEmpty();
    assertThat(errorValue(c.clearCall(call))).isEqualTo("invalidCallID");
    assertThat(errorValue(c.snapshotDevice("555"))).isEqualTo("invalidDeviceID");
  }

  @Test
  void callingAnUnknownNumberFails() throws Exception {
    c.makeCall("101", "79001234567").get(5, TimeUnit.SECONDS);
    assertThat(a.names(5)).containsExactly(
        "ServiceInitiatedEvent", "OriginatedEvent", "FailedEvent", "ConnectionClearedEvent", "CallClearedEvent");
    // ECMA-285 OperationErrors spelling (there is no "invalidCallingDevice")
    assertThat(errorValue(c.makeCall("999", "101"))).isEqualTo("invalidCallingDeviceID");
  }

  @Test
  void callingABusyDeviceFailsWithBusy() throws Exception {
    established();
    c.makeCall("103", "102").get(5, TimeUnit.SECONDS);
    d.names(2);
    assertThat(((CstaEvent.Failed) d.next()).cause()).isEqualTo("busy");
  }
}
