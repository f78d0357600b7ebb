package io.ecss.examples.routing;

import static org.assertj.core.api.Assertions.assertThat;

import io.ecss.examples.Ecss;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RoutingCommandTest {

  record Run(int code, String out, String err) {}

  static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Ecss.run(new PrintWriter(out), new PrintWriter(err), args);
    return new Run(code, out.toString(), err.toString());
  }

  static String dir(String domain) {
    try {
      return Path.of(RoutingCommandTest.class.getClassLoader().getResource("routing/" + domain).toURI())
          .toString();
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void traceReproducesTheManualsTrace() {
    Run r = run("routing", "trace", "--dir", dir("sorm"), "--context", "ctx_from_local",
        "cgpn.digits=28331", "cdpn.digits=89001758964", "mode=enblock");
    assertThat(r.code()).isZero();
    assertThat(r.err()).isEmpty();
    assertThat(r.out()).isEqualTo("""
        Traceroute to 89001758964 from 28331, mode enblock
        Default context is ctx_from_local
        Context ctx_from_local, rule to_8
            sorm_digits_b="89001758964" (template "8{%}")
            sorm_ni_b=intercity
            cdpn "89001758964" -> "9001758964" (template "{%}")
            cdpn ni=intercity
            cdpn nai=nationalNumber
            sorm_digits_a="28331" (template "{1,2,3,4,5}")
            sorm_ni_a=private
            cgpn "28331" -> "3832728331" (template "38327{1,2,3,4,5}")
            cgpn ni=private
            cgpn nai=nationalNumber
        ------------------------------------------
        Routing result: external
        Direction: "smg_trunk"
        Context: ctx_from_local
        A: "3832728331"(ni=private, nai=nationalNumber)
        B: "9001758964"(ni=intercity, nai=nationalNumber)
        Options: [{sorm_ni_a,private},
                  {sorm_digits_a,"28331"},
                  {sorm_ni_b,intercity},
                  {sorm_digits_b,"89001758964"}]
        """);
  }

  @Test
  void traceJsonHasTheContractFields() {
    Run r = run("routing", "trace", "--dir", dir("sorm"), "--context", "ctx_from_local", "--json",
        "cgpn.digits=28331", "cdpn.digits=89001758964");
    assertThat(r.code()).isZero();
    assertThat(r.out()).isEqualTo("{\"result\":\"external\",\"trunk\":null,\"direction\":\"smg_trunk\","
        + "\"context\":\"ctx_from_local\",\"a\":{\"digits\":\"3832728331\",\"ni\":\"private\",\"nai\":\"nationalNumber\"},"
        + "\"b\":{\"digits\":\"9001758964\",\"ni\":\"intercity\",\"nai\":\"nationalNumber\"},"
        + "\"sorm\":{\"sorm_ni_a\":\"private\",\"sorm_digits_a\":\"28331\",\"sorm_ni_b\":\"intercity\","
        + "\"sorm_digits_b\":\"89001758964\"},\"path\":[\"ctx_from_local/to_8\"]}\n");
  }

  @Test
  void traceJsonForContinueNoRouteAndDefaultContext() {
    Run r = run("routing", "trace", "--dir", dir("central_voip"), "--json",
        "cgpn.digits=73832112233", "cdpn.digits=73832700001");
    assertThat(r.out()).isEqualTo("{\"result\":\"local\",\"trunk\":null,\"direction\":null,\"context\":\"ctx_city\","
        + "\"a\":{\"digits\":\"73832112233\"},\"b\":{\"digits\":\"73832700001\"},"
        + "\"sorm\":{\"sorm_ni_a\":\"local\",\"sorm_ni_b\":\"local\"},"
        + "\"path\":[\"default_routing/to_local_city_users\",\"ctx_city/to_local_city_users\"]}\n");
    Run none = run("routing", "trace", "--dir", dir("central_voip"), "--json", "cgpn.digits=1",
        "cdpn.digits=2");
    assertThat(none.out()).isEqualTo("{\"result\":\"no_route\",\"trunk\":null,\"direction\":null,"
        + "\"context\":\"default_routing\",\"a\":{\"digits\":\"1\"},\"b\":{\"digits\":\"2\"},\"sorm\":{},\"path\":[]}\n");
  }

  @Test
  void traceJsonForLoopsCarriesTheMessage(@TempDir Path tmp) throws IOException {
    Files.writeString(tmp.resolve("a.xml"),
        "<context name=\"default_routing\"><rule name=\"r\"><result><continue context=\"b\"/></result></rule></context>");
    Files.writeString(tmp.resolve("b.xml"),
        "<context name=\"b\"><rule name=\"r\"><result><continue context=\"default_routing\"/></result></rule></context>");
    Run r = run("routing", "trace", "--dir", tmp.toString(), "--json", "cdpn.digits=5", "--mode", "overlap");
    assertThat(r.code()).isZero();
    assertThat(r.out()).isEqualTo("{\"result\":\"loop\",\"trunk\":null,\"direction\":null,\"context\":\"default_routing\","
        + "\"a\":{\"digits\":\"\"},\"b\":{\"digits\":\"5\"},\"sorm\":{},"
        + "\"path\":[\"default_routing/r\",\"b/r\"],"
        + "\"message\":\"context default_routing visited twice: default_routing/r -> b/r -> default_routing\"}\n");
  }

  @Test
  void traceRejectsBadUsageAndBadInput(@TempDir Path tmp) {
    assertThat(run("routing", "trace", "--dir", dir("sorm"), "cgpn.digits=1").code()).isEqualTo(2);
    Run bad = run("routing", "trace", "--dir", dir("sorm"), "cdpn.digits=12x");
    assertThat(bad.code()).isEqualTo(2);
    assertThat(bad.err()).contains("digits: 'x' at position 3 of \"12x\"");
    assertThat(run("routing", "trace", "--dir", dir("sorm"), "cdpn.digits=1", "foo=2").code()).isEqualTo(2);
    assertThat(run("routing", "trace", "--dir", dir("sorm"), "cdpn.digits=1", "mode=fast").code()).isEqualTo(2);
    assertThat(run("routing", "trace", "--dir", dir("sorm"), "nonsense").code()).isEqualTo(2);
    Run missing = run("routing", "trace", "--dir", dir("sorm"), "cdpn.digits=1");
    assertThat(missing.code()).isEqualTo(1);
    assertThat(missing.err()).isEqualTo("ecss routing trace: " + dir("sorm")
        + ": no context default_routing (contexts: ctx_from_local)\n");
    Run noDir = run("routing", "trace", "--dir", tmp.resolve("nope").toString(), "cdpn.digits=1");
    assertThat(noDir.code()).isEqualTo(1);
    assertThat(noDir.err()).contains("no such file");
  }

  @Test
  void checkPrintsEveryProblemAndExitsOneOnErrors(@TempDir Path tmp) throws IOException {
    Run clean = run("routing", "check", dir("local.voip"));
    assertThat(clean.code()).isZero();
    assertThat(clean.out()).isEmpty();
    assertThat(clean.err()).isEqualTo(dir("local.voip") + ": 0 error(s), 0 warning(s)\n");
    Path f = tmp.resolve("bad.xml");
    Files.writeString(f, """
        <context name="c">
          <rule name="r">
            <conditions><cdpn digits="8%%"/></conditions>
            <actions><called sorm_ni="town"/></actions>
            <result><continue context="x"/></result>
          </rule>
        </context>
        """);
    Run r = run("routing", "check", f.toString());
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.out()).isEqualTo(
        f + ":3:33: error: <cdpn>: rule c/r: bad digits \"8%%\" at character 3: second '%' (expected at most one '%' per pattern)\n"
            + f + ":4:31: error: <called>: rule c/r: unknown sorm_ni \"town\" (expected one of private, local, zone, intercity, international, emergency)\n"
            + f + ":5:13: warning: rule r: <continue context=\"x\"/> names a context not in this file\n");
    assertThat(r.err()).isEqualTo(f + ": 2 error(s), 1 warning(s)\n");
    assertThat(run("routing", "check", tmp.resolve("none.xml").toString()).code()).isEqualTo(1);
  }

  @Test
  void numbersCountsListsAndTestsMembership() {
    assertThat(run("routing", "numbers", "738327{0-1}000{0-1}").out()).isEqualTo("4\n");
    assertThat(run("routing", "numbers", "{2124-2400}", "--count").out()).isEqualTo("277\n");
    assertThat(run("routing", "numbers", "738327{0-1}000{0-1}", "--list").out())
        .isEqualTo("73832700000\n73832700001\n73832710000\n73832710001\n");
    assertThat(run("routing", "numbers", "{101,102,103,110-120}", "--list", "--limit", "4").out())
        .isEqualTo("101\n102\n103\n110\n");
    assertThat(run("routing", "numbers", "{2124-2400}", "--contains", "2200", "--count").out()).isEqualTo("yes\n277\n");
    assertThat(run("routing", "numbers", "{2124-2400}", "--contains", "2401").out()).isEqualTo("no\n");
    Run bad = run("routing", "numbers", "{5-1}");
    assertThat(bad.code()).isEqualTo(1);
    assertThat(bad.err()).isEqualTo(
        "ecss routing numbers: bad number set \"{5-1}\" at column 4: reversed range 5-1 (expected low-high)\n");
    assertThat(run("routing", "numbers", "1", "--limit", "3").code()).isEqualTo(2);
    assertThat(run("routing", "numbers", "1", "--list", "--limit", "-3").code()).isEqualTo(2);
  }

  @Test
  void digitmapPrintsFullPartialOrNoMatch() {
    String map = "(*[0-9*][0-9*].#|#[0-9*][0-9*].#|*#[0-9*][0-9*].#|1xx.|10xx.)";
    assertThat(run("routing", "digitmap", map, "*21#").out()).isEqualTo("full\n");
    assertThat(run("routing", "digitmap", map, "*2").out()).isEqualTo("partial\n");
    assertThat(run("routing", "digitmap", map, "2").out()).isEqualTo("no_match\n");
    Run bad = run("routing", "digitmap", "(1|", "1");
    assertThat(bad.code()).isEqualTo(1);
    assertThat(bad.err()).isEqualTo(
        "ecss routing digitmap: bad digit map \"(1|\" at column 4: unterminated '(' (expected ')' at the end)\n");
  }

  @Test
  void demoSectionShowsTheManualsTrace() throws Exception {
    StringWriter sw = new StringWriter();
    RoutingDemo demo = new RoutingDemo();
    assertThat(demo.module()).isEqualTo("ecss-routing-xml");
    demo.run(new PrintWriter(sw, true));
    String out = sw.toString();
    assertThat(out).contains("central_voip: default_routing (4 rules), ctx_city (1 rules); check: 0 problem(s)")
        .contains("  A: \"3832728331\"(ni=private, nai=nationalNumber)")
        .contains("  B: \"9001758964\"(ni=intercity, nai=nationalNumber)")
        .contains("  Options: [{sorm_ni_a,private},")
        .contains("{sorm_digits_b,\"89001758964\"}]")
        .contains("read back equal: true")
        .contains("*21# full, *2 partial, 2 no_match")
        .contains("4 numbers: 73832700000, 73832700001, 73832710000, 73832710001");
  }

  @Test
  void checkExitsZeroWhenMultiLineTagsHoldOnlyUnsupportedContent(@TempDir Path tmp) throws IOException {
    Path f = tmp.resolve("ext.xml");
    Files.writeString(f, """
        <context name="c">
          <rule name="r">
            <conditions>
              <time
                from="08:00"/>
            </conditions>
            <result><local/></result>
          </rule>
        </context>
        """);
    Run r = run("routing", "check", f.toString());
    assertThat(r.out()).isEqualTo(f + ":4:7: warning: <time>: rule c/r: unsupported condition (kept;"
        + " the rule ends routing with an error if its other conditions match)\n");
    assertThat(r.err()).isEqualTo(f + ": 0 error(s), 1 warning(s)\n");
    assertThat(r.code()).isZero();
  }

  @Test
  void traceNamesFileLineAndColumnOfAContextThatDoesNotCompile(@TempDir Path tmp) throws IOException {
    Path f = tmp.resolve("default.xml");
    Files.writeString(f, """
        <context name="default_routing">
          <rule name="r">
            <actions><cgpn digits="{%}"/></actions>
            <result><local/></result>
          </rule>
        </context>
        """);
    Run r = run("routing", "trace", "--dir", tmp.toString(), "cdpn.digits=1");
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err()).isEqualTo("ecss routing trace: " + f + ":3:14: rule r: <cgpn digits=\"{%}\"> uses {%}"
        + " but no cgpn condition of the rule has a % (expected a condition like <cgpn digits=\"8%\"/>)\n");
  }

  @Test
  void digitmapRejectsADialledStringThatIsNoDialString() {
    // Used to print no_match and exit 0 for a typo such as x or a letter.
    Run bad = run("routing", "digitmap", "(1xx)", "1x2");
    assertThat(bad.code()).isEqualTo(2);
    assertThat(bad.out()).isEmpty();
    assertThat(bad.err()).startsWith("DIALLED \"1x2\": 'x' at position 2 (expected dial symbols 0123456789*#ABCD)\n");
    assertThat(run("routing", "digitmap", "(1xx|*D)", "*D").out()).isEqualTo("full\n");
    assertThat(run("routing", "digitmap", "(1xx)", "").out()).isEqualTo("partial\n");
  }
}
