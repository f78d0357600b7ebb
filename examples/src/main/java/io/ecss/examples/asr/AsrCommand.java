package io.ecss.examples.asr;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ecss.asr.dict.DictionaryException;
import io.ecss.asr.dict.PronunciationDictionary;
import io.ecss.asr.ivr.IvrMenu;
import io.ecss.asr.ivr.IvrMenuItem;
import io.ecss.asr.jsgf.ExpansionLimits;
import io.ecss.asr.jsgf.JsgfChecker;
import io.ecss.asr.jsgf.JsgfException;
import io.ecss.asr.jsgf.JsgfExpander;
import io.ecss.asr.jsgf.JsgfGrammar;
import io.ecss.asr.jsgf.JsgfGrammarSet;
import io.ecss.asr.jsgf.JsgfLoader;
import io.ecss.asr.jsgf.JsgfMatch;
import io.ecss.asr.jsgf.JsgfMatcher;
import io.ecss.asr.jsgf.JsgfProblem;
import io.ecss.asr.jsgf.MatchOptions;
import io.ecss.examples.CliInputException;
import io.ecss.examples.Inputs;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code ecss asr}: JSGF grammars (check, expand, Vosk grammar JSON, match), IVR menu grammars and
 * pronunciation dictionaries.
 */
@Command(
    name = "asr",
    mixinStandardHelpOptions = true,
    description = "Speech recognition: JSGF grammars, IVR menus, pronunciation dictionaries.",
    subcommands = {
      AsrCommand.Jsgf.class,
      AsrCommand.Menu.class,
      AsrCommand.Dict.class,
      TranscribeCommand.class,
      AsrServeCommand.class,
      AsrClientCommand.class,
      WavCommand.class,
    })
public final class AsrCommand {

  /** Creates the command; picocli calls this. */
  public AsrCommand() {}

  static final ObjectMapper MAPPER = new ObjectMapper();

  /** Reads and parses a grammar file; a syntax error becomes {@code file:line:col: message}. */
  static JsgfGrammar readGrammar(String file) throws IOException {
    byte[] bytes = Inputs.readBytes(file);
    try {
      return JsgfGrammar.parse(bytes);
    } catch (JsgfException e) {
      throw located(file, e);
    }
  }

  static CliInputException located(String file, JsgfException e) {
    String sep = e.line() > 0 && e.source() == null ? ":" : ": ";
    return new CliInputException(Inputs.name(file) + sep + e.getMessage());
  }

  /** Imports resolve next to the grammar file (the working directory for stdin), then --path. */
  static JsgfLoader loader(String file, List<Path> paths) {
    Path base =
        "-".equals(file) ? Path.of(".") : Optional.ofNullable(Path.of(file).toAbsolutePath().getParent()).orElse(Path.of("."));
    JsgfLoader l = JsgfLoader.directory(base);
    for (Path p : paths) {
      l = l.or(JsgfLoader.directory(p));
    }
    return l;
  }

  static String ruleOf(JsgfGrammar g, String file, String rule) {
    if (rule != null) {
      return rule;
    }
    return g.firstPublicRule()
        .orElseThrow(
            () ->
                new CliInputException(
                    Inputs.name(file) + ": grammar " + g.name() + " has no public rule (use --rule)"))
        .name();
  }

  static JsgfGrammarSet resolve(JsgfGrammar g, String file, List<Path> paths) {
    try {
      return JsgfGrammarSet.resolve(g, loader(file, paths));
    } catch (JsgfException e) {
      throw located(file, e);
    }
  }

  static void json(PrintWriter out, Object value) throws IOException {
    out.println(MAPPER.writeValueAsString(value));
    out.flush();
  }

  /** Tags as JSGF writes them: {@code {tag}} with braces and backslashes escaped. */
  static String braces(List<String> tags) {
    StringBuilder sb = new StringBuilder();
    for (String t : tags) {
      sb.append(" {");
      for (int i = 0; i < t.length(); i++) {
        char c = t.charAt(i);
        if (c == '{' || c == '}' || c == '\\') {
          sb.append('\\');
        }
        sb.append(c);
      }
      sb.append('}');
    }
    return sb.toString();
  }

  /** Options shared by the grammar commands. */
  static class GrammarOptions {
    @Parameters(index = "0", paramLabel = "FILE", description = "JSGF grammar file, or - for stdin.")
    String file;

    @Option(
        names = {"-p", "--path"},
        paramLabel = "DIR",
        description = "Another directory to look for imported grammars in (repeatable).")
    List<Path> paths = new ArrayList<>();
  }

  /** {@code ecss asr jsgf}. */
  @Command(
      name = "jsgf",
      mixinStandardHelpOptions = true,
      description = "JSGF 1.0 grammars: check, expand to phrases, Vosk grammar JSON, match words.",
      subcommands = {Jsgf.Check.class, Jsgf.Expand.class, Jsgf.Vosk.class, Jsgf.Match.class})
  static final class Jsgf {

    /** {@code ecss asr jsgf check}. */
    @Command(
        name = "check",
        mixinStandardHelpOptions = true,
        description = {
          "Print every problem of a grammar as FILE:LINE:COL: MESSAGE (warnings say so).",
          "Exit 1 when there is an error (a syntax error, an unresolved import or cycle, a"
              + " duplicate or undefined rule, recursion other than right recursion, an"
              + " expansion under * or + that can match nothing)."
        })
    static final class Check extends GrammarOptions implements Callable<Integer> {
      @Spec CommandSpec spec;

      @Override
      public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        String name = Inputs.name(file);
        JsgfGrammar g;
        try {
          g = JsgfGrammar.parse(Inputs.readBytes(file));
        } catch (JsgfException e) {
          out.println(name + (e.line() > 0 ? ":" : ": ") + e.getMessage());
          out.flush();
          return 1;
        }
        boolean errors = false;
        for (JsgfProblem p : JsgfChecker.check(g, loader(file, paths))) {
          out.println(name + ":" + p);
          errors |= p.severity() == JsgfProblem.Severity.ERROR;
        }
        out.flush();
        return errors ? 1 : 0;
      }
    }

    /** {@code ecss asr jsgf expand}. */
    @Command(
        name = "expand",
        mixinStandardHelpOptions = true,
        description = {
          "Print the phrases of a rule, one per line (an empty line for the empty phrase).",
          "* and + are unrolled up to --max-repeat copies; more than --limit phrases is an error."
        })
    static final class Expand extends GrammarOptions implements Callable<Integer> {
      @Spec CommandSpec spec;

      @Option(names = "--rule", paramLabel = "NAME", description = "Rule to expand (default: the first public rule).")
      String rule;

      @Option(names = "--limit", paramLabel = "N", description = "Most phrases (default: ${DEFAULT-VALUE}).")
      int limit = ExpansionLimits.DEFAULT.maxPhrases();

      @Option(names = "--max-repeat", paramLabel = "N", description = "Copies of * and + (default: ${DEFAULT-VALUE}).")
      int maxRepeat = ExpansionLimits.DEFAULT.maxRepeat();

      @Option(names = "--json", description = "Print a JSON array of strings.")
      boolean json;

      @Override
      public Integer call() throws IOException {
        List<String> phrases = phrases(spec, this, rule, limit, maxRepeat);
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
          json(out, phrases);
        } else {
          phrases.forEach(out::println);
          out.flush();
        }
        return 0;
      }
    }

    static List<String> phrases(
        CommandSpec spec, GrammarOptions o, String rule, int limit, int maxRepeat) throws IOException {
      if (limit < 1 || maxRepeat < 1) {
        throw new CommandLine.ParameterException(
            spec.commandLine(), "--limit and --max-repeat must be 1 or more");
      }
      JsgfGrammar g = readGrammar(o.file);
      JsgfGrammarSet set = resolve(g, o.file, o.paths);
      ExpansionLimits limits = ExpansionLimits.DEFAULT.withMaxPhrases(limit).withMaxRepeat(maxRepeat);
      try {
        return JsgfExpander.expand(set, ruleOf(g, o.file, rule), limits);
      } catch (JsgfException e) {
        throw located(o.file, e);
      }
    }

    /** {@code ecss asr jsgf vosk}. */
    @Command(
        name = "vosk",
        mixinStandardHelpOptions = true,
        description = "Print the Vosk grammar JSON of a rule: its phrases, then \"[unk]\".")
    static final class Vosk extends GrammarOptions implements Callable<Integer> {
      @Spec CommandSpec spec;

      @Option(names = "--rule", paramLabel = "NAME", description = "Rule (default: the first public rule).")
      String rule;

      @Option(names = "--limit", paramLabel = "N", description = "Most phrases (default: ${DEFAULT-VALUE}).")
      int limit = ExpansionLimits.DEFAULT.maxPhrases();

      @Override
      public Integer call() throws IOException {
        List<String> phrases = phrases(spec, this, rule, limit, ExpansionLimits.DEFAULT.maxRepeat());
        PrintWriter out = spec.commandLine().getOut();
        out.println(JsgfExpander.voskGrammar(phrases));
        out.flush();
        return 0;
      }
    }

    /** {@code ecss asr jsgf match}. */
    @Command(
        name = "match",
        mixinStandardHelpOptions = true,
        description = {
          "Tell whether words are in a rule's language: prints 'match' and the tags of the"
              + " accepting path ({tag} ...), or 'no match' and exits 1.",
          "Words compare case- and ё/е-insensitively unless --exact."
        })
    static final class Match extends GrammarOptions implements Callable<Integer> {
      @Spec CommandSpec spec;

      @Option(names = "--rule", paramLabel = "NAME", description = "Rule (default: the first public rule).")
      String rule;

      @Option(names = "--json", description = "Print {\"match\":true|false,\"tags\":[...]}.")
      boolean json;

      @Option(names = "--exact", description = "Compare words exactly (case and ё matter).")
      boolean exact;

      @Parameters(index = "1..*", arity = "0..*", paramLabel = "WORDS", description = "The words (an argument with spaces is split).")
      List<String> words = new ArrayList<>();

      @Override
      public Integer call() throws IOException {
        JsgfGrammar g = readGrammar(file);
        JsgfGrammarSet set = resolve(g, file, paths);
        JsgfMatcher m;
        try {
          m = JsgfMatcher.compile(set, ruleOf(g, file, rule), exact ? MatchOptions.EXACT : MatchOptions.DEFAULT);
        } catch (JsgfException e) {
          throw located(file, e);
        }
        JsgfMatch r = m.match(String.join(" ", words));
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
          ObjectNode o = MAPPER.createObjectNode();
          o.put("match", r.matched());
          ArrayNode tags = o.putArray("tags");
          r.tags().forEach(tags::add);
          json(out, o);
        } else {
          out.println(r.matched() ? "match" + braces(r.tags()) : "no match");
          out.flush();
        }
        return r.matched() ? 0 : 1;
      }
    }
  }

  /** {@code ecss asr menu}. */
  @Command(
      name = "menu",
      mixinStandardHelpOptions = true,
      description = {
        "Build the JSGF grammar of an IVR menu (one tagged rule per item) and print it; with"
            + " --recognise or --dtmf print the chosen item's key instead ('no match', exit 1, when"
            + " none).",
        "Recognised text chooses the item whose phrase is the whole text, else the phrase found"
            + " earliest in it."
      })
  static final class Menu implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(
        names = "--item",
        required = true,
        paramLabel = "KEY[:DESCRIPTION]=PHRASE|PHRASE...",
        description = "A menu item: DTMF key 0-9, * or #, optional description, recognised phrases (repeatable).")
    List<String> items = new ArrayList<>();

    @Option(names = "--json", description = "JSON: the grammar, Vosk phrases and items; or the recognition result.")
    boolean json;

    @Option(names = "--recognise", paramLabel = "TEXT", description = "Recognised text to map to an item.")
    String recognise;

    @Option(names = "--dtmf", paramLabel = "KEY", description = "Pressed key to map to an item.")
    String dtmf;

    @Override
    public Integer call() throws IOException {
      if (recognise != null && dtmf != null) {
        throw new CommandLine.ParameterException(spec.commandLine(), "--recognise and --dtmf are exclusive");
      }
      IvrMenu menu;
      try {
        List<IvrMenuItem> parsed = new ArrayList<>();
        for (String s : items) {
          parsed.add(item(s));
        }
        menu = IvrMenu.of(parsed);
      } catch (IllegalArgumentException e) {
        throw new CommandLine.ParameterException(spec.commandLine(), "--item: " + e.getMessage());
      }
      PrintWriter out = spec.commandLine().getOut();
      if (recognise != null || dtmf != null) {
        Optional<IvrMenuItem> hit = recognise != null ? menu.recognise(recognise) : menu.dtmf(dtmf);
        if (json) {
          ObjectNode o = MAPPER.createObjectNode();
          o.put("match", hit.isPresent());
          o.put("key", hit.map(IvrMenuItem::key).orElse(null));
          o.put("description", hit.map(IvrMenuItem::description).orElse(null));
          json(out, o);
        } else {
          out.println(hit.map(IvrMenuItem::key).orElse("no match"));
          out.flush();
        }
        return hit.isPresent() ? 0 : 1;
      }
      if (json) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("grammar", menu.grammar().format());
        o.set("vosk", MAPPER.readTree(menu.voskGrammar()));
        ArrayNode arr = o.putArray("items");
        for (IvrMenuItem i : menu.items()) {
          ObjectNode n = arr.addObject();
          n.put("key", i.key());
          n.put("description", i.description());
          ArrayNode ph = n.putArray("phrases");
          i.phrases().forEach(ph::add);
        }
        json(out, o);
      } else {
        out.print(menu.grammar().format());
        out.flush();
      }
      return 0;
    }

    private IvrMenuItem item(String s) {
      int eq = s.indexOf('=');
      if (eq < 1) {
        throw new CommandLine.ParameterException(
            spec.commandLine(), "--item '" + s + "': expected KEY[:DESCRIPTION]=PHRASE|PHRASE...");
      }
      String head = s.substring(0, eq);
      String key = head;
      String description = "";
      int colon = head.indexOf(':');
      if (colon >= 0) {
        key = head.substring(0, colon);
        description = head.substring(colon + 1).strip();
      }
      List<String> phrases = new ArrayList<>();
      String rest = s.substring(eq + 1);
      if (!rest.isBlank()) {
        for (String p : rest.split("\\|", -1)) {
          phrases.add(p);
        }
      }
      return new IvrMenuItem(key.strip(), description, phrases);
    }
  }

  /** {@code ecss asr dict}. */
  @Command(
      name = "dict",
      mixinStandardHelpOptions = true,
      description = "CMU Sphinx pronunciation dictionaries (.dic).",
      subcommands = {Dict.Oov.class})
  static final class Dict {

    /** {@code ecss asr dict oov}. */
    @Command(
        name = "oov",
        mixinStandardHelpOptions = true,
        description = "Print the grammar's words missing from the dictionary, one per line.")
    static final class Oov implements Callable<Integer> {
      @Spec CommandSpec spec;

      @Option(names = "--dict", required = true, paramLabel = "FILE", description = "The .dic file, or - for stdin.")
      String dict;

      @Parameters(index = "0", paramLabel = "GRAMMAR", description = "JSGF grammar file, or - for stdin.")
      String grammar;

      @Option(names = "--ignore-case", description = "Compare words in lower case.")
      boolean ignoreCase;

      @Option(names = "--json", description = "Print a JSON array of the missing words.")
      boolean json;

      @Override
      public Integer call() throws IOException {
        if ("-".equals(dict) && "-".equals(grammar)) {
          throw new CommandLine.ParameterException(spec.commandLine(), "only one of --dict and GRAMMAR can be -");
        }
        JsgfGrammar g = readGrammar(grammar);
        PronunciationDictionary d;
        try {
          d = PronunciationDictionary.parse(Inputs.readBytes(dict));
        } catch (DictionaryException e) {
          throw new CliInputException(Inputs.name(dict) + ":" + e.getMessage());
        }
        List<String> missing = d.missing(g.words(), ignoreCase);
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
          json(out, missing);
        } else {
          missing.forEach(out::println);
          out.flush();
        }
        return 0;
      }
    }
  }
}
