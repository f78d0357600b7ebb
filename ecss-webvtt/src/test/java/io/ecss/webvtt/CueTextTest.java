package io.ecss.webvtt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ecss.webvtt.CueNode.Kind;
import io.ecss.webvtt.CueNode.Span;
import io.ecss.webvtt.CueNode.Text;
import io.ecss.webvtt.CueNode.Timestamp;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The WebVTT cue text parsing rules (section 6.4): every tag, entity and recovery rule. */
class CueTextTest {

  static List<CueNode> p(String s) {
    return CueText.parse(s);
  }

  static Span span(Kind k, List<String> classes, String annotation, CueNode... children) {
    return new Span(k, classes, annotation, List.of(children));
  }

  @Test
  void plainTextIsOneTextNode() {
    assertThat(p("hello\nworld")).containsExactly(new Text("hello\nworld"));
    assertThat(p("")).isEmpty();
  }

  @Test
  void everySpanTag() {
    assertThat(p("<c>a</c><i>b</i><b>c</b><u>d</u>")).containsExactly(
        Span.of(Kind.CLASS, new Text("a")), Span.of(Kind.ITALIC, new Text("b")),
        Span.of(Kind.BOLD, new Text("c")), Span.of(Kind.UNDERLINE, new Text("d")));
    assertThat(p("<ruby>漢<rt>kan</rt>字<rt>ji</rt></ruby>")).containsExactly(
        Span.of(Kind.RUBY, new Text("漢"), Span.of(Kind.RUBY_TEXT, new Text("kan")), new Text("字"),
            Span.of(Kind.RUBY_TEXT, new Text("ji"))));
    assertThat(p("<v Алиса>да</v>")).containsExactly(Span.voice("Алиса", new Text("да")));
    assertThat(p("<lang en-GB>colour</lang>")).containsExactly(
        span(Kind.LANGUAGE, List.of(), "en-GB", new Text("colour")));
  }

  @Test
  void classesOnAnyTagEmptyClassesDropped() {
    assertThat(p("<v.a.loud Алиса>x</v><c..red.>y")).containsExactly(
        span(Kind.VOICE, List.of("a", "loud"), "Алиса", new Text("x")),
        span(Kind.CLASS, List.of("red"), "", new Text("y")));
    assertThat(p("<c.a\tb>z</c>")).containsExactly(span(Kind.CLASS, List.of("a"), "", new Text("z")));
  }

  @Test
  void annotationIsTrimmedCollapsedAndDecoded() {
    assertThat(p("<v   Mr\t\n  Smith  >x")).containsExactly(Span.voice("Mr Smith", new Text("x")));
    assertThat(p("<v Tom &amp; Jerry&gt;>x")).containsExactly(Span.voice("Tom & Jerry>", new Text("x")));
    assertThat(p("<v a&>x")).containsExactly(Span.voice("a&", new Text("x")));
    assertThat(p("<v\nBob>x")).containsExactly(Span.voice("Bob", new Text("x")));
    assertThat(p("<v>x</v>")).containsExactly(Span.voice("", new Text("x")));
    assertThat(p("<i foo>x</i>")).containsExactly(Span.of(Kind.ITALIC, new Text("x")));
    assertThat(p("<v Bob")).containsExactly(Span.voice("Bob"));
  }

  @Test
  void tagNamesAreCaseSensitiveUnknownTagsIgnoredContentKept() {
    assertThat(p("<V Bob>x</V>")).containsExactly(new Text("x"));
    assertThat(p("a<foo>b</foo>c")).containsExactly(new Text("a"), new Text("b"), new Text("c"));
    assertThat(p("<>x</>")).containsExactly(new Text("x"));
    assertThat(p("<")).isEmpty();
  }

  @Test
  void mismatchedEndTagsAreIgnoredOpenSpansClosedAtEnd() {
    assertThat(p("<b>x</i>y")).containsExactly(Span.of(Kind.BOLD, new Text("x"), new Text("y")));
    assertThat(p("<b><i>x</b>y</i>z")).containsExactly(
        Span.of(Kind.BOLD, Span.of(Kind.ITALIC, new Text("x"), new Text("y")), new Text("z")));
    assertThat(p("</b>x")).containsExactly(new Text("x"));
  }

  @Test
  void rtOnlyInsideRubyAndRubyEndClosesRt() {
    assertThat(p("<rt>x</rt>")).containsExactly(new Text("x"));
    assertThat(p("<ruby>a<rt>b</ruby>c")).containsExactly(
        Span.of(Kind.RUBY, new Text("a"), Span.of(Kind.RUBY_TEXT, new Text("b"))), new Text("c"));
    assertThat(CueText.plainText(p("<ruby>a<rt>b</rt></ruby>c"))).isEqualTo("ac");
  }

  @Test
  void langEndTag() {
    assertThat(p("<lang ru>a<lang en>b</lang>c</lang>d")).containsExactly(
        span(Kind.LANGUAGE, List.of(), "ru", new Text("a"),
            span(Kind.LANGUAGE, List.of(), "en", new Text("b")), new Text("c")),
        new Text("d"));
  }

  @Test
  void timestampTags() {
    assertThat(p("a<00:00:01.500>b<01:02.003>")).containsExactly(
        new Text("a"), new Timestamp(1500), new Text("b"), new Timestamp(62003));
    assertThat(p("<00:00:01.5>x<00:01.000 >y<1:00:00.000>")).containsExactly(
        new Text("x"), new Text("y"), new Timestamp(3_600_000));
    assertThat(p("<00:60.000>")).isEmpty();
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
    "&amp;|&",
    "&lt;&gt;|<>",
    "&nbsp;|\u00a0",
    "&lrm;&rlm;|\u200e\u200f",
    "&amp|&",
    "&ampx|&x",
    "&notit;|\u00acit;",
    "&notin;|\u2209",
    "&NotGreaterFullEqual;|\u2267\u0338",
    "&CounterClockwiseContourIntegral;|\u2233",
    "&unknown;|&unknown;",
    "&|&",
    "&&amp;|&&",
    "& x|& x",
    "&#|&#",
    "&#x|&#x",
    "&#;|&#;",
    "&#65;|A",
    "&#65|A",
    "&#x41;|A",
    "&#X6a;|j",
    "&#0;|\ufffd",
    "&#128;|\u20ac",
    "&#x81;|\u0081",
    "&#x9F;|\u0178",
    "&#xD800;|\ufffd",
    "&#x110000;|\ufffd",
    "&#99999999999999999999;|\ufffd",
    "&#x1F600;|\ud83d\ude00",
    "&#1234567;|\ufffd",
  })
  void characterReferences(String raw, String decoded) {
    assertThat(p(raw)).containsExactly(new Text(decoded));
  }

  @Test
  void fullNamedReferenceTableIsLoaded() {
    assertThat(CharRefs.namedCount()).isEqualTo(2231);
  }

  @Test
  void nestingDepthLimitNamesThePosition() {
    String deep = "x\n" + "<b>".repeat(64) + "ok";
    assertThat(p(deep)).hasSize(2);
    assertThatThrownBy(() -> p(deep + "<i>"))
        .isInstanceOf(WebVttParseException.class)
        .hasMessage("cue text spans nested deeper than maxNestingDepth 64 (WebVttLimits) at line 2, column 195");
    assertThatThrownBy(() -> CueText.parse("<b><i>", new WebVttLimits(10, 10, 1)))
        .hasMessageContaining("at line 1, column 4");
  }

  @Test
  void formatEscapesAndClosesEverything() {
    List<CueNode> nodes = List.of(
        span(Kind.VOICE, List.of("a"), "  Tom &\n Jerry>  ", new Text("1 < 2 && 3 > 2")),
        new Timestamp(61_000), Span.of(Kind.RUBY, new Text("x"), Span.of(Kind.RUBY_TEXT, new Text("y"))),
        span(Kind.LANGUAGE, List.of(), "en", Span.of(Kind.BOLD, new Text("-->"))));
    String raw = CueText.format(nodes);
    assertThat(raw).isEqualTo("<v.a Tom &amp; Jerry&gt;>1 &lt; 2 &amp;&amp; 3 &gt; 2</v><00:01:01.000>"
        + "<ruby>x<rt>y</rt></ruby><lang en><b>--&gt;</b></lang>");
    assertThat(CueText.voices(CueText.parse(raw))).containsExactly("Tom & Jerry>");
    assertThat(CueText.parse(raw).get(0)).isEqualTo(span(Kind.VOICE, List.of("a"), "Tom & Jerry>",
        new Text("1 < 2 && 3 > 2")));
    assertThat(CueText.escape("a\r\nb\rc")).isEqualTo("a\nb\nc");
  }

  @Test
  void voicesAreListedOnceInOrder() {
    assertThat(CueText.voices(p("<v B>x</v><v A>y</v><i><v B>z</v></i>"))).containsExactly("B", "A");
  }

  @Test
  void spanValidation() {
    assertThatThrownBy(() -> new Span(Kind.BOLD, List.of("a b"), "", List.of()))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("classes: \"a b\" contains ' ' at index 1");
    assertThatThrownBy(() -> new Span(Kind.BOLD, List.of(""), "", List.of()))
        .hasMessage("classes: empty class name");
    assertThatThrownBy(() -> new Span(Kind.BOLD, List.of(), "x", List.of()))
        .hasMessage("annotation: \"x\" (only v and lang spans carry one)");
    assertThatThrownBy(() -> new Timestamp(-1)).isInstanceOf(IllegalArgumentException.class);
    assertThat(Kind.RUBY_TEXT.tag()).isEqualTo("rt");
  }
}
