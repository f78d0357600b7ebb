package io.ecss.examples.routing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ecss.examples.CliInputException;
import io.ecss.routing.Call;
import io.ecss.routing.DigitMap;
import io.ecss.routing.NumberSet;
import io.ecss.routing.Outcome;
import io.ecss.routing.PartyNumber;
import io.ecss.routing.Problem;
import io.ecss.routing.RouteMode;
import io.ecss.routing.RoutingDomain;
import io.ecss.routing.RoutingValidator;
import io.ecss.routing.Severity;
import io.ecss.routing.Trace;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code ecss routing}: ECSS-10 routing contexts — trace a call, check files, expand number sets,
 * evaluate digit maps.
 */
@Command(
    name = "routing",
    mixinStandardHelpOptions = true,
    description = "ECSS-10 routing contexts: trace calls, check context files, number sets, digit maps.",
    subcommands = {
      RoutingCommand.TraceCmd.class,
      RoutingCommand.Check.class,
      RoutingCommand.Numbers.class,
      RoutingCommand.DigitMapCmd.class,
    })
public final class RoutingCommand {

  /** Creates the command; picocli calls this. */
  public RoutingCommand() {}

  static final ObjectMapper MAPPER = new ObjectMapper();

  /** The symbols a number may hold. */
  static final String DIAL_SYMBOLS = "0123456789*#ABCD";

  /** Separator line of the vendor's trace layout. */
  static final String SEPARATOR = "------------------------------------------";

  /** {@code ecss routing trace}. */
  @Command(
      name = "trace",
      mixinStandardHelpOptions = true,
      description = {
        "Route one call through the contexts of a directory, like /domain/<D>/routing/trace.",
        "Parameters: cgpn.digits=A cdpn.digits=B, optionally cgpn.ni, cgpn.nai, cdpn.ni, cdpn.nai"
            + " and mode=enblock|overlap.",
        "Exit 0 whatever the routing result; the result is in the output."
      })
  static final class TraceCmd implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--dir", required = true, paramLabel = "DIR",
        description = "Directory of *.xml context files (one routing domain).")
    Path dir;

    @Option(names = "--context", paramLabel = "NAME",
        description = "Entry context (default: default_routing).")
    String context = "default_routing";

    @Option(names = "--mode", paramLabel = "MODE",
        description = "enblock (default) or overlap (digits collected by the context's digit map).")
    @Nullable String mode;

    @Option(names = "--json", description = "Print one JSON object instead of the trace text.")
    boolean json;

    @Parameters(paramLabel = "KEY=VALUE", arity = "1..*",
        description = "cgpn.digits=…, cdpn.digits=… (required), cgpn.ni, cgpn.nai, cdpn.ni, cdpn.nai, mode.")
    List<String> params = new ArrayList<>();

    @Override
    public Integer call() throws IOException {
      String[] a = {"", null, null};
      String[] b = {null, null, null};
      String modeText = mode;
      for (String p : params) {
        int eq = p.indexOf('=');
        if (eq <= 0) {
          throw usage("expected KEY=VALUE, got \"" + p + "\"");
        }
        String key = p.substring(0, eq);
        String value = p.substring(eq + 1);
        switch (key) {
          case "cgpn.digits" -> a[0] = value;
          case "cgpn.ni" -> a[1] = value;
          case "cgpn.nai" -> a[2] = value;
          case "cdpn.digits" -> b[0] = value;
          case "cdpn.ni" -> b[1] = value;
          case "cdpn.nai" -> b[2] = value;
          case "mode" -> modeText = value;
          default -> throw usage("unsupported parameter " + key
              + " (expected cgpn.digits, cdpn.digits, cgpn.ni, cgpn.nai, cdpn.ni, cdpn.nai or mode)");
        }
      }
      if (b[0] == null) {
        throw usage("missing cdpn.digits=… (the called number)");
      }
      RouteMode routeMode;
      if (modeText == null || modeText.equals("enblock")) {
        routeMode = RouteMode.ENBLOCK;
      } else if (modeText.equals("overlap")) {
        routeMode = RouteMode.OVERLAP;
      } else {
        throw usage("mode \"" + modeText + "\" (expected enblock or overlap)");
      }
      Call call;
      try {
        call = new Call(new PartyNumber(a[0], a[1], a[2]), new PartyNumber(b[0], b[1], b[2]));
      } catch (IllegalArgumentException e) {
        throw usage(e.getMessage());
      }
      if (!Files.isDirectory(dir)) {
        if (!Files.exists(dir)) {
          throw new NoSuchFileException(dir.toString());
        }
        throw new CliInputException(dir + ": not a directory (expected a directory of *.xml contexts)");
      }
      RoutingDomain domain = RoutingDomain.load(dir, context);
      if (domain.context(context).isEmpty()) {
        throw new CliInputException(dir + ": no context " + context + " (contexts: "
            + String.join(", ", domain.contexts().keySet()) + ")");
      }
      Trace t = domain.route(call, context, routeMode);
      PrintWriter out = spec.commandLine().getOut();
      if (json) {
        out.println(MAPPER.writeValueAsString(json(t)));
      } else {
        out.print(text(t, call, context, routeMode));
      }
      out.flush();
      return 0;
    }

    private CommandLine.ParameterException usage(String message) {
      return new CommandLine.ParameterException(spec.commandLine(), message);
    }
  }

  /** The trace in the vendor's layout, preceded by the path with what each action did. */
  static String text(Trace t, Call call, String context, RouteMode mode) {
    StringBuilder sb = new StringBuilder();
    sb.append("Traceroute to ").append(call.b().digits()).append(" from ").append(call.a().digits())
        .append(", mode ").append(mode.label()).append('\n');
    sb.append("Default context is ").append(context).append('\n');
    for (String n : t.notes()) {
      sb.append(n).append('\n');
    }
    for (Trace.Step s : t.path()) {
      sb.append("Context ").append(s.context()).append(", rule ").append(s.rule()).append('\n');
      for (String e : s.effects()) {
        sb.append("    ").append(e).append('\n');
      }
    }
    sb.append(SEPARATOR).append('\n');
    sb.append(t.format());
    return sb.toString();
  }

  /** The JSON object of {@code trace --json}; field names fixed by the CLI contract. */
  static ObjectNode json(Trace t) {
    ObjectNode o = MAPPER.createObjectNode();
    o.put("result", t.outcome().label());
    o.put("trunk", t.trunk());
    o.put("direction", t.direction());
    o.put("context", t.context());
    o.set("a", number(t.a()));
    o.set("b", number(t.b()));
    ObjectNode sorm = o.putObject("sorm");
    for (Map.Entry<String, String> e : t.sorm().entrySet()) {
      sorm.put(e.getKey(), e.getValue());
    }
    ArrayNode path = o.putArray("path");
    for (String p : t.pathNames()) {
      path.add(p);
    }
    if (t.outcome() == Outcome.ERROR || t.outcome() == Outcome.LOOP) {
      o.put("message", t.message());
    }
    return o;
  }

  private static ObjectNode number(PartyNumber n) {
    ObjectNode o = MAPPER.createObjectNode();
    o.put("digits", n.digits());
    if (n.ni() != null) {
      o.put("ni", n.ni());
    }
    if (n.nai() != null) {
      o.put("nai", n.nai());
    }
    return o;
  }

  /** {@code ecss routing check}. */
  @Command(
      name = "check",
      mixinStandardHelpOptions = true,
      description = {
        "Validate a context file, or every *.xml of a directory as one domain, against"
            + " ecss_routing.xsd and the routing rules; print every problem as file:line:col: message.",
        "Exit 1 when there is an error (warnings alone exit 0). A summary goes to standard error."
      })
  static final class Check implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DIR|FILE", description = "A context file or a directory of them.")
    Path target;

    @Override
    public Integer call() throws IOException {
      if (!Files.exists(target)) {
        throw new NoSuchFileException(target.toString());
      }
      List<Problem> problems = RoutingValidator.validate(target);
      PrintWriter out = spec.commandLine().getOut();
      int errors = 0;
      for (Problem p : problems) {
        out.println(p);
        if (p.severity() == Severity.ERROR) {
          errors++;
        }
      }
      out.flush();
      PrintWriter err = spec.commandLine().getErr();
      err.println(target + ": " + errors + " error(s), " + (problems.size() - errors) + " warning(s)");
      err.flush();
      return errors > 0 ? 1 : 0;
    }
  }

  /** {@code ecss routing numbers}. */
  @Command(
      name = "numbers",
      mixinStandardHelpOptions = true,
      description = {
        "Numbering-plan number sets as in np/numbers/add: 738327{0-1}000{0-1}, {2124-2400},"
            + " {101,102,110-120}.",
        "Without options prints the count. --contains prints yes or no."
      })
  static final class Numbers implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(index = "0", paramLabel = "SET", description = "The number set.")
    String set;

    @Option(names = "--contains", paramLabel = "N", description = "Print yes when N is in the set, else no.")
    @Nullable String contains;

    @Option(names = "--count", description = "Print how many numbers the set has.")
    boolean count;

    @Option(names = "--list", description = "Print the numbers in order, one per line.")
    boolean list;

    @Option(names = "--limit", paramLabel = "K", description = "With --list: print at most K numbers.")
    @Nullable Long limit;

    @Override
    public Integer call() {
      if (limit != null && !list) {
        throw new CommandLine.ParameterException(spec.commandLine(), "--limit needs --list");
      }
      if (limit != null && limit < 0) {
        throw new CommandLine.ParameterException(spec.commandLine(), "--limit must be >= 0, got " + limit);
      }
      NumberSet s = NumberSet.parse(set);
      PrintWriter out = spec.commandLine().getOut();
      if (contains != null) {
        out.println(s.contains(contains) ? "yes" : "no");
      }
      if (count || (contains == null && !list)) {
        out.println(s.size());
      }
      if (list) {
        long max = limit == null ? Long.MAX_VALUE : limit;
        Iterator<String> it = s.iterator();
        for (long i = 0; i < max && it.hasNext(); i++) {
          out.println(it.next());
          if ((i & 0xfff) == 0xfff) {
            out.flush();
          }
        }
      }
      out.flush();
      return 0;
    }
  }

  /** {@code ecss routing digitmap}. */
  @Command(
      name = "digitmap",
      mixinStandardHelpOptions = true,
      description = "Evaluate a dialled string against an MGCP-style digit map: prints full, partial or no_match.")
  static final class DigitMapCmd implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(index = "0", paramLabel = "MAP", description = "The digit map, e.g. '(*xx#|1xx.)'.")
    String map;

    @Parameters(index = "1", paramLabel = "DIALLED", description = "The symbols dialled so far.")
    String dialled;

    @Override
    public Integer call() {
      for (int i = 0; i < dialled.length(); i++) {
        if (DIAL_SYMBOLS.indexOf(dialled.charAt(i)) < 0) {
          // A typo (a letter, x, a space) is not "no_match": nothing was dialled that way.
          throw new CommandLine.ParameterException(spec.commandLine(), "DIALLED \"" + dialled + "\": '"
              + dialled.charAt(i) + "' at position " + (i + 1) + " (expected dial symbols "
              + DIAL_SYMBOLS + ")");
        }
      }
      DigitMap m = DigitMap.parse(map);
      PrintWriter out = spec.commandLine().getOut();
      out.println(m.evaluate(dialled).label().toLowerCase(Locale.ROOT));
      out.flush();
      return 0;
    }
  }
}
