package io.ecss.asr.jsgf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JsgfExpanderTest {
  static final String H = "#JSGF V1.0 UTF-8 ru;\ngrammar g;\n";

  static List<String> expand(String rules, String rule, ExpansionLimits limits) {
    return JsgfExpander.expand(JsgfGrammarSet.of(JsgfGrammar.parse(H + rules)), rule, limits);
  }

  static List<String> expand(String rhs) {
    return expand("public <r> = " + rhs + ";", "r", ExpansionLimits.DEFAULT);
  }

  @ParameterizedTest(name = "{0} has {1} phrases")
  @CsvSource(
      delimiter = '@',
      value = {
        "a @ 1",
        "a | b | c @ 3",
        "(a | b | c) (d | e) [f] @ 12",
        "(a | b)* @ 15", // 1 + 2 + 4 + 8 with maxRepeat 3
        "(a | b)+ @ 14",
        "a <VOID> | b @ 1",
        "<VOID> @ 0",
        "<NULL> @ 1",
        "[a] [a] @ 3", // "", "a", "a a": duplicates collapse
        "(один | два | три) (один | два | три) (один | два | три) @ 27",
        "/5/ да {y} | /1/ нет {n} @ 2",
        "(a | <NULL>) b @ 2",
        "[a | b]* @ 40", // (3 choices per copy incl. empty) -> 1 + 3 + 9 + 27 = 40 sequences, 15 distinct ... see below
      })
  void knownLanguageSizes(String rhs, int size) {
    if (rhs.startsWith("[a | b]*")) {
      // Copies of [a|b] may be empty, so distinct phrases are those of (a|b)* up to 3 words.
      assertThat(expand(rhs)).hasSize(15);
      return;
    }
    assertThat(expand(rhs)).hasSize(size).doesNotHaveDuplicates();
  }

  @Test
  void phrasesInDerivationOrder() {
    assertThat(expand("/5/ да {yes} | нет | не надо".replace("/5/ ", "")))
        .containsExactly("да", "нет", "не надо");
    assertThat(expand("(a | b) [c]")).containsExactly("a c", "a", "b c", "b");
    assertThat(expand("a*")).containsExactly("", "a", "a a", "a a a");
    assertThat(expand("\"New York\" city")).containsExactly("New York city");
    assertThat(expand("<NULL>")).containsExactly("");
    assertThat(expand("a <NULL> b")).containsExactly("a b");
    assertThat(expand("a <VOID> | <VOID> b | c")).containsExactly("c");
  }

  @Test
  void rulesReferencesAndRecursion() {
    String digits = "<d> = один | два;\npublic <n> = <d> <d> <d>;\n";
    assertThat(expand(digits, "n", ExpansionLimits.DEFAULT)).hasSize(8);
    String right = "public <list> = x [<list>];\n";
    assertThat(expand(right, "list", ExpansionLimits.DEFAULT))
        .containsExactly("x x x x", "x x x", "x x", "x");
    assertThat(expand(right, "list", new ExpansionLimits(100, 64, 3, 0))).containsExactly("x");
    String mutual = "public <a> = x <b> | x;\n<b> = y <a>;\n";
    assertThat(expand(mutual, "a", new ExpansionLimits(100, 64, 3, 2)))
        .containsExactly("x y x y x", "x y x", "x");
    String left = "public <l> = <l> x | x;\n";
    assertThat(expand(left, "l", new ExpansionLimits(100, 64, 3, 2)))
        .containsExactly("x x x", "x x", "x");
    String never = "public <v> = x <v>;\n";
    assertThat(expand(never, "v", ExpansionLimits.DEFAULT)).isEmpty();
    assertThat(expand("public <q> = <g.r2>;\n<r2> = a;", "q", ExpansionLimits.DEFAULT))
        .containsExactly("a");
    assertThat(expand("public <q> = <r2>;\n<r2> = a;", "g.r2", ExpansionLimits.DEFAULT))
        .containsExactly("a");
  }

  @Test
  void importedRules() {
    JsgfGrammar digits =
        JsgfGrammar.parse("#JSGF V1.0;\ngrammar lib.digits;\npublic <digit> = один | два;");
    JsgfGrammar main =
        JsgfGrammar.parse(
            "#JSGF V1.0;\ngrammar main;\nimport <lib.digits.*>;\n"
                + "public <pin> = <digit> <lib.digits.digit> <digits.digit>;");
    JsgfGrammarSet set = JsgfGrammarSet.resolve(main, JsgfLoader.of(List.of(digits)));
    assertThat(JsgfExpander.expand(set, "pin")).hasSize(8).contains("один два один");
    assertThat(JsgfExpander.expand(set, "digit")).containsExactly("один", "два");
    assertThat(set.grammars()).hasSize(2);
    assertThat(set.rule("digit").name()).isEqualTo("digit");
    assertThat(set.firstPublicRule().name()).isEqualTo("pin");
  }

  @Test
  void boundsFailClearly() {
    String five = "(0|1|2|3|4|5|6|7|8|9)";
    assertThat(expand(five.repeat(4))).hasSize(10_000);
    assertThatThrownBy(() -> expand(five.repeat(5)))
        .isInstanceOf(JsgfException.class)
        .hasMessage(
            "3:98: rule <r> expands to more than 10000 phrases (ExpansionLimits.maxPhrases);"
                + " raise the limit or use JsgfMatcher");
    assertThatThrownBy(() -> expand("public <r> = (a|b|c)*;", "r", ExpansionLimits.DEFAULT.withMaxPhrases(5)))
        .hasMessage(
            "3:21: rule <r> expands to more than 5 phrases (ExpansionLimits.maxPhrases);"
                + " raise the limit or use JsgfMatcher");
    assertThatThrownBy(() -> expand("public <r> = ((a+)+)+;", "r", new ExpansionLimits(100, 10, 3, 3)))
        .hasMessageEndingWith("rule <r> has a phrase of more than 10 words (ExpansionLimits.maxWords)");
    assertThat(expand("public <r> = a+;", "r", ExpansionLimits.DEFAULT.withMaxRepeat(1)))
        .containsExactly("a");
    assertThatThrownBy(() -> expand("public <r> = a;", "nope", ExpansionLimits.DEFAULT))
        .hasMessage("no rule <nope> in grammar g (undefined rule <nope>)");
    assertThatThrownBy(() -> expand("public <r> = a;", "a b", ExpansionLimits.DEFAULT))
        .hasMessage("malformed rule name 'a b'");
    assertThatThrownBy(() -> new ExpansionLimits(0, 1, 1, 0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new ExpansionLimits(1, 0, 1, 0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new ExpansionLimits(1, 1, 0, 0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new ExpansionLimits(1, 1, 1, -1)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void voskGrammarJson() {
    assertThat(JsgfExpander.voskGrammar(List.of("да", "не надо", "", "say \"hi\"")))
        .isEqualTo("[\"да\",\"не надо\",\"say \\\"hi\\\"\",\"[unk]\"]");
    JsgfGrammarSet set = JsgfGrammarSet.of(JsgfGrammar.parse(H + "public <r> = [да | нет];"));
    assertThat(JsgfExpander.voskGrammar(set, "r", ExpansionLimits.DEFAULT))
        .isEqualTo("[\"да\",\"нет\",\"[unk]\"]");
  }
}
