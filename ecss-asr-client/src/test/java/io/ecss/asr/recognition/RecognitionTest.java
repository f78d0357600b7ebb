package io.ecss.asr.recognition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class RecognitionTest {

  static final List<RecognizedWord> SCRIPT =
      List.of(
          new RecognizedWord("да", 100, 300, 0.9),
          new RecognizedWord("нет", 500, 700, 0.8),
          new RecognizedWord("алло", 5000, 5200, 1.0));

  @Test
  void wordValidation() {
    assertThat(new RecognizedWord("да", 10, 30, 0.5).durationMillis()).isEqualTo(20);
    assertThat(new RecognizedWord("да", 10, 30, 0.5).shift(5))
        .isEqualTo(new RecognizedWord("да", 15, 35, 0.5));
    assertThatThrownBy(() -> new RecognizedWord("да нет", 0, 1, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("word: 'да нет' (expected one word, no spaces)");
    assertThatThrownBy(() -> new RecognizedWord("да", 5, 4, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("times: 5..4 ms (expected 0 <= start <= end)");
    assertThatThrownBy(() -> new RecognizedWord("да", 0, 4, Double.NaN))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("confidence: NaN (expected 0..1)");
  }

  @Test
  void recognitionJoinsWords() {
    Recognition r = Recognition.of(SCRIPT.subList(0, 2));
    assertThat(r.text()).isEqualTo("да нет");
    assertThat(r.isFinal()).isTrue();
    assertThat(r.isEmpty()).isFalse();
    assertThat(Recognition.EMPTY.isEmpty()).isTrue();
  }

  @Test
  void scriptedRecognizerFollowsTheAudioClock() {
    ScriptedRecognizer r = ScriptedRecognizer.of(1000, SCRIPT);
    {
      assertThat(r.sampleRate()).isEqualTo(1000);
      short[] pcm = new short[250];
      assertThat(r.accept(pcm, 0, 250)).isFalse(); // 250 ms: "да" not over yet
      assertThat(r.partial().text()).isEqualTo("да");
      assertThat(r.partial().isFinal()).isFalse();
      assertThat(r.accept(pcm, 0, 100)).isTrue(); // 350 ms
      assertThat(r.result()).isEqualTo(Recognition.of(SCRIPT.subList(0, 1)));
      assertThat(r.accept(pcm, 50, 200)).isFalse(); // 550 ms
      assertThat(r.result()).isEqualTo(Recognition.of(List.of()));
      assertThat(r.finish()).isEqualTo(Recognition.of(SCRIPT.subList(1, 3)));
      r.close();
      assertThatThrownBy(r::partial)
          .isInstanceOf(IllegalStateException.class)
          .hasMessage("recognizer is closed");
    }
  }

  @Test
  void scriptedFactoryHandsOutScriptsInTurn() {
    RecognizerFactory f =
        ScriptedRecognizer.factory(16000, List.of(SCRIPT.subList(0, 1), SCRIPT.subList(1, 2)));
    assertThat(f.sampleRate()).isEqualTo(16000);
    try (SpeechRecognizer a = f.open();
        SpeechRecognizer b = f.open();
        SpeechRecognizer c = f.open()) {
      assertThat(a.finish().text()).isEqualTo("да");
      assertThat(b.finish().text()).isEqualTo("нет");
      assertThat(c.finish().text()).isEqualTo("да");
    }
    assertThatThrownBy(() -> ScriptedRecognizer.factory(8000, List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("scripts: none (expected at least one)");
    assertThatThrownBy(() -> ScriptedRecognizer.of(8000, List.of(SCRIPT.get(1), SCRIPT.get(0))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("script: word 1 starts before word 0");
    assertThatThrownBy(() -> ScriptedRecognizer.of(0, SCRIPT))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("sampleRate: 0 (expected > 0)");
  }
}
