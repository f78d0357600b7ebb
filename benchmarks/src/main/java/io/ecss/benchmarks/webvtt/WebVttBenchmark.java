package io.ecss.benchmarks.webvtt;

import io.ecss.webvtt.TranscriptCues;
import io.ecss.webvtt.TranscriptWord;
import io.ecss.webvtt.WebVttFile;
import io.ecss.webvtt.WebVttParser;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * ecss-webvtt writer and parser against the straightforward implementation (String.format
 * timestamps and String.replace escaping; regex line parsing) in the same run.
 *
 * <p>Writer: a one-hour, two-speaker call of 10,000 words grouped into speaker cues and written.
 * Parser: a 5 MB WebVTT file (about 60,000 cues with identifiers, some settings, voice spans).
 * Divide {@code gc.alloc.rate.norm} by {@link #transcriptCues} or {@link #fileCues} (printed at
 * setup) for the allocation per cue.
 */
@State(Scope.Benchmark)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class WebVttBenchmark {

  static final TranscriptCues GROUPING =
      TranscriptCues.DEFAULT.withVoiceNames(Map.of("A", "Алиса", "B", "Боб"));

  List<TranscriptWord> words;
  String file;
  int transcriptCues;
  int fileCues;

  @Setup
  public void setUp() {
    words = call(new Random(42), 10_000, 3_600_000);
    transcriptCues = GROUPING.toCues(words).size();
    file = bigFile(new Random(7), 5_000_000);
    fileCues = WebVttParser.strict().parse(file).file().cues().size();
    if (!baselineFormat(words).equals(GROUPING.toFile(words).format())) {
      throw new IllegalStateException("baseline writer differs from ecss-webvtt");
    }
    if (baselineParse(file).size() != fileCues) {
      throw new IllegalStateException("baseline parser found another number of cues");
    }
  }

  /** Two speakers taking turns of 1-30 words over {@code durationMs}. */
  static List<TranscriptWord> call(Random r, int count, long durationMs) {
    String[] vocabulary = {"да", "алло", "ну", "как", "там", "с", "деньгами", "какими", "хорошо",
      "перезвоню", "завтра", "договор", "оплата", "счёт", "номер", "P&L", "<важно>", "нет"};
    List<TranscriptWord> out = new ArrayList<>(count);
    long step = durationMs / count;
    long t = 0;
    String speaker = "A";
    int turnLeft = 1 + r.nextInt(30);
    for (int i = 0; i < count; i++) {
      long dur = step / 2 + r.nextInt((int) step / 2);
      out.add(new TranscriptWord(speaker, t, t + dur, vocabulary[r.nextInt(vocabulary.length)],
          OptionalDouble.of(r.nextInt(101) / 100.0)));
      t += step + (r.nextInt(10) == 0 ? r.nextInt(3000) : 0) / 10;
      if (--turnLeft == 0) {
        speaker = speaker.equals("A") ? "B" : "A";
        turnLeft = 1 + r.nextInt(30);
      }
    }
    return out;
  }

  /** A WebVTT file of at least {@code chars} characters. */
  static String bigFile(Random r, int chars) {
    StringBuilder sb = new StringBuilder(chars + 200);
    sb.append("WEBVTT - benchmark\n");
    long t = 0;
    int id = 1;
    String[] settings = {"", "", "", " align:start", " line:-2 position:10%,line-left", " size:80%"};
    while (sb.length() < chars) {
      sb.append('\n').append(id++).append('\n');
      long end = t + 500 + r.nextInt(4000);
      appendTs(sb, t).append(" --> ");
      appendTs(sb, end).append(settings[r.nextInt(settings.length)]).append('\n');
      sb.append(r.nextBoolean() ? "<v Алиса>" : "<v Боб>").append("ну как там с деньгами, договор")
          .append(r.nextInt(1000)).append(" &amp; счёт</v>\n");
      if (r.nextInt(4) == 0) {
        sb.append("вторая строка\n");
      }
      t = end + r.nextInt(500);
    }
    return sb.toString();
  }

  private static StringBuilder appendTs(StringBuilder sb, long ms) {
    return sb.append(String.format(Locale.ROOT, "%02d:%02d:%02d.%03d",
        ms / 3_600_000, ms / 60_000 % 60, ms / 1000 % 60, ms % 1000));
  }

  @Benchmark
  public String formatTranscript() {
    return GROUPING.toFile(words).format();
  }

  @Benchmark
  public String formatTranscriptBaseline() {
    return baselineFormat(words);
  }

  @Benchmark
  public WebVttFile parse5MB() {
    return WebVttParser.strict().parse(file).file();
  }

  @Benchmark
  public List<BaselineCue> parse5MBBaseline() {
    return baselineParse(file);
  }

  // ---------------------------------------------------------------------------------------------
  // Baseline: what a competent engineer writes first.

  static String baselineFormat(List<TranscriptWord> input) {
    List<TranscriptWord> sorted = new ArrayList<>(input);
    sorted.sort(Comparator.comparingLong(TranscriptWord::start));
    StringBuilder out = new StringBuilder("WEBVTT\n");
    String speaker = null;
    long start = 0;
    long end = 0;
    String text = "";
    int id = 0;
    for (TranscriptWord w : sorted) {
      boolean join = w.speaker().equals(speaker)
          && w.start() - end <= GROUPING.maxGap()
          && Math.max(end, w.end()) - start <= GROUPING.maxDuration()
          && text.length() + 1 + w.text().length() <= GROUPING.maxChars();
      if (join) {
        text = text + " " + w.text();
        end = Math.max(end, w.end());
      } else {
        if (speaker != null) {
          out.append(baselineCue(++id, speaker, start, end, text));
        }
        speaker = w.speaker();
        start = w.start();
        end = w.end();
        text = w.text();
      }
    }
    if (speaker != null) {
      out.append(baselineCue(++id, speaker, start, end, text));
    }
    return out.toString();
  }

  private static String baselineCue(int id, String speaker, long start, long end, String text) {
    String name = GROUPING.voiceNames().getOrDefault(speaker, speaker);
    return "\n" + id + "\n" + baselineTs(start) + " --> " + baselineTs(Math.max(end, start + 1)) + "\n"
        + "<v " + escape(name) + ">" + escape(text) + "</v>\n";
  }

  private static String baselineTs(long ms) {
    return String.format("%02d:%02d:%02d.%03d",
        ms / 3_600_000, ms / 60_000 % 60, ms / 1000 % 60, ms % 1000);
  }

  private static String escape(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }

  /** A parsed cue of the baseline parser. */
  public record BaselineCue(String id, long start, long end, String settings, String text) {}

  private static final Pattern LINES = Pattern.compile("\r\n|\r|\n");
  private static final Pattern TIMING = Pattern.compile(
      "^\\s*(?:(\\d+):)?(\\d{2}):(\\d{2})\\.(\\d{3})[ \\t]+-->[ \\t]+(?:(\\d+):)?(\\d{2}):(\\d{2})\\.(\\d{3})(.*)$");

  static List<BaselineCue> baselineParse(String text) {
    String[] lines = LINES.split(text, -1);
    if (!lines[0].startsWith("WEBVTT")) {
      throw new IllegalArgumentException("not WebVTT");
    }
    List<BaselineCue> cues = new ArrayList<>();
    int i = 1;
    while (i < lines.length) {
      while (i < lines.length && lines[i].isEmpty()) {
        i++;
      }
      if (i >= lines.length) {
        break;
      }
      String id = "";
      Matcher m = TIMING.matcher(lines[i]);
      if (!m.matches() && i + 1 < lines.length) {
        id = lines[i];
        m = TIMING.matcher(lines[++i]);
      }
      if (!m.matches()) {
        while (i < lines.length && !lines[i].isEmpty()) {
          i++;
        }
        continue;
      }
      long start = ms(m, 1);
      long end = ms(m, 5);
      String settings = m.group(9).trim();
      StringBuilder payload = new StringBuilder();
      i++;
      while (i < lines.length && !lines[i].isEmpty()) {
        if (payload.length() > 0) {
          payload.append('\n');
        }
        payload.append(lines[i++]);
      }
      cues.add(new BaselineCue(id, start, end, settings, payload.toString()));
    }
    return cues;
  }

  private static long ms(Matcher m, int g) {
    long h = m.group(g) == null ? 0 : Long.parseLong(m.group(g));
    return h * 3_600_000 + Long.parseLong(m.group(g + 1)) * 60_000
        + Long.parseLong(m.group(g + 2)) * 1000 + Long.parseLong(m.group(g + 3));
  }
}
