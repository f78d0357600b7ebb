package io.ecss.asr.recognition;

/**
 * Speech recognition of one audio stream: feed 16-bit mono PCM at {@link #sampleRate()}, read
 * results at endpoints and at the end.
 *
 * <pre>{@code
 * try (SpeechRecognizer r = factory.open()) {
 *   while ((n = read(block)) > 0) {
 *     if (r.accept(block, 0, n)) {
 *       handle(r.result());          // an utterance ended (silence)
 *     }
 *   }
 *   handle(r.finish());              // the rest of the stream
 * }
 * }</pre>
 *
 * <p>Not thread-safe: one recogniser per call and per thread (implementations guard against
 * concurrent use so that misuse fails instead of crashing native code).
 */
public interface SpeechRecognizer extends AutoCloseable {

  /**
   * The sample rate this recogniser expects.
   *
   * @return samples per second
   */
  int sampleRate();

  /**
   * Feeds audio.
   *
   * @param pcm 16-bit mono samples
   * @param off first sample
   * @param len number of samples
   * @return true when an utterance ended and {@link #result()} has its final result
   * @throws io.ecss.asr.AsrException if recognition fails
   * @throws IllegalStateException if the recogniser is closed
   */
  boolean accept(short[] pcm, int off, int len);

  /**
   * The partial result of the utterance in progress.
   *
   * @return a partial result (no word timings)
   */
  Recognition partial();

  /**
   * The final result of the utterance that just ended; starts a new utterance.
   *
   * @return the final result
   */
  Recognition result();

  /**
   * Ends the stream: flushes the audio still in the pipeline and returns the last final result.
   *
   * @return the final result of the rest of the stream
   */
  Recognition finish();

  /** Releases the recogniser (native memory for Vosk). Idempotent. */
  @Override
  void close();
}
