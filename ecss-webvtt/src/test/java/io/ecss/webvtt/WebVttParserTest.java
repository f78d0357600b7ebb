package io.ecss.webvtt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ecss.webvtt.WebVttCueSettings.Align;
import io.ecss.webvtt.WebVttCueSettings.LineAlign;
import io.ecss.webvtt.WebVttCueSettings.PositionAlign;
import io.ecss.webvtt.WebVttCueSettings.Vertical;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.OptionalDouble;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** The W3C WebVTT parser algorithm (section 6.1), clause by clause. */
class WebVttParserTest {

  static WebVttParseResult parse(String s) {
    return WebVttParser.strict().parse(s);
  }

  static List<WebVttCue> cues(String s) {
    return parse(s).file().cues();
  }

  static WebVttCue only(String s) {
    List<WebVttCue> c = cues(s);
    assertThat(c).hasSize(1);
    return c.get(0);
  }

  static WebVttCueSettings settings(String settings) {
    return only("WEBVTT\n\n00:00.000 --> 00:01.000 " + settings + "\ntext").settings();
  }

  // --- Signature (steps 4-6) ---

  @ParameterizedTest
  @ValueSource(strings = {"WEBVTT", "WEBVTT\n", "WEBVTT \n", "WEBVTT\t- header", "WEBVTT\n\n"})
  void acceptsSignatures(String s) {
    assertThat(cues(s)).isEmpty();
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
    "''|not a WebVTT file: expected the signature \"WEBVTT\", found empty input at line 1, column 1",
    "WEBVT|not a WebVTT file: expected the signature \"WEBVTT\", found \"WEBVT\" at line 1, column 6",
    "webvtt|not a WebVTT file: expected the signature \"WEBVTT\", found \"webvtt\" at line 1, column 1",
    "WEBVTTfoo|not a WebVTT file: \"WEBVTT\" must be followed by space, tab or a line break, found \"f\" at line 1, column 7",
    "'WEBVTT\f'|not a WebVTT file: \"WEBVTT\" must be followed by space, tab or a line break, found \"\f\" at line 1, column 7",
    "'WEBVTT\u00a0'|not a WebVTT file: \"WEBVTT\" must be followed by space, tab or a line break, found \"\u00a0\" at line 1, column 7",
  })
  void rejectsBadSignatures(String input, String message) {
    assertThatThrownBy(() -> parse(input))
        .isInstanceOf(WebVttParseException.class)
        .hasMessage(message)
        .satisfies(e -> assertThat(((WebVttParseException) e).line()).isEqualTo(1));
  }

  @Test
  void oneBomIsSkippedTwoBreakTheSignature() {
    assertThat(cues("\uFEFFWEBVTT\n\n00:00.000 --> 00:01.000\nx")).hasSize(1);
    byte[] bom = "\uFEFFWEBVTT\n\n00:00.000 --> 00:01.000\nx".getBytes(StandardCharsets.UTF_8);
    assertThat(WebVttParser.strict().parse(bom).file().cues()).hasSize(1);
    byte[] two = "\uFEFF\uFEFFWEBVTT\n".getBytes(StandardCharsets.UTF_8);
    assertThatThrownBy(() -> WebVttParser.strict().parse(two)).isInstanceOf(WebVttParseException.class);
  }

  @Test
  void malformedUtf8BecomesReplacementCharacter() {
    byte[] b = {'W', 'E', 'B', 'V', 'T', 'T', '\n', '\n', '0', '0', ':', '0', '0', '.', '0', '0',
      '0', ' ', '-', '-', '>', ' ', '0', '0', ':', '0', '1', '.', '0', '0', '0', '\n', (byte) 0xff, 'x'};
    assertThat(WebVttParser.strict().parse(b).file().cues().get(0).text()).isEqualTo("\uFFFDx");
  }

  // --- Line terminators and NUL (step 1) ---

  @Test
  void crLfAndCrAreLineTerminatorsEvenMixed() {
    List<WebVttCue> c = cues("WEBVTT\r\n\r\n00:00.000 --> 00:01.000\r\na\r\nb\r\r00:02.000 --> 00:03.000\nc\r");
    assertThat(c).extracting(WebVttCue::text).containsExactly("a\nb", "c");
  }

  @Test
  void nulBecomesReplacementCharacterAndCanInvalidateASetting() {
    WebVttCue cue = only("WEBVTT\n\nid\0\n00:00.000 --> 00:01.000 align:end\0\nte\0xt");
    assertThat(cue.id()).isEqualTo("id\uFFFD");
    assertThat(cue.text()).isEqualTo("te\uFFFDxt");
    assertThat(cue.settings().align()).isEqualTo(Align.CENTER);
  }

  // --- Header (steps 7-12) ---

  @Test
  void headerTextAndHeaderLinesAreKeptAsHeader() {
    WebVttFile f = parse("WEBVTT - call 42\nKind: captions\nLanguage: ru\n\n00:00.000 --> 00:01.000\nx").file();
    assertThat(f.header()).isEqualTo("- call 42\nKind: captions\nLanguage: ru");
    assertThat(f.cues()).hasSize(1);
  }

  @Test
  void timingLineInTheHeaderEndsTheHeaderAndIsACue() {
    WebVttFile f = parse("WEBVTT\nfoo\n00:00.000 --> 00:01.000\nx").file();
    assertThat(f.header()).isEqualTo("\nfoo");
    assertThat(f.cues()).extracting(WebVttCue::text).containsExactly("x");
  }

  @Test
  void timingOnTheSignatureLineIsHeaderText() {
    WebVttFile f = parse("WEBVTT 00:00.000 --> 00:01.000\nx").file();
    assertThat(f.cues()).isEmpty();
    assertThat(f.header()).isEqualTo("00:00.000 --> 00:01.000\nx");
  }

  // --- Blocks and the --> rule (collect a WebVTT block) ---

  @Test
  void identifierIsTheLineBeforeTheTimingLineVerbatim() {
    assertThat(only("WEBVTT\n\n leading space \n00:00.000 --> 00:01.000\nx").id()).isEqualTo(" leading space ");
    assertThat(only("WEBVTT\n\n00:00.000 --> 00:01.000\nx").id()).isEmpty();
  }

  @Test
  void arrowInALaterLineEndsTheBlockAndStartsTheNext() {
    List<WebVttCue> c = cues("WEBVTT\n\n00:00.000 --> 00:01.000\na\n00:02.000 --> 00:03.000\nb");
    assertThat(c).extracting(WebVttCue::text).containsExactly("a", "b");
    assertThat(c.get(1).startTime()).isEqualTo(2000);
  }

  @Test
  void arrowInIdentifierLineMeansTimingLineAndCannotBeAnId() {
    WebVttParseResult r = parse("WEBVTT\n\nfoo-->\n00:00.000 --> 00:01.000\nx");
    assertThat(r.file().cues()).extracting(WebVttCue::id, WebVttCue::text).containsExactly(
        org.assertj.core.groups.Tuple.tuple("", "x"));
    assertThat(r.problems()).extracting(WebVttProblem::toString).containsExactly(
        "line 3, column 1: cue dropped: bad start time: expected a timestamp digit, found 'f'");
  }

  @Test
  void payloadKeepsLeadingSpacesAndTheWordNote() {
    assertThat(only("WEBVTT\n\n00:00.000 --> 00:01.000\n   text0\nNOTE x").text()).isEqualTo("   text0\nNOTE x");
  }

  @Test
  void cueWithEmptyPayloadAndEofAfterTiming() {
    assertThat(only("WEBVTT\n\n00:00.000 --> 00:01.000").text()).isEmpty();
    assertThat(only("WEBVTT\n\n00:00.000 --> 00:01.000\n\n\n").text()).isEmpty();
    assertThat(cues("WEBVTT\n\n00:00.000 -->")).isEmpty();
  }

  @Test
  void garbageBlocksAreSkippedAndReported() {
    WebVttParseResult r = parse("WEBVTT\n\ngarbage\nmore\n\n00:00.000 --> 00:01.000\nx\n\nSTYLE\n::cue{}\n");
    assertThat(r.file().cues()).hasSize(1);
    assertThat(r.file().styleSheets()).isEmpty();
    assertThat(r.problems()).extracting(WebVttProblem::toString).containsExactly(
        "line 3, column 1: block ignored: neither a cue (no \"-->\" timing line), NOTE, STYLE nor REGION block: \"garbage\"",
        "line 9, column 1: block ignored: STYLE blocks are only read before the first cue");
  }

  // --- NOTE, STYLE, REGION blocks ---

  @Test
  void notesAreCollectedNotCues() {
    WebVttFile f = parse("WEBVTT\n\nNOTE one\ntwo\n\nNOTE\nthree\n\nNOTE\n\nNOTEfour\n\n00:00.000 --> 00:01.000\nx\n\nNOTE\tlast").file();
    assertThat(f.comments()).containsExactly("one\ntwo", "three", "", "last");
    assertThat(f.cues()).hasSize(1);
  }

  @Test
  void noteContainingArrowTurnsIntoACueBlock() {
    WebVttFile f = parse("WEBVTT\n\nNOTE\n00:00.000 --> 00:01.000\nx").file();
    assertThat(f.comments()).isEmpty();
    assertThat(f.cues()).extracting(WebVttCue::id).containsExactly("NOTE");
  }

  @Test
  void styleBlocksBeforeTheFirstCue() {
    WebVttFile f = parse("WEBVTT\n\nSTYLE  \n::cue { color: lime }\n::cue(v[voice=\"Боб\"]) { color: cyan }\n\n"
        + "STYLE\n00:00.000 --> 00:01.000\nx").file();
    assertThat(f.styleSheets()).containsExactly("::cue { color: lime }\n::cue(v[voice=\"Боб\"]) { color: cyan }");
    assertThat(f.cues()).extracting(WebVttCue::id).containsExactly("STYLE");
  }

  @Test
  void regionBlockSettingsAndDefaults() {
    WebVttParseResult r = parse("WEBVTT\n\nREGION\nid:fred width:40% lines:3\nregionanchor:0%,100%"
        + " viewportanchor:10%,90% scroll:up\n\nREGION\nwidth:50%\n\n"
        + "00:00.000 --> 00:01.000 region:fred\nx");
    WebVttFile f = r.file();
    assertThat(f.regions()).containsExactly(
        new WebVttRegion("fred", 40, 3, 0, 100, 10, 90, WebVttRegion.Scroll.UP),
        new WebVttRegion("", 50, 3, 0, 100, 0, 100, WebVttRegion.Scroll.NONE));
    assertThat(f.region(f.cues().get(0))).contains(f.regions().get(0));
    assertThat(r.problems()).isEmpty();
  }

  @Test
  void invalidRegionSettingsAreIgnoredOneByOne() {
    WebVttParseResult r = parse("WEBVTT\n\nREGION\nid:r width:101% lines:2.5 regionanchor:1%"
        + " viewportanchor:1%,x scroll:down foo:bar nocolon :x y:\n\n");
    assertThat(r.file().regions()).containsExactly(WebVttRegion.of("r"));
    assertThat(r.problems()).hasSize(9);
    assertThat(r.problems().get(0).toString())
        .isEqualTo("line 4, column 6: region setting \"width:101%\" ignored: expected a percentage 0..100%");
  }

  @Test
  void laterRegionWithSameIdIsTheOneCuesUse() {
    WebVttFile f = parse("WEBVTT\n\nREGION\nid:a\nlines:1\n\nREGION\nid:a\nlines:9\n\n"
        + "00:00.000 --> 00:01.000 region:a\nx").file();
    assertThat(f.region(f.cues().get(0)).orElseThrow().lines()).isEqualTo(9);
  }

  @Test
  void regionAfterACueIsIgnoredAndHugeLinesSaturate() {
    WebVttFile f = parse("WEBVTT\n\nREGION\nid:a lines:99999999999999999999\n\n"
        + "00:00.000 --> 00:01.000\nx\n\nREGION\nid:b").file();
    assertThat(f.regions()).extracting(WebVttRegion::id).containsExactly("a");
    assertThat(f.regions().get(0).lines()).isEqualTo(Integer.MAX_VALUE);
  }

  // --- Timestamps (collect a WebVTT timestamp) ---

  @ParameterizedTest
  @CsvSource({
    "00:00.000, 0",
    "01:02.003, 62003",
    "00:01:02.003, 62003",
    "0:00:00.001, 1",
    "000:00:00.001, 1",
    "60:00:00.000, 216000000",
    "100:00:00.000, 360000000",
    "59:59.999, 3599999",
    "999999999999:59:59.999, 3599999999999999999",
  })
  void acceptsTimestamps(String ts, long ms) {
    assertThat(only("WEBVTT\n\n" + ts + " --> " + ts + "\nx").startTime()).isEqualTo(ms);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
    "00:00:6.720|1|21|cue dropped: bad end time: expected 2 digits of seconds, found 1",
    "00:60.000|1|15|cue dropped: bad end time: seconds 60 out of range 00-59",
    "00:60:00.000|1|15|cue dropped: bad end time: minutes 60 out of range 00-59",
    "00:00,000|1|20|cue dropped: bad end time: expected '.' before milliseconds, found ','",
    "00:00.00|1|21|cue dropped: bad end time: expected exactly 3 digits of milliseconds, found 2",
    "00:00.0000|1|24|cue dropped: bad end time: expected exactly 3 digits of milliseconds, found more",
    "00:000.000|1|18|cue dropped: bad end time: expected 2 digits of minutes or seconds, found 3",
    "0:00.000|1|19|cue dropped: bad end time: expected ':' before seconds, found '.'",
    "x|1|15|cue dropped: bad end time: expected a timestamp digit, found 'x'",
    "1000000000000:00:00.000|1|15|cue dropped: bad end time: hours above 999999999999 are not supported",
  })
  void rejectsTimestampsAndDropsTheCue(String ts, int line, int column, String message) {
    WebVttParseResult r = parse("WEBVTT\n\n00:00.000 --> " + ts + "\nx");
    assertThat(r.file().cues()).isEmpty();
    assertThat(r.problems()).containsExactly(new WebVttProblem(line + 2, column, message));
  }

  @Test
  void timingLineWhitespaceRules() {
    assertThat(cues("WEBVTT\n\n \f00:00.000\t-->\f00:01.000 \nx")).hasSize(1);
    assertThat(cues("WEBVTT\n\n00:00.000\u000b--> 00:01.000\nx")).isEmpty();
    assertThat(cues("WEBVTT\n\n00:00.000-->00:01.000\nx")).hasSize(1);
    assertThat(cues("WEBVTT\n\n00:00.000 -> 00:01.000 -->\nx")).isEmpty();
  }

  @Test
  void endBeforeStartIsKept() {
    WebVttCue c = only("WEBVTT\n\n00:01.000 --> 00:00.999\nx");
    assertThat(c.startTime()).isEqualTo(1000);
    assertThat(c.endTime()).isEqualTo(999);
  }

  // --- Cue settings (parse the WebVTT cue settings) ---

  @Test
  void defaultsAreTheVttCueDefaults() {
    WebVttCueSettings s = only("WEBVTT\n\n00:00.000 --> 00:01.000\nx").settings();
    assertThat(s).isEqualTo(WebVttCueSettings.DEFAULT);
    assertThat(s.line()).isEmpty();
    assertThat(s.snapToLines()).isTrue();
    assertThat(s.lineAlign()).isEqualTo(LineAlign.START);
    assertThat(s.position()).isEmpty();
    assertThat(s.positionAlign()).isEqualTo(PositionAlign.AUTO);
    assertThat(s.size()).isEqualTo(100);
    assertThat(s.align()).isEqualTo(Align.CENTER);
    assertThat(s.vertical()).isEqualTo(Vertical.HORIZONTAL);
    assertThat(s.region()).isEmpty();
  }

  @Test
  void vertical() {
    assertThat(settings("vertical:rl").vertical()).isEqualTo(Vertical.RL);
    assertThat(settings("vertical:lr").vertical()).isEqualTo(Vertical.LR);
    assertThat(settings("vertical:RL").vertical()).isEqualTo(Vertical.HORIZONTAL);
    assertThat(settings("vertical:lr vertical:x").vertical()).isEqualTo(Vertical.LR);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
    "line:0|0|true|START",
    "line:-1|-1|true|START",
    "line:1.5|1.5|true|START",
    "line:-0|0|true|START",
    "line:99999999999999999999|1e20|true|START",
    "line:50%|50|false|START",
    "line:100%,end|100|false|END",
    "line:0.5%,center|0.5|false|CENTER",
    "line:5,start|5|true|START",
  })
  void validLine(String setting, double line, boolean snap, LineAlign align) {
    WebVttCueSettings s = settings(setting);
    assertThat(s.line()).isEqualTo(OptionalDouble.of(line));
    assertThat(s.snapToLines()).isEqualTo(snap);
    assertThat(s.lineAlign()).isEqualTo(align);
  }

  @ParameterizedTest
  @ValueSource(strings = {"line:101%", "line:-0%", "line:1e2", "line:.5", "line:5.", "line:1-",
      "line:--1", "line:1.2.3", "line:100%,middle", "line:100%,startend", "line:abc", "line:-",
      "line:1,", "line:%"})
  void invalidLineIsIgnored(String setting) {
    WebVttParseResult r = parse("WEBVTT\n\n00:00.000 --> 00:01.000 " + setting + "\nx");
    assertThat(r.file().cues().get(0).settings()).isEqualTo(WebVttCueSettings.DEFAULT);
    assertThat(r.problems()).hasSize(1);
    assertThat(r.problems().get(0).column()).isEqualTo(25);
  }

  @Test
  void lineAlignSticksFromAnEarlierLineSetting() {
    WebVttCueSettings s = settings("line:5,end line:7");
    assertThat(s.line()).isEqualTo(OptionalDouble.of(7));
    assertThat(s.lineAlign()).isEqualTo(LineAlign.END);
  }

  @Test
  void position() {
    assertThat(settings("position:10%").position()).isEqualTo(OptionalDouble.of(10));
    assertThat(settings("position:10%").positionAlign()).isEqualTo(PositionAlign.AUTO);
    assertThat(settings("position:0%,line-left").positionAlign()).isEqualTo(PositionAlign.LINE_LEFT);
    assertThat(settings("position:100%,center").positionAlign()).isEqualTo(PositionAlign.CENTER);
    assertThat(settings("position:33.5%,line-right").position()).isEqualTo(OptionalDouble.of(33.5));
    for (String bad : List.of("position:101%", "position:1%,", "position:1%,start", "position:1",
        "position:-1%", "position:auto", "position:1%,line-left,center")) {
      assertThat(settings(bad)).as(bad).isEqualTo(WebVttCueSettings.DEFAULT);
    }
    WebVttParseResult r = parse("WEBVTT\n\n00:00.000 --> 00:01.000 position:1%, center\nx");
    assertThat(r.file().cues().get(0).settings().position()).isEmpty();
    assertThat(r.problems()).hasSize(2);
  }

  @Test
  void size() {
    assertThat(settings("size:50%").size()).isEqualTo(50);
    assertThat(settings("size:0%").size()).isEqualTo(0);
    assertThat(settings("size:101%").size()).isEqualTo(100);
    assertThat(settings("size:50").size()).isEqualTo(100);
  }

  @Test
  void align() {
    assertThat(settings("align:start").align()).isEqualTo(Align.START);
    assertThat(settings("align:center").align()).isEqualTo(Align.CENTER);
    assertThat(settings("align:end").align()).isEqualTo(Align.END);
    assertThat(settings("align:left").align()).isEqualTo(Align.LEFT);
    assertThat(settings("align:right").align()).isEqualTo(Align.RIGHT);
    assertThat(settings("align:start align:end").align()).isEqualTo(Align.END);
    assertThat(settings("align:middle").align()).isEqualTo(Align.CENTER);
    assertThat(settings("align:CENTER align:start").align()).isEqualTo(Align.START);
  }

  @Test
  void malformedSettingTokensAndUnknownNamesAreIgnored() {
    WebVttParseResult r = parse("WEBVTT\n\n00:00.000 --> 00:01.000 foo :x y: nocolon bar:baz align:end\nx");
    assertThat(r.file().cues().get(0).settings().align()).isEqualTo(Align.END);
    assertThat(r.problems()).extracting(WebVttProblem::message).containsExactly(
        "cue setting \"foo\" ignored: expected name:value",
        "cue setting \":x\" ignored: expected name:value",
        "cue setting \"y:\" ignored: expected name:value",
        "cue setting \"nocolon\" ignored: expected name:value",
        "cue setting \"bar:baz\" ignored: unknown setting name");
  }

  @Test
  void regionSettingAndWhatDropsIt() {
    String regions = "WEBVTT\n\nREGION\nid:r\n\n";
    WebVttFile f = parse(regions
        + "00:00.000 --> 00:01.000 region:r\na\n\n"
        + "00:00.000 --> 00:01.000 region:r line:1\nb\n\n"
        + "00:00.000 --> 00:01.000 region:r size:50%\nc\n\n"
        + "00:00.000 --> 00:01.000 region:r vertical:rl\nd\n\n"
        + "00:00.000 --> 00:01.000 line:1 region:r\ne\n\n"
        + "00:00.000 --> 00:01.000 region:x\nf\n\n"
        + "00:00.000 --> 00:01.000 region:r size:100%\ng\n\n"
        + "00:00.000 --> 00:01.000 vertical:rl region:r vertical:x\nh").file();
    assertThat(f.cues()).extracting(c -> c.settings().region().orElse("-"))
        .containsExactly("r", "-", "-", "-", "r", "-", "r", "-");
  }
}
