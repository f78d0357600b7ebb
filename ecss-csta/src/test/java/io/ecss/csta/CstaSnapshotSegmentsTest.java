package io.ecss.csta;

import static io.ecss.csta.SimFixture.assertNoLeakedThreads;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** SnapshotDevice answered with a serviceCrossRefID and SnapshotDeviceData segments. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class CstaSnapshotSegmentsTest {
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

  /** Puts 101 into {@code n} calls (all but the last on hold), with 102, 103, ... */
  private List<String> callsOf101(int n) throws Exception {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      String other = Integer.toString(102 + i);
      ConnectionId leg = c.makeCall("101", other).get(5, TimeUnit.SECONDS).callingDevice();
      c.answerCall(ConnectionId.of(leg.callId(), other)).get(5, TimeUnit.SECONDS);
      if (i < n - 1) {
        c.holdCall(leg).get(5, TimeUnit.SECONDS);
      }
      ids.add(leg.callId());
    }
    return ids;
  }

  @Test
  void wireShapes() {
    CstaResponse.SnapshotDeviceResponse r = new CstaResponse.SnapshotDeviceResponse(List.of(), "SX1");
    String xml = CstaCodec.encode(r);
    assertThat(xml).isEqualTo("<?xml version=\"1.0\" encoding=\"UTF-8\"?><SnapshotDeviceResponse xmlns=\"" + NS + "\">"
        + "<crossRefIDorSnapshotData><serviceCrossRefID>SX1</serviceCrossRefID></crossRefIDorSnapshotData>"
        + "</SnapshotDeviceResponse>");
    assertThat(CstaCodec.decode(xml)).isEqualTo(r);
    CstaMessage.SnapshotDeviceData d = new CstaMessage.SnapshotDeviceData("SX1", 2L, true, List.of(
        new CstaResponse.SnapshotCall(ConnectionId.of("C4", "101"), "104", List.of("hold", "connected"))));
    String dx = CstaCodec.encode(d);
    assertThat(dx).isEqualTo("<?xml version=\"1.0\" encoding=\"UTF-8\"?><SnapshotDeviceData xmlns=\"" + NS + "\">"
        + "<serviceCrossRefID>SX1</serviceCrossRefID><segmentID>2</segmentID><lastSegment>true</lastSegment>"
        + "<snapshotData><snapshotDeviceResponseInfo><connectionIdentifier><callID>C4</callID><deviceID>101</deviceID>"
        + "</connectionIdentifier><endpointDevice><deviceIdentifier>104</deviceIdentifier></endpointDevice>"
        + "<localCallState><compoundCallState><localConnectionState>hold</localConnectionState>"
        + "<localConnectionState>connected</localConnectionState></compoundCallState></localCallState>"
        + "</snapshotDeviceResponseInfo></snapshotData></SnapshotDeviceData>");
    assertThat(CstaCodec.decode(dx)).isEqualTo(d);
    // a peer that numbers nothing and marks nothing sent the whole answer in one message
    assertThat(CstaCodec.decode("<SnapshotDeviceData><serviceCrossRefID>7</serviceCrossRefID><snapshotData/></SnapshotDeviceData>"))
        .isEqualTo(new CstaMessage.SnapshotDeviceData("7", null, true, List.of()));
    assertThat(CstaCodec.decode("<SnapshotDeviceData><serviceCrossRefID>7</serviceCrossRefID><lastSegment>0</lastSegment>"
        + "</SnapshotDeviceData>")).isEqualTo(new CstaMessage.SnapshotDeviceData("7", null, false, List.of()));
    assertThatThrownBy(() -> CstaCodec.decode("<SnapshotDeviceData><serviceCrossRefID>7</serviceCrossRefID>"
        + "<segmentID>x</segmentID></SnapshotDeviceData>"))
        .isInstanceOf(CstaParseException.class)
        .hasMessage("SnapshotDeviceData/segmentID is not an integer: 'x' at line 1, column 72");
    assertThatThrownBy(() -> CstaCodec.decode("<SnapshotDeviceData><serviceCrossRefID>7</serviceCrossRefID>"
        + "<lastSegment>yes</lastSegment></SnapshotDeviceData>"))
        .isInstanceOf(CstaParseException.class)
        .hasMessageStartingWith("SnapshotDeviceData/lastSegment is not a boolean: 'yes'");
    assertThatThrownBy(() -> CstaCodec.decode("<SnapshotDeviceData><segmentID>1</segmentID></SnapshotDeviceData>"))
        .isInstanceOf(CstaParseException.class)
        .hasMessageStartingWith("SnapshotDeviceData lacks required element serviceCrossRefID");
  }

  @Test
  void segmentsAreReassembledIntoTheInlineAnswer() throws Exception {
    List<String> ids = callsOf101(5);
    CstaResponse.SnapshotDeviceResponse inline = c.snapshotDevice("101").get(5, TimeUnit.SECONDS);
    assertThat(inline.serviceCrossRefId()).isNull();
    assertThat(inline.calls()).extracting(s -> s.connection().callId()).containsExactlyElementsOf(ids);
    sim.segmentSnapshots(2); // 5 calls: segments of 2, 2, 1
    CstaResponse.SnapshotDeviceResponse segmented = c.snapshotDevice("101").get(5, TimeUnit.SECONDS);
    assertThat(segmented.serviceCrossRefId()).isEqualTo("SX1");
    assertThat(segmented.calls()).isEqualTo(inline.calls());
    sim.segmentSnapshots(1);
    assertThat(c.snapshotDevice("101").get(5, TimeUnit.SECONDS).calls()).isEqualTo(inline.calls());
    assertThat(c.invokeIdsInUse()).isZero();
  }

  @Test
  void aDeviceWithoutCallsIsOneEmptyLastSegment() throws Exception {
    sim.segmentSnapshots(3);
    CstaResponse.SnapshotDeviceResponse r = c.snapshotDevice("110").get(5, TimeUnit.SECONDS);
    assertThat(r.calls()).isEmpty();
    assertThat(r.serviceCrossRefId()).isEqualTo("SX1");
  }

  @Test
  void manySnapshotsInFlightAreKeptApart() throws Exception {
    callsOf101(3);
    sim.segmentSnapshots(1);
    List<CompletableFuture<CstaResponse.SnapshotDeviceResponse>> f = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      f.add(c.snapshotDevice(i % 2 == 0 ? "101" : "102"));
    }
    for (int i = 0; i < 20; i++) {
      assertThat(f.get(i).get(5, TimeUnit.SECONDS).calls()).hasSize(i % 2 == 0 ? 3 : 1);
    }
  }

  @Test
  void aMissingMiddleSegmentFailsTheRequest() throws Exception {
    callsOf101(3);
    sim.segmentSnapshots(1);
    sim.loseSnapshotSegment(2);
    Throwable t = null;
    try {
      c.snapshotDevice("101").join();
    } catch (CompletionException e) {
      t = e.getCause();
    }
    assertThat(t).isExactlyInstanceOf(CstaException.class).hasMessageMatching(
        "SnapshotDevice invokeID \\d{4}: segment 3 of serviceCrossRefID SX1 arrived after segment 1 "
            + "\\(a segment is missing or repeated\\)");
    // the client is fine afterwards
    assertThat(c.snapshotDevice("101").get(5, TimeUnit.SECONDS).calls()).hasSize(3);
  }

  @Test
  void aMissingLastSegmentTimesOut() throws Exception {
    callsOf101(2);
    sim.segmentSnapshots(1);
    sim.loseSnapshotSegment(2);
    Throwable t = null;
    try {
      c.invoke(new CstaRequest.SnapshotDevice("101"), Duration.ofMillis(300)).join();
    } catch (CompletionException e) {
      t = e.getCause();
    }
    assertThat(t).isInstanceOf(CstaTimeoutException.class).hasMessageMatching(
        "SnapshotDevice invokeID \\d{4} timed out after 300 ms waiting for the last SnapshotDeviceData segment"
            + " of serviceCrossRefID SX1 \\(1 received\\)");
  }

  /** A switch that sends the first segment before the response (ECMA-323 order is response first). */
  private static void earlySegmentSwitch(Socket s) throws IOException {
    InputStream in = s.getInputStream();
    OutputStream out = s.getOutputStream();
    CstaFrameDecoder dec = new CstaFrameDecoder();
    byte[] buf = new byte[4096];
    int n;
    while ((n = in.read(buf)) > 0) {
      for (CstaFrame f : dec.feed(buf, 0, n)) {
        CstaMessage m = CstaCodec.decode(f.xml());
        if (m instanceof CstaRequest.StartApplicationSession) {
          out.write(CstaFrames.encode(f.invokeId(), CstaCodec.encode(
              new CstaResponse.StartApplicationSessionResponse("S1", NS, 300))));
        } else if (m instanceof CstaRequest.SnapshotDevice) {
          out.write(CstaFrames.encode(CstaFrames.EVENT_INVOKE_ID, CstaCodec.encode(new CstaMessage.SnapshotDeviceData(
              "X9", 1L, false, List.of(new CstaResponse.SnapshotCall(ConnectionId.of("C1", "101"), "102", List.of("connected")))))));
          out.write(CstaFrames.encode(f.invokeId(), CstaCodec.encode(new CstaResponse.SnapshotDeviceResponse(List.of(), "X9"))));
          out.write(CstaFrames.encode(CstaFrames.EVENT_INVOKE_ID, CstaCodec.encode(new CstaMessage.SnapshotDeviceData(
              "X9", 2L, true, List.of(new CstaResponse.SnapshotCall(ConnectionId.of("C2", "101"), "103", List.of("hold")))))));
        } else if (m instanceof CstaRequest.StopApplicationSession) {
          out.write(CstaFrames.encode(f.invokeId(), CstaCodec.encode(new CstaResponse.StopApplicationSessionResponse())));
          return;
        }
        out.flush();
      }
    }
  }

  @Test
  void segmentsThatArriveBeforeTheResponseAreKept() throws Exception {
    try (ServerSocket ss = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      Thread server = new Thread(() -> {
        try (Socket s = ss.accept()) {
          earlySegmentSwitch(s);
        } catch (IOException e) {
          // test over
        }
      }, "early-segment-switch");
      server.start();
      try (CstaClient raw = CstaClient.builder("127.0.0.1", ss.getLocalPort())
          .connectTimeout(Duration.ofSeconds(2)).requestTimeout(Duration.ofSeconds(2)).noReconnect().build()) {
        raw.connect().get(5, TimeUnit.SECONDS);
        CstaResponse.SnapshotDeviceResponse r = raw.snapshotDevice("101").get(5, TimeUnit.SECONDS);
        assertThat(r.serviceCrossRefId()).isEqualTo("X9");
        assertThat(r.calls()).extracting(x -> x.connection().callId()).containsExactly("C1", "C2");
      }
      server.join(5_000);
      assertThat(server.isAlive()).isFalse();
    }
  }

  @Test
  void aLinkLossWhileCollectingFailsTheRequestAndResyncUsesSegments() throws Exception {
    SimFixture.Recorder r = new SimFixture.Recorder();
    c.monitor("101", r).get(5, TimeUnit.SECONDS);
    List<String> ids = callsOf101(3);
    sim.segmentSnapshots(1);
    sim.loseSnapshotSegment(3);
    CompletableFuture<CstaResponse.SnapshotDeviceResponse> f = c.snapshotDevice("101");
    SimFixture.await(() -> sim.requestsServed() > 0 && c.invokeIdsInUse() == 0, "the segmented answer to start");
    Thread.sleep(100);
    sim.dropConnections();
    Throwable t = null;
    try {
      f.join();
    } catch (CompletionException e) {
      t = e.getCause();
    }
    assertThat(t).isInstanceOf(CstaConnectionException.class)
        .hasMessageContaining("failed while its SnapshotDeviceData segments arrived");
    // after the reconnect the monitor's resync snapshot comes in three segments
    List<CstaResponse.SnapshotCall> resync = r.resyncs.poll(5, TimeUnit.SECONDS);
    assertThat(resync).extracting(s -> s.connection().callId()).containsExactlyElementsOf(ids);
  }
}
