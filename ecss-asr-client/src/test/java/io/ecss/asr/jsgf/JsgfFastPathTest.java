package io.ecss.asr.jsgf;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.nio.CharBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The character automaton (with its canonical-text index) against the token automaton: same
 * membership and tags for every input, and the switch between them.
 */
class JsgfFastPathTest {
  static final String H = "#JSGF V1.0 UTF-8 ru;\ngrammar g;\n";
  static final MatchOptions[] OPTIONS = {
    MatchOptions.DEFAULT,
    MatchOptions.EXACT,
    new MatchOptions(true, false, 1_000_000),
    new MatchOptions(false, true, 1_000_000)
  };
  static final String[] SPACES = {" ", "  ", "\t", "\u00a0", " \n ", "\u3000"};

  static JsgfGrammarSet set(String rules) {
    return JsgfGrammarSet.of(JsgfGrammar.parse(H + rules));
  }

  static JsgfMatcher fast(JsgfGrammarSet set, String rule, MatchOptions o) {
    return JsgfMatcher.compile(set, rule, o);
  }

  /** The reference: the same word-level automaton without the character automaton. */
  static JsgfMatcher tokens(JsgfGrammarSet set, String rule, MatchOptions o) {
    return JsgfMatcher.compile(
        set, rule, o, JsgfMatcher.DEFAULT_MAX_DFA_STATES, CharDfa.Limits.NONE);
  }

  static void assertAgree(JsgfMatcher fast, JsgfMatcher ref, String text, String ctx) {
    JsgfMatch expected = ref.match(text);
    String as = ctx + "\ntext: [" + text + "]";
    assertThat(fast.match(text)).as(as).isEqualTo(expected);
    assertThat(fast.match((CharSequence) CharBuffer.wrap(text))).as(as).isEqualTo(expected);
    assertThat(fast.matches(text)).as(as).isEqualTo(expected.matched());
    assertThat(fast.matches(CharBuffer.wrap(text))).as(as).isEqualTo(expected.matched());
    assertThat(ref.matches(text)).as(as).isEqualTo(expected.matched());
    List<String> words = Words.split(text);
    assertThat(fast.match(words)).as(as).isEqualTo(ref.match(words));
    assertThat(fast.matches(words)).as(as).isEqualTo(ref.matches(words));
  }

  static LongStream batches() {
    return LongStream.range(0, 8);
  }

  /**
   * Generated finite grammars (plain and wild tokens: Cyrillic, ё, quotes, punctuation, tags with
   * braces), four option sets: every phrase, its case and ё variants, spacing variants and
   * mutations give the same match and tags on both paths.
   */
  @ParameterizedTest
  @MethodSource("batches")
  void agreesWithTokenAutomatonOnGeneratedGrammars(long batch) {
    int withFastPath = 0;
    for (long seed = 20_000 + batch * 40; seed < 20_000 + batch * 40 + 40; seed++) {
      GrammarGen gen = new GrammarGen(seed, seed % 2 == 0, true);
      JsgfGrammar g = gen.grammar();
      if (!g.imports().isEmpty() || g.format().contains("x.y.rule")) {
        gen = new GrammarGen(seed, false, true);
        g = gen.grammar();
      }
      JsgfGrammarSet set = JsgfGrammarSet.of(g);
      String rule = g.rules().get(g.rules().size() - 1).name();
      List<String> phrases;
      try {
        phrases = JsgfExpander.expand(set, rule, ExpansionLimits.DEFAULT.withMaxPhrases(2_000));
      } catch (JsgfException tooMany) {
        continue;
      }
      Random r = new Random(seed);
      MatchOptions o = OPTIONS[(int) (seed % OPTIONS.length)];
      JsgfMatcher f = fast(set, rule, o);
      JsgfMatcher ref = tokens(set, rule, o);
      assertThat(ref.fastPath()).isNull();
      if (f.fastPath() != null) {
        withFastPath++;
      }
      String ctx = "seed " + seed + " " + o + "\n" + g.format();
      for (String p : phrases) {
        assertAgree(f, ref, p, ctx);
        assertAgree(f, ref, variant(p, r), ctx);
        assertAgree(f, ref, mutate(p, r, gen), ctx);
      }
      for (int i = 0; i < 20; i++) {
        String base = phrases.isEmpty() ? gen.word() : phrases.get(r.nextInt(phrases.size()));
        assertAgree(f, ref, variant(mutate(base, r, gen), r), ctx);
      }
      assertAgree(f, ref, "", ctx);
      assertAgree(f, ref, "   ", ctx);
    }
    assertThat(withFastPath)
        .as("finite grammars compiled to the character automaton")
        .isGreaterThan(20);
  }

  /** Infinite languages keep the token automaton; answers are unchanged. */
  @ParameterizedTest
  @MethodSource("batches")
  void infiniteGrammarsUseTheTokenAutomaton(long batch) {
    for (long seed = 30_000 + batch * 30; seed < 30_000 + batch * 30 + 30; seed++) {
      GrammarGen gen = new GrammarGen(seed, false, false);
      JsgfGrammar g = gen.grammar();
      JsgfGrammarSet set = JsgfGrammarSet.of(g);
      String rule = g.rules().get(g.rules().size() - 1).name();
      List<String> phrases;
      try {
        phrases = JsgfExpander.expand(set, rule, new ExpansionLimits(1_000, 64, 2, 2));
      } catch (JsgfException tooMany) {
        continue;
      }
      JsgfMatcher f = fast(set, rule, MatchOptions.DEFAULT);
      JsgfMatcher ref = tokens(set, rule, MatchOptions.DEFAULT);
      Random r = new Random(seed);
      for (String p : phrases) {
        assertAgree(f, ref, variant(p, r), "seed " + seed + "\n" + g.format());
      }
    }
  }

  @Test
  void switchesToTheTokenAutomatonForInfiniteLanguages() {
    JsgfGrammarSet star = set("public <r> = да (очень)* {y} | нет {n};");
    JsgfMatcher m = fast(star, "r", MatchOptions.DEFAULT);
    assertThat(m.fastPath()).isNull();
    assertThat(m.match("да очень очень")).isEqualTo(new JsgfMatch(true, List.of("y")));
    assertThat(m.match("Нет")).isEqualTo(new JsgfMatch(true, List.of("n")));
    JsgfMatcher recursive = fast(set("public <n> = один [<n>];"), "n", MatchOptions.DEFAULT);
    assertThat(recursive.fastPath()).isNull();
    assertThat(recursive.matches("один один один")).isTrue();
    // A loop that can never reach acceptance does not make the language infinite.
    JsgfMatcher deadLoop =
        fast(set("public <r> = (a)* <VOID> | b {b};"), "r", MatchOptions.DEFAULT);
    assertThat(deadLoop.fastPath()).isNotNull();
    assertThat(deadLoop.match(" B ")).isEqualTo(new JsgfMatch(true, List.of("b")));
    assertThat(deadLoop.matches("a b")).isFalse();
  }

  @Test
  void switchesAtEveryBound() {
    // 3 * 3 * 3 = 27 phrases, 3 words of up to 4 letters.
    JsgfGrammarSet s =
        set("public <r> = (один | два | три) (один | два | три) (один | два | три) {t};");
    CharDfa.Limits d = CharDfa.Limits.DEFAULT;
    assertThat(compile(s, new CharDfa.Limits(27, d.maxTrieNodes(), d.maxCells(), 27)).fastPath())
        .isNotNull();
    assertThat(compile(s, new CharDfa.Limits(26, d.maxTrieNodes(), d.maxCells(), 0)).fastPath())
        .isNull();
    int nodes = trieNodes(s);
    assertThat(compile(s, new CharDfa.Limits(27, nodes, d.maxCells(), 0)).fastPath()).isNotNull();
    assertThat(compile(s, new CharDfa.Limits(27, nodes - 1, d.maxCells(), 0)).fastPath()).isNull();
    CharDfa dfa = compile(s, d).fastPath();
    int cells = dfa.states() * dfa.width();
    assertThat(compile(s, new CharDfa.Limits(27, nodes, cells, 0)).fastPath()).isNotNull();
    assertThat(compile(s, new CharDfa.Limits(27, nodes, cells - 1, 0)).fastPath()).isNull();
    // Word-level automaton not determinised (too many states): no character automaton either.
    assertThat(JsgfMatcher.compile(s, "r", MatchOptions.DEFAULT, 0).fastPath()).isNull();
    // Every bound gives the same answers.
    for (JsgfMatcher m :
        List.of(
            compile(s, new CharDfa.Limits(26, 1_000, 10_000, 0)),
            compile(s, d),
            compile(s, new CharDfa.Limits(27, nodes, cells, 0)))) {
      assertThat(m.match("Один  два\tТРИ ")).isEqualTo(new JsgfMatch(true, List.of("t")));
      assertThat(m.match("один два")).isEqualTo(JsgfMatch.NO_MATCH);
    }
  }

  private static JsgfMatcher compile(JsgfGrammarSet s, CharDfa.Limits limits) {
    return JsgfMatcher.compile(
        s, "r", MatchOptions.DEFAULT, JsgfMatcher.DEFAULT_MAX_DFA_STATES, limits);
  }

  /** The smallest trie budget that works, found by bisection on the behaviour. */
  private static int trieNodes(JsgfGrammarSet s) {
    int lo = 1;
    int hi = 10_000;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (compile(s, new CharDfa.Limits(27, mid, 1_000_000, 0)).fastPath() != null) {
        hi = mid;
      } else {
        lo = mid + 1;
      }
    }
    return lo;
  }

  @Test
  void tooManyDistinctCharactersUseTheTokenAutomaton() {
    StringBuilder alts = new StringBuilder();
    for (int i = 0; i < 300; i++) {
      alts.append(i > 0 ? " | " : "")
          .append((char) (0x4e00 + i))
          .append(" {")
          .append(i)
          .append('}');
    }
    JsgfGrammarSet s = set("public <r> = " + alts + ";");
    JsgfMatcher m = fast(s, "r", MatchOptions.DEFAULT);
    assertThat(m.fastPath()).isNull();
    assertThat(m.match(String.valueOf((char) (0x4e00 + 299))))
        .isEqualTo(new JsgfMatch(true, List.of("299")));
  }

  @Test
  void charactersWithSpecialCaseFoldingGoThroughTheTokenAutomaton() {
    JsgfGrammarSet s =
        set(
            "public <r> = ΟΔΟΣ {greek} | İstanbul {tr} | \"\uD83D\uDE00 да\" {emoji} | straße"
                + " {de};");
    for (MatchOptions o : OPTIONS) {
      JsgfMatcher f = fast(s, "r", o);
      JsgfMatcher ref = tokens(s, "r", o);
      assertThat(f.fastPath()).isNotNull();
      for (String text :
          List.of(
              "ΟΔΟΣ",
              "οδος",
              "οδοσ",
              "οδος",
              "ΟΔΟΣ ",
              "İstanbul",
              "i̇stanbul",
              "istanbul",
              "İSTANBUL",
              "\uD83D\uDE00 да",
              "\uD83D\uDE00  ДА",
              "straße",
              "STRASSE",
              "Straße",
              "\uD83D")) {
        assertAgree(f, ref, text, o.toString());
      }
    }
    JsgfMatcher d = fast(s, "r", MatchOptions.DEFAULT);
    assertThat(d.match("ΟΔΟΣ")).isEqualTo(new JsgfMatch(true, List.of("greek")));
    assertThat(d.match("İstanbul")).isEqualTo(new JsgfMatch(true, List.of("tr")));
  }

  @Test
  void ambiguousTagsFollowThePreferredPath() {
    JsgfGrammarSet s =
        set(
            "public <r> = a {1} | a {2} | [b {opt}] c {c} | b c {bc} | (d {first})* (d"
                + " {second})*;");
    JsgfMatcher f = fast(s, "r", MatchOptions.DEFAULT);
    assertThat(f.match("a")).isEqualTo(new JsgfMatch(true, List.of("1")));
    assertThat(f.match("B c")).isEqualTo(new JsgfMatch(true, List.of("opt", "c")));
    JsgfGrammarSet finite = set("public <r> = a {1} | a {2} | [b {opt}] c {c} | b c {bc};");
    JsgfMatcher ff = fast(finite, "r", MatchOptions.DEFAULT);
    assertThat(ff.fastPath()).isNotNull();
    for (String t : List.of("a", "A", " b  c", "c", "b", "")) {
      assertAgree(ff, tokens(finite, "r", MatchOptions.DEFAULT), t, "ambiguous");
    }
  }

  @Test
  void emptyPhraseAndWordListEdgeCases() {
    JsgfGrammarSet s = set("public <r> = [да {y}] {end};");
    JsgfMatcher f = fast(s, "r", MatchOptions.DEFAULT);
    assertThat(f.fastPath()).isNotNull();
    assertThat(f.match("")).isEqualTo(new JsgfMatch(true, List.of("end")));
    assertThat(f.match(" \t ")).isEqualTo(new JsgfMatch(true, List.of("end")));
    assertThat(f.match(List.of())).isEqualTo(new JsgfMatch(true, List.of("end")));
    assertThat(f.match(" Да ")).isEqualTo(new JsgfMatch(true, List.of("y", "end")));
    assertThat(f.match(List.of("да"))).isEqualTo(new JsgfMatch(true, List.of("y", "end")));
    // One element is one word: empty elements and elements with spaces are no words.
    assertThat(f.match(List.of(""))).isEqualTo(JsgfMatch.NO_MATCH);
    assertThat(f.match(List.of("да "))).isEqualTo(JsgfMatch.NO_MATCH);
    JsgfMatcher two = fast(set("public <r> = да нет;"), "r", MatchOptions.DEFAULT);
    assertThat(two.matches(List.of("да", "нет"))).isTrue();
    assertThat(two.matches(List.of("да нет"))).isFalse();
    assertThat(two.matches(List.of("да", "", "нет"))).isFalse();
    assertThat(two.matches(List.of("да", "\uD83D"))).isFalse();
    assertThat(two.matches(List.of("д"))).isFalse();
    assertThat(two.matches(List.of("да", "нет", "да"))).isFalse();
  }

  @Test
  void canonicalTextIndexAnswersAsTheAutomaton() {
    JsgfGrammarSet s = set("public <r> = (да | конечно) {y} | нет [спасибо] {n} | счёт {b};");
    JsgfMatcher withIndex = fast(s, "r", MatchOptions.DEFAULT);
    CharDfa.Limits d = CharDfa.Limits.DEFAULT;
    JsgfMatcher without =
        compile(
            set("public <r> = (да | конечно) {y} | нет [спасибо] {n} | счёт {b};"),
            new CharDfa.Limits(d.maxPhrases(), d.maxTrieNodes(), d.maxCells(), 0));
    assertThat(withIndex.fastPath().indexed()).isEqualTo(5);
    assertThat(without.fastPath().indexed()).isZero();
    for (String t :
        List.of(
            "да", "нет спасибо", "счет", "счёт", "Да", "нет  спасибо", "нет", "конечно да", "с")) {
      assertThat(withIndex.match(t)).as(t).isEqualTo(without.match(t));
    }
    assertThat(withIndex.match("счет")).isEqualTo(new JsgfMatch(true, List.of("b")));
  }

  /**
   * Near misses of canonical text, non-canonical spellings and quoted tokens with odd whitespace
   * inside get the token automaton's answers on every path (index, character automaton, words).
   */
  @Test
  void nearMissesAndOddWhitespaceAgreeWithTheTokenAutomaton() {
    JsgfGrammarSet plain = set("public <r> = (да | конечно) {y} | нет [спасибо] {n} | счёт {b};");
    List<String> texts =
        List.of(
            "да", "да нет", "нет спасибо", "нет спасиб", "конечноо", "счет", "счёт", "Да", "да ",
            " да", "нет  спасибо", "нет\tспасибо", "нет\u00a0спасибо", "x", "да x", "дa");
    for (MatchOptions o : List.of(MatchOptions.DEFAULT, MatchOptions.EXACT)) {
      JsgfMatcher f = fast(plain, "r", o);
      JsgfMatcher ref = tokens(plain, "r", o);
      assertThat(f.fastPath()).isNotNull();
      for (String t : texts) {
        assertAgree(f, ref, t, o.toString());
      }
    }
    for (String g :
        List.of(
            "public <r> = \"a  b\" {x} | c;",
            "public <r> = \" a\" {x} | c;",
            "public <r> = \"a\u00a0b\" {x} | c;")) {
      JsgfGrammarSet s = set(g);
      JsgfMatcher f = fast(s, "r", MatchOptions.DEFAULT);
      JsgfMatcher ref = tokens(s, "r", MatchOptions.DEFAULT);
      for (String t : List.of("a b", "a  b", "a", " a", "c", "b", "a\u00a0b")) {
        assertAgree(f, ref, t, g);
      }
    }
  }

  @Test
  void matchingTextAllocatesNothing() {
    JsgfGrammarSet s = set("public <r> = (да | конечно) {y} | нет [спасибо] {n};");
    JsgfMatcher m = fast(s, "r", MatchOptions.DEFAULT);
    String[] inputs = {"да", "Нет  спасибо", "нет спасибо", "может быть", ""};
    var bean = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    int hits = 0;
    for (int i = 0; i < 20_000; i++) {
      hits += m.match(inputs[i % inputs.length]).tags().size();
    }
    long before = bean.getCurrentThreadAllocatedBytes();
    for (int i = 0; i < 100_000; i++) {
      hits += m.match(inputs[i % inputs.length]).tags().size();
    }
    long allocated = bean.getCurrentThreadAllocatedBytes() - before;
    assertThat(hits).isEqualTo(120_000 / 5 * 3);
    assertThat(allocated).as("bytes allocated by 100,000 matches").isLessThan(10_000);
  }

  /** The class table against its definition: the class of the character's folded form. */
  @Test
  void classTableFoldsEveryCharacterAsTheOptionsSay() {
    JsgfGrammarSet s = set("public <r> = ёлка Елка да ok KELVIN ω å ß θ ǆ ΣΟΦΙΑ i;");
    for (MatchOptions o : OPTIONS) {
      CharDfa f = fast(s, "r", o).fastPath();
      assertThat(f).isNotNull();
      // The letter classes, read off the grammar's own (normalised) letters.
      java.util.Map<Character, Integer> letters = new java.util.HashMap<>();
      for (String w :
          List.of("ёлка", "Елка", "да", "ok", "KELVIN", "ω", "å", "ß", "θ", "ǆ", "ΣΟΦΙΑ", "i")) {
        String n = o.normalize(w);
        for (int j = 0; j < n.length(); j++) {
          letters.put(n.charAt(j), f.classOf(n.charAt(j)));
        }
      }
      for (int c = 0; c < 0x10000; c++) {
        char ch = (char) c;
        int expected;
        if (Words.isSpace(ch)) {
          expected = CharDfa.SPACE;
        } else if (Character.isSurrogate(ch) || (o.ignoreCase() && CharDfa.specialLowerCase(ch))) {
          expected = CharDfa.COMPLEX;
        } else {
          char folded = o.ignoreCase() ? Character.toLowerCase(ch) : ch;
          if (o.yoAsYe() && (folded == 'ё' || folded == 'Ё')) {
            folded = folded == 'ё' ? 'е' : 'Е';
          }
          expected = letters.getOrDefault(folded, CharDfa.DEAD);
        }
        assertThat(f.classOf(ch)).as("%s U+%04X", o, c).isEqualTo(expected);
      }
    }
  }

  @Test
  void onlyTheListedCharactersLowerCaseDifferentlyInAWord() {
    for (int c = 0; c < 0x10000; c++) {
      char ch = (char) c;
      if (Character.isSurrogate(ch) || ch == '\u03a3') {
        continue; // surrogates go to the token automaton anyway; Σ depends on context
      }
      boolean same =
          String.valueOf(ch)
              .toLowerCase(Locale.ROOT)
              .equals(String.valueOf(Character.toLowerCase(ch)));
      assertThat(CharDfa.specialLowerCase(ch)).as("U+%04X", c).isEqualTo(!same);
    }
    assertThat("ΟΔΟΣ".toLowerCase(Locale.ROOT)).isEqualTo("οδος"); // final sigma
    assertThat(CharDfa.specialLowerCase('\u03a3')).isTrue();
  }

  @Test
  void characterClassShortcutsMatchTheJdkDefinitions() {
    String stop = ";=|*+<>()[]{}/\"";
    for (int c = 0; c < 0x10000; c++) {
      boolean space = Character.isWhitespace(c) || Character.isSpaceChar(c);
      assertThat(Words.isSpace((char) c)).as("U+%04X", c).isEqualTo(space);
      boolean token = !space && !Character.isISOControl(c) && (c >= 128 || stop.indexOf(c) < 0);
      assertThat(Names.isTokenChar(c)).as("U+%04X", c).isEqualTo(token);
    }
  }

  /** Case, ё and spacing variants of a phrase. */
  static String variant(String phrase, Random r) {
    StringBuilder sb = new StringBuilder();
    if (r.nextInt(3) == 0) {
      sb.append(SPACES[r.nextInt(SPACES.length)]);
    }
    List<String> words = Words.split(phrase);
    for (int i = 0; i < words.size(); i++) {
      if (i > 0) {
        sb.append(r.nextInt(3) == 0 ? SPACES[r.nextInt(SPACES.length)] : " ");
      }
      String w = words.get(i);
      switch (r.nextInt(5)) {
        case 0 -> w = w.toUpperCase(Locale.ROOT);
        case 1 -> w = w.replace('е', 'ё').replace('Е', 'Ё');
        case 2 -> w = w.replace('ё', 'е');
        case 3 -> {
          StringBuilder c = new StringBuilder();
          for (int j = 0; j < w.length(); j++) {
            char ch = w.charAt(j);
            c.append(r.nextBoolean() ? Character.toUpperCase(ch) : ch);
          }
          w = c.toString();
        }
        default -> {}
      }
      sb.append(w);
    }
    if (r.nextInt(3) == 0) {
      sb.append(SPACES[r.nextInt(SPACES.length)]);
    }
    return sb.toString();
  }

  static String mutate(String phrase, Random r, GrammarGen gen) {
    List<String> w = new ArrayList<>(Words.split(phrase));
    int k = r.nextInt(5);
    if (k == 0 || w.isEmpty()) {
      w.add(r.nextInt(w.size() + 1), gen.word());
    } else if (k == 1) {
      w.remove(r.nextInt(w.size()));
    } else if (k == 2) {
      w.set(r.nextInt(w.size()), gen.word());
    } else if (k == 3) {
      int i = r.nextInt(w.size());
      String s = w.get(i);
      w.set(i, s.substring(0, r.nextInt(s.length() + 1)));
    } else {
      int i = r.nextInt(w.size());
      w.set(i, w.get(i) + "а");
    }
    return String.join(" ", w);
  }
}
