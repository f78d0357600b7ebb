package io.ecss.benchmarks.asr;

import io.ecss.asr.recognition.RecognizedWord;
import io.ecss.asr.transcription.SpeakerWords;
import io.ecss.asr.transcription.Transcript;
import io.ecss.asr.transcription.WordLines;
import java.util.ArrayList;
import java.util.List;
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
 * Parsing the transcription service's word-line answer for a one-hour two-speaker call (about
 * 10,000 words). Baseline in the same run: the straightforward parser — split into lines, one
 * regular expression per line, {@code Double.parseDouble} for the numbers.
 */
@State(Scope.Benchmark)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class WordLinesBenchmark {
  static final Pattern HEADER = Pattern.compile("^\\[Абонент:\\s*(.+)\\]\\s*$");
  static final Pattern LINE =
      Pattern.compile("^\\s*(\\S+)\\s+(\\S+)\\s+(\\d+(?:\\.\\d+)?)\\s+(\\d+(?:\\.\\d+)?)\\s+(\\S+)\\s+(\\d+(?:\\.\\d+)?)\\s*$");

  String text;

  @Setup
  public void setUp() {
    Random rnd = new Random(42);
    String[] vocab = {"да", "нет", "алло", "ну", "как", "там", "с", "деньгами", "какими", "хорошо"};
    List<SpeakerWords> speakers = new ArrayList<>();
    for (String label : List.of("А", "Б")) {
      List<RecognizedWord> words = new ArrayList<>();
      long t = 0;
      for (int i = 0; i < 5000; i++) {
        t += 10L * (5 + rnd.nextInt(60));
        long d = 10L * (5 + rnd.nextInt(50));
        words.add(new RecognizedWord(vocab[rnd.nextInt(vocab.length)], t, t + d, rnd.nextInt(101) / 100.0));
        t += d;
      }
      speakers.add(new SpeakerWords(label, words));
    }
    text = WordLines.format(new Transcript(speakers));
  }

  @Benchmark
  public Transcript parseOurs() {
    return WordLines.parse(text);
  }

  @Benchmark
  public Transcript parseRegexBaseline() {
    List<SpeakerWords> speakers = new ArrayList<>();
    String label = null;
    List<RecognizedWord> words = new ArrayList<>();
    for (String line : text.lines().toList()) {
      if (line.isBlank()) {
        continue;
      }
      Matcher h = HEADER.matcher(line);
      if (h.matches()) {
        if (label != null) {
          speakers.add(new SpeakerWords(label, words));
        }
        label = h.group(1);
        words = new ArrayList<>();
        continue;
      }
      Matcher m = LINE.matcher(line);
      if (!m.matches()) {
        throw new IllegalArgumentException("bad line: " + line);
      }
      long start = Math.round(Double.parseDouble(m.group(3)) * 1000);
      long dur = Math.round(Double.parseDouble(m.group(4)) * 1000);
      words.add(new RecognizedWord(m.group(5), start, start + dur, Double.parseDouble(m.group(6))));
    }
    if (label != null) {
      speakers.add(new SpeakerWords(label, words));
    }
    return new Transcript(speakers);
  }
}
