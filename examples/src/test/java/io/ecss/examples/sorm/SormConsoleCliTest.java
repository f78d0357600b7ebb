package io.ecss.examples.sorm;

import static org.assertj.core.api.Assertions.assertThat;

import io.ecss.examples.Ecss;
import io.ecss.sorm.Kpd2Message;
import io.ecss.sorm.NumberAdaptation;
import io.ecss.sorm.RadiusCall;
import io.ecss.sorm.SormNi;
import io.ecss.sorm.SormRadiusBridge;
import io.ecss.sorm.SormRadiusReporter;
import io.ecss.sorm.SormStation;
import io.ecss.sorm.SormStationServer;
import io.ecss.sorm.StationConfig;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code ecss sorm console}: every command against a real station on loopback (in-process server,
 * fixed clock), exact output and exit codes, refusals, usage errors, connection failures, and
 * {@code watch} with calls reported through the RADIUS bridge. Every test ends with no station or
 * console thread left and the console's links closed.
 */
class SormConsoleCliTest {
  static final String PW = "123456";
  static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-27T10:15:30Z"), ZoneOffset.UTC);
  static final InetSocketAddress ANY = new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);

  record Run(int code, String out, String err) {}

  static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Ecss.run(new PrintWriter(out), new PrintWriter(err), args);
    return new Run(code, out.toString(), err.toString());
  }

  SormStation station;
  SormStationServer server;

  @BeforeEach
  void startStation() throws IOException {
    station = new SormStation(StationConfig.defaults().withPassword(PW), CLOCK);
    server = SormStationServer.start(station, ANY, ANY);
  }

  @AfterEach
  void stopStation() {
    server.close();
    assertNoSormThreads();
  }

  /** Waits (up to 5 s) until no thread of a station, console, bridge or CLI command is alive. */
  static void assertNoSormThreads() {
    waitFor(() -> sormThreads().isEmpty(), "threads left: %s", SormConsoleCliTest::sormThreads);
  }

  static List<String> sormThreads() {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(Thread::isAlive)
        .map(Thread::getName)
        .filter(n -> n.startsWith("ecss-sorm"))
        .sorted()
        .collect(Collectors.toList());
  }

  static void waitFor(BooleanSupplier condition, String message, java.util.function.Supplier<Object> detail) {
    long deadline = System.nanoTime() + 5_000_000_000L;
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError(String.format(message, detail.get()));
      }
      try {
        Thread.sleep(5);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted", e);
      }
    }
  }

  /** The console's links are gone once the station sees neither КПД1 nor КПД2. */
  void assertConsoleDisconnected() {
    waitFor(() -> !server.hasKpd1() && server.kpd2Count() == 0, "console links still open%s", () -> "");
  }

  String[] console(String... args) {
    List<String> a = new ArrayList<>(List.of(
        "sorm", "console",
        "--kpd1-port", String.valueOf(server.kpd1Address().getPort()),
        "--kpd2-port", String.valueOf(server.kpd2Address().getPort()),
        "--password", PW));
    a.addAll(List.of(args));
    return a.toArray(new String[0]);
  }

  Run console1(String... args) {
    Run r = run(console(args));
    assertConsoleDisconnected();
    return r;
  }

  static final String OK7 = "message 7 (command receipt), command %d: 0x00 OK (accepted for execution / executed)\n";
  static final String OK8 = "message 8 (command execution), command %d: 0x00 OK (accepted for execution / executed)\n";

  static String ok(int command) {
    return String.format(OK7, command) + String.format(OK8, command);
  }

  @Test
  void startSucceedsThenStartAgainIsRefusedWithVendorCode0x16() {
    Run first = console1("start");
    assertThat(first).isEqualTo(new Run(0, ok(1), ""));
    assertThat(station.isStarted()).isTrue();

    Run again = console1("start");
    assertThat(again.code()).isEqualTo(1);
    assertThat(again.out())
        .isEqualTo(
            "message 7 (command receipt), command 1: 0x16 START_REFUSED_ALREADY_STARTED (\"start SORM\""
                + " refused: already started)\n"
                + "message 8 (command execution), command 1: 0x16 START_REFUSED_ALREADY_STARTED (\"start"
                + " SORM\" refused: already started)\n");
    assertThat(again.err())
        .isEqualTo(
            "ecss sorm console start: the station refused command 1 (start SORM): 0x16"
                + " START_REFUSED_ALREADY_STARTED (\"start SORM\" refused: already started)\n");

    assertThat(console1("stop")).isEqualTo(new Run(0, ok(2), ""));
    assertThat(station.isStarted()).isFalse();
  }

  @Test
  void standardCodesStationAnswersAlreadyStartedWith0x07() throws IOException {
    server.close();
    station = new SormStation(StationConfig.defaults().withPassword(PW).withExtendedErrorCodes(false), CLOCK);
    server = SormStationServer.start(station, ANY, ANY);
    assertThat(console1("start").code()).isZero();
    Run again = console1("start");
    assertThat(again.code()).isEqualTo(1);
    assertThat(again.out())
        .isEqualTo(
            String.format(OK7, 1)
                + "message 8 (command execution), command 1: 0x07 ALREADY_STARTED (SORM already running)\n");
    assertThat(again.err())
        .isEqualTo(
            "ecss sorm console start: the station refused command 1 (start SORM): 0x07 ALREADY_STARTED"
                + " (SORM already running)\n");
  }

  @Test
  void wrongPasswordIsRefusedAndTheUnauthorisedAccessMessageIsShown() {
    String[] args = console("start");
    args[7] = "654321";
    Run r = run(args);
    assertConsoleDisconnected();
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.out())
        .isEqualTo(
            "message 7 (command receipt), command 1: 0x01 REJECTED (refused (bad format or parameters)"
                + " / not executed)\n"
                + "message 8 (command execution), command 1: 0x03 WRONG_PASSWORD (wrong password)\n"
                + "message 6 (unauthorised access): WRONG_PASSWORD (wrong password) at 27 10:15:30,"
                + " \"wrong password, command 1\"\n");
    assertThat(r.err())
        .isEqualTo(
            "ecss sorm console start: the station refused command 1 (start SORM): 0x03 WRONG_PASSWORD"
                + " (wrong password)\n");
    assertThat(station.isStarted()).isFalse();
  }

  @Test
  void wrongSormNumberIsRefusedWith0x18() {
    Run r = console1("--sorm-number", "7", "version");
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.out())
        .isEqualTo(
            "message 7 (command receipt), command 17: 0x18 REFUSED_WRONG_SORM_NUMBER (refused: wrong SORM"
                + " number)\n"
                + "message 8 (command execution), command 17: 0x18 REFUSED_WRONG_SORM_NUMBER (refused: wrong"
                + " SORM number)\n"
                + "message 6 (unauthorised access): WRONG_SORM_NUMBER (wrong SORM number) at 27 10:15:30,"
                + " \"wrong SORM number 7, command 17\"\n");
  }

  @Test
  void controlBeforeStartIsRefusedNotStarted() {
    Run r = console1("control", "--object", "5", "--number", "2345678", "--indicator", "NODE_SUBSCRIBER");
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.out())
        .isEqualTo(
            "message 7 (command receipt), command 5: 0x17 REFUSED_NOT_STARTED (refused: SORM not started)\n"
                + "message 8 (command execution), command 5: 0x17 REFUSED_NOT_STARTED (refused: SORM not"
                + " started)\n");
    assertThat(r.err())
        .isEqualTo(
            "ecss sorm console control: the station refused command 5 (put an object on control): 0x17"
                + " REFUSED_NOT_STARTED (refused: SORM not started)\n");
  }

  @Test
  void controlUncontrolAndTheObjectTable() {
    assertThat(console1("start").code()).isZero();
    assertThat(console1("objects")).isEqualTo(new Run(0,
        String.format(OK7, 10)
            + "message 8 (command execution), command 10: 0x35 NUMBER_NOT_FOUND (number not found)\n"
            + "no objects on control\n", ""));

    assertThat(console1("control", "--object", "5", "--number", "2345678", "--indicator", "NODE_SUBSCRIBER"))
        .isEqualTo(new Run(0, ok(5), ""));
    assertThat(console1("control", "--object", "6", "--number", "74951234567", "--indicator", "local",
        "--category", "STATISTICAL", "--priority", "PRIORITY")).isEqualTo(new Run(0, ok(5), ""));

    Run dup = console1("control", "--object", "5", "--number", "2345679", "--indicator", "1");
    assertThat(dup.code()).isEqualTo(1);
    assertThat(dup.out()).endsWith(
        "message 8 (command execution), command 5: 0x33 OBJECT_ALREADY_SET (object already set)\n");

    Run table = console1("objects");
    assertThat(table).isEqualTo(new Run(0, ok(10)
        + "object  type                number                      trunk  category       KSL group  priority  line\n"
        + "5       NODE_SUBSCRIBER     2345678 (NODE_SUBSCRIBER)   -      FULL_COMBINED  none       NORMAL    UNKNOWN\n"
        + "6       NETWORK_SUBSCRIBER  74951234567 (RUSSIAN_PSTN)  -      STATISTICAL    none       PRIORITY  UNKNOWN\n"
        + "2 objects (2 messages 3)\n", ""));

    Run one = console1("objects", "--object", "6");
    assertThat(one.out()).endsWith("1 object (1 message 3)\n").contains("\n6       NETWORK_SUBSCRIBER");

    Run none = console1("objects", "--object", "77");
    assertThat(none).isEqualTo(new Run(0, String.format(OK7, 10)
        + "message 8 (command execution), command 10: 0x35 NUMBER_NOT_FOUND (number not found)\n"
        + "no objects on control match\n", ""));

    Run wrongNumber = console1("uncontrol", "--object", "5", "--number", "2345670", "--indicator", "NODE_SUBSCRIBER");
    assertThat(wrongNumber.code()).isEqualTo(1);
    assertThat(wrongNumber.err()).isEqualTo(
        "ecss sorm console uncontrol: the station refused command 6 (remove an object from control): 0x35"
            + " NUMBER_NOT_FOUND (number not found)\n");

    assertThat(console1("uncontrol", "--object", "5")).isEqualTo(new Run(0, ok(6), ""));
    assertThat(station.objectCount()).isEqualTo(1);

    Run unknown = console1("--lang", "ru", "uncontrol", "--object", "5");
    assertThat(unknown.code()).isEqualTo(1);
    assertThat(unknown.out()).isEqualTo(
        "message 7 (Подтверждение приёма команды), command 6: 0x00 OK (принята к исполнению / выполнена)\n"
            + "message 8 (Подтверждение выполнения команды), command 6: 0x34 BAD_OBJECT_NUMBER (неверный номер"
            + " объекта)\n");
    assertThat(unknown.err()).isEqualTo(
        "ecss sorm console uncontrol: the station refused command 6 (Снятие объекта с контроля): 0x34"
            + " BAD_OBJECT_NUMBER (неверный номер объекта)\n");
  }

  @Test
  void objectTableAsJsonLines() throws Exception {
    assertThat(console1("start").code()).isZero();
    assertThat(console1("control", "--object", "5", "--number", "2345678", "--indicator", "NODE_SUBSCRIBER").code())
        .isZero();
    Run r = console1("--json", "objects");
    assertThat(r.code()).isZero();
    String[] lines = r.out().split("\n");
    assertThat(lines).hasSize(3);
    assertThat(lines[0]).isEqualTo(
        "{\"code\":39,\"name\":\"RECEIPT\",\"type\":\"message 7 (command receipt)\",\"sormNumber\":1,"
            + "\"messageCount\":1,\"messageNumber\":1,\"commandCode\":10,\"status\":\"OK\"}");
    var record = SormJson.MAPPER.readTree(lines[2]);
    assertThat(record.get("name").textValue()).isEqualTo("OBJECT_RECORD");
    assertThat(record.get("objectNumber").intValue()).isEqualTo(5);
    assertThat(record.get("number").get("digits").textValue()).isEqualTo("2345678");
    // The JSON lines are the 'sorm decode --json' form: 'sorm encode' takes them back.
    assertThat(SormJson.parse(lines[2], "line").get(0).message()).isInstanceOf(io.ecss.sorm.Kpd1Message.ObjectRecord.class);
  }

  @Test
  void kslGroupsConnectReleaseAndChange() throws Exception {
    assertThat(console1("start").code()).isZero();
    Run empty = console1("ksl-groups");
    assertThat(empty).isEqualTo(new Run(0, ok(11) + "no KSL groups\n0 KSLs (1 message 4)\n", ""));
    assertThat(console1("ksl-assign", "--ksl-group", "1", "--ksl-a", "2/17")).isEqualTo(new Run(0, ok(4), ""));
    assertThat(console1("ksl-assign", "--ksl-group", "2", "--type", "SEPARATE", "--ksl-a", "3/1", "--ksl-b", "3/2"))
        .isEqualTo(new Run(0, ok(4), ""));
    Run busy = console1("ksl-assign", "--ksl-group", "1", "--ksl-a", "2/17");
    assertThat(busy.code()).isEqualTo(1);
    assertThat(busy.out()).endsWith(
        "message 8 (command execution), command 4: 0x3A KSL_A_ALREADY_ASSIGNED (KSL-A already assigned)\n");
    assertThat(console1("ksl-groups")).isEqualTo(new Run(0, ok(11)
        + "group  type      KSL-A  KSL-B\n"
        + "1      COMBINED  2/17   none\n"
        + "2      SEPARATE  3/1    3/2\n"
        + "2 KSLs (1 message 4)\n", ""));
    assertThat(console1("ksl-groups", "--ksl-group", "2").out()).endsWith("2      SEPARATE  3/1    3/2\n1 KSL (1 message 4)\n");

    assertThat(console1("control", "--object", "5", "--number", "2345678", "--indicator", "NODE_SUBSCRIBER",
        "--ksl-group", "1").code()).isZero();
    assertThat(console1("change", "--object", "5", "--category", "STATISTICAL", "--ksl-group", "255", "--priority",
        "NORMAL")).isEqualTo(new Run(0, ok(15), ""));
    assertThat(console1("objects").out()).contains("\n5       NODE_SUBSCRIBER  2345678 (NODE_SUBSCRIBER)  -      STATISTICAL");
    Run badGroup = console1("change", "--object", "5", "--category", "FULL_COMBINED", "--ksl-group", "9", "--priority",
        "NORMAL");
    assertThat(badGroup.err()).isEqualTo(
        "ecss sorm console change: the station refused command 15 (change object parameters): 0x3E BAD_KSL_GROUP"
            + " (wrong KSL group number)\n");

    Run noCall = console1("connect", "--call", "9", "--object", "5", "--ksl-group", "1");
    assertThat(noCall.code()).isEqualTo(1);
    assertThat(noCall.out()).startsWith(String.format(OK7, 7));
    Run noRelease = console1("release", "--call", "9", "--object", "5", "--ksl-a", "2/17");
    assertThat(noRelease.code()).isEqualTo(1);
    assertThat(noRelease.out()).startsWith(String.format(OK7, 8));

    assertThat(console1("ksl-remove", "--ksl-group", "2", "--ksl-a", "3/1", "--ksl-b", "3/2")).isEqualTo(new Run(0, ok(9), ""));
    Run gone = console1("ksl-remove", "--ksl-group", "2", "--ksl-a", "3/1", "--ksl-b", "3/2");
    assertThat(gone.err()).isEqualTo(
        "ecss sorm console ksl-remove: the station refused command 9 (remove a KSL from a group): 0x3E BAD_KSL_GROUP"
            + " (wrong KSL group number)\n");
  }

  @Test
  void servicesTrunkNameAndPassword() {
    station.setServices(io.ecss.sorm.PhoneNumber.of(io.ecss.sorm.NumberIndicator.NODE_SUBSCRIBER, "2345678"),
        List.of(io.ecss.sorm.ServiceCode.CFU, io.ecss.sorm.ServiceCode.HOLD));
    station.setTrunkGroupName(35, "SPB-TRUNK");
    assertThat(console1("start").code()).isZero();
    assertThat(console1("services", "--number", "2345678")).isEqualTo(new Run(0, ok(12)
        + "message 5 (service list): 2345678 (NODE_SUBSCRIBER): 0x21 CFU (call forwarding unconditional), 0x42 HOLD"
        + " (call hold)\n", ""));
    Run none = console1("services", "--number", "2345670");
    assertThat(none.err()).isEqualTo(
        "ecss sorm console services: the station refused command 12 (subscriber services request): 0x61"
            + " SERVICES_NOT_SET (supplementary services not set)\n");
    assertThat(console1("trunk-name", "35")).isEqualTo(new Run(0, ok(16)
        + "message 10 (trunk-group name): trunk group 35 is \"SPB-TRUNK\"\n", ""));
    assertThat(console1("trunk-name", "36").code()).isEqualTo(1);

    assertThat(console1("password", "--new", "654321")).isEqualTo(new Run(0, ok(3), ""));
    assertThat(console1("stop").code()).isEqualTo(1);
    String[] args = console("stop");
    args[7] = "654321";
    assertThat(run(args)).isEqualTo(new Run(0, ok(2), ""));
    assertConsoleDisconnected();
  }

  @Test
  void testPrintsMessage9AndTheMessage23SeenOnKpd2() {
    Run r = console1("test", "7");
    assertThat(r).isEqualTo(new Run(0, ok(14)
        + "message 9 (test reply): test 7, КПД1 state 0x01, КПД2 state 0x01\n"
        + "message 2.3 (test reply on КПД2): test 7, КПД1 state 0x01, КПД2 state 0x01\n", ""));
  }

  @Test
  void versionPrintsMessage11() {
    Run r = console1("version");
    assertThat(r).isEqualTo(new Run(0, ok(17)
        + "message 11 (software version): \"ECSS SDK SORM station\", node type TERMINAL_TRANSIT"
        + " (terminal-transit node)\n", ""));
  }

  @Test
  void watchPrintsCallEventsReportedThroughTheRadiusBridge() throws Exception {
    assertThat(console1("start").code()).isZero();
    assertThat(console1("control", "--object", "5", "--number", "2345678", "--indicator", "NODE_SUBSCRIBER").code())
        .isZero();
    try (SormRadiusBridge bridge =
            SormRadiusBridge.start(server, ANY, "s3cret", NumberAdaptation.of(NumberAdaptation.Rule.LONG_DISTANCE_8_TO_7));
        SormRadiusReporter softswitch = SormRadiusReporter.create(bridge.address(), "s3cret")) {
      Background watch = Background.start(console("watch", "--count", "3"));
      waitFor(() -> server.kpd2Count() == 1, "watch did not connect%s", () -> "");
      softswitch.start(RadiusCall.of("c1", "2345678", "84951234567").withSormB("84951234567", SormNi.INTERCITY));
      softswitch.answer("c1");
      softswitch.stop("c1", 5);
      Run r = watch.await();
      assertThat(r.err()).isEmpty();
      assertThat(r.code()).isZero();
      String port = String.valueOf(server.kpd2Address().getPort());
      assertThat(r.out().replaceAll("at \\d\\d \\d\\d:\\d\\d:\\d\\d", "at DD HH:MM:SS")).isEqualTo(
          "watching КПД2 at 127.0.0.1:" + port + "\n"
              + "message 1.1 (complete called number received): call 0, object 5 NODE_SUBSCRIBER, outgoing,"
              + " A 2345678 (RUSSIAN_PSTN), B 74951234567 (RUSSIAN_PSTN), at DD HH:MM:SS,"
              + " KSL 0x01 NO_FREE_KSL (no free KSL in the group)\n"
              + "message 1.2 (answer): call 0, object 5 NODE_SUBSCRIBER, outgoing, A 2345678 (RUSSIAN_PSTN),"
              + " B 74951234567 (RUSSIAN_PSTN), at DD HH:MM:SS, KSL 0x01 NO_FREE_KSL (no free KSL in the group)\n"
              + "message 1.3 (release): call 0, object 5 NODE_SUBSCRIBER, outgoing, A 2345678 (RUSSIAN_PSTN),"
              + " B 74951234567 (RUSSIAN_PSTN), at DD HH:MM:SS, cause 0x03 BUSY (called party busy)\n");
      assertThat(bridge.accepted()).isEqualTo(3);
    }
    assertConsoleDisconnected();
  }

  @Test
  void watchShowsTheKslTheStationConnectsToACallOfAnObjectWithAKslGroup() throws Exception {
    assertThat(console1("start").code()).isZero();
    assertThat(console1("ksl-assign", "--ksl-group", "1", "--ksl-a", "2/17").code()).isZero();
    assertThat(console1("control", "--object", "5", "--number", "2345678", "--indicator", "NODE_SUBSCRIBER",
        "--ksl-group", "1").code()).isZero();
    try (SormRadiusBridge bridge = SormRadiusBridge.start(server, ANY, "s3cret", NumberAdaptation.NONE);
        SormRadiusReporter softswitch = SormRadiusReporter.create(bridge.address(), "s3cret")) {
      Background watch = Background.start(console("watch", "--count", "2"));
      waitFor(() -> server.kpd2Count() == 1, "watch did not connect%s", () -> "");
      softswitch.start("c1", "74950001122", "2345678");
      softswitch.stop("c1", 7);
      Run r = watch.await();
      assertThat(r.code()).isZero();
      assertThat(r.out().replaceAll("at \\d\\d \\d\\d:\\d\\d:\\d\\d", "at T")).isEqualTo(
          "watching КПД2 at 127.0.0.1:" + server.kpd2Address().getPort() + "\n"
              + "message 1.1 (complete called number received): call 0, object 5 NODE_SUBSCRIBER, incoming,"
              + " A 74950001122 (RUSSIAN_PSTN), B 2345678 (RUSSIAN_PSTN), KSL-A 2/17, KSL-B none, at T,"
              + " KSL 0x00 CONNECTED (KSL connected normally)\n"
              + "message 1.3 (release): call 0, object 5 NODE_SUBSCRIBER, incoming, A 74950001122 (RUSSIAN_PSTN),"
              + " B 2345678 (RUSSIAN_PSTN), KSL-A 2/17, KSL-B none, at T, cause 0x04 NO_ANSWER (no answer)\n");
    }
    assertConsoleDisconnected();
  }

  @Test
  void watchAsJsonStopsAfterTheDurationAndSeesTheTestReply() throws Exception {
    Background watch = Background.start(console("--json", "watch", "--for", "1500ms"));
    waitFor(() -> server.kpd2Count() == 1, "watch did not connect%s", () -> "");
    server.sendKpd2(new Kpd2Message.TestReply(1, 42, 1, 1));
    Run r = watch.await();
    assertThat(r).isEqualTo(new Run(0,
        "{\"code\":83,\"name\":\"KPD2_TEST_REPLY\",\"type\":\"message 2.3 (test reply on КПД2)\",\"sormNumber\":1,"
            + "\"testNumber\":42,\"kpd1State\":1,\"kpd2State\":1}\n", ""));
    assertConsoleDisconnected();
  }

  @Test
  void watchStopsOnInterrupt() throws Exception {
    Background watch = Background.start(console("watch"));
    waitFor(() -> server.kpd2Count() == 1, "watch did not connect%s", () -> "");
    watch.thread.interrupt();
    Run r = watch.await();
    assertThat(r.code()).isZero();
    assertThat(r.out()).isEqualTo("watching КПД2 at 127.0.0.1:" + server.kpd2Address().getPort() + "\n");
    assertConsoleDisconnected();
  }

  @Test
  void watchFailsWhenTheStationClosesTheLink() throws Exception {
    Background watch = Background.start(console("watch", "--count", "5"));
    waitFor(() -> server.kpd2Count() == 1, "watch did not connect%s", () -> "");
    int port = server.kpd2Address().getPort();
    server.close();
    Run r = watch.await();
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err()).isEqualTo("ecss sorm console watch: the station closed the КПД2 link 127.0.0.1:" + port + "\n");
  }

  @Test
  void connectionRefusedIsOneLineWithExitOne() throws IOException {
    int port;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = s.getLocalPort();
    }
    Run r = run("sorm", "console", "--kpd1-port", String.valueOf(port), "--password", PW, "start");
    assertThat(r).isEqualTo(new Run(1, "",
        "ecss sorm console start: cannot connect to 127.0.0.1:" + port + " (Connection refused)\n"));
    Run w = run("sorm", "console", "--kpd2-port", String.valueOf(port), "watch");
    assertThat(w).isEqualTo(new Run(1, "",
        "ecss sorm console watch: cannot connect to 127.0.0.1:" + port + " (Connection refused)\n"));
  }

  @Test
  void aStationThatDoesNotAnswerTimesOut() throws Exception {
    try (ServerSocket silent = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      AtomicInteger accepted = new AtomicInteger();
      Thread acceptor = new Thread(() -> {
        try (Socket s = silent.accept()) {
          accepted.incrementAndGet();
          s.getInputStream().readAllBytes();
        } catch (IOException e) {
          // closed by the test
        }
      }, "test-silent-station");
      acceptor.start();
      Run r = run("sorm", "console", "--kpd1-port", String.valueOf(silent.getLocalPort()), "--password", PW,
          "--timeout", "300ms", "start");
      acceptor.join(5000);
      assertThat(accepted.get()).isEqualTo(1);
      assertThat(r).isEqualTo(new Run(1, "",
          "ecss sorm console start: SORM command 0x01 got no complete answer within 300 ms\n"));
    }
  }

  static Stream<List<String>> usageErrors() {
    return Stream.of(
        List.of("start"),
        List.of("--kpd1-port", "1", "start"),
        List.of("--kpd1-port", "1", "--password", "12", "start"),
        List.of("--kpd1-port", "70000", "--password", PW, "start"),
        List.of("--kpd1-port", "1", "--password", PW, "--timeout", "soon", "start"),
        List.of("--kpd1-port", "1", "--password", PW, "--lang", "de", "start"),
        List.of("--kpd1-port", "1", "--password", PW, "control", "--number", "1"),
        List.of("--kpd1-port", "1", "--password", PW, "control", "--object", "1", "--number", "12a", "--indicator", "1"),
        List.of("--kpd1-port", "1", "--password", PW, "control", "--object", "1", "--number", "12", "--indicator", "xx"),
        List.of("--kpd1-port", "1", "--password", PW, "control", "--object", "1", "--number", "12"),
        List.of("--kpd1-port", "1", "--password", PW, "test", "7"),
        List.of("--kpd1-port", "1", "--password", PW, "test", "300", "--kpd2-port", "2"),
        List.of("watch"),
        List.of("--kpd2-port", "1", "watch", "--count", "0"),
        List.of("--kpd1-port", "1", "--password", PW, "password", "--new", "1234567"),
        List.of("--kpd1-port", "1", "--password", PW, "ksl-assign", "--ksl-group", "1", "--ksl-a", "8/1"),
        List.of("--kpd1-port", "1", "--password", PW, "ksl-assign", "--ksl-group", "255", "--ksl-a", "1/1"),
        List.of("--kpd1-port", "1", "--password", PW, "change", "--object", "1", "--category", "STATISTICAL"),
        List.of("--kpd1-port", "1", "--password", PW, "connect", "--call", "65535", "--object", "1", "--ksl-group", "1"),
        List.of("--kpd1-port", "1", "--password", PW, "trunk-name", "65535"),
        List.of("--kpd1-port", "1", "--password", PW, "frobnicate"),
        List.of());
  }

  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.MethodSource("usageErrors")
  void usageErrorsExitTwo(List<String> args) {
    List<String> all = new ArrayList<>(List.of("sorm", "console"));
    all.addAll(args);
    Run r = run(all.toArray(new String[0]));
    assertThat(r.code()).as("%s: %s", args, r.err()).isEqualTo(2);
    assertThat(r.out()).isEmpty();
  }

  @Test
  void usageErrorsNameTheProblem() {
    assertThat(run("sorm", "console", "--kpd1-port", "1", "start").err())
        .startsWith("Missing required option: '--password=XXXXXX'\n");
    assertThat(run("sorm", "console", "--password", PW, "start").err())
        .startsWith("Missing required option: '--kpd1-port=PORT'\n");
    assertThat(run("sorm", "console", "--kpd1-port", "1", "--password", "12", "start").err())
        .startsWith("--password: \"12\" has 2 characters (expected exactly 6)\n");
    assertThat(run("sorm", "console", "--kpd1-port", "1", "--password", PW, "test", "7").err())
        .startsWith("Missing required option: '--kpd2-port=PORT'\n");
    assertThat(run("sorm", "console", "--kpd1-port", "1", "--password", PW, "control", "--object", "1",
        "--number", "12a", "--indicator", "1").err())
        .startsWith("--number: digits: \"12a\" has 'a' at index 2 (expected 0-9)\n");
    assertThat(run("sorm", "console", "--kpd1-port", "1", "--password", PW, "control", "--object", "1",
        "--number", "12").err())
        .startsWith("--number needs --indicator\n");
    assertThat(run("sorm", "console", "--kpd1-port", "1", "--password", PW, "control", "--object", "1",
        "--number", "12", "--indicator", "xx").err())
        .startsWith("Invalid value for option '--indicator': \"xx\" (expected NODE_SUBSCRIBER");
    assertThat(run("sorm", "console", "--timeout", "soon", "watch").err())
        .startsWith("Invalid value for option '--timeout': \"soon\" is not a duration (expected e.g. 500ms, 5s,"
            + " 2m, 1h or PT5S)");
    assertThat(run("sorm", "console").err())
        .startsWith("Missing required subcommand: start, stop, control, uncontrol, test, version, objects, change,"
            + " password, ksl-assign, ksl-remove, ksl-groups, connect, release, services, trunk-name or watch\n");
    assertThat(run("sorm", "console", "--kpd1-port", "1", "--password", PW, "password", "--new", "1234567").err())
        .startsWith("--new: \"1234567\" has 7 characters (expected exactly 6)\n");
    assertThat(run("sorm", "console", "--kpd1-port", "1", "--password", PW, "ksl-assign", "--ksl-group", "1",
        "--ksl-a", "8/1").err())
        .startsWith("Invalid value for option '--ksl-a': \"8/1\" (expected stream/line with stream 0..7 and line"
            + " 0..31, e.g. 2/17, or none)");
  }

  /** A CLI run on its own thread, for the foreground commands. */
  static final class Background {
    final Thread thread;
    final StringWriter out = new StringWriter();
    final StringWriter err = new StringWriter();
    final AtomicInteger code = new AtomicInteger(-1);

    private Background(String[] args) {
      thread = new Thread(() -> code.set(Ecss.run(new PrintWriter(out), new PrintWriter(err), args)), "test-cli");
    }

    static Background start(String... args) {
      Background b = new Background(args);
      b.thread.start();
      return b;
    }

    Run await() throws InterruptedException {
      thread.join(10_000);
      assertThat(thread.isAlive()).as("the command is still running").isFalse();
      return new Run(code.get(), out.toString(), err.toString());
    }
  }
}
