package io.ecss.sorm;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.WritableByteChannel;
import java.util.List;

/**
 * Writes frames to an {@link OutputStream} or a {@link WritableByteChannel}, each frame in one
 * write call (and flushed, for a stream), since a TCP packet must start with a frame and a frame
 * must not be split across packets (notes §6). Encodes into one reused buffer: no allocation per
 * frame beyond what the target does.
 *
 * <p>Thread-safe: concurrent {@link #write} calls are serialised, so frames never interleave.
 */
public final class SormFrameWriter implements Closeable {
  private final SormCodec codec;
  private final @org.jspecify.annotations.Nullable OutputStream out;
  private final @org.jspecify.annotations.Nullable WritableByteChannel channel;
  /**
   * The most bytes {@link #writeAll} puts in one write: below an Ethernet TCP segment (MSS 1,460),
   * so each segment still starts with a frame and no frame is split across segments.
   */
  public static final int MAX_BATCH_BYTES = 1400;

  private final byte[] buf = new byte[Math.max(SormCodec.MAX_FRAME_LENGTH, MAX_BATCH_BYTES)];
  private final ByteBuffer view = ByteBuffer.wrap(buf);
  private long frames;

  private SormFrameWriter(
      SormCodec codec,
      @org.jspecify.annotations.Nullable OutputStream out,
      @org.jspecify.annotations.Nullable WritableByteChannel channel) {
    this.codec = codec;
    this.out = out;
    this.channel = channel;
  }

  /**
   * Returns a writer to a stream.
   *
   * @param out the stream, e.g. a socket's output stream
   * @param codec encodes the frames
   * @return the writer
   */
  public static SormFrameWriter of(OutputStream out, SormCodec codec) {
    return new SormFrameWriter(Checks.notNull("codec", codec), Checks.notNull("out", out), null);
  }

  /**
   * Returns a writer to a channel (blocking or not: the writer loops until the frame is out).
   *
   * @param channel the channel, e.g. a {@code SocketChannel}
   * @param codec encodes the frames
   * @return the writer
   */
  public static SormFrameWriter of(WritableByteChannel channel, SormCodec codec) {
    return new SormFrameWriter(
        Checks.notNull("codec", codec), null, Checks.notNull("channel", channel));
  }

  /**
   * Encodes and writes one frame.
   *
   * @param message the frame
   * @throws IOException if the target fails
   */
  public synchronized void write(SormMessage message) throws IOException {
    int n = codec.encode(message, buf, 0);
    flush(n);
    frames++;
  }

  /**
   * Encodes and writes several frames with as few writes as possible: whole frames only, at most
   * {@link #MAX_BATCH_BYTES} bytes per write.
   *
   * @param messages the frames, in order
   * @throws IOException if the target fails
   */
  public synchronized void writeAll(List<? extends SormMessage> messages) throws IOException {
    int n = 0;
    for (SormMessage m : messages) {
      if (n > 0 && n + codec.encodedLength(m) > MAX_BATCH_BYTES) {
        flush(n);
        n = 0;
      }
      n += codec.encode(m, buf, n);
      frames++;
    }
    if (n > 0) {
      flush(n);
    }
  }

  private void flush(int n) throws IOException {
    if (out != null) {
      out.write(buf, 0, n);
      out.flush();
    } else if (channel != null) {
      view.clear().limit(n);
      while (view.hasRemaining()) {
        if (channel.write(view) == 0) {
          Thread.onSpinWait();
        }
      }
    }
  }

  /**
   * Returns how many frames were written.
   *
   * @return the count
   */
  public synchronized long framesWritten() {
    return frames;
  }

  /**
   * Closes the underlying stream or channel.
   *
   * @throws IOException if closing fails
   */
  @Override
  public synchronized void close() throws IOException {
    if (out != null) {
      out.close();
    } else if (channel != null) {
      channel.close();
    }
  }
}
