package io.ecss.sorm;

/**
 * Encodes and decodes single SORM frames: commands, КПД1 and КПД2 messages, and unknown frames.
 *
 * <pre>{@code
 * SormCodec codec = SormCodec.DEFAULT;
 * byte[] wire = codec.encode(new SormCommand.Start(1, "123456"));   // CC 01 01 00 31 32 ...
 * SormMessage m = codec.decode(wire);
 * if (m instanceof Kpd1Message.Execution e && !e.status().isSuccess()) { ... }
 * }</pre>
 *
 * <p><b>Decoding is strict.</b> The input must be exactly one frame: preamble {@code 0xCC}, a
 * length byte that matches the layout of the code, digit counts 0–18 (or {@code 00}/{@code FF}
 * for "no number") with the counted nibbles 0–9 or {@code A} and every other nibble {@code F},
 * BCD times in range, texts whose {@code FF} padding is not followed by other bytes, КПД1 reserve
 * {@code FF} and version {@code 02}, message 2.3 header bytes {@code FF}. Any violation throws a
 * {@link SormDecodeException} naming the field and the byte offset within the frame. A frame
 * with an unknown code in {@code 0x00}–{@code 0x5F} decodes to an {@link UnknownFrame} unless
 * {@link #withUnknownCodesRejected(boolean)} is set.
 *
 * <p><b>Encoding</b> never fails for a valid record: the records reject unrepresentable values
 * (a digit string longer than 18, a non-digit, an object number above 65535) in their
 * constructors with an {@link IllegalArgumentException} naming the field. Two options choose
 * between wire variants that decoders accept either way: {@link DigitZero how digit 0 is
 * written} and the digit-count byte of a number without digits ({@code 00}, or {@code FF}).
 *
 * <p>Thread-safe: instances are immutable; share them.
 */
public final class SormCodec {
  /** The preamble that starts every frame. */
  public static final int PREAMBLE = 0xCC;

  /** The longest frame the protocol allows: a 12-byte header and a 255-byte body. */
  public static final int MAX_FRAME_LENGTH = 12 + 255;

  /** Digit zero as nibble 0, no-number count {@code 00}, unknown codes kept. */
  public static final SormCodec DEFAULT = new SormCodec(DigitZero.ZERO, 0x00, false);

  private final DigitZero digitZero;
  private final int absentDigitCount;
  private final boolean rejectUnknown;

  private SormCodec(DigitZero digitZero, int absentDigitCount, boolean rejectUnknown) {
    this.digitZero = digitZero;
    this.absentDigitCount = absentDigitCount;
    this.rejectUnknown = rejectUnknown;
  }

  /**
   * Returns a codec that writes digit 0 as {@code zero}.
   *
   * @param zero nibble {@code 0} (default) or {@code A}
   * @return a codec with this option changed
   */
  public SormCodec withDigitZero(DigitZero zero) {
    return new SormCodec(Checks.notNull("zero", zero), absentDigitCount, rejectUnknown);
  }

  /**
   * Returns a codec that writes this digit count for a number without digits.
   *
   * @param count {@code 0x00} (default) or {@code 0xFF}
   * @return a codec with this option changed
   * @throws IllegalArgumentException if {@code count} is neither
   */
  public SormCodec withAbsentDigitCount(int count) {
    if (count != 0 && count != 0xFF) {
      throw new IllegalArgumentException("absentDigitCount: " + count + " (expected 0x00 or 0xFF)");
    }
    return new SormCodec(digitZero, count, rejectUnknown);
  }

  /**
   * Returns a codec that rejects frames with a code it does not know (instead of returning an
   * {@link UnknownFrame}).
   *
   * @param reject true to reject unknown codes
   * @return a codec with this option changed
   */
  public SormCodec withUnknownCodesRejected(boolean reject) {
    return new SormCodec(digitZero, absentDigitCount, reject);
  }

  /**
   * Returns how digit 0 is written.
   *
   * @return the option
   */
  public DigitZero digitZero() {
    return digitZero;
  }

  /**
   * Returns the digit count written for a number without digits.
   *
   * @return {@code 0x00} or {@code 0xFF}
   */
  public int absentDigitCount() {
    return absentDigitCount;
  }

  /**
   * Returns whether unknown codes are rejected.
   *
   * @return true when decoding an unknown code throws
   */
  public boolean rejectsUnknownCodes() {
    return rejectUnknown;
  }

  // ---------------------------------------------------------------- encode

  /**
   * Returns the size of the frame {@link #encode(SormMessage)} produces for {@code message}.
   *
   * @param message the message
   * @return the frame length in bytes, header included
   */
  public int encodedLength(SormMessage message) {
    if (message instanceof UnknownFrame u) {
      return u.raw().length();
    }
    SormFrameType t = SormFrameType.byCode()[message.code()];
    int body = t.bodyLength();
    if (message instanceof Kpd1Message.TelecomMessage tm) {
      body += tm.content().length();
    }
    return t.headerLength() + body;
  }

  /**
   * Encodes a message into a new array.
   *
   * @param message the message
   * @return the frame
   */
  public byte[] encode(SormMessage message) {
    byte[] out = new byte[encodedLength(message)];
    encode(message, out, 0);
    return out;
  }

  /**
   * Encodes a message into {@code dst} at {@code offset}.
   *
   * @param message the message
   * @param dst the destination
   * @param offset where the frame starts
   * @return the number of bytes written
   * @throws IndexOutOfBoundsException if the frame does not fit
   */
  public int encode(SormMessage message, byte[] dst, int offset) {
    int len = encodedLength(message);
    java.util.Objects.checkFromIndexSize(offset, len, dst.length);
    if (message instanceof UnknownFrame u) {
      u.raw().copyTo(dst, offset);
      return len;
    }
    int code = message.code();
    dst[offset] = (byte) PREAMBLE;
    dst[offset + 1] = (byte) message.sormNumber();
    dst[offset + 2] = (byte) code;
    int header = code >= 0x40 ? 12 : 10;
    dst[offset + 3] = (byte) (len - header);
    if (message instanceof SormCommand c) {
      Wire.writeText(dst, offset + 4, 6, c.password());
    } else if (message instanceof Kpd1Message k) {
      Wire.put16(dst, offset + 4, k.messageCount());
      Wire.put16(dst, offset + 6, k.messageNumber());
      dst[offset + 8] = (byte) 0xFF;
      dst[offset + 9] = 0x02;
    } else if (message instanceof Kpd2Message.TestReply) {
      java.util.Arrays.fill(dst, offset + 4, offset + 12, (byte) 0xFF);
    }
    Layouts.write(
        message, dst, offset, digitZero == DigitZero.A ? 0xA : 0x0, absentDigitCount);
    return len;
  }

  // ---------------------------------------------------------------- decode

  /**
   * Decodes one whole frame.
   *
   * @param frame exactly one frame
   * @return the message
   * @throws SormDecodeException if the bytes are not exactly one valid frame; the offset is
   *     within {@code frame}
   */
  public SormMessage decode(byte[] frame) {
    return decode(frame, 0, frame.length);
  }

  /**
   * Decodes one whole frame held in {@code length} bytes of {@code buf} from {@code offset}.
   *
   * @param buf the buffer
   * @param offset where the frame starts
   * @param length the frame length: exactly the bytes of one frame
   * @return the message
   * @throws SormDecodeException if the bytes are not exactly one valid frame; the offset is
   *     relative to {@code offset}
   * @throws IndexOutOfBoundsException if the range is not inside {@code buf}
   */
  public SormMessage decode(byte[] buf, int offset, int length) {
    java.util.Objects.checkFromIndexSize(offset, length, buf.length);
    int total = checkHeader(buf, offset, length);
    if (length < total) {
      throw new SormDecodeException(
          "length",
          "frame truncated: the header says "
              + total
              + " bytes ("
              + (total - (buf[offset + 3] & 0xFF))
              + "-byte header + body "
              + (buf[offset + 3] & 0xFF)
              + "), only "
              + length
              + " available",
          length);
    }
    if (length > total) {
      throw new SormDecodeException(
          "length",
          length + " bytes given but the header says the frame has " + total,
          total);
    }
    int code = buf[offset + 2] & 0xFF;
    SormFrameType t = SormFrameType.byCode()[code];
    if (t == null) {
      return new UnknownFrame(Bytes.copyOf(buf, offset, length));
    }
    int body = buf[offset + 3] & 0xFF;
    if (t.fixedLength() ? body != t.bodyLength() : body < t.bodyLength()) {
      throw new SormDecodeException(
          "length",
          "body length "
              + body
              + " for "
              + t
              + " (expected "
              + (t.fixedLength() ? "" : "at least ")
              + t.bodyLength()
              + ")",
          3);
    }
    if (t.channel() == SormFrameType.Channel.KPD1) {
      Wire.expectFf(buf, offset + 8, 1, offset, "reserve");
      if (buf[offset + 9] != 0x02) {
        throw new SormDecodeException(
            "version",
            "requirements version " + CodeTable.hex(buf[offset + 9] & 0xFF) + " (expected 0x02)",
            9);
      }
    } else if (t == SormFrameType.KPD2_TEST_REPLY) {
      Wire.expectFf(buf, offset + 4, 8, offset, "header");
    }
    return Layouts.read(buf, offset, code, body);
  }

  /**
   * Validates the first bytes of a frame and returns its total length; needs only the bytes
   * present. Offsets in errors are relative to {@code offset}.
   */
  int checkHeader(byte[] buf, int offset, int available) {
    if (available < 1) {
      throw new SormDecodeException("preamble", "frame truncated: no bytes", 0);
    }
    if ((buf[offset] & 0xFF) != PREAMBLE) {
      throw new SormDecodeException(
          "preamble",
          "byte " + CodeTable.hex(buf[offset] & 0xFF) + " (expected 0xCC)",
          0);
    }
    if (available < 3) {
      throw new SormDecodeException(
          "code", "frame truncated: " + available + " of at least 4 header bytes", available);
    }
    int code = buf[offset + 2] & 0xFF;
    int header = headerLength(code);
    if (header < 0) {
      throw new SormDecodeException(
          "code",
          "unknown code " + CodeTable.hex(code) + " outside 0x00..0x5F: the frame size is unknown",
          2);
    }
    if (rejectUnknown && SormFrameType.byCode()[code] == null) {
      throw new SormDecodeException(
          "code", "unknown code " + CodeTable.hex(code) + " (unknown codes are rejected)", 2);
    }
    if (available < 4) {
      throw new SormDecodeException(
          "length", "frame truncated: " + available + " of at least 4 header bytes", available);
    }
    return header + (buf[offset + 3] & 0xFF);
  }

  /**
   * The header size for a code: 10 for {@code 0x00}–{@code 0x3F} (commands, КПД1), 12 for {@code
   * 0x40}–{@code 0x5F} (КПД2), -1 for codes whose family is unknown.
   */
  static int headerLength(int code) {
    if (code < 0x40) {
      return 10;
    }
    return code < 0x60 ? 12 : -1;
  }
}
