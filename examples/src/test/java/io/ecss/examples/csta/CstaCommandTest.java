package io.ecss.examples.csta;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ecss.csta.CstaSimulator;
import io.ecss.examples.Ecss;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class CstaCommandTest {
  private CstaSimulator sim;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  @BeforeEach
  void start() throws Exception {
    List<String> devices = new ArrayList<>();
    for (int i = 101; i <= 105; i++) {
      devices.add(Integer.toString(i));
    }
    sim = CstaSimulator.builder().port(0).devices(devices).credentials("dom", "pw").build().start();
  }

  @AfterEach
  void stop() {
    sim.close();
  }

  private int run(String... args) {
    return Ecss.run(new PrintWriter(out), new PrintWriter(err), args);
  }

  private String[] connect(String... rest) {
    List<String> a = new ArrayList<>(List.of("--host", "127.0.0.1", "--port", Integer.toString(sim.port()),
        "--user", "dom", "--password", "pw"));
    a.addAll(List.of(rest));
    return a.toArray(new String[0]);
  }

  private static String[] concat(String[] a, String... b) {
    List<String> l = new ArrayList<>(List.of(a));
    l.addAll(List.of(b));
    return l.toArray(new String[0]);
  }

  @Test
  void callPrintsJsonLinesUntilTheCallIsDelivered() throws Exception {
    // Nobody answers: the call ends by --timeout after the Delivered event (3 s: connecting,
    // monitoring and MakeCall must fit in it on a loaded machine too).
    int code = run(concat(new String[] {"csta", "call"}, connect("--json", "--timeout", "3", "101", "102")));
    String[] lines = out.toString().lines().toArray(String[]::new);
    ObjectMapper m = new ObjectMapper();
    JsonNode first = m.readTree(lines[0]);
    assertThat(first.get("type").asText()).isEqualTo("response");
    assertThat(first.get("name").asText()).isEqualTo("MakeCallResponse");
    assertThat(first.get("callID").asText()).isEqualTo("C1");
    assertThat(first.get("deviceID").asText()).isEqualTo("101");
    assertThat(m.readTree(lines[1]).get("name").asText()).isEqualTo("ServiceInitiatedEvent");
    assertThat(m.readTree(lines[2]).get("name").asText()).isEqualTo("OriginatedEvent");
    JsonNode delivered = m.readTree(lines[3]);
    assertThat(delivered.get("type").asText()).isEqualTo("event");
    assertThat(delivered.get("name").asText()).isEqualTo("DeliveredEvent");
    assertThat(delivered.get("callID").asText()).isEqualTo("C1");
    assertThat(delivered.get("deviceID").asText()).isEqualTo("102");
    assertThat(delivered.get("cause").asText()).isEqualTo("newCall");
    assertThat(m.readTree(lines[4]).get("type").asText()).isEqualTo("error");
    assertThat(code).isEqualTo(1);
  }

  @Test
  void callTimeoutBoundsTheWholeCommandNotEachStep() {
    // Each step alone fits in --timeout 2, together they do not: the command gives up at 2 s.
    sim.delayNextResponse("MonitorStart", java.time.Duration.ofMillis(1_200));
    sim.delayNextResponse("MakeCall", java.time.Duration.ofMillis(1_200));
    long t0 = System.nanoTime();
    int code = run(concat(new String[] {"csta", "call"}, connect("--timeout", "2", "101", "102")));
    long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
    assertThat(code).isEqualTo(1);
    assertThat(out.toString()).isEqualTo("error TimeoutException message=no answer within 2 s\n");
    assertThat(ms).as("elapsed ms").isBetween(1_900L, 4_300L);
  }

  @Test
  void callToAnUnknownNumberEndsWithFailedInText() {
    int code = run(concat(new String[] {"csta", "call"}, connect("101", "999")));
    assertThat(out.toString()).isEqualTo(
        """
        response MakeCallResponse callID=C1 deviceID=101
        event ServiceInitiatedEvent callID=C1 deviceID=101 cause=makeCall state=initiated monitorCrossRefID=1
        event OriginatedEvent callID=C1 deviceID=101 cause=makeCall state=connected monitorCrossRefID=1
        event FailedEvent callID=C1 deviceID=999 cause=destNotObtainable state=fail monitorCrossRefID=1
        """);
    assertThat(code).isEqualTo(1);
  }

  @Test
  void wrongPasswordIsAnErrorLine() {
    int code = run("csta", "call", "--host", "127.0.0.1", "--port", Integer.toString(sim.port()),
        "--user", "dom", "--password", "bad", "--json", "101", "102");
    assertThat(out.toString()).startsWith("{\"type\":\"error\",\"name\":\"StartApplicationSessionNegResponse\",\"category\":\"definedError\",\"value\":\"invalidApplicationInfo\"");
    assertThat(code).isEqualTo(1);
  }

  /**
   * Waits until the monitor command's login and MonitorStart reached the simulator (a fixed
   * 700 ms sleep missed the call's events when the machine was busy).
   */
  private void awaitMonitorStarted() throws InterruptedException {
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (sim.requestsServed() < 2) {
      if (System.nanoTime() > end) {
        throw new IllegalStateException("the monitor command did not start its monitor within 20 s");
      }
      Thread.sleep(10);
    }
  }

  @Test
  void monitorPrintsEventsForItsDuration() throws Exception {
    Thread caller = new Thread(() -> {
      try {
        awaitMonitorStarted();
        Ecss.run(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()),
            concat(new String[] {"csta", "call"}, connect("--timeout", "3", "103", "104")));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    });
    caller.start();
    int code = run(concat(new String[] {"csta", "monitor"}, connect("--json", "--duration", "4", "104")));
    caller.join();
    assertThat(code).isZero();
    assertThat(out.toString()).startsWith("{\"type\":\"response\",\"name\":\"MonitorStartResponse\"")
        .contains("\"name\":\"DeliveredEvent\",\"callID\":\"C1\",\"deviceID\":\"104\",\"cause\":\"newCall\",\"state\":\"alerting\"");
  }

  @Test
  void monitorOnlyPrintsTheRequestedEvents() throws Exception {
    Thread caller = new Thread(() -> {
      try {
        awaitMonitorStarted();
        Ecss.run(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()),
            concat(new String[] {"csta", "call"}, connect("--timeout", "3", "104", "105")));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    });
    caller.start();
    int code = run(concat(new String[] {"csta", "monitor"}, connect("--only", "delivered", "--duration", "4", "104")));
    caller.join();
    assertThat(code).as(err.toString()).isZero();
    assertThat(out.toString()).isEqualTo(
        """
        response MonitorStartResponse deviceID=104 monitorCrossRefID=1
        event DeliveredEvent callID=C1 deviceID=105 cause=newCall state=connected monitorCrossRefID=1
        """);
    assertThat(run(concat(new String[] {"csta", "monitor"}, connect("--only", "ringing", "104")))).isEqualTo(2);
    assertThat(err.toString()).contains("--only: unknown call-control flag 'ringing' (one of bridged, callCleared,");
  }

  @Test
  void usageErrors() {
    assertThat(run(concat(new String[] {"csta", "call"}, connect("--trust-all", "101", "102")))).isEqualTo(2);
    assertThat(err.toString()).contains("--trust and --trust-all need --tls");
    assertThat(run("csta", "call", "101", "102")).isEqualTo(2);
    assertThat(run("csta", "template", "x", "--var", "NOPE=1")).isEqualTo(2);
    assertThat(run("csta", "simulator", "--devices", "101", "--user", "u")).isEqualTo(2);
    // out-of-range numbers are usage errors (exit 2) naming the option, not exit 1 with an
    // exception class name
    assertThat(run("csta", "simulator", "--port", "70000", "--devices", "101", "--duration", "1")).isEqualTo(2);
    assertThat(err.toString()).contains("--port: 70000 (expected 0..65535");
    assertThat(run("csta", "simulator", "--port", "0", "--tls-port", "-5", "--cert", "c.pem", "--key", "k.pem",
        "--devices", "101", "--duration", "1")).isEqualTo(2);
    assertThat(err.toString()).contains("--tls-port: -5 (expected 0..65535");
    assertThat(run("csta", "numbers", "1-5", "--limit", "-1")).isEqualTo(2);
    assertThat(err.toString()).contains("--limit: -1 (expected >= 0)").doesNotContain("IllegalArgumentException");
  }

  @Test
  void numbersExpandsAndTestsMembership() {
    assertThat(run("csta", "numbers", "24010{0-1}")).isZero();
    assertThat(out.toString()).isEqualTo("240100\n240101\n");
    out.getBuffer().setLength(0);
    assertThat(run("csta", "numbers", "{101,102,103,110-120}", "--contains", "115")).isZero();
    assertThat(out.toString()).isEqualTo("115 is in {101,102,103,110-120}\n");
    out.getBuffer().setLength(0);
    assertThat(run("csta", "numbers", "{101,102,103,110-120}", "--contains", "104")).isEqualTo(1);
    assertThat(out.toString()).isEqualTo("104 is not in {101,102,103,110-120}\n");
    assertThat(run("csta", "numbers", "{101,,102}")).isEqualTo(1);
    assertThat(err.toString()).contains("number list {101,,102}: expected a digit but found ',' at line 1, column 6");
  }

  @Test
  void keyAndTemplate() {
    assertThat(run("csta", "key")).isZero();
    assertThat(out.toString()).matches("[A-Za-z0-9]{64}\n");
    out.getBuffer().setLength(0);
    assertThat(run("csta", "template", "https://crm/?n=%CGPN.digits%&who=%CGPN.display_name%",
        "--var", "CGPN.digits=+7 900", "--var", "CGPN.display_name=Иванов")).isZero();
    assertThat(out.toString()).isEqualTo("https://crm/?n=%2B7%20900&who=%D0%98%D0%B2%D0%B0%D0%BD%D0%BE%D0%B2\n");
  }

  @Test
  void simulatorRunsForItsDuration() {
    assertThat(run("csta", "simulator", "--port", "0", "--devices", "101-103", "--duration", "1")).isZero();
    assertThat(out.toString()).matches("CSTA simulator on 127\\.0\\.0\\.1:\\d+, 3 devices, no login check\n");
    out.getBuffer().setLength(0);
    assertThat(run("csta", "simulator", "--port", "0", "--devices", "101", "--snapshot-segment", "2", "--duration", "1")).isZero();
    assertThat(out.toString()).matches(
        "CSTA simulator on 127\\.0\\.0\\.1:\\d+, 1 devices, no login check, snapshots in segments of 2\n");
    assertThat(run("csta", "simulator", "--devices", "101", "--snapshot-segment", "-1")).isEqualTo(2);
  }

  @Test
  void demoRunsQuicklyAndShowsTheCall() throws Exception {
    StringWriter s = new StringWriter();
    long t0 = System.nanoTime();
    new CstaDemo().run(new PrintWriter(s));
    long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
    assertThat(ms).isLessThan(2_000);
    assertThat(s.toString())
        .contains("MakeCall 101 -> 102: call C1")
        .contains("102 sees DeliveredEvent")
        .contains("101 sees EstablishedEvent")
        .contains("102 sees CallClearedEvent")
        .contains("C1 alerting with [101], not answered")
        .contains("C1 connected with [101], answered")
        .endsWith("  active calls of 101: none\n  active calls of 102: none\n");
  }
}
