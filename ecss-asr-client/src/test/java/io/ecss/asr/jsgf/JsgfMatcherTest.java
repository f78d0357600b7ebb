package io.ecss.asr.jsgf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class JsgfMatcherTest {
  static final String H = "#JSGF V1.0 UTF-8 ru;\ngrammar g;\n";

  static JsgfMatcher matcher(String rules, String rule) {
    return JsgfMatcher.compile(JsgfGrammarSet.of(JsgfGrammar.parse(H + rules)), rule);
  }

  static JsgfMatcher rhs(String rhs) {
    return matcher("public <r> = " + rhs + ";", "r");
  }

  static JsgfMatch yes(String... tags) {
    return new JsgfMatch(true, List.of(tags));
  }

  @Test
  void membershipAndTags() {
    JsgfMatcher m = rhs("/2/ да {yes} | /1/ (нет | \"не надо\") {no} [пожалуйста {please}]");
    assertThat(m.match("да")).isEqualTo(yes("yes"));
    assertThat(m.match("не надо пожалуйста")).isEqualTo(yes("no", "please"));
    assertThat(m.match(List.of("нет"))).isEqualTo(yes("no"));
    assertThat(m.match("нет да")).isEqualTo(JsgfMatch.NO_MATCH);
    assertThat(m.match("")).isEqualTo(JsgfMatch.NO_MATCH);
    assertThat(m.match("пожалуйста")).isEqualTo(JsgfMatch.NO_MATCH);
    assertThat(m.match("незнакомое")).isEqualTo(JsgfMatch.NO_MATCH);
    assertThat(m.matches(List.of("нет", "пожалуйста"))).isTrue();
    assertThat(m.matches(List.of("да", "да"))).isFalse();
  }

  @Test
  void tagsInOrderOfOccurrenceAndPerRepetition() {
    assertThat(rhs("(да {y})+ {end}").match("да да да")).isEqualTo(yes("y", "y", "y", "end"));
    assertThat(rhs("((a {inner}) {outer}) b {last}").match("a b"))
        .isEqualTo(yes("inner", "outer", "last"));
    assertThat(rhs("a {x} {y}").match("a")).isEqualTo(yes("x", "y"));
    assertThat(rhs("[a {skip}] b").match("b")).isEqualTo(yes());
  }

  @Test
  void preferredPathDecidesTagsWhenAmbiguous() {
    assertThat(rhs("a {1} | a {2}").match("a")).isEqualTo(yes("1"));
    assertThat(rhs("a {2} | (a) {1}").match("a")).isEqualTo(yes("2"));
    assertThat(rhs("[a {opt}] a* {star}").match("a")).isEqualTo(yes("opt", "star"));
    assertThat(rhs("(a {first})* (a {second})*").match("a")).isEqualTo(yes("first"));
  }

  @Test
  void caseAndYoInsensitiveByOption() {
    JsgfMatcher m = rhs("Ёлка | звёзды | \"New York\"");
    assertThat(m.match("ЕЛКА").matched()).isTrue();
    assertThat(m.match("ёлка").matched()).isTrue();
    assertThat(m.match("звезды").matched()).isTrue();
    assertThat(m.match("new york").matched()).isTrue();
    JsgfMatcher exact =
        JsgfMatcher.compile(
            JsgfGrammarSet.of(JsgfGrammar.parse(H + "public <r> = Ёлка | звёзды;")), "r", MatchOptions.EXACT);
    assertThat(exact.match("Ёлка").matched()).isTrue();
    assertThat(exact.match("ёлка").matched()).isFalse();
    assertThat(exact.match("звезды").matched()).isFalse();
    assertThat(exact.options()).isEqualTo(MatchOptions.EXACT);
    MatchOptions caseOnly = new MatchOptions(true, false, 100);
    assertThat(caseOnly.normalize("ЁЛКА")).isEqualTo("ёлка");
    assertThat(new MatchOptions(false, true, 100).normalize("ЁЛКА")).isEqualTo("ЕЛКА");
    assertThat(MatchOptions.DEFAULT.normalize("да")).isSameAs(MatchOptions.DEFAULT.normalize("да"));
    assertThatThrownBy(() -> new MatchOptions(true, true, 1)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void specialRules() {
    assertThat(rhs("a <NULL> b").match("a b").matched()).isTrue();
    assertThat(rhs("<NULL>").match("").matched()).isTrue();
    assertThat(rhs("<VOID>").match("").matched()).isFalse();
    assertThat(rhs("a <VOID> | b").match("a").matched()).isFalse();
    assertThat(rhs("a <VOID> | b").match("b").matched()).isTrue();
  }

  @Test
  void rightRecursionIsALoop() {
    JsgfMatcher digits = matcher("public <n> = <d> [<n>];\n<d> = один | два;", "n");
    List<String> many = new ArrayList<>();
    for (int i = 0; i < 10_000; i++) {
      many.add(i % 3 == 0 ? "один" : "два");
    }
    assertThat(digits.matches(many)).isTrue();
    many.add("три");
    assertThat(digits.matches(many)).isFalse();
    JsgfMatcher mutual = matcher("public <a> = x <b> | x {end};\n<b> = y <a>;", "a");
    assertThat(mutual.match("x y x y x")).isEqualTo(yes("end"));
    assertThat(mutual.match("x y")).isEqualTo(JsgfMatch.NO_MATCH);
    JsgfMatcher viaOuter = matcher("public <s> = <a> stop;\n<a> = x <a> | x;", "s");
    assertThat(viaOuter.match("x x x stop").matched()).isTrue();
    assertThat(viaOuter.match("x x x").matched()).isFalse();
  }

  @Test
  void otherRecursionIsRejectedWithItsPosition() {
    assertThatThrownBy(() -> matcher("public <l> = <l> x | x;", "l"))
        .isInstanceOf(JsgfException.class)
        .hasMessage(
            "3:14: rule <l> is recursive other than by right recursion; the matcher supports only"
                + " right recursion");
    assertThatThrownBy(() -> matcher("public <c> = a <c> b | a b;", "c"))
        .hasMessageStartingWith("3:16: rule <c> is recursive");
    assertThatThrownBy(() -> matcher("public <t> = a <t> {tag} | a;", "t"))
        .hasMessageStartingWith("3:16: rule <t> is recursive");
    assertThatThrownBy(() -> matcher("public <s> = (a <s>)* b;", "s"))
        .hasMessageStartingWith("3:17: rule <s> is recursive");
  }

  @Test
  void stateBound() {
    JsgfGrammarSet set =
        JsgfGrammarSet.of(JsgfGrammar.parse(H + "public <r> = a b c d e f g h;"));
    assertThatThrownBy(() -> JsgfMatcher.compile(set, "r", new MatchOptions(true, true, 5)))
        .hasMessage("rule <r> needs more than 5 automaton states (MatchOptions.maxStates)");
  }

  static LongStream batches() {
    return LongStream.range(0, 10);
  }

  /**
   * For 500 generated finite grammars (no repetition, no recursion) the expansion is the whole
   * language: every phrase matches, with the same tags in the deterministic and the simulated
   * automaton, and a mutated phrase matches exactly when it is itself a phrase.
   */
  @ParameterizedTest
  @MethodSource("batches")
  void matcherAgreesWithExpanderOnFiniteGrammars(long batch) {
    int checked = 0;
    for (long seed = batch * 50; seed < batch * 50 + 50; seed++) {
      GrammarGen gen = new GrammarGen(seed, false, true);
      JsgfGrammar g = gen.grammar();
      JsgfGrammarSet set = JsgfGrammarSet.of(g);
      String rule = g.rules().get(g.rules().size() - 1).name();
      List<String> phrases;
      try {
        phrases = JsgfExpander.expand(set, rule, ExpansionLimits.DEFAULT.withMaxPhrases(3_000));
      } catch (JsgfException tooMany) {
        continue;
      }
      checked++;
      Set<String> language = new HashSet<>(phrases);
      JsgfMatcher dfa = JsgfMatcher.compile(set, rule, MatchOptions.EXACT);
      JsgfMatcher nfa = JsgfMatcher.compile(set, rule, MatchOptions.EXACT, 0);
      String ctx = "seed " + seed + "\n" + g.format();
      for (String p : phrases) {
        JsgfMatch a = dfa.match(p);
        assertThat(a.matched()).as(ctx + "\nphrase: " + p).isTrue();
        assertThat(nfa.match(p)).as(ctx).isEqualTo(a);
      }
      Random r = new Random(seed);
      for (int i = 0; i < 30; i++) {
        String base = phrases.isEmpty() ? "" : phrases.get(r.nextInt(phrases.size()));
        String mutated = mutate(base, r, gen);
        boolean expected = language.contains(mutated);
        assertThat(dfa.match(mutated).matched()).as(ctx + "\nmutated: " + mutated).isEqualTo(expected);
        assertThat(nfa.match(mutated)).as(ctx).isEqualTo(dfa.match(mutated));
      }
    }
    assertThat(checked).as("grammars small enough to expand").isGreaterThan(30);
  }

  /** For grammars with * and +, every phrase of the bounded expansion matches in both modes. */
  @ParameterizedTest
  @MethodSource("batches")
  void everyExpandedPhraseMatchesWithRepeats(long batch) {
    for (long seed = 10_000 + batch * 50; seed < 10_000 + batch * 50 + 50; seed++) {
      GrammarGen gen = new GrammarGen(seed, false, false);
      JsgfGrammar g = gen.grammar();
      JsgfGrammarSet set = JsgfGrammarSet.of(g);
      String rule = g.rules().get(g.rules().size() - 1).name();
      List<String> phrases;
      try {
        phrases = JsgfExpander.expand(set, rule, new ExpansionLimits(3_000, 64, 2, 2));
      } catch (JsgfException tooMany) {
        continue;
      }
      JsgfMatcher dfa = JsgfMatcher.compile(set, rule);
      JsgfMatcher nfa = JsgfMatcher.compile(set, rule, MatchOptions.DEFAULT, 0);
      for (String p : phrases) {
        JsgfMatch a = dfa.match(p);
        assertThat(a.matched()).as("seed " + seed + "\n" + g.format() + "\nphrase: " + p).isTrue();
        assertThat(nfa.match(p)).isEqualTo(a);
      }
      assertThat(dfa.match("слово-не-из-грамматики").matched()).isFalse();
    }
  }

  private static String mutate(String phrase, Random r, GrammarGen gen) {
    List<String> w = new ArrayList<>(Words.split(phrase));
    int k = r.nextInt(4);
    if (k == 0 || w.isEmpty()) {
      w.add(r.nextInt(w.size() + 1), gen.word());
    } else if (k == 1) {
      w.remove(r.nextInt(w.size()));
    } else if (k == 2) {
      w.set(r.nextInt(w.size()), gen.word());
    } else {
      int i = r.nextInt(w.size());
      int j = r.nextInt(w.size());
      String t = w.get(i);
      w.set(i, w.get(j));
      w.set(j, t);
    }
    return String.join(" ", w);
  }
}
