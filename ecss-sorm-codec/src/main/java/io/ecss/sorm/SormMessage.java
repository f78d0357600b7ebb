package io.ecss.sorm;

/**
 * A SORM frame: a {@link SormCommand} (console → station), a {@link Kpd1Message} or {@link
 * Kpd2Message} (station → console), or an {@link UnknownFrame} that keeps the raw bytes of a code
 * this library does not know.
 *
 * <p>Every frame starts with the preamble {@code 0xCC}, the SORM number and the code; byte 3 is
 * the length of the body after the 10- or 12-byte header. {@link SormCodec} encodes and decodes
 * them; dispatch with {@code instanceof} patterns.
 *
 * <p>All implementations are immutable and thread-safe.
 */
public sealed interface SormMessage permits SormCommand, Kpd1Message, Kpd2Message, UnknownFrame {

  /**
   * Returns the frame code (byte 2).
   *
   * @return 0 to 255
   */
  int code();

  /**
   * Returns the SORM number (номер ТС ОРМ, byte 1).
   *
   * @return 0 to 255
   */
  int sormNumber();
}
