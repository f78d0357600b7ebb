package io.ecss.examples.sorm;

import io.ecss.examples.CliInputException;
import io.ecss.sorm.ControlCategory;
import io.ecss.sorm.DigitZero;
import io.ecss.sorm.Kpd1Message;
import io.ecss.sorm.Kpd2Message;
import io.ecss.sorm.Ksl;
import io.ecss.sorm.KslGroupEntry;
import io.ecss.sorm.KslGroupType;
import io.ecss.sorm.NumberIndicator;
import io.ecss.sorm.ObjectType;
import io.ecss.sorm.PhoneNumber;
import io.ecss.sorm.Priority;
import io.ecss.sorm.SormCodec;
import io.ecss.sorm.SormCommand;
import io.ecss.sorm.SormConsole;
import io.ecss.sorm.SormFrameDecoder;
import io.ecss.sorm.SormMessage;
import io.ecss.sorm.SormNi;
import io.ecss.sorm.SormReply;
import io.ecss.sorm.StatusCode;
import io.ecss.sorm.UnknownFrame;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code ecss sorm console}: the control-console side of SORM-1 on the command line. Each
 * subcommand connects to a mediator, sends one command, prints the replies (messages 7 and 8 with
 * the status code, then the table data) and exits 0 when message 8 reports success, 1 when the
 * station refuses; {@code watch} prints КПД2 events.
 */
@Command(
    name = "console",
    mixinStandardHelpOptions = true,
    synopsisSubcommandLabel = "COMMAND",
    description = {
      "Act as a SORM control console: connect to a mediator (КПД1 command link, КПД2 event link),"
          + " send one command and print the replies, or watch КПД2 call events.",
      "Connection options come before COMMAND, e.g. 'ecss sorm console --kpd1-port 7001"
          + " --password 123456 start'. A mediator serves one КПД1 console at a time: connecting"
          + " takes the command link over from another console (watch connects КПД2 only).",
      "Exit codes: 0 message 8 reports success; 1 the station refused (the status is printed),"
          + " the connection failed or no answer came within --timeout; 2 usage error."
    },
    subcommands = {
      SormConsoleCommand.Start.class,
      SormConsoleCommand.Stop.class,
      SormConsoleCommand.Control.class,
      SormConsoleCommand.Uncontrol.class,
      SormConsoleCommand.Test.class,
      SormConsoleCommand.Version.class,
      SormConsoleCommand.ObjectTable.class,
      SormConsoleCommand.Change.class,
      SormConsoleCommand.SetPassword.class,
      SormConsoleCommand.KslAssign.class,
      SormConsoleCommand.KslRemove.class,
      SormConsoleCommand.KslGroups.class,
      SormConsoleCommand.Connect.class,
      SormConsoleCommand.Release.class,
      SormConsoleCommand.Services.class,
      SormConsoleCommand.TrunkName.class,
      SormConsoleCommand.Watch.class,
    })
final class SormConsoleCommand implements Callable<Integer> {
  /** How long a refusal for a wrong password or SORM number waits for the message 6 that follows. */
  private static final Duration INTRUSION_WAIT = Duration.ofMillis(500);

  /**
   * How long {@code test} lets the station register the new КПД2 link before command 14, so that
   * message 2.3 (sent to the КПД2 links the station knows) reaches this console; a first guess
   * only: {@code test} repeats command 14 until 2.3 arrives ({@link Test#exchange}).
   */
  private static final Duration KPD2_SETTLE = Duration.ofMillis(100);

  @Spec CommandSpec spec;

  @Option(names = "--host", paramLabel = "HOST", description = "Mediator address (default: ${DEFAULT-VALUE}).")
  String host = "127.0.0.1";

  @Option(names = "--kpd1-port", paramLabel = "PORT", description = "КПД1 (command link) TCP port; needed by every COMMAND but watch.")
  @Nullable Integer kpd1Port;

  @Option(names = "--kpd2-port", paramLabel = "PORT", description = "КПД2 (event link) TCP port; needed by test and watch.")
  @Nullable Integer kpd2Port;

  @Option(names = "--password", paramLabel = "XXXXXX", description = "The 6-character SORM password; needed by every COMMAND but watch.")
  @Nullable String password;

  @Option(names = "--sorm-number", paramLabel = "N", description = "SORM number (номер ТС ОРМ) 0..255 (default: ${DEFAULT-VALUE}).")
  int sormNumber = 1;

  @Option(
      names = "--timeout",
      paramLabel = "DURATION",
      converter = SormText.DurationConverter.class,
      description = "How long to wait for a connection and for the complete answer, e.g. 500ms, 5s (default: 5s).")
  Duration timeout = Duration.ofSeconds(5);

  @Option(names = "--json", description = "Print one JSON object per received message (the 'sorm decode --json' form), one per line.")
  boolean json;

  @Option(names = "--lang", paramLabel = "en|ru", description = "Language of code descriptions (default: ${DEFAULT-VALUE}).")
  String lang = "en";

  @Option(names = "--digit-zero-as-a", description = "Send digit 0 as nibble A (the mediator's \"transmit digit 0 as A\" setting).")
  boolean digitZeroAsA;

  /** Creates the command; picocli calls this. */
  SormConsoleCommand() {}

  @Override
  public Integer call() {
    throw new CommandLine.ParameterException(
        spec.commandLine(),
        "Missing required subcommand: start, stop, control, uncontrol, test, version, objects, change,"
            + " password, ksl-assign, ksl-remove, ksl-groups, connect, release, services, trunk-name or"
            + " watch");
  }

  // ------------------------------------------------------------------ settings

  private SormText text(CommandSpec sub) {
    String l = lang.trim().toLowerCase(Locale.ROOT);
    if (!l.equals("en") && !l.equals("ru")) {
      throw new CommandLine.ParameterException(sub.commandLine(), "--lang: \"" + lang + "\" (expected en or ru)");
    }
    return new SormText(l.equals("ru") ? SormText.RUSSIAN : Locale.ENGLISH);
  }

  private SormCodec codec() {
    return digitZeroAsA ? SormCodec.DEFAULT.withDigitZero(DigitZero.A) : SormCodec.DEFAULT;
  }

  private InetSocketAddress address(CommandSpec sub, @Nullable Integer port, String option) {
    if (port == null) {
      throw new CommandLine.ParameterException(sub.commandLine(), "Missing required option: '" + option + "=PORT'");
    }
    if (port < 1 || port > 65535) {
      throw new CommandLine.ParameterException(sub.commandLine(), option + ": " + port + " (expected 1..65535)");
    }
    InetSocketAddress a = new InetSocketAddress(host, port);
    if (a.isUnresolved()) {
      throw new CliInputException("cannot connect to " + host + ":" + port + " (unknown host)");
    }
    return a;
  }

  private void checkCommon(CommandSpec sub) {
    if (sormNumber < 0 || sormNumber > 255) {
      throw new CommandLine.ParameterException(sub.commandLine(), "--sorm-number: " + sormNumber + " (expected 0..255)");
    }
    if (timeout.isZero()) {
      throw new CommandLine.ParameterException(sub.commandLine(), "--timeout: must be positive");
    }
  }

  private String password(CommandSpec sub) {
    String p = password;
    if (p == null) {
      throw new CommandLine.ParameterException(sub.commandLine(), "Missing required option: '--password=XXXXXX'");
    }
    try {
      new SormCommand.Stop(0, p);
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(sub.commandLine(), "--" + e.getMessage());
    }
    return p;
  }

  private static String where(InetSocketAddress a) {
    return a.getHostString() + ":" + a.getPort();
  }

  // ------------------------------------------------------------------ one command

  /** Output of one run: text lines or JSON lines. */
  private final class Printer {
    final PrintWriter out;
    final SormText text;
    final SormCodec codec;

    Printer(PrintWriter out, SormText text, SormCodec codec) {
      this.out = out;
      this.text = text;
      this.codec = codec;
    }

    void print(SormMessage m) {
      if (json) {
        out.println(SormJson.toJson(m, codec).toString());
      } else if (m instanceof Kpd1Message k) {
        out.println(text.kpd1(k));
      } else if (m instanceof Kpd2Message k) {
        out.println(text.kpd2(k));
      } else if (m instanceof UnknownFrame u) {
        out.println(text.title(u) + ": " + u.raw());
      } else {
        out.println(text.title(m));
      }
      out.flush();
    }
  }

  /** A subcommand that sends one command and prints its answer. */
  abstract static class Send implements Callable<Integer> {
    @Spec CommandSpec spec;

    @ParentCommand SormConsoleCommand console;

    /** Builds the command; may throw {@link IllegalArgumentException} naming the bad value. */
    abstract SormCommand command(int sormNumber, String password);

    /** Whether the command needs the КПД2 link too. */
    boolean usesKpd2() {
      return false;
    }

    /** Prints the data messages of a successful answer; one line per message by default. */
    void printData(Printer p, SormReply reply) {
      for (Kpd1Message m : reply.data()) {
        p.print(m);
      }
    }

    /**
     * Runs after a successful answer was printed; returns the exit code.
     *
     * @throws InterruptedException if interrupted while waiting for more messages
     */
    int afterSuccess(Printer p, SormReply reply, BlockingQueue<Kpd2Message> kpd2) throws InterruptedException {
      return 0;
    }

    /** Whether a refusal with this status is an empty result rather than a failure. */
    boolean isEmptyResult(StatusCode status) {
      return false;
    }

    /**
     * Sends the command and returns its answer ({@code test} overrides this).
     *
     * @throws InterruptedException if interrupted while waiting
     */
    SormReply exchange(SormConsole con, SormCommand command, BlockingQueue<Kpd2Message> kpd2) throws InterruptedException {
      return await(con.send(command, console.timeout));
    }

    @Override
    public Integer call() throws Exception {
      return console.send(this);
    }
  }

  int send(Send sub) throws IOException, InterruptedException {
    CommandSpec subSpec = sub.spec;
    SormText t = text(subSpec);
    checkCommon(subSpec);
    String pw = password(subSpec);
    InetSocketAddress kpd1 = address(subSpec, kpd1Port, "--kpd1-port");
    InetSocketAddress kpd2 = sub.usesKpd2() ? address(subSpec, kpd2Port, "--kpd2-port") : null;
    SormCommand command;
    try {
      command = sub.command(sormNumber, pw);
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(subSpec.commandLine(), e.getMessage(), e);
    }
    SormCodec codec = codec();
    Printer p = new Printer(subSpec.commandLine().getOut(), t, codec);
    PrintWriter err = subSpec.commandLine().getErr();
    BlockingQueue<Kpd1Message> spontaneous = new LinkedBlockingQueue<>();
    BlockingQueue<Kpd2Message> events = new LinkedBlockingQueue<>();
    SormConsole con;
    try {
      con = SormConsole.connect(kpd1, kpd2, codec, timeout);
    } catch (IOException e) {
      String target = where(kpd1) + (kpd2 == null ? "" : " (КПД1) and " + where(kpd2) + " (КПД2)");
      throw new CliInputException("cannot connect to " + target + " (" + reason(e) + ")");
    }
    try (con) {
      con.onKpd1(spontaneous::add);
      con.onKpd2(events::add);
      if (kpd2 != null) {
        Thread.sleep(KPD2_SETTLE.toMillis());
      }
      SormReply reply = sub.exchange(con, command, events);
      p.print(reply.receipt());
      p.print(reply.execution());
      if (reply.isSuccess()) {
        sub.printData(p, reply);
        int code = sub.afterSuccess(p, reply, events);
        drain(p, spontaneous, Duration.ZERO);
        return code;
      }
      StatusCode s = SormText.refusal(reply.receipt(), reply.execution());
      boolean intrusion =
          s.equals(StatusCode.WRONG_PASSWORD)
              || s.equals(StatusCode.WRONG_SORM_NUMBER)
              || s.equals(StatusCode.REFUSED_WRONG_SORM_NUMBER);
      // The station follows these refusals with message 6 (unauthorised access): show it.
      drain(p, spontaneous, intrusion ? INTRUSION_WAIT : Duration.ZERO);
      if (sub.isEmptyResult(s)) {
        return 0;
      }
      err.println(subSpec.qualifiedName() + ": the station refused " + t.title(command.type()) + ": " + t.status(s));
      err.flush();
      return 1;
    }
  }

  private static String reason(IOException e) {
    String m = e.getMessage();
    return m == null || m.isBlank() ? e.getClass().getSimpleName() : m;
  }

  /** Prints the spontaneous КПД1 messages received; waits up to {@code wait} for the first. */
  private static void drain(Printer p, BlockingQueue<Kpd1Message> q, Duration wait) throws InterruptedException {
    Kpd1Message m = wait.isZero() ? q.poll() : q.poll(wait.toMillis(), TimeUnit.MILLISECONDS);
    while (m != null) {
      p.print(m);
      m = q.poll();
    }
  }

  private static SormReply await(CompletableFuture<SormReply> f) throws InterruptedException {
    try {
      return f.get();
    } catch (ExecutionException e) {
      Throwable c = e.getCause();
      if (c instanceof RuntimeException r) {
        throw r;
      }
      throw new IllegalStateException(c);
    }
  }

  // ------------------------------------------------------------------ converters

  /** A number indicator by name, code or routing {@code sorm_ni} value. */
  static final class IndicatorConverter implements ITypeConverter<NumberIndicator> {
    @Override
    public NumberIndicator convert(String value) {
      try {
        return NumberIndicator.parse(value);
      } catch (IllegalArgumentException e) {
        try {
          return SormNi.parse(value).indicator();
        } catch (IllegalArgumentException e2) {
          throw new TypeConversionException(
              "\"" + value + "\" (expected NODE_SUBSCRIBER, RUSSIAN_PSTN, INTERNATIONAL, EMERGENCY,"
                  + " MOBILE_ID, a code 0..255, or a sorm_ni value: private, local, zone, intercity)");
        }
      }
    }
  }

  /** A control category by name or code. */
  static final class CategoryConverter implements ITypeConverter<ControlCategory> {
    @Override
    public ControlCategory convert(String value) {
      try {
        return ControlCategory.parse(value);
      } catch (IllegalArgumentException e) {
        throw new TypeConversionException(
            "\"" + value + "\" (expected FULL_COMBINED, STATISTICAL, FULL_SEPARATE or a code 0..255)");
      }
    }
  }

  /** An object type by name or code. */
  static final class ObjectTypeConverter implements ITypeConverter<ObjectType> {
    @Override
    public ObjectType convert(String value) {
      try {
        return ObjectType.parse(value);
      } catch (IllegalArgumentException e) {
        throw new TypeConversionException(
            "\"" + value + "\" (expected NODE_SUBSCRIBER, NETWORK_SUBSCRIBER, TRUNK_GROUP,"
                + " NETWORK_SUBSCRIBER_PREFIX or a code 0..255)");
      }
    }
  }

  /** A priority by name or code. */
  static final class PriorityConverter implements ITypeConverter<Priority> {
    @Override
    public Priority convert(String value) {
      try {
        return Priority.parse(value);
      } catch (IllegalArgumentException e) {
        throw new TypeConversionException("\"" + value + "\" (expected PRIORITY, NORMAL, STATISTICAL or a code 0..255)");
      }
    }
  }

  /** A KSL as {@code stream/line} (stream 0..7, line 0..31), a code 0..255, or {@code none}. */
  static final class KslConverter implements ITypeConverter<Ksl> {
    @Override
    public Ksl convert(String value) {
      String v = value.trim();
      try {
        if (v.equalsIgnoreCase("none")) {
          return Ksl.NONE;
        }
        int slash = v.indexOf('/');
        if (slash > 0) {
          return new Ksl(Integer.parseInt(v.substring(0, slash)), Integer.parseInt(v.substring(slash + 1)));
        }
        return Ksl.of(Integer.parseInt(v));
      } catch (IllegalArgumentException e) {
        throw new TypeConversionException(
            "\"" + value + "\" (expected stream/line with stream 0..7 and line 0..31, e.g. 2/17, or none)");
      }
    }
  }

  /** A KSL group type by name or code. */
  static final class GroupTypeConverter implements ITypeConverter<KslGroupType> {
    @Override
    public KslGroupType convert(String value) {
      try {
        return KslGroupType.parse(value);
      } catch (IllegalArgumentException e) {
        throw new TypeConversionException("\"" + value + "\" (expected COMBINED, SEPARATE or a code 0..255)");
      }
    }
  }

  static int group(int group, boolean noneAllowed) {
    if (group < 0 || group > (noneAllowed ? 255 : 254)) {
      throw new IllegalArgumentException(
          "--ksl-group: " + group + " (expected 0.." + (noneAllowed ? "254, or 255 for none)" : "254)"));
    }
    return group;
  }

  static int checkCall(int callNumber) {
    if (callNumber < 0 || callNumber > 0xFFFE) {
      throw new IllegalArgumentException("--call: " + callNumber + " (expected 0..65534)");
    }
    return callNumber;
  }

  /** The object-identifying options shared by control, uncontrol and objects. */
  static PhoneNumber number(@Nullable String digits, @Nullable NumberIndicator indicator) {
    if (digits == null) {
      if (indicator != null) {
        throw new IllegalArgumentException("--indicator needs --number");
      }
      return PhoneNumber.NONE;
    }
    if (indicator == null) {
      throw new IllegalArgumentException("--number needs --indicator");
    }
    try {
      return PhoneNumber.of(indicator, digits);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("--number: " + e.getMessage(), e);
    }
  }

  static int trunk(@Nullable Integer trunkGroup) {
    if (trunkGroup == null) {
      return 0xFFFF;
    }
    if (trunkGroup < 0 || trunkGroup > 0xFFFE) {
      throw new IllegalArgumentException("--trunk-group: " + trunkGroup + " (expected 0..65534)");
    }
    return trunkGroup;
  }

  static int object(int objectNumber) {
    if (objectNumber < 0 || objectNumber > 0xFFFE) {
      throw new IllegalArgumentException("--object: " + objectNumber + " (expected 0..65534)");
    }
    return objectNumber;
  }

  // ------------------------------------------------------------------ subcommands

  /** {@code start}: command 1. */
  @Command(name = "start", mixinStandardHelpOptions = true, description = "Command 1: start SORM.")
  static final class Start extends Send {
    @Override
    SormCommand command(int sormNumber, String password) {
      return new SormCommand.Start(sormNumber, password);
    }
  }

  /** {@code stop}: command 2. */
  @Command(name = "stop", mixinStandardHelpOptions = true, description = "Command 2: stop SORM.")
  static final class Stop extends Send {
    @Override
    SormCommand command(int sormNumber, String password) {
      return new SormCommand.Stop(sormNumber, password);
    }
  }

  /** {@code control}: command 5. */
  @Command(
      name = "control",
      mixinStandardHelpOptions = true,
      description = {
        "Command 5: put an object on control (a subscriber number, or a trunk group with --type"
            + " TRUNK_GROUP --trunk-group N)."
      })
  static final class Control extends Send {
    @Option(names = "--object", required = true, paramLabel = "N", description = "Object number 0..65534.")
    int objectNumber;

    @Option(names = "--number", paramLabel = "DIGITS", description = "The number to control (up to 18 digits).")
    @Nullable String digits;

    @Option(
        names = "--indicator",
        paramLabel = "IND",
        converter = IndicatorConverter.class,
        description = "Number indicator: NODE_SUBSCRIBER, RUSSIAN_PSTN, INTERNATIONAL, EMERGENCY, MOBILE_ID,"
            + " a code, or a sorm_ni value (private, local, zone, intercity).")
    @Nullable NumberIndicator indicator;

    @Option(
        names = "--type",
        paramLabel = "TYPE",
        converter = ObjectTypeConverter.class,
        description = "Object type (default: NODE_SUBSCRIBER for indicator NODE_SUBSCRIBER, else NETWORK_SUBSCRIBER).")
    @Nullable ObjectType type;

    @Option(
        names = "--category",
        paramLabel = "CAT",
        converter = CategoryConverter.class,
        description = "Control category: FULL_COMBINED (default), STATISTICAL or FULL_SEPARATE.")
    ControlCategory category = ControlCategory.FULL_COMBINED;

    @Option(names = "--ksl-group", paramLabel = "G", description = "KSL group 0..254, or 255 for none (default).")
    int kslGroup = 0xFF;

    @Option(
        names = "--priority",
        paramLabel = "P",
        converter = PriorityConverter.class,
        description = "Priority: NORMAL (default), PRIORITY or STATISTICAL.")
    Priority priority = Priority.NORMAL;

    @Option(names = "--trunk-group", paramLabel = "N", description = "Trunk group 0..65534 (for --type TRUNK_GROUP).")
    @Nullable Integer trunkGroup;

    @Override
    SormCommand command(int sormNumber, String password) {
      PhoneNumber n = number(digits, indicator);
      ObjectType t = type;
      if (t == null) {
        if (!n.isPresent() && trunkGroup != null) {
          t = ObjectType.TRUNK_GROUP;
        } else if (!n.isPresent()) {
          throw new IllegalArgumentException("give --number and --indicator (or --type TRUNK_GROUP --trunk-group N)");
        } else {
          t = n.indicator().equals(NumberIndicator.NODE_SUBSCRIBER) ? ObjectType.NODE_SUBSCRIBER : ObjectType.NETWORK_SUBSCRIBER;
        }
      }
      return new SormCommand.AddObject(
          sormNumber, password, object(objectNumber), t, n, trunk(trunkGroup), category, group(kslGroup, true), priority);
    }
  }

  /** {@code uncontrol}: command 6. */
  @Command(
      name = "uncontrol",
      mixinStandardHelpOptions = true,
      description = "Command 6: remove an object from control (the number and type, if given, must match).")
  static final class Uncontrol extends Send {
    @Option(names = "--object", required = true, paramLabel = "N", description = "Object number 0..65534.")
    int objectNumber;

    @Option(names = "--number", paramLabel = "DIGITS", description = "The object's number (checked by the station).")
    @Nullable String digits;

    @Option(names = "--indicator", paramLabel = "IND", converter = IndicatorConverter.class, description = "Indicator of --number.")
    @Nullable NumberIndicator indicator;

    @Option(names = "--type", paramLabel = "TYPE", converter = ObjectTypeConverter.class, description = "The object's type (checked by the station).")
    @Nullable ObjectType type;

    @Option(names = "--trunk-group", paramLabel = "N", description = "The object's trunk group.")
    @Nullable Integer trunkGroup;

    @Override
    SormCommand command(int sormNumber, String password) {
      return new SormCommand.RemoveObject(
          sormNumber, password, object(objectNumber), type == null ? ObjectType.NONE : type,
          number(digits, indicator), trunk(trunkGroup));
    }
  }

  /** {@code test N}: command 14. */
  @Command(
      name = "test",
      mixinStandardHelpOptions = true,
      description = {
        "Command 14: test the data channels; prints message 9 (КПД1) and the message 2.3 seen on"
            + " КПД2 (needs --kpd2-port). Exit 1 if message 2.3 does not arrive within --timeout."
      })
  static final class Test extends Send {
    @Parameters(paramLabel = "N", description = "Test number 0..255.")
    int testNumber;

    @Override
    SormCommand command(int sormNumber, String password) {
      if (testNumber < 0 || testNumber > 255) {
        throw new IllegalArgumentException("N: " + testNumber + " (expected 0..255)");
      }
      return new SormCommand.ChannelTest(sormNumber, password, testNumber);
    }

    /** The message 2.3 that answered command 14, once it arrived. */
    private Kpd2Message.@Nullable TestReply received;

    @Override
    boolean usesKpd2() {
      return true;
    }

    /**
     * Sends command 14 until message 2.3 arrives on our КПД2 link or {@code --timeout} is over.
     * The station sends 2.3 only to the КПД2 links it has registered, and it registers ours on its
     * own thread some time after our connect returned (later still on a loaded mediator), so the
     * first command 14 may come too early: it is repeated after 100 ms, 200 ms, 400 ms… (at most
     * 1 s apart), and the answer printed is the one of the last command sent.
     */
    @Override
    SormReply exchange(SormConsole con, SormCommand command, BlockingQueue<Kpd2Message> kpd2) throws InterruptedException {
      long deadline = System.nanoTime() + console.timeout.toNanos();
      long wait = TimeUnit.MILLISECONDS.toNanos(100);
      while (true) {
        SormReply reply = await(con.send(command, console.timeout));
        if (!reply.isSuccess()) {
          return reply;
        }
        received = awaitTestReply(kpd2, Math.min(wait, deadline - System.nanoTime()));
        if (received != null || deadline - System.nanoTime() <= 0) {
          return reply;
        }
        wait = Math.min(wait * 2, TimeUnit.SECONDS.toNanos(1));
      }
    }

    /** Takes КПД2 messages until the 2.3 of our test number, for at most {@code nanos}. */
    private Kpd2Message.@Nullable TestReply awaitTestReply(BlockingQueue<Kpd2Message> kpd2, long nanos) throws InterruptedException {
      long deadline = System.nanoTime() + Math.max(0, nanos);
      while (true) {
        Kpd2Message m = kpd2.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        if (m == null) {
          return null;
        }
        if (m instanceof Kpd2Message.TestReply t && t.testNumber() == testNumber) {
          return t;
        }
      }
    }

    @Override
    int afterSuccess(Printer p, SormReply reply, BlockingQueue<Kpd2Message> kpd2) throws InterruptedException {
      Kpd2Message.TestReply m = received;
      if (m == null) {
        PrintWriter err = spec.commandLine().getErr();
        err.println(spec.qualifiedName() + ": no message 2.3 on КПД2 within " + SormText.duration(console.timeout));
        err.flush();
        return 1;
      }
      p.print(m);
      return 0;
    }
  }

  /** {@code version}: command 17. */
  @Command(name = "version", mixinStandardHelpOptions = true, description = "Command 17: ask the station's software version (message 11).")
  static final class Version extends Send {
    @Override
    SormCommand command(int sormNumber, String password) {
      return new SormCommand.SoftwareVersionRequest(sormNumber, password);
    }
  }

  /** {@code objects}: command 10. */
  @Command(
      name = "objects",
      mixinStandardHelpOptions = true,
      description = {
        "Command 10: print the object table (all pages of message 3), optionally filtered by"
            + " object, type, number or trunk group. An empty table prints 'no objects on control'"
            + " and exits 0."
      })
  static final class ObjectTable extends Send {
    @Option(names = "--object", paramLabel = "N", description = "Only this object number.")
    @Nullable Integer objectNumber;

    @Option(names = "--number", paramLabel = "DIGITS", description = "Only objects with this number.")
    @Nullable String digits;

    @Option(names = "--indicator", paramLabel = "IND", converter = IndicatorConverter.class, description = "Indicator of --number.")
    @Nullable NumberIndicator indicator;

    @Option(names = "--type", paramLabel = "TYPE", converter = ObjectTypeConverter.class, description = "Only objects of this type.")
    @Nullable ObjectType type;

    @Option(names = "--trunk-group", paramLabel = "N", description = "Only objects on this trunk group.")
    @Nullable Integer trunkGroup;

    @Override
    SormCommand command(int sormNumber, String password) {
      Integer o = objectNumber;
      return new SormCommand.ObjectTableRequest(
          sormNumber, password, o == null ? 0xFFFF : object(o), type == null ? ObjectType.NONE : type,
          number(digits, indicator), trunk(trunkGroup));
    }

    @Override
    void printData(Printer p, SormReply reply) {
      if (console.json) {
        super.printData(p, reply);
        return;
      }
      List<String[]> rows = new ArrayList<>();
      rows.add(new String[] {"object", "type", "number", "trunk", "category", "KSL group", "priority", "line"});
      for (Kpd1Message m : reply.data()) {
        if (m instanceof Kpd1Message.ObjectRecord r) {
          rows.add(new String[] {
            String.valueOf(r.objectNumber()),
            r.objectType().name(),
            SormText.number(r.number()),
            r.trunkGroup() == 0xFFFF ? "-" : String.valueOf(r.trunkGroup()),
            r.category().name(),
            SormText.group(r.kslGroup()),
            r.priority().name(),
            r.lineState().name()
          });
        }
      }
      table(p.out, rows);
      int n = rows.size() - 1;
      int pages = reply.data().size();
      p.out.println(n + (n == 1 ? " object" : " objects") + " (" + pages + (pages == 1 ? " message" : " messages") + " 3)");
      p.out.flush();
    }

    @Override
    boolean isEmptyResult(StatusCode status) {
      if (status.equals(StatusCode.NUMBER_NOT_FOUND)) {
        if (!console.json) {
          spec.commandLine().getOut().println("no objects on control" + (filtered() ? " match" : ""));
          spec.commandLine().getOut().flush();
        }
        return true;
      }
      return false;
    }

    private boolean filtered() {
      return objectNumber != null || digits != null || type != null || trunkGroup != null;
    }
  }

  /** {@code change}: command 15. */
  @Command(
      name = "change",
      mixinStandardHelpOptions = true,
      description = "Command 15: change the category, KSL group and priority of an object on control (all three are sent).")
  static final class Change extends Send {
    @Option(names = "--object", required = true, paramLabel = "N", description = "Object number 0..65534.")
    int objectNumber;

    @Option(names = "--category", required = true, paramLabel = "CAT", converter = CategoryConverter.class,
        description = "New control category: FULL_COMBINED, STATISTICAL or FULL_SEPARATE.")
    ControlCategory category;

    @Option(names = "--ksl-group", required = true, paramLabel = "G", description = "New KSL group 0..254, or 255 for none.")
    int kslGroup;

    @Option(names = "--priority", required = true, paramLabel = "P", converter = PriorityConverter.class,
        description = "New priority: NORMAL, PRIORITY or STATISTICAL.")
    Priority priority;

    @Override
    SormCommand command(int sormNumber, String password) {
      return new SormCommand.ChangeObject(sormNumber, password, object(objectNumber), category, group(kslGroup, true), priority);
    }
  }

  /** {@code password}: command 3. */
  @Command(
      name = "password",
      mixinStandardHelpOptions = true,
      description = "Command 3: set a new password (--password is the current one).")
  static final class SetPassword extends Send {
    @Option(names = "--new", required = true, paramLabel = "XXXXXX", description = "The new 6-character password.")
    String newPassword;

    @Override
    SormCommand command(int sormNumber, String password) {
      try {
        return new SormCommand.SetPassword(sormNumber, password, newPassword);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("--new: " + e.getMessage().replaceFirst("^newPassword: ", ""), e);
      }
    }
  }

  /** {@code ksl-assign}: command 4. */
  @Command(
      name = "ksl-assign",
      mixinStandardHelpOptions = true,
      description = "Command 4: assign a KSL (or a KSL-A/KSL-B pair for separate control) to a KSL group.")
  static final class KslAssign extends Send {
    @Option(names = "--ksl-group", required = true, paramLabel = "G", description = "KSL group 0..254.")
    int group;

    @Option(names = "--type", paramLabel = "TYPE", converter = GroupTypeConverter.class,
        description = "Group type: COMBINED (default) or SEPARATE.")
    KslGroupType type = KslGroupType.COMBINED;

    @Option(names = "--ksl-a", required = true, paramLabel = "S/L", converter = KslConverter.class,
        description = "The KSL (KSL-A for separate control) as stream/line, e.g. 2/17.")
    Ksl kslA;

    @Option(names = "--ksl-b", paramLabel = "S/L", converter = KslConverter.class,
        description = "KSL-B for separate control (default: none).")
    Ksl kslB = Ksl.NONE;

    @Override
    SormCommand command(int sormNumber, String password) {
      return new SormCommand.AssignKslGroup(sormNumber, password, group(group, false), type, kslA, kslB);
    }
  }

  /** {@code ksl-remove}: command 9. */
  @Command(name = "ksl-remove", mixinStandardHelpOptions = true, description = "Command 9: remove a KSL from a KSL group.")
  static final class KslRemove extends Send {
    @Option(names = "--ksl-group", required = true, paramLabel = "G", description = "KSL group 0..254.")
    int group;

    @Option(names = "--ksl-a", required = true, paramLabel = "S/L", converter = KslConverter.class, description = "The KSL (KSL-A).")
    Ksl kslA;

    @Option(names = "--ksl-b", paramLabel = "S/L", converter = KslConverter.class, description = "KSL-B (default: none).")
    Ksl kslB = Ksl.NONE;

    @Override
    SormCommand command(int sormNumber, String password) {
      return new SormCommand.RemoveKslFromGroup(sormNumber, password, group(group, false), kslA, kslB);
    }
  }

  /** {@code ksl-groups}: command 11. */
  @Command(
      name = "ksl-groups",
      mixinStandardHelpOptions = true,
      description = "Command 11: print the KSL-group table (all pages of message 4), or one group's KSLs.")
  static final class KslGroups extends Send {
    @Option(names = "--ksl-group", paramLabel = "G", description = "Only this group (default: all).")
    @Nullable Integer group;

    @Override
    SormCommand command(int sormNumber, String password) {
      Integer g = group;
      return new SormCommand.KslGroupTableRequest(
          sormNumber, password, g == null ? 0xFF : group(g, false), KslGroupType.NONE, Ksl.NONE, Ksl.NONE);
    }

    @Override
    void printData(Printer p, SormReply reply) {
      if (console.json) {
        super.printData(p, reply);
        return;
      }
      List<String[]> rows = new ArrayList<>();
      rows.add(new String[] {"group", "type", "KSL-A", "KSL-B"});
      for (Kpd1Message m : reply.data()) {
        if (m instanceof Kpd1Message.KslGroupTable t) {
          for (KslGroupEntry e : t.entries()) {
            rows.add(new String[] {String.valueOf(e.group()), e.type().name(), e.kslA().toString(), e.kslB().toString()});
          }
        }
      }
      int n = rows.size() - 1;
      if (n == 0) {
        p.out.println("no KSL groups");
      } else {
        table(p.out, rows);
      }
      int pages = reply.data().size();
      p.out.println(n + (n == 1 ? " KSL" : " KSLs") + " (" + pages + (pages == 1 ? " message" : " messages") + " 4)");
      p.out.flush();
    }
  }

  /** {@code connect}: command 7. */
  @Command(
      name = "connect",
      mixinStandardHelpOptions = true,
      description = "Command 7: connect a KSL of a group to a call of an object (call numbers are in the КПД2 events; see watch).")
  static final class Connect extends Send {
    @Option(names = "--call", required = true, paramLabel = "N", description = "Call number 0..65534 (from message 1.1).")
    int callNumber;

    @Option(names = "--object", required = true, paramLabel = "N", description = "Object number 0..65534.")
    int objectNumber;

    @Option(names = "--type", paramLabel = "TYPE", converter = ObjectTypeConverter.class,
        description = "Object type (default: NODE_SUBSCRIBER).")
    ObjectType type = ObjectType.NODE_SUBSCRIBER;

    @Option(names = "--ksl-group", required = true, paramLabel = "G", description = "KSL group 0..254 to take a free KSL from.")
    int kslGroup;

    @Override
    SormCommand command(int sormNumber, String password) {
      return new SormCommand.ConnectKsl(sormNumber, password, checkCall(callNumber), type, object(objectNumber), group(kslGroup, false));
    }
  }

  /** {@code release}: command 8. */
  @Command(name = "release", mixinStandardHelpOptions = true, description = "Command 8: release the KSL(s) connected to a call.")
  static final class Release extends Send {
    @Option(names = "--call", required = true, paramLabel = "N", description = "Call number 0..65534.")
    int callNumber;

    @Option(names = "--object", required = true, paramLabel = "N", description = "Object number 0..65534.")
    int objectNumber;

    @Option(names = "--type", paramLabel = "TYPE", converter = ObjectTypeConverter.class,
        description = "Object type (default: NODE_SUBSCRIBER).")
    ObjectType type = ObjectType.NODE_SUBSCRIBER;

    @Option(names = "--ksl-a", required = true, paramLabel = "S/L", converter = KslConverter.class, description = "The KSL (KSL-A).")
    Ksl kslA;

    @Option(names = "--ksl-b", paramLabel = "S/L", converter = KslConverter.class, description = "KSL-B (default: none).")
    Ksl kslB = Ksl.NONE;

    @Override
    SormCommand command(int sormNumber, String password) {
      return new SormCommand.ReleaseKsl(sormNumber, password, checkCall(callNumber), type, object(objectNumber), kslA, kslB);
    }
  }

  /** {@code services}: command 12. */
  @Command(name = "services", mixinStandardHelpOptions = true, description = "Command 12: list a subscriber's supplementary services (message 5).")
  static final class Services extends Send {
    @Option(names = "--number", required = true, paramLabel = "DIGITS", description = "The subscriber number.")
    String digits;

    @Option(names = "--indicator", paramLabel = "IND", converter = IndicatorConverter.class,
        description = "Indicator of --number (default: NODE_SUBSCRIBER).")
    NumberIndicator indicator = NumberIndicator.NODE_SUBSCRIBER;

    @Override
    SormCommand command(int sormNumber, String password) {
      return new SormCommand.ServiceListRequest(sormNumber, password, number(digits, indicator));
    }
  }

  /** {@code trunk-name}: command 16. */
  @Command(name = "trunk-name", mixinStandardHelpOptions = true, description = "Command 16: ask the station name of a trunk group (message 10).")
  static final class TrunkName extends Send {
    @Parameters(paramLabel = "N", description = "Trunk group 0..65534.")
    int trunkGroup;

    @Override
    SormCommand command(int sormNumber, String password) {
      return new SormCommand.TrunkGroupNameRequest(sormNumber, password, trunk(trunkGroup));
    }
  }

  static void table(PrintWriter out, List<String[]> rows) {
    int[] width = new int[rows.get(0).length];
    for (String[] row : rows) {
      for (int i = 0; i < row.length; i++) {
        width[i] = Math.max(width[i], row[i].length());
      }
    }
    for (String[] row : rows) {
      StringBuilder sb = new StringBuilder();
      for (int i = 0; i < row.length; i++) {
        sb.append(row[i]);
        if (i < row.length - 1) {
          sb.append(" ".repeat(width[i] - row[i].length() + 2));
        }
      }
      out.println(sb);
    }
  }

  /** {@code watch}: prints КПД2 messages. */
  @Command(
      name = "watch",
      mixinStandardHelpOptions = true,
      description = {
        "Connect the КПД2 link only (no КПД1, so a console holding КПД1 keeps it) and print every"
            + " КПД2 message (call events 1.1-1.4, KSL events 2.1/2.2, test replies 2.3) as it"
            + " arrives, until interrupted (Ctrl-C), --count messages or --for a duration.",
        "Exit 0 when stopped; 1 if the station closes the link first."
      })
  static final class Watch implements Callable<Integer> {
    @Spec CommandSpec spec;

    @ParentCommand SormConsoleCommand console;

    @Option(names = "--count", paramLabel = "N", description = "Stop after N messages.")
    @Nullable Integer count;

    @Option(names = "--for", paramLabel = "DURATION", converter = SormText.DurationConverter.class, description = "Stop after this long, e.g. 30s.")
    @Nullable Duration duration;

    @Override
    public Integer call() throws Exception {
      SormText t = console.text(spec);
      console.checkCommon(spec);
      if (count != null && count < 1) {
        throw new CommandLine.ParameterException(spec.commandLine(), "--count: " + count + " (expected at least 1)");
      }
      InetSocketAddress kpd2 = console.address(spec, console.kpd2Port, "--kpd2-port");
      PrintWriter out = spec.commandLine().getOut();
      PrintWriter err = spec.commandLine().getErr();
      Printer p = console.new Printer(out, t, console.codec());
      long deadline = duration == null ? Long.MAX_VALUE : System.nanoTime() + duration.toNanos();
      Foreground fg = Foreground.install("ecss-sorm-watch-shutdown");
      try (Socket s = new Socket()) {
        try {
          s.connect(kpd2, Math.toIntExact(Math.max(1, console.timeout.toMillis())));
        } catch (IOException e) {
          throw new CliInputException("cannot connect to " + where(kpd2) + " (" + reason(e) + ")");
        }
        if (!console.json) {
          out.println("watching КПД2 at " + where(kpd2));
          out.flush();
        }
        int[] seen = {0};
        int limit = count == null ? Integer.MAX_VALUE : count;
        SormFrameDecoder decoder =
            SormFrameDecoder.of(console.codec(), SormCodec.MAX_FRAME_LENGTH, SormFrameDecoder.Mode.RESYNC);
        SormFrameDecoder.Listener listener =
            new SormFrameDecoder.Listener() {
              @Override
              public void onFrame(SormMessage message, long offset, int length) {
                if (seen[0] < limit) {
                  p.print(message);
                  seen[0]++;
                }
              }

              @Override
              public void onDropped(long offset, int count, String reason) {
                err.println(spec.qualifiedName() + ": dropped " + count + " byte(s) at offset " + offset + ": " + reason);
                err.flush();
              }
            };
        InputStream in = s.getInputStream();
        byte[] buf = new byte[4096];
        while (seen[0] < limit && !Thread.currentThread().isInterrupted()) {
          long left = deadline - System.nanoTime();
          if (left <= 0) {
            break;
          }
          s.setSoTimeout((int) Math.max(1, Math.min(100, TimeUnit.NANOSECONDS.toMillis(left))));
          int n;
          try {
            n = in.read(buf);
          } catch (SocketTimeoutException e) {
            continue;
          }
          if (n < 0) {
            err.println(spec.qualifiedName() + ": the station closed the КПД2 link " + where(kpd2));
            err.flush();
            return 1;
          }
          decoder.feed(buf, 0, n, listener);
        }
        // Stopped by --count, --for or an interrupt (Ctrl-C, consumed as the stop signal).
        Thread.interrupted();
        return 0;
      } finally {
        fg.close();
      }
    }
  }
}
