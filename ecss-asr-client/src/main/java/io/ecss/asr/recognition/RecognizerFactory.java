package io.ecss.asr.recognition;

/**
 * Makes recognisers, one per audio stream; for Vosk, a loaded model. Implementations are
 * thread-safe: {@link #open()} may be called from any thread.
 */
public interface RecognizerFactory {

  /**
   * The sample rate of the recognisers this factory makes; audio at another rate is resampled by
   * the caller (see {@link io.ecss.asr.audio.Resampler}).
   *
   * @return samples per second
   */
  int sampleRate();

  /**
   * Opens a recogniser for one stream, in free (large-vocabulary) mode with word timings.
   *
   * @return a new recogniser; the caller closes it
   * @throws io.ecss.asr.AsrException if the recogniser cannot be created
   */
  SpeechRecognizer open();
}
