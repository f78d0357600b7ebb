package io.ecss.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class RoutingXmlTest {

  static Stream<Path> manualFiles() throws IOException {
    List<Path> out = new java.util.ArrayList<>();
    for (String d : new String[] {"central_voip", "local.voip", "voip.local", "sorm"}) {
      out.addAll(RoutingDomain.xmlFiles(Fixtures.manual(d)));
    }
    return out.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("manualFiles")
  void manualFilesRoundTrip(Path file) throws IOException {
    RoutingContext c = RoutingXml.read(file);
    String w = RoutingXml.write(c);
    assertThat(RoutingXml.read(w, "written")).isEqualTo(c);
    assertThat(RoutingXml.write(RoutingXml.read(w, "written"))).isEqualTo(w);
    assertThat(RoutingValidator.validate(file)).allSatisfy(p -> {
      assertThat(p.severity()).isEqualTo(Severity.WARNING);
      assertThat(p.message()).contains("names a context not in this file");
    });
    assertThat(RoutingValidator.validate(file.getParent())).isEmpty();
  }

  @Test
  void readsTheManualsContextFully() throws IOException {
    RoutingContext c = RoutingXml.read(Fixtures.manual("central_voip").resolve("ctx_default_routing.xml"));
    assertThat(c.name()).isEqualTo("default_routing");
    assertThat(c.digitmap()).isEqualTo(DigitMapTest.MANUAL);
    assertThat(c.np()).isNull();
    assertThat(c.otherAttributes()).containsEntry("xs:noNamespaceSchemaLocation", "ecss_routing.xsd")
        .containsEntry("xmlns:xs", RoutingContext.XSI_NAMESPACE);
    assertThat(c.rules()).extracting(Rule::name)
        .containsExactly("to_voip", "to_local", "to_local_city_users", "to_gorod");
    Rule city = c.rules().get(2);
    assertThat(city.conditions()).containsExactly(
        Condition.Digits.of(Field.CGPN, "???????????"), Condition.Digits.of(Field.CDPN, "738327(0-1)????"));
    assertThat(city.actions()).containsExactly(
        new Action.Sorm(Field.CDPN, null, SormNi.LOCAL, Map.of()),
        new Action.Sorm(Field.CGPN, null, SormNi.LOCAL, Map.of()));
    assertThat(city.result()).isEqualTo(Result.Continue.of("ctx_city"));
  }

  @Test
  void writesCanonicalForm() {
    RoutingContext c = RoutingContext.of("ctx", "auto", List.of(
        Rule.of("r1",
            List.of(Condition.Digits.of(Field.CDPN, "8%")),
            List.of(Action.Digits.of(Field.CDPN, "7{%}"),
                new Action.Sorm(Field.CGPN, Template.parse("{1-5}"), SormNi.PRIVATE, Map.of())),
            Result.External.direction("smg & co")),
        Rule.of("r2", List.of(), List.of(), Result.Teleconference.of()),
        Rule.of("r3", List.of(), List.of(), Result.Local.of()),
        Rule.of("r4", List.of(), List.of(), Result.External.trunk("t\"1\"\n"))));
    assertThat(RoutingXml.write(c)).isEqualTo("""
        <?xml version="1.0" encoding="UTF-8"?>
        <context xmlns:xs="http://www.w3.org/2001/XMLSchema-instance" name="ctx" digitmap="auto" xs:noNamespaceSchemaLocation="ecss_routing.xsd">
          <rule name="r1">
            <conditions>
              <cdpn digits="8%"/>
            </conditions>
            <actions>
              <cdpn digits="7{%}"/>
              <calling sorm_digits="{1-5}" sorm_ni="private"/>
            </actions>
            <result>
              <external>
                <direction value="smg &amp; co"/>
              </external>
            </result>
          </rule>
          <rule name="r2">
            <result>
              <teleconference/>
            </result>
          </rule>
          <rule name="r3">
            <result>
              <local/>
            </result>
          </rule>
          <rule name="r4">
            <result>
              <external>
                <trunk value="t&quot;1&quot;&#10;"/>
              </external>
            </result>
          </rule>
        </context>
        """);
    assertThat(RoutingXml.read(RoutingXml.write(c), "w")).isEqualTo(c);
    RoutingContext empty = new RoutingContext("e", null, "city", "d.local", List.of(), Map.of(), List.of());
    assertThat(RoutingXml.write(empty)).isEqualTo(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<context name=\"e\" np=\"city\" domain=\"d.local\"/>\n");
    assertThat(RoutingXml.read(RoutingXml.write(empty), "w")).isEqualTo(empty);
  }

  static final String UNKNOWN = """
      <?xml version="1.0" encoding="UTF-8"?>
      <!-- a comment -->
      <context name="x" owner="ops" xmlns:e="urn:example">
        <description lang="en">Test <b>context</b> &amp; more</description>
        <rule name="r" priority="1">
          <conditions mode="all">
            <cdpn digits="1%" nai="national"/>
            <time from="08:00" to="20:00"/>
          </conditions>
          <actions>
            <category value="payphone"/>
            <cdpn digits="{%}" npi="isdn"/>
          </actions>
          <result x="1">
            <external kind="a">
              <trunk value="t1" weight="5"/>
              <e:fallback><trunk value="t2"/></e:fallback>
            </external>
          </result>
          <e:note>kept</e:note>
        </rule>
        <rule name="r2">
          <result><reject cause="17"/></result>
        </rule>
      </context>
      """;

  @Test
  void keepsUnknownElementsAndAttributesThroughWriteBack() {
    RoutingContext c = RoutingXml.read(UNKNOWN, "unknown.xml");
    assertThat(c.otherAttributes()).containsEntry("owner", "ops").containsEntry("xmlns:e", "urn:example");
    assertThat(c.extensions()).containsExactly(new XmlElement("description", Map.of("lang", "en"),
        List.of(new XmlText("Test "), new XmlElement("b", Map.of(), List.of(new XmlText("context"))),
            new XmlText(" & more"))));
    Rule r = c.rules().get(0);
    assertThat(r.otherAttributes()).containsEntry("priority", "1");
    assertThat(r.containerAttributes()).containsEntry("conditions", Map.of("mode", "all"))
        .containsEntry("result", Map.of("x", "1"));
    assertThat(r.conditions().get(1)).isEqualTo(new Condition.Unsupported(
        XmlElement.of("time", Map.of("from", "08:00", "to", "20:00"))));
    assertThat(r.actions().get(0)).isInstanceOf(Action.Unsupported.class);
    assertThat(((Action.Digits) r.actions().get(1)).otherAttributes()).containsEntry("npi", "isdn");
    Result.External ext = (Result.External) r.result();
    assertThat(ext.otherAttributes()).containsEntry("kind", "a");
    assertThat(ext.targetAttributes()).containsEntry("weight", "5");
    assertThat(ext.extensions()).hasSize(1);
    assertThat(r.extensions()).containsExactly(new XmlElement("e:note", Map.of(), List.of(new XmlText("kept"))));
    assertThat(c.rules().get(1).result()).isEqualTo(
        new Result.Unsupported(XmlElement.of("reject", Map.of("cause", "17"))));
    String w = RoutingXml.write(c);
    assertThat(w).contains("<description lang=\"en\">Test <b>context</b> &amp; more</description>")
        .contains("<e:fallback>\n").contains("<e:note>kept</e:note>");
    assertThat(RoutingXml.read(w, "w")).isEqualTo(c);
    assertThat(RoutingXml.write(RoutingXml.read(w, "w"))).isEqualTo(w);
  }

  @Test
  void evaluatorReportsUnsupportedContentInsteadOfIgnoringIt() {
    RoutingContext c = RoutingXml.read(UNKNOWN, "unknown.xml");
    RoutingDomain d = RoutingDomain.of(List.of(c), "x");
    Trace t = d.route(Call.of("1", "123"));
    assertThat(t.outcome()).isEqualTo(Outcome.ERROR);
    assertThat(t.message()).isEqualTo(
        "rule x/r matched but has unsupported attribute nai on condition <cdpn> (not supported by this evaluator)");
    assertThat(t.pathNames()).containsExactly("x/r");
    Trace t2 = d.route(Call.of("1", "999"));
    assertThat(t2.message()).isEqualTo(
        "rule x/r2 matched but has unsupported result <reject> (not supported by this evaluator)");
  }

  @ParameterizedTest(name = "[{index}] {1}")
  @MethodSource("badDocuments")
  void reportsTheFirstErrorWithLineColumnAndElement(String xml, String message) {
    assertThatThrownBy(() -> RoutingXml.read(xml, "bad.xml"))
        .isInstanceOf(RoutingXmlException.class)
        .hasMessage(message);
  }

  static Stream<org.junit.jupiter.params.provider.Arguments> badDocuments() {
    return Stream.of(
        args("<context name=\"c\">\n  <rule name=\"r\">\n    <conditions>\n      <cdpn digits=\"8%%\"/>\n"
                + "    </conditions>\n    <result><local/></result>\n  </rule>\n</context>",
            "bad.xml:4:23: <cdpn>: rule c/r: bad digits \"8%%\" at character 3: second '%' (expected at most one '%' per pattern)"),
        args("<context name=\"c\">\n  <rule name=\"r\">\n    <actions><called sorm_ni=\"city\"/></actions>\n"
                + "    <result><local/></result>\n  </rule>\n</context>",
            "bad.xml:3:31: <called>: rule c/r: unknown sorm_ni \"city\" (expected one of private, local, zone, intercity, international, emergency)"),
        args("<context name=\"c\"><rule name=\"r\"><actions><cgpn digits=\"{1,}\"/></actions><result><local/></result></rule></context>",
            "bad.xml:1:60: <cgpn>: rule c/r: bad digits \"{1,}\" at character 4: missing position (expected a 1-based position or '%')"),
        args("<context name=\"c\">\n<rule name=\"r\"/>\n</context>",
            "bad.xml:2:1: <rule>: rule c/r: missing <result> (expected <local/>, <external>, <continue> or <teleconference/>)"),
        args("<context>\n</context>",
            "bad.xml:1:1: <context>: missing attribute name (expected <context name=\"…\">)"),
        args("<routing name=\"c\"/>", "bad.xml:1:1: <routing>: unexpected root element (expected <context>)"),
        args("<context name=\"c\"><rule name=\"r\"><result/></rule></context>",
            "bad.xml:1:34: <result>: rule c/r: empty <result> (expected <local/>, <external>, <continue> or <teleconference/>)"),
        args("<context name=\"c\"><rule name=\"r\"><result><local/><local/></result></rule></context>",
            "bad.xml:1:50: <local>: rule c/r: second result element (expected exactly one inside <result>)"),
        args("<context name=\"c\"><rule name=\"r\"><result><external/></result></rule></context>",
            "bad.xml:1:42: <external>: rule c/r: no target (expected <trunk value=\"…\"/> or <direction value=\"…\"/>)"),
        args("<context name=\"c\"><rule name=\"r\"><result><external><trunk/></external></result></rule></context>",
            "bad.xml:1:52: <trunk>: rule c/r: missing attribute value (expected <trunk value=\"…\"/>)"),
        args("<context name=\"c\"><rule name=\"r\"><result><continue/></result></rule></context>",
            "bad.xml:1:42: <continue>: rule c/r: missing attribute context (expected <continue context=\"…\"/>)"),
        args("<context name=\"c\"><rule name=\"r\"><conditions><cdpn/></conditions><result><local/></result></rule></context>",
            "bad.xml:1:46: <cdpn>: rule c/r: missing attribute digits (expected <cdpn digits=\"…\"/>)"),
        args("<context name=\"c\" digitmap=\"(1|\"/>",
            "bad.xml:1:32: <context>: bad digitmap \"(1|\" at character 4: unterminated '(' (expected ')' at the end)"),
        args("<context name=\"c\"><rule name=\"r\">text<result><local/></result></rule></context>",
            "bad.xml:1:19: <rule>: unexpected text inside <rule> (expected only elements)"),
        args("<context name=\"c\"><rule name=\"r\"><conditions/><conditions/><result><local/></result></rule></context>",
            "bad.xml:1:47: <conditions>: rule c/r: second <conditions> (expected at most one)"),
        args("<context name=\"c\"><rule name=\"r\"><actions><cdpn ni=\"town\" nai=\"1x\"/></actions><result><local/></result></rule></context>",
            "bad.xml:1:53: <cdpn>: rule c/r: unknown ni \"town\" (expected one of private, local, zone, intercity, international, emergency) (and 1 more error(s); run validate for all)"),
        args("<context name=\"c\">\n  <rule name=\"r\">\n</context>",
            "bad.xml:3:3: not well-formed XML: The element type \"rule\" must be terminated by the matching end-tag \"</rule>\"."),
        args("", "bad.xml:1:1: not well-formed XML: Premature end of file."),
        args("\u00a0<context name=\"c\"/>",
            "bad.xml:1:1: not well-formed XML: Content is not allowed in prolog. (line 1 has U+00A0 no-break spaces, as text copied from a PDF does; XML needs plain spaces there)"));
  }

  private static org.junit.jupiter.params.provider.Arguments args(String xml, String message) {
    return org.junit.jupiter.params.provider.Arguments.of(xml, message);
  }

  // ---- hostile XML ------------------------------------------------------------------------

  @Test
  void rejectsEntityExpansion() {
    String billionLaughs = """
        <?xml version="1.0"?>
        <!DOCTYPE lolz [
         <!ENTITY lol "lol">
         <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
         <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
        ]>
        <context name="&lol3;"/>
        """;
    assertThatThrownBy(() -> RoutingXml.read(billionLaughs, "lol.xml"))
        .isInstanceOf(RoutingXmlException.class)
        .hasMessage("lol.xml:2:1: DOCTYPE is not allowed (DTDs and entity declarations are disabled)");
  }

  @Test
  void rejectsExternalEntities(@TempDir Path dir) throws IOException {
    Path secret = dir.resolve("secret.txt");
    Files.writeString(secret, "top secret");
    String xxe = "<?xml version=\"1.0\"?>\n<!DOCTYPE c [<!ENTITY x SYSTEM \"" + secret.toUri() + "\">]>\n"
        + "<context name=\"&x;\"/>";
    assertThatThrownBy(() -> RoutingXml.read(xxe, "xxe.xml"))
        .isInstanceOf(RoutingXmlException.class)
        .hasMessageContaining("DOCTYPE is not allowed")
        .hasMessageNotContaining("top secret");
    assertThatThrownBy(() -> RoutingXml.read("<context name=\"&x;\"/>", "undeclared.xml"))
        .isInstanceOf(RoutingXmlException.class)
        .hasMessage("undeclared.xml:1:19: not well-formed XML: The entity \"x\" was referenced, but not declared.");
  }

  @Test
  void rejectsDeepNesting() {
    String deep = "<context name=\"c\">" + "<x>".repeat(100) + "</x>".repeat(100) + "</context>";
    assertThatThrownBy(() -> RoutingXml.read(deep, "deep.xml"))
        .isInstanceOf(RoutingXmlException.class)
        .hasMessage("deep.xml:1:208: <x>: nesting deeper than maxDepth 64");
  }

  @Test
  void rejectsHugeAttributesAndTexts() {
    String huge = "<context name=\"" + "a".repeat(10_000) + "\"/>";
    assertThatThrownBy(() -> RoutingXml.read(huge, "huge.xml"))
        .isInstanceOf(RoutingXmlException.class)
        .hasMessage("huge.xml:1:1: <context>: attribute name has 10000 characters, over maxValueLength 8192");
    String text = "<context name=\"c\"><x>" + "t".repeat(10_000) + "</x></context>";
    assertThatThrownBy(() -> RoutingXml.read(text, "text.xml"))
        .isInstanceOf(RoutingXmlException.class)
        .hasMessageStartingWith("text.xml:1:")
        .hasMessageEndingWith("<x>: text of 10000 characters, over maxValueLength 8192");
  }

  @Test
  void enforcesElementCountAndSizeLimits() throws IOException {
    RoutingLimits tight = new RoutingLimits(1000, 8, 100, 5);
    String many = "<context name=\"c\">" + "<x/>".repeat(10) + "</context>";
    assertThatThrownBy(() -> RoutingXml.read(many, "many.xml", tight))
        .isInstanceOf(RoutingXmlException.class)
        .hasMessage("many.xml:1:35: <x>: more than maxElements 5 elements");
    String big = "<context name=\"c\">" + " ".repeat(2000) + "</context>";
    assertThatThrownBy(() -> RoutingXml.read(big, "big.xml", tight))
        .isInstanceOf(RoutingXmlException.class)
        .hasMessage("big.xml:0:0: document of 2028 characters exceeds maxBytes 1000");
    assertThatThrownBy(() -> RoutingXml.read(
            new ByteArrayInputStream(big.getBytes(StandardCharsets.UTF_8)), "big.xml", tight))
        .isInstanceOf(RoutingXmlException.class)
        .hasMessage("big.xml:0:0: document exceeds maxBytes 1000");
    assertThatThrownBy(() -> new RoutingLimits(0, 8, 1, 1)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("maxBytes: 0 (expected > 0)");
    // The minimum depth used to be 4, which rejected every <external><trunk/> (depth 5).
    assertThatThrownBy(() -> new RoutingLimits(1, 4, 1, 1)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("maxDepth: 4 (expected >= 5: context/rule/result/external/trunk)");
    RoutingLimits shallowest = new RoutingLimits(1000, 5, 100, 100);
    assertThat(RoutingXml.read("<context name=\"c\"><rule name=\"r\"><conditions><cdpn digits=\"1\"/>"
        + "</conditions><result><external><trunk value=\"t\"/></external></result></rule></context>", "d5.xml",
        shallowest).rules()).hasSize(1);
    assertThatThrownBy(() -> new RoutingLimits(1, 8, 0, 1)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("maxValueLength: 0 (expected > 0)");
    assertThatThrownBy(() -> new RoutingLimits(1, 8, 1, 0)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("maxElements: 0 (expected > 0)");
  }

  @Test
  void decodesByBomAndDeclarationAndWritesFiles(@TempDir Path dir) throws IOException {
    String doc = "<?xml version=\"1.0\" encoding=\"windows-1251\"?><context name=\"контекст\"/>";
    byte[] cp1251 = doc.getBytes(java.nio.charset.Charset.forName("windows-1251"));
    assertThat(RoutingXml.read(new ByteArrayInputStream(cp1251), "cp.xml", RoutingLimits.DEFAULT).name())
        .isEqualTo("контекст");
    byte[] utf16 = "\uFEFF<context name=\"u\"/>".getBytes(StandardCharsets.UTF_16BE);
    assertThat(RoutingXml.read(new ByteArrayInputStream(utf16), "u16.xml", RoutingLimits.DEFAULT).name())
        .isEqualTo("u");
    byte[] bom8 = "\uFEFF<context name=\"b\"/>".getBytes(StandardCharsets.UTF_8);
    assertThat(RoutingXml.read(new ByteArrayInputStream(bom8), "b.xml", RoutingLimits.DEFAULT).name())
        .isEqualTo("b");
    byte[] utf16le = "\uFEFF<context name=\"l\"/>".getBytes(StandardCharsets.UTF_16LE);
    assertThat(RoutingXml.read(new ByteArrayInputStream(utf16le), "l.xml", RoutingLimits.DEFAULT).name())
        .isEqualTo("l");
    byte[] bad = "<?xml version=\"1.0\" encoding=\"x-nonsense\"?><context name=\"c\"/>".getBytes(StandardCharsets.US_ASCII);
    assertThatThrownBy(() -> RoutingXml.read(new ByteArrayInputStream(bad), "n.xml", RoutingLimits.DEFAULT))
        .isInstanceOf(RoutingXmlException.class)
        .hasMessage("n.xml:1:31: unsupported encoding \"x-nonsense\" (expected UTF-8)");
    byte[] notUtf8 = {'<', 'c', (byte) 0xff};
    assertThatThrownBy(() -> RoutingXml.read(new ByteArrayInputStream(notUtf8), "x.xml", RoutingLimits.DEFAULT))
        .isInstanceOf(RoutingXmlException.class)
        .hasMessage("x.xml:1:3: not valid UTF-8 text: malformed byte(s) 0xFF at byte offset 2"
            + " (expected UTF-8, or an encoding declared in <?xml … encoding=\"…\"?>)");
    RoutingContext c = RoutingXml.read(UNKNOWN, "u.xml");
    Path f = dir.resolve("out.xml");
    RoutingXml.write(c, f);
    assertThat(RoutingXml.read(f)).isEqualTo(c);
  }

  @Test
  void crlfLineEndsKeepPositions() {
    String xml = String.join("\r\n", "<context name=\"c\">", "  <rule name=\"r\">",
        "    <conditions><cdpn digits=\"1x\"/></conditions>", "    <result><local/></result>",
        "  </rule>", "</context>", "");
    assertThatThrownBy(() -> RoutingXml.read(xml, "crlf.xml"))
        .hasMessage("crlf.xml:3:32: <cdpn>: rule c/r: bad digits \"1x\" at character 2: unexpected 'x' (expected 0-9 * # A-D ? % or '(')");
  }

  @Test
  void roundTripsGeneratedContexts() {
    java.util.Random rnd = new java.util.Random(20261127);
    for (int i = 0; i < 1000; i++) {
      RoutingContext c = Generators.context(rnd, "g" + i, 1 + rnd.nextInt(8), true);
      String w = RoutingXml.write(c);
      RoutingContext back = RoutingXml.read(w, "gen-" + i);
      int n = i;
      assertThat(back).as(() -> "seed 20261127 case " + n + ":\n" + w).isEqualTo(c);
      assertThat(RoutingXml.write(back)).isEqualTo(w);
    }
  }

  // ---- review fixes (session 3) ------------------------------------------------------------

  private static final String BAD_RULE =
      "<rule name=\"r\"><conditions><cdpn digits=\"1x\"/></conditions><result><local/></result></rule>";

  @Test
  void processingInstructionHoldingALessThanDoesNotShiftPositions() {
    // Column 61 is the 'x' of digits="1x" on line 2; a '<' inside the PI used to be taken for
    // the start tag of <context>, shifting every element by one tag (reported 2:34).
    String xml = "<?pi a<b ?>\n<context name=\"c\">" + BAD_RULE + "</context>";
    assertThatThrownBy(() -> RoutingXml.read(xml, "pi.xml"))
        .hasMessage("pi.xml:2:61: <cdpn>: rule c/r: bad digits \"1x\" at character 2: unexpected 'x'"
            + " (expected 0-9 * # A-D ? % or '(')");
    String inside = "<context name=\"c\"><?x <rule name='z'>?>\n" + BAD_RULE + "</context>";
    assertThatThrownBy(() -> RoutingXml.read(inside, "pi2.xml"))
        .hasMessageStartingWith("pi2.xml:2:43: <cdpn>: rule c/r: bad digits");
  }

  @Test
  void leadingByteOrderMarkInTextIsAcceptedAsByStreams() {
    // Files.readString keeps a UTF-8 BOM; read(String) and validate(String) used to fail with
    // "Content is not allowed in prolog" where read(Path) and read(InputStream) accept the file.
    String bom = "\uFEFF<context name=\"c\">\n" + BAD_RULE + "</context>";
    assertThat(RoutingXml.read("\uFEFF<context name=\"b\"/>", "b.xml").name()).isEqualTo("b");
    assertThatThrownBy(() -> RoutingXml.read(bom, "bom.xml"))
        .hasMessageStartingWith("bom.xml:2:43: <cdpn>: rule c/r: bad digits \"1x\"");
    assertThat(RoutingValidator.validate("\uFEFF<context name=\"b\"/>", "b.xml")).isEmpty();
  }

  @Test
  void textSplitByCommentsIsOneTextAndSurvivesWriteBack() {
    String xml = "<context name=\"c\"><d>a<!-- x -->b<?pi?> c<!--y--> <!--z-->d</d>"
        + "<e><!-- only --> </e></context>";
    RoutingContext c = RoutingXml.read(xml, "t.xml");
    assertThat(c.extensions()).containsExactly(
        new XmlElement("d", Map.of(), List.of(new XmlText("ab c d"))), XmlElement.of("e", Map.of()));
    String w = RoutingXml.write(c);
    assertThat(w).contains("<d>ab c d</d>");
    assertThat(RoutingXml.read(w, "w")).isEqualTo(c);
    assertThat(RoutingXml.write(RoutingXml.read(w, "w"))).isEqualTo(w);
  }

  @Test
  void undecodableBytesAreReportedWithLineColumnAndByteOffset(@TempDir Path dir) throws IOException {
    // Used to be "x.xml:0:0: not valid UTF-8 text": no line, column or offset to look at.
    byte[] latin1 = "<context name=\"c\">\n  <rule name=\"Pr\u00e9\">\n</context>"
        .getBytes(StandardCharsets.ISO_8859_1);
    assertThatThrownBy(() -> RoutingXml.read(new ByteArrayInputStream(latin1), "l1.xml", RoutingLimits.DEFAULT))
        .isInstanceOf(RoutingXmlException.class)
        .hasMessage("l1.xml:2:17: not valid UTF-8 text: malformed byte(s) 0xE9 at byte offset 35"
            + " (expected UTF-8, or an encoding declared in <?xml … encoding=\"…\"?>)")
        .satisfies(e -> assertThat(((RoutingXmlException) e).line()).isEqualTo(2));
    Path f = dir.resolve("l1.xml");
    Files.write(f, latin1);
    assertThat(RoutingValidator.validate(f)).extracting(Problem::toString).containsExactly(
        f + ":2:17: error: not valid UTF-8 text: malformed byte(s) 0xE9 at byte offset 35"
            + " (expected UTF-8, or an encoding declared in <?xml … encoding=\"…\"?>)");
    // A multi-byte character decoded before the bad byte counts as one column.
    byte[] mixed = {'<', (byte) 0xD0, (byte) 0x96, '\r', '\n', 'a', (byte) 0xC3, 'b'};
    assertThatThrownBy(() -> RoutingXml.read(new ByteArrayInputStream(mixed), "m.xml", RoutingLimits.DEFAULT))
        .hasMessageStartingWith("m.xml:2:2: not valid UTF-8 text: malformed byte(s) 0xC3 at byte offset 6");
  }

  private static RoutingContext withExtension(XmlElement e) {
    return new RoutingContext("c", null, null, null, List.of(), Map.of(), List.of(e));
  }

  private static RoutingContext withRule(Rule r) {
    return new RoutingContext("c", null, null, null, List.of(r), Map.of(), List.of());
  }

  static Stream<org.junit.jupiter.params.provider.Arguments> unwritableContexts() {
    Rule ok = Rule.of("r", List.of(), List.of(), Result.Local.of());
    return Stream.of(
        unwritable(new RoutingContext("c", null, null, null, List.of(), Map.of("owner", "a\u0001b"), List.of()),
            "cannot write context c: <context> attribute owner holds U+0001 at index 1, which XML 1.0 cannot carry"),
        unwritable(withExtension(new XmlElement("d", Map.of(), List.of(new XmlText("x\uD83D")))),
            "cannot write context c: text holds U+D83D at index 1, which XML 1.0 cannot carry"),
        unwritable(new RoutingContext("c", null, null, null, List.of(), Map.of("bad name", "1"), List.of()),
            "cannot write context c: <context> attribute name \"bad name\" is not an XML name"),
        unwritable(withExtension(XmlElement.of("1st", Map.of())),
            "cannot write context c: element name \"1st\" is not an XML name"),
        unwritable(new RoutingContext("c", null, null, null, List.of(), Map.of("name", "other"), List.of()),
            "cannot write context c: <context> has attribute name twice (e.g. a supported attribute repeated in otherAttributes)"),
        unwritable(new RoutingContext("", null, null, null, List.of(), Map.of(), List.of()),
            "cannot write context : <context> name is empty (the reader requires one)"),
        unwritable(withRule(Rule.of("", List.of(), List.of(), Result.Local.of())),
            "cannot write context c, rule : <rule> name is empty (the reader requires one)"),
        unwritable(withRule(Rule.of("r", List.of(), List.of(), new Result.Continue("", Map.of()))),
            "cannot write context c, rule r: <continue> context is empty (the reader requires one)"),
        unwritable(withRule(Rule.of("r", List.of(), List.of(), Result.External.trunk(""))),
            "cannot write context c, rule r: <trunk> value is empty (the reader requires one)"),
        unwritable(withExtension(XmlElement.of("rule", Map.of("name", "x"))),
            "cannot write context c: unsupported element <rule> in <context> has the name of a supported one (it would read back as that)"),
        unwritable(withRule(new Rule("r", List.of(new Condition.Unsupported(XmlElement.of("cdpn", Map.of()))),
                List.of(), Result.Local.of(), Map.of(), Map.of(), List.of())),
            "cannot write context c, rule r: unsupported element <cdpn> in <conditions> has the name of a supported one (it would read back as that)"),
        unwritable(withRule(new Rule("r", List.of(), List.of(new Action.Unsupported(XmlElement.of("called", Map.of()))),
                Result.Local.of(), Map.of(), Map.of(), List.of())),
            "cannot write context c, rule r: unsupported element <called> in <actions> has the name of a supported one (it would read back as that)"),
        unwritable(withRule(Rule.of("r", List.of(), List.of(), new Result.Unsupported(XmlElement.of("local", Map.of())))),
            "cannot write context c, rule r: unsupported element <local> in <result> has the name of a supported one (it would read back as that)"),
        unwritable(withRule(new Rule("r", List.of(), List.of(), Result.Local.of(), Map.of(), Map.of(),
                List.of(XmlElement.of("result", Map.of())))),
            "cannot write context c, rule r: unsupported element <result> in <rule> has the name of a supported one (it would read back as that)"),
        unwritable(withRule(Rule.of("r", List.of(), List.of(), new Result.External(Result.Target.TRUNK, "t",
                Map.of(), Map.of(), List.of(XmlElement.of("direction", Map.of("value", "d")))))),
            "cannot write context c, rule r: unsupported element <direction> in <external> has the name of a supported one (it would read back as that)"),
        unwritable(new RoutingContext("c", null, null, null, List.of(ok, Rule.of("r2", List.of(), List.of(), Result.Local.of())), Map.of(), List.of(
                XmlElement.of("x", Map.of("a", "\uFFFE")))),
            "cannot write context c: <x> attribute a holds U+FFFE at index 0, which XML 1.0 cannot carry"));
  }

  private static org.junit.jupiter.params.provider.Arguments unwritable(RoutingContext c, String message) {
    return org.junit.jupiter.params.provider.Arguments.of(c, message);
  }

  @ParameterizedTest(name = "[{index}] {1}")
  @MethodSource("unwritableContexts")
  void writerRefusesModelsNoDocumentCanCarry(RoutingContext c, String message) {
    // Each of these used to be written as a document that is not well-formed, or that reads back
    // as something else (or not at all).
    assertThatThrownBy(() -> RoutingXml.write(c))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(message);
  }

  @Test
  void writableEdgeCasesRoundTrip() {
    RoutingContext c = new RoutingContext("c\uD83D\uDE00", null, null, null,
        List.of(Rule.of("r", List.of(), List.of(), Result.Local.of())),
        Map.of("e:é-x.1", "tab\tline\nret\r \uD83D\uDE00 <&>\""),
        List.of(new XmlElement("d", Map.of(), List.of(new XmlText("a"), new XmlText(" "), new XmlText("b"),
            XmlElement.of("k", Map.of()), new XmlText("  "), XmlElement.of("k", Map.of())))));
    // Adjacent texts are one text and blank text is dropped, as a document reads back.
    assertThat(c.extensions().get(0).children()).containsExactly(
        new XmlText("a b"), XmlElement.of("k", Map.of()), XmlElement.of("k", Map.of()));
    String w = RoutingXml.write(c);
    assertThat(RoutingXml.read(w, "w")).isEqualTo(c);
    assertThat(RoutingXml.write(RoutingXml.read(w, "w"))).isEqualTo(w);
  }

  @Test
  void exceptionCarriesTheElementItsMessageNames() {
    // element() returned "" for every reader error although the message named the element.
    String xml = "<context name=\"c\">\n  <rule name=\"r\">\n    <conditions><cdpn digits=\"8%%\"/></conditions>\n"
        + "    <result><local/></result>\n  </rule>\n</context>";
    assertThatThrownBy(() -> RoutingXml.read(xml, "e.xml"))
        .isInstanceOfSatisfying(RoutingXmlException.class, e -> {
          assertThat(e.element()).isEqualTo("cdpn");
          assertThat(e.line()).isEqualTo(3);
          assertThat(e.column()).isEqualTo(33);
          assertThat(e).hasMessage("e.xml:3:33: <cdpn>: rule c/r: bad digits \"8%%\" at character 3:"
              + " second '%' (expected at most one '%' per pattern)");
        });
    String deep = "<context name=\"c\">" + "<x>".repeat(70) + "</x>".repeat(70) + "</context>";
    assertThatThrownBy(() -> RoutingXml.read(deep, "deep.xml"))
        .isInstanceOfSatisfying(RoutingXmlException.class, e -> assertThat(e.element()).isEqualTo("x"));
    assertThatThrownBy(() -> RoutingXml.read("<context name=\"c\">", "w.xml"))
        .isInstanceOfSatisfying(RoutingXmlException.class, e -> assertThat(e.element()).isEmpty());
  }
}
