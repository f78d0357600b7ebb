package io.ecss.asr.vosk;

import io.ecss.asr.jsgf.JsgfMatcher;
import io.ecss.asr.recognition.Recognition;
import io.ecss.asr.recognition.RecognizedWord;
import io.ecss.asr.recognition.SpeechRecognizer;
import java.util.ArrayList;
import java.util.List;

/**
 * A recogniser whose final results must belong to a JSGF rule's language: anything else (words
 * outside the rule, {@code [unk]}) becomes an empty result. Partial results pass unchanged.
 *
 * <p>Not thread-safe; confine to one thread.
 */
final class GrammarCheckedRecognizer implements SpeechRecognizer {
  private final SpeechRecognizer delegate;
  private final JsgfMatcher matcher;

  GrammarCheckedRecognizer(SpeechRecognizer delegate, JsgfMatcher matcher) {
    this.delegate = delegate;
    this.matcher = matcher;
  }

  @Override
  public int sampleRate() {
    return delegate.sampleRate();
  }

  @Override
  public boolean accept(short[] pcm, int off, int len) {
    return delegate.accept(pcm, off, len);
  }

  @Override
  public Recognition partial() {
    return delegate.partial();
  }

  @Override
  public Recognition result() {
    return check(delegate.result());
  }

  @Override
  public Recognition finish() {
    return check(delegate.finish());
  }

  @Override
  public void close() {
    delegate.close();
  }

  Recognition check(Recognition r) {
    if (r.isEmpty()) {
      return r;
    }
    List<String> words = new ArrayList<>();
    if (r.words().isEmpty()) {
      words.addAll(List.of(r.text().split(" ")));
    } else {
      for (RecognizedWord w : r.words()) {
        words.add(w.word());
      }
    }
    if (words.contains("[unk]") || !matcher.matches(words)) {
      return Recognition.EMPTY;
    }
    return r;
  }
}
