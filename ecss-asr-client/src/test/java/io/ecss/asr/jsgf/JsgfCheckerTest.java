package io.ecss.asr.jsgf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ecss.asr.jsgf.JsgfProblem.Severity;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsgfCheckerTest {
  static final String H = "#JSGF V1.0 UTF-8 ru;\ngrammar g;\n";

  static List<String> check(String text, JsgfLoader loader) {
    return JsgfChecker.check(JsgfGrammar.parse(text), loader).stream()
        .map(JsgfProblem::toString)
        .toList();
  }

  static List<String> check(String rules) {
    return check(H + rules, JsgfLoader.none());
  }

  @Test
  void cleanGrammarHasNoProblems() {
    assertThat(check("public <a> = да <b>;\n<b> = нет [<b>];")).isEmpty();
  }

  @Test
  void undefinedDuplicateAndAmbiguous() {
    assertThat(check("public <a> = <x> | <g.y> | <g.a>;\npublic <a> = b;"))
        .containsExactly(
            "3:14: undefined rule <x>",
            "3:20: undefined rule <g.y>",
            "4:1: duplicate rule <a> (first defined at 3:1)");
    JsgfLoader two =
        JsgfLoader.of(
            List.of(
                JsgfGrammar.parse("#JSGF V1.0;\ngrammar p;\npublic <x> = a;"),
                JsgfGrammar.parse("#JSGF V1.0;\ngrammar q;\npublic <x> = b;\n<hidden> = c;")));
    assertThat(
            check(
                """
                        #JSGF V1.0;
                        grammar g;
                        import <p.*>;
                        import <q.*>;
                        public <a> = <x> | <q.hidden> | <r.z> | <q.none> | <p.x>;
                        """,
                two))
        .containsExactly(
            "5:14: ambiguous reference <x>: imported from p and q",
            "5:20: rule <q.hidden> is private to grammar q",
            "5:33: rule <r.z> is not imported (add 'import <r.z>;' or 'import <r.*>;')",
            "5:41: undefined rule <q.none>");
  }

  @Test
  void recursionOtherThanRightRecursion() {
    assertThat(
            check(
                """
                        public <l> = <l> x | x;
                        public <c> = a <c> b | a b;
                        public <r> = x [<r>];
                        public <m1> = a <m2>;
                        <m2> = b <m1> | b;
                        public <t> = a <t> {tag} | a;
                        public <s> = (a <s>)* b;
                        """))
        .containsExactly(
            "3:14: recursive reference to <l> is not in tail position (only right recursion is"
                + " supported)",
            "4:16: recursive reference to <c> is not in tail position (only right recursion is"
                + " supported)",
            "8:16: recursive reference to <t> is not in tail position (only right recursion is"
                + " supported)",
            "9:17: recursive reference to <s> is not in tail position (only right recursion is"
                + " supported)");
  }

  @Test
  void emptyMatchingExpansionUnderRepeat() {
    assertThat(check("public <a> = (x*)+ | [y]* | <NULL>* | <n>+ | z+;\n<n> = [w];"))
        .containsExactly(
            "3:18: expansion under '+' can match the empty sequence",
            "3:25: expansion under '*' can match the empty sequence",
            "3:35: expansion under '*' can match the empty sequence",
            "3:42: expansion under '+' can match the empty sequence");
  }

  @Test
  void warnings() {
    assertThat(check("public <a> = x <VOID>;\n<unused> = y;\npublic <loop> = x <loop>;"))
        .containsExactly(
            "3:1: warning: rule <a> can never match: its language is empty (<VOID> on every path,"
                + " or recursion without an exit)",
            "4:1: warning: private rule <unused> is never used",
            "5:1: warning: rule <loop> can never match: its language is empty (<VOID> on every"
                + " path, or recursion without an exit)");
    assertThat(check("<a> = x <a> | x;"))
        .containsExactly(
            "1:1: warning: the grammar has no public rule",
            "3:1: warning: private rule <a> is never used");
    JsgfProblem w = JsgfChecker.check(JsgfGrammar.parse(H + "<a> = x;"), JsgfLoader.none()).get(0);
    assertThat(w.severity()).isEqualTo(Severity.WARNING);
  }

  @Test
  void importsFromClasspathDirectoryAndMemory(@TempDir Path dir) throws IOException {
    String main =
        """
                #JSGF V1.0 UTF-8 ru;
                grammar main;
                import <lib.digits.*>;
                import <common.yes>;
                public <pin> = <yes> <digit> <lib.digits.digit>;
                """;
    JsgfLoader cp = JsgfLoader.classpath(getClass().getClassLoader(), "jsgf");
    assertThat(check(main, cp)).isEmpty();
    JsgfGrammarSet set = JsgfGrammarSet.resolve(JsgfGrammar.parse(main), cp);
    assertThat(JsgfExpander.expand(set, "pin")).hasSize(18).startsWith("да один один");

    Files.createDirectories(dir.resolve("lib"));
    Files.writeString(
        dir.resolve("lib/digits.gram"),
        "#JSGF V1.0;\ngrammar lib.digits;\npublic <digit> = один;",
        StandardCharsets.UTF_8);
    Files.writeString(
        dir.resolve("yes.jsgf"), "#JSGF V1.0;\ngrammar common;\npublic <yes> = да;", StandardCharsets.UTF_8);
    Files.writeString(
        dir.resolve("common.gram"), "#JSGF V1.0;\ngrammar common;\npublic <yes> = ага;", StandardCharsets.UTF_8);
    JsgfGrammarSet fromDir = JsgfGrammarSet.resolve(JsgfGrammar.parse(main), JsgfLoader.directory(dir));
    assertThat(JsgfExpander.expand(fromDir, "pin")).containsExactly("ага один один");

    JsgfLoader memory =
        JsgfLoader.of(List.of(JsgfGrammar.parse("#JSGF V1.0;\ngrammar common;\npublic <yes> = угу;")));
    JsgfLoader chain = memory.or(cp);
    assertThat(JsgfExpander.expand(JsgfGrammarSet.resolve(JsgfGrammar.parse(main), chain), "pin"))
        .hasSize(9)
        .allMatch(p -> p.startsWith("угу "));
    assertThatThrownBy(
            () ->
                JsgfLoader.of(
                    List.of(
                        JsgfGrammar.parse("#JSGF V1.0;\ngrammar x;"),
                        JsgfGrammar.parse("#JSGF V1.0;\ngrammar x;"))))
        .hasMessage("grammars: two declare the name x");
  }

  @Test
  void unresolvedImportsAndCycles(@TempDir Path dir) throws IOException {
    JsgfLoader cp = JsgfLoader.classpath(getClass().getClassLoader(), "jsgf/");
    assertThat(
            check(
                """
                        #JSGF V1.0;
                        grammar g;
                        import <nowhere.*>;
                        import <lib.digits.secret>;
                        import <lib.digits.none>;
                        public <a> = x;
                        """,
                cp))
        .containsExactly(
            "3:1: unresolved import <nowhere.*>: grammar nowhere not found",
            "4:1: unresolved import <lib.digits.secret>: rule <secret> of grammar lib.digits is"
                + " private",
            "5:1: unresolved import <lib.digits.none>: grammar lib.digits has no rule <none>");
    JsgfLoader cyclic =
        JsgfLoader.of(
            List.of(
                JsgfGrammar.parse("#JSGF V1.0;\ngrammar b;\nimport <c.*>;\npublic <x> = b;"),
                JsgfGrammar.parse("#JSGF V1.0;\ngrammar c;\nimport <a.*>;\nimport <d.*>;\npublic <y> = c;")));
    String a = "#JSGF V1.0;\ngrammar a;\nimport <b.*>;\npublic <r> = <x>;";
    assertThat(check(a, cyclic))
        .containsExactly(
            "3:1: grammar c: unresolved import <d.*>: grammar d not found",
            "3:1: import cycle: a -> b -> c -> a");
    assertThatThrownBy(() -> JsgfGrammarSet.resolve(JsgfGrammar.parse(a), cyclic))
        .isInstanceOf(JsgfException.class)
        .hasMessage("3:1: grammar c: unresolved import <d.*>: grammar d not found");

    Files.writeString(dir.resolve("bad.gram"), "#JSGF V1.0;\ngrammar bad;\n<r> = ;");
    Files.writeString(dir.resolve("wrong.gram"), "#JSGF V1.0;\ngrammar other;");
    assertThat(
            check(
                "#JSGF V1.0;\ngrammar g;\nimport <bad.*>;\nimport <wrong.*>;\npublic <a> = x;",
                JsgfLoader.directory(dir)))
        .containsExactly(
            "3:1: cannot load grammar bad: "
                + dir.resolve("bad.gram")
                + ":3:7: expected a token, a rule reference, '(' or '[', found ';'",
            "4:1: cannot load grammar wrong: "
                + dir.resolve("wrong.gram")
                + " declares grammar other, expected wrong");
    assertThat(
            JsgfChecker.check(
                JsgfGrammar.parse("#JSGF V1.0;\ngrammar g;\nimport <lib.digits.*>;\npublic <a> = x;"),
                cp,
                new JsgfLimits(1000, 10, 1)))
        .extracting(JsgfProblem::message)
        .containsExactly(
            "import <lib.digits.*> exceeds maxImportedGrammars 1 (JsgfLimits.maxImportedGrammars)");
  }

  @Test
  void resolveRejectsBrokenReferencesWithSource() {
    JsgfLoader lib =
        JsgfLoader.of(List.of(JsgfGrammar.parse("#JSGF V1.0;\ngrammar lib;\npublic <x> = <nope>;")));
    assertThatThrownBy(
            () ->
                JsgfGrammarSet.resolve(
                    JsgfGrammar.parse("#JSGF V1.0;\ngrammar g;\nimport <lib.*>;\npublic <a> = <x>;"), lib))
        .isInstanceOf(JsgfException.class)
        .hasMessage("lib:3:14: undefined rule <nope>")
        .extracting(e -> ((JsgfException) e).source())
        .isEqualTo("lib");
    assertThatThrownBy(() -> JsgfGrammarSet.of(JsgfGrammar.parse(H + "public <a> = <b>;")))
        .hasMessage("3:14: undefined rule <b>");
    assertThatThrownBy(() -> JsgfGrammarSet.of(JsgfGrammar.parse(H + "<a> = x;")).firstPublicRule())
        .hasMessage("grammar g has no public rule");
  }

  @Test
  void programmaticGrammarsHaveNoPositions() {
    JsgfGrammar g =
        JsgfGrammar.of(
            JsgfHeader.of("UTF-8", "ru"),
            "g",
            List.of(),
            List.of(JsgfRule.of("a", true, new Expansion.RuleRef("b"))));
    assertThat(JsgfChecker.check(g, JsgfLoader.none()))
        .containsExactly(new JsgfProblem(0, 0, Severity.ERROR, "undefined rule <b>"));
  }
}
