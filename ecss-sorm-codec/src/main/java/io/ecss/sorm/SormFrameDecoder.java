package io.ecss.sorm;

import java.nio.ByteBuffer;

/**
 * Splits a byte stream (a КПД1 or КПД2 TCP connection) into frames and decodes them, whatever the
 * chunking: feed it what each read returned — one byte, part of a frame, or many frames — and it
 * calls the {@link Listener} once per whole frame, in order, with the frame's stream offset.
 *
 * <p>A frame is delimited by its own header: the code at byte 2 gives the header size (10 or 12)
 * and byte 3 the body length. A frame whose length exceeds {@link #maxFrameLength()} is an error.
 * Where a frame must start, a byte other than {@code 0xCC} is an error in {@link Mode#STRICT}
 * mode; in {@link Mode#RESYNC} mode the decoder skips to the next {@code 0xCC} and reports the
 * dropped bytes through {@link Listener#onDropped}, and a frame that fails to decode is dropped
 * and reported the same way. Results do not depend on how the input is split.
 *
 * <p>In strict mode the first error is thrown as a {@link SormDecodeException} whose offset is a
 * stream offset; the decoder is then failed and further calls throw {@link
 * IllegalStateException}.
 *
 * <p>Not thread-safe; confine to one thread (the connection's reader).
 */
public final class SormFrameDecoder {

  /** What to do with bytes that do not form a valid frame. */
  public enum Mode {
    /** Throw on the first invalid byte or frame. */
    STRICT,
    /** Skip to the next preamble and report what was dropped. */
    RESYNC
  }

  /** Receives the frames of a stream. */
  public interface Listener {
    /**
     * Called for each decoded frame, in stream order.
     *
     * @param message the decoded frame
     * @param offset the stream offset of the frame's first byte
     * @param length the frame length in bytes
     */
    void onFrame(SormMessage message, long offset, int length);

    /**
     * Called in {@link Mode#RESYNC} mode for each run of bytes skipped: bytes before a preamble,
     * a frame whose header is invalid (from its preamble to the next one), or a frame that failed
     * to decode. The default does nothing.
     *
     * @param offset the stream offset of the first dropped byte
     * @param count how many bytes were dropped
     * @param reason why, e.g. {@code "preamble: byte 0x00 (expected 0xCC) at offset 0"}
     */
    default void onDropped(long offset, int count, String reason) {}
  }

  private final SormCodec codec;
  private final int maxFrameLength;
  private final Mode mode;
  private final byte[] buf;
  private int have;
  private long frameStart;
  private long position;
  private int dropped;
  private long dropStart;
  private String dropReason = "";
  private boolean failed;
  private byte @org.jspecify.annotations.Nullable [] scratch;

  private SormFrameDecoder(SormCodec codec, int maxFrameLength, Mode mode) {
    this.codec = codec;
    this.maxFrameLength = maxFrameLength;
    this.mode = mode;
    this.buf = new byte[maxFrameLength];
  }

  /**
   * Returns a strict decoder with the default codec and the protocol's maximum frame length.
   *
   * @return a new decoder
   */
  public static SormFrameDecoder of() {
    return of(SormCodec.DEFAULT, SormCodec.MAX_FRAME_LENGTH, Mode.STRICT);
  }

  /**
   * Returns a decoder.
   *
   * @param codec decodes each frame
   * @param maxFrameLength the longest frame accepted, 10 to {@link SormCodec#MAX_FRAME_LENGTH}
   * @param mode strict or resynchronising
   * @return a new decoder
   * @throws IllegalArgumentException if {@code maxFrameLength} is out of range
   */
  public static SormFrameDecoder of(SormCodec codec, int maxFrameLength, Mode mode) {
    Checks.notNull("codec", codec);
    Checks.notNull("mode", mode);
    Checks.range("maxFrameLength", maxFrameLength, 10, SormCodec.MAX_FRAME_LENGTH);
    return new SormFrameDecoder(codec, maxFrameLength, mode);
  }

  /**
   * Returns the longest frame accepted.
   *
   * @return the limit in bytes
   */
  public int maxFrameLength() {
    return maxFrameLength;
  }

  /**
   * Returns the mode.
   *
   * @return strict or resynchronising
   */
  public Mode mode() {
    return mode;
  }

  /**
   * Returns how many bytes were fed so far.
   *
   * @return the stream offset of the next byte
   */
  public long position() {
    return position;
  }

  /**
   * Returns how many bytes of an incomplete frame are held.
   *
   * @return 0 when the decoder is between frames
   */
  public int buffered() {
    return have;
  }

  /**
   * Feeds the bytes {@code chunk[offset .. offset+length)}.
   *
   * @param chunk the bytes read
   * @param offset where they start
   * @param length how many
   * @param listener receives the frames completed by this chunk
   * @throws SormDecodeException in strict mode, for the first invalid byte or frame (stream
   *     offset)
   * @throws IllegalStateException if the decoder failed before
   */
  public void feed(byte[] chunk, int offset, int length, Listener listener) {
    java.util.Objects.checkFromIndexSize(offset, length, chunk.length);
    if (failed) {
      throw new IllegalStateException("decoder failed earlier; create a new one");
    }
    try {
      process(chunk, offset, offset + length, listener);
    } catch (SormDecodeException e) {
      failed = true;
      throw e;
    }
  }

  /**
   * Feeds all bytes of {@code chunk}.
   *
   * @param chunk the bytes read
   * @param listener receives the frames completed by this chunk
   * @throws SormDecodeException in strict mode, for the first invalid byte or frame
   * @throws IllegalStateException if the decoder failed before
   */
  public void feed(byte[] chunk, Listener listener) {
    feed(chunk, 0, chunk.length, listener);
  }

  /**
   * Feeds the remaining bytes of {@code src} and advances its position to its limit.
   *
   * @param src the bytes read (heap or direct)
   * @param listener receives the frames completed by these bytes
   * @throws SormDecodeException in strict mode, for the first invalid byte or frame
   * @throws IllegalStateException if the decoder failed before
   */
  public void feed(ByteBuffer src, Listener listener) {
    if (src.hasArray()) {
      int n = src.remaining();
      feed(src.array(), src.arrayOffset() + src.position(), n, listener);
      src.position(src.limit());
      return;
    }
    byte[] tmp = scratch;
    if (tmp == null) {
      tmp = new byte[8192];
      scratch = tmp;
    }
    while (src.hasRemaining()) {
      int n = Math.min(tmp.length, src.remaining());
      src.get(tmp, 0, n);
      feed(tmp, 0, n, listener);
    }
  }

  /**
   * Ends the stream: reports skipped bytes still pending and checks that no frame is cut off.
   * The decoder can then be reused for a new stream starting at offset 0.
   *
   * @param listener receives pending drop reports
   * @throws SormDecodeException in strict mode, if the stream ended inside a frame
   * @throws IllegalStateException if the decoder failed before
   */
  public void finish(Listener listener) {
    if (failed) {
      throw new IllegalStateException("decoder failed earlier; create a new one");
    }
    if (have > 0) {
      String problem =
          have < 4
              ? "stream ended inside a frame header: " + have + " of 4 bytes"
              : "stream ended inside a frame: "
                  + have
                  + " of "
                  + frameTotal(buf, 0)
                  + " bytes";
      if (mode == Mode.STRICT) {
        failed = true;
        throw new SormDecodeException("length", problem, frameStart + have);
      }
      drop(frameStart, have, "length: " + problem + " at offset " + (frameStart + have));
      have = 0;
    }
    flushDropped(listener);
    position = 0;
    failed = false;
  }

  private static int frameTotal(byte[] b, int i) {
    return SormCodec.headerLength(b[i + 2] & 0xFF) + (b[i + 3] & 0xFF);
  }

  private void process(byte[] b, int i, int end, Listener l) {
    while (i < end) {
      if (have == 0) {
        if (b[i] != (byte) SormCodec.PREAMBLE) {
          if (mode == Mode.STRICT) {
            throw new SormDecodeException(
                "preamble", "byte " + CodeTable.hex(b[i] & 0xFF) + " (expected 0xCC)", position);
          }
          int j = i;
          while (j < end && b[j] != (byte) SormCodec.PREAMBLE) {
            j++;
          }
          drop(
              position,
              j - i,
              "preamble: byte " + CodeTable.hex(b[i] & 0xFF) + " (expected 0xCC) at offset "
                  + position);
          position += j - i;
          i = j;
          continue;
        }
        flushDropped(l);
        frameStart = position;
        int avail = end - i;
        if (avail >= 4) {
          int total = total(b, i);
          if (total < 0) {
            // invalid header dropped in resync mode: skip the preamble byte
            position++;
            i++;
            continue;
          }
          if (avail >= total) {
            emit(b, i, total, l);
            position += total;
            i += total;
            continue;
          }
        }
        int n = Math.min(avail, buf.length);
        System.arraycopy(b, i, buf, 0, n);
        have = n;
        position += n;
        i += n;
      } else {
        if (have < 4) {
          int n = Math.min(4 - have, end - i);
          System.arraycopy(b, i, buf, have, n);
          have += n;
          position += n;
          i += n;
          if (have < 4) {
            return;
          }
        }
        int total = total(buf, 0);
        if (total < 0) {
          // drop the preamble, re-scan the rest of the buffered bytes
          byte[] rest = java.util.Arrays.copyOfRange(buf, 1, have);
          have = 0;
          long saved = position;
          position = frameStart + 1;
          process(rest, 0, rest.length, l);
          position = saved;
          continue;
        }
        int n = Math.min(total - have, end - i);
        System.arraycopy(b, i, buf, have, n);
        have += n;
        position += n;
        i += n;
        if (have == total) {
          have = 0;
          emit(buf, 0, total, l);
        }
      }
    }
  }

  /** The total length of the frame whose first 4 bytes are at {@code b[i]}, or -1 if dropped. */
  private int total(byte[] b, int i) {
    int total;
    try {
      total = codec.checkHeader(b, i, 4);
      if (total > maxFrameLength) {
        throw new SormDecodeException(
            "length",
            "frame length " + total + " exceeds maxFrameLength " + maxFrameLength,
            3);
      }
    } catch (SormDecodeException e) {
      SormDecodeException s = e.shifted(frameStart);
      if (mode == Mode.STRICT) {
        throw s;
      }
      drop(frameStart, 1, s.getMessage());
      return -1;
    }
    return total;
  }

  private void emit(byte[] b, int i, int total, Listener l) {
    SormMessage m;
    try {
      m = codec.decode(b, i, total);
    } catch (SormDecodeException e) {
      SormDecodeException s = e.shifted(frameStart);
      if (mode == Mode.STRICT) {
        throw s;
      }
      flushDropped(l);
      l.onDropped(frameStart, total, s.getMessage());
      return;
    }
    l.onFrame(m, frameStart, total);
  }

  private void drop(long at, int count, String reason) {
    if (dropped == 0) {
      dropStart = at;
      dropReason = reason;
    }
    dropped += count;
  }

  private void flushDropped(Listener l) {
    if (dropped > 0) {
      int n = dropped;
      dropped = 0;
      l.onDropped(dropStart, n, dropReason);
    }
  }
}
