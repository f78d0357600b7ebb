package io.ecss.asr.recognition;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A test double that "recognises" a fixed script: it ignores what the audio says and returns the
 * scripted words as the audio clock passes their end times. It recognises nothing; it exists so
 * that transcription servers, clients and pipelines can be tested and demonstrated without a
 * speech model.
 *
 * <p>{@link #accept} returns true as soon as the audio fed so far reaches the end of a scripted
 * word not yet returned; {@link #result()} returns those words; {@link #finish()} returns every
 * remaining word, whatever its time.
 *
 * <p>Not thread-safe; confine to one thread. Factories from {@link #factory} are thread-safe.
 */
public final class ScriptedRecognizer implements SpeechRecognizer {
  private final int sampleRate;
  private final List<RecognizedWord> script;
  private int next;
  private long samples;
  private boolean closed;

  private ScriptedRecognizer(int sampleRate, List<RecognizedWord> script) {
    this.sampleRate = sampleRate;
    this.script = script;
  }

  /**
   * Creates a recogniser that returns the given words.
   *
   * @param sampleRate the rate it claims to expect
   * @param script the words, in time order
   * @return the recogniser
   */
  public static ScriptedRecognizer of(int sampleRate, List<RecognizedWord> script) {
    if (sampleRate < 1) {
      throw new IllegalArgumentException("sampleRate: " + sampleRate + " (expected > 0)");
    }
    List<RecognizedWord> copy = List.copyOf(script);
    for (int i = 1; i < copy.size(); i++) {
      if (copy.get(i).startMillis() < copy.get(i - 1).startMillis()) {
        throw new IllegalArgumentException("script: word " + i + " starts before word " + (i - 1));
      }
    }
    return new ScriptedRecognizer(sampleRate, copy);
  }

  /**
   * A factory handing out the scripts in turn: the first recogniser opened gets {@code
   * scripts.get(0)}, the second {@code scripts.get(1)}, and so on, cycling. A two-channel
   * transcription opens channel 1 then channel 2, so a factory of two scripts serves calls made one
   * after another.
   *
   * @param sampleRate the rate the recognisers claim to expect
   * @param scripts at least one script
   * @return the factory
   */
  public static RecognizerFactory factory(int sampleRate, List<List<RecognizedWord>> scripts) {
    if (scripts.isEmpty()) {
      throw new IllegalArgumentException("scripts: none (expected at least one)");
    }
    List<List<RecognizedWord>> copy = new ArrayList<>();
    for (List<RecognizedWord> s : scripts) {
      copy.add(of(sampleRate, s).script);
    }
    AtomicLong opened = new AtomicLong();
    return new RecognizerFactory() {
      @Override
      public int sampleRate() {
        return sampleRate;
      }

      @Override
      public SpeechRecognizer open() {
        int i = (int) (opened.getAndIncrement() % copy.size());
        return new ScriptedRecognizer(sampleRate, copy.get(i));
      }
    };
  }

  @Override
  public int sampleRate() {
    return sampleRate;
  }

  @Override
  public boolean accept(short[] pcm, int off, int len) {
    Objects.checkFromIndexSize(off, len, pcm.length);
    checkOpen();
    samples += len;
    return next < script.size() && script.get(next).endMillis() <= elapsedMillis();
  }

  @Override
  public Recognition partial() {
    checkOpen();
    List<RecognizedWord> heard = new ArrayList<>();
    for (int i = next; i < script.size() && script.get(i).startMillis() <= elapsedMillis(); i++) {
      heard.add(script.get(i));
    }
    return new Recognition(Recognition.of(heard).text(), List.of(), false);
  }

  @Override
  public Recognition result() {
    checkOpen();
    int from = next;
    while (next < script.size() && script.get(next).endMillis() <= elapsedMillis()) {
      next++;
    }
    return Recognition.of(script.subList(from, next));
  }

  @Override
  public Recognition finish() {
    checkOpen();
    int from = next;
    next = script.size();
    return Recognition.of(script.subList(from, next));
  }

  @Override
  public void close() {
    closed = true;
  }

  private long elapsedMillis() {
    return samples * 1000 / sampleRate;
  }

  private void checkOpen() {
    if (closed) {
      throw new IllegalStateException("recognizer is closed");
    }
  }
}
