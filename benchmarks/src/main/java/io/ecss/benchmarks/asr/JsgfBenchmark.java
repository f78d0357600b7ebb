package io.ecss.benchmarks.asr;

import io.ecss.asr.jsgf.ExpansionLimits;
import io.ecss.asr.jsgf.JsgfExpander;
import io.ecss.asr.jsgf.JsgfGrammar;
import io.ecss.asr.jsgf.JsgfGrammarSet;
import io.ecss.asr.jsgf.JsgfMatch;
import io.ecss.asr.jsgf.JsgfMatcher;
import io.ecss.asr.jsgf.MatchOptions;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
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
 * (500 phrases of 1–3 words, one tag per item), and matching 1,000 recognised utterances (70 % in
 * the grammar, 30 % not) against it — versus the baseline in the same run: the grammar expanded to
 * a list of (phrase, tags) pairs scanned linearly for each utterance.
 *
 * <p>Both sides do the same job on the recogniser's text: fold case and {@code ё} to {@code е}
 * ({@link MatchOptions#DEFAULT}), treat a whitespace run as one separator and ignore leading and
 * trailing whitespace, decide membership and return the tags of the matching phrase. Ours is
 * {@link JsgfMatcher#match(String)} (the rule's language is finite and small, so it runs on the
 * character automaton). The baseline is what a competent engineer writes first: at setup, expand
 * every item rule and pair each phrase, lower-cased (root locale) with {@code ё} replaced, with the
 * item's tag; per utterance, one pass collapsing whitespace runs and trimming, {@code
 * toLowerCase(Locale.ROOT)}, {@code replace('ё', 'е')}, then a scan of the pairs with {@code
 * String.equals} that stops at the first hit and returns its tags. Setup checks that both give the
 * same tags for every utterance.
 *
 * <p>The utterances are what Vosk returns: lower case, single spaces, each a string object of its
 * own (never one the expander or the matcher holds). Our matcher answers text in
 * that canonical form from its phrase index (one hash probe on the length and four sampled
 * characters, then {@code String.equals}) and anything else with the character automaton; the
 * {@code *Capitalised} pair measures that automaton path: the same utterances with the first letter
 * upper-cased and, for every third, a leading space and doubled spaces between words.
 *
 * <p>Every op handles the whole workload (one parse, one expansion, or all 1,000 utterances) and
 * sums the tag lengths of the hits. {@code *WithSetup} variants include compiling the matcher or
 * expanding the pair list in every op.
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
  List<Pair> pairs;
  List<String> utterances;
  List<String> capitalised;

  /**
   * One phrase of the baseline list.
   *
   * @param phrase the phrase, normalised as {@link #normalise} does
   * @param tags the item's tags
   */
  record Pair(String phrase, List<String> tags) {}

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
    matcher = JsgfMatcher.compile(ivr, "menu", MatchOptions.DEFAULT);
    phrases = JsgfExpander.expand(ivr, "menu");
    pairs = pairs(ivr);
    utterances = new ArrayList<>();
    for (int i = 0; i < 1000; i++) {
      if (r.nextInt(10) < 7) {
        // A fresh copy, as a recogniser returns it: the expander's own string object could be the
        // very object a matcher keeps, and String.equals would then answer by identity.
        utterances.add(new String(phrases.get(r.nextInt(phrases.size())).toCharArray()));
      } else {
        String u;
        do {
          u = word(r) + " " + word(r) + " " + word(r);
        } while (used.contains(u));
        utterances.add(u);
      }
    }
    capitalised = new ArrayList<>();
    for (int i = 0; i < utterances.size(); i++) {
      String u = utterances.get(i);
      String c = Character.toUpperCase(u.charAt(0)) + u.substring(1);
      capitalised.add(i % 3 == 0 ? " " + c.replace(" ", "  ") : c);
    }
    List<String> all = new ArrayList<>(utterances);
    all.addAll(capitalised);
    for (String u : all) {
      JsgfMatch m = matcher.match(u);
      List<String> b = lookUp(pairs, u);
      if (m.matched() != (b != null) || (b != null && !b.equals(m.tags()))) {
        throw new IllegalStateException("baseline and matcher disagree on " + u);
      }
    }
  }

  static String word(Random r) {
    return VOCAB[r.nextInt(VOCAB.length)];
  }

  /** The baseline list: every item rule expanded, each phrase paired with the item's tag. */
  static List<Pair> pairs(JsgfGrammarSet ivr) {
    List<Pair> out = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      List<String> tags = List.of(String.valueOf(i));
      for (String p : JsgfExpander.expand(ivr, "item" + i)) {
        out.add(new Pair(normalise(p), tags));
      }
    }
    return out;
  }

  /** Lower case, ё as е, whitespace runs as one space, no leading or trailing whitespace. */
  static String normalise(String text) {
    StringBuilder sb = new StringBuilder(text.length());
    boolean gap = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
        gap = sb.length() > 0;
      } else {
        if (gap) {
          sb.append(' ');
          gap = false;
        }
        sb.append(c);
      }
    }
    return sb.toString().toLowerCase(Locale.ROOT).replace('ё', 'е');
  }

  /** The tags of the phrase equal to the normalised utterance, or null. */
  static List<String> lookUp(List<Pair> list, String utterance) {
    String u = normalise(utterance);
    for (int i = 0, n = list.size(); i < n; i++) {
      Pair p = list.get(i);
      if (p.phrase().equals(u)) {
        return p.tags();
      }
    }
    return null;
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
  public int match1000AutomatonCapitalised() {
    int tagSum = 0;
    for (String u : capitalised) {
      JsgfMatch m = matcher.match(u);
      if (m.matched()) {
        tagSum += m.tags().get(0).length();
      }
    }
    return tagSum;
  }

  @Benchmark
  public int match1000AutomatonWithSetup() {
    JsgfMatcher m = JsgfMatcher.compile(ivr, "menu", MatchOptions.DEFAULT);
    int tagSum = 0;
    for (String u : utterances) {
      JsgfMatch r = m.match(u);
      if (r.matched()) {
        tagSum += r.tags().get(0).length();
      }
    }
    return tagSum;
  }

  @Benchmark
  public int match1000BaselineLinearScan() {
    return scan(pairs);
  }

  @Benchmark
  public int match1000BaselineCapitalised() {
    return scan(pairs, capitalised);
  }

  @Benchmark
  public int match1000BaselineWithSetup() {
    return scan(pairs(ivr));
  }

  private int scan(List<Pair> list) {
    return scan(list, utterances);
  }

  private static int scan(List<Pair> list, List<String> texts) {
    int tagSum = 0;
    for (String u : texts) {
      List<String> tags = lookUp(list, u);
      if (tags != null) {
        tagSum += tags.get(0).length();
      }
    }
    return tagSum;
  }
}
