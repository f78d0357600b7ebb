package io.ecss.sorm;

import java.util.Arrays;

/**
 * An immutable sequence of bytes with value equality and a hexadecimal {@code toString}: the way
 * records of this package hold raw bytes (a record with a {@code byte[]} component would compare
 * arrays by reference).
 *
 * <p>Immutable and thread-safe.
 */
public final class Bytes {
  private static final char[] HEX = "0123456789ABCDEF".toCharArray();
  private static final Bytes EMPTY = new Bytes(new byte[0]);

  private final byte[] data;

  private Bytes(byte[] data) {
    this.data = data;
  }

  /**
   * Returns the empty sequence.
   *
   * @return a sequence of length 0
   */
  public static Bytes empty() {
    return EMPTY;
  }

  /**
   * Returns a sequence holding a copy of {@code bytes}.
   *
   * @param bytes the content; copied, so later changes to the array do not show
   * @return the sequence
   */
  public static Bytes of(byte... bytes) {
    return bytes.length == 0 ? EMPTY : new Bytes(bytes.clone());
  }

  /**
   * Returns a sequence holding a copy of {@code length} bytes of {@code bytes} from {@code offset}.
   *
   * @param bytes the source array
   * @param offset where the content starts
   * @param length how many bytes
   * @return the sequence
   * @throws IndexOutOfBoundsException if the range is not inside the array
   */
  public static Bytes copyOf(byte[] bytes, int offset, int length) {
    java.util.Objects.checkFromIndexSize(offset, length, bytes.length);
    return length == 0 ? EMPTY : new Bytes(Arrays.copyOfRange(bytes, offset, offset + length));
  }

  /**
   * Parses hexadecimal text: pairs of hex digits in either case; spaces, tabs, line breaks, colons
   * and dashes between pairs are ignored.
   *
   * @param hex the text, e.g. {@code "CC 01 01 00"}
   * @return the bytes
   * @throws IllegalArgumentException if the text has a character that is not a hex digit or a
   *     separator, or an odd number of hex digits; the message names the character index
   */
  public static Bytes fromHex(CharSequence hex) {
    byte[] out = new byte[hex.length() / 2];
    int n = 0;
    int high = -1;
    int highAt = 0;
    for (int i = 0; i < hex.length(); i++) {
      char c = hex.charAt(i);
      int v = Character.digit(c, 16);
      if (v < 0 || c > 'f') {
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == ':' || c == '-') {
          if (high >= 0) {
            throw new IllegalArgumentException(
                "hex: separator inside a byte at index " + i + " (expected two hex digits per byte)");
          }
          continue;
        }
        throw new IllegalArgumentException(
            "hex: unexpected character '" + c + "' at index " + i + " (expected 0-9, A-F)");
      }
      if (high < 0) {
        high = v;
        highAt = i;
      } else {
        out[n++] = (byte) (high << 4 | v);
        high = -1;
      }
    }
    if (high >= 0) {
      throw new IllegalArgumentException(
          "hex: odd number of hex digits, the last one at index " + highAt);
    }
    return n == 0 ? EMPTY : new Bytes(Arrays.copyOf(out, n));
  }

  /**
   * Returns the number of bytes.
   *
   * @return the length
   */
  public int length() {
    return data.length;
  }

  /**
   * Returns whether the sequence has no bytes.
   *
   * @return true when {@link #length()} is 0
   */
  public boolean isEmpty() {
    return data.length == 0;
  }

  /**
   * Returns the byte at {@code index} as an unsigned value.
   *
   * @param index 0 to {@code length() - 1}
   * @return the byte, 0 to 255
   * @throws IndexOutOfBoundsException if {@code index} is out of range
   */
  public int get(int index) {
    return data[index] & 0xFF;
  }

  /**
   * Returns a copy of the bytes.
   *
   * @return a new array
   */
  public byte[] toByteArray() {
    return data.clone();
  }

  /**
   * Copies the bytes into {@code dst} at {@code offset}.
   *
   * @param dst the destination
   * @param offset where to write
   * @throws IndexOutOfBoundsException if the bytes do not fit
   */
  public void copyTo(byte[] dst, int offset) {
    System.arraycopy(data, 0, dst, offset, data.length);
  }

  /**
   * Returns the bytes as upper-case hex with no separators, e.g. {@code CC0101}.
   *
   * @return the hex text
   */
  public String hex() {
    return hex(data, 0, data.length, false);
  }

  static String hex(byte[] b, int off, int len, boolean spaced) {
    StringBuilder sb = new StringBuilder(len * (spaced ? 3 : 2));
    for (int i = 0; i < len; i++) {
      if (spaced && i > 0) {
        sb.append(' ');
      }
      int v = b[off + i] & 0xFF;
      sb.append(HEX[v >>> 4]).append(HEX[v & 0xF]);
    }
    return sb.toString();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Bytes other && Arrays.equals(data, other.data);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(data);
  }

  /** Returns the bytes as upper-case hex separated by spaces, e.g. {@code CC 01 01}. */
  @Override
  public String toString() {
    return hex(data, 0, data.length, true);
  }
}
