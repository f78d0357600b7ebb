package io.ecss.examples.sorm;

import io.ecss.examples.CliInputException;
import io.ecss.sorm.DigitZero;
import io.ecss.sorm.NumberAdaptation;
import io.ecss.sorm.NumberIndicator;
import io.ecss.sorm.SormRadiusBridge;
import io.ecss.sorm.SormCodec;
import io.ecss.sorm.SormStation;
import io.ecss.sorm.SormStationServer;
import io.ecss.sorm.StationConfig;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.LinkedBlockingQueue;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code ecss sorm station}: a SORM mediator in the foreground, optionally with the RADIUS
 * accounting bridge. It prints one line when listening (the bound ports, so port 0 works) and one
 * line per change of what it serves (consoles connecting, SORM started or stopped, objects on
 * control, RADIUS counters), until Ctrl-C or an interrupt of its thread closes everything.
 *
 * <p>The lines are event-driven: a {@link SormStationServer.Listener} (on the server's event
 * thread) turns each change into the new text of one state line and queues it; the command's own
 * thread prints a line when its text differs from the last one printed for that state, so every
 * line is printed by one thread and nothing is printed after "SORM station stopped".
 */
@Command(
    name = "station",
    mixinStandardHelpOptions = true,
    description = {
      "Run a SORM mediator (station side) in the foreground: КПД1 command link and КПД2 event links"
          + " on TCP, the station state machine behind them.",
      "Prints 'SORM station listening: ...' with the bound addresses (port 0 picks a free port),"
          + " then a line per change (КПД1/КПД2 connections, SORM started/stopped, objects on"
          + " control, RADIUS counters), as they happen. Ctrl-C closes every link and exits 0.",
      "With --radius-port and --radius-secret it also runs the RADIUS accounting bridge: calls"
          + " reported by the softswitch (Start / Interim-Update phase=answer / Stop) whose A or B"
          + " number is on control become КПД2 messages 1.1 / 1.2 / 1.3."
    })
final class SormStationCommand implements Callable<Integer> {
  /** The state lines, by position in {@link #state}. */
  private static final int KPD1 = 0;

  private static final int KPD2 = 1;
  private static final int STARTED = 2;
  private static final int OBJECTS = 3;
  private static final int LINK = 4;
  private static final int RADIUS = 5;

  /** The new text of one state line. */
  private record Line(int index, String text) {}

  @Spec CommandSpec spec;

  @Option(names = "--bind", paramLabel = "ADDRESS", description = "Address to listen on (default: ${DEFAULT-VALUE}).")
  String bind = "127.0.0.1";

  @Option(names = "--kpd1-port", required = true, paramLabel = "PORT", description = "TCP port of the КПД1 command link (0: any free port).")
  int kpd1Port;

  @Option(names = "--kpd2-port", required = true, paramLabel = "PORT", description = "TCP port of the КПД2 event links (0: any free port).")
  int kpd2Port;

  @Option(names = "--password", paramLabel = "XXXXXX", description = "Initial 6-character password (default: ${DEFAULT-VALUE}).")
  String password = StationConfig.defaults().password();

  @Option(names = "--sorm-number", paramLabel = "N", description = "SORM number 0..255 (default: ${DEFAULT-VALUE}).")
  int sormNumber = 1;

  @Option(names = "--objects", paramLabel = "N", description = "Object table capacity 1..65535 (default: ${DEFAULT-VALUE}).")
  int capacity = StationConfig.DEFAULT_OBJECT_CAPACITY;

  @Option(
      names = "--standard-codes",
      description = "Refuse with the standard codes 00-07 only (\"extended error codes\" off; default: vendor codes).")
  boolean standardCodes;

  @Option(
      names = "--idle-timeout",
      paramLabel = "DURATION",
      converter = SormText.DurationConverter.class,
      description = "Declare the КПД1 link faulty after this long without a command, e.g. 60s (default: off).")
  Duration idleTimeout = Duration.ZERO;

  @Option(names = "--digit-zero-as-a", description = "Send digit 0 as nibble A (the mediator's \"transmit digit 0 as A\").")
  boolean digitZeroAsA;

  @Option(
      names = "--radius-port",
      paramLabel = "PORT",
      description = "Also run the RADIUS accounting bridge on this UDP port (usually 1813; 0: any free port); needs --radius-secret.")
  @Nullable Integer radiusPort;

  @Option(names = "--radius-secret", paramLabel = "SECRET", description = "RADIUS shared secret (1 to 128 characters).")
  @Nullable String radiusSecret;

  @Option(
      names = "--adapt",
      split = ",",
      paramLabel = "RULE",
      description = "B-number adaptation of the RADIUS bridge, one or more of: ${COMPLETION-CANDIDATES}.")
  List<NumberAdaptation.Rule> adapt = new ArrayList<>();

  @Option(
      names = "--default-indicator",
      paramLabel = "IND",
      converter = SormConsoleCommand.IndicatorConverter.class,
      description = "Indicator of a RADIUS number reported without sorm_ni (default: RUSSIAN_PSTN).")
  @Nullable NumberIndicator defaultIndicator;

  /** Creates the command; picocli calls this. */
  SormStationCommand() {}

  StationConfig config() {
    CommandLine cl = spec.commandLine();
    checkPort(cl, "--kpd1-port", kpd1Port);
    checkPort(cl, "--kpd2-port", kpd2Port);
    StationConfig c = StationConfig.defaults();
    try {
      c = c.withPassword(password);
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(cl, "--" + e.getMessage());
    }
    try {
      c = c.withSormNumber(sormNumber);
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(cl, "--sorm-number: " + sormNumber + " (expected 0..255)");
    }
    try {
      c = c.withObjectCapacity(capacity);
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(cl, "--objects: " + capacity + " (expected 1..65535)");
    }
    return c.withExtendedErrorCodes(!standardCodes)
        .withIdleTimeout(idleTimeout)
        .withCodec(digitZeroAsA ? SormCodec.DEFAULT.withDigitZero(DigitZero.A) : SormCodec.DEFAULT);
  }

  static void checkPort(CommandLine cl, String option, int port) {
    if (port < 0 || port > 65535) {
      throw new CommandLine.ParameterException(cl, option + ": " + port + " (expected 0..65535)");
    }
  }

  /** The RADIUS settings, checked: both or neither of port and secret. */
  private SormRadiusBridge.@Nullable Builder radius(SormStationServer server, InetAddress address) {
    CommandLine cl = spec.commandLine();
    Integer port = radiusPort;
    String secret = radiusSecret;
    if (port == null) {
      return null;
    }
    SormRadiusBridge.Builder b;
    try {
      b = SormRadiusBridge.builder(server, Objects.requireNonNull(secret));
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(cl, "--radius-secret: " + secret.length() + " characters (expected 1 to 128)");
    }
    b.listen(new InetSocketAddress(address, port));
    b.adaptation(NumberAdaptation.of(adapt.toArray(new NumberAdaptation.Rule[0])));
    NumberIndicator ind = defaultIndicator;
    if (ind != null) {
      try {
        b.defaultIndicator(ind);
      } catch (IllegalArgumentException e) {
        throw new CommandLine.ParameterException(cl, "--default-indicator: " + ind.name() + " (expected a known indicator other than NONE)");
      }
    }
    return b;
  }

  private void checkRadius() {
    CommandLine cl = spec.commandLine();
    if ((radiusPort == null) != (radiusSecret == null)) {
      throw new CommandLine.ParameterException(cl, "--radius-port and --radius-secret go together: give both or neither");
    }
    if (radiusPort == null && (!adapt.isEmpty() || defaultIndicator != null)) {
      throw new CommandLine.ParameterException(cl, (adapt.isEmpty() ? "--default-indicator" : "--adapt") + " needs --radius-port and --radius-secret");
    }
    if (radiusPort != null) {
      checkPort(cl, "--radius-port", radiusPort);
    }
    try {
      NumberAdaptation.of(adapt.toArray(new NumberAdaptation.Rule[0]));
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(cl, "--adapt: LEADING_7_TO_8 and LEADING_7_TO_810 both rewrite a leading 7 (give at most one)");
    }
  }

  @Override
  public Integer call() {
    StationConfig config = config();
    checkRadius();
    InetAddress address;
    try {
      address = InetAddress.getByName(bind);
    } catch (UnknownHostException e) {
      throw new CliInputException("--bind: unknown host " + bind);
    }
    PrintWriter out = spec.commandLine().getOut();
    SormStation station = new SormStation(config);
    SormStationServer server;
    try {
      server =
          SormStationServer.start(
              station, new InetSocketAddress(address, kpd1Port), new InetSocketAddress(address, kpd2Port));
    } catch (IOException e) {
      throw new CliInputException(
          "cannot listen on " + address.getHostAddress() + " ports " + kpd1Port + "/" + kpd2Port + " (" + e.getMessage() + ")");
    }
    SormRadiusBridge bridge = null;
    Foreground fg = null;
    Changes listener = null;
    try {
      SormRadiusBridge.Builder rb = radius(server, address);
      if (rb != null) {
        try {
          bridge = rb.start();
        } catch (IOException e) {
          throw new CliInputException(
              "cannot listen on " + address.getHostAddress() + " UDP port " + radiusPort + " (" + e.getMessage() + ")");
        }
      }
      fg = Foreground.install("ecss-sorm-station-shutdown");
      // Listen before the first line: every change after it is either in the state read below or
      // in the queue (a line already printed is skipped), so none is lost, however short.
      BlockingQueue<Line> changes = new LinkedBlockingQueue<>();
      listener = new Changes(server, changes);
      server.addListener(listener);
      out.println(
          "SORM station listening: КПД1 "
              + where(server.kpd1Address())
              + ", КПД2 "
              + where(server.kpd2Address())
              + (bridge == null ? "" : ", RADIUS UDP " + where(bridge.address()))
              + " (SORM number "
              + config.sormNumber()
              + ", "
              + config.objectCapacity()
              + " objects, "
              + (config.extendedErrorCodes() ? "vendor" : "standard")
              + " error codes)");
      out.flush();
      // Changes before the listener was added: print the current state where it is not the
      // start-up state; later changes come through the queue.
      List<String> now = state(server, bridge);
      String[] last = new String[now.size()];
      for (int i = 0; i < now.size(); i++) {
        if (!initial(i, now.get(i))) {
          out.println(now.get(i));
        }
        last[i] = now.get(i);
      }
      out.flush();
      while (true) {
        Line l;
        try {
          l = changes.take();
        } catch (InterruptedException e) {
          break; // Ctrl-C (via the shutdown hook) or an interrupt of this thread: stop.
        }
        for (; l != null; l = changes.poll()) {
          if (!l.text().equals(last[l.index()])) {
            out.println(l.text());
            last[l.index()] = l.text();
          }
        }
        out.flush();
      }
    } finally {
      // The interrupt was the stop signal; clear it so close() can wait for the threads.
      Thread.interrupted();
      if (listener != null) {
        server.removeListener(listener);
      }
      if (bridge != null) {
        bridge.close();
      }
      server.close();
      if (fg != null) {
        out.println("SORM station stopped");
        out.flush();
        fg.close();
      }
    }
    return 0;
  }

  /** Turns the server's events into state lines (runs on the server's event thread). */
  private static final class Changes implements SormStationServer.Listener {
    private final SormStationServer server;
    private final BlockingQueue<Line> queue;

    Changes(SormStationServer server, BlockingQueue<Line> queue) {
      this.server = server;
      this.queue = queue;
    }

    private void line(int index, String text) {
      queue.add(new Line(index, text));
    }

    @Override
    public void kpd1Connected(InetSocketAddress remote) {
      line(KPD1, kpd1Line(true));
    }

    @Override
    public void kpd1Disconnected(InetSocketAddress remote) {
      line(KPD1, kpd1Line(false));
    }

    @Override
    public void kpd2Connected(InetSocketAddress remote, int links) {
      line(KPD2, kpd2Line(links));
    }

    @Override
    public void kpd2Disconnected(InetSocketAddress remote, int links) {
      line(KPD2, kpd2Line(links));
    }

    @Override
    public void sormStarted() {
      line(STARTED, startedLine(true));
    }

    @Override
    public void sormStopped() {
      line(STARTED, startedLine(false));
    }

    @Override
    public void objectsChanged(int count) {
      line(OBJECTS, objectsLine(count));
    }

    @Override
    public void linkFaulty(long discardedSoFar) {
      line(LINK, linkLine(true, discardedSoFar));
    }

    @Override
    public void linkRestored() {
      line(LINK, linkLine(false, server.station().discardedMessages()));
    }

    @Override
    public void radiusCountersChanged(SormRadiusBridge bridge) {
      line(RADIUS, radiusLine(bridge));
    }
  }

  private static String kpd1Line(boolean connected) {
    return connected ? "КПД1 console connected" : "КПД1 console disconnected";
  }

  private static String kpd2Line(int links) {
    return "КПД2 links: " + links;
  }

  private static String startedLine(boolean started) {
    return started ? "SORM started" : "SORM stopped";
  }

  private static String objectsLine(int count) {
    return "objects on control: " + count;
  }

  private static String linkLine(boolean faulty, long discarded) {
    return faulty ? "КПД1 link faulty (idle timeout): output blocked, " + discarded + " messages discarded so far" : "КПД1 link ok";
  }

  private static String radiusLine(SormRadiusBridge bridge) {
    return "RADIUS: "
        + bridge.accepted()
        + " accepted, "
        + bridge.wrongSecret()
        + " wrong secret, "
        + bridge.malformed()
        + " malformed; calls intercepted "
        + bridge.intercepted()
        + ", active "
        + bridge.activeCalls()
        + (bridge.callOverflow() > 0 ? ", refused (call table full) " + bridge.callOverflow() : "");
  }

  /** The current state lines, in the order of their indexes. */
  private static List<String> state(SormStationServer server, @Nullable SormRadiusBridge bridge) {
    SormStation st = server.station();
    List<String> s = new ArrayList<>();
    s.add(kpd1Line(server.hasKpd1()));
    s.add(kpd2Line(server.kpd2Count()));
    s.add(startedLine(st.isStarted()));
    s.add(objectsLine(st.objectCount()));
    s.add(linkLine(st.isLinkFaulty(), st.discardedMessages()));
    if (bridge != null) {
      s.add(radiusLine(bridge));
    }
    return s;
  }

  /** Whether line {@code i} is the state at start-up (not printed). */
  private static boolean initial(int i, String line) {
    return switch (i) {
      case 0 -> line.equals("КПД1 console disconnected");
      case 1 -> line.equals("КПД2 links: 0");
      case 2 -> line.equals("SORM stopped");
      case 3 -> line.equals("objects on control: 0");
      case 4 -> line.equals("КПД1 link ok");
      default -> line.startsWith("RADIUS: 0 accepted, 0 wrong secret, 0 malformed;");
    };
  }

  static String where(InetSocketAddress a) {
    return a.getAddress().getHostAddress() + ":" + a.getPort();
  }
}
