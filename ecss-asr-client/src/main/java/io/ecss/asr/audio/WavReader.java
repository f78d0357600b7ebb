package io.ecss.asr.audio;

import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.OptionalLong;

/**
 * Streaming reader of RIFF/WAVE files holding 16-bit little-endian PCM, one or two channels, any
 * sample rate.
 *
 * <p>{@link #open(InputStream)} reads the header up to the start of the {@code data} chunk and
 * checks it; samples are then read in blocks of any size, so a one-hour recording never needs to
 * be in memory. Chunks other than {@code fmt } and {@code data} ({@code LIST}, {@code fact},
 * {@code cue }, ...) are skipped, honouring the pad byte after odd-sized chunks. Both the plain
 * {@code WAVE_FORMAT_PCM} header and {@code WAVE_FORMAT_EXTENSIBLE} with the PCM sub-format are
 * accepted.
 *
 * <p>Problems are reported as {@link WavException} with the byte offset: a file that is not
 * RIFF/WAVE, an encoding other than 16-bit PCM, more than two channels, a header whose fields
 * contradict each other ({@code blockAlign}, {@code byteRate}), a chunk that reaches past the size
 * the RIFF header declares, and a data chunk that ends before its declared size ("truncated").
 * A data size of {@code 0xFFFFFFFF} (written by recorders that stream before they know the length)
 * means "up to the end of the stream".
 *
 * <pre>{@code
 * try (WavReader wav = WavReader.open(Path.of("call.wav"))) {
 *   short[][] block = new short[wav.format().channels()][4096];
 *   int n;
 *   while ((n = wav.readFrames(block, 0, 4096)) > 0) {
 *     // block[0][0..n) is channel 1 (calling party), block[1][0..n) channel 2
 *   }
 * }
 * }</pre>
 *
 * <p>Not thread-safe; confine to one thread.
 */
public final class WavReader implements Closeable {
  /** The sub-format GUID of WAVE_FORMAT_EXTENSIBLE PCM, after its two-byte format code. */
  private static final byte[] PCM_GUID_TAIL = {
    0x00, 0x00, 0x00, 0x00, 0x10, 0x00, (byte) 0x80, 0x00, 0x00, (byte) 0xAA, 0x00, 0x38,
    (byte) 0x9B, 0x71
  };

  private static final int FORMAT_PCM = 0x0001;
  private static final int FORMAT_EXTENSIBLE = 0xFFFE;
  private static final long UNKNOWN_SIZE = 0xFFFF_FFFFL;
  private static final int MAX_FMT_SIZE = 1024;
  private static final int MAX_CHUNKS_BEFORE_DATA = 4096;

  private final InputStream in;
  private final WavFormat format;
  /** Declared data bytes, or -1 when the stream is read to its end. */
  private final long dataBytes;

  private final long dataOffset;
  private long dataRead;
  private byte[] buf = new byte[0];

  private WavReader(InputStream in, WavFormat format, long dataOffset, long dataBytes) {
    this.in = in;
    this.format = format;
    this.dataOffset = dataOffset;
    this.dataBytes = dataBytes;
  }

  /**
   * Opens a WAV file and reads its header.
   *
   * @param file the file
   * @return a reader positioned at the first sample
   * @throws IOException if the file cannot be read
   * @throws WavException if the header is not a supported WAV header
   */
  public static WavReader open(Path file) throws IOException {
    InputStream in = Files.newInputStream(file);
    try {
      return open(in);
    } catch (IOException | RuntimeException e) {
      in.close();
      throw e;
    }
  }

  /**
   * Reads the header from a stream. The reader takes ownership of the stream: {@link #close()}
   * closes it. The stream is buffered internally.
   *
   * @param stream the WAV bytes, from the first byte of the RIFF header
   * @return a reader positioned at the first sample
   * @throws IOException if the stream fails
   * @throws WavException if the header is not a supported WAV header
   */
  public static WavReader open(InputStream stream) throws IOException {
    InputStream in =
        stream instanceof BufferedInputStream ? stream : new BufferedInputStream(stream, 1 << 16);
    HeaderParser p = new HeaderParser(in);
    return p.parse();
  }

  /**
   * The audio format from the {@code fmt } chunk.
   *
   * @return the format
   */
  public WavFormat format() {
    return format;
  }

  /**
   * The number of frames the header declares, if it declares one.
   *
   * @return the frame count, or empty for a stream of unknown length
   */
  public OptionalLong frameCount() {
    return dataBytes < 0 ? OptionalLong.empty() : OptionalLong.of(dataBytes / format.blockAlign());
  }

  /**
   * Byte offset of the first sample in the stream.
   *
   * @return offset of the data chunk's payload
   */
  public long dataOffset() {
    return dataOffset;
  }

  /**
   * Reads up to {@code maxFrames} frames as interleaved samples (for stereo: A, B, A, B, ...).
   *
   * @param dst destination
   * @param off first index in {@code dst} to fill
   * @param maxFrames most frames to read; {@code dst} needs {@code maxFrames * channels} room
   * @return frames read, or {@code -1} at the end of the data
   * @throws IOException if the stream fails
   * @throws WavException if the data ends before its declared size or inside a frame
   */
  public int read(short[] dst, int off, int maxFrames) throws IOException {
    int ch = format.channels();
    checkRange(dst.length, off, (long) maxFrames * ch);
    int frames = fill(maxFrames);
    if (frames <= 0) {
      return frames;
    }
    byte[] b = buf;
    for (int i = 0, n = frames * ch; i < n; i++) {
      dst[off + i] = (short) ((b[2 * i] & 0xFF) | (b[2 * i + 1] << 8));
    }
    return frames;
  }

  /**
   * Reads up to {@code maxFrames} frames, split by channel: {@code dst[c][off + i]} is sample
   * {@code i} of channel {@code c + 1}.
   *
   * @param dst one array per channel (at least {@link WavFormat#channels()} arrays)
   * @param off first index to fill in each array
   * @param maxFrames most frames to read
   * @return frames read, or {@code -1} at the end of the data
   * @throws IOException if the stream fails
   * @throws WavException if the data ends before its declared size or inside a frame
   */
  public int readFrames(short[][] dst, int off, int maxFrames) throws IOException {
    int ch = format.channels();
    if (dst.length < ch) {
      throw new IllegalArgumentException(
          "dst.length: " + dst.length + " (expected at least " + ch + " channels)");
    }
    for (int c = 0; c < ch; c++) {
      checkRange(dst[c].length, off, maxFrames);
    }
    int frames = fill(maxFrames);
    if (frames <= 0) {
      return frames;
    }
    byte[] b = buf;
    if (ch == 1) {
      short[] a = dst[0];
      for (int i = 0; i < frames; i++) {
        a[off + i] = (short) ((b[2 * i] & 0xFF) | (b[2 * i + 1] << 8));
      }
    } else {
      short[] a = dst[0];
      short[] z = dst[1];
      for (int i = 0; i < frames; i++) {
        int j = 4 * i;
        a[off + i] = (short) ((b[j] & 0xFF) | (b[j + 1] << 8));
        z[off + i] = (short) ((b[j + 2] & 0xFF) | (b[j + 3] << 8));
      }
    }
    return frames;
  }

  /**
   * Reads every remaining frame as interleaved samples.
   *
   * @return the samples (length a multiple of the channel count)
   * @throws IOException if the stream fails
   * @throws WavException if the data is truncated, or longer than a Java array can hold
   */
  public short[] readAll() throws IOException {
    int ch = format.channels();
    short[] out = new short[(int) Math.min(frameCount().orElse(8192) * ch, 1 << 24)];
    int frames = 0;
    while (true) {
      if ((frames + 4096L) * ch > out.length) {
        long grown = Math.max((long) out.length * 2, (frames + 4096L) * ch);
        if (grown > Integer.MAX_VALUE - 8) {
          throw new WavException(
              "data too long to read into one array (" + frames + " frames read)", position());
        }
        out = Arrays.copyOf(out, (int) grown);
      }
      int n = read(out, frames * ch, 4096);
      if (n < 0) {
        break;
      }
      frames += n;
    }
    return Arrays.copyOf(out, frames * ch);
  }

  /**
   * Reads a whole WAV stream into memory.
   *
   * @param stream the WAV bytes; closed when done
   * @return the format and the interleaved samples
   * @throws IOException if the stream fails
   * @throws WavException if the stream is not a supported, complete WAV file
   */
  public static PcmAudio readAll(InputStream stream) throws IOException {
    try (WavReader r = open(stream)) {
      return PcmAudio.of(r.format(), r.readAll());
    }
  }

  /**
   * Closes the underlying stream.
   *
   * @throws IOException if closing fails
   */
  @Override
  public void close() throws IOException {
    in.close();
  }

  private long position() {
    return dataOffset + dataRead;
  }

  /** Reads up to maxFrames whole frames into buf; returns frames, or -1 at the end. */
  private int fill(int maxFrames) throws IOException {
    if (maxFrames == 0) {
      return 0;
    }
    int align = format.blockAlign();
    long want = (long) maxFrames * align;
    if (dataBytes >= 0) {
      want = Math.min(want, dataBytes - dataRead);
      if (want == 0) {
        return -1;
      }
    }
    int w = (int) Math.min(want, 1 << 20);
    w -= w % align;
    if (buf.length < w) {
      buf = new byte[w];
    }
    int got = in.readNBytes(buf, 0, w);
    dataRead += got;
    if (got < w && dataBytes >= 0) {
      throw new WavException(
          "truncated data chunk: declared "
              + dataBytes
              + " bytes, the stream ended after "
              + dataRead,
          position());
    }
    if (got % align != 0) {
      throw new WavException(
          "data ends inside a frame: " + dataRead + " bytes is not a multiple of block align " + align,
          position());
    }
    if (got == 0) {
      return -1;
    }
    return got / align;
  }

  private static void checkRange(int length, int off, long count) {
    if (off < 0 || count < 0 || off + count > length) {
      throw new IndexOutOfBoundsException(
          "off=" + off + " count=" + count + " length=" + length);
    }
  }

  /** Reads the header chunks up to the data chunk. */
  private static final class HeaderParser {
    private final InputStream in;
    private long pos;
    private final byte[] scratch = new byte[MAX_FMT_SIZE];

    HeaderParser(InputStream in) {
      this.in = in;
    }

    WavReader parse() throws IOException {
      String riff = readId("RIFF header");
      if (!riff.equals("RIFF")) {
        String hint =
            riff.equals("RIFX")
                ? " (big-endian RIFX is not supported)"
                : riff.equals("RF64") ? " (RF64 is not supported)" : "";
        throw new WavException(
            "not a WAV file: found " + quote(riff) + ", expected 'RIFF'" + hint, 0);
      }
      long riffSize = readU32("RIFF size");
      String wave = readId("RIFF form type");
      if (!wave.equals("WAVE")) {
        throw new WavException("not a WAV file: RIFF form " + quote(wave) + ", expected 'WAVE'", 8);
      }
      long riffEnd = riffSize == UNKNOWN_SIZE || riffSize == 0 ? -1 : 8 + riffSize;
      WavFormat format = null;
      for (int chunks = 0; ; chunks++) {
        if (chunks == MAX_CHUNKS_BEFORE_DATA) {
          throw new WavException(
              "more than " + MAX_CHUNKS_BEFORE_DATA + " chunks before the data chunk", pos);
        }
        long chunkStart = pos;
        String id = readIdOrEnd();
        if (id == null) {
          throw new WavException(
              format == null ? "no fmt chunk before the end of the stream"
                  : "no data chunk before the end of the stream",
              pos);
        }
        long size = readU32("size of chunk " + quote(id));
        boolean dataToEnd = id.equals("data") && size == UNKNOWN_SIZE;
        if (riffEnd >= 0 && !dataToEnd && pos + size > riffEnd) {
          throw new WavException(
              "chunk "
                  + quote(id)
                  + " of "
                  + size
                  + " bytes reaches past the end of the RIFF chunk at byte "
                  + riffEnd,
              chunkStart);
        }
        if (id.equals("fmt ")) {
          if (format != null) {
            throw new WavException("second fmt chunk", chunkStart);
          }
          format = parseFmt(size);
          skipPad(size);
        } else if (id.equals("data")) {
          if (format == null) {
            throw new WavException("data chunk before the fmt chunk", chunkStart);
          }
          long declared = dataToEnd ? -1 : size;
          if (declared >= 0 && declared % format.blockAlign() != 0) {
            throw new WavException(
                "data size " + declared + " is not a multiple of block align " + format.blockAlign(),
                chunkStart + 4);
          }
          return new WavReader(in, format, pos, declared);
        } else {
          skip(size + (size & 1), id);
        }
      }
    }

    private WavFormat parseFmt(long size) throws IOException {
      long start = pos;
      if (size < 16 || size > MAX_FMT_SIZE) {
        throw new WavException(
            "fmt chunk size " + size + " (expected 16.." + MAX_FMT_SIZE + ")", start - 4);
      }
      readFully(scratch, (int) size, "fmt chunk");
      int tag = u16(scratch, 0);
      int channels = u16(scratch, 2);
      long rate = u32(scratch, 4);
      long byteRate = u32(scratch, 8);
      int blockAlign = u16(scratch, 12);
      int bits = u16(scratch, 14);
      if (tag == FORMAT_EXTENSIBLE) {
        if (size < 40 || u16(scratch, 16) < 22) {
          throw new WavException(
              "WAVE_FORMAT_EXTENSIBLE header too short: fmt size " + size + " (expected 40)",
              start + 16);
        }
        boolean pcm = u16(scratch, 24) == FORMAT_PCM;
        for (int i = 0; i < PCM_GUID_TAIL.length && pcm; i++) {
          pcm = scratch[26 + i] == PCM_GUID_TAIL[i];
        }
        if (!pcm) {
          throw new WavException(
              "unsupported WAVE_FORMAT_EXTENSIBLE sub-format (expected PCM)", start + 24);
        }
        int validBits = u16(scratch, 18);
        if (validBits != 16) {
          throw new WavException(
              "unsupported valid bits per sample " + validBits + " (expected 16)", start + 18);
        }
      } else if (tag != FORMAT_PCM) {
        throw new WavException(
            "unsupported format code 0x"
                + String.format("%04X", tag)
                + " (expected 0x0001 PCM or 0xFFFE extensible PCM)",
            start);
      }
      if (bits != 16) {
        throw new WavException(
            "unsupported bits per sample " + bits + " (expected 16-bit PCM)", start + 14);
      }
      if (channels != 1 && channels != 2) {
        throw new WavException(
            "unsupported channel count " + channels + " (expected 1 or 2)", start + 2);
      }
      if (rate < 1 || rate > WavFormat.MAX_SAMPLE_RATE) {
        throw new WavException(
            "sample rate " + rate + " out of range (expected 1.." + WavFormat.MAX_SAMPLE_RATE + ")",
            start + 4);
      }
      WavFormat f = new WavFormat((int) rate, channels);
      if (blockAlign != f.blockAlign()) {
        throw new WavException(
            "block align "
                + blockAlign
                + " contradicts "
                + channels
                + " channel(s) of 16 bits (expected "
                + f.blockAlign()
                + ")",
            start + 12);
      }
      if (byteRate != f.byteRate()) {
        throw new WavException(
            "byte rate "
                + byteRate
                + " contradicts sample rate "
                + rate
                + " and block align "
                + blockAlign
                + " (expected "
                + f.byteRate()
                + ")",
            start + 8);
      }
      return f;
    }

    private void skipPad(long size) throws IOException {
      if ((size & 1) != 0) {
        skip(1, "fmt ");
      }
    }

    private void skip(long n, String id) throws IOException {
      try {
        in.skipNBytes(n);
      } catch (EOFException e) {
        throw new WavException(
            "truncated chunk " + quote(id) + ": the stream ended inside its " + n + " bytes", pos);
      }
      pos += n;
    }

    private String readId(String what) throws IOException {
      readFully(scratch, 4, what);
      return id(scratch);
    }

    private String readIdOrEnd() throws IOException {
      int n = in.readNBytes(scratch, 0, 4);
      if (n == 0) {
        return null;
      }
      if (n < 4) {
        throw new WavException("truncated chunk header: " + n + " of 4 bytes", pos);
      }
      pos += 4;
      return id(scratch);
    }

    private long readU32(String what) throws IOException {
      readFully(scratch, 4, what);
      return u32(scratch, 0);
    }

    private void readFully(byte[] b, int n, String what) throws IOException {
      int got = in.readNBytes(b, 0, n);
      if (got < n) {
        throw new WavException(
            "truncated " + what + ": the stream ended after " + got + " of " + n + " bytes",
            pos + got);
      }
      pos += n;
    }

    private static String id(byte[] b) {
      StringBuilder s = new StringBuilder(4);
      for (int i = 0; i < 4; i++) {
        s.append((char) (b[i] & 0xFF));
      }
      return s.toString();
    }

    private static String quote(String id) {
      for (int i = 0; i < id.length(); i++) {
        char c = id.charAt(i);
        if (c < 0x20 || c > 0x7E) {
          StringBuilder hex = new StringBuilder("0x");
          for (int j = 0; j < id.length(); j++) {
            hex.append(String.format("%02X", (int) id.charAt(j)));
          }
          return hex.toString();
        }
      }
      return "'" + id + "'";
    }

    private static int u16(byte[] b, int i) {
      return (b[i] & 0xFF) | (b[i + 1] & 0xFF) << 8;
    }

    private static long u32(byte[] b, int i) {
      return (u16(b, i) | (long) u16(b, i + 2) << 16) & 0xFFFF_FFFFL;
    }
  }
}
