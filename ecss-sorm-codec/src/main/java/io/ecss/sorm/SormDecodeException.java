package io.ecss.sorm;

/**
 * A frame that cannot be decoded: truncated, longer than its header says, a field whose value
 * the layout does not allow, or a byte where a frame must start that is not the preamble. The
 * message names the field, the problem, the expected value and the byte offset, e.g. {@code
 * "number.count: 19 digits (expected 0..18, or 0xFF for no number) at offset 14"}.
 */
public class SormDecodeException extends SormException {
  private static final long serialVersionUID = 1L;

  /** The field that could not be read. */
  private final String field;

  /** The byte offset of the problem. */
  private final long offset;

  /**
   * Creates the exception.
   *
   * @param field the field that could not be read, e.g. {@code "length"} or {@code "a.digits"}
   * @param problem what was wrong and what was expected
   * @param offset the byte offset of the problem: within the frame for {@link SormCodec}, within
   *     the stream for {@link SormFrameDecoder}
   */
  public SormDecodeException(String field, String problem, long offset) {
    super(field + ": " + problem + " at offset " + offset);
    this.field = field;
    this.offset = offset;
  }

  /**
   * Returns the field that could not be read.
   *
   * @return the field name
   */
  public String field() {
    return field;
  }

  /**
   * Returns the byte offset of the problem.
   *
   * @return the offset, within the frame or the stream (see the constructor)
   */
  public long offset() {
    return offset;
  }

  /** The same problem with its offset moved by {@code base} (frame offset → stream offset). */
  SormDecodeException shifted(long base) {
    String msg = getMessage();
    String problem =
        msg.substring(field.length() + 2, msg.length() - (" at offset " + offset).length());
    SormDecodeException e = new SormDecodeException(field, problem, offset + base);
    e.setStackTrace(getStackTrace());
    return e;
  }
}
