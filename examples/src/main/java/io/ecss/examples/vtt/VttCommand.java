package io.ecss.examples.vtt;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ecss.examples.CliInputException;
import io.ecss.examples.Inputs;
import io.ecss.webvtt.CueNode;
import io.ecss.webvtt.CueText;
import io.ecss.webvtt.TranscriptCues;
import io.ecss.webvtt.TranscriptWord;
import io.ecss.webvtt.WebVttCue;
import io.ecss.webvtt.WebVttCueSettings;
import io.ecss.webvtt.WebVttFile;
import io.ecss.webvtt.WebVttParseException;
import io.ecss.webvtt.WebVttParseResult;
import io.ecss.webvtt.WebVttParser;
import io.ecss.webvtt.WebVttProblem;
import io.ecss.webvtt.WebVttRegion;
import java.io.IOException;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code ecss vtt}: call transcripts to WebVTT, and the W3C WebVTT parser and writer. */
@Command(
    name = "vtt",
    mixinStandardHelpOptions = true,
    description = "WebVTT: transcripts to speaker cues, spec-exact parsing, canonical formatting.",
    subcommands = {
      VttCommand.FromWords.class,
      VttCommand.Parse.class,
      VttCommand.Format.class,
    })
public final class VttCommand {

  /** Creates the command; picocli calls this. */
  public VttCommand() {}

  static final ObjectMapper MAPPER =
      new ObjectMapper()
          .enable(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN)
          .disable(SerializationFeature.INDENT_OUTPUT);

  /** Parses input bytes; a bad signature or a limit becomes a one-line error naming the input. */
  static WebVttParseResult read(String file, boolean lenient) throws IOException {
    byte[] bytes = Inputs.readBytes(file);
    try {
      return (lenient ? WebVttParser.lenient() : WebVttParser.strict()).parse(bytes);
    } catch (WebVttParseException e) {
      throw new CliInputException(Inputs.name(file) + ": " + e.getMessage());
    }
  }

  /** {@code ecss vtt from-words}. */
  @Command(
      name = "from-words",
      mixinStandardHelpOptions = true,
      description = {
        "Turn the transcription service's word lines ([Абонент: А] / [Абонент: Б] sections,"
            + " lines '<utt> 1 <start> <dur> <word> <conf>') into WebVTT speaker cues.",
        "Channel А is the calling party, Б the called party."
      })
  static final class FromWords implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--calling", paramLabel = "NAME", description = "Voice name of channel А (default: А).")
    String calling = "А";

    @Option(names = "--called", paramLabel = "NAME", description = "Voice name of channel Б (default: Б).")
    String called = "Б";

    @Option(names = "--max-gap", paramLabel = "MS", description = "Longest pause inside a cue, ms (default: 2000).")
    long maxGap = TranscriptCues.DEFAULT_MAX_GAP;

    @Option(names = "--max-duration", paramLabel = "MS", description = "Longest cue, ms (default: 7000).")
    long maxDuration = TranscriptCues.DEFAULT_MAX_DURATION;

    @Option(names = "--max-chars", paramLabel = "N", description = "Longest cue text, characters (default: 84).")
    int maxChars = TranscriptCues.DEFAULT_MAX_CHARS;

    @Parameters(index = "0", arity = "0..1", paramLabel = "FILE", description = "Word lines, or - for standard input (default).")
    String file = "-";

    @Override
    public Integer call() throws IOException {
      if (maxGap < 0 || maxDuration < 0 || maxChars < 1) {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(),
            "--max-gap and --max-duration must be >= 0, --max-chars >= 1");
      }
      List<TranscriptWord> words = WordLines.parse(Inputs.readText(file), Inputs.name(file));
      TranscriptCues grouping = new TranscriptCues(maxGap, maxDuration, maxChars,
          Map.of("А", calling, "Б", called));
      PrintWriter out = spec.commandLine().getOut();
      out.print(grouping.toFile(words).format());
      out.flush();
      return 0;
    }
  }

  /** {@code ecss vtt parse}. */
  @Command(
      name = "parse",
      mixinStandardHelpOptions = true,
      description = {
        "Parse WebVTT with the W3C algorithm and print the cues (VTTCue properties), regions"
            + " (VTTRegion properties) and what was skipped.",
        "A file that fails the signature check is an error (exit 1)."
      })
  static final class Parse implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--lenient", description = "Also read the ECSS /trans/vtt quirks (00:00:6.720, '<v> Name>' lines).")
    boolean lenient;

    @Option(names = "--json", description = "Print one JSON object {\"cues\":[…],\"regions\":[…],\"errors\":[…]}.")
    boolean json;

    @Parameters(index = "0", paramLabel = "FILE", description = "WebVTT file, or - for standard input.")
    String file;

    @Override
    public Integer call() throws IOException {
      WebVttParseResult r = read(file, lenient);
      PrintWriter out = spec.commandLine().getOut();
      if (json) {
        out.println(MAPPER.writeValueAsString(toJson(r)));
      } else {
        WebVttFile f = r.file();
        // Built first, so a cue text over a limit fails before anything is printed.
        StringBuilder text = new StringBuilder();
        text.append(f.cues().size()).append(" cue(s), ").append(f.regions().size())
            .append(" region(s), ").append(f.styleSheets().size()).append(" style sheet(s), ")
            .append(f.comments().size()).append(" comment(s)\n");
        for (int i = 0; i < f.cues().size(); i++) {
          WebVttCue c = f.cues().get(i);
          List<CueNode> nodes;
          try {
            nodes = c.nodes();
          } catch (WebVttParseException e) {
            // The position is inside the payload: say which cue it is.
            throw new CliInputException(Inputs.name(file) + ": cue "
                + (c.id().isEmpty() ? "#" + (i + 1) : "\"" + c.id() + "\"") + " at "
                + seconds(c.startTime()) + ": " + e.getMessage() + " of its text");
          }
          List<String> voices = CueText.voices(nodes);
          text.append(c.id().isEmpty() ? "-" : c.id()).append("  ").append(seconds(c.startTime()))
              .append(" --> ").append(seconds(c.endTime())).append("  ")
              .append(voices.isEmpty() ? "" : voices + " ")
              .append(CueText.plainText(nodes).replace("\n", " / ")).append('\n');
        }
        for (WebVttProblem p : r.problems()) {
          text.append("problem: ").append(p).append('\n');
        }
        out.print(text);
      }
      out.flush();
      return 0;
    }
  }

  /** {@code ecss vtt format}. */
  @Command(
      name = "format",
      mixinStandardHelpOptions = true,
      description = "Parse WebVTT and write it back canonically (what was skipped goes to standard error).")
  static final class Format implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--lenient", description = "Also read the ECSS /trans/vtt quirks and repair them.")
    boolean lenient;

    @Parameters(index = "0", paramLabel = "FILE", description = "WebVTT file, or - for standard input.")
    String file;

    @Override
    public Integer call() throws IOException {
      WebVttParseResult r = read(file, lenient);
      PrintWriter err = spec.commandLine().getErr();
      for (WebVttProblem p : r.problems()) {
        err.println("ecss vtt format: " + Inputs.name(file) + ": " + p);
      }
      err.flush();
      PrintWriter out = spec.commandLine().getOut();
      out.print(r.file().format());
      out.flush();
      return 0;
    }
  }

  static String seconds(long ms) {
    return String.format(java.util.Locale.ROOT, "%02d:%02d:%02d.%03d", ms / 3_600_000,
        ms / 60_000 % 60, ms / 1000 % 60, ms % 1000);
  }

  static ObjectNode toJson(WebVttParseResult r) {
    JsonNodeFactory f = JsonNodeFactory.instance;
    ObjectNode root = f.objectNode();
    ArrayNode cues = root.putArray("cues");
    WebVttFile file = r.file();
    for (WebVttCue c : file.cues()) {
      WebVttCueSettings s = c.settings();
      ObjectNode o = cues.addObject();
      o.put("id", c.id());
      o.put("startTime", time(c.startTime()));
      o.put("endTime", time(c.endTime()));
      o.put("text", c.text());
      o.put("align", s.align().keyword());
      if (s.line().isPresent()) {
        o.set("line", number(s.line().getAsDouble()));
      } else {
        o.put("line", "auto");
      }
      o.put("snapToLines", s.snapToLines());
      o.put("lineAlign", s.lineAlign().keyword());
      if (s.position().isPresent()) {
        o.set("position", number(s.position().getAsDouble()));
      } else {
        o.put("position", "auto");
      }
      o.put("positionAlign", s.positionAlign().keyword());
      o.set("size", number(s.size()));
      o.put("vertical", s.vertical().keyword());
      Optional<WebVttRegion> region = file.region(c);
      if (region.isPresent()) {
        o.set("region", region(region.get()));
      } else {
        o.putNull("region");
      }
    }
    ArrayNode regions = root.putArray("regions");
    for (WebVttRegion reg : file.regions()) {
      regions.add(region(reg));
    }
    ArrayNode errors = root.putArray("errors");
    for (WebVttProblem p : r.problems()) {
      ObjectNode e = errors.addObject();
      e.put("line", p.line());
      e.put("column", p.column());
      e.put("message", p.message());
    }
    return root;
  }

  private static ObjectNode region(WebVttRegion r) {
    ObjectNode o = JsonNodeFactory.instance.objectNode();
    o.put("id", r.id());
    o.set("width", number(r.width()));
    o.put("lines", r.lines());
    o.set("regionAnchorX", number(r.regionAnchorX()));
    o.set("regionAnchorY", number(r.regionAnchorY()));
    o.set("viewportAnchorX", number(r.viewportAnchorX()));
    o.set("viewportAnchorY", number(r.viewportAnchorY()));
    o.put("scroll", r.scroll().keyword());
    return o;
  }

  /** Milliseconds as exact seconds: 990 → 0.99, 1000 → 1. */
  static BigDecimal time(long ms) {
    return BigDecimal.valueOf(ms, 3).stripTrailingZeros();
  }

  private static com.fasterxml.jackson.databind.JsonNode number(double d) {
    if (d == Math.rint(d) && Math.abs(d) < 1e15) {
      return JsonNodeFactory.instance.numberNode((long) d);
    }
    return JsonNodeFactory.instance.numberNode(d);
  }
}
