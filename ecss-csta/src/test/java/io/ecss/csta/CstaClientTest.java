package io.ecss.csta;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class CstaClientTest extends SimulatorClientTest {

  private static Throwable cause(CompletableFuture<?> f) {
    try {
      f.join();
    } catch (CompletionException e) {
      return e.getCause();
    }
    throw new AssertionError("future completed normally");
  }

  @Test
  void connectsWithSessionAndClosesIdempotently() throws Exception {
    SimFixture.Recorder rec = new SimFixture.Recorder();
    CstaClient c = SimFixture.client(sim).listener(rec).build();
    clients.add(c);
    assertThat(c.state()).isEqualTo(CstaClient.State.NEW);
    c.connect().get(5, TimeUnit.SECONDS);
    assertThat(c.state()).isEqualTo(CstaClient.State.CONNECTED);
    assertThat(rec.nextState()).isEqualTo(CstaClient.State.CONNECTING);
    assertThat(rec.nextState()).isEqualTo(CstaClient.State.CONNECTED);
    assertThat(sim.connectionCount()).isEqualTo(1);
    assertThatThrownBy(c::connect).isInstanceOf(IllegalStateException.class);
    c.close();
    c.close();
    assertThat(c.state()).isEqualTo(CstaClient.State.CLOSED);
    assertThat(rec.nextState()).isEqualTo(CstaClient.State.CLOSED);
    SimFixture.await(() -> sim.connectionCount() == 0, "StopApplicationSession to close the link");
    assertThat(cause(c.requestSystemStatus())).isInstanceOf(CstaConnectionException.class)
        .hasMessage("RequestSystemStatus not sent: client is CLOSED");
    assertThat(c.toString()).contains("CLOSED");
  }

  @Test
  void wrongPasswordFailsConnectAndClosesTheClient() throws Exception {
    CstaClient c = SimFixture.client(sim).credentials(SimFixture.USER, "wrong").build();
    clients.add(c);
    Throwable t = cause(c.connect());
    assertThat(t).isInstanceOf(CstaServiceException.class)
        .hasMessage("StartApplicationSession invokeID 0001 refused: definedError/invalidApplicationInfo");
    assertThat(((CstaServiceException) t).error().name()).isEqualTo("StartApplicationSessionNegResponse");
    SimFixture.await(() -> c.state() == CstaClient.State.CLOSED, "CLOSED");
  }

  @Test
  void connectToAClosedPortFails() throws Exception {
    int port = sim.port();
    sim.close();
    CstaClient c = CstaClient.builder("127.0.0.1", port).connectTimeout(Duration.ofSeconds(1)).build();
    clients.add(c);
    assertThat(cause(c.connect())).isInstanceOf(CstaConnectionException.class);
  }

  @Test
  void requestBeforeConnectFailsAtOnce() {
    CstaClient c = SimFixture.client(sim).build();
    clients.add(c);
    assertThat(cause(c.makeCall("101", "102"))).isInstanceOf(CstaConnectionException.class)
        .hasMessage("MakeCall not sent: client is NEW");
  }

  @Test
  void aRequestTooLargeForOneFrameIsRefusedAsACallerMistakeAndTheLinkStays() throws Exception {
    SimFixture.Recorder rec = new SimFixture.Recorder();
    CstaClient c = connected(SimFixture.client(sim).listener(rec));
    assertThat(rec.nextState()).isEqualTo(CstaClient.State.CONNECTING);
    assertThat(rec.nextState()).isEqualTo(CstaClient.State.CONNECTED);
    // Cyrillic: 2 bytes per char in UTF-8, so 40,000 chars are about 80 KB on the wire.
    Throwable t = cause(c.makeCall("101", "Ж".repeat(40_000)));
    assertThat(t).isInstanceOf(IllegalArgumentException.class)
        .hasMessageMatching("MakeCall not sent: frame length \\d+ bytes \\(expected <= 65535\\)");
    assertThat(c.invokeIdsInUse()).isZero();
    assertThat(c.requestSystemStatus().get(5, TimeUnit.SECONDS).systemStatus()).isEqualTo("normal");
    assertThat(c.state()).isEqualTo(CstaClient.State.CONNECTED);
    assertThat(rec.states).isEmpty();
  }

  @Test
  void clickToCallAnswerAndHangUpGiveTheEventsInOrder() throws Exception {
    CstaClient c = connected(SimFixture.client(sim));
    SimFixture.Recorder a = new SimFixture.Recorder();
    SimFixture.Recorder b = new SimFixture.Recorder();
    CstaMonitor ma = c.monitor("101", a).get(5, TimeUnit.SECONDS);
    c.monitor("102", b).get(5, TimeUnit.SECONDS);
    assertThat(ma.deviceId()).isEqualTo("101");
    assertThat(ma.isActive()).isTrue();

    ConnectionId call = c.makeCall("101", "102").get(5, TimeUnit.SECONDS).callingDevice();
    assertThat(call.deviceId()).isEqualTo("101");
    assertThat(a.names(3)).containsExactly("ServiceInitiatedEvent", "OriginatedEvent", "DeliveredEvent");
    CstaEvent.Delivered ringing = (CstaEvent.Delivered) b.next();
    assertThat(ringing.localConnectionInfo()).isEqualTo("alerting");
    assertThat(ringing.callingDevice()).isEqualTo("101");
    assertThat(ringing.monitorCrossRefId()).isNotEqualTo(ma.monitorCrossRefId());

    c.answerCall(ringing.connection()).get(5, TimeUnit.SECONDS);
    assertThat(a.next()).isInstanceOf(CstaEvent.Established.class);
    CstaEvent.Established est = (CstaEvent.Established) b.next();
    assertThat(est.answeringDevice()).isEqualTo("102");

    c.clearConnection(call).get(5, TimeUnit.SECONDS);
    assertThat(a.names(3)).containsExactly("ConnectionClearedEvent", "ConnectionClearedEvent", "CallClearedEvent");
    assertThat(b.names(3)).containsExactly("ConnectionClearedEvent", "ConnectionClearedEvent", "CallClearedEvent");
    assertThat(sim.calls()).isEmpty();
    // Listeners never run on the reader thread.
    assertThat(a.threads).allMatch(n -> n.startsWith("ecss-csta-callbacks "));
  }

  @Test
  void negativeResponsesAreTyped() throws Exception {
    CstaClient c = connected(SimFixture.client(sim));
    Throwable t = cause(c.answerCall(ConnectionId.of("nope", "101")));
    assertThat(t).isInstanceOf(CstaServiceException.class);
    assertThat(((CstaServiceException) t).error()).isEqualTo(CstaError.of("operation", "invalidCallID"));
    assertThat(cause(c.monitor("999", e -> {}))).isInstanceOf(CstaServiceException.class)
        .hasMessageEndingWith("refused: operation/invalidMonitorObject");
    sim.failNextRequest("MakeCall", CstaError.of("systemResourceAvailibility", "resourceBusy"));
    assertThat(((CstaServiceException) cause(c.makeCall("101", "102"))).error().category())
        .isEqualTo("systemResourceAvailibility");
  }

  @Test
  void aMonitorStartedAfterItsRequestTimedOutIsStoppedNotLeaked() throws Exception {
    SimFixture.Recorder rec = new SimFixture.Recorder();
    CstaClient c = connected(SimFixture.client(sim).listener(rec));
    sim.delayNextResponse("MonitorStart", Duration.ofMillis(700));
    assertThat(cause(c.invoke(new CstaRequest.MonitorStart("103"), Duration.ofMillis(300))))
        .isInstanceOf(CstaTimeoutException.class);
    // The switch started the monitor anyway; when its late response comes the client stops it.
    int before = sim.requestsServed();
    SimFixture.await(() -> sim.requestsServed() > before, "the MonitorStop for the late monitor");
    assertThat(sim.sendUnknownEvent("103", "DoNotDisturbEvent")).as("monitors left on 103").isZero();
    assertThat(rec.unrouted).isEmpty();
  }

  @Test
  void timeoutThenLateReplyIsDroppedNotMisdelivered() throws Exception {
    CstaClient c = connected(SimFixture.client(sim).invokeIdQuarantine(Duration.ofSeconds(30)));
    sim.delayNextResponse("MakeCall", Duration.ofMillis(400));
    Throwable t = cause(c.invoke(CstaRequest.MakeCall.of("101", "102"), Duration.ofMillis(100)));
    assertThat(t).isInstanceOf(CstaTimeoutException.class)
        .hasMessageMatching("MakeCall invokeID \\d{4} timed out after 100 ms");
    // While the late MakeCallResponse is in flight, other requests keep their own answers.
    long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(600);
    int n = 0;
    while (System.nanoTime() < end) {
      assertThat(c.snapshotDevice("101").get(5, TimeUnit.SECONDS).calls()).hasSize(1);
      assertThat(c.requestSystemStatus().get(5, TimeUnit.SECONDS).systemStatus()).isEqualTo("normal");
      n++;
    }
    assertThat(n).isPositive();
    assertThat(c.invokeIdsInUse()).isZero();
  }

  @Test
  void lostResponseTimesOut() throws Exception {
    CstaClient c = connected(SimFixture.client(sim));
    sim.loseNextResponse("RequestSystemStatus");
    assertThat(cause(c.invoke(new CstaRequest.RequestSystemStatus(), Duration.ofMillis(150))))
        .isInstanceOf(CstaTimeoutException.class);
    assertThat(c.requestSystemStatus().get(5, TimeUnit.SECONDS).systemStatus()).isEqualTo("normal");
    assertThatThrownBy(() -> c.invoke(new CstaRequest.RequestSystemStatus(), Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("timeout: PT0S (expected > 0)");
  }

  @Test
  void serverSystemStatusIsAnsweredAndReported() throws Exception {
    SimFixture.Recorder rec = new SimFixture.Recorder();
    connected(SimFixture.client(sim).listener(rec));
    assertThat(sim.sendSystemStatus("messagesLost")).isEqualTo(1);
    assertThat(rec.statuses.poll(3, TimeUnit.SECONDS)).isEqualTo("messagesLost");
    SimFixture.await(() -> sim.systemStatusAcks() == 1, "SystemStatusResponse");
  }

  @Test
  void unknownEventsReachTheMonitorRawAndUnroutedOnesTheClientListener() throws Exception {
    SimFixture.Recorder client = new SimFixture.Recorder();
    CstaClient c = connected(SimFixture.client(sim).listener(client));
    SimFixture.Recorder rec = new SimFixture.Recorder();
    CstaMonitor m = c.monitor("103", rec).get(5, TimeUnit.SECONDS);
    assertThat(sim.sendUnknownEvent("103", "DoNotDisturbEvent")).isEqualTo(1);
    CstaEvent e = rec.next();
    assertThat(e).isInstanceOf(CstaEvent.Raw.class);
    assertThat(e.name()).isEqualTo("DoNotDisturbEvent");
    assertThat(((CstaEvent.Raw) e).xml()).contains("<deviceIdentifier>103</deviceIdentifier>");
    assertThat(e.monitorCrossRefId()).isEqualTo(m.monitorCrossRefId());
  }

  @Test
  void splitFramesAreReassembled() throws Exception {
    CstaClient c = connected(SimFixture.client(sim));
    sim.splitFrames(true);
    SimFixture.Recorder rec = new SimFixture.Recorder();
    c.monitor("104", rec).get(5, TimeUnit.SECONDS);
    c.makeCall("104", "105").get(5, TimeUnit.SECONDS);
    assertThat(rec.names(3)).containsExactly("ServiceInitiatedEvent", "OriginatedEvent", "DeliveredEvent");
  }

  @Test
  void stoppedMonitorGetsNoMoreEvents() throws Exception {
    CstaClient c = connected(SimFixture.client(sim));
    SimFixture.Recorder rec = new SimFixture.Recorder();
    CstaMonitor m = c.monitor("106", rec).get(5, TimeUnit.SECONDS);
    m.stop().get(5, TimeUnit.SECONDS);
    m.stop().get(5, TimeUnit.SECONDS);
    assertThat(m.isActive()).isFalse();
    c.makeCall("106", "107").get(5, TimeUnit.SECONDS);
    assertThat(rec.events.poll(200, TimeUnit.MILLISECONDS)).isNull();
  }

  @Test
  void aMonitorStoppedWhileTheReconnectReissuesItIsStoppedOnTheSwitch() throws Exception {
    SimFixture.Recorder client = new SimFixture.Recorder();
    CstaClient c = connected(SimFixture.client(sim).listener(client));
    assertThat(client.nextState()).isEqualTo(CstaClient.State.CONNECTING);
    assertThat(client.nextState()).isEqualTo(CstaClient.State.CONNECTED);
    SimFixture.Recorder rec = new SimFixture.Recorder();
    CstaMonitor m = c.monitor("104", rec).get(5, TimeUnit.SECONDS);

    sim.delayNextResponse("MonitorStart", Duration.ofMillis(800));
    int before = sim.requestsServed();
    sim.dropConnections();
    assertThat(client.nextState()).isEqualTo(CstaClient.State.RECONNECTING);
    // login and the re-issued MonitorStart reached the switch; its answer is 800 ms away
    SimFixture.await(() -> sim.requestsServed() >= before + 2, "the re-issued MonitorStart");
    m.stop().get(5, TimeUnit.SECONDS);
    assertThat(client.nextState()).isEqualTo(CstaClient.State.CONNECTED);
    SimFixture.await(() -> sim.requestsServed() >= before + 3, "the MonitorStop of the stopped monitor");
    assertThat(sim.sendUnknownEvent("104", "DoNotDisturbEvent")).as("monitors left on 104").isZero();
    assertThat(rec.resyncs).isEmpty();
    assertThat(client.unrouted).isEmpty();
  }

  @Test
  void disconnectFailsPendingReconnectsRestoresMonitorsAndResyncs() throws Exception {
    SimFixture.Recorder client = new SimFixture.Recorder();
    CstaClient c = connected(SimFixture.client(sim).listener(client));
    assertThat(client.nextState()).isEqualTo(CstaClient.State.CONNECTING);
    assertThat(client.nextState()).isEqualTo(CstaClient.State.CONNECTED);
    SimFixture.Recorder rec = new SimFixture.Recorder();
    CstaMonitor m = c.monitor("108", rec).get(5, TimeUnit.SECONDS);
    c.makeCall("108", "109").get(5, TimeUnit.SECONDS);
    rec.names(3);
    String oldXref = m.monitorCrossRefId();

    sim.delayNextResponse("RequestSystemStatus", Duration.ofSeconds(5));
    CompletableFuture<?> pending = c.requestSystemStatus();
    SimFixture.await(() -> sim.requestsServed() >= 4, "the request to reach the simulator");
    sim.dropConnections();

    Throwable t = cause(pending);
    assertThat(t).isInstanceOf(CstaConnectionException.class).hasMessageContaining("RequestSystemStatus invokeID");
    assertThat(client.nextState()).isEqualTo(CstaClient.State.RECONNECTING);
    assertThat(client.nextState()).isEqualTo(CstaClient.State.CONNECTED);
    List<CstaResponse.SnapshotCall> calls = rec.resyncs.poll(5, TimeUnit.SECONDS);
    assertThat(calls).hasSize(1);
    assertThat(calls.get(0).connection().deviceId()).isEqualTo("108");
    assertThat(calls.get(0).localConnectionStates()).containsExactly("connected", "alerting");
    assertThat(m.monitorCrossRefId()).isNotEqualTo(oldXref);
    // Events flow again under the new monitor id.
    c.clearConnection(calls.get(0).connection()).get(5, TimeUnit.SECONDS);
    CstaEvent e = rec.next();
    assertThat(e.name()).isEqualTo("ConnectionClearedEvent");
    assertThat(e.monitorCrossRefId()).isEqualTo(m.monitorCrossRefId());
  }

  @Test
  void sessionTerminatedByTheSwitchReconnects() throws Exception {
    SimFixture.Recorder client = new SimFixture.Recorder();
    CstaClient c = connected(SimFixture.client(sim).listener(client));
    client.nextState();
    client.nextState();
    sim.terminateSessions("administrative");
    assertThat(client.nextState()).isEqualTo(CstaClient.State.RECONNECTING);
    assertThat(client.nextState()).isEqualTo(CstaClient.State.CONNECTED);
    assertThat(c.requestSystemStatus().get(5, TimeUnit.SECONDS).systemStatus()).isEqualTo("normal");
  }

  @Test
  void withoutReconnectALostLinkClosesTheClient() throws Exception {
    SimFixture.Recorder rec = new SimFixture.Recorder();
    CstaClient c = connected(SimFixture.client(sim).noReconnect().listener(rec));
    CstaMonitor m = c.monitor("110", rec).get(5, TimeUnit.SECONDS);
    rec.nextState();
    rec.nextState();
    sim.dropConnections();
    assertThat(rec.nextState()).isEqualTo(CstaClient.State.CLOSED);
    assertThat(rec.ended.poll(5, TimeUnit.SECONDS)).isInstanceOf(CstaConnectionException.class);
    assertThat(m.isActive()).isFalse();
  }

  @Test
  void reconnectGivesUpAfterMaxAttempts() throws Exception {
    SimFixture.Recorder rec = new SimFixture.Recorder();
    connected(SimFixture.client(sim)
        .reconnect(new CstaBackoff(Duration.ofMillis(20), Duration.ofMillis(40), 0, 2))
        .listener(rec));
    rec.nextState();
    rec.nextState();
    sim.close();
    assertThat(rec.nextState()).isEqualTo(CstaClient.State.RECONNECTING);
    assertThat(rec.nextState()).isEqualTo(CstaClient.State.CLOSED);
  }

  @Test
  void keepAliveHoldsTheSessionBeyondItsDuration() throws Exception {
    sim.close();
    sim = CstaSimulator.builder().port(0).devices(SimFixture.devices())
        .maxSessionDuration(Duration.ofSeconds(4)).build().start();
    SimFixture.Recorder rec = new SimFixture.Recorder();
    CstaClient c = connected(SimFixture.client(sim).sessionDuration(Duration.ofSeconds(4)).listener(rec));
    rec.nextState();
    rec.nextState();
    Thread.sleep(5_000);
    assertThat(rec.states).isEmpty();
    assertThat(c.state()).isEqualTo(CstaClient.State.CONNECTED);
    assertThat(sim.connectionCount()).isEqualTo(1);
  }

  @Test
  void keepAliveFollowsTheGrantedNotTheRequestedDuration() throws Exception {
    sim.close();
    sim = CstaSimulator.builder().port(0).devices(SimFixture.devices())
        .maxSessionDuration(Duration.ofSeconds(1)).build().start();
    SimFixture.Recorder rec = new SimFixture.Recorder();
    // The client asks for 60 s; the switch grants 1 s, so keep-alive runs every 500 ms.
    CstaClient c = connected(SimFixture.client(sim).sessionDuration(Duration.ofSeconds(60)).listener(rec));
    rec.nextState();
    rec.nextState();
    Thread.sleep(2_500);
    assertThat(rec.states).isEmpty();
    assertThat(c.state()).isEqualTo(CstaClient.State.CONNECTED);
  }

  @Test
  void closeFailsPendingRequestsAndEndsMonitors() throws Exception {
    CstaClient c = connected(SimFixture.client(sim));
    SimFixture.Recorder rec = new SimFixture.Recorder();
    c.monitor("111", rec).get(5, TimeUnit.SECONDS);
    sim.loseNextResponse("SnapshotDevice");
    CompletableFuture<?> f = c.snapshotDevice("111");
    SimFixture.await(() -> sim.requestsServed() >= 3, "request sent");
    c.close();
    assertThat(cause(f)).isInstanceOf(CstaConnectionException.class);
    assertThat(rec.ended.poll(3, TimeUnit.SECONDS)).hasMessage("client closed");
  }

  @Test
  void closeFromACallbackDoesNotDeadlock() throws Exception {
    CstaClient c = connected(SimFixture.client(sim));
    c.requestSystemStatus().thenRun(c::close).get(5, TimeUnit.SECONDS);
    SimFixture.await(() -> c.state() == CstaClient.State.CLOSED, "closed");
  }

  @Test
  void tenThousandRequestsWith64InFlightAreAllCorrelated() throws Exception {
    CstaClient c = connected(SimFixture.client(sim).requestTimeout(Duration.ofSeconds(20)));
    // Ten calls, so SnapshotDevice(d) answers with a connection naming d.
    for (int i = 101; i < 121; i += 2) {
      c.makeCall(Integer.toString(i), Integer.toString(i + 1)).get(5, TimeUnit.SECONDS);
    }
    Semaphore inFlight = new Semaphore(64);
    AtomicInteger ok = new AtomicInteger();
    AtomicReference<Throwable> failure = new AtomicReference<>();
    Random rnd = new Random(10_000);
    List<CompletableFuture<?>> all = new ArrayList<>();
    for (int i = 0; i < 10_000; i++) {
      inFlight.acquire();
      String device = Integer.toString(101 + rnd.nextInt(20));
      all.add(c.snapshotDevice(device).whenComplete((r, e) -> {
        inFlight.release();
        if (e != null) {
          failure.compareAndSet(null, e);
        } else if (r.calls().size() == 1 && device.equals(r.calls().get(0).connection().deviceId())) {
          ok.incrementAndGet();
        } else {
          failure.compareAndSet(null, new AssertionError("answer for " + device + ": " + r));
        }
      }));
    }
    CompletableFuture.allOf(all.toArray(new CompletableFuture<?>[0])).get(60, TimeUnit.SECONDS);
    assertThat(failure.get()).isNull();
    assertThat(ok.get()).isEqualTo(10_000);
    assertThat(c.invokeIdsInUse()).isZero();
  }

  @Test
  void callbackExecutorOfTheUserIsUsedInOrder() throws Exception {
    java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
    try {
      CstaClient c = connected(SimFixture.client(sim).callbackExecutor(pool));
      SimFixture.Recorder rec = new SimFixture.Recorder();
      c.monitor("112", rec).get(5, TimeUnit.SECONDS);
      c.makeCall("112", "113").get(5, TimeUnit.SECONDS);
      assertThat(rec.names(3)).containsExactly("ServiceInitiatedEvent", "OriginatedEvent", "DeliveredEvent");
      c.close();
    } finally {
      pool.shutdown();
      assertThat(pool.awaitTermination(5, TimeUnit.SECONDS)).isTrue();
    }
  }

  @Test
  void builderValidates() {
    assertThatThrownBy(() -> CstaClient.builder("", 1)).hasMessage("host: empty");
    assertThatThrownBy(() -> CstaClient.builder("h", 0)).hasMessage("port: 0 (expected 1..65535)");
    assertThatThrownBy(() -> CstaClient.builder("h", 1).requestTimeout(Duration.ofMillis(-1)))
        .hasMessage("requestTimeout: PT-0.001S (expected > 0)");
    assertThatThrownBy(() -> CstaClient.builder("h", 1).sessionDuration(Duration.ofMillis(10)))
        .hasMessage("sessionDuration: PT0.01S (expected >= 1 s)");
    assertThatThrownBy(() -> CstaClient.builder("h", 1).applicationId("")).hasMessage("applicationId: empty");
  }
}
