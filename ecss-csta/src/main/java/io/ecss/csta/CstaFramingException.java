package io.ecss.csta;

/**
 * A byte stream that does not follow the CSTA TCP framing (8-byte header, ECMA-323 Annex J.2 as
 * cited by ECSS-10): non-zero version bytes, a length below 8, a non-digit invoke id, or a body
 * that is not UTF-8. The connection cannot be resynchronised after this; the client drops it.
 */
public class CstaFramingException extends CstaException {
  private static final long serialVersionUID = 1L;

  /** The stream offset of the offending frame. */
  private final long offset;

  /**
   * Creates the exception.
   *
   * @param problem what was wrong
   * @param offset the byte offset in the stream where the offending frame starts
   */
  public CstaFramingException(String problem, long offset) {
    super(problem + " at offset " + offset);
    this.offset = offset;
  }

  /**
   * The byte offset in the stream (counted from the first byte received) of the offending frame.
   *
   * @return the offset
   */
  public long offset() {
    return offset;
  }
}
