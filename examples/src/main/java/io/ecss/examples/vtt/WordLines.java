package io.ecss.examples.vtt;

import io.ecss.examples.CliInputException;
import io.ecss.webvtt.TranscriptWord;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the ECSS transcription service's word-line format (the {@code /trans} answer; manual,
 * "Транскрибирование разговоров"): per channel a header {@code [Абонент: А]} or {@code [Абонент:
 * Б]}, then one line per word {@code <utterance> <channel> <start> <duration> <word>
 * [<confidence>]} with times in seconds; blank lines between sections. Speaker labels are the
 * section names ({@code А}, {@code Б}).
 */
final class WordLines {
  private static final Pattern SECTION = Pattern.compile("\\[\\s*Абонент\\s*:\\s*([^\\]]*?)\\s*\\]");
  private static final Pattern SPACE = Pattern.compile("[ \\t]+");

  private WordLines() {}

  static List<TranscriptWord> parse(String text, String name) {
    List<TranscriptWord> words = new ArrayList<>();
    String speaker = null;
    int lineNo = 0;
    int start = 0;
    if (text.startsWith("\uFEFF")) {
      start = 1;
    }
    while (start <= text.length()) {
      int lf = text.indexOf('\n', start);
      int end = lf < 0 ? text.length() : lf;
      String line = text.substring(start, end).strip();
      lineNo++;
      start = end + 1;
      if (line.isEmpty()) {
        if (lf < 0) {
          break;
        }
        continue;
      }
      Matcher m = SECTION.matcher(line);
      if (m.matches()) {
        speaker = m.group(1);
        if (speaker.isEmpty()) {
          throw new CliInputException(name + ":" + lineNo + ": empty speaker in section header");
        }
      } else {
        if (speaker == null) {
          throw new CliInputException(name + ":" + lineNo
              + ": word line before the first [Абонент: X] section header: " + shorten(line));
        }
        words.add(word(SPACE.split(line), speaker, name, lineNo, line));
      }
      if (lf < 0) {
        break;
      }
    }
    return words;
  }

  private static TranscriptWord word(String[] f, String speaker, String name, int lineNo, String line) {
    if (f.length != 5 && f.length != 6) {
      throw new CliInputException(name + ":" + lineNo
          + ": expected '<utterance> <channel> <start> <duration> <word> [<confidence>]', found "
          + f.length + " fields: " + shorten(line));
    }
    long startMs = millis(f[2], "start", name, lineNo);
    long durMs = millis(f[3], "duration", name, lineNo);
    double conf = 1;
    if (f.length == 6) {
      try {
        conf = Double.parseDouble(f[5]);
      } catch (NumberFormatException e) {
        conf = Double.NaN;
      }
      if (!(conf >= 0 && conf <= 1)) {
        throw new CliInputException(name + ":" + lineNo + ": confidence " + f[5] + " is not a number 0..1");
      }
    }
    return new TranscriptWord(speaker, startMs, startMs + durMs, f[4],
        f.length == 6 ? OptionalDouble.of(conf) : OptionalDouble.empty());
  }

  /** Seconds with a decimal fraction to exact milliseconds (half-even beyond 3 decimals). */
  private static long millis(String s, String what, String name, int lineNo) {
    BigDecimal v;
    try {
      v = new BigDecimal(s);
    } catch (NumberFormatException e) {
      throw new CliInputException(name + ":" + lineNo + ": " + what + " " + shorten(s) + " is not a number of seconds");
    }
    if (v.signum() < 0 || v.compareTo(BigDecimal.valueOf(1_000_000_000L)) > 0) {
      throw new CliInputException(name + ":" + lineNo + ": " + what + " " + s + " out of range 0..1000000000 s");
    }
    return v.movePointRight(3).setScale(0, RoundingMode.HALF_EVEN).longValueExact();
  }

  private static String shorten(String s) {
    return s.length() > 60 ? s.substring(0, 57) + "..." : s;
  }
}
