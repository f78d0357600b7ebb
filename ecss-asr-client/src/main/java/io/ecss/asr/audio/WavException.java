package io.ecss.asr.audio;

import io.ecss.asr.AsrException;

/**
 * A WAV stream that cannot be read: not RIFF/WAVE, an unsupported encoding, a header that
 * contradicts itself, or data that ends before its declared size. The message names the problem,
 * the byte offset where it was found, and what was expected.
 *
 * <p>Example: {@code "unsupported bits per sample 8 at offset 34 (expected 16-bit PCM)"}.
 */
public final class WavException extends AsrException {
  private static final long serialVersionUID = 1L;

  /** Byte offset of the problem, counted from the first byte of the RIFF header. */
  private final long offset;

  /**
   * Creates the exception.
   *
   * @param problem what is wrong and what was expected
   * @param offset byte offset in the stream where the problem was found
   */
  public WavException(String problem, long offset) {
    super(problem + " at offset " + offset);
    this.offset = offset;
  }

  /**
   * The byte offset in the stream where the problem was found.
   *
   * @return the offset, counted from the first byte of the RIFF header
   */
  public long offset() {
    return offset;
  }
}
