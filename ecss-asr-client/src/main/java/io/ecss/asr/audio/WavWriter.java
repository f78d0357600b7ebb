package io.ecss.asr.audio;

import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Streaming writer of 16-bit PCM WAV files with the canonical 44-byte header ({@code RIFF},
 * {@code WAVE}, a 16-byte {@code fmt } chunk, {@code data}).
 *
 * <p>Two ways to know the sizes the header must carry: {@link #open(Path, WavFormat)} writes a
 * file and fills in the sizes when it is closed; {@link #open(OutputStream, WavFormat, long)} writes
 * to any stream and takes the frame count up front, and {@link #close()} fails if a different
 * number of frames was written (the header would lie).
 *
 * <p>Not thread-safe; confine to one thread.
 */
public final class WavWriter implements Closeable {
  /** Size of the header this writer produces. */
  public static final int HEADER_BYTES = 44;

  /** Largest data chunk a RIFF file can describe. */
  static final long MAX_DATA_BYTES = 0xFFFF_FFFFL - 36;

  private final WavFormat format;
  private final OutputStream out;
  private final @Nullable FileChannel file;
  private final long declaredFrames;
  private long frames;
  private byte[] buf = new byte[0];
  private boolean closed;

  private WavWriter(
      WavFormat format, OutputStream out, @Nullable FileChannel file, long declaredFrames) {
    this.format = format;
    this.out = out;
    this.file = file;
    this.declaredFrames = declaredFrames;
  }

  /**
   * Creates (or truncates) a WAV file; the header's sizes are written on {@link #close()}.
   *
   * @param path the file
   * @param format the audio format
   * @return the writer
   * @throws IOException if the file cannot be created
   */
  public static WavWriter open(Path path, WavFormat format) throws IOException {
    Objects.requireNonNull(format, "format");
    FileChannel ch =
        FileChannel.open(
            path,
            StandardOpenOption.CREATE,
            StandardOpenOption.TRUNCATE_EXISTING,
            StandardOpenOption.WRITE);
    try {
      ch.write(ByteBuffer.wrap(header(format, 0)));
    } catch (IOException e) {
      ch.close();
      throw e;
    }
    OutputStream os =
        new BufferedOutputStream(java.nio.channels.Channels.newOutputStream(ch), 1 << 16);
    return new WavWriter(format, os, ch, -1);
  }

  /**
   * Writes a WAV stream whose length is known up front. The stream is closed by {@link
   * #close()}.
   *
   * @param stream destination
   * @param format the audio format
   * @param frames the exact number of frames that will be written
   * @return the writer
   * @throws IOException if writing the header fails
   * @throws IllegalArgumentException if the data would not fit a RIFF file (4 GiB)
   */
  public static WavWriter open(OutputStream stream, WavFormat format, long frames)
      throws IOException {
    Objects.requireNonNull(format, "format");
    if (frames < 0 || frames * format.blockAlign() > MAX_DATA_BYTES) {
      throw new IllegalArgumentException(
          "frames: " + frames + " (expected 0.." + MAX_DATA_BYTES / format.blockAlign() + ")");
    }
    OutputStream os = new BufferedOutputStream(stream, 1 << 16);
    os.write(header(format, frames * format.blockAlign()));
    return new WavWriter(format, os, null, frames);
  }

  /**
   * Encodes interleaved samples as a complete WAV file in memory.
   *
   * @param format the audio format
   * @param interleaved samples, channel by channel within each frame
   * @return the WAV bytes
   * @throws IllegalArgumentException if the sample count is not a multiple of the channel count
   */
  public static byte[] toBytes(WavFormat format, short[] interleaved) {
    if (interleaved.length % format.channels() != 0) {
      throw new IllegalArgumentException(
          "interleaved.length: "
              + interleaved.length
              + " (expected a multiple of "
              + format.channels()
              + ")");
    }
    ByteBuffer b =
        ByteBuffer.allocate(HEADER_BYTES + 2 * interleaved.length).order(ByteOrder.LITTLE_ENDIAN);
    b.put(header(format, 2L * interleaved.length));
    for (short s : interleaved) {
      b.putShort(s);
    }
    return b.array();
  }

  /**
   * The format being written.
   *
   * @return the format
   */
  public WavFormat format() {
    return format;
  }

  /**
   * Frames written so far.
   *
   * @return the frame count
   */
  public long frames() {
    return frames;
  }

  /**
   * Writes interleaved samples.
   *
   * @param interleaved samples
   * @param off first sample to write
   * @param len number of samples; a multiple of the channel count
   * @throws IOException if the stream fails
   * @throws IllegalStateException if the writer is closed or more frames than declared are written
   */
  public void write(short[] interleaved, int off, int len) throws IOException {
    Objects.checkFromIndexSize(off, len, interleaved.length);
    if (len % format.channels() != 0) {
      throw new IllegalArgumentException(
          "len: " + len + " (expected a multiple of " + format.channels() + " channels)");
    }
    int n = len / format.channels();
    reserve(n);
    byte[] b = bytes(2 * len);
    for (int i = 0; i < len; i++) {
      short s = interleaved[off + i];
      b[2 * i] = (byte) s;
      b[2 * i + 1] = (byte) (s >> 8);
    }
    out.write(b, 0, 2 * len);
    frames += n;
  }

  /**
   * Writes frames given as one array per channel.
   *
   * @param channels one array per channel of the format
   * @param off first frame to write
   * @param count number of frames
   * @throws IOException if the stream fails
   * @throws IllegalStateException if the writer is closed or more frames than declared are written
   */
  public void writeFrames(short[][] channels, int off, int count) throws IOException {
    int ch = format.channels();
    if (channels.length != ch) {
      throw new IllegalArgumentException(
          "channels.length: " + channels.length + " (expected " + ch + ")");
    }
    for (short[] c : channels) {
      Objects.checkFromIndexSize(off, count, c.length);
    }
    reserve(count);
    byte[] b = bytes(count * 2 * ch);
    for (int i = 0, k = 0; i < count; i++) {
      for (int c = 0; c < ch; c++) {
        short s = channels[c][off + i];
        b[k++] = (byte) s;
        b[k++] = (byte) (s >> 8);
      }
    }
    out.write(b, 0, count * 2 * ch);
    frames += count;
  }

  /**
   * Finishes the file: flushes, writes the header sizes (file mode) and closes. Idempotent.
   *
   * @throws IOException if the stream fails
   * @throws IllegalStateException if fewer frames were written than were declared up front
   */
  @Override
  public void close() throws IOException {
    if (closed) {
      return;
    }
    closed = true;
    try (OutputStream o = out) {
      o.flush();
      if (file != null) {
        ByteBuffer h = ByteBuffer.wrap(header(format, frames * format.blockAlign()));
        file.write(h, 0);
      } else if (frames != declaredFrames) {
        throw new IllegalStateException(
            "wrote " + frames + " frames but the header declares " + declaredFrames);
      }
    }
  }

  private void reserve(long n) {
    if (closed) {
      throw new IllegalStateException("writer is closed");
    }
    long after = frames + n;
    if (declaredFrames >= 0 && after > declaredFrames) {
      throw new IllegalStateException(
          "writing " + after + " frames but the header declares " + declaredFrames);
    }
    if (after * format.blockAlign() > MAX_DATA_BYTES) {
      throw new IllegalStateException("WAV data would exceed the RIFF limit of 4 GiB");
    }
  }

  private byte[] bytes(int n) {
    if (buf.length < n) {
      buf = new byte[Math.max(n, 8192)];
    }
    return buf;
  }

  /*
   * Canonical header, little-endian:
   *  0 "RIFF"  4 riffSize=36+data  8 "WAVE"
   * 12 "fmt "  16 16  20 tag=1  22 channels  24 rate  28 byteRate  32 blockAlign  34 bits=16
   * 36 "data"  40 dataBytes
   */
  static byte[] header(WavFormat f, long dataBytes) {
    ByteBuffer b = ByteBuffer.allocate(HEADER_BYTES).order(ByteOrder.LITTLE_ENDIAN);
    b.put(new byte[] {'R', 'I', 'F', 'F'}).putInt((int) (36 + dataBytes));
    b.put(new byte[] {'W', 'A', 'V', 'E', 'f', 'm', 't', ' '}).putInt(16);
    b.putShort((short) 1).putShort((short) f.channels()).putInt(f.sampleRate());
    b.putInt(f.byteRate()).putShort((short) f.blockAlign()).putShort((short) 16);
    b.put(new byte[] {'d', 'a', 't', 'a'}).putInt((int) dataBytes);
    return b.array();
  }
}
