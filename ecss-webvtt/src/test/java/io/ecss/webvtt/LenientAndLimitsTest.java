package io.ecss.webvtt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LenientAndLimitsTest {

  static final String VENDOR = Resources.text("golden/vendor-trans-vtt.vtt");

  @Test
  void strictParserReadsTheVendorSampleAsPlayersDo() {
    WebVttParseResult r = WebVttParser.strict().parse(VENDOR);
    List<WebVttCue> cues = r.file().cues();
    // " 3" becomes payload of cue 2, cue 3 has no identifier, cue 5 ("00:00:6.720") is dropped.
    assertThat(cues).extracting(WebVttCue::id).containsExactly("1", "2", "", "4");
    assertThat(cues.get(1).text()).isEqualTo("<v> Боб>\nалло\n</v>\n 3");
    assertThat(cues.get(0).voices()).containsExactly("");
    assertThat(r.problems()).extracting(WebVttProblem::toString).containsExactly(
        "line 27, column 24: cue dropped: bad end time: expected 2 digits of seconds, found 1");
  }

  @Test
  void lenientParserReadsTheVendorSampleAsTheSpeakerCuesItMeant() {
    WebVttParseResult r = WebVttParser.lenient().parse(VENDOR);
    WebVttFile expected = TranscriptCuesTest.NAMED.toFile(TranscriptCuesTest.manualWords());
    assertThat(r.file()).isEqualTo(expected);
    assertThat(r.file().cues()).extracting(c -> c.voices().get(0))
        .containsExactly("Алиса", "Боб", "Алиса", "Боб", "Алиса");
    assertThat(r.problems()).extracting(WebVttProblem::toString).containsExactly(
        "line 5, column 1: lenient: vendor voice line \"<v> Алиса>\" read as \"<v Алиса>\"",
        "line 11, column 1: lenient: vendor voice line \"<v> Боб>\" read as \"<v Боб>\"",
        "line 14, column 1: lenient: line \" 3\" before a timing line taken as the next cue's identifier"
            + " (blank line missing)",
        "line 16, column 1: lenient: vendor voice line \"<v> Алиса>\" read as \"<v Алиса>\"",
        "line 22, column 1: lenient: vendor voice line \"<v> Боб>\" read as \"<v Боб>\"",
        // The Javadoc promises every repair is reported; the timestamp repair used to be silent.
        "line 27, column 18: lenient: timestamp \"00:00:6.720\" read as 00:00:06.720",
        "line 28, column 1: lenient: vendor voice line \"<v> Алиса>\" read as \"<v Алиса>\"");
    assertThat(WebVttParser.lenient().isLenient()).isTrue();
    assertThat(WebVttParser.strict().isLenient()).isFalse();
  }

  @Test
  void lenientTimestampsAndVoiceVariants() {
    WebVttParser p = WebVttParser.lenient();
    WebVttParseResult quirky = p.parse("WEBVTT\n\n00:00:6,72 --> 00:7.5\n<v> Tom >text</v>");
    WebVttCue c = quirky.file().cues().get(0);
    assertThat(c.startTime()).isEqualTo(6720);
    assertThat(c.endTime()).isEqualTo(7500);
    assertThat(quirky.problems()).extracting(WebVttProblem::toString).containsExactly(
        "line 3, column 1: lenient: timestamp \"00:00:6,72\" read as 00:00:06.720",
        "line 3, column 16: lenient: timestamp \"00:7.5\" read as 00:00:07.500",
        "line 4, column 1: lenient: vendor voice line \"<v> Tom >text</v>\" read as \"<v Tom>\"");
    assertThat(p.parse("WEBVTT\n\n00:01,000 --> 00:02.000\nx").problems())
        .extracting(WebVttProblem::toString)
        .containsExactly("line 3, column 1: lenient: timestamp \"00:01,000\" read as 00:00:01.000");
    assertThat(p.parse("WEBVTT\n\n00:01.000 --> 00:02.000\nx").problems()).isEmpty();
    assertThat(c.text()).isEqualTo("<v Tom>text</v>");
    assertThat(p.parse("WEBVTT\n\n00:01.000 --> 00:02.000\n<v> >x").file().cues().get(0).text())
        .isEqualTo("<v> >x");
    assertThat(p.parse("WEBVTT\n\n00:01.000 --> 00:02.000\n<v>no gt").file().cues().get(0).text())
        .isEqualTo("<v>no gt");
    assertThat(p.parse("WEBVTT\n\n00:01.000 --> 00:02.000\n<v> A>\nx\ny </v>").file().cues().get(0).text())
        .isEqualTo("<v A>x\ny </v>");
    assertThat(p.parse("WEBVTT\n\n00:01.000 --> 00:02.000\n<v> A>").file().cues().get(0).text())
        .isEqualTo("<v A></v>");
    // A non-numeric line before a timing line still ends the cue as in strict mode.
    List<WebVttCue> cues = p.parse("WEBVTT\n\n00:01.000 --> 00:02.000\na\nb\n00:03.000 --> 00:04.000\nc")
        .file().cues();
    assertThat(cues).extracting(WebVttCue::text).containsExactly("a\nb", "c");
  }

  @Test
  void inputSizeLimit() {
    WebVttParser p = WebVttParser.strict().withLimits(new WebVttLimits(20, 10, 10));
    assertThat(p.limits().maxInputChars()).isEqualTo(20);
    assertThatThrownBy(() -> p.parse("WEBVTT\n\n00:00.000 --> 00:01.000\nx"))
        .isInstanceOf(WebVttParseException.class)
        .hasMessage("input of 33 characters exceeds maxInputChars 20 (WebVttLimits) at line 3, column 13");
    assertThatThrownBy(() -> p.parse(new byte[100]))
        .hasMessage("input of 100 bytes exceeds maxInputChars 20 (WebVttLimits) at line 1, column 1");
    assertThat(p.parse("WEBVTT\n".getBytes(StandardCharsets.UTF_8)).file().cues()).isEmpty();
  }

  @Test
  void hugeInputLimitDoesNotWrapForBytes() {
    // maxInputChars * 3 used to overflow to a negative byte limit: every byte input was rejected.
    WebVttParser p = WebVttParser.strict().withLimits(new WebVttLimits(Long.MAX_VALUE, 10, 10));
    byte[] vtt = "WEBVTT\n\n00:00.000 --> 00:01.000\nx".getBytes(StandardCharsets.UTF_8);
    assertThat(p.parse(vtt).file().cues()).hasSize(1);
    WebVttParser q = WebVttParser.strict()
        .withLimits(new WebVttLimits((Long.MAX_VALUE - 3) / 3 + 1, 10, 10));
    assertThat(q.parse(vtt).file().cues()).hasSize(1);
  }

  @Test
  void problemListIsCappedWithASummary() {
    // 5,000 ignored settings used to be 5,000 problems: 32 MB of them exhausted a 512 MB heap.
    String text = "WEBVTT\n\n00:00.000 --> 00:01.000" + " x:y".repeat(5000) + "\nx\n";
    WebVttParseResult r = WebVttParser.strict().parse(text);
    assertThat(r.file().cues()).hasSize(1);
    assertThat(r.problems()).hasSize(WebVttParseResult.MAX_PROBLEMS + 1);
    assertThat(r.problems().get(0).toString())
        .isEqualTo("line 3, column 25: cue setting \"x:y\" ignored: unknown setting name");
    int firstDroppedColumn = 24 + 4 * WebVttParseResult.MAX_PROBLEMS + 1;
    assertThat(r.problems().get(WebVttParseResult.MAX_PROBLEMS).toString())
        .isEqualTo("line 3, column " + firstDroppedColumn + ": 4000 more problem(s) not listed"
            + " (only the first 1000 are kept)");
    assertThat(WebVttParser.strict().parse("WEBVTT\n\n00:00.000 --> 00:01.000"
        + " x:y".repeat(WebVttParseResult.MAX_PROBLEMS) + "\nx").problems())
        .hasSize(WebVttParseResult.MAX_PROBLEMS)
        .noneMatch(p -> p.message().contains("not listed"));
  }

  @Test
  void cueCountLimit() {
    WebVttParser p = WebVttParser.strict().withLimits(new WebVttLimits(1000, 2, 10));
    String three = "WEBVTT\n\n00:00.000 --> 00:01.000\na\n\n00:00.000 --> 00:01.000\nb\n\n"
        + "00:00.000 --> 00:01.000\nc";
    WebVttParseException e = (WebVttParseException) org.assertj.core.api.Assertions.catchThrowable(
        () -> p.parse(three));
    assertThat(e).hasMessage("more than maxCues 2 cues (WebVttLimits) at line 9, column 1");
    assertThat(e.line()).isEqualTo(9);
    assertThat(e.column()).isEqualTo(1);
  }

  @Test
  void limitsValidation() {
    assertThatThrownBy(() -> new WebVttLimits(0, 1, 1)).hasMessage("maxInputChars: 0 (expected > 0)");
    assertThatThrownBy(() -> new WebVttLimits(1, 0, 1)).hasMessage("maxCues: 0 (expected > 0)");
    assertThatThrownBy(() -> new WebVttLimits(1, 1, 0)).hasMessage("maxNestingDepth: 0 (expected > 0)");
    assertThat(WebVttLimits.DEFAULT.maxNestingDepth()).isEqualTo(64);
    assertThatThrownBy(() -> new WebVttProblem(0, 1, "x")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void transcriptOptionsAccessors() {
    TranscriptCues t = TranscriptCues.DEFAULT.withVoiceNames(Map.of("A", "Алиса"));
    assertThat(t.maxGap()).isEqualTo(2000);
    assertThat(t.maxDuration()).isEqualTo(7000);
    assertThat(t.maxChars()).isEqualTo(84);
    assertThat(t.voiceNames()).containsEntry("A", "Алиса");
  }
}
