package io.ecss.examples.asr;

import static org.assertj.core.api.Assertions.assertThat;

import io.ecss.asr.audio.WavFormat;
import io.ecss.asr.audio.WavReader;
import io.ecss.asr.audio.WavWriter;
import io.ecss.asr.recognition.RecognizedWord;
import io.ecss.asr.recognition.ScriptedRecognizer;
import io.ecss.asr.transcription.TranscriptionServer;
import io.ecss.examples.Ecss;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AsrTranscriptionCliTest {

  record Run(int code, String out, String err) {}

  static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Ecss.run(new PrintWriter(out), new PrintWriter(err), args);
    return new Run(code, out.toString(), err.toString());
  }

  @TempDir Path dir;

  Path stereoCall() throws IOException {
    short[] s = new short[2 * 8000 * 7];
    return Files.write(dir.resolve("call.wav"), WavWriter.toBytes(WavFormat.stereo(8000), s));
  }

  static final List<RecognizedWord> A =
      List.of(
          new RecognizedWord("да", 990, 1260, 0.78),
          new RecognizedWord("какими", 5940, 6270, 0.93),
          new RecognizedWord("деньгами", 6270, 6720, 0.94));
  static final List<RecognizedWord> B = List.of(new RecognizedWord("алло", 1650, 2100, 0.77));

  @Test
  void clientPrintsWordLinesAndWebVttFromALoopbackService() throws IOException {
    Path wav = stereoCall();
    try (TranscriptionServer server =
        TranscriptionServer.builder(ScriptedRecognizer.factory(16000, List.of(A, B)))
            .bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))
            .start()) {
      String url = "http://127.0.0.1:" + server.address().getPort();
      Run words = run("asr", "client", url, wav.toString());
      assertThat(words.err()).isEmpty();
      assertThat(words.code()).isZero();
      assertThat(words.out())
          .isEqualTo(
              """
              [Абонент: А]
              decoder-test 1 0.99 0.27 да 0.78
              decoder-test 1 5.94 0.33 какими 0.93
              decoder-test 1 6.27 0.45 деньгами 0.94

              [Абонент: Б]
              decoder-test 1 1.65 0.45 алло 0.77
              """);
      Run vtt = run("asr", "client", url, wav.toString(), "--vtt", "--calling", "Алиса", "--called", "Боб");
      assertThat(vtt.code()).isZero();
      assertThat(vtt.out())
          .isEqualTo(
              """
              WEBVTT

              1
              00:00:00.990 --> 00:00:01.260
              <v Алиса>да</v>

              2
              00:00:01.650 --> 00:00:02.100
              <v Боб>алло</v>

              3
              00:00:05.940 --> 00:00:06.720
              <v Алиса>какими деньгами</v>
              """);
    }
  }

  @Test
  void clientErrorsAreOneLine() throws IOException {
    Path wav = stereoCall();
    Run dead = run("asr", "client", "http://127.0.0.1:1", wav.toString());
    assertThat(dead.code()).isEqualTo(1);
    assertThat(dead.err()).isEqualTo("ecss asr client: cannot connect to http://127.0.0.1:1" + System.lineSeparator());
    Run names = run("asr", "client", "http://127.0.0.1:1", wav.toString(), "--calling", "A");
    assertThat(names.code()).isEqualTo(2);
    assertThat(names.err()).contains("--calling and --called name WebVTT voices: use them with --vtt");
    Run scheme = run("asr", "client", "ftp://x", wav.toString());
    assertThat(scheme.code()).isEqualTo(2);
    assertThat(scheme.err()).contains("base: ftp://x (expected an http or https URL)");
  }

  @Test
  void transcribeAndServeReportAMissingModelInOneLine() throws IOException {
    Path wav = stereoCall();
    Path absent = dir.resolve("no-model");
    Run t = run("asr", "transcribe", "--model", absent.toString(), wav.toString());
    assertThat(t.code()).isEqualTo(1);
    assertThat(t.err())
        .isEqualTo("ecss asr transcribe: Vosk model directory does not exist: " + absent + System.lineSeparator());
    Run s = run("asr", "serve", "--model", absent.toString(), "--port", "0");
    assertThat(s.code()).isEqualTo(1);
    assertThat(s.err())
        .isEqualTo("ecss asr serve: Vosk model directory does not exist: " + absent + System.lineSeparator());
  }

  @Test
  void wavInfoDescribesTheFile() throws IOException {
    Path wav = stereoCall();
    Run r = run("asr", "wav", "info", wav.toString());
    assertThat(r.code()).isZero();
    assertThat(r.out())
        .isEqualTo(
            String.join(
                System.lineSeparator(),
                "file:        " + wav,
                "format:      PCM 16-bit little-endian",
                "sample rate: 8000 Hz",
                "channels:    2",
                "frames:      56000",
                "duration:    7.000 s",
                ""));
    Path bad = Files.write(dir.resolve("bad.wav"), new byte[] {'R', 'I', 'F', 'F', 0, 0});
    Run b = run("asr", "wav", "info", bad.toString());
    assertThat(b.code()).isEqualTo(1);
    assertThat(b.err())
        .isEqualTo(
            "ecss asr wav info: truncated RIFF size: the stream ended after 2 of 4 bytes at offset 6"
                + System.lineSeparator());
  }

  @Test
  void wavResampleDoublesTheFramesFrom8To16Kilohertz() throws IOException {
    Path wav = stereoCall();
    Path out = dir.resolve("16k.wav");
    Run r = run("asr", "wav", "resample", "--rate", "16000", wav.toString(), out.toString());
    assertThat(r.err()).isEmpty();
    assertThat(r.code()).isZero();
    try (WavReader w = WavReader.open(out)) {
      assertThat(w.format()).isEqualTo(WavFormat.stereo(16000));
      assertThat(w.frameCount()).hasValue(112000);
    }
    Run bad = run("asr", "wav", "resample", "--rate", "0", wav.toString(), out.toString());
    assertThat(bad.code()).isEqualTo(2);
    assertThat(bad.err()).contains("--rate: 0 (expected 1..384000)");
  }
}
