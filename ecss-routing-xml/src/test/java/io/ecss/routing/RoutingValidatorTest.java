package io.ecss.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RoutingValidatorTest {

  private static List<String> report(String xml) {
    return RoutingValidator.validate(xml, "t.xml").stream().map(Problem::toString).toList();
  }

  @Test
  void reportsEveryProblemNotJustTheFirst() {
    String xml = """
        <context name="c" digitmap="(1|">
          <rule name="a">
            <conditions><cdpn digits="8%%"/><cgpn digits="(5-1)"/></conditions>
            <actions>
              <called sorm_digits="8{%}" sorm_ni="city"/>
              <cdpn digits="{0}"/>
            </actions>
            <result><local/></result>
          </rule>
          <rule name="a">
            <result><continue context="c"/></result>
          </rule>
          <rule name="b">
            <conditions><cdpn digits="12"/></conditions>
            <actions><cgpn digits="{%}"/><cdpn digits="{3}"/></actions>
            <result><continue context="elsewhere"/></result>
          </rule>
        </context>
        """;
    assertThat(report(xml)).containsExactly(
        "t.xml:1:32: error: <context>: bad digitmap \"(1|\" at character 4: unterminated '(' (expected ')' at the end)",
        "t.xml:3:33: error: <cdpn>: rule c/a: bad digits \"8%%\" at character 3: second '%' (expected at most one '%' per pattern)",
        "t.xml:3:54: error: <cgpn>: rule c/a: bad digits \"(5-1)\" at character 4: reversed range 5-1 (expected low-high)",
        "t.xml:5:43: error: <called>: rule c/a: unknown sorm_ni \"city\" (expected one of private, local, zone, intercity, international, emergency)",
        "t.xml:6:22: error: <cdpn>: rule c/a: bad digits \"{0}\" at character 2: position 0 (positions start at 1)",
        "t.xml:10:3: error: rule a: duplicate rule name a in context c (expected unique names)",
        "t.xml:11:13: error: rule a: <continue context=\"c\"/> continues in its own context (a loop)",
        "t.xml:15:14: error: rule b: <cgpn digits=\"{%}\"> uses {%} but no cgpn condition of the rule has a % (expected a condition like <cgpn digits=\"8%\"/>)",
        "t.xml:15:34: error: rule b: <cdpn digits=\"{3}\"> reads position 3 but the cdpn conditions allow at most 2 symbols",
        "t.xml:16:13: warning: rule b: <continue context=\"elsewhere\"/> names a context not in this file");
  }

  @Test
  void warnsAboutShadowedRules() {
    String xml = """
        <context name="c">
          <rule name="wide"><conditions><cdpn digits="7%"/></conditions><result><local/></result></rule>
          <rule name="narrow"><conditions><cdpn digits="73832??????"/><cgpn digits="5"/></conditions><result><local/></result></rule>
          <rule name="other"><conditions><cdpn digits="8%"/></conditions><result><local/></result></rule>
        </context>
        """;
    assertThat(report(xml)).containsExactly(
        "t.xml:3:3: warning: rule narrow: unreachable: every call it matches is matched first by rule wide");
  }

  @Test
  void reportsUnsupportedContentAsWarningsAndSchemaErrorsOnce() {
    List<String> r = report(RoutingXmlTest.UNKNOWN);
    assertThat(r).allMatch(p -> p.contains(": warning: "), "only warnings");
    assertThat(r).contains(
        "t.xml:3:1: warning: <context>: unsupported attribute owner (kept; ignored by the evaluator)",
        "t.xml:4:3: warning: <description>: unsupported element in context x (kept; ignored by the evaluator)",
        "t.xml:8:7: warning: <time>: rule x/r: unsupported condition (kept; the rule ends routing with an error if its other conditions match)",
        "t.xml:23:13: warning: <reject>: rule x/r2: unsupported result (kept; the rule ends routing with an error if it matches)");
    assertThat(r).hasSize(14);
  }

  @Test
  void reportsSchemaErrorsTheReaderDoesNotSee() {
    // xs: prefix without its namespace declaration: fine for the non-namespace reader, not for XSD.
    List<String> r = report("<context xs:noNamespaceSchemaLocation=\"ecss_routing.xsd\" name=\"c\"/>");
    assertThat(r).hasSize(1);
    assertThat(r.get(0)).startsWith("t.xml:1:").contains(": error: schema: ");
  }

  @Test
  void wellFormednessErrorIsTheOnlyProblem() {
    assertThat(report("<context name=\"c\">")).containsExactly(
        "t.xml:1:19: error: not well-formed XML: XML document structures must start and end within the same entity.");
  }

  @Test
  void validatesADirectoryAsOneDomain(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("a.xml"),
        "<context name=\"a\"><rule name=\"r\"><result><continue context=\"b\"/></result></rule>"
            + "<rule name=\"s\"><result><continue context=\"zz\"/></result></rule></context>");
    Files.writeString(dir.resolve("b.xml"), "<context name=\"b\"/>");
    Files.writeString(dir.resolve("c.xml"), "<context name=\"b\"/>");
    Files.writeString(dir.resolve("broken.xml"), "<context");
    Files.writeString(dir.resolve("notes.txt"), "ignored");
    List<String> r = RoutingValidator.validate(dir).stream().map(Problem::toString).toList();
    String d = dir.toString();
    assertThat(r).containsExactly(
        d + "/a.xml:1:81: warning: rule s: unreachable: every call it matches is matched first by rule r",
        d + "/a.xml:1:104: error: rule s: <continue context=\"zz\"/> names a context missing from the directory",
        d + "/broken.xml:1:9: error: not well-formed XML: XML document structures must start and end within the same entity.",
        d + "/c.xml:1:1: error: duplicate context name b (also in " + d + "/b.xml)");
    Path empty = dir.resolve("empty");
    Files.createDirectory(empty);
    assertThat(RoutingValidator.validate(empty)).extracting(Problem::message)
        .containsExactly("no *.xml context files in the directory");
    assertThat(RoutingValidator.schema()).isNotNull();
  }

  @Test
  void problemFormatsLikeACompiler() {
    Problem p = new Problem(Severity.WARNING, "f.xml", 3, 7, "something");
    assertThat(p).hasToString("f.xml:3:7: warning: something");
    assertThat(Severity.ERROR.label()).isEqualTo("error");
  }

  @Test
  void unsupportedContentInMultiLineStartTagsIsAWarningNotASchemaError() {
    // SAX reports a schema error at the end of the start tag; when the tag spans lines, that line
    // differs from the reader's warning, and the schema error used to survive: `check` exited 1
    // for a file whose only findings are documented as warnings.
    List<String> r = report("""
        <context name="c">
          <rule name="r">
            <conditions>
              <cdpn digits="1"/>
              <time
                from="08:00"/>
            </conditions>
            <result>
              <external>
                <trunk value="t"/>
                <weight
                   v="1"/>
              </external>
            </result>
          </rule>
        </context>
        """);
    assertThat(r).containsExactly(
        "t.xml:5:7: warning: <time>: rule c/r: unsupported condition (kept; the rule ends routing with an error if its other conditions match)",
        "t.xml:11:9: warning: <weight>: rule c/r: unsupported element in <external> (kept; the rule ends routing with an error if it matches)");
    // A schema error the reader does not see is still reported when its tag spans lines.
    List<String> s = report("<context\n    xs:noNamespaceSchemaLocation=\"ecss_routing.xsd\"\n    name=\"c\"/>");
    assertThat(s).hasSize(1);
    assertThat(s.get(0)).startsWith("t.xml:3:15: error: schema: ");
  }

  @Test
  void incompleteContentIsReportedOnceNotAgainAsASchemaError() {
    // SAX reports "content of element 'rule' is not complete" at </rule>; the reader already says
    // "missing <result>" at <rule>, and the error used to be counted twice.
    assertThat(report("""
        <context name="c">
          <rule name="r">
            <conditions/>
          </rule>
          <rule name="s">
            <result>
            </result>
          </rule>
          <!-- </rule> in a comment --><rule name="t"><conditions></conditions><result>
            <local/></result></rule>
        </context>
        """)).containsExactly(
        "t.xml:2:3: error: <rule>: rule c/r: missing <result> (expected <local/>, <external>, <continue> or <teleconference/>)",
        "t.xml:6:5: error: <result>: rule c/s: empty <result> (expected <local/>, <external>, <continue> or <teleconference/>)");
  }

  @Test
  void aBadConditionIsNotReportedAgainAsATemplateError() {
    // The rule was read without its broken "8%%" condition, and the template check then added
    // "uses {%} but no cdpn condition of the rule has a %" for the same mistake.
    assertThat(report("""
        <context name="c">
          <rule name="r">
            <conditions><cdpn digits="8%%"/></conditions>
            <actions><cdpn digits="7{%}"/><cgpn digits="{%}"/></actions>
            <result><local/></result>
          </rule>
        </context>
        """)).containsExactly(
        "t.xml:3:33: error: <cdpn>: rule c/r: bad digits \"8%%\" at character 3: second '%' (expected at most one '%' per pattern)");
    // Without a broken condition the template check still speaks.
    assertThat(report("""
        <context name="c">
          <rule name="r">
            <conditions><cdpn digits="8%"/></conditions>
            <actions><cgpn digits="{%}"/></actions>
            <result><local/></result>
          </rule>
        </context>
        """)).containsExactly(
        "t.xml:4:14: error: rule r: <cgpn digits=\"{%}\"> uses {%} but no cgpn condition of the rule has a %"
            + " (expected a condition like <cgpn digits=\"8%\"/>)");
  }
}
