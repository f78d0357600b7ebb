package io.ecss.csta;

import static io.ecss.csta.CstaMonitorFilter.CallControl.CALL_CLEARED;
import static io.ecss.csta.CstaMonitorFilter.CallControl.CONNECTION_CLEARED;
import static io.ecss.csta.CstaMonitorFilter.CallControl.DELIVERED;
import static io.ecss.csta.CstaMonitorFilter.CallControl.ESTABLISHED;
import static io.ecss.csta.CstaMonitorFilter.CallControl.ORIGINATED;
import static io.ecss.csta.CstaMonitorFilter.CallControl.TRANSFERRED;
import static io.ecss.csta.SimFixture.assertNoLeakedThreads;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Monitor filters and call monitors: codec, simulator, client, reconnect. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class CstaMonitorFilterTest {
  private static final String NS = CstaCodec.NS_ED3;
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

  // --- the value type and the codec ---------------------------------------------------------

  @Test
  void filterSemanticsAndValidation() {
    CstaMonitorFilter f = CstaMonitorFilter.onlyCallControl(DELIVERED, ESTABLISHED)
        .withFilteredOut(CstaMonitorFilter.Category.LOGICAL_DEVICE_FEATURE, "agentBusy");
    assertThat(f.filters("DeliveredEvent")).isFalse();
    assertThat(f.filters("EstablishedEvent")).isFalse();
    assertThat(f.filters("OriginatedEvent")).isTrue();
    assertThat(f.filters("TransferedEvent")).isTrue(); // flag "transferred", schema spelling of the event
    assertThat(f.filters("AgentBusyEvent")).isTrue();
    assertThat(f.filters("AgentReadyEvent")).isFalse();
    assertThat(f.filteredCallControl()).hasSize(16).doesNotContain(DELIVERED, ESTABLISHED).contains(TRANSFERRED);
    assertThat(f.filtered().get(CstaMonitorFilter.Category.LOGICAL_DEVICE_FEATURE)).containsExactly("agentBusy");
    assertThat(CstaMonitorFilter.NONE.isEmpty()).isTrue();
    assertThat(CstaMonitorFilter.NONE.filters("DeliveredEvent")).isFalse();
    assertThat(CstaMonitorFilter.NONE).hasToString("CstaMonitorFilter[none]");
    assertThat(CstaMonitorFilter.filterOut(ORIGINATED, TRANSFERRED))
        .hasToString("CstaMonitorFilter[filtered out: callcontrol/originated, callcontrol/transferred]")
        .isEqualTo(CstaMonitorFilter.filterOut(TRANSFERRED, ORIGINATED))
        .hasSameHashCodeAs(CstaMonitorFilter.filterOut(TRANSFERRED, ORIGINATED));
    assertThatThrownBy(() -> CstaMonitorFilter.NONE.withFilteredOut(CstaMonitorFilter.Category.CALL_CONTROL, "ringing"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("flag: 'ringing' is not an ECMA-323 callcontrol filter flag");
    assertThatThrownBy(() -> CstaMonitorFilter.NONE.withFilteredOut(CstaMonitorFilter.Category.VOICE, "<x>"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("flag: '<x>' (expected an element name such as agentBusy)");
    assertThatThrownBy(() -> new CstaRequest.MonitorStart(null, null, CstaMonitorFilter.NONE, null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("MonitorStart: give exactly one of deviceId and callObject");
    assertThatThrownBy(() -> new CstaRequest.MonitorStart("101", ConnectionId.of("C1", "101"), CstaMonitorFilter.NONE, null))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void monitorStartWithFilterAndTypeHasTheSchemaShape() {
    CstaRequest.MonitorStart req = CstaRequest.MonitorStart.device("101",
        CstaMonitorFilter.filterOut(ORIGINATED, TRANSFERRED)
            .withFilteredOut(CstaMonitorFilter.Category.LOGICAL_DEVICE_FEATURE, "agentBusy"),
        CstaMonitorType.DEVICE);
    String xml = CstaCodec.encode(req);
    assertThat(xml).isEqualTo(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><MonitorStart xmlns=\"" + NS + "\">"
            + "<monitorObject><deviceObject>101</deviceObject></monitorObject>"
            + "<requestedMonitorFilter><callcontrol><originated>true</originated><transferred>true</transferred>"
            + "</callcontrol><logicalDeviceFeature><agentBusy>true</agentBusy></logicalDeviceFeature>"
            + "</requestedMonitorFilter><monitorType>device</monitorType></MonitorStart>");
    assertThat(CstaCodec.decode(xml)).isEqualTo(req);
    // the plain form is unchanged: no filter element at all
    assertThat(CstaCodec.encode(new CstaRequest.MonitorStart("101"))).isEqualTo(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><MonitorStart xmlns=\"" + NS + "\">"
            + "<monitorObject><deviceObject>101</deviceObject></monitorObject></MonitorStart>");
    CstaRequest.MonitorStart call = CstaRequest.MonitorStart.call(new ConnectionId("C7", null), CstaMonitorFilter.NONE);
    String callXml = CstaCodec.encode(call);
    assertThat(callXml).isEqualTo(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><MonitorStart xmlns=\"" + NS + "\">"
            + "<monitorObject><callObject><callID>C7</callID></callObject></monitorObject>"
            + "<monitorType>call</monitorType></MonitorStart>");
    assertThat(CstaCodec.decode(callXml)).isEqualTo(call);
  }

  @Test
  void peerFilterFormsAreRead() {
    // explicit false flags, "1", ed6 namespace, an unknown category and an unknown later-edition flag
    CstaMessage m = CstaCodec.decode(
        "<MonitorStart xmlns=\"http://www.ecma-international.org/standards/ecma-323/csta/ed6\">"
            + "<monitorObject><deviceObject>102</deviceObject></monitorObject>"
            + "<requestedMonitorFilter><callcontrol><delivered>false</delivered><established>1</established>"
            + "<futureThing>true</futureThing></callcontrol><privateFilter><x>true</x></privateFilter>"
            + "</requestedMonitorFilter><monitorType>call</monitorType></MonitorStart>");
    CstaRequest.MonitorStart r = (CstaRequest.MonitorStart) m;
    assertThat(r.monitorType()).isEqualTo(CstaMonitorType.CALL);
    assertThat(r.filter().filtered()).isEqualTo(
        Map.of(CstaMonitorFilter.Category.CALL_CONTROL, Set.of("established", "futureThing")));
    assertThat(r.filter().filteredCallControl()).containsExactly(ESTABLISHED);
    assertThatThrownBy(() -> CstaCodec.decode("<MonitorStart><monitorObject><deviceObject>1</deviceObject>"
        + "</monitorObject><monitorType>sideways</monitorType></MonitorStart>"))
        .isInstanceOf(CstaParseException.class)
        .hasMessageContaining("monitorType: 'sideways' (expected call or device)");
    assertThatThrownBy(() -> CstaCodec.decode("<MonitorStart><monitorObject/></MonitorStart>"))
        .isInstanceOf(CstaParseException.class)
        .hasMessageContaining("deviceObject or callObject");
    CstaResponse.MonitorStartResponse resp = new CstaResponse.MonitorStartResponse("9", CstaMonitorFilter.filterOut(DELIVERED));
    String respXml = CstaCodec.encode(resp);
    assertThat(respXml).endsWith("<monitorCrossRefID>9</monitorCrossRefID><actualMonitorFilter><callcontrol>"
        + "<delivered>true</delivered></callcontrol></actualMonitorFilter></MonitorStartResponse>");
    assertThat(CstaCodec.decode(respXml)).isEqualTo(resp);
    assertThat(CstaCodec.decode(CstaCodec.encode(new CstaResponse.MonitorStartResponse("9"))))
        .isEqualTo(new CstaResponse.MonitorStartResponse("9", null));
  }

  // --- over loopback --------------------------------------------------------------------------

  @Test
  void theSimulatorHonoursTheFilterPerMonitor() throws Exception {
    SimFixture.Recorder filtered = new SimFixture.Recorder();
    SimFixture.Recorder all = new SimFixture.Recorder();
    SimFixture.Recorder callee = new SimFixture.Recorder();
    CstaMonitorFilter f = CstaMonitorFilter.onlyCallControl(DELIVERED, ESTABLISHED, CONNECTION_CLEARED, CALL_CLEARED);
    CstaMonitor m = c.monitor(CstaRequest.MonitorStart.device("101", f, null), filtered).get(5, TimeUnit.SECONDS);
    assertThat(m.filter()).isEqualTo(f); // the simulator confirms it in actualMonitorFilter
    assertThat(m.request().filter()).isEqualTo(f);
    assertThat(m.deviceId()).isEqualTo("101");
    c.monitor("101", all).get(5, TimeUnit.SECONDS);
    c.monitor("102", callee).get(5, TimeUnit.SECONDS);
    ConnectionId leg = c.makeCall("101", "102").get(5, TimeUnit.SECONDS).callingDevice();
    CstaEvent.Delivered ringing = (CstaEvent.Delivered) callee.next();
    c.answerCall(ringing.connection()).get(5, TimeUnit.SECONDS);
    c.clearConnection(leg).get(5, TimeUnit.SECONDS);
    assertThat(all.names(7)).containsExactly("ServiceInitiatedEvent", "OriginatedEvent", "DeliveredEvent",
        "EstablishedEvent", "ConnectionClearedEvent", "ConnectionClearedEvent", "CallClearedEvent");
    assertThat(filtered.names(5)).containsExactly("DeliveredEvent", "EstablishedEvent",
        "ConnectionClearedEvent", "ConnectionClearedEvent", "CallClearedEvent");
    assertThat(filtered.events.poll(200, TimeUnit.MILLISECONDS)).isNull();
  }

  @Test
  void agentStateFlagsFilterTheirEvents() throws Exception {
    SimFixture.Recorder r = new SimFixture.Recorder();
    c.monitor(CstaRequest.MonitorStart.device("105",
        CstaMonitorFilter.NONE.withFilteredOut(CstaMonitorFilter.Category.LOGICAL_DEVICE_FEATURE, "agentBusy"),
        CstaMonitorType.DEVICE), r).get(5, TimeUnit.SECONDS);
    assertThat(sim.sendUnknownEvent("105", "AgentBusyEvent")).isZero();
    assertThat(sim.sendUnknownEvent("105", "AgentReadyEvent")).isEqualTo(1);
    assertThat(r.next().name()).isEqualTo("AgentReadyEvent");
  }

  @Test
  void theFilterIsRequestedAgainAfterAReconnect() throws Exception {
    SimFixture.Recorder r = new SimFixture.Recorder();
    CstaMonitor m = c.monitor(CstaRequest.MonitorStart.device("101", CstaMonitorFilter.filterOut(ORIGINATED,
        CstaMonitorFilter.CallControl.SERVICE_INITIATED), null), r).get(5, TimeUnit.SECONDS);
    String before = m.monitorCrossRefId();
    sim.dropConnections();
    assertThat(r.resyncs.poll(5, TimeUnit.SECONDS)).isEmpty();
    assertThat(m.monitorCrossRefId()).isNotEqualTo(before);
    c.makeCall("101", "102").get(5, TimeUnit.SECONDS);
    assertThat(r.next().name()).isEqualTo("DeliveredEvent");
  }

  @Test
  void aCallMonitorFollowsTheCallThroughTransferAndEndsWithIt() throws Exception {
    SimFixture.Recorder a = new SimFixture.Recorder();
    SimFixture.Recorder b = new SimFixture.Recorder();
    SimFixture.Recorder d = new SimFixture.Recorder();
    c.monitor("101", a).get(5, TimeUnit.SECONDS);
    c.monitor("102", b).get(5, TimeUnit.SECONDS);
    c.monitor("103", d).get(5, TimeUnit.SECONDS);
    ConnectionId first = c.makeCall("101", "102").get(5, TimeUnit.SECONDS).callingDevice();
    a.names(3);
    c.answerCall(((CstaEvent.Delivered) b.next()).connection()).get(5, TimeUnit.SECONDS);
    a.next();
    b.next();

    SimFixture.Recorder callMon = new SimFixture.Recorder();
    CstaMonitor cm = c.monitor(CstaRequest.MonitorStart.call(new ConnectionId(first.callId(), null),
        CstaMonitorFilter.NONE), callMon).get(5, TimeUnit.SECONDS);
    assertThat(cm.deviceId()).isNull();
    assertThat(cm.request().monitorType()).isEqualTo(CstaMonitorType.CALL);

    ConnectionId consult = c.consultationCall(first, "103").get(5, TimeUnit.SECONDS).initiatedCall();
    c.answerCall(((CstaEvent.Delivered) d.next()).connection()).get(5, TimeUnit.SECONDS);
    CstaResponse.TransferCallResponse t = c.transferCall(first, consult).get(5, TimeUnit.SECONDS);
    c.clearConnection(ConnectionId.of(t.transferredCall().callId(), "102")).get(5, TimeUnit.SECONDS);

    List<String> names = callMon.names(6);
    assertThat(names).containsExactly("HeldEvent", "TransferedEvent", "ConnectionClearedEvent",
        "ConnectionClearedEvent", "CallClearedEvent", "MonitorEndedEvent");
    Throwable ended = callMon.ended.poll(3, TimeUnit.SECONDS);
    assertThat(ended).isInstanceOf(CstaException.class)
        .hasMessage("monitor " + cm.monitorCrossRefId() + " ended by the switch (MonitorEndedEvent)");
    assertThat(cm.isActive()).isFalse();
    assertThat(cm.stop().get(5, TimeUnit.SECONDS)).isNull(); // nothing left to stop
  }

  @Test
  void aCallMonitorOnAnUnknownCallIsRefused() {
    Throwable t = null;
    try {
      c.monitor(CstaRequest.MonitorStart.call(ConnectionId.of("C404", "101"), CstaMonitorFilter.NONE),
          e -> { }).join();
    } catch (CompletionException e) {
      t = e.getCause();
    }
    assertThat(t).isInstanceOf(CstaServiceException.class);
    assertThat(((CstaServiceException) t).error().value()).isEqualTo("invalidMonitorObject");
  }

  @Test
  void aCallMonitorIsRestartedAfterAReconnectWithItsCallsSnapshot() throws Exception {
    ConnectionId leg = c.makeCall("101", "102").get(5, TimeUnit.SECONDS).callingDevice();
    SimFixture.Recorder callMon = new SimFixture.Recorder();
    CstaMonitor cm = c.monitor(CstaRequest.MonitorStart.call(leg, CstaMonitorFilter.NONE), callMon)
        .get(5, TimeUnit.SECONDS);
    sim.dropConnections();
    List<CstaResponse.SnapshotCall> snap = callMon.resyncs.poll(5, TimeUnit.SECONDS);
    assertThat(snap).extracting(s -> s.connection().callId()).containsExactly(leg.callId());
    assertThat(cm.isActive()).isTrue();
    c.clearCall(leg).get(5, TimeUnit.SECONDS);
    assertThat(callMon.names(4)).containsExactly("ConnectionClearedEvent", "ConnectionClearedEvent",
        "CallClearedEvent", "MonitorEndedEvent");
  }
}
