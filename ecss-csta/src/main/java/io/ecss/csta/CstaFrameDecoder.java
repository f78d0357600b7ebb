package io.ecss.csta;

import static java.util.Objects.requireNonNull;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Splits a CSTA byte stream into frames, whatever the TCP segmentation: bytes may arrive one at a
 * time or many frames at once. See {@link CstaFrames} for the layout.
 *
 * <p>After a {@link CstaFramingException} the decoder is poisoned (every later call throws again):
 * a stream that lost sync cannot be trusted.
 *
 * <p>Not thread-safe; confine to one thread (the connection's reader).
 */
public final class CstaFrameDecoder {

  private byte[] buf = new byte[4096];
  private int len;
  private long consumed;
  private @org.jspecify.annotations.Nullable CstaFramingException failure;

  /** Creates a decoder at the start of a stream. */
  public CstaFrameDecoder() {}

  /**
   * Feeds bytes and returns the frames they complete, in order.
   *
   * @param bytes the buffer
   * @param offset where the new bytes start
   * @param length how many bytes
   * @return the complete frames (possibly none)
   * @throws CstaFramingException if the stream breaks the framing rules; the message gives the
   *     stream offset of the bad frame
   */
  public List<CstaFrame> feed(byte[] bytes, int offset, int length) {
    requireNonNull(bytes, "bytes");
    if (offset < 0 || length < 0 || offset > bytes.length - length) {
      throw new IndexOutOfBoundsException(
          "offset=" + offset + " length=" + length + " size=" + bytes.length);
    }
    if (failure != null) {
      throw failure;
    }
    if (len + length > buf.length) {
      buf = Arrays.copyOf(buf, Math.max(buf.length * 2, len + length));
    }
    System.arraycopy(bytes, offset, buf, len, length);
    len += length;
    List<CstaFrame> out = new ArrayList<>(1);
    int pos = 0;
    try {
      while (len - pos >= CstaFrames.HEADER_LENGTH) {
        long at = consumed + pos;
        if (buf[pos] != 0 || buf[pos + 1] != 0) {
          throw new CstaFramingException(
              String.format(
                  "frame header starts with %02x %02x (expected 00 00)",
                  buf[pos] & 0xff, buf[pos + 1] & 0xff),
              at);
        }
        int total = ((buf[pos + 2] & 0xff) << 8) | (buf[pos + 3] & 0xff);
        if (total < CstaFrames.HEADER_LENGTH) {
          throw new CstaFramingException("frame length " + total + " is below the header size 8", at);
        }
        int invokeId = 0;
        for (int i = 4; i < 8; i++) {
          int d = buf[pos + i] - '0';
          if (d < 0 || d > 9) {
            throw new CstaFramingException(
                String.format(
                    java.util.Locale.ROOT,
                    "invoke id byte %d is %02x (expected an ASCII digit)", i, buf[pos + i] & 0xff),
                at);
          }
          invokeId = invokeId * 10 + d;
        }
        if (len - pos < total) {
          break;
        }
        String xml = utf8(buf, pos + CstaFrames.HEADER_LENGTH, total - CstaFrames.HEADER_LENGTH, at);
        out.add(new CstaFrame(invokeId, xml));
        pos += total;
      }
    } catch (CstaFramingException e) {
      failure = e;
      throw e;
    }
    if (pos > 0) {
      System.arraycopy(buf, pos, buf, 0, len - pos);
      len -= pos;
      consumed += pos;
    }
    return out;
  }

  /**
   * The number of bytes received but not yet returned as a frame.
   *
   * @return the buffered byte count
   */
  public int buffered() {
    return len;
  }

  private static String utf8(byte[] b, int off, int n, long at) {
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(b, off, n))
          .toString();
    } catch (CharacterCodingException e) {
      throw new CstaFramingException("frame body is not valid UTF-8", at);
    }
  }
}
