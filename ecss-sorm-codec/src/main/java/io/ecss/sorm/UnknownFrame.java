package io.ecss.sorm;

/**
 * A frame whose code this library does not know, kept byte for byte so it survives a decode /
 * encode round trip. Its size follows the code's family: codes {@code 0x00}–{@code 0x3F} have a
 * 10-byte header, {@code 0x40}–{@code 0x5F} a 12-byte header; byte 3 is the body length.
 *
 * <p>Immutable and thread-safe.
 *
 * @param raw the whole frame, preamble included
 */
public record UnknownFrame(Bytes raw) implements SormMessage {
  /**
   * Validates the frame.
   *
   * @param raw the whole frame, preamble included
   * @throws IllegalArgumentException if {@code raw} does not start with {@code 0xCC}, has a code
   *     this library knows or cannot delimit, or its length disagrees with its header
   */
  public UnknownFrame {
    Checks.notNull("raw", raw);
    if (raw.length() < 4 || raw.get(0) != 0xCC) {
      throw new IllegalArgumentException(
          "raw: " + raw + " (expected a frame starting with 0xCC and at least 4 bytes)");
    }
    int code = raw.get(2);
    if (SormFrameType.forCode(code).isPresent()) {
      throw new IllegalArgumentException(
          "raw: code " + CodeTable.hex(code) + " is a known frame type (use its record)");
    }
    int header = SormCodec.headerLength(code);
    if (header < 0) {
      throw new IllegalArgumentException(
          "raw: code " + CodeTable.hex(code) + " (expected 0x00..0x5F to know the header size)");
    }
    if (raw.length() != header + raw.get(3)) {
      throw new IllegalArgumentException(
          "raw: "
              + raw.length()
              + " bytes, but the header says "
              + (header + raw.get(3))
              + " (header "
              + header
              + " + length byte "
              + raw.get(3)
              + ")");
    }
  }

  @Override
  public int code() {
    return raw.get(2);
  }

  @Override
  public int sormNumber() {
    return raw.get(1);
  }
}
