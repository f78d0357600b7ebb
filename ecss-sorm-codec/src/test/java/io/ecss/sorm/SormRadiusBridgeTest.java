package io.ecss.sorm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

@Timeout(60)
class SormRadiusBridgeTest {
  static final String PW = "secret";
  static final String SECRET = "s3cr3t-radius";
  static final Duration T = Duration.ofSeconds(5);
  static final InetSocketAddress ANY = new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);

  final List<AutoCloseable> toClose = new ArrayList<>();
  final BlockingQueue<Kpd2Message> events = new LinkedBlockingQueue<>();
  SormStationServer server;
  SormConsole console;

  @AfterEach
  void closeAllAndCheckThreads() throws Exception {
    for (int i = toClose.size() - 1; i >= 0; i--) {
      toClose.get(i).close();
    }
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (System.nanoTime() < deadline && !SormStationServerTest.sormThreads().isEmpty()) {
      Thread.sleep(10);
    }
    assertThat(SormStationServerTest.sormThreads()).as("threads left running").isEmpty();
  }

  void station(StationConfig config, String... numbers) throws Exception {
    server = SormStationServer.start(new SormStation(config), ANY, ANY);
    toClose.add(server);
    console = SormConsole.connect(server.kpd1Address(), server.kpd2Address(), SormCodec.DEFAULT, T);
    toClose.add(console);
    console.onKpd2(events::add);
    SormStationServerTest.awaitTrue(() -> server.kpd2Count() == 1);
    assertThat(console.send(new SormCommand.Start(1, PW), T).get(10, TimeUnit.SECONDS).isSuccess()).isTrue();
    for (int i = 0; i < numbers.length; i++) {
      SormCommand.AddObject add = new SormCommand.AddObject(1, PW, i + 1, ObjectType.NODE_SUBSCRIBER,
          PhoneNumber.of(NumberIndicator.NODE_SUBSCRIBER, numbers[i]), 0xFFFF,
          i == 1 ? ControlCategory.STATISTICAL : ControlCategory.FULL_COMBINED, 0xFF, i == 1 ? Priority.STATISTICAL : Priority.NORMAL);
      assertThat(console.send(add, T).get(10, TimeUnit.SECONDS).isSuccess()).isTrue();
    }
  }

  void station(String... numbers) throws Exception {
    station(StationConfig.defaults().withPassword(PW), numbers);
  }

  SormRadiusBridge bridge(NumberAdaptation adaptation) throws Exception {
    SormRadiusBridge b = SormRadiusBridge.start(server, ANY, SECRET, adaptation);
    toClose.add(b);
    return b;
  }

  SormRadiusReporter reporter(SormRadiusBridge b, String secret) {
    SormRadiusReporter r = SormRadiusReporter.create(b.address(), secret, Duration.ofSeconds(2), 1);
    toClose.add(r);
    return r;
  }

  Kpd2Message.CallMessage next() throws InterruptedException {
    Kpd2Message m = events.poll(5, TimeUnit.SECONDS);
    assertThat(m).as("КПД2 message").isInstanceOf(Kpd2Message.CallMessage.class);
    return (Kpd2Message.CallMessage) m;
  }

  void assertNoMoreEvents() throws InterruptedException {
    assertThat(events.poll(200, TimeUnit.MILLISECONDS)).as("unexpected КПД2 message").isNull();
  }

  static PhoneNumber num(NumberIndicator i, String d) {
    return PhoneNumber.of(i, d);
  }

  static CallEvent event(int call, int object, int selection, CallParameters p, PhoneNumber a, PhoneNumber b, EventTime t, Priority priority) {
    return new CallEvent(call, ObjectType.NODE_SUBSCRIBER, object, SelectionFlag.of(selection), p, ServicePhase.CALL, a, b,
        0xFFFF, Ksl.NONE, Ksl.NONE, t, priority, CallEvent.NO_SERVICE, 0xFF);
  }

  @Test
  void fullCallWithSormDigitsAndAdaptation() throws Exception {
    station("74951234567");
    SormRadiusBridge b = bridge(NumberAdaptation.of(NumberAdaptation.Rule.LONG_DISTANCE_8_TO_7));
    SormRadiusReporter r = reporter(b, SECRET);
    // Routing A is the short number; the routing action gives the SORM A number (preferred).
    r.start(RadiusCall.of("call-1", "1234567", "84957654321").withSormA("74951234567", SormNi.PRIVATE));
    Kpd2Message.CallMessage m1 = next();
    PhoneNumber a = num(NumberIndicator.NODE_SUBSCRIBER, "74951234567");
    PhoneNumber adaptedB = num(NumberIndicator.RUSSIAN_PSTN, "74957654321");
    CallEvent e = event(0, 1, 0x01, CallParameters.OUTGOING, a, adaptedB, m1.event().time(), Priority.NORMAL);
    assertThat(m1).isEqualTo(new Kpd2Message.CalledNumberReceived(1, e, KslState.NO_FREE_KSL));
    assertThat(b.intercepted()).isEqualTo(1);
    assertThat(b.activeCalls()).isEqualTo(1);
    r.answer("call-1");
    Kpd2Message.CallMessage m2 = next();
    assertThat(m2).isEqualTo(new Kpd2Message.Answer(1, e.withTime(m2.event().time()), KslState.NO_FREE_KSL));
    r.answer("call-1"); // a second answer report is ignored
    r.stop("call-1", 1);
    Kpd2Message.CallMessage m3 = next();
    assertThat(m3).isEqualTo(new Kpd2Message.Release(1, e.withTime(m3.event().time()), ReleaseCause.AFTER_CONVERSATION));
    assertNoMoreEvents();
    assertThat(b.accepted()).isEqualTo(4);
    assertThat(b.activeCalls()).isZero();
    assertThat(b.wrongSecret()).isZero();
    assertThat(b.malformed()).isZero();
    assertThat(server.station().activeCalls()).isZero();
  }

  @Test
  void routingNumbersWhenNoSormDigitsAndLeadingSevenOnlyForInterceptionByA() throws Exception {
    station("74951112233", "74959998877");
    SormRadiusBridge b = bridge(NumberAdaptation.of(NumberAdaptation.Rule.LEADING_7_TO_8));
    SormRadiusReporter r = reporter(b, SECRET);
    // A on control (object 1): B "7495…" becomes "8495…"; B on control (object 2, statistical): unchanged.
    r.start("c", "+74951112233", "74959998877");
    Kpd2Message.CallMessage byA = next();
    Kpd2Message.CallMessage byB = next();
    PhoneNumber a = num(NumberIndicator.RUSSIAN_PSTN, "74951112233");
    assertThat(byA).isEqualTo(new Kpd2Message.CalledNumberReceived(1,
        event(0, 1, 0x01, CallParameters.OUTGOING, a, num(NumberIndicator.RUSSIAN_PSTN, "84959998877"), byA.event().time(), Priority.NORMAL),
        KslState.NO_FREE_KSL));
    assertThat(byB).isEqualTo(new Kpd2Message.CalledNumberReceived(1,
        event(0, 2, 0x08, CallParameters.INCOMING, a, num(NumberIndicator.RUSSIAN_PSTN, "74959998877"), byB.event().time(), Priority.STATISTICAL),
        KslState.STATISTICAL));
    // sorm_digits_b with its indicator replaces the routing B; the SORM B is what is matched.
    r.start(RadiusCall.of("d", "5550000", "999").withSormB("74959998877", SormNi.INTERCITY));
    Kpd2Message.CallMessage d = next();
    assertThat(d.event().callNumber()).isEqualTo(1);
    assertThat(d.event().objectNumber()).isEqualTo(2);
    assertThat(d.event().a()).isEqualTo(num(NumberIndicator.RUSSIAN_PSTN, "5550000"));
    assertThat(d.event().b()).isEqualTo(num(NumberIndicator.RUSSIAN_PSTN, "74959998877"));
    r.start(RadiusCall.of("e", "74951112233", "1").withSormB("2", SormNi.INTERNATIONAL).withSormA("3", null));
    assertNoMoreEvents();
    assertThat(b.intercepted()).isEqualTo(2);
  }

  @Test
  void wrongSecretIsCountedAndNothingReachesTheConsole() throws Exception {
    station("100");
    SormRadiusBridge b = bridge(NumberAdaptation.NONE);
    SormRadiusReporter wrong = SormRadiusReporter.create(b.address(), "not-the-secret", Duration.ofMillis(200), 1);
    toClose.add(wrong);
    assertThatThrownBy(() -> wrong.start("x", "100", "200"))
        .isInstanceOf(SormTimeoutException.class)
        .hasMessage("RADIUS Start x: no Accounting-Response from " + b.address() + " within 200 ms (2 attempts)");
    assertNoMoreEvents();
    assertThat(b.wrongSecret()).isEqualTo(2);
    assertThat(b.accepted()).isZero();
    assertThat(b.intercepted()).isZero();
    assertThat(b.activeCalls()).isZero();
  }

  @Test
  void malformedDatagramsAreCountedAndDropped() throws Exception {
    station("100");
    SormRadiusBridge b = bridge(NumberAdaptation.NONE);
    try (DatagramSocket s = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
      s.setSoTimeout(300);
      send(s, b, "hello".getBytes(StandardCharsets.US_ASCII));
      byte[] ok = packet(4, 9, SECRET, attr(40, int32(1)), attr(44, "m".getBytes(StandardCharsets.UTF_8)), attr(31, "100".getBytes(StandardCharsets.UTF_8)));
      byte[] accessRequest = ok.clone();
      accessRequest[0] = 1;
      send(s, b, accessRequest);
      byte[] badLength = ok.clone();
      badLength[3] = (byte) (badLength[3] + 10);
      send(s, b, badLength);
      byte[] badAttribute = packet(4, 10, SECRET, new byte[] {44, 1, 0x41});
      send(s, b, badAttribute);
      send(s, b, packet(4, 11, SECRET, attr(44, "n".getBytes(StandardCharsets.UTF_8))));
      send(s, b, packet(4, 12, SECRET, attr(40, int32(1))));
      SormStationServerTest.awaitTrue(() -> b.malformed() == 6);
      assertThat(receive(s)).as("no answer to a malformed request").isNull();
      assertNoMoreEvents();
      // A well-formed request still works, and its retransmission is answered without processing.
      send(s, b, ok);
      assertThat(receive(s)).isNotNull();
      assertThat(next().event().a().digits()).isEqualTo("100");
      send(s, b, ok);
      byte[] again = receive(s);
      assertThat(again).isNotNull();
      assertThat(again[0]).isEqualTo((byte) 5);
      assertThat(again[1]).isEqualTo((byte) 9);
      assertNoMoreEvents();
      assertThat(b.duplicates()).isEqualTo(1);
      assertThat(b.accepted()).isEqualTo(1);
      assertThat(b.malformed()).isEqualTo(6);
      assertThat(b.wrongSecret()).isZero();
    }
  }

  @Test
  void vendorAttributesAndEventTimestamp() throws Exception {
    station("100");
    SormRadiusBridge b = bridge(NumberAdaptation.NONE);
    long epoch = java.time.LocalDateTime.of(2026, 11, 15, 14, 30, 5).atZone(java.time.ZoneId.systemDefault()).toEpochSecond();
    try (DatagramSocket s = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
      s.setSoTimeout(2000);
      byte[] otherVendor = {26, 12, 0, 0, 0, 9, 1, 6, 'x', '=', '1', '2'};
      send(s, b, packet(4, 1, SECRET, attr(40, int32(1)), attr(44, "t".getBytes(StandardCharsets.UTF_8)),
          attr(31, "+100".getBytes(StandardCharsets.UTF_8)), attr(55, int32((int) epoch)), otherVendor));
      assertThat(receive(s)).isNotNull();
      Kpd2Message.CallMessage m = next();
      assertThat(m.event().time()).isEqualTo(new EventTime(15, 14, 30, 5));
      assertThat(m.event().a()).isEqualTo(num(NumberIndicator.RUSSIAN_PSTN, "100"));
      assertThat(m.event().b()).isEqualTo(PhoneNumber.NONE);
      // An Eltex Vendor-Specific whose sub-attribute overruns it is malformed.
      byte[] brokenEltex = {26, 10, 0, 0, (byte) 0x89, (byte) 0xC1, 1, 9, 'p', '='};
      send(s, b, packet(4, 2, SECRET, attr(40, int32(2)), attr(44, "t".getBytes(StandardCharsets.UTF_8)), brokenEltex));
      byte[] shortVendor = {26, 4, 0, 0};
      send(s, b, packet(4, 3, SECRET, attr(40, int32(2)), attr(44, "t".getBytes(StandardCharsets.UTF_8)), shortVendor));
      SormStationServerTest.awaitTrue(() -> b.malformed() == 2);
      // Unknown pairs and an unknown sorm_ni are ignored; other status types are answered.
      byte[] pairs = {26, 27, 0, 0, (byte) 0x89, (byte) 0xC1, 1, 21, 's', 'o', 'r', 'm', '_', 'n', 'i', '_', 'a', '=', 'm', 'a', 'r', 's', ',', 'x', '=', 'y', '='};
      send(s, b, packet(4, 4, SECRET, attr(40, int32(3)), attr(44, "t".getBytes(StandardCharsets.UTF_8)), pairs));
      assertThat(receive(s)).isNotNull();
      send(s, b, packet(4, 5, SECRET, attr(40, int32(15)), attr(44, "t".getBytes(StandardCharsets.UTF_8))));
      assertThat(receive(s)).isNotNull();
      send(s, b, packet(4, 6, SECRET, attr(40, int32(2)), attr(44, "t".getBytes(StandardCharsets.UTF_8)), attr(55, int32((int) epoch + 70))));
      assertThat(receive(s)).isNotNull();
      Kpd2Message.CallMessage released = next();
      assertThat(released.event().time()).isEqualTo(new EventTime(15, 14, 31, 15));
      assertThat(((Kpd2Message.Release) released).operation()).isEqualTo(ReleaseCause.NO_ANSWER);
    }
    assertThat(b.accepted()).isEqualTo(4);
  }

  @Test
  void callsNotOnControlProduceNothing() throws Exception {
    station("100");
    SormRadiusBridge b = bridge(NumberAdaptation.NONE);
    SormRadiusReporter r = reporter(b, SECRET);
    r.start("a", "300", "400");
    r.answer("a");
    r.stop("a", 1);
    r.start("b", "", "sip:100@example");
    r.stop("b");
    r.answer("never-started");
    assertNoMoreEvents();
    assertThat(b.accepted()).isEqualTo(6);
    assertThat(b.intercepted()).isZero();
    assertThat(b.activeCalls()).isZero();
    // SORM stopped: nothing either.
    assertThat(console.send(new SormCommand.Stop(1, PW), T).get(10, TimeUnit.SECONDS).isSuccess()).isTrue();
    r.start("c", "100", "200");
    assertNoMoreEvents();
  }

  @Test
  void callTableOverflowIsCountedAndAccountingOnReleasesEverything() throws Exception {
    station("100", "200");
    SormRadiusBridge b = SormRadiusBridge.builder(server, SECRET).listen(ANY).maxCalls(1).start();
    toClose.add(b);
    SormRadiusReporter r = reporter(b, SECRET);
    r.start("1", "100", "555");
    assertThat(next().event().callNumber()).isZero();
    r.start("2", "100", "556");
    r.start("3", "300", "400"); // not on control: not an overflow
    assertNoMoreEvents();
    assertThat(b.callOverflow()).isEqualTo(1);
    r.start("1", "100", "555"); // repeated Start of an active call: ignored
    assertNoMoreEvents();
    r.stop("1", 5);
    assertThat(next()).isInstanceOf(Kpd2Message.Release.class).extracting(m -> ((Kpd2Message.Release) m).operation()).isEqualTo(ReleaseCause.BUSY);
    r.start("4", "555", "100");
    assertThat(next().event().callNumber()).isEqualTo(1);
    // Accounting-On from the softswitch (a restart): every active call is released, technical reasons.
    try (DatagramSocket s = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
      s.setSoTimeout(2000);
      send(s, b, packet(4, 77, SECRET, attr(40, int32(7))));
      assertThat(receive(s)).isNotNull();
    }
    Kpd2Message.CallMessage released = next();
    assertThat(((Kpd2Message.Release) released).operation()).isEqualTo(ReleaseCause.TECHNICAL);
    assertThat(released.event().callNumber()).isEqualTo(1);
    assertThat(b.activeCalls()).isZero();
  }

  @Test
  void consoleConnectsAndReleasesAKslOnARadiusCall() throws Exception {
    station("100");
    assertThat(console.send(new SormCommand.AssignKslGroup(1, PW, 3, KslGroupType.COMBINED, new Ksl(1, 7), Ksl.NONE), T)
        .get(10, TimeUnit.SECONDS).isSuccess()).isTrue();
    SormRadiusBridge b = bridge(NumberAdaptation.NONE);
    SormRadiusReporter r = reporter(b, SECRET);
    r.start("k", "100", "200");
    CallEvent e = next().event();
    assertThat(e.kslA()).isEqualTo(Ksl.NONE);
    assertThat(console.send(new SormCommand.ConnectKsl(1, PW, e.callNumber(), ObjectType.NODE_SUBSCRIBER, 1, 3), T)
        .get(10, TimeUnit.SECONDS).isSuccess()).isTrue();
    Kpd2Message.CallMessage connected = next();
    assertThat(connected).isInstanceOf(Kpd2Message.KslConnected.class);
    assertThat(connected.event().kslA()).isEqualTo(new Ksl(1, 7));
    assertThat(console.send(new SormCommand.ReleaseKsl(1, PW, e.callNumber(), ObjectType.NODE_SUBSCRIBER, 1, new Ksl(1, 7), Ksl.NONE), T)
        .get(10, TimeUnit.SECONDS).isSuccess()).isTrue();
    assertThat(next()).isInstanceOf(Kpd2Message.KslReleased.class)
        .extracting(m -> ((Kpd2Message.KslReleased) m).operation()).isEqualTo(KslReleaseReason.COMMAND_8);
    r.stop("k", 1);
    assertThat(next()).isInstanceOf(Kpd2Message.Release.class);
  }

  static Stream<Arguments> causes() {
    return Stream.of(
        Arguments.of(0L, ReleaseCause.TECHNICAL),
        Arguments.of(1L, ReleaseCause.AFTER_CONVERSATION),
        Arguments.of(2L, ReleaseCause.INCOMPLETE_DIALLING),
        Arguments.of(3L, ReleaseCause.INCOMPLETE_DIALLING),
        Arguments.of(4L, ReleaseCause.TECHNICAL),
        Arguments.of(5L, ReleaseCause.BUSY),
        Arguments.of(6L, ReleaseCause.TECHNICAL),
        Arguments.of(7L, ReleaseCause.NO_ANSWER),
        Arguments.of(8L, ReleaseCause.TECHNICAL),
        Arguments.of(9L, ReleaseCause.TECHNICAL),
        Arguments.of(10L, ReleaseCause.TECHNICAL),
        Arguments.of(11L, ReleaseCause.TECHNICAL),
        Arguments.of(12L, ReleaseCause.TECHNICAL),
        Arguments.of(0xFFFFFFFFL, ReleaseCause.TECHNICAL));
  }

  @ParameterizedTest
  @MethodSource("causes")
  void disconnectCodeMapping(long code, ReleaseCause cause) {
    assertThat(SormRadiusBridge.releaseCause(code)).isEqualTo(cause);
  }

  @Test
  void releaseCausesOverUdp() throws Exception {
    station("100");
    SormRadiusBridge b = bridge(NumberAdaptation.NONE);
    SormRadiusReporter r = reporter(b, SECRET);
    int[] codes = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11};
    for (int code : codes) {
      r.start("k" + code, "100", "1");
      next();
      r.stop("k" + code, code);
      assertThat(((Kpd2Message.Release) next()).operation()).as("code %d", code).isEqualTo(SormRadiusBridge.releaseCause(code));
    }
    r.start("unanswered", "100", "1");
    next();
    r.stop("unanswered");
    assertThat(((Kpd2Message.Release) next()).operation()).isEqualTo(ReleaseCause.NO_ANSWER);
    r.start("answered", "100", "1");
    next();
    r.answer("answered");
    next();
    r.stop("answered");
    assertThat(((Kpd2Message.Release) next()).operation()).isEqualTo(ReleaseCause.AFTER_CONVERSATION);
  }

  @Test
  void closeFreesTheSocketAndIsIdempotent() throws Exception {
    station();
    SormRadiusBridge b = bridge(NumberAdaptation.NONE);
    InetSocketAddress bound = b.address();
    assertThat(bound.getPort()).isPositive();
    b.close();
    b.close();
    try (DatagramSocket again = new DatagramSocket(bound)) {
      assertThat(again.getLocalPort()).isEqualTo(bound.getPort());
    }
    SormRadiusReporter r = reporter(b, SECRET);
    r.close();
    r.close();
    assertThatThrownBy(() -> r.answer("x")).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void argumentChecks() throws Exception {
    station();
    assertThatThrownBy(() -> SormRadiusBridge.start(server, ANY, "", NumberAdaptation.NONE))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("sharedSecret: 0 characters (expected 1 to 128)");
    assertThatThrownBy(() -> SormRadiusBridge.builder(server, SECRET).maxCalls(0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> SormRadiusBridge.builder(server, SECRET).defaultIndicator(NumberIndicator.NONE))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> SormRadiusReporter.create(ANY, SECRET, Duration.ZERO, 0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> SormRadiusReporter.create(InetSocketAddress.createUnresolved("x", 1), SECRET))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> RadiusCall.of("", "1", "2")).hasMessage("callId: empty (expected 1 to 253 bytes)");
    assertThatThrownBy(() -> RadiusCall.of("x", "1", "2").withSormA("12a", null))
        .hasMessageStartingWith("sormDigitsA: digits: \"12a\"");
    assertThatThrownBy(() -> RadiusCall.of("x", "1", "2").withSormB("", null)).hasMessage("sormDigitsB: empty (expected 1 to 18 digits)");
    assertThatThrownBy(() -> RadiusCall.of("x", "1".repeat(254), "2")).hasMessage("a: 254 bytes (expected at most 253)");
    SormRadiusBridge b = SormRadiusBridge.builder(server, SECRET).listen(ANY).defaultIndicator(NumberIndicator.NODE_SUBSCRIBER)
        .adaptation(NumberAdaptation.NONE).start();
    toClose.add(b);
    SormRadiusReporter r = reporter(b, SECRET);
    assertThatThrownBy(() -> r.stop("x", -1)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void defaultIndicatorAppliesWithoutSormNi() throws Exception {
    station("2001");
    SormRadiusBridge b = SormRadiusBridge.builder(server, SECRET).listen(ANY).defaultIndicator(NumberIndicator.NODE_SUBSCRIBER).start();
    toClose.add(b);
    SormRadiusReporter r = reporter(b, SECRET);
    r.start(RadiusCall.of("i", "2001", "112").withSormB("112", SormNi.EMERGENCY));
    Kpd2Message.CallMessage m = next();
    assertThat(m.event().a()).isEqualTo(num(NumberIndicator.NODE_SUBSCRIBER, "2001"));
    assertThat(m.event().b()).isEqualTo(num(NumberIndicator.EMERGENCY, "112"));
  }

  // --- raw RADIUS packets ---

  static void send(DatagramSocket s, SormRadiusBridge b, byte[] data) throws Exception {
    s.send(new DatagramPacket(data, data.length, b.address()));
  }

  static byte[] receive(DatagramSocket s) throws Exception {
    byte[] buf = new byte[4096];
    DatagramPacket p = new DatagramPacket(buf, buf.length);
    try {
      s.receive(p);
    } catch (java.net.SocketTimeoutException e) {
      return null;
    }
    return java.util.Arrays.copyOf(buf, p.getLength());
  }

  static byte[] attr(int type, byte[] value) {
    byte[] a = new byte[value.length + 2];
    a[0] = (byte) type;
    a[1] = (byte) a.length;
    System.arraycopy(value, 0, a, 2, value.length);
    return a;
  }

  static byte[] int32(int v) {
    return new byte[] {(byte) (v >>> 24), (byte) (v >>> 16), (byte) (v >>> 8), (byte) v};
  }

  /** An accounting request with a correct Request Authenticator for {@code secret}. */
  static byte[] packet(int code, int id, String secret, byte[]... attributes) throws Exception {
    ByteArrayOutputStream attrs = new ByteArrayOutputStream();
    for (byte[] a : attributes) {
      attrs.write(a);
    }
    int len = 20 + attrs.size();
    byte[] p = new byte[len];
    p[0] = (byte) code;
    p[1] = (byte) id;
    p[2] = (byte) (len >>> 8);
    p[3] = (byte) len;
    System.arraycopy(attrs.toByteArray(), 0, p, 20, attrs.size());
    MessageDigest md5 = MessageDigest.getInstance("MD5");
    md5.update(p);
    md5.update(secret.getBytes(StandardCharsets.UTF_8));
    System.arraycopy(md5.digest(), 0, p, 4, 16);
    return p;
  }
}
