package io.ecss.asr.vosk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ecss.asr.AsrException;
import io.ecss.asr.recognition.Recognition;
import io.ecss.asr.recognition.RecognizedWord;
import io.ecss.asr.recognition.ScriptedRecognizer;
import io.ecss.asr.recognition.SpeechRecognizer;
import io.ecss.asr.jsgf.ExpansionLimits;
import io.ecss.asr.jsgf.JsgfGrammarSet;
import io.ecss.asr.jsgf.JsgfMatcher;
import io.ecss.asr.jsgf.JsgfGrammar;
import io.ecss.asr.jsgf.MatchOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VoskModelTest {

  @Test
  void missingDirectoryFailsBeforeVoskIsCalled(@TempDir Path dir) {
    Path absent = dir.resolve("vosk-model-small-ru-0.22");
    assertThatThrownBy(() -> VoskModel.load(absent))
        .isInstanceOf(AsrException.class)
        .hasMessage("Vosk model directory does not exist: " + absent);
  }

  @Test
  void fileInsteadOfDirectoryFails(@TempDir Path dir) throws IOException {
    Path f = Files.writeString(dir.resolve("model.zip"), "PK");
    assertThatThrownBy(() -> VoskModel.load(f))
        .isInstanceOf(AsrException.class)
        .hasMessage("Vosk model path is not a directory: " + f);
  }

  @Test
  void directoryWithoutModelFilesFails(@TempDir Path dir) {
    assertThatThrownBy(() -> VoskModel.load(dir))
        .isInstanceOf(AsrException.class)
        .hasMessage(
            "not a Vosk model directory: "
                + dir
                + " (expected am/final.mdl and conf/model.conf, or final.mdl and mfcc.conf)");
  }

  static Path fakeModel(Path dir, String mfcc) throws IOException {
    Files.createDirectories(dir.resolve("am"));
    Files.createDirectories(dir.resolve("conf"));
    Files.writeString(dir.resolve("am/final.mdl"), "not a Kaldi model");
    Files.writeString(dir.resolve("conf/model.conf"), "--min-active=200\n");
    Files.writeString(dir.resolve("conf/mfcc.conf"), mfcc);
    return dir;
  }

  @Test
  void readsTheSampleRateFromTheMfccConfiguration(@TempDir Path dir) throws IOException {
    assertThat(VoskModel.checkLayout(fakeModel(dir, "--use-energy=false\n--sample-frequency=8000\n")))
        .isEqualTo(8000);
    Files.delete(dir.resolve("conf/mfcc.conf"));
    assertThat(VoskModel.checkLayout(dir)).isEqualTo(16000);
  }

  @Test
  void olderLayoutIsAccepted(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("final.mdl"), "x");
    Files.writeString(dir.resolve("mfcc.conf"), "--sample-frequency=16000.0\n");
    assertThat(VoskModel.checkLayout(dir)).isEqualTo(16000);
  }

  @Test
  void invalidSampleFrequencyNamesTheLine(@TempDir Path dir) throws IOException {
    fakeModel(dir, "--use-energy=false\n--sample-frequency=fast\n");
    assertThatThrownBy(() -> VoskModel.checkLayout(dir))
        .isInstanceOf(AsrException.class)
        .hasMessage(
            dir.resolve("conf/mfcc.conf")
                + ":2: invalid --sample-frequency 'fast' (expected Hz, e.g. 16000)");
  }

  @Test
  void voskItselfRejectsAFakeModelAndWeSaySo(@TempDir Path dir) throws IOException {
    // Passes our layout check, so the bundled native library really runs and fails.
    fakeModel(dir, "--sample-frequency=16000\n");
    assertThatThrownBy(() -> VoskModel.load(dir))
        .isInstanceOf(AsrException.class)
        .hasMessageStartingWith("Vosk could not load the model in " + dir + ": ");
  }

  @Test
  void grammarJsonNormalisesAndAddsUnk() {
    assertThat(VoskModel.grammarJson(List.of(" да  конечно ", "нет")))
        .isEqualTo("[\"да конечно\",\"нет\",\"[unk]\"]");
    assertThat(VoskModel.grammarJson(List.of("[unk]", "\"кавычки\"")))
        .isEqualTo("[\"\\\"кавычки\\\"\",\"[unk]\"]");
    assertThatThrownBy(() -> VoskModel.grammarJson(List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("phrases: empty (expected at least one phrase)");
    assertThatThrownBy(() -> VoskModel.grammarJson(List.of("да", "  ")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("phrases[1]: blank (expected words)");
  }

  @Test
  void parsesVoskResultJson() {
    String json =
        """
        {
          "result" : [{
              "conf" : 0.78,
              "end" : 1.26,
              "start" : 0.99,
              "word" : "да"
            }, {"conf": 1.0000001, "end": 3.3, "start": 2.94, "word": "нет"}],
          "text" : "да нет"
        }""";
    assertThat(VoskRecognizer.parse(json, true))
        .isEqualTo(
            new Recognition(
                "да нет",
                List.of(
                    new RecognizedWord("да", 990, 1260, 0.78),
                    new RecognizedWord("нет", 2940, 3300, 1.0)),
                true));
    assertThat(VoskRecognizer.parse("{\"partial\" : \"да\"}", false))
        .isEqualTo(new Recognition("да", List.of(), false));
    assertThat(VoskRecognizer.parse("{\"text\": \"\"}", true).isEmpty()).isTrue();
    assertThatThrownBy(() -> VoskRecognizer.parse("{oops", true))
        .isInstanceOf(AsrException.class)
        .hasMessage("Vosk returned invalid JSON: {oops");
    assertThatThrownBy(() -> VoskRecognizer.parse("[]", true))
        .isInstanceOf(AsrException.class)
        .hasMessage("Vosk returned a result that is not a JSON object: []");
  }

  @Test
  void grammarCheckKeepsOnlyResultsInTheRulesLanguage() {
    JsgfGrammarSet g =
        JsgfGrammarSet.of(
            JsgfGrammar.parse("#JSGF V1.0;\ngrammar menu;\npublic <answer> = да [конечно] | нет;\n"));
    JsgfMatcher m = JsgfMatcher.compile(g, "answer", MatchOptions.DEFAULT);
    List<RecognizedWord> script =
        List.of(new RecognizedWord("да", 0, 100, 1), new RecognizedWord("Конечно", 100, 200, 1));
    try (GrammarCheckedRecognizer r =
        new GrammarCheckedRecognizer(ScriptedRecognizer.of(1000, script), m)) {
      assertThat(r.sampleRate()).isEqualTo(1000);
      assertThat(r.accept(new short[150], 0, 150)).isTrue();
      assertThat(r.partial().text()).isEqualTo("да Конечно");
      assertThat(r.result().text()).isEqualTo("да");
      assertThat(r.finish()).isEqualTo(Recognition.EMPTY); // "Конечно" alone is not in the rule
    }
    GrammarCheckedRecognizer c =
        new GrammarCheckedRecognizer(ScriptedRecognizer.of(1000, List.of()), m);
    assertThat(c.check(new Recognition("да конечно", List.of(), true)).text()).isEqualTo("да конечно");
    assertThat(c.check(new Recognition("да [unk]", List.of(), true))).isEqualTo(Recognition.EMPTY);
    assertThat(c.check(new Recognition("может быть", List.of(), true))).isEqualTo(Recognition.EMPTY);
    c.close();
  }

  /**
   * Real recognition needs a model, which no registry reachable from CI serves: set
   * ECSS_VOSK_MODEL to an unpacked model directory (e.g. vosk-model-small-ru-0.22) to run it.
   */
  @Test
  void realModelRecognizesSilenceAsNothing() {
    String path = System.getenv("ECSS_VOSK_MODEL");
    Assumptions.assumeTrue(
        path != null && !path.isBlank(),
        "ECSS_VOSK_MODEL is not set: no Vosk model on this machine, real-model test skipped");
    try (VoskModel model = VoskModel.load(Path.of(path));
        SpeechRecognizer r = model.open()) {
      short[] silence = new short[model.sampleRate() / 5];
      for (int i = 0; i < 10; i++) {
        r.accept(silence, 0, silence.length);
      }
      assertThat(r.finish().words()).isEmpty();
      try (SpeechRecognizer g = model.open(List.of("да", "нет"))) {
        g.accept(silence, 0, silence.length);
        assertThat(g.finish().isFinal()).isTrue();
      }
      JsgfGrammarSet menu =
          JsgfGrammarSet.of(JsgfGrammar.parse("#JSGF V1.0;\ngrammar m;\npublic <a> = да | нет;\n"));
      try (SpeechRecognizer g =
          model.open(menu, "a", ExpansionLimits.DEFAULT, MatchOptions.DEFAULT)) {
        g.accept(silence, 0, silence.length);
        assertThat(g.finish().words()).isEmpty();
      }
    }
  }
}
