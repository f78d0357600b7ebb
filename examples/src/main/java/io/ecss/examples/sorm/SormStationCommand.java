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
import java.util.concurrent.Callable;
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
 */
@Command(
    name = "station",
    mixinStandardHelpOptions = true,
    description = {
      "Run a SORM mediator (station side) in the foreground: КПД1 command link and КПД2 event links"
          + " on TCP, the station state machine behind them.",
      "Prints 'SORM station listening: ...' with the bound addresses (port 0 picks a free port),"
          + " then a line per change (КПД1/КПД2 connections, SORM started/stopped, objects on"
          + " control, RADIUS counters), sampled every 100 ms. Ctrl-C closes every link and exits 0.",
      "With --radius-port and --radius-secret it also runs the RADIUS accounting bridge: calls"
          + " reported by the softswitch (Start / Interim-Update phase=answer / Stop) whose A or B"
          + " number is on control become КПД2 messages 1.1 / 1.2 / 1.3."
    })
final class SormStationCommand implements Callable<Integer> {
  /** How often the state lines are sampled. */
  static final Duration POLL = Duration.ofMillis(100);

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
      List<String> last = List.of();
      while (true) {
        List<String> now = state(server, bridge);
        for (int i = 0; i < now.size(); i++) {
          if (last.isEmpty() ? !initial(i, now.get(i)) : !Objects.equals(last.get(i), now.get(i))) {
            out.println(now.get(i));
          }
        }
        out.flush();
        last = now;
        try {
          Thread.sleep(POLL.toMillis());
        } catch (InterruptedException e) {
          break; // Ctrl-C (via the shutdown hook) or an interrupt of this thread: stop.
        }
      }
    } finally {
      // The interrupt was the stop signal; clear it so close() can wait for the threads.
      Thread.interrupted();
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

  /** The state lines; a line is printed when it changes. */
  private static List<String> state(SormStationServer server, @Nullable SormRadiusBridge bridge) {
    SormStation st = server.station();
    List<String> s = new ArrayList<>();
    s.add(server.hasKpd1() ? "КПД1 console connected" : "КПД1 console disconnected");
    s.add("КПД2 links: " + server.kpd2Count());
    s.add(st.isStarted() ? "SORM started" : "SORM stopped");
    s.add("objects on control: " + st.objectCount());
    s.add(st.isLinkFaulty() ? "КПД1 link faulty (idle timeout): output blocked, " + st.discardedMessages() + " messages discarded so far" : "КПД1 link ok");
    if (bridge != null) {
      s.add(
          "RADIUS: "
              + bridge.accepted()
              + " accepted, "
              + bridge.wrongSecret()
              + " wrong secret, "
              + bridge.malformed()
              + " malformed; calls intercepted "
              + bridge.intercepted()
              + ", active "
              + bridge.activeCalls()
              + (bridge.callOverflow() > 0 ? ", refused (call table full) " + bridge.callOverflow() : ""));
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
