package io.ecss.csta;

import static java.util.Objects.requireNonNull;

import java.nio.charset.StandardCharsets;

/**
 * The CSTA TCP framing used by ECSS-10 (ECMA-323 Annex J.2, "TCP without SOAP"):
 *
 * <pre>
 *  0       2       4                8
 *  +---+---+---+---+---+---+---+---+--------------------------+
 *  | 0 | 0 | length| invoke id     | XML body (UTF-8)         |
 *  +---+---+---+---+---+---+---+---+--------------------------+
 *  length:    unsigned 16-bit big-endian, header included (8..65535)
 *  invoke id: 4 ASCII digits "0000".."9999"; "9999" marks an event
 * </pre>
 *
 * <p>The length is computed from the encoded UTF-8 bytes, never from characters. Use {@link
 * CstaFrameDecoder} to read a stream.
 *
 * <p>Stateless and thread-safe.
 */
public final class CstaFrames {

  /** The size of the header in bytes. */
  public static final int HEADER_LENGTH = 8;

  /** The largest frame (header included) the 16-bit length can describe. */
  public static final int MAX_FRAME_LENGTH = 65_535;

  /** The invoke id the switch puts on unsolicited events. */
  public static final int EVENT_INVOKE_ID = 9999;

  private CstaFrames() {}

  /**
   * Encodes one frame.
   *
   * @param invokeId 0..9999
   * @param xml the XML body
   * @return the frame bytes
   * @throws IllegalArgumentException if the invoke id is out of range or the frame would exceed
   *     {@value #MAX_FRAME_LENGTH} bytes (nothing is written in that case)
   */
  public static byte[] encode(int invokeId, String xml) {
    checkInvokeId(invokeId);
    byte[] body = requireNonNull(xml, "xml").getBytes(StandardCharsets.UTF_8);
    int total = HEADER_LENGTH + body.length;
    if (total > MAX_FRAME_LENGTH) {
      throw new IllegalArgumentException(
          "frame length: " + total + " bytes (expected <= " + MAX_FRAME_LENGTH + ")");
    }
    byte[] out = new byte[total];
    out[2] = (byte) (total >>> 8);
    out[3] = (byte) total;
    out[4] = (byte) ('0' + invokeId / 1000);
    out[5] = (byte) ('0' + invokeId / 100 % 10);
    out[6] = (byte) ('0' + invokeId / 10 % 10);
    out[7] = (byte) ('0' + invokeId % 10);
    System.arraycopy(body, 0, out, HEADER_LENGTH, body.length);
    return out;
  }

  /**
   * Encodes one frame.
   *
   * @param frame the frame
   * @return the frame bytes
   * @throws IllegalArgumentException if the frame would exceed {@value #MAX_FRAME_LENGTH} bytes
   */
  public static byte[] encode(CstaFrame frame) {
    return encode(frame.invokeId(), frame.xml());
  }

  /**
   * Formats an invoke id the way it appears on the wire, e.g. {@code 0042}.
   *
   * @param invokeId 0..9999
   * @return four digits
   */
  public static String formatInvokeId(int invokeId) {
    checkInvokeId(invokeId);
    // Not String.format: it would use the default locale's digits (e.g. Arabic-Indic).
    return new String(
        new char[] {
          (char) ('0' + invokeId / 1000),
          (char) ('0' + invokeId / 100 % 10),
          (char) ('0' + invokeId / 10 % 10),
          (char) ('0' + invokeId % 10)
        });
  }

  static void checkInvokeId(int invokeId) {
    if (invokeId < 0 || invokeId > EVENT_INVOKE_ID) {
      throw new IllegalArgumentException("invokeId: " + invokeId + " (expected 0..9999)");
    }
  }
}
