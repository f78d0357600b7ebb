package io.ecss.examples.vtt;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ecss.examples.Ecss;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VttCommandTest {

  record Run(int code, String out, String err) {}

  @TempDir Path dir;

  static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Ecss.run(new PrintWriter(out), new PrintWriter(err), args);
    return new Run(code, out.toString(), err.toString());
  }

  static String resource(String name) throws IOException {
    try (InputStream in = VttCommandTest.class.getResourceAsStream("/vtt/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  Path file(String name, String content) throws IOException {
    Path p = dir.resolve(name);
    Files.writeString(p, content, StandardCharsets.UTF_8);
    return p;
  }

  @Test
  void fromWordsRendersTheManualExampleByteForByte() throws IOException {
    Path words = file("words.txt", resource("manual-words.txt"));
    Run r = run("vtt", "from-words", "--calling", "Алиса", "--called", "Боб", words.toString());
    assertThat(r.err()).isEmpty();
    assertThat(r.code()).isZero();
    assertThat(r.out()).isEqualTo(resource("manual-transcript.expected.vtt"));
  }

  @Test
  void fromWordsDefaultsToChannelLettersAndHonoursLimits() throws IOException {
    Path words = file("words.txt", resource("manual-words.txt"));
    Run r = run("vtt", "from-words", words.toString());
    assertThat(r.out()).contains("<v А>да</v>").contains("<v Б>ну как там с деньгами</v>");
    Run split = run("vtt", "from-words", "--max-chars", "6", words.toString());
    assertThat(split.out()).contains("<v Б>ну как</v>").contains("<v Б>там с</v>");
    Run bad = run("vtt", "from-words", "--max-chars", "0", words.toString());
    assertThat(bad.code()).isEqualTo(2);
  }

  @Test
  void fromWordsReportsBadLinesWithLineNumbers() throws IOException {
    Path noHeader = file("a.txt", "decoder-test 1 0.99 0.27 да 0.78\n");
    Run r = run("vtt", "from-words", noHeader.toString());
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err()).isEqualTo("ecss vtt from-words: " + noHeader
        + ":1:1: word line before the first '[Абонент: <label>]' header\n");
    Path badTime = file("b.txt", "[Абонент: А]\n\ndecoder-test 1 x 0.27 да 0.78\n");
    assertThat(run("vtt", "from-words", badTime.toString()).err())
        .isEqualTo("ecss vtt from-words: " + badTime + ":3:16: start 'x' is not a non-negative decimal number\n");
    Path fields = file("c.txt", "[Абонент: А]\ndecoder-test 1 0.5\n");
    assertThat(run("vtt", "from-words", fields.toString()).err())
        .contains(":2:19: expected 6 fields (utterance 1 start duration word confidence), found 3");
    Path conf = file("d.txt", "[Абонент: Б]\nu 1 0.5 0.1 ok 7\n");
    assertThat(run("vtt", "from-words", conf.toString()).err())
        .contains(":2:16: confidence 7 out of range (expected 0..1)");
    Path crlf = file("e.txt", "[Абонент: Б]\r\nu 1 0.5 0.1 ok 1\r\n");
    assertThat(run("vtt", "from-words", "--called", "Bob", crlf.toString()).out())
        .isEqualTo("WEBVTT\n\n1\n00:00:00.500 --> 00:00:00.600\n<v Bob>ok</v>\n");
  }

  @Test
  void parseJsonHasTheVttCueAndVttRegionFields() throws IOException {
    Path vtt = file("x.vtt", """
        WEBVTT

        REGION
        id:r width:40% scroll:up

        c1
        00:00:01.000 --> 00:00:02.500 region:r align:start
        <v Bob>hi</v>

        00:01:00.001 --> 01:00:00.000 line:-1,end position:10%,line-left size:50% vertical:lr
        a
        b

        00:00.000 --> 00:01.000 bogus
        x""");
    Run r = run("vtt", "parse", "--json", vtt.toString());
    assertThat(r.code()).isZero();
    assertThat(r.out()).isEqualTo("{\"cues\":["
        + "{\"id\":\"c1\",\"startTime\":1,\"endTime\":2.5,\"text\":\"<v Bob>hi</v>\",\"align\":\"start\","
        + "\"line\":\"auto\",\"snapToLines\":true,\"lineAlign\":\"start\",\"position\":\"auto\","
        + "\"positionAlign\":\"auto\",\"size\":100,\"vertical\":\"\",\"region\":{\"id\":\"r\",\"width\":40,"
        + "\"lines\":3,\"regionAnchorX\":0,\"regionAnchorY\":100,\"viewportAnchorX\":0,\"viewportAnchorY\":100,"
        + "\"scroll\":\"up\"}},"
        + "{\"id\":\"\",\"startTime\":60.001,\"endTime\":3600,\"text\":\"a\\nb\",\"align\":\"center\","
        + "\"line\":-1,\"snapToLines\":true,\"lineAlign\":\"end\",\"position\":10,"
        + "\"positionAlign\":\"line-left\",\"size\":50,\"vertical\":\"lr\",\"region\":null},"
        + "{\"id\":\"\",\"startTime\":0,\"endTime\":1,\"text\":\"x\",\"align\":\"center\",\"line\":\"auto\","
        + "\"snapToLines\":true,\"lineAlign\":\"start\",\"position\":\"auto\",\"positionAlign\":\"auto\","
        + "\"size\":100,\"vertical\":\"\",\"region\":null}],"
        + "\"regions\":[{\"id\":\"r\",\"width\":40,\"lines\":3,\"regionAnchorX\":0,\"regionAnchorY\":100,"
        + "\"viewportAnchorX\":0,\"viewportAnchorY\":100,\"scroll\":\"up\"}],"
        + "\"errors\":[{\"line\":14,\"column\":25,\"message\":\"cue setting \\\"bogus\\\" ignored: expected name:value\"}]}\n");
  }

  @Test
  void parseVendorSampleStrictAndLenient() throws IOException {
    Path vtt = file("vendor.vtt", resource("vendor-trans-vtt.vtt"));
    JsonNode strict = new ObjectMapper().readTree(run("vtt", "parse", "--json", vtt.toString()).out());
    assertThat(strict.get("cues")).hasSize(4);
    assertThat(strict.get("errors").get(0).get("line").asInt()).isEqualTo(27);
    JsonNode lenient = new ObjectMapper().readTree(
        run("vtt", "parse", "--lenient", "--json", vtt.toString()).out());
    assertThat(lenient.get("cues")).hasSize(5);
    assertThat(lenient.get("cues").get(4).get("text").asText()).isEqualTo("<v Алиса>какими деньгами</v>");
    assertThat(lenient.get("cues").get(4).get("endTime").decimalValue()).isEqualByComparingTo("6.72");
    Run text = run("vtt", "parse", "--lenient", vtt.toString());
    assertThat(text.out()).startsWith("5 cue(s), 0 region(s), 0 style sheet(s), 0 comment(s)");
    assertThat(text.out()).contains("1  00:00:00.990 --> 00:00:01.260  [Алиса] да");
  }

  @Test
  void badSignatureIsExitOneWithOneLine() throws IOException {
    Path vtt = file("bad.vtt", "WEBVTTX\n");
    Run r = run("vtt", "parse", "--json", vtt.toString());
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.out()).isEmpty();
    assertThat(r.err()).isEqualTo("ecss vtt parse: " + vtt + ": not a WebVTT file: \"WEBVTT\" must be followed"
        + " by space, tab or a line break, found \"X\" at line 1, column 7\n");
    assertThat(run("vtt", "parse", "--json", dir.resolve("missing.vtt").toString()).code()).isEqualTo(1);
    assertThat(run("vtt", "parse").code()).isEqualTo(2);
  }

  @Test
  void cueTextOverTheNestingLimitNamesTheCueAndPrintsNothingElse() throws IOException {
    Path deep = file("deep.vtt", "WEBVTT\n\n1\n00:00.000 --> 00:01.000\nok\n\n"
        + "00:02.000 --> 00:03.000\n" + "<b>".repeat(70) + "x\n");
    Run r = run("vtt", "parse", deep.toString());
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.out()).isEmpty();
    // Before: the first cue was printed, then "... at line 1, column 193" with no cue or file.
    assertThat(r.err()).isEqualTo("ecss vtt parse: " + deep + ": cue #2 at 00:00:02.000: cue text"
        + " spans nested deeper than maxNestingDepth 64 (WebVttLimits) at line 1, column 193 of its"
        + " text" + System.lineSeparator());
  }

  @Test
  void formatWritesCanonicallyAndReportsSkippedParts() throws IOException {
    Path vtt = file("m.vtt", "WEBVTT\r\n\r\n1\r\n0:00:01.000 --> 0:00:02.000 align:middle\r\nx\r\n\r\ngarbage\r\n");
    Run r = run("vtt", "format", vtt.toString());
    assertThat(r.code()).isZero();
    assertThat(r.out()).isEqualTo("WEBVTT\n\n1\n00:00:01.000 --> 00:00:02.000\nx\n");
    assertThat(r.err()).isEqualTo(
        "ecss vtt format: " + vtt + ": line 4, column 29: cue setting \"align:middle\" ignored:"
            + " expected start, center, end, left or right\n"
            + "ecss vtt format: " + vtt + ": line 7, column 1: block ignored: neither a cue (no \"-->\""
            + " timing line), NOTE, STYLE nor REGION block: \"garbage\"\n");
    Path vendor = file("vendor.vtt", resource("vendor-trans-vtt.vtt"));
    Run fixed = run("vtt", "format", "--lenient", vendor.toString());
    assertThat(fixed.out()).isEqualTo(resource("manual-transcript.expected.vtt"));
  }

  @Test
  void demoSectionRunsOfflineWithRealResults() {
    StringWriter out = new StringWriter();
    new VttDemo().run(new PrintWriter(out));
    assertThat(new VttDemo().module()).isEqualTo("ecss-webvtt");
    assertThat(out.toString())
        .contains("<v Боб>ну как там с деньгами</v>")
        .contains("identical to what was written: true")
        .contains("4 of 5 cues survive")
        .contains("same cues as ours: true");
  }
}
