package io.ecss.examples.clerk;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ecss.asr.vosk.VoskModel;
import io.ecss.clerk.AliasTable;
import io.ecss.clerk.ClerkMatcher;
import io.ecss.clerk.ClerkService;
import io.ecss.clerk.PhonebookEntry;
import io.ecss.clerk.PhonebookImport;
import io.ecss.clerk.PhonebookImporter;
import io.ecss.clerk.SearchResult;
import io.ecss.clerk.Transliteration;
import io.ecss.examples.CliInputException;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code ecss clerk}: the auto-attendant's phonebook search, import and clerk service. */
@Command(
    name = "clerk",
    mixinStandardHelpOptions = true,
    description = "Auto-attendant (\"Автосекретарь\"): phonebook name search, import, clerk service.",
    subcommands = {
      ClerkCommand.Search.class,
      ClerkCommand.Import.class,
      ClerkCommand.Serve.class,
    })
public final class ClerkCommand {

  /** Creates the command; picocli calls this. */
  public ClerkCommand() {}

  static final ObjectMapper MAPPER = new ObjectMapper();

  /** Options shared by {@code search} and {@code serve}: the phonebook and the alias tables. */
  static final class MatcherOptions {
    @Option(
        names = "--phonebook",
        required = true,
        paramLabel = "FILE|URL",
        description = "Phonebook: Cisco IP Phone directory/menu XML or CSV (name,number), file or http(s) URL.")
    String phonebook;

    @Option(
        names = "--aliases",
        paramLabel = "FILE",
        description = "Word aliases (KEY = VALUE[, VALUE...]), added to the default Russian table.")
    Path aliases;

    @Option(
        names = "--hard-aliases",
        paramLabel = "FILE",
        description = "Hard aliases: a whole recognised string replaced (KEY = VALUE).")
    Path hardAliases;

    @Option(
        names = "--no-default-aliases",
        description = "Do not use the default Russian first-name alias table.")
    boolean noDefaultAliases;

    @Option(
        names = "--translit",
        description = "Latin-script phonebook: compare in Latin, romanising Cyrillic by ICAO Doc 9303, then GOST 7.79 B.")
    boolean translit;

    @Option(
        names = "--follow-pages",
        description = "Follow paging links of an HTTP phonebook.")
    boolean followPages;

    PhonebookImport importBook() throws IOException {
      return PhonebookImporter.builder().followPages(followPages).build().importLocation(phonebook);
    }

    ClerkMatcher matcher(List<PhonebookEntry> entries) throws IOException {
      AliasTable words =
          noDefaultAliases ? AliasTable.empty(AliasTable.Kind.WORD) : AliasTable.defaultRussian();
      if (aliases != null) {
        words = words.merge(AliasTable.read(existing(aliases), AliasTable.Kind.WORD));
      }
      AliasTable hard =
          hardAliases == null
              ? AliasTable.empty(AliasTable.Kind.HARD)
              : AliasTable.read(existing(hardAliases), AliasTable.Kind.HARD);
      ClerkMatcher.Builder b =
          ClerkMatcher.builder().phonebook(entries).aliases(words).hardAliases(hard);
      if (translit) {
        b.transliteration(Transliteration.ICAO_9303, Transliteration.GOST_7_79_B);
      }
      return b.build();
    }

    private static Path existing(Path p) {
      if (Files.isDirectory(p)) {
        throw new CliInputException(p + ": is a directory");
      }
      return p;
    }
  }

  /** {@code ecss clerk search}. */
  @Command(
      name = "search",
      mixinStandardHelpOptions = true,
      description = {
        "Search the phonebook for recogniser hypotheses (final result first), by the manual's"
            + " algorithm: hard aliases, alias expansion, permutations, unique names, lookup;"
            + " then the case-ending and fuzzy fallbacks.",
        "Exit code 0 when exactly one entry is found, 1 when not found or ambiguous."
      })
  static final class Search implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Mixin MatcherOptions options;

    @Option(
        names = "--json",
        description = "Print {found, number, name, hypothesis, variant, fuzzy, candidates} as JSON.")
    boolean json;

    @Option(names = "--steps", description = "Also print the algorithm's steps and the keys tried.")
    boolean steps;

    @Parameters(arity = "1..*", paramLabel = "HYPOTHESIS", description = "One or more: the recogniser's hypotheses, final first.")
    List<String> hypotheses = List.of();

    @Override
    public Integer call() throws IOException {
      ClerkMatcher m = options.matcher(options.importBook().entries());
      SearchResult r = m.search(hypotheses);
      PrintWriter out = spec.commandLine().getOut();
      if (json) {
        out.println(MAPPER.writeValueAsString(toJson(r)));
      } else {
        printText(out, r, steps);
      }
      out.flush();
      return r.found() ? 0 : 1;
    }
  }

  /**
   * The JSON form fixed by the issue. For a result without a hit, {@code hypothesis} is the
   * recognised string (the first hypothesis with a letter or digit) so an IVR can say what it heard.
   */
  static ObjectNode toJson(SearchResult r) {
    ObjectNode o = MAPPER.createObjectNode();
    o.put("found", r.found());
    o.put("number", r.number());
    o.put("name", r.name());
    o.put("hypothesis", r.hypothesis() != null ? r.hypothesis() : r.recognized());
    o.put("variant", r.variant());
    o.put("fuzzy", r.fuzzy());
    ArrayNode c = o.putArray("candidates");
    r.candidates().forEach(x -> c.add(x.name()));
    return o;
  }

  static void printText(PrintWriter out, SearchResult r, boolean steps) {
    switch (r.outcome()) {
      case FOUND -> {
        out.println("found: " + r.number() + " " + r.name());
        out.println("hypothesis " + r.hypothesisIndex() + ": " + r.hypothesis());
        out.println("variant: " + r.variant());
        out.println("method: " + r.method() + (r.fuzzy() ? String.format(" (score %.2f)", r.score()) : ""));
      }
      case AMBIGUOUS -> {
        out.println("ambiguous: " + r.candidates().size() + " candidates for '" + r.variant() + "'");
        r.candidates().forEach(c -> out.println("  " + c.number() + " " + c.name()));
        out.println("method: " + r.method());
      }
      case NOT_FOUND -> {
        out.println("not found: " + r.recognized());
        out.println("tried: " + r.tried().size() + " keys");
      }
    }
    r.limitsHit().forEach(l -> out.println("limit reached: " + l));
    if (steps) {
      r.steps().forEach(s -> out.println("step: " + s));
      r.tried().forEach(s -> out.println("tried: " + s));
    }
  }

  /** {@code ecss clerk import}. */
  @Command(
      name = "import",
      mixinStandardHelpOptions = true,
      description = "Import a phonebook (Cisco IP Phone XML or CSV, file or http(s) URL) and print the report.")
  static final class Import implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(arity = "1", paramLabel = "FILE|URL", description = "The phonebook: file or http(s) URL.")
    String source;

    @Option(names = "--follow-pages", description = "Follow paging links of an HTTP phonebook.")
    boolean followPages;

    @Option(names = "--max-pages", paramLabel = "N", description = "Most pages read (default 100).")
    int maxPages = 100;

    @Option(
        names = "--timeout",
        paramLabel = "SECONDS",
        description = "HTTP request time-out in seconds (default 30; connect time-out 5).")
    int timeout = 30;

    @Option(names = "--list", description = "Also print the entries as CSV (name,number).")
    boolean list;

    @Override
    public Integer call() throws IOException {
      if (maxPages < 1 || timeout < 1) {
        throw new CommandLine.ParameterException(
            spec.commandLine(), "--max-pages and --timeout must be at least 1");
      }
      PhonebookImport book =
          PhonebookImporter.builder()
              .followPages(followPages)
              .maxPages(maxPages)
              .requestTimeout(Duration.ofSeconds(timeout))
              .build()
              .importLocation(source);
      PrintWriter out = spec.commandLine().getOut();
      out.print(book.report());
      if (list) {
        for (PhonebookEntry e : book.entries()) {
          out.println(csv(e.name()) + "," + csv(e.number()));
        }
      }
      out.flush();
      return 0;
    }

    private static String csv(String s) {
      return s.contains(",") || s.contains("\"") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }
  }

  /** {@code ecss clerk serve}. */
  @Command(
      name = "serve",
      mixinStandardHelpOptions = true,
      description = {
        "Run the clerk service over HTTP (JDK HttpServer) until interrupted.",
        "POST /<requestId> with the recogniser's hypotheses (JSON array, or text lines) answers"
            + " 206 {recognized, positive_url, negative_url} or 200 {recognized, number, ...};"
            + " HEAD /<requestId>/positive_url and /negative_url record the IVR's callbacks."
      })
  static final class Serve implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Mixin MatcherOptions options;

    @Option(
        names = "--model",
        paramLabel = "DIR",
        description =
            "Vosk model directory: also accept WAV chunks (POST /<requestId>.wav), recognised"
                + " with ecss-asr-client; without it, text hypotheses only.")
    Path model;

    @Option(names = "--port", paramLabel = "PORT", description = "TCP port (default 9010).")
    int port = 9010;

    @Option(names = "--host", paramLabel = "ADDR", description = "Address to bind (default 127.0.0.1).")
    String host = "127.0.0.1";

    @Option(
        names = "--reload",
        paramLabel = "SECONDS",
        description = "Re-import the phonebook this often and swap the index atomically (default: never).")
    int reload;

    @Override
    public Integer call() throws Exception {
      if (port < 0 || port > 65535 || reload < 0) {
        throw new CommandLine.ParameterException(
            spec.commandLine(), "--port must be 0..65535 and --reload at least 0");
      }
      PhonebookImport book = options.importBook();
      ClerkService service = new ClerkService(options.matcher(book.entries()));
      PrintWriter out = spec.commandLine().getOut();
      PrintWriter err = spec.commandLine().getErr();
      CountDownLatch stop = new CountDownLatch(1);
      ScheduledExecutorService reloader = null;
      ScheduledFuture<?> reloading = null;
      VoskModel voice = model == null ? null : VoskModel.load(model);
      try (ClerkHttpServer server =
          ClerkHttpServer.start(new InetSocketAddress(host, port), service, voice)) {
        if (reload > 0) {
          reloader = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "ecss-clerk-reload");
            t.setDaemon(true);
            return t;
          });
          reloading = reloader.scheduleWithFixedDelay(
              () -> {
                try {
                  PhonebookImport fresh = options.importBook();
                  service.replaceMatcher(service.matcher().withPhonebook(fresh.entries()));
                  out.println("reloaded: " + fresh.entries().size() + " entries");
                  out.flush();
                } catch (IOException | RuntimeException e) {
                  err.println("ecss clerk serve: reload failed, keeping the old phonebook: " + e.getMessage());
                  err.flush();
                }
              },
              reload, reload, TimeUnit.SECONDS);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(stop::countDown, "ecss-clerk-shutdown"));
        out.println(
            "clerk: " + book.entries().size() + " entries, " + book.skipped() + " skipped; listening on http://"
                + host + ":" + server.port() + "/ ("
                + (voice == null
                    ? "text hypotheses; no speech model)"
                    : "text hypotheses and WAV chunks; model " + model + ", " + voice.sampleRate() + " Hz)"));
        out.flush();
        stop.await();
      } finally {
        if (reloading != null) {
          reloading.cancel(true);
        }
        if (reloader != null) {
          reloader.shutdownNow();
        }
        if (voice != null) {
          voice.close();
        }
      }
      return 0;
    }
  }
}
