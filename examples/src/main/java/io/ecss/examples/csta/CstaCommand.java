package io.ecss.examples.csta;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ecss.csta.ConnectionId;
import io.ecss.csta.CstaApiKey;
import io.ecss.csta.CstaCallTemplate;
import io.ecss.csta.CstaClient;
import io.ecss.csta.CstaEvent;
import io.ecss.csta.CstaException;
import io.ecss.csta.CstaNumberList;
import io.ecss.csta.CstaResponse;
import io.ecss.csta.CstaServiceException;
import io.ecss.csta.CstaSimulator;
import io.ecss.csta.CstaMonitorFilter;
import io.ecss.csta.CstaRequest;
import io.ecss.csta.CstaTls;
import io.ecss.csta.CstaTlsException;
import io.ecss.examples.CliInputException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code ecss csta}: a CSTA client, a simulator, and the CRM integration helpers. */
@Command(
    name = "csta",
    mixinStandardHelpOptions = true,
    description = "CSTA (ECMA-323 XML over TCP/TLS): simulator, click-to-call, monitors, integration helpers.",
    subcommands = {
      CstaCommand.Simulator.class,
      CstaCommand.Call.class,
      CstaCommand.Monitor.class,
      CstaCommand.Numbers.class,
      CstaCommand.Key.class,
      CstaCommand.Template.class,
    })
public final class CstaCommand {

  /** Creates the command; picocli calls this. */
  public CstaCommand() {}

  static final ObjectMapper MAPPER = new ObjectMapper();

  /** Connection options shared by {@code call} and {@code monitor}. */
  static final class Connect {
    @Option(names = "--host", required = true, description = "Switch host name or address.")
    String host = "";

    @Option(names = "--port", defaultValue = "4721", description = "CSTA port (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--user", defaultValue = "", description = "Login user (ECSS-10: the domain).")
    String user = "";

    @Option(names = "--password", defaultValue = "", description = "Login password.")
    String password = "";

    @Option(names = "--tls", description = "Use TLS (verifying the server unless --trust-all).")
    boolean tls;

    @Option(names = "--trust", paramLabel = "PEM", description = "Trust anchors (PEM) instead of the JDK's.")
    @Nullable Path trust;

    @Option(names = "--trust-all", description = "Accept any server certificate (labs only).")
    boolean trustAll;

    @Option(names = "--client-cert", paramLabel = "PEM",
        description = "Client certificate chain (PEM) for servers that require mutual TLS; needs --client-key.")
    @Nullable Path clientCert;

    @Option(names = "--client-key", paramLabel = "PEM",
        description = "Client private key (PEM: PKCS#8, PKCS#1 or SEC1, possibly encrypted).")
    @Nullable Path clientKey;

    @Option(names = "--client-key-password-env", paramLabel = "VAR",
        description = "Environment variable holding the client key's password.")
    @Nullable String clientKeyPasswordEnv;

    @Option(names = "--timeout", defaultValue = "30", paramLabel = "SECONDS",
        description = "Give up after this many seconds (default: ${DEFAULT-VALUE}).")
    long timeoutSeconds;

    CstaClient client(CommandSpec spec) {
      if ((trust != null || trustAll) && !tls) {
        throw new CommandLine.ParameterException(spec.commandLine(), "--trust and --trust-all need --tls");
      }
      if (trust != null && trustAll) {
        throw new CommandLine.ParameterException(spec.commandLine(), "--trust and --trust-all are mutually exclusive");
      }
      if ((clientCert == null) != (clientKey == null) || (clientKeyPasswordEnv != null && clientKey == null)) {
        throw new CommandLine.ParameterException(
            spec.commandLine(), "--client-cert and --client-key go together (--client-key-password-env needs them)");
      }
      if (clientCert != null && !tls) {
        throw new CommandLine.ParameterException(spec.commandLine(), "--client-cert needs --tls");
      }
      if (timeoutSeconds <= 0) {
        throw new CommandLine.ParameterException(spec.commandLine(), "--timeout must be > 0");
      }
      CstaClient.Builder b;
      try {
        b = CstaClient.builder(host, port);
      } catch (IllegalArgumentException e) {
        throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
      }
      b.credentials(user, password)
          .connectTimeout(Duration.ofSeconds(Math.min(timeoutSeconds, 10)))
          .requestTimeout(Duration.ofSeconds(Math.min(timeoutSeconds, 10)))
          .noReconnect();
      if (tls) {
        CstaTls t = trustAll ? CstaTls.trustAllForLabsOnly() : trust != null ? CstaTls.trustPem(trust) : CstaTls.systemTrust();
        if (clientCert != null && clientKey != null) {
          t = clientKeyPasswordEnv == null
              ? t.withClientCertificate(clientCert, clientKey)
              : t.withClientCertificate(clientCert, clientKey, password(clientKeyPasswordEnv));
        }
        b.tls(t);
      }
      return b.build();
    }
  }

  /** A key password from the environment (never from the command line, where {@code ps} shows it). */
  static char[] password(String env) {
    String v = System.getenv(env);
    if (v == null) {
      throw new CliInputException("environment variable " + env + " (key password) is not set");
    }
    return v.toCharArray();
  }

  /** Prints responses, events and errors as text or JSON lines. */
  static final class Printer {
    final PrintWriter out;
    final boolean json;

    Printer(PrintWriter out, boolean json) {
      this.out = out;
      this.json = json;
    }

    void line(String type, String name, Map<String, @Nullable String> fields) {
      if (json) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("type", type);
        n.put("name", name);
        for (Map.Entry<String, @Nullable String> f : fields.entrySet()) {
          if (f.getValue() != null) {
            n.put(f.getKey(), f.getValue());
          }
        }
        out.println(n.toString());
      } else {
        StringBuilder b = new StringBuilder(type).append(' ').append(name);
        for (Map.Entry<String, @Nullable String> f : fields.entrySet()) {
          if (f.getValue() != null) {
            b.append(' ').append(f.getKey()).append('=').append(f.getValue());
          }
        }
        out.println(b);
      }
      out.flush();
    }

    void response(String name, @Nullable ConnectionId c, Map<String, @Nullable String> extra) {
      Map<String, @Nullable String> f = new LinkedHashMap<>();
      f.put("callID", c == null ? null : c.callId());
      f.put("deviceID", c == null ? null : c.deviceId());
      f.putAll(extra);
      line("response", name, f);
    }

    void event(CstaEvent e) {
      Map<String, @Nullable String> f = new LinkedHashMap<>();
      ConnectionId c = e.connection();
      f.put("callID", c == null ? null : c.callId());
      f.put("deviceID", c == null ? null : c.deviceId());
      f.put("cause", e.cause());
      f.put("state", e.localConnectionInfo());
      f.put("monitorCrossRefID", e.monitorCrossRefId());
      line("event", e.name(), f);
    }

    void error(Throwable t) {
      Map<String, @Nullable String> f = new LinkedHashMap<>();
      String name = t.getClass().getSimpleName();
      if (t instanceof CstaServiceException s) {
        name = s.error().name();
        f.put("category", s.error().category());
        f.put("value", s.error().value());
      }
      if (t instanceof CstaTlsException tls) {
        f.put("reason", tls.reason().name());
      }
      f.put("message", t.getMessage());
      line("error", name, f);
    }
  }

  static Throwable unwrap(Throwable t) {
    Throwable c = t;
    while ((c instanceof CompletionException || c instanceof ExecutionException) && c.getCause() != null) {
      c = c.getCause();
    }
    return c;
  }

  /** {@code ecss csta simulator}. */
  @Command(name = "simulator", mixinStandardHelpOptions = true,
      description = "Run an in-memory CSTA switch on this machine until interrupted.")
  static final class Simulator implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--port", defaultValue = "4721", description = "Plain TCP port; 0 picks one (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--tls-port", description = "TLS port (needs --cert and --key).")
    @Nullable Integer tlsPort;

    @Option(names = "--cert", paramLabel = "PEM", description = "Server certificate chain (PEM).")
    @Nullable Path cert;

    @Option(names = "--key", paramLabel = "PEM",
        description = "Server private key (PEM: PKCS#8, PKCS#1 or SEC1, possibly encrypted).")
    @Nullable Path key;

    @Option(names = "--key-password-env", paramLabel = "VAR",
        description = "Environment variable holding the server key's password.")
    @Nullable String keyPasswordEnv;

    @Option(names = "--snapshot-segment", defaultValue = "0", paramLabel = "N",
        description = "Answer SnapshotDevice in SnapshotDeviceData segments of N calls (0: inline, default).")
    int snapshotSegment;

    @Option(names = "--client-ca", paramLabel = "PEM",
        description = "Require TLS clients to present a certificate issued by these CAs (mutual TLS).")
    @Nullable Path clientCa;

    @Option(names = "--devices", required = true, paramLabel = "NUMBERS",
        description = "Devices, e.g. 101-120 or {101,102,110-120}.")
    String devices = "";

    @Option(names = "--user", description = "Required login user.")
    @Nullable String user;

    @Option(names = "--password", description = "Required login password.")
    @Nullable String password;

    @Option(names = "--bind", defaultValue = "127.0.0.1", description = "Address to listen on (default: ${DEFAULT-VALUE}).")
    String bind = "127.0.0.1";

    @Option(names = "--duration", defaultValue = "0", paramLabel = "SECONDS",
        description = "Stop after this many seconds; 0 runs until interrupted (default).")
    long durationSeconds;

    @Override
    public Integer call() throws Exception {
      if ((tlsPort == null) != (cert == null) || (cert == null) != (key == null)) {
        throw new CommandLine.ParameterException(spec.commandLine(), "--tls-port, --cert and --key go together");
      }
      if ((user == null) != (password == null)) {
        throw new CommandLine.ParameterException(spec.commandLine(), "--user and --password go together");
      }
      if (snapshotSegment < 0) {
        throw new CommandLine.ParameterException(spec.commandLine(), "--snapshot-segment must be >= 0");
      }
      if (port < -1 || port > 65_535) {
        throw new CommandLine.ParameterException(spec.commandLine(),
            "--port: " + port + " (expected 0..65535, 0 picks a free port, -1 none)");
      }
      if (tlsPort != null && (tlsPort < 0 || tlsPort > 65_535)) {
        throw new CommandLine.ParameterException(spec.commandLine(),
            "--tls-port: " + tlsPort + " (expected 0..65535, 0 picks a free port)");
      }
      if ((clientCa != null || keyPasswordEnv != null) && tlsPort == null) {
        throw new CommandLine.ParameterException(spec.commandLine(), "--client-ca and --key-password-env need --tls-port");
      }
      List<String> list;
      try {
        list = CstaNumberList.parse(devices).expand(100_000);
      } catch (CstaException e) {
        throw new CliInputException("--devices " + devices + ": " + e.getMessage());
      }
      CstaSimulator.Builder b = CstaSimulator.builder().port(port).devices(list)
          .bindAddress(java.net.InetAddress.getByName(bind));
      if (user != null && password != null) {
        b.credentials(user, password);
      }
      PrintWriter err = spec.commandLine().getErr();
      if (tlsPort != null && cert != null && key != null) {
        b.tls(tlsPort, cert, key, keyPasswordEnv == null ? null : password(keyPasswordEnv));
        if (clientCa != null) {
          b.clientCa(clientCa).onRejectedHandshake(msg -> {
            synchronized (err) {
              err.println("ecss csta simulator: " + msg);
              err.flush();
            }
          });
        }
      }
      PrintWriter out = spec.commandLine().getOut();
      CountDownLatch stop = new CountDownLatch(1);
      try (CstaSimulator sim = b.build()) {
        try {
          sim.start();
        } catch (IOException e) {
          throw new CliInputException("cannot listen on " + bind + ": " + e.getMessage());
        }
        sim.segmentSnapshots(snapshotSegment);
        StringBuilder where = new StringBuilder("CSTA simulator");
        if (port >= 0) {
          where.append(" on ").append(bind).append(':').append(sim.port());
        }
        if (tlsPort != null) {
          where.append(", TLS on ").append(bind).append(':').append(sim.tlsPort());
          if (clientCa != null) {
            where.append(" (client certificates required)");
          }
        }
        where.append(", ").append(list.size()).append(" devices").append(user == null ? ", no login check" : "");
        if (snapshotSegment > 0) {
          where.append(", snapshots in segments of ").append(snapshotSegment);
        }
        out.println(where);
        out.flush();
        if (durationSeconds > 0) {
          stop.await(durationSeconds, TimeUnit.SECONDS);
        } else {
          stop.await();
        }
      }
      return 0;
    }
  }

  /** {@code ecss csta call}. */
  @Command(name = "call", mixinStandardHelpOptions = true,
      description = "MakeCall FROM -> TO and print the response and FROM's events until the call is established or cleared.")
  static final class Call implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Mixin Connect connect;

    @Option(names = "--json", description = "One JSON object per line.")
    boolean json;

    @Parameters(index = "0", paramLabel = "FROM", description = "Calling device.")
    String from = "";

    @Parameters(index = "1", paramLabel = "TO", description = "Called number.")
    String to = "";

    @Override
    public Integer call() throws Exception {
      Printer p = new Printer(spec.commandLine().getOut(), json);
      BlockingQueue<CstaEvent> events = new LinkedBlockingQueue<>();
      // One deadline for the whole command (connect, monitor, MakeCall, events), not one per step.
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(connect.timeoutSeconds);
      try (CstaClient client = connect.client(spec)) {
        try {
          within(client.connect(), deadline);
          within(client.monitor(from, events::add), deadline);
          CstaResponse.MakeCallResponse r = within(client.makeCall(from, to), deadline);
          p.response(r.name(), r.callingDevice(), Map.of());
          String callId = r.callingDevice().callId();
          while (true) {
            long left = deadline - System.nanoTime();
            CstaEvent e = left <= 0 ? null : events.poll(left, TimeUnit.NANOSECONDS);
            if (e == null) {
              p.error(new TimeoutException("no end of call setup within " + connect.timeoutSeconds + " s"));
              return 1;
            }
            p.event(e);
            ConnectionId c = e.connection();
            boolean thisCall = c != null && c.callId().equals(callId);
            if (thisCall && e instanceof CstaEvent.Established) {
              return 0;
            }
            if (thisCall && (e instanceof CstaEvent.CallCleared || e instanceof CstaEvent.Failed
                || (e instanceof CstaEvent.ConnectionCleared && from.equals(c.deviceId())))) {
              return 1;
            }
          }
        } catch (ExecutionException | TimeoutException | CstaException e) {
          p.error(unwrap(e));
          return 1;
        }
      }
    }

    private <T> T within(java.util.concurrent.Future<T> f, long deadline)
        throws ExecutionException, InterruptedException, TimeoutException {
      try {
        return f.get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
      } catch (TimeoutException e) {
        throw new TimeoutException("no answer within " + connect.timeoutSeconds + " s");
      }
    }
  }

  /** {@code ecss csta monitor}. */
  @Command(name = "monitor", mixinStandardHelpOptions = true,
      description = "Monitor devices and print their events until interrupted.")
  static final class Monitor implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Mixin Connect connect;

    @Option(names = "--json", description = "One JSON object per line.")
    boolean json;

    @Option(names = "--duration", defaultValue = "0", paramLabel = "SECONDS",
        description = "Stop after this many seconds; 0 runs until interrupted (default).")
    long durationSeconds;

    @Option(names = "--only", split = ",", paramLabel = "FLAG",
        description = "Receive only these call-control events (ECMA-323 filter flags, e.g. "
            + "delivered,established,connectionCleared); the switch filters out the rest.")
    List<String> only = new ArrayList<>();

    @Parameters(arity = "1..*", paramLabel = "DEVICE", description = "Devices to monitor.")
    List<String> devices = new ArrayList<>();

    private CstaMonitorFilter filter() {
      if (only.isEmpty()) {
        return CstaMonitorFilter.NONE;
      }
      List<CstaMonitorFilter.CallControl> wanted = new ArrayList<>();
      for (String f : only) {
        CstaMonitorFilter.CallControl match = null;
        for (CstaMonitorFilter.CallControl c : CstaMonitorFilter.CallControl.values()) {
          if (c.flag().equals(f.trim())) {
            match = c;
          }
        }
        if (match == null) {
          List<String> known = new ArrayList<>();
          for (CstaMonitorFilter.CallControl c : CstaMonitorFilter.CallControl.values()) {
            known.add(c.flag());
          }
          throw new CommandLine.ParameterException(
              spec.commandLine(), "--only: unknown call-control flag '" + f + "' (one of " + String.join(", ", known) + ")");
        }
        wanted.add(match);
      }
      return CstaMonitorFilter.onlyCallControl(wanted.toArray(new CstaMonitorFilter.CallControl[0]));
    }

    @Override
    public Integer call() throws Exception {
      PrintWriter out = spec.commandLine().getOut();
      Printer p = new Printer(out, json);
      CstaMonitorFilter filter = filter();
      CountDownLatch lost = new CountDownLatch(1);
      try (CstaClient client = connect.client(spec)) {
        client.addListener(new io.ecss.csta.CstaClientListener() {
          @Override
          public void onStateChanged(CstaClient.State state, @Nullable Throwable cause) {
            if (state == CstaClient.State.CLOSED) {
              lost.countDown();
            }
          }

          @Override
          public void onUnroutedEvent(CstaEvent event) {
            p.event(event);
          }
        });
        try {
          client.connect().get(connect.timeoutSeconds, TimeUnit.SECONDS);
          for (String d : devices) {
            HeldUntilAnnounced listener = new HeldUntilAnnounced(p);
            io.ecss.csta.CstaMonitor m = client.monitor(CstaRequest.MonitorStart.device(d, filter, null), listener)
                .get(connect.timeoutSeconds, TimeUnit.SECONDS);
            listener.announce(() -> p.response(
                "MonitorStartResponse", null, Map.of("deviceID", d, "monitorCrossRefID", m.monitorCrossRefId())));
          }
        } catch (ExecutionException | TimeoutException | CstaException e) {
          p.error(unwrap(e));
          return 1;
        }
        boolean closed = durationSeconds > 0 ? lost.await(durationSeconds, TimeUnit.SECONDS) : waitForever(lost);
        if (closed) {
          p.error(new io.ecss.csta.CstaConnectionException("connection to " + connect.host + ":" + connect.port + " lost"));
          return 1;
        }
      }
      return 0;
    }

    /**
     * Prints a monitor's events, holding those that arrive before its MonitorStartResponse line
     * is printed: the events run on the client's callback thread, the line on this one, and a
     * busy device's first events follow the response at once.
     */
    private static final class HeldUntilAnnounced implements io.ecss.csta.CstaMonitorListener {
      private final Printer p;
      private final List<CstaEvent> held = new ArrayList<>();
      private boolean announced;

      HeldUntilAnnounced(Printer p) {
        this.p = p;
      }

      @Override
      public synchronized void onEvent(CstaEvent event) {
        if (announced) {
          p.event(event);
        } else {
          held.add(event);
        }
      }

      synchronized void announce(Runnable responseLine) {
        responseLine.run();
        for (CstaEvent e : held) {
          p.event(e);
        }
        held.clear();
        announced = true;
      }
    }

    private static boolean waitForever(CountDownLatch l) throws InterruptedException {
      l.await();
      return true;
    }
  }

  /** {@code ecss csta numbers}. */
  @Command(name = "numbers", mixinStandardHelpOptions = true,
      description = "Expand an ECSS number list such as {101,102,110-120} or 24010{0-1}, or test membership (exit 1 when not in the list).")
  static final class Numbers implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(index = "0", paramLabel = "SET", description = "The number list.")
    String set = "";

    @Option(names = "--contains", paramLabel = "N", description = "Only say whether N is in the list.")
    @Nullable String contains;

    @Option(names = "--limit", defaultValue = "100000", description = "Largest expansion printed (default: ${DEFAULT-VALUE}).")
    int limit;

    @Override
    public Integer call() {
      if (limit < 0) {
        throw new CommandLine.ParameterException(spec.commandLine(), "--limit: " + limit + " (expected >= 0)");
      }
      PrintWriter out = spec.commandLine().getOut();
      CstaNumberList list;
      try {
        list = CstaNumberList.parse(set);
      } catch (CstaException e) {
        throw new CliInputException("number list " + set + ": " + e.getMessage());
      }
      if (contains != null) {
        boolean in = list.contains(contains);
        out.println(contains + (in ? " is in " : " is not in ") + list);
        out.flush();
        return in ? 0 : 1;
      }
      try {
        for (String n : list.expand(limit)) {
          out.println(n);
        }
      } catch (CstaException e) {
        throw new CliInputException(e.getMessage());
      }
      out.flush();
      return 0;
    }
  }

  /** {@code ecss csta key}. */
  @Command(name = "key", mixinStandardHelpOptions = true,
      description = "Print a new 64-character integration API key from a secure random source.")
  static final class Key implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      out.println(CstaApiKey.generate().value());
      out.flush();
      return 0;
    }
  }

  /** {@code ecss csta template}. */
  @Command(name = "template", mixinStandardHelpOptions = true,
      description = "Render a call-centre URL or text template; macros: " + CstaCallTemplate.MACRO_LIST + ".")
  static final class Template implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(index = "0", paramLabel = "TEXT", description = "The template, e.g. https://crm/?n=%CGPN.digits%.")
    String text = "";

    @Option(names = "--var", paramLabel = "NAME=VALUE", description = "A macro value, e.g. CGPN.digits=101 (repeatable).")
    List<String> vars = new ArrayList<>();

    @Override
    public Integer call() {
      Map<String, String> values = new LinkedHashMap<>();
      for (String v : vars) {
        int eq = v.indexOf('=');
        if (eq <= 0) {
          throw new CommandLine.ParameterException(spec.commandLine(), "--var " + v + ": expected NAME=VALUE");
        }
        String name = v.substring(0, eq);
        if (!CstaCallTemplate.MACROS.contains(name)) {
          throw new CommandLine.ParameterException(spec.commandLine(),
              "--var " + name + ": unknown macro (expected one of " + CstaCallTemplate.MACRO_LIST + ")");
        }
        values.put(name, v.substring(eq + 1));
      }
      PrintWriter out = spec.commandLine().getOut();
      out.println(CstaCallTemplate.parse(text).render(values));
      out.flush();
      return 0;
    }
  }
}
