package io.ecss.examples.sorm;

import io.ecss.examples.CliInputException;
import io.ecss.sorm.RadiusCall;
import io.ecss.sorm.SormNi;
import io.ecss.sorm.SormRadiusReporter;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code ecss sorm radius}: the softswitch side of the RADIUS link to a mediator — report one call
 * event (Accounting Start, Interim-Update with {@code phase=answer}, Stop) the way {@code ecss sorm
 * station --radius-port} understands it, and wait for the Accounting-Response.
 */
@Command(
    name = "radius",
    mixinStandardHelpOptions = true,
    synopsisSubcommandLabel = "EVENT",
    description = {
      "Act as the softswitch: report a call event to a mediator's RADIUS accounting port (what"
          + " 'ecss sorm station --radius-port' runs) and wait for the Accounting-Response.",
      "A call on control then shows up on КПД2 (see 'ecss sorm console watch'): start -> message 1.1,"
          + " answer -> 1.2, stop -> 1.3.",
      "Exit codes: 0 answered; 1 no answer after every attempt (a wrong shared secret looks like"
          + " this: the mediator drops the request) or a socket error; 2 usage error."
    },
    subcommands = {SormRadiusCommand.Start.class, SormRadiusCommand.Answer.class, SormRadiusCommand.Stop.class})
final class SormRadiusCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--host", paramLabel = "HOST", description = "Mediator address (default: ${DEFAULT-VALUE}).")
  String host = "127.0.0.1";

  @Option(names = "--port", paramLabel = "PORT", description = "RADIUS accounting UDP port (default: ${DEFAULT-VALUE}).")
  int port = 1813;

  @Option(names = "--secret", paramLabel = "SECRET", description = "RADIUS shared secret (required).")
  @Nullable String secret;

  @Option(
      names = "--timeout",
      paramLabel = "DURATION",
      converter = SormText.DurationConverter.class,
      description = "How long to wait for the answer to one attempt (default: 1s).")
  Duration timeout = SormRadiusReporter.DEFAULT_TIMEOUT;

  @Option(names = "--retries", paramLabel = "N", description = "Retransmissions after the first attempt, 0..10 (default: ${DEFAULT-VALUE}).")
  int retries = SormRadiusReporter.DEFAULT_RETRIES;

  /** Creates the command; picocli calls this. */
  SormRadiusCommand() {}

  @Override
  public Integer call() {
    throw new CommandLine.ParameterException(spec.commandLine(), "Missing required subcommand: start, answer or stop");
  }

  /** Sends one event with a reporter built from the options. */
  int report(CommandSpec sub, String what, java.util.function.Consumer<SormRadiusReporter> event) {
    CommandLine cl = sub.commandLine();
    String s = secret;
    if (s == null) {
      throw new CommandLine.ParameterException(cl, "Missing required option: '--secret=SECRET'");
    }
    if (port < 1 || port > 65535) {
      throw new CommandLine.ParameterException(cl, "--port: " + port + " (expected 1..65535)");
    }
    InetSocketAddress mediator = new InetSocketAddress(host, port);
    if (mediator.isUnresolved()) {
      throw new CliInputException("unknown host " + host);
    }
    SormRadiusReporter reporter;
    try {
      reporter = SormRadiusReporter.create(mediator, s, timeout, retries);
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(cl, e.getMessage(), e);
    }
    try (reporter) {
      event.accept(reporter);
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(cl, e.getMessage(), e);
    }
    PrintWriter out = cl.getOut();
    out.println(what + ": Accounting-Response from " + mediator.getAddress().getHostAddress() + ":" + port);
    out.flush();
    return 0;
  }

  /** A routing indicator value ({@code sorm_ni}). */
  static final class NiConverter implements ITypeConverter<SormNi> {
    @Override
    public SormNi convert(String value) {
      try {
        return SormNi.parse(value);
      } catch (IllegalArgumentException e) {
        throw new TypeConversionException(
            "\"" + value + "\" (expected private, local, zone, intercity, international or emergency)");
      }
    }
  }

  /** {@code start}: Accounting Start. */
  @Command(
      name = "start",
      mixinStandardHelpOptions = true,
      description = "Accounting Start of a call: Calling-/Called-Station-Id, and the routing SORM numbers as Eltex-AVPairs.")
  static final class Start implements Callable<Integer> {
    @Spec CommandSpec spec;

    @ParentCommand SormRadiusCommand radius;

    @Option(names = "--call-id", required = true, paramLabel = "ID", description = "The call id (Acct-Session-Id).")
    String callId;

    @Option(names = "--a", required = true, paramLabel = "NUMBER", description = "Routing A number (Calling-Station-Id).")
    String a;

    @Option(names = "--b", required = true, paramLabel = "NUMBER", description = "Routing B number (Called-Station-Id).")
    String b;

    @Option(names = "--sorm-a", paramLabel = "DIGITS", description = "sorm_digits_a: the A number for SORM (routing action).")
    @Nullable String sormA;

    @Option(names = "--sorm-ni-a", paramLabel = "NI", converter = NiConverter.class, description = "sorm_ni_a: indicator of --sorm-a.")
    @Nullable SormNi sormNiA;

    @Option(names = "--sorm-b", paramLabel = "DIGITS", description = "sorm_digits_b: the B number for SORM.")
    @Nullable String sormB;

    @Option(names = "--sorm-ni-b", paramLabel = "NI", converter = NiConverter.class, description = "sorm_ni_b: indicator of --sorm-b.")
    @Nullable SormNi sormNiB;

    @Override
    public Integer call() {
      RadiusCall call;
      try {
        call = RadiusCall.of(callId, a, b);
        String da = sormA;
        String db = sormB;
        if ((da == null && sormNiA != null) || (db == null && sormNiB != null)) {
          throw new IllegalArgumentException("--sorm-ni-a/--sorm-ni-b need --sorm-a/--sorm-b");
        }
        if (da != null) {
          call = call.withSormA(da, sormNiA);
        }
        if (db != null) {
          call = call.withSormB(db, sormNiB);
        }
      } catch (IllegalArgumentException e) {
        throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage(), e);
      }
      RadiusCall c = call;
      return radius.report(spec, "Accounting Start " + callId, r -> r.start(c));
    }
  }

  /** {@code answer}: Interim-Update with phase=answer. */
  @Command(name = "answer", mixinStandardHelpOptions = true, description = "Interim-Update with Eltex-AVPair phase=answer: the call was answered.")
  static final class Answer implements Callable<Integer> {
    @Spec CommandSpec spec;

    @ParentCommand SormRadiusCommand radius;

    @Option(names = "--call-id", required = true, paramLabel = "ID", description = "The call id (Acct-Session-Id).")
    String callId;

    @Override
    public Integer call() {
      return radius.report(spec, "Interim-Update (answer) " + callId, r -> r.answer(callId));
    }
  }

  /** {@code stop}: Accounting Stop. */
  @Command(name = "stop", mixinStandardHelpOptions = true, description = "Accounting Stop of a call, with the Eltex disconnect code if given.")
  static final class Stop implements Callable<Integer> {
    @Spec CommandSpec spec;

    @ParentCommand SormRadiusCommand radius;

    @Option(names = "--call-id", required = true, paramLabel = "ID", description = "The call id (Acct-Session-Id).")
    String callId;

    @Option(
        names = "--disconnect-code",
        paramLabel = "N",
        description = "Eltex-Disconnect-Code-Local: 1 user answer, 2 incomplete number, 5 user busy, 7 no answer, ...")
    @Nullable Integer disconnectCode;

    @Override
    public Integer call() {
      Integer code = disconnectCode;
      if (code != null && code < 0) {
        throw new CommandLine.ParameterException(spec.commandLine(), "--disconnect-code: " + code + " (expected 0 or more)");
      }
      return radius.report(
          spec,
          "Accounting Stop " + callId,
          r -> {
            if (code == null) {
              r.stop(callId);
            } else {
              r.stop(callId, code);
            }
          });
    }
  }
}
