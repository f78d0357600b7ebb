package io.ecss.asr.transcription;

import io.ecss.asr.audio.Pcm;
import io.ecss.asr.audio.Resampler;
import io.ecss.asr.audio.WavFormat;
import io.ecss.asr.audio.WavReader;
import io.ecss.asr.recognition.Recognition;
import io.ecss.asr.recognition.RecognizedWord;
import io.ecss.asr.recognition.RecognizerFactory;
import io.ecss.asr.recognition.SpeechRecognizer;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Transcribes call recordings: a WAV file in, the words of each channel out (channel 1 = calling
 * party A, channel 2 = called party B), as {@code /trans} does; {@link #transcribeMono} uses only
 * the first channel, as {@code /trans/mono} does.
 *
 * <p>The WAV is read as a stream in 200 ms blocks (the step Vosk works in), each channel is
 * resampled to the recogniser's rate when it differs (8 kHz calls, 16 kHz models) and fed to its
 * own recogniser; words come from every endpoint and from the end of the stream. Memory does not
 * grow with the length of the recording, only with the number of words.
 *
 * <p>Thread-safe: each call opens its own recognisers from the factory.
 */
public final class Transcriber {
  private final RecognizerFactory factory;

  private Transcriber(RecognizerFactory factory) {
    this.factory = factory;
  }

  /**
   * Creates a transcriber.
   *
   * @param factory where recognisers come from (a loaded {@code VoskModel}, or a test double)
   * @return the transcriber
   */
  public static Transcriber of(RecognizerFactory factory) {
    return new Transcriber(Objects.requireNonNull(factory, "factory"));
  }

  /**
   * Transcribes every channel of a WAV file.
   *
   * @param wav the file
   * @return one {@link SpeakerWords} per channel, labelled {@code А}, {@code Б}
   * @throws IOException if the file cannot be read
   * @throws io.ecss.asr.audio.WavException if it is not a supported WAV file
   * @throws io.ecss.asr.AsrException if recognition fails
   */
  public Transcript transcribe(Path wav) throws IOException {
    try (InputStream in = Files.newInputStream(wav)) {
      return run(in, false);
    }
  }

  /**
   * Transcribes every channel of a WAV stream (not closed).
   *
   * @param wav the WAV bytes
   * @return one {@link SpeakerWords} per channel
   * @throws IOException if the stream fails
   * @throws io.ecss.asr.audio.WavException if it is not a supported WAV stream
   * @throws io.ecss.asr.AsrException if recognition fails
   */
  public Transcript transcribe(InputStream wav) throws IOException {
    return run(wav, false);
  }

  /**
   * Transcribes only the first channel of a WAV stream (not closed).
   *
   * @param wav the WAV bytes
   * @return one {@link SpeakerWords}, labelled {@code А}
   * @throws IOException if the stream fails
   * @throws io.ecss.asr.audio.WavException if it is not a supported WAV stream
   * @throws io.ecss.asr.AsrException if recognition fails
   */
  public Transcript transcribeMono(InputStream wav) throws IOException {
    return run(wav, true);
  }

  private Transcript run(InputStream stream, boolean mono) throws IOException {
    // The reader must not close the caller's stream: wrap it.
    WavReader reader = WavReader.open(new java.io.FilterInputStream(stream) {
      @Override
      public void close() {}
    });
    WavFormat f = reader.format();
    int channels = mono ? 1 : f.channels();
    int inRate = f.sampleRate();
    int outRate = factory.sampleRate();
    List<SpeechRecognizer> recs = new ArrayList<>();
    try {
      Channel[] ch = new Channel[channels];
      for (int c = 0; c < channels; c++) {
        SpeechRecognizer r = factory.open();
        recs.add(r);
        ch[c] = new Channel(r, inRate == outRate ? null : Resampler.create(inRate, outRate));
      }
      int block = Math.max(1, inRate / 5);
      short[][] buf = new short[f.channels()][block];
      int n;
      while ((n = reader.readFrames(buf, 0, block)) > 0) {
        for (int c = 0; c < channels; c++) {
          ch[c].feed(buf[c], n);
        }
      }
      List<SpeakerWords> out = new ArrayList<>();
      for (int c = 0; c < channels; c++) {
        out.add(new SpeakerWords(Transcript.label(c), ch[c].finish()));
      }
      return new Transcript(out);
    } finally {
      for (SpeechRecognizer r : recs) {
        r.close();
      }
    }
  }

  /** One channel's pipeline: optional resampler, recogniser, collected words. */
  private static final class Channel {
    private final SpeechRecognizer rec;
    private final @Nullable Resampler resampler;
    private final List<RecognizedWord> words = new ArrayList<>();
    private float[] in = new float[0];
    private float[] out = new float[0];

    Channel(SpeechRecognizer rec, @Nullable Resampler resampler) {
      this.rec = rec;
      this.resampler = resampler;
    }

    void feed(short[] pcm, int n) {
      if (resampler == null) {
        accept(pcm, n);
        return;
      }
      if (in.length < n) {
        in = new float[n];
      }
      for (int i = 0; i < n; i++) {
        in[i] = pcm[i] / 32768f;
      }
      int room = resampler.maxOutput(n);
      if (out.length < room) {
        out = new float[room];
      }
      int m = resampler.process(in, 0, n, out, 0);
      accept(toPcm(out, m), m);
    }

    List<RecognizedWord> finish() {
      if (resampler != null) {
        float[] tail = new float[resampler.maxFlush()];
        int m = resampler.flush(tail, 0);
        accept(toPcm(tail, m), m);
      }
      add(rec.finish());
      return words;
    }

    private void accept(short[] pcm, int n) {
      if (n > 0 && rec.accept(pcm, 0, n)) {
        add(rec.result());
      }
    }

    private void add(Recognition r) {
      words.addAll(r.words());
    }

    private static short[] toPcm(float[] f, int n) {
      return Pcm.toPcm16(java.util.Arrays.copyOf(f, n));
    }
  }
}
