package io.ecss.examples.sorm;

import static io.ecss.examples.sorm.SormConsoleCliTest.assertNoSormThreads;
import static io.ecss.examples.sorm.SormConsoleCliTest.run;
import static io.ecss.examples.sorm.SormConsoleCliTest.waitFor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ecss.examples.sorm.SormConsoleCliTest.Background;
import io.ecss.examples.sorm.SormConsoleCliTest.Run;
import io.ecss.sorm.RadiusCall;
import io.ecss.sorm.SormNi;
import io.ecss.sorm.SormRadiusReporter;
import io.ecss.sorm.SormTimeoutException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code ecss sorm station}: run in a thread as the tool runs it, driven by {@code ecss sorm
 * console} and a RADIUS reporter, stopped by an interrupt (what its Ctrl-C hook does); no thread,
 * port or shutdown hook is left behind.
 */
class SormStationCliTest {
  private static final Pattern LISTENING =
      Pattern.compile("SORM station listening: КПД1 127\\.0\\.0\\.1:(\\d+), КПД2 127\\.0\\.0\\.1:(\\d+)"
          + "(?:, RADIUS UDP 127\\.0\\.0\\.1:(\\d+))? \\(SORM number (\\d+), (\\d+) objects, (\\w+) error codes\\)\n");

  @AfterEach
  void noLeaks() {
    assertNoSormThreads();
  }

  /** A station started by the CLI, with its bound ports. */
  record Station(Background run, int kpd1, int kpd2, int radius) {
    String[] console(String... args) {
      List<String> a = new ArrayList<>(List.of("sorm", "console", "--kpd1-port", String.valueOf(kpd1),
          "--kpd2-port", String.valueOf(kpd2), "--password", "123456"));
      a.addAll(List.of(args));
      return a.toArray(new String[0]);
    }

    void awaitLine(String line) {
      waitFor(() -> run.out.toString().contains(line + "\n"), "station did not print '" + line + "': %s",
          () -> run.out.toString());
    }

    Run stop() throws InterruptedException {
      run.thread.interrupt();
      return run.await();
    }
  }

  static Station start(String... extra) {
    List<String> a = new ArrayList<>(List.of("sorm", "station", "--kpd1-port", "0", "--kpd2-port", "0",
        "--password", "123456"));
    a.addAll(List.of(extra));
    Background b = Background.start(a.toArray(new String[0]));
    waitFor(() -> LISTENING.matcher(b.out.toString()).find() || !b.thread.isAlive(),
        "no listening line: %s", () -> b.out + " / " + b.err);
    Matcher m = LISTENING.matcher(b.out.toString());
    assertThat(m.find()).as("listening line in %s / %s", b.out, b.err).isTrue();
    return new Station(b, Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
        m.group(3) == null ? -1 : Integer.parseInt(m.group(3)));
  }

  static void assertClosed(int port) {
    assertThatThrownBy(() -> new Socket(InetAddress.getLoopbackAddress(), port).close())
        .isInstanceOf(ConnectException.class);
  }

  @Test
  void stationServesConsolesAndStopsCleanlyOnInterrupt() throws Exception {
    Station st = start("--objects", "10");
    assertThat(st.run.out.toString()).endsWith("(SORM number 1, 10 objects, vendor error codes)\n");
    assertThat(run(st.console("start")).code()).isZero();
    st.awaitLine("SORM started");
    Run control = run(st.console("control", "--object", "1", "--number", "2345678", "--indicator", "1"));
    assertThat(control.code()).isZero();
    st.awaitLine("objects on control: 1");
    Run twice = run(st.console("start"));
    assertThat(twice.code()).isEqualTo(1);
    assertThat(run(st.console("test", "3")).code()).isZero();
    st.awaitLine("КПД2 links: 1");
    waitFor(() -> st.run.out.toString().endsWith("КПД2 links: 0\n") || st.run.out.toString().endsWith("КПД1 console disconnected\n"),
        "links: %s", st.run.out::toString);

    Run stopped = st.stop();
    assertThat(stopped.code()).isZero();
    assertThat(stopped.err()).isEmpty();
    assertThat(stopped.out())
        .contains("КПД1 console connected\n")
        .contains("SORM started\n")
        .contains("objects on control: 1\n")
        .contains("КПД1 console disconnected\n")
        .endsWith("SORM station stopped\n");
    assertClosed(st.kpd1);
    assertClosed(st.kpd2);
  }

  static int occurrences(String text, String line) {
    int n = 0;
    for (int i = text.indexOf(line); i >= 0; i = text.indexOf(line, i + line.length())) {
      n++;
    }
    return n;
  }

  /**
   * The lines are event-driven: a connection that lasts microseconds (open and close at once) is
   * printed twice, connected and disconnected, in order; a 100 ms sampling of the state saw none.
   */
  @Test
  void everyChangeIsPrintedHoweverShort() throws Exception {
    Station st = start();
    String listening = st.run.out.toString();
    InetAddress lo = InetAddress.getLoopbackAddress();
    for (int i = 1; i <= 3; i++) {
      new Socket(lo, st.kpd1).close();
      int n = i;
      waitFor(() -> occurrences(st.run.out.toString(), "КПД1 console disconnected\n") == n,
          "disconnection " + n + " not printed: %s", st.run.out::toString);
    }
    new Socket(lo, st.kpd2).close();
    st.awaitLine("КПД2 links: 0");
    Run stopped = st.stop();
    assertThat(stopped.code()).isZero();
    assertThat(stopped.out()).isEqualTo(listening
        + "КПД1 console connected\nКПД1 console disconnected\n".repeat(3)
        + "КПД2 links: 1\nКПД2 links: 0\n"
        + "SORM station stopped\n");
  }

  @Test
  void stationWithRadiusTurnsReportedCallsIntoKpd2Events() throws Exception {
    Station st = start("--radius-port", "0", "--radius-secret", "s3cret", "--adapt", "LONG_DISTANCE_8_TO_7",
        "--standard-codes", "--sorm-number", "3");
    assertThat(st.radius).isPositive();
    assertThat(st.run.out.toString()).contains("(SORM number 3, 1024 objects, standard error codes)");
    String[] start = st.console("--sorm-number", "3", "start");
    assertThat(run(start).code()).isZero();
    assertThat(run(st.console("--sorm-number", "3", "control", "--object", "9", "--number", "84951234567",
        "--indicator", "RUSSIAN_PSTN")).code()).isZero();
    Background watch = Background.start(st.console("watch", "--count", "3"));
    st.awaitLine("КПД2 links: 1");
    InetSocketAddress radius = new InetSocketAddress(InetAddress.getLoopbackAddress(), st.radius);
    try (SormRadiusReporter softswitch = SormRadiusReporter.create(radius, "s3cret");
        SormRadiusReporter intruder = SormRadiusReporter.create(radius, "wrong", Duration.ofMillis(100), 0)) {
      assertThatThrownBy(() -> intruder.start("x", "1", "2")).isInstanceOf(SormTimeoutException.class);
      softswitch.start(RadiusCall.of("c7", "3001", "84951234567").withSormB("84951234567", SormNi.INTERCITY));
      softswitch.answer("c7");
      softswitch.stop("c7", 1);
    }
    Run events = watch.await();
    assertThat(events.code()).isZero();
    assertThat(events.out().split("\n")).hasSize(4);
    assertThat(events.out())
        .contains("message 1.1 (complete called number received): call 0, object 9 NETWORK_SUBSCRIBER, incoming,"
            + " A 3001 (RUSSIAN_PSTN), B 74951234567 (RUSSIAN_PSTN)")
        .contains("message 1.3 (release): call 0, object 9")
        .contains("cause 0x05 AFTER_CONVERSATION (after conversation)");
    st.awaitLine("RADIUS: 3 accepted, 1 wrong secret, 0 malformed; calls intercepted 1, active 0");
    Run stopped = st.stop();
    assertThat(stopped.code()).isZero();
    assertThat(stopped.out()).endsWith("SORM station stopped\n");
    assertClosed(st.kpd1);
  }

  @Test
  void theWholeChainFromTheCommandLine() throws Exception {
    Station st = start("--radius-port", "0", "--radius-secret", "s3cret");
    assertThat(run(st.console("start")).code()).isZero();
    assertThat(run(st.console("control", "--object", "5", "--number", "2345678", "--indicator", "NODE_SUBSCRIBER"))
        .code()).isZero();
    Background watch = Background.start(st.console("watch", "--count", "3"));
    st.awaitLine("КПД2 links: 1");
    String port = String.valueOf(st.radius);
    Run started = run("sorm", "radius", "--port", port, "--secret", "s3cret", "start", "--call-id", "c1",
        "--a", "2345678", "--b", "84951234567", "--sorm-a", "2345678", "--sorm-ni-a", "private");
    assertThat(started).isEqualTo(new Run(0, "Accounting Start c1: Accounting-Response from 127.0.0.1:" + port + "\n", ""));
    assertThat(run("sorm", "radius", "--port", port, "--secret", "s3cret", "answer", "--call-id", "c1"))
        .isEqualTo(new Run(0, "Interim-Update (answer) c1: Accounting-Response from 127.0.0.1:" + port + "\n", ""));
    assertThat(run("sorm", "radius", "--port", port, "--secret", "s3cret", "stop", "--call-id", "c1",
        "--disconnect-code", "5").code()).isZero();
    Run events = watch.await();
    assertThat(events.code()).isZero();
    String[] lines = events.out().split("\n");
    assertThat(lines).hasSize(4);
    assertThat(lines[1]).startsWith("message 1.1 (complete called number received): call 0, object 5 NODE_SUBSCRIBER,"
        + " outgoing, A 2345678 (NODE_SUBSCRIBER), B 84951234567 (RUSSIAN_PSTN), at ");
    assertThat(lines[2]).startsWith("message 1.2 (answer): call 0, object 5");
    assertThat(lines[3]).startsWith("message 1.3 (release): call 0, object 5").endsWith(", cause 0x03 BUSY (called party busy)");

    Run wrong = run("sorm", "radius", "--port", port, "--secret", "wrong", "--timeout", "100ms", "--retries", "0",
        "start", "--call-id", "c2", "--a", "1", "--b", "2");
    assertThat(wrong.code()).isEqualTo(1);
    assertThat(wrong.out()).isEmpty();
    assertThat(wrong.err()).startsWith("ecss sorm radius start: RADIUS Start c2: no Accounting-Response from ")
        .endsWith(" within 100 ms (1 attempt)\n");
    st.awaitLine("RADIUS: 3 accepted, 1 wrong secret, 0 malformed; calls intercepted 1, active 0");
    assertThat(st.stop().code()).isZero();
  }

  @Test
  void radiusUsageErrorsExitTwo() {
    assertThat(run("sorm", "radius", "start", "--call-id", "c", "--a", "1", "--b", "2").err())
        .startsWith("Missing required option: '--secret=SECRET'\n");
    assertThat(run("sorm", "radius", "--secret", "s", "start", "--call-id", "c", "--a", "1", "--b", "2",
        "--sorm-ni-a", "private").err())
        .startsWith("--sorm-ni-a/--sorm-ni-b need --sorm-a/--sorm-b\n");
    assertThat(run("sorm", "radius", "--secret", "s", "start", "--call-id", "c", "--a", "1", "--b", "2",
        "--sorm-a", "1", "--sorm-ni-a", "galactic").err())
        .startsWith("Invalid value for option '--sorm-ni-a': \"galactic\" (expected private, local, zone, intercity,"
            + " international or emergency)");
    assertThat(run("sorm", "radius", "--secret", "s", "start", "--call-id", "", "--a", "1", "--b", "2").code())
        .isEqualTo(2);
    assertThat(run("sorm", "radius", "--secret", "s", "--retries", "11", "answer", "--call-id", "c").code())
        .isEqualTo(2);
    assertThat(run("sorm", "radius", "--secret", "s", "stop", "--call-id", "c", "--disconnect-code", "-1").code())
        .isEqualTo(2);
    assertThat(run("sorm", "radius").err()).startsWith("Missing required subcommand: start, answer or stop\n");
  }

  @Test
  void idleTimeoutIsReported() throws Exception {
    Station st = start("--idle-timeout", "300ms");
    assertThat(run(st.console("start")).code()).isZero();
    st.awaitLine("КПД1 link faulty (idle timeout): output blocked, 0 messages discarded so far");
    assertThat(run(st.console("version")).code()).isZero();
    st.awaitLine("КПД1 link ok");
    assertThat(st.stop().code()).isZero();
  }

  @Test
  void aPortInUseIsOneLineWithExitOne() throws IOException {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      int port = taken.getLocalPort();
      Run r = run("sorm", "station", "--kpd1-port", String.valueOf(port), "--kpd2-port", "0");
      assertThat(r.code()).isEqualTo(1);
      assertThat(r.out()).isEmpty();
      assertThat(r.err()).startsWith("ecss sorm station: cannot listen on 127.0.0.1 ports " + port + "/0 (");
    }
  }

  static Stream<List<String>> usageErrors() {
    return Stream.of(
        List.of("--kpd1-port", "0"),
        List.of("--kpd2-port", "0"),
        List.of("--kpd1-port", "0", "--kpd2-port", "0", "--radius-port", "0"),
        List.of("--kpd1-port", "0", "--kpd2-port", "0", "--radius-secret", "s"),
        List.of("--kpd1-port", "0", "--kpd2-port", "0", "--adapt", "LONG_DISTANCE_8_TO_7"),
        List.of("--kpd1-port", "0", "--kpd2-port", "0", "--radius-port", "0", "--radius-secret", "s",
            "--adapt", "LEADING_7_TO_8,LEADING_7_TO_810"),
        List.of("--kpd1-port", "0", "--kpd2-port", "0", "--radius-port", "0", "--radius-secret", ""),
        List.of("--kpd1-port", "0", "--kpd2-port", "0", "--password", "short"),
        List.of("--kpd1-port", "0", "--kpd2-port", "0", "--sorm-number", "256"),
        List.of("--kpd1-port", "0", "--kpd2-port", "0", "--objects", "0"),
        List.of("--kpd1-port", "-1", "--kpd2-port", "0"),
        List.of("--kpd1-port", "0", "--kpd2-port", "0", "--idle-timeout", "later"));
  }

  @ParameterizedTest
  @MethodSource("usageErrors")
  void usageErrorsExitTwo(List<String> args) {
    List<String> all = new ArrayList<>(List.of("sorm", "station"));
    all.addAll(args);
    Run r = run(all.toArray(new String[0]));
    assertThat(r.code()).as("%s: %s", args, r.err()).isEqualTo(2);
    assertThat(r.out()).isEmpty();
  }

  @Test
  void radiusOptionsGoTogether() {
    assertThat(run("sorm", "station", "--kpd1-port", "0", "--kpd2-port", "0", "--radius-port", "0").err())
        .startsWith("--radius-port and --radius-secret go together: give both or neither\n");
  }
}
