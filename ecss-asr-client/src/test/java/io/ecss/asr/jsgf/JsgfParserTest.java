package io.ecss.asr.jsgf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ecss.asr.AsrException;
import io.ecss.asr.jsgf.Expansion.Alternatives;
import io.ecss.asr.jsgf.Expansion.Group;
import io.ecss.asr.jsgf.Expansion.OptionalGroup;
import io.ecss.asr.jsgf.Expansion.Repeat;
import io.ecss.asr.jsgf.Expansion.RuleRef;
import io.ecss.asr.jsgf.Expansion.Sequence;
import io.ecss.asr.jsgf.Expansion.Tagged;
import io.ecss.asr.jsgf.Expansion.Token;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class JsgfParserTest {
  static final String H = "#JSGF V1.0;\ngrammar g;\n";

  static Expansion rhs(String expansion) {
    return JsgfGrammar.parse(H + "<r> = " + expansion + ";").rules().get(0).expansion();
  }

  static Token t(String s) {
    return new Token(s);
  }

  @Test
  void parsesHeaderNameImportsAndRules() {
    JsgfGrammar g =
        JsgfGrammar.parse(
            """
            #JSGF V1.0 UTF-8 ru;
            // a line comment
            grammar com.example.ivr;
            import <com.example.digits.*>;
            import <common.yes>;
            /* block */
            /** Главное меню. */
            public <menu> = да | нет;
            <private> = <NULL>;
            """);
    assertThat(g.header()).isEqualTo(JsgfHeader.UTF8_RU);
    assertThat(g.name()).isEqualTo("com.example.ivr");
    assertThat(g.simpleName()).isEqualTo("ivr");
    assertThat(g.imports())
        .containsExactly(new JsgfImport("com.example.digits.*"), new JsgfImport("common.yes"));
    assertThat(g.imports().get(0).isWildcard()).isTrue();
    assertThat(g.imports().get(0).grammarName()).isEqualTo("com.example.digits");
    assertThat(g.imports().get(1).ruleName()).isEqualTo("yes");
    assertThat(g.rules())
        .containsExactly(
            new JsgfRule("menu", true, Alternatives.of(t("да"), t("нет")), " Главное меню. "),
            JsgfRule.of("private", false, RuleRef.NULL));
    assertThat(g.firstPublicRule().map(JsgfRule::name)).hasValue("menu");
    assertThat(g.rule("private")).isPresent();
    assertThat(g.rule("none")).isEmpty();
  }

  @Test
  void headerVariants() {
    assertThat(JsgfGrammar.parse("#JSGF V1.0;\ngrammar g;").header())
        .isEqualTo(new JsgfHeader("V1.0", null, null));
    assertThat(JsgfGrammar.parse("#JSGF v1.0 ISO8859-5;\ngrammar g;").header())
        .isEqualTo(new JsgfHeader("V1.0", "ISO8859-5", null));
    assertThat(JsgfGrammar.parse("\uFEFF  #JSGF V1.0 UTF-8 en-US;grammar g;").header().locale())
        .isEqualTo("en-US");
    assertThat(new JsgfHeader("V1.0", null, null).effectiveCharset())
        .isEqualTo(StandardCharsets.UTF_8);
  }

  @Test
  void everyConstruct() {
    assertThat(rhs("слово")).isEqualTo(t("слово"));
    assertThat(rhs("\"New \\\"York\\\" \\\\ city\"")).isEqualTo(t("New \"York\" \\ city"));
    assertThat(rhs("<a>")).isEqualTo(new RuleRef("a"));
    assertThat(rhs("<com.x.a>")).isEqualTo(new RuleRef("com.x.a"));
    assertThat(rhs("<NULL>")).isEqualTo(RuleRef.NULL);
    assertThat(rhs("<VOID>")).isEqualTo(RuleRef.VOID);
    assertThat(rhs("a b c")).isEqualTo(Sequence.of(t("a"), t("b"), t("c")));
    assertThat(rhs("a | b")).isEqualTo(Alternatives.of(t("a"), t("b")));
    assertThat(rhs("/10/ a | /0.5/ b | /1e-3/ c"))
        .isEqualTo(new Alternatives(List.of(t("a"), t("b"), t("c")), List.of(10.0, 0.5, 0.001)));
    assertThat(rhs("( a )")).isEqualTo(new Group(t("a")));
    assertThat(rhs("[a]")).isEqualTo(new OptionalGroup(t("a")));
    assertThat(rhs("a*")).isEqualTo(new Repeat(t("a"), false));
    assertThat(rhs("a +")).isEqualTo(new Repeat(t("a"), true));
    assertThat(rhs("a { tag one } {два}")).isEqualTo(Tagged.of(t("a"), "tag one", "два"));
    assertThat(rhs("a {x\\}y\\\\z\\n}")).isEqualTo(Tagged.of(t("a"), "x}y\\z\\n"));
    assertThat(rhs("a /* c */ b // tail\n")).isEqualTo(Sequence.of(t("a"), t("b")));
    assertThat(rhs("grammar public import")).isEqualTo(Sequence.of(t("grammar"), t("public"), t("import")));
    assertThat(rhs("c3po! #hash 1-й")).isEqualTo(Sequence.of(t("c3po!"), t("#hash"), t("1-й")));
  }

  @Test
  void precedence() {
    // (1) tokens and rule names; (2) () and []; (3) unary and tags; (4) sequence; (5) alternatives.
    assertThat(rhs("a b | c"))
        .isEqualTo(Alternatives.of(Sequence.of(t("a"), t("b")), t("c")));
    assertThat(rhs("a b*")).isEqualTo(Sequence.of(t("a"), new Repeat(t("b"), false)));
    assertThat(rhs("(a b)*")).isEqualTo(new Repeat(new Group(Sequence.of(t("a"), t("b"))), false));
    assertThat(rhs("a | b {t}")).isEqualTo(Alternatives.of(t("a"), Tagged.of(t("b"), "t")));
    assertThat(rhs("a b {t}")).isEqualTo(Sequence.of(t("a"), Tagged.of(t("b"), "t")));
    assertThat(rhs("a* {t}")).isEqualTo(Tagged.of(new Repeat(t("a"), false), "t"));
    assertThat(rhs("a {t}+")).isEqualTo(new Repeat(Tagged.of(t("a"), "t"), true));
    assertThat(rhs("[a | b] c"))
        .isEqualTo(Sequence.of(new OptionalGroup(Alternatives.of(t("a"), t("b"))), t("c")));
    assertThat(rhs("<x>+ <y>")).isEqualTo(Sequence.of(new Repeat(new RuleRef("x"), true), new RuleRef("y")));
    assertThat(rhs("/2/ a b | /1/ c"))
        .isEqualTo(
            new Alternatives(List.of(Sequence.of(t("a"), t("b")), t("c")), List.of(2.0, 1.0)));
  }

  @Test
  void cyrillicEverywhere() {
    JsgfGrammar g =
        JsgfGrammar.parse(
            "#JSGF V1.0 UTF-8 ru;\ngrammar меню.главное;\npublic <ответ> = да {согласие} | <отказ>;\n"
                + "<отказ> = нет | \"не надо\";");
    assertThat(g.name()).isEqualTo("меню.главное");
    assertThat(g.rules().get(0).expansion())
        .isEqualTo(Alternatives.of(Tagged.of(t("да"), "согласие"), new RuleRef("отказ")));
    assertThat(g.words()).containsExactly("да", "нет", "не", "надо");
  }

  @Test
  void documentationCommentsAttachToTheNextRuleOnly() {
    JsgfGrammar g =
        JsgfGrammar.parse(H + "/** first */ /** second */\n<a> = x;\n<b> = y /** inner */;\n/**/ <c> = z;");
    assertThat(g.rules()).extracting(JsgfRule::documentation).containsExactly(" second ", "", "");
  }

  @Test
  void bytesHonourTheDeclaredCharsetAndBom() {
    String text = "#JSGF V1.0 KOI8-R ru;\ngrammar g;\npublic <r> = привет;\n";
    byte[] koi = text.getBytes(Charset.forName("KOI8-R"));
    assertThat(JsgfGrammar.parse(koi).words()).containsExactly("привет");
    String utf = "#JSGF V1.0;\ngrammar g;\npublic <r> = привет;\n";
    assertThat(JsgfGrammar.parse(utf.getBytes(StandardCharsets.UTF_8)).words())
        .containsExactly("привет");
    byte[] bom = ("\uFEFF" + utf).getBytes(StandardCharsets.UTF_8);
    assertThat(JsgfGrammar.parse(bom).words()).containsExactly("привет");
    byte[] utf16 = ("\uFEFF" + utf).getBytes(StandardCharsets.UTF_16BE);
    assertThat(JsgfGrammar.parse(utf16).words()).containsExactly("привет");
    byte[] utf16le = ("\uFEFF" + utf).getBytes(StandardCharsets.UTF_16LE);
    assertThat(JsgfGrammar.parse(utf16le).words()).containsExactly("привет");
  }

  @Test
  void malformedBytesNameLineAndColumn() {
    byte[] b = "#JSGF V1.0;\ngrammar g;\n<r> = да\u00ff;".getBytes(StandardCharsets.UTF_8);
    int i = new String(b, StandardCharsets.ISO_8859_1).indexOf('\u00c3');
    b[i] = (byte) 0xC3;
    b[i + 1] = (byte) 0x28;
    assertThatThrownBy(() -> JsgfGrammar.parse(b))
        .isInstanceOf(JsgfException.class)
        .hasMessage("3:9: malformed UTF-8 at byte " + i);
  }

  static Stream<Arguments> errors() {
    return Stream.of(
        Arguments.of("", "1:1: expected the header '#JSGF V1.0;', found end of input"),
        Arguments.of("grammar g;", "1:1: expected the header '#JSGF V1.0;', found 'g'"),
        Arguments.of("#JSGF", "1:6: expected ';' after the header, found end of input"),
        Arguments.of("#JSGF ;", "1:7: expected a version after '#JSGF', found ';'"),
        Arguments.of("#JSGF V2.0;", "1:7: unsupported JSGF version 'V2.0' (expected V1.0)"),
        Arguments.of("#JSGF V1.0 KOI9;", "1:12: unknown charset 'KOI9'"),
        Arguments.of(
            "#JSGF V1.0 UTF-8 r!u;", "1:18: malformed locale 'r!u' (expected e.g. ru or en-US)"),
        Arguments.of("#JSGF V1.0 UTF-8 ru x;", "1:21: unexpected 'x' in the header (expected ';')"),
        Arguments.of(
            "#JSGF V1.0;\n",
            "2:1: expected the grammar declaration 'grammar <name>;', found end of input"),
        Arguments.of("#JSGF V1.0;\ngrammar ;", "2:9: expected a grammar name after 'grammar', found ';'"),
        Arguments.of(
            "#JSGF V1.0;\ngrammar g", "2:10: expected ';' after the grammar name, found end of input"),
        Arguments.of("#JSGF V1.0;\ngrammar a..b;", "2:9: malformed grammar name 'a..b'"),
        Arguments.of(H + "import a;", "3:8: expected '<' after 'import', found 'a'"),
        Arguments.of(
            H + "import <a>;",
            "3:9: import <a> must be qualified (expected <grammar.rule> or <grammar.*>)"),
        Arguments.of(H + "import <a.b>", "3:13: expected ';' after the import, found end of input"),
        Arguments.of(H + "import <a.b;", "3:12: expected '>' after the imported name, found ';'"),
        Arguments.of(H + "import <>;", "3:9: expected an imported name after '<', found '>'"),
        Arguments.of(H + "import <a.*.b>;", "3:9: malformed import <a.*.b>"),
        Arguments.of(H + "<r> = a;\nimport <a.b>;", "4:1: imports must come before the first rule"),
        Arguments.of(
            H + "grammar h;",
            "3:1: only one grammar declaration is allowed, before the imports and rules"),
        Arguments.of(
            H + "r = a;",
            "3:1: expected a rule definition ('<name> = ...;' or 'public <name> = ...;'), found 'r'"),
        Arguments.of(H + "<> = a;", "3:2: expected a rule name after '<', found '>'"),
        Arguments.of(H + "<a.b> = x;", "3:2: a rule definition takes a simple name, found <a.b>"),
        Arguments.of(H + "<NULL> = x;", "3:1: <NULL> is a reserved rule name and cannot be defined"),
        Arguments.of(H + "public <VOID> = x;", "3:8: <VOID> is a reserved rule name and cannot be defined"),
        Arguments.of(H + "<r> a;", "3:5: expected '=' after <r>, found 'a'"),
        Arguments.of(H + "<r = a;", "3:3: expected '>' after the rule name, found a space"),
        Arguments.of(H + "<r> = ;", "3:7: expected a token, a rule reference, '(' or '[', found ';'"),
        Arguments.of(
            H + "<r> = a", "3:8: expected ';' after the expansion of rule <r>, found end of input"),
        Arguments.of(
            H + "<r> = a <b> = c;", "3:13: unexpected '=' (is the ';' of the previous rule missing?)"),
        Arguments.of(
            H + "<r> = a | | b;", "3:11: expected a token, a rule reference, '(' or '[', found '|'"),
        Arguments.of(
            H + "<r> = (a;", "3:9: expected ')' to close the group opened at 3:7, found ';'"),
        Arguments.of(
            H + "<r> = [a;",
            "3:9: expected ']' to close the optional group opened at 3:7, found ';'"),
        Arguments.of(H + "<r> = a);", "3:8: unbalanced ')' in rule <r>"),
        Arguments.of(H + "<r> = /1/ a | b;", "3:15: weights must be given for all alternatives or none"),
        Arguments.of(H + "<r> = a | /1/ b;", "3:11: weights must be given for all alternatives or none"),
        Arguments.of(H + "<r> = /1/ a;", "3:7: a weight needs two or more alternatives"),
        Arguments.of(H + "<r> = ( /1/ a );", "3:9: a weight needs two or more alternatives"),
        Arguments.of(H + "<r> = /-1/ a | /2/ b;", "3:8: weight must not be negative, found -1"),
        Arguments.of(H + "<r> = /x/ a | /2/ b;", "3:8: expected a number after '/', found 'x'"),
        Arguments.of(
            H + "<r> = /1.2.3/ a | /2/ b;",
            "3:8: malformed weight '1.2.3' (expected a number such as 2 or 0.5)"),
        Arguments.of(
            H + "<r> = /1 a | /2/ b;", "3:10: expected '/' to close the weight opened at 3:7, found 'a'"),
        Arguments.of(H + "<r> = /1e999/ a | /1/ b;", "3:8: weight 1e999 is out of range"),
        Arguments.of(
            H + "<r> = a /1/ b;",
            "3:9: a weight must come right before an alternative (after '=', '|', '(' or '[')"),
        Arguments.of(
            H + "<r> = \"abc;",
            "3:7: unterminated quoted token (expected '\"' before the end of the line)"),
        Arguments.of(
            H + "<r> = \"a\\nb\";", "3:9: invalid escape '\\n' in a quoted token (expected \\\" or \\\\)"),
        Arguments.of(H + "<r> = \"\";", "3:7: empty quoted token"),
        Arguments.of(H + "<r> = \"  \";", "3:7: empty quoted token"),
        Arguments.of(H + "<r> = a {tag;", "3:9: unterminated tag (expected '}')"),
        Arguments.of(H + "<r> = * a;", "3:7: expected a token, a rule reference, '(' or '[', found '*'"),
        Arguments.of(H + "<r> = {t} a;", "3:7: expected a token, a rule reference, '(' or '[', found '{'"),
        Arguments.of(H + "<r> = <>;", "3:8: expected a rule name after '<', found '>'"),
        Arguments.of(H + "<r> = <a b>;", "3:9: expected '>' after the rule name, found a space"),
        Arguments.of(H + "<r> = <a..b>;", "3:7: malformed rule reference <a..b>"),
        Arguments.of(H + "/* never closed", "3:1: unterminated comment (expected '*/')"),
        Arguments.of(H + "<r> = \tслово\t<\u0001>;", "3:15: expected a rule name after '<', found U+0001"));
  }

  @ParameterizedTest
  @MethodSource("errors")
  void everyErrorHasPositionAndExpectation(String input, String message) {
    assertThatThrownBy(() -> JsgfGrammar.parse(input))
        .isInstanceOf(JsgfException.class)
        .isInstanceOf(AsrException.class)
        .hasMessage(message);
  }

  @Test
  void exceptionCarriesPositionParts() {
    JsgfException e = null;
    try {
      JsgfGrammar.parse(H + "<r> = ;");
    } catch (JsgfException x) {
      e = x;
    }
    assertThat(e).isNotNull();
    assertThat(e.line()).isEqualTo(3);
    assertThat(e.column()).isEqualTo(7);
    assertThat(e.source()).isNull();
    assertThat(e.problem()).startsWith("expected a token");
    assertThat(new JsgfException("p", 0, 0, "f.gram")).hasMessage("f.gram: p");
    assertThat(new JsgfException("p", 2, 3, "f.gram")).hasMessage("f.gram:2:3: p");
    assertThat(new JsgfException("p")).hasMessage("p");
  }

  @Test
  void limits() {
    assertThatThrownBy(() -> JsgfGrammar.parse(H + "<r> = a;", new JsgfLimits(10, 5, 5)))
        .hasMessage("grammar of 31 characters exceeds maxChars 10 (JsgfLimits.maxChars)");
    assertThatThrownBy(() -> JsgfGrammar.parse(H + "<r> = ((((a))));", new JsgfLimits(1000, 3, 5)))
        .hasMessage("3:10: nesting depth 4 exceeds maxDepth 3 (JsgfLimits.maxDepth)");
    assertThatThrownBy(() -> JsgfGrammar.parse(H + "<r> = a****;", new JsgfLimits(1000, 3, 5)))
        .hasMessage("3:11: nesting depth 4 exceeds maxDepth 3 (JsgfLimits.maxDepth)");
    String deep = "(".repeat(5000) + "a" + ")".repeat(5000);
    assertThatThrownBy(() -> JsgfGrammar.parse(H + "<r> = " + deep + ";"))
        .hasMessage("3:107: nesting depth 101 exceeds maxDepth 100 (JsgfLimits.maxDepth)");
    assertThatThrownBy(() -> new JsgfLimits(0, 1, 1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new JsgfLimits(1, 0, 1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new JsgfLimits(1, 1, 0)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void treeInvariantsRejectNonCanonicalShapes() {
    assertThatThrownBy(() -> Sequence.of(t("a")))
        .hasMessage("sequence items: 1 (expected 2 or more)");
    assertThatThrownBy(() -> Sequence.of(t("a"), Sequence.of(t("b"), t("c"))))
        .hasMessage("sequence item: Sequence (wrap it in a Group)");
    assertThatThrownBy(() -> Alternatives.of(t("a"))).hasMessage("alternatives: 1 (expected 2 or more)");
    assertThatThrownBy(() -> Alternatives.of(t("a"), Alternatives.of(t("b"), t("c"))))
        .hasMessage("alternative: Alternatives (wrap it in a Group)");
    assertThatThrownBy(() -> new Alternatives(List.of(t("a"), t("b")), List.of(1.0)))
        .hasMessage("weights: 1 for 2 alternatives (expected all or none)");
    assertThatThrownBy(() -> new Alternatives(List.of(t("a"), t("b")), List.of(1.0, -1.0)))
        .hasMessage("weight: -1.0 (expected finite and >= 0)");
    assertThatThrownBy(() -> new Repeat(Sequence.of(t("a"), t("b")), true))
        .hasMessage("repeated item: Sequence (wrap it in a Group)");
    assertThatThrownBy(() -> Tagged.of(Tagged.of(t("a"), "x"), "y"))
        .hasMessageStartingWith("tagged item: Tagged");
    assertThatThrownBy(() -> new Tagged(t("a"), List.of())).hasMessage("tags: none (expected 1 or more)");
    assertThatThrownBy(() -> t(" ")).hasMessage("token: ' ' (expected a non-blank text)");
    assertThatThrownBy(() -> t("a\nb")).hasMessage("token: contains a line break (expected one line)");
    assertThatThrownBy(() -> new RuleRef("a b")).hasMessage("rule name: 'a b' (expected a JSGF rule name)");
    assertThatThrownBy(() -> JsgfRule.of("NULL", true, t("a"))).hasMessage("rule name: NULL (reserved)");
    assertThatThrownBy(() -> JsgfRule.of("a.b", true, t("a")))
        .hasMessage("rule name: 'a.b' (expected a simple name)");
    assertThatThrownBy(() -> new JsgfRule("a", true, t("a"), "x */"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new JsgfImport("a")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new JsgfHeader("V2.0", null, null)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new JsgfHeader("V1.0", "nope-charset", null))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new JsgfHeader("V1.0", "UTF-8", "r u"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new JsgfHeader("V1.0", null, "ru"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () -> JsgfGrammar.of(JsgfHeader.UTF8_RU, "bad name", List.of(), List.of()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(new Alternatives(List.of(t("a"), t("b")), List.of(-0.0, 1.0)).weights())
        .containsExactly(0.0, 1.0);
    assertThat(new RuleRef("a.b.c").simpleName()).isEqualTo("c");
    assertThat(new RuleRef("a.b.c").isQualified()).isTrue();
    assertThat(new Repeat(t("a"), false).operator()).isEqualTo('*');
  }

  @Test
  void equalityIgnoresLayoutAndPositions() {
    JsgfGrammar a = JsgfGrammar.parse(H + "<r> = a|b;");
    JsgfGrammar b = JsgfGrammar.parse("#JSGF V1.0;\n\n  grammar g; // x\n<r>=\n a /*y*/ | b ;");
    assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
    assertThat(a).isNotEqualTo(JsgfGrammar.parse(H + "<r> = b | a;"));
    assertThat(a.equals(null)).isFalse();
    assertThat(a.toString()).isEqualTo(a.format());
  }
}
