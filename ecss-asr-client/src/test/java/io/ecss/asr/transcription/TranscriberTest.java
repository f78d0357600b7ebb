package io.ecss.asr.transcription;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ecss.asr.audio.WavException;
import io.ecss.asr.audio.WavFormat;
import io.ecss.asr.audio.WavWriter;
import io.ecss.asr.recognition.Recognition;
import io.ecss.asr.recognition.RecognizedWord;
import io.ecss.asr.recognition.RecognizerFactory;
import io.ecss.asr.recognition.ScriptedRecognizer;
import io.ecss.asr.recognition.SpeechRecognizer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TranscriberTest {

  static final List<RecognizedWord> A = WordLinesTest.MANUAL_TRANSCRIPT.speakers().get(0).words();
  static final List<RecognizedWord> B = WordLinesTest.MANUAL_TRANSCRIPT.speakers().get(1).words();

  /** Seven seconds of stereo 8 kHz audio: the length of the manual's call. */
  static byte[] stereoCall() {
    short[] s = new short[2 * 8000 * 7];
    for (int i = 0; i < s.length; i++) {
      s[i] = (short) ((i * 7919) % 2000 - 1000);
    }
    return WavWriter.toBytes(WavFormat.stereo(8000), s);
  }

  @Test
  void transcribesEachChannelResamplingToTheRecognizerRate() throws IOException {
    Transcriber t = Transcriber.of(ScriptedRecognizer.factory(16000, List.of(A, B)));
    Transcript got = t.transcribe(new ByteArrayInputStream(stereoCall()));
    assertThat(got).isEqualTo(WordLinesTest.MANUAL_TRANSCRIPT);
    assertThat(WordLines.format(got)).isEqualTo(WordLinesTest.MANUAL.replace(" \n", "\n"));
  }

  @Test
  void monoUsesOnlyTheFirstChannel(@TempDir Path dir) throws IOException {
    Transcriber t = Transcriber.of(ScriptedRecognizer.factory(8000, List.of(A)));
    assertThat(t.transcribeMono(new ByteArrayInputStream(stereoCall())).speakers())
        .containsExactly(new SpeakerWords("А", A));
    Path f = dir.resolve("call.wav");
    Files.write(f, stereoCall());
    assertThat(t.transcribe(f).speakers()).hasSize(2);
  }

  /** A recogniser that records what it was fed. */
  static class Recording implements SpeechRecognizer {
    final int rate;
    final List<short[]> fed = new ArrayList<>();
    boolean closed;

    Recording(int rate) {
      this.rate = rate;
    }

    @Override
    public int sampleRate() {
      return rate;
    }

    @Override
    public boolean accept(short[] pcm, int off, int len) {
      fed.add(Arrays.copyOfRange(pcm, off, off + len));
      return false;
    }

    @Override
    public Recognition partial() {
      return Recognition.EMPTY;
    }

    @Override
    public Recognition result() {
      return Recognition.EMPTY;
    }

    @Override
    public Recognition finish() {
      return Recognition.EMPTY;
    }

    @Override
    public void close() {
      closed = true;
    }
  }

  static RecognizerFactory recording(int rate, List<Recording> opened) {
    return new RecognizerFactory() {
      @Override
      public int sampleRate() {
        return rate;
      }

      @Override
      public SpeechRecognizer open() {
        Recording r = new Recording(rate);
        opened.add(r);
        return r;
      }
    };
  }

  @Test
  void feedsTwoHundredMillisecondBlocksOfEachChannelAndClosesRecognizers() throws IOException {
    List<Recording> opened = new ArrayList<>();
    short[] s = new short[2 * 4000];
    for (int i = 0; i < 4000; i++) {
      s[2 * i] = (short) i;
      s[2 * i + 1] = (short) -i;
    }
    Transcriber.of(recording(8000, opened))
        .transcribe(new ByteArrayInputStream(WavWriter.toBytes(WavFormat.stereo(8000), s)));
    assertThat(opened).hasSize(2).allMatch(r -> r.closed);
    assertThat(opened.get(0).fed).hasSize(3).allMatch(b -> b.length <= 1600);
    short[] a = new short[4000];
    int k = 0;
    for (short[] b : opened.get(0).fed) {
      System.arraycopy(b, 0, a, k, b.length);
      k += b.length;
    }
    assertThat(k).isEqualTo(4000);
    assertThat(a[3999]).isEqualTo((short) 3999);
    assertThat(opened.get(1).fed.get(0)[5]).isEqualTo((short) -5);
  }

  @Test
  void upsampledFeedHasTwiceTheSamples() throws IOException {
    List<Recording> opened = new ArrayList<>();
    Transcriber.of(recording(16000, opened))
        .transcribeMono(
            new ByteArrayInputStream(WavWriter.toBytes(WavFormat.mono(8000), new short[8000])));
    assertThat(opened.get(0).fed.stream().mapToInt(b -> b.length).sum()).isEqualTo(16000);
  }

  @Test
  void badWavFailsAndClosesNothingItDidNotOpen() {
    List<Recording> opened = new ArrayList<>();
    assertThatThrownBy(
            () ->
                Transcriber.of(recording(8000, opened))
                    .transcribe(new ByteArrayInputStream(new byte[] {'R', 'I', 'F', 'X'})))
        .isInstanceOf(WavException.class);
    assertThat(opened).isEmpty();
  }

  @Test
  void truncatedWavClosesTheRecognizers() {
    List<Recording> opened = new ArrayList<>();
    byte[] wav = stereoCall();
    byte[] cut = Arrays.copyOf(wav, wav.length - 10);
    assertThatThrownBy(
            () -> Transcriber.of(recording(8000, opened)).transcribe(new ByteArrayInputStream(cut)))
        .isInstanceOf(WavException.class)
        .hasMessageStartingWith("truncated data chunk");
    assertThat(opened).hasSize(2).allMatch(r -> r.closed);
  }

  @Test
  void recognizerFailurePropagatesAfterClosing() {
    AtomicInteger closes = new AtomicInteger();
    RecognizerFactory failing =
        new RecognizerFactory() {
          @Override
          public int sampleRate() {
            return 8000;
          }

          @Override
          public SpeechRecognizer open() {
            return new Recording(8000) {
              @Override
              public boolean accept(short[] pcm, int off, int len) {
                throw new io.ecss.asr.AsrException("decoder crashed");
              }

              @Override
              public void close() {
                closes.incrementAndGet();
              }
            };
          }
        };
    assertThatThrownBy(
            () -> Transcriber.of(failing).transcribe(new ByteArrayInputStream(stereoCall())))
        .hasMessage("decoder crashed");
    assertThat(closes).hasValue(2);
  }
}
