package io.ecss.benchmarks.asr;

import io.ecss.asr.jsgf.ExpansionLimits;
import io.ecss.asr.jsgf.JsgfExpander;
import io.ecss.asr.jsgf.JsgfGrammar;
import io.ecss.asr.jsgf.JsgfGrammarSet;
import io.ecss.asr.jsgf.JsgfMatch;
import io.ecss.asr.jsgf.JsgfMatcher;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
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
 * ecss-asr-client JSGF: parsing a 1 MB grammar, expanding an IVR grammar of 50 items × 10 phrases
 * (500 phrases), and matching 1,000 recognised utterances (70 % in the grammar, 30 % not) against
 * it with the token automaton — versus the baseline in the same run: expand the grammar to a
 * phrase list and test each utterance's membership by linear scan.
 *
 * <p>Every op handles the whole workload (one parse, one expansion, or all 1,000 utterances).
 * {@code match*} start from the recogniser's text (split into words by the matcher); the
 * baselines compare that text with each phrase. {@code *WithSetup} variants include compiling the
 * automaton or expanding the list in every op.
 */
@State(Scope.Benchmark)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class JsgfBenchmark {
  static final String[] VOCAB = {
    "да", "нет", "конечно", "не", "надо", "оператор", "баланс", "тариф", "счёт", "оплата",
    "перевод", "звонок", "меню", "назад", "повторите", "пожалуйста", "интернет", "роуминг",
    "блокировка", "номер", "отдел", "продаж", "поддержка", "справка", "адрес", "время", "работы",
    "один", "два", "три", "четыре", "пять", "связь", "жалоба", "заявка", "статус", "доставка"
  };

  String bigGrammar;
  JsgfGrammarSet ivr;
  JsgfMatcher matcher;
  List<String> phrases;
  List<String> utterances;

  @Setup
  public void setUp() {
    Random r = new Random(42);
    StringBuilder big = new StringBuilder("#JSGF V1.0 UTF-8 ru;\ngrammar big;\n");
    for (int i = 0; big.length() < 1 << 20; i++) {
      big.append("/** rule ").append(i).append(" */\n");
      big.append(i % 10 == 0 ? "public " : "").append("<r").append(i).append("> = ");
      for (int a = 0; a < 4; a++) {
        if (a > 0) {
          big.append(" | ");
        }
        big.append("/").append(1 + r.nextInt(9)).append("/ ");
        big.append(word(r)).append(' ').append(word(r));
        big.append(" [").append(word(r)).append("]");
        if (i > 0 && a == 3) {
          big.append(" <r").append(r.nextInt(i)).append(">");
        }
        big.append(" {tag").append(a).append("}");
      }
      big.append(" \"quoted token\"*;\n");
    }
    bigGrammar = big.toString();

    StringBuilder g = new StringBuilder("#JSGF V1.0 UTF-8 ru;\ngrammar ivr;\npublic <menu> = ");
    Set<String> used = new LinkedHashSet<>();
    List<String> items = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      List<String> ps = new ArrayList<>();
      while (ps.size() < 10) {
        String p = word(r) + (r.nextBoolean() ? " " + word(r) : "") + (r.nextInt(3) == 0 ? " " + word(r) : "");
        if (used.add(p)) {
          ps.add(p);
        }
      }
      g.append(i > 0 ? " | " : "").append("<item").append(i).append(">");
      items.add("<item" + i + "> = (" + String.join(" | ", ps) + ") {" + i + "};\n");
    }
    g.append(";\n");
    items.forEach(g::append);
    ivr = JsgfGrammarSet.of(JsgfGrammar.parse(g.toString()));
    matcher = JsgfMatcher.compile(ivr, "menu");
    phrases = JsgfExpander.expand(ivr, "menu");
    utterances = new ArrayList<>();
    for (int i = 0; i < 1000; i++) {
      if (r.nextInt(10) < 7) {
        utterances.add(phrases.get(r.nextInt(phrases.size())));
      } else {
        String u;
        do {
          u = word(r) + " " + word(r) + " " + word(r);
        } while (used.contains(u));
        utterances.add(u);
      }
    }
  }

  static String word(Random r) {
    return VOCAB[r.nextInt(VOCAB.length)];
  }

  @Benchmark
  public JsgfGrammar parse1MbGrammar() {
    return JsgfGrammar.parse(bigGrammar);
  }

  @Benchmark
  public List<String> expandIvr50x10() {
    return JsgfExpander.expand(ivr, "menu", ExpansionLimits.DEFAULT);
  }

  @Benchmark
  public int match1000Automaton() {
    int tagSum = 0;
    for (String u : utterances) {
      JsgfMatch m = matcher.match(u);
      if (m.matched()) {
        tagSum += m.tags().get(0).length();
      }
    }
    return tagSum;
  }

  @Benchmark
  public int match1000AutomatonWithSetup() {
    JsgfMatcher m = JsgfMatcher.compile(ivr, "menu");
    int hits = 0;
    for (String u : utterances) {
      if (m.match(u).matched()) {
        hits++;
      }
    }
    return hits;
  }

  @Benchmark
  public int match1000BaselineLinearScan() {
    return scan(phrases);
  }

  @Benchmark
  public int match1000BaselineWithSetup() {
    return scan(JsgfExpander.expand(ivr, "menu"));
  }

  private int scan(List<String> list) {
    int hits = 0;
    for (String u : utterances) {
      for (int i = 0, n = list.size(); i < n; i++) {
        if (list.get(i).equals(u)) {
          hits++;
          break;
        }
      }
    }
    return hits;
  }
}
