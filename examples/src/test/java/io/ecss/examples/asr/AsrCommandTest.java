package io.ecss.examples.asr;

import static org.assertj.core.api.Assertions.assertThat;

import io.ecss.examples.Ecss;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AsrCommandTest {
  static final String NL = System.lineSeparator();

  record Run(int code, String out, String err) {}

  @TempDir Path dir;

  static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Ecss.run(new PrintWriter(out), new PrintWriter(err), args);
    return new Run(code, out.toString().replace(NL, "\n"), err.toString().replace(NL, "\n"));
  }

  String file(String name, String content) throws IOException {
    Path p = dir.resolve(name);
    Files.createDirectories(p.getParent());
    Files.writeString(p, content, StandardCharsets.UTF_8);
    return p.toString();
  }

  static final String MENU =
      """
      #JSGF V1.0 UTF-8 ru;
      grammar ivr;
      public <menu> = (да | конечно) {yes} | (нет | не надо) {no} [пожалуйста];
      <unused> = x;
      """;

  @Test
  void checkPrintsEveryProblemWithFileLineColumn() throws IOException {
    String ok = file("ok.gram", MENU.replace("<unused> = x;\n", ""));
    assertThat(run("asr", "jsgf", "check", ok)).isEqualTo(new Run(0, "", ""));
    String warn = file("warn.gram", MENU);
    assertThat(run("asr", "jsgf", "check", warn))
        .isEqualTo(new Run(0, warn + ":4:1: warning: private rule <unused> is never used\n", ""));
    String bad =
        file(
            "bad.gram",
            "#JSGF V1.0;\ngrammar g;\nimport <nowhere.*>;\npublic <a> = <b> | (x*)+;\npublic <a> = y;\n");
    Run r = run("asr", "jsgf", "check", bad);
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.out())
        .isEqualTo(
            bad + ":3:1: unresolved import <nowhere.*>: grammar nowhere not found\n"
                + bad + ":4:14: undefined rule <b>\n"
                + bad + ":4:24: expansion under '+' can match the empty sequence\n"
                + bad + ":5:1: duplicate rule <a> (first defined at 4:1)\n");
    String syntax = file("syntax.gram", "#JSGF V1.0;\ngrammar g;\npublic <a> = (x;\n");
    assertThat(run("asr", "jsgf", "check", syntax))
        .isEqualTo(
            new Run(
                1,
                syntax + ":3:16: expected ')' to close the group opened at 3:14, found ';'\n",
                ""));
  }

  @Test
  void checkResolvesImportsNextToTheFileAndOnThePath() throws IOException {
    file("lib/digits.gram", "#JSGF V1.0;\ngrammar lib.digits;\npublic <d> = один | два;\n");
    String other = dir.resolve("other").toString();
    file("other/extra.gram", "#JSGF V1.0;\ngrammar extra;\npublic <e> = ещё;\n");
    String main =
        file(
            "main.gram",
            "#JSGF V1.0;\ngrammar main;\nimport <lib.digits.*>;\nimport <extra.e>;\npublic <pin> = <d> <e>;\n");
    assertThat(run("asr", "jsgf", "check", main).code()).isEqualTo(1);
    assertThat(run("asr", "jsgf", "check", "--path", other, main)).isEqualTo(new Run(0, "", ""));
    assertThat(run("asr", "jsgf", "expand", "-p", other, main))
        .isEqualTo(new Run(0, "один ещё\nдва ещё\n", ""));
  }

  @Test
  void expandPrintsPhrasesOrJson() throws IOException {
    String f = file("menu.gram", MENU);
    assertThat(run("asr", "jsgf", "expand", f))
        .isEqualTo(
            new Run(
                0,
                "да\nконечно\nнет пожалуйста\nнет\nне надо пожалуйста\nне надо\n",
                ""));
    assertThat(run("asr", "jsgf", "expand", "--json", "--rule", "unused", f))
        .isEqualTo(new Run(0, "[\"x\"]\n", ""));
    Run limit = run("asr", "jsgf", "expand", "--limit", "3", f);
    assertThat(limit.code()).isEqualTo(1);
    assertThat(limit.err())
        .isEqualTo(
            "ecss asr jsgf expand: "
                + f
                + ":3:61: rule <menu> expands to more than 3 phrases (ExpansionLimits.maxPhrases);"
                + " raise the limit or use JsgfMatcher\n");
    String star = file("star.gram", "#JSGF V1.0;\ngrammar s;\npublic <s> = a*;\n");
    assertThat(run("asr", "jsgf", "expand", "--max-repeat", "2", star).out()).isEqualTo("\na\na a\n");
    assertThat(run("asr", "jsgf", "expand", "--limit", "0", star).code()).isEqualTo(2);
    Run noRule = run("asr", "jsgf", "expand", "--rule", "nope", f);
    assertThat(noRule.code()).isEqualTo(1);
    assertThat(noRule.err())
        .isEqualTo("ecss asr jsgf expand: " + f + ": no rule <nope> in grammar ivr (undefined rule <nope>)\n");
    String priv = file("priv.gram", "#JSGF V1.0;\ngrammar p;\n<a> = x;\n");
    assertThat(run("asr", "jsgf", "expand", priv).err())
        .isEqualTo("ecss asr jsgf expand: " + priv + ": grammar p has no public rule (use --rule)\n");
    String broken = file("broken.gram", "#JSGF V1.0;\ngrammar p;\npublic <a> = ;\n");
    assertThat(run("asr", "jsgf", "expand", broken))
        .isEqualTo(
            new Run(
                1,
                "",
                "ecss asr jsgf expand: "
                    + broken
                    + ":3:14: expected a token, a rule reference, '(' or '[', found ';'\n"));
  }

  @Test
  void voskPrintsThePhraseListWithUnk() throws IOException {
    String f = file("menu.gram", MENU);
    assertThat(run("asr", "jsgf", "vosk", f))
        .isEqualTo(
            new Run(
                0,
                "[\"да\",\"конечно\",\"нет пожалуйста\",\"нет\",\"не надо пожалуйста\",\"не надо\",\"[unk]\"]\n",
                ""));
  }

  @Test
  void matchPrintsTagsOrNoMatch() throws IOException {
    String f = file("menu.gram", MENU);
    assertThat(run("asr", "jsgf", "match", f, "Не", "надо", "пожалуйста"))
        .isEqualTo(new Run(0, "match {no}\n", ""));
    assertThat(run("asr", "jsgf", "match", f, "да конечно")).isEqualTo(new Run(1, "no match\n", ""));
    assertThat(run("asr", "jsgf", "match", "--json", f, "конечно"))
        .isEqualTo(new Run(0, "{\"match\":true,\"tags\":[\"yes\"]}\n", ""));
    assertThat(run("asr", "jsgf", "match", "--json", f, "может"))
        .isEqualTo(new Run(1, "{\"match\":false,\"tags\":[]}\n", ""));
    assertThat(run("asr", "jsgf", "match", "--exact", f, "Да").code()).isEqualTo(1);
    String tags = file("tags.gram", "#JSGF V1.0;\ngrammar t;\npublic <t> = a {x} {y\\}z};\n");
    assertThat(run("asr", "jsgf", "match", tags, "a").out()).isEqualTo("match {x} {y\\}z}\n");
    String left = file("left.gram", "#JSGF V1.0;\ngrammar l;\npublic <l> = <l> x | x;\n");
    assertThat(run("asr", "jsgf", "match", left, "x").err())
        .isEqualTo(
            "ecss asr jsgf match: "
                + left
                + ":3:14: rule <l> is recursive other than by right recursion; the matcher supports"
                + " only right recursion\n");
  }

  @Test
  void menuBuildsTheGrammarAndRecognises() {
    Run r = run("asr", "menu", "--item", "1=да|конечно", "--item", "2=нет|не надо");
    assertThat(r)
        .isEqualTo(
            new Run(
                0,
                """
                #JSGF V1.0 UTF-8 ru;
                grammar ivr;

                public <menu> = <item_1> | <item_2>;

                <item_1> = (да | конечно) {1};

                <item_2> = (нет | не надо) {2};
                """,
                ""));
    assertThat(run("asr", "menu", "--item", "1=да|конечно", "--item", "2=нет|не надо", "--recognise", "да конечно"))
        .isEqualTo(new Run(0, "1\n", ""));
    assertThat(run("asr", "menu", "--item", "1=да", "--item", "2=нет|не надо", "--recognise", "ну не надо"))
        .isEqualTo(new Run(0, "2\n", ""));
    assertThat(run("asr", "menu", "--item", "1=да", "--recognise", "может быть"))
        .isEqualTo(new Run(1, "no match\n", ""));
    assertThat(run("asr", "menu", "--item", "1=да", "--item", "#:Назад=", "--dtmf", "#"))
        .isEqualTo(new Run(0, "#\n", ""));
    assertThat(run("asr", "menu", "--item", "1:Да=да", "--json", "--recognise", "да"))
        .isEqualTo(new Run(0, "{\"match\":true,\"key\":\"1\",\"description\":\"Да\"}\n", ""));
    assertThat(run("asr", "menu", "--item", "1=да", "--json", "--dtmf", "5"))
        .isEqualTo(new Run(1, "{\"match\":false,\"key\":null,\"description\":null}\n", ""));
    assertThat(run("asr", "menu", "--item", "1:Согласие=да|ага", "--json").out())
        .isEqualTo(
            "{\"grammar\":\"#JSGF V1.0 UTF-8 ru;\\ngrammar ivr;\\n\\npublic <menu> = <item_1>;\\n\\n"
                + "/** Согласие */\\n<item_1> = (да | ага) {1};\\n\","
                + "\"vosk\":[\"да\",\"ага\",\"[unk]\"],"
                + "\"items\":[{\"key\":\"1\",\"description\":\"Согласие\",\"phrases\":[\"да\",\"ага\"]}]}\n");
  }

  @Test
  void menuUsageErrorsExitTwo() {
    Run dup = run("asr", "menu", "--item", "1=да", "--item", "2=Да");
    assertThat(dup.code()).isEqualTo(2);
    assertThat(dup.err()).startsWith("--item: phrase 'Да' belongs to items 1 and 2\n");
    Run bad = run("asr", "menu", "--item", "да");
    assertThat(bad.code()).isEqualTo(2);
    assertThat(bad.err()).startsWith("--item 'да': expected KEY[:DESCRIPTION]=PHRASE|PHRASE...\n");
    assertThat(run("asr", "menu", "--item", "12=да").err()).startsWith("--item: key: '12' (expected one of 0-9, * or #)\n");
    assertThat(run("asr", "menu").code()).isEqualTo(2);
    assertThat(run("asr", "menu", "--item", "1=да", "--dtmf", "1", "--recognise", "да").code()).isEqualTo(2);
  }

  @Test
  void dictOovListsMissingWords() throws IOException {
    String g = file("menu.gram", MENU);
    String d = file("ru.dic", "## ECSS ru.dic\nда d aa\nнет n ee t\nне n e\nне(2) nn e\nНадо n aa d a\n");
    assertThat(run("asr", "dict", "oov", "--dict", d, g))
        .isEqualTo(new Run(0, "конечно\nнадо\nпожалуйста\nx\n", ""));
    assertThat(run("asr", "dict", "oov", "--ignore-case", "--json", "--dict", d, g))
        .isEqualTo(new Run(0, "[\"конечно\",\"пожалуйста\",\"x\"]\n", ""));
    String bad = file("bad.dic", "да d aa\nнет\n");
    assertThat(run("asr", "dict", "oov", "--dict", bad, g))
        .isEqualTo(new Run(1, "", "ecss asr dict oov: " + bad + ":2:1: word 'нет' has no phones\n"));
    assertThat(run("asr", "dict", "oov", "--dict", "-", "-").code()).isEqualTo(2);
  }

  @Test
  void demoSectionPrintsAMenuAndThreeUtterances() {
    StringWriter sw = new StringWriter();
    PrintWriter pw = new PrintWriter(sw);
    AsrDemo demo = new AsrDemo();
    demo.run(pw);
    pw.flush();
    assertThat(demo.module()).isEqualTo("ecss-asr-client");
    assertThat(sw.toString())
        .contains("<item_1> = (да | конечно) {1};")
        .contains("Re-parsed equals the built grammar: true")
        .contains("-> item 1 (Подтвердить запись)")
        .contains("-> item 2 (Отменить запись)")
        .contains("-> no item");
  }
}
