package io.ecss.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RoutingDomainTest {

  private static Rule cont(String name, String target) {
    return Rule.of(name, List.of(), List.of(), Result.Continue.of(target));
  }

  @Test
  void detectsLoopsAndUnknownContexts() {
    RoutingDomain d = RoutingDomain.of(List.of(
        RoutingContext.of("a", null, List.of(cont("to_b", "b"))),
        RoutingContext.of("b", null, List.of(cont("to_a", "a"))),
        RoutingContext.of("c", null, List.of(cont("to_x", "x")))), "a");
    Trace loop = d.route(Call.of("1", "2"));
    assertThat(loop.outcome()).isEqualTo(Outcome.LOOP);
    assertThat(loop.message()).isEqualTo("context a visited twice: a/to_b -> b/to_a -> a");
    assertThat(loop.pathNames()).containsExactly("a/to_b", "b/to_a");
    Trace unknown = d.route(Call.of("1", "2"), "c", RouteMode.ENBLOCK);
    assertThat(unknown.outcome()).isEqualTo(Outcome.ERROR);
    assertThat(unknown.message()).isEqualTo("unknown context x in <continue> of c/to_x");
    assertThat(unknown.context()).isEqualTo("x");
    Trace none = d.route(Call.of("1", "2"), "nope", RouteMode.ENBLOCK);
    assertThat(none.message()).isEqualTo("unknown context nope");
  }

  @Test
  void stopsAfterSixteenHops() {
    List<RoutingContext> chain = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      chain.add(RoutingContext.of("c" + i, null, List.of(cont("next", "c" + (i + 1)))));
    }
    chain.add(RoutingContext.of("c20", null, List.of(Rule.of("end", List.of(), List.of(), Result.Local.of()))));
    RoutingDomain d = RoutingDomain.of(chain, "c0");
    Trace t = d.route(Call.of("1", "2"));
    assertThat(t.outcome()).isEqualTo(Outcome.LOOP);
    assertThat(t.message()).startsWith("more than 16 continue hops: c0/next -> c1/next");
    assertThat(t.path()).hasSize(17);
    Trace ok = d.route(Call.of("1", "2"), "c5", RouteMode.ENBLOCK);
    assertThat(ok.outcome()).isEqualTo(Outcome.LOCAL);
    assertThat(ok.path()).hasSize(16);
  }

  @Test
  void templatePastTheEndIsAnErrorResultAndKeepsPreRuleState() {
    RoutingContext c = RoutingContext.of("c", null, List.of(
        Rule.of("first", List.of(Condition.Digits.of(Field.CDPN, "1%")),
            List.of(new Action.Sorm(Field.CDPN, null, SormNi.LOCAL, Map.of())),
            Result.Continue.of("d"))));
    RoutingContext d2 = RoutingContext.of("d", null, List.of(
        Rule.of("cut", List.of(),
            List.of(new Action.Sorm(Field.CDPN, null, SormNi.ZONE, Map.of()),
                Action.Digits.of(Field.CGPN, "{1-6}")),
            Result.Local.of())));
    RoutingDomain d = RoutingDomain.of(List.of(c, d2), "c");
    Trace t = d.route(Call.of("12345", "100"));
    assertThat(t.outcome()).isEqualTo(Outcome.ERROR);
    assertThat(t.message()).isEqualTo(
        "rule d/cut: template \"{1-6}\": position 6 is past the end of \"12345\" (5 symbols)");
    assertThat(t.sorm()).containsExactly(Map.entry("sorm_ni_b", "local"));
    assertThat(t.pathNames()).containsExactly("c/first", "d/cut");
    // Other calls still route.
    assertThat(d.route(Call.of("123456", "100")).outcome()).isEqualTo(Outcome.LOCAL);
  }

  @Test
  void templatesReadPreActionNumbersAndLaterActionsWin() {
    RoutingContext c = RoutingContext.of("c", null, List.of(
        Rule.of("r", List.of(Condition.Digits.of(Field.CDPN, "8%")),
            List.of(Action.Digits.of(Field.CDPN, "7{%}"), Action.Digits.of(Field.CDPN, "{1}{%}"),
                new Action.Sorm(Field.CDPN, Template.parse("{1-3}"), null, Map.of())),
            Result.Teleconference.of())));
    Trace t = RoutingDomain.of(List.of(c), "c").route(Call.of("", "8123"));
    assertThat(t.outcome()).isEqualTo(Outcome.TELECONFERENCE);
    assertThat(t.b().digits()).isEqualTo("8123");
    assertThat(t.sorm()).containsExactly(Map.entry("sorm_digits_b", "812"));
  }

  @Test
  void overlapModeCollectsDigitsByTheDigitMap() {
    Rule any = Rule.of("any", List.of(Condition.Digits.of(Field.CDPN, "%")), List.of(), Result.Local.of());
    RoutingDomain d = RoutingDomain.of(List.of(
        RoutingContext.of("m", "(*xx#|1xx.)", List.of(any)),
        RoutingContext.of("auto", "auto", List.of(any)),
        RoutingContext.of("none", null, List.of(any))), "m");
    Trace full = d.route(Call.of("1", "*21#99"), "m", RouteMode.OVERLAP);
    assertThat(full.b().digits()).isEqualTo("*21#");
    assertThat(full.notes()).containsExactly(
        "overlap: digit map of m is full after 4 symbol(s) \"*21#\"; symbols after it are not used for routing");
    Trace miss = d.route(Call.of("1", "89"), "m", RouteMode.OVERLAP);
    assertThat(miss.b().digits()).isEqualTo("8");
    assertThat(miss.notes().get(0)).isEqualTo(
        "overlap: digit map of m is no_match after 1 symbol(s) \"8\"; symbols after it are not used for routing");
    Trace timer = d.route(Call.of("1", "1234"), "m", RouteMode.OVERLAP);
    assertThat(timer.b().digits()).isEqualTo("1234");
    assertThat(timer.notes().get(0)).contains("is partial after all 4 symbol(s); the inter-digit timer");
    assertThat(d.route(Call.of("1", "55"), "auto", RouteMode.OVERLAP).notes())
        .containsExactly("overlap: context auto has no digit map (auto); routing the whole number");
    assertThat(d.route(Call.of("1", "55"), "none", RouteMode.OVERLAP).notes())
        .containsExactly("overlap: context none has no digit map; routing the whole number");
    assertThat(d.route(Call.of("1", "*21#99"), "m", RouteMode.ENBLOCK).b().digits()).isEqualTo("*21#99");
    assertThat(RouteMode.OVERLAP.label()).isEqualTo("overlap");
  }

  @Test
  void reloadSwapsTheWholeSetAtomicallyAndKeepsItOnFailure(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("a.xml"),
        "<context name=\"a\"><rule name=\"r\"><result><continue context=\"b\"/></result></rule></context>");
    Files.writeString(dir.resolve("b.xml"),
        "<context name=\"b\"><rule name=\"r\"><result><external><trunk value=\"v1\"/></external></result></rule></context>");
    RoutingDomain d = RoutingDomain.load(dir, "a");
    assertThat(d.route(Call.of("1", "2")).trunk()).isEqualTo("v1");
    assertThat(d.defaultContext()).isEqualTo("a");
    assertThat(d.contexts()).containsOnlyKeys("a", "b");
    assertThat(d.context("b")).isPresent();
    assertThat(d.context("zz")).isEmpty();

    // Concurrent routing sees either v1 or v2, never a mix or a failure.
    AtomicBoolean stop = new AtomicBoolean();
    List<String> seen = java.util.Collections.synchronizedList(new ArrayList<>());
    Thread reader = new Thread(() -> {
      while (!stop.get()) {
        Trace t = d.route(Call.of("1", "2"));
        if (t.outcome() != Outcome.EXTERNAL) {
          seen.add("bad " + t);
        } else {
          seen.add(t.trunk());
        }
      }
    });
    reader.start();
    for (int i = 2; i <= 20; i++) {
      Files.writeString(dir.resolve("b.xml"), "<context name=\"b\"><rule name=\"r\"><result><external><trunk value=\"v"
          + i + "\"/></external></result></rule></context>");
      d.reload();
    }
    stop.set(true);
    reader.join();
    assertThat(seen).allMatch(s -> s.startsWith("v"));
    assertThat(d.route(Call.of("1", "2")).trunk()).isEqualTo("v20");

    Files.writeString(dir.resolve("b.xml"), "<context name=\"b\"><rule name=\"r\"/></context>");
    assertThatThrownBy(d::reload).isInstanceOf(RoutingXmlException.class);
    assertThat(d.route(Call.of("1", "2")).trunk()).isEqualTo("v20");

    Files.writeString(dir.resolve("c.xml"), "<context name=\"a\"/>");
    Files.writeString(dir.resolve("b.xml"), "<context name=\"b\"/>");
    assertThatThrownBy(d::reload).isInstanceOf(RoutingXmlException.class)
        .hasMessage(dir.resolve("c.xml") + ":1:1: <context>: duplicate context name a (also in "
            + dir.resolve("a.xml") + "; expected unique names in a domain)");
    assertThat(d.route(Call.of("1", "2")).trunk()).isEqualTo("v20");

    d.replace(List.of(RoutingContext.of("a", null, List.of(Rule.of("l", List.of(), List.of(), Result.Local.of())))));
    assertThat(d.route(Call.of("1", "2")).outcome()).isEqualTo(Outcome.LOCAL);
  }

  @Test
  void loadsFromResourcesAndRejectsMissingOnes() throws IOException {
    ClassLoader cl = getClass().getClassLoader();
    RoutingDomain d = RoutingDomain.fromResources(cl,
        List.of("manual/central_voip/ctx_default_routing.xml", "manual/central_voip/ctx_city.xml"),
        "default_routing");
    assertThat(d.route(Call.of("73832112233", "73832700001")).outcome()).isEqualTo(Outcome.LOCAL);
    d.reload();
    assertThatThrownBy(() -> RoutingDomain.fromResources(cl, List.of("manual/none.xml"), "x"))
        .isInstanceOf(java.io.FileNotFoundException.class).hasMessage("resource manual/none.xml not found");
    RoutingDomain mem = RoutingDomain.of(List.of(), "x");
    assertThatThrownBy(mem::reload).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void compileRejectsBrokenTemplatesAndDigitMaps() {
    RoutingContext bad = RoutingContext.of("c", null, List.of(
        Rule.of("r", List.of(), List.of(Action.Digits.of(Field.CDPN, "{%}")), Result.Local.of())));
    assertThatThrownBy(() -> CompiledContext.compile(bad)).isInstanceOf(RoutingException.class)
        .hasMessage("context c: rule r: <cdpn digits=\"{%}\"> uses {%} but no cdpn condition of the rule has a %"
            + " (expected a condition like <cdpn digits=\"8%\"/>)");
    RoutingContext badMap = RoutingContext.of("c", "((", List.of());
    assertThatThrownBy(() -> CompiledContext.compile(badMap)).isInstanceOf(RoutingException.class)
        .hasMessageStartingWith("context c: bad digit map \"((\"");
  }

  @Test
  void compiledContextAnswersFirstMatch() {
    RoutingContext c = RoutingContext.of("c", "(1xx)", List.of(
        Rule.of("a", List.of(Condition.Digits.of(Field.CDPN, "12%")), List.of(), Result.Local.of()),
        Rule.of("b", List.of(Condition.Digits.of(Field.CDPN, "1%"), Condition.Digits.of(Field.CGPN, "5")),
            List.of(), Result.Local.of())));
    CompiledContext cc = CompiledContext.compile(c);
    assertThat(cc.firstMatch("5", "123")).isZero();
    assertThat(cc.firstMatch("5", "133")).isEqualTo(1);
    assertThat(cc.firstMatch("6", "133")).isEqualTo(-1);
    assertThat(cc.match(Call.of("5", "133"))).contains(c.rules().get(1));
    assertThat(cc.match(Call.of("6", "133"))).isEmpty();
    assertThat(cc.name()).isEqualTo("c");
    assertThat(cc.context()).isSameAs(c);
    assertThat(cc.digitMap()).contains(DigitMap.parse("(1xx)"));
  }

  @Test
  void valueTypesValidateTheirInput() {
    assertThatThrownBy(() -> PartyNumber.of("12x")).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("digits: 'x' at position 3 of \"12x\" (expected one of 0123456789*#ABCD)");
    assertThatThrownBy(() -> PartyNumber.of("1".repeat(65))).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("digits: 65 symbols (expected at most 64)");
    assertThat(new PartyNumber("1", null, "x")).hasToString("\"1\"(nai=x)");
    assertThat(new PartyNumber("1", "local", null)).hasToString("\"1\"(ni=local)");
    assertThatThrownBy(() -> new Trace(Outcome.LOCAL, null, null, "c", PartyNumber.of(""), PartyNumber.of(""),
        Map.of("x", "y"), List.of(), null, List.of())).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new XmlElement("", Map.of(), List.of())).isInstanceOf(IllegalArgumentException.class);
    assertThat(SormNi.of("zone")).contains(SormNi.ZONE);
    assertThat(SormNi.of("Zone")).isEmpty();
    assertThat(Field.CGPN.party()).isEqualTo("a");
    assertThat(Result.Target.DIRECTION.element()).isEqualTo("direction");
    assertThat(Outcome.NO_ROUTE.label()).isEqualTo("no_route");
    RoutingContext c = RoutingContext.of("c", null, List.of());
    assertThat(c.withRules(List.of(cont("x", "y"))).rules()).hasSize(1);
    Trace t = RoutingDomain.of(List.of(c), "c").route(Call.of("1", "2"));
    assertThat(t.format()).isEqualTo("""
        Routing result: no_route
        Context: c
        Reason: no rule of context c matches cgpn "1" cdpn "2"
        A: "1"
        B: "2"
        Options: []
        """);
    assertThat(t.path()).isEmpty();
    assertThat(new Trace.Step("c", "r", List.of())).hasToString("c/r");
  }

  @Test
  void loadNamesFileLineAndColumnOfCompileErrors(@TempDir Path dir) throws IOException {
    // Used to be "context c: rule r: <cdpn digits="{%}"> uses {%} …" with no file or position,
    // which is all `ecss routing trace` could print.
    Path f = dir.resolve("c.xml");
    Files.writeString(f, """
        <context name="c">
          <rule name="r">
            <conditions><cdpn digits="1???"/></conditions>
            <actions><cdpn digits="{%}"/></actions>
            <result><local/></result>
          </rule>
          <rule name="r"><result><local/></result></rule>
        </context>
        """);
    assertThatThrownBy(() -> RoutingDomain.load(dir, "c"))
        .isInstanceOf(RoutingXmlException.class)
        .hasMessage(f + ":4:14: rule r: <cdpn digits=\"{%}\"> uses {%} but no cdpn condition of the rule"
            + " has a % (expected a condition like <cdpn digits=\"8%\"/>) (and 1 more error(s); run"
            + " validate for all)");
    Files.writeString(f, "<context name=\"c\">\n  <rule name=\"r\"><result><continue context=\"c\"/></result></rule>\n</context>");
    assertThatThrownBy(() -> RoutingDomain.load(dir, "c"))
        .hasMessage(f + ":2:26: rule r: <continue context=\"c\"/> continues in its own context (a loop)");
    // Reading a single document stays lenient about what only compiling checks.
    assertThat(RoutingXml.read(f).rules()).hasSize(1);
  }
}
