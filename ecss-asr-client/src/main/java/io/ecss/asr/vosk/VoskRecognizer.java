package io.ecss.asr.vosk;

import com.fasterxml.jackson.databind.JsonNode;
import io.ecss.asr.AsrException;
import io.ecss.asr.recognition.Recognition;
import io.ecss.asr.recognition.RecognizedWord;
import io.ecss.asr.recognition.SpeechRecognizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.locks.ReentrantLock;
import org.vosk.Recognizer;

/**
 * A Vosk recogniser for one stream. Vosk's native recogniser crashes the JVM when two threads use
 * it at once, so every call takes a lock and a second thread fails fast with {@link
 * IllegalStateException}; {@link #close()} frees the native object exactly once.
 *
 * <p>Not thread-safe; confine to one thread.
 */
final class VoskRecognizer implements SpeechRecognizer {
  private final Recognizer recognizer;
  private final int sampleRate;
  private final ReentrantLock lock = new ReentrantLock();
  private boolean closed;
  private short[] copy = new short[0];

  VoskRecognizer(Recognizer recognizer, int sampleRate) {
    this.recognizer = recognizer;
    this.sampleRate = sampleRate;
  }

  @Override
  public int sampleRate() {
    return sampleRate;
  }

  @Override
  public boolean accept(short[] pcm, int off, int len) {
    Objects.checkFromIndexSize(off, len, pcm.length);
    enter();
    try {
      short[] data = pcm;
      if (off != 0) {
        if (copy.length < len) {
          copy = new short[len];
        }
        System.arraycopy(pcm, off, copy, 0, len);
        data = copy;
      }
      return recognizer.acceptWaveForm(data, len);
    } finally {
      lock.unlock();
    }
  }

  @Override
  public Recognition partial() {
    enter();
    try {
      return parse(recognizer.getPartialResult(), false);
    } finally {
      lock.unlock();
    }
  }

  @Override
  public Recognition result() {
    enter();
    try {
      return parse(recognizer.getResult(), true);
    } finally {
      lock.unlock();
    }
  }

  @Override
  public Recognition finish() {
    enter();
    try {
      return parse(recognizer.getFinalResult(), true);
    } finally {
      lock.unlock();
    }
  }

  @Override
  public void close() {
    enter();
    try {
      closed = true;
      recognizer.close();
    } finally {
      lock.unlock();
    }
  }

  private void enter() {
    if (!lock.tryLock()) {
      throw new IllegalStateException("Vosk recognizer used from two threads at once");
    }
    if (closed) {
      lock.unlock();
      throw new IllegalStateException("recognizer is closed");
    }
  }

  /**
   * Parses Vosk's result JSON: {@code {"text": "...", "result": [{"conf", "end", "start",
   * "word"}...]}} or {@code {"partial": "..."}}.
   */
  static Recognition parse(String json, boolean isFinal) {
    JsonNode root;
    try {
      root = VoskModel.JSON.readTree(json);
    } catch (java.io.IOException e) {
      throw new AsrException("Vosk returned invalid JSON: " + abbreviate(json), e);
    }
    if (root == null || !root.isObject()) {
      throw new AsrException("Vosk returned a result that is not a JSON object: " + abbreviate(json));
    }
    String text = root.path(isFinal ? "text" : "partial").asText("").strip();
    List<RecognizedWord> words = new ArrayList<>();
    for (JsonNode w : root.path("result")) {
      long start = Math.round(w.path("start").asDouble() * 1000);
      long end = Math.max(start, Math.round(w.path("end").asDouble() * 1000));
      double conf = Math.min(1.0, Math.max(0.0, w.path("conf").asDouble(1.0)));
      words.add(new RecognizedWord(w.path("word").asText(), start, end, conf));
    }
    return new Recognition(text, words, isFinal);
  }

  private static String abbreviate(String s) {
    return s.length() <= 200 ? s : s.substring(0, 200) + "...";
  }
}
