package io.ecss.asr.transcription;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ecss.asr.recognition.RecognizedWord;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class WordLinesTest {

  /** The manual's answer of {@code curl localhost:9000/trans -T test.wav}, trailing spaces kept. */
  static final String MANUAL =
      """
      [Абонент: А]
      decoder-test 1 0.99 0.27 да 0.78\s
      decoder-test 1 2.73 0.21 да 1.00\s
      decoder-test 1 2.94 0.36 да 1.00\s
      decoder-test 1 5.94 0.33 какими 0.93\s
      decoder-test 1 6.27 0.45 деньгами 0.94

      [Абонент: Б]
      decoder-test 1 1.65 0.45 алло 0.77\s
      decoder-test 1 3.48 0.15 ну 0.47
      decoder-test 1 3.63 0.18 как 0.47
      decoder-test 1 3.81 0.15 там 0.47\s
      decoder-test 1 3.96 0.06 с 0.46\s
      decoder-test 1 4.02 0.54 деньгами 1.00
      """;

  static final Transcript MANUAL_TRANSCRIPT =
      new Transcript(
          List.of(
              new SpeakerWords(
                  "А",
                  List.of(
                      new RecognizedWord("да", 990, 1260, 0.78),
                      new RecognizedWord("да", 2730, 2940, 1.0),
                      new RecognizedWord("да", 2940, 3300, 1.0),
                      new RecognizedWord("какими", 5940, 6270, 0.93),
                      new RecognizedWord("деньгами", 6270, 6720, 0.94))),
              new SpeakerWords(
                  "Б",
                  List.of(
                      new RecognizedWord("алло", 1650, 2100, 0.77),
                      new RecognizedWord("ну", 3480, 3630, 0.47),
                      new RecognizedWord("как", 3630, 3810, 0.47),
                      new RecognizedWord("там", 3810, 3960, 0.47),
                      new RecognizedWord("с", 3960, 4020, 0.46),
                      new RecognizedWord("деньгами", 4020, 4560, 1.0)))));

  @Test
  void parsesTheManualsAnswer() {
    assertThat(WordLines.parse(MANUAL)).isEqualTo(MANUAL_TRANSCRIPT);
    assertThat(WordLines.parse(MANUAL.replace("\n", "\r\n"))).isEqualTo(MANUAL_TRANSCRIPT);
    assertThat(WordLines.parse("\uFEFF" + MANUAL)).isEqualTo(MANUAL_TRANSCRIPT);
  }

  @Test
  void formatsTheManualsAnswerWithoutTrailingSpaces() {
    assertThat(WordLines.format(MANUAL_TRANSCRIPT)).isEqualTo(MANUAL.replace(" \n", "\n"));
  }

  @Test
  void formatRoundsToCentisecondsKeepingStartPlusDurationEqualToEnd() {
    Transcript t =
        new Transcript(
            List.of(new SpeakerWords("А", List.of(new RecognizedWord("x", 994, 1005, 0.125)))));
    assertThat(WordLines.format(t, "u1")).isEqualTo("[Абонент: А]\nu1 1 0.99 0.02 x 0.13\n");
    assertThat(WordLines.format(new Transcript(List.of()))).isEmpty();
    assertThatThrownBy(() -> WordLines.format(t, "a b"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("utteranceId: 'a b' (expected one token, no whitespace)");
  }

  @Test
  void columnOfAMissingFieldIgnoresTheCarriageReturn() {
    assertThatThrownBy(() -> WordLines.parse("[Абонент: Б]\r\nu 1 0.5 0.1 ok\r\n"))
        .hasMessage(
            "line 2:15: expected 6 fields (utterance 1 start duration word confidence), found 5");
  }

  @Test
  void readsMoreDecimalsRoundingToMilliseconds() {
    Transcript t = WordLines.parse("[Абонент: А]\nu 1 1.23456 2 слово 0.5\n");
    assertThat(t.speakers().get(0).words())
        .containsExactly(new RecognizedWord("слово", 1235, 3235, 0.5));
  }

  @Test
  void emptySectionsAndMonoAnswers() {
    assertThat(WordLines.parse("[Абонент: А]\n\n[Абонент: Б]\n").speakers())
        .containsExactly(new SpeakerWords("А", List.of()), new SpeakerWords("Б", List.of()));
    assertThat(WordLines.parse("").speakers()).isEmpty();
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "decoder-test 1 0.99 0.27 да 0.78|line 1:1: word line before the first '[Абонент: <label>]' header",
        "[Abonent: A]|line 1:1: expected a header '[Абонент: <label>]', found '[Abonent: A]'",
        "[Абонент: ]|line 1:1: header '[Абонент: ]' has no valid speaker label",
        "[Абонент: А]\\nu 1 0.99 0.27 да|line 2:17: expected 6 fields (utterance 1 start duration word confidence), found 5",
        "[Абонент: А]\\nu 1 0.99 0.27 да 0.7 x|line 2:22: expected 6 fields (utterance 1 start duration word confidence), found more",
        "[Абонент: А]\\nu 1 -0.99 0.27 да 0.7|line 2:5: start '-0.99' is not a non-negative decimal number",
        "[Абонент: А]\\nu 1 0.99 .27 да 0.7|line 2:10: duration '.27' is not a non-negative decimal number",
        "[Абонент: А]\\nu 1 0.99 0.27 да 1.01|line 2:18: confidence 1.01 out of range (expected 0..1)",
        "[Абонент: А]\\nu 1 1e3 0.27 да 1|line 2:5: start '1e3' is not a non-negative decimal number",
        "[Абонент: А]\\n  u 1 1. 0.27 да 1|line 2:7: start '1.' is not a non-negative decimal number",
      })
  void rejectsMalformedLinesWithLineAndColumn(String text, String message) {
    assertThatThrownBy(() -> WordLines.parse(text.replace("\\n", "\n")))
        .isInstanceOf(WordLinesException.class)
        .hasMessage(message);
  }

  @Test
  void exceptionCarriesLineAndColumn() {
    assertThatThrownBy(() -> WordLines.parse("[Абонент: А]\nu 1 x 0 w 1"))
        .isInstanceOfSatisfying(
            WordLinesException.class,
            e -> {
              assertThat(e.line()).isEqualTo(2);
              assertThat(e.column()).isEqualTo(5);
              assertThat(e.problem()).isEqualTo("start 'x' is not a non-negative decimal number");
            });
  }

  static IntStream seeds() {
    return IntStream.range(0, 300);
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void parseOfFormatIsIdentityOnCentisecondTranscripts(int seed) {
    Random rnd = new Random(seed);
    String[] vocab = {"да", "нет", "алло", "ну", "деньгами", "ёлка", "OK", "x-1"};
    List<SpeakerWords> speakers = new ArrayList<>();
    int channels = rnd.nextInt(3);
    for (int c = 0; c < channels; c++) {
      List<RecognizedWord> words = new ArrayList<>();
      long t = 0;
      for (int i = rnd.nextInt(20); i > 0; i--) {
        t += 10L * rnd.nextInt(300);
        long d = 10L * rnd.nextInt(100);
        words.add(new RecognizedWord(vocab[rnd.nextInt(vocab.length)], t, t + d, rnd.nextInt(101) / 100.0));
        t += d;
      }
      speakers.add(new SpeakerWords(Transcript.label(c), words));
    }
    Transcript t = new Transcript(speakers);
    String text = WordLines.format(t);
    assertThat(WordLines.parse(text)).as("seed %d:%n%s", seed, text).isEqualTo(t);
    assertThat(WordLines.format(WordLines.parse(text))).isEqualTo(text);
  }

  @Test
  void labelsAndValidation() {
    assertThat(Transcript.label(0)).isEqualTo("А");
    assertThat(Transcript.label(1)).isEqualTo("Б");
    assertThat(Transcript.label(2)).isEqualTo("3");
    assertThatThrownBy(() -> new SpeakerWords("a]b", List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("label: 'a]b' (expected non-blank text without ']' or line breaks)");
  }
}
