package io.ecss.webvtt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class TranscriptCuesTest {

  /** The manual's /trans answer ("Транскрибирование разговоров"), channel A = calling. */
  static List<TranscriptWord> manualWords() {
    List<TranscriptWord> w = new ArrayList<>();
    w.add(TranscriptWord.ofDuration("A", 990, 270, "да", 0.78));
    w.add(TranscriptWord.ofDuration("A", 2730, 210, "да", 1.00));
    w.add(TranscriptWord.ofDuration("A", 2940, 360, "да", 1.00));
    w.add(TranscriptWord.ofDuration("A", 5940, 330, "какими", 0.93));
    w.add(TranscriptWord.ofDuration("A", 6270, 450, "деньгами", 0.94));
    w.add(TranscriptWord.ofDuration("B", 1650, 450, "алло", 0.77));
    w.add(TranscriptWord.ofDuration("B", 3480, 150, "ну", 0.47));
    w.add(TranscriptWord.ofDuration("B", 3630, 180, "как", 0.47));
    w.add(TranscriptWord.ofDuration("B", 3810, 150, "там", 0.47));
    w.add(TranscriptWord.ofDuration("B", 3960, 60, "с", 0.46));
    w.add(TranscriptWord.ofDuration("B", 4020, 540, "деньгами", 1.00));
    return w;
  }

  static final TranscriptCues NAMED =
      TranscriptCues.DEFAULT.withVoiceNames(Map.of("A", "Алиса", "B", "Боб"));

  @Test
  void manualExampleComesOutByteForByte() {
    String vtt = NAMED.toFile(manualWords()).format();
    assertThat(vtt).isEqualTo(Resources.text("golden/manual-transcript.expected.vtt"));
  }

  @Test
  void manualExampleParsesBackToTheSameCues() {
    WebVttFile file = NAMED.toFile(manualWords());
    assertThat(WebVttFile.parse(file.format())).isEqualTo(file);
    assertThat(file.cues().get(3).voices()).containsExactly("Боб");
    assertThat(CueText.plainText(file.cues().get(3).nodes())).isEqualTo("ну как там с деньгами");
  }

  @Test
  void pauseLongerThanMaxGapStartsANewCue() {
    List<TranscriptWord> w = List.of(
        word("A", 0, 500, "one"), word("A", 2500, 3000, "two"), word("A", 5001, 5500, "three"));
    List<WebVttCue> cues = TranscriptCues.DEFAULT.toCues(w);
    assertThat(cues).extracting(WebVttCue::text)
        .containsExactly("<v A>one two</v>", "<v A>three</v>");
    assertThat(cues).extracting(WebVttCue::id).containsExactly("1", "2");
  }

  @Test
  void maxDurationAndMaxCharsSplitLongTurns() {
    List<TranscriptWord> w = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      w.add(word("A", i * 1000L, i * 1000L + 900, "w" + i));
    }
    List<WebVttCue> byDuration = TranscriptCues.DEFAULT.toCues(w);
    assertThat(byDuration).hasSize(3);
    assertThat(byDuration.get(0).endTime() - byDuration.get(0).startTime()).isLessThanOrEqualTo(7000);
    assertThat(byDuration.get(0).text()).isEqualTo("<v A>w0 w1 w2 w3 w4 w5 w6</v>");
    List<WebVttCue> byChars = TranscriptCues.DEFAULT.withMaxDuration(100_000).withMaxChars(8).toCues(w);
    assertThat(byChars.get(0).text()).isEqualTo("<v A>w0 w1 w2</v>");
    assertThat(TranscriptCues.DEFAULT.withMaxGap(0).toCues(w)).hasSize(20);
  }

  @Test
  void escapesTextAndVoiceNamesAndWidensZeroDurationWords() {
    List<TranscriptWord> w = List.of(word("A", 1000, 1000, "P&L <3 -->"));
    TranscriptCues t = TranscriptCues.DEFAULT.withVoiceNames(Map.of("A", "  Tom \n & <Jerry>  "));
    WebVttCue cue = t.toCues(w).get(0);
    assertThat(cue.text()).isEqualTo("<v Tom &amp; &lt;Jerry&gt;>P&amp;L &lt;3 --&gt;</v>");
    assertThat(cue.endTime()).isEqualTo(1001);
    assertThat(cue.voices()).containsExactly("Tom & <Jerry>");
    assertThat(CueText.plainText(cue.nodes())).isEqualTo("P&L <3 -->");
  }

  @Test
  void interleavedSpeakersAlternateAndBlankWordsAreSkipped() {
    List<TranscriptWord> w = List.of(
        word("B", 100, 200, "b1"), word("A", 0, 90, "a1"), word("A", 150, 160, " "),
        word("A", 300, 400, "a2"));
    assertThat(TranscriptCues.DEFAULT.toCues(w)).extracting(WebVttCue::text)
        .containsExactly("<v A>a1</v>", "<v B>b1</v>", "<v A>a2</v>");
    assertThat(TranscriptCues.DEFAULT.toCues(List.of())).isEmpty();
    assertThat(TranscriptCues.DEFAULT.withVoiceNames(Map.of("A", " ")).toCues(w).get(0).text())
        .isEqualTo("<v A>a1</v>");
  }

  @Test
  void rejectsBadOptionsAndWords() {
    assertThatThrownBy(() -> TranscriptCues.DEFAULT.withMaxGap(-1))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("maxGap: -1 (expected >= 0)");
    assertThatThrownBy(() -> TranscriptCues.DEFAULT.withMaxDuration(-1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> TranscriptCues.DEFAULT.withMaxChars(0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> word("A", 5, 4, "x"))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("end: 4 (expected 5..3599999999999999999)");
    assertThatThrownBy(() -> word("", 5, 6, "x")).hasMessage("speaker: empty");
    assertThatThrownBy(() -> word("A", -1, 6, "x")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> TranscriptWord.ofDuration("A", 0, -5, "x", 1))
        .hasMessage("duration: -5 (expected >= 0)");
    assertThatThrownBy(() -> TranscriptWord.ofDuration("A", 0, 5, "x", 1.5))
        .hasMessage("confidence: 1.5 (expected 0..1)");
  }

  private static TranscriptWord word(String speaker, long start, long end, String text) {
    return new TranscriptWord(speaker, start, end, text, OptionalDouble.empty());
  }
}
