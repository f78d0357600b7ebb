package io.ecss.sorm;

import java.nio.charset.StandardCharsets;

/**
 * Byte-level readers and writers shared by the layouts. Readers take the absolute position and
 * the frame start, and report errors at {@code position - frameStart}.
 */
final class Wire {
  /**
   * Per-thread scratch for the digits of a number, so that decoding allocates only the result
   * objects (the digit string copies from it).
   */
  private static final ThreadLocal<byte[]> DIGITS = ThreadLocal.withInitial(() -> new byte[18]);

  private Wire() {}

  static int u8(byte[] b, int i) {
    return b[i] & 0xFF;
  }

  static int u16(byte[] b, int i) {
    return (b[i] & 0xFF) | (b[i + 1] & 0xFF) << 8;
  }

  static int u24be(byte[] b, int i) {
    return (b[i] & 0xFF) << 16 | (b[i + 1] & 0xFF) << 8 | (b[i + 2] & 0xFF);
  }

  static void put16(byte[] b, int i, int v) {
    b[i] = (byte) v;
    b[i + 1] = (byte) (v >>> 8);
  }

  static void put24be(byte[] b, int i, int v) {
    b[i] = (byte) (v >>> 16);
    b[i + 1] = (byte) (v >>> 8);
    b[i + 2] = (byte) v;
  }

  static SormDecodeException error(String field, String problem, int pos, int frameStart) {
    return new SormDecodeException(field, problem, pos - frameStart);
  }

  // ---- number block (notes §1.1): indicator, count, 9 bytes BCD, first digit in the low nibble

  static PhoneNumber readNumber(byte[] b, int i, int frameStart, String field) {
    int ind = b[i] & 0xFF;
    int count = b[i + 1] & 0xFF;
    if (count == 0 || count == 0xFF) {
      for (int k = 0; k < 9; k++) {
        if (b[i + 2 + k] != (byte) 0xFF) {
          throw error(
              field + ".digits",
              "byte "
                  + CodeTable.hex(b[i + 2 + k] & 0xFF)
                  + " in a number with digit count "
                  + CodeTable.hex(count)
                  + " (expected filler 0xFF)",
              i + 2 + k,
              frameStart);
        }
      }
      return ind == 0xFF ? PhoneNumber.NONE : new PhoneNumber(NumberIndicator.of(ind), "");
    }
    if (count > PhoneNumber.MAX_DIGITS) {
      throw error(
          field + ".count",
          count + " digits (expected 0..18, or 0xFF for no number)",
          i + 1,
          frameStart);
    }
    byte[] c = DIGITS.get();
    for (int k = 0; k < 18; k++) {
      int pos = i + 2 + (k >>> 1);
      int nib = (k & 1) == 0 ? b[pos] & 0xF : (b[pos] >>> 4) & 0xF;
      if (k < count) {
        if (nib <= 9) {
          c[k] = (byte) ('0' + nib);
        } else if (nib == 0xA) {
          c[k] = '0';
        } else {
          throw error(
              field + ".digits",
              "nibble " + Integer.toHexString(nib).toUpperCase(java.util.Locale.ROOT)
                  + " at digit " + (k + 1) + " of " + count + " (expected 0-9, or A for 0)",
              pos,
              frameStart);
        }
      } else if (nib != 0xF) {
        throw error(
            field + ".digits",
            "nibble " + Integer.toHexString(nib).toUpperCase(java.util.Locale.ROOT)
                + " after the " + count + " counted digits (expected filler F)",
            pos,
            frameStart);
      }
    }
    return new PhoneNumber(NumberIndicator.of(ind), new String(c, 0, count, StandardCharsets.ISO_8859_1));
  }

  static void writeNumber(byte[] b, int i, PhoneNumber n, int zeroNibble, int absentCount) {
    b[i] = (byte) n.indicator().code();
    String d = n.digits();
    int count = d.length();
    b[i + 1] = (byte) (count == 0 ? absentCount : count);
    for (int k = 0; k < 9; k++) {
      int lo = 2 * k < count ? nibble(d.charAt(2 * k), zeroNibble) : 0xF;
      int hi = 2 * k + 1 < count ? nibble(d.charAt(2 * k + 1), zeroNibble) : 0xF;
      b[i + 2 + k] = (byte) (hi << 4 | lo);
    }
  }

  private static int nibble(char digit, int zeroNibble) {
    int v = digit - '0';
    return v == 0 ? zeroNibble : v;
  }

  // ---- event time (notes §1.3): day, hour, minute, second; BCD, tens digit in the low nibble

  static EventTime readTime(byte[] b, int i, int frameStart, String field) {
    int day = bcd(b, i, frameStart, field + ".day", 1, 31);
    int hour = bcd(b, i + 1, frameStart, field + ".hour", 0, 23);
    int minute = bcd(b, i + 2, frameStart, field + ".minute", 0, 59);
    int second = bcd(b, i + 3, frameStart, field + ".second", 0, 59);
    return new EventTime(day, hour, minute, second);
  }

  private static int bcd(byte[] b, int i, int frameStart, String field, int min, int max) {
    int tens = b[i] & 0xF;
    int units = (b[i] >>> 4) & 0xF;
    if (tens > 9 || units > 9) {
      throw error(
          field,
          "byte " + CodeTable.hex(b[i] & 0xFF) + " is not BCD (expected tens in the low nibble, "
              + "units in the high nibble, each 0-9)",
          i,
          frameStart);
    }
    int v = tens * 10 + units;
    if (v < min || v > max) {
      throw error(field, v + " (expected " + min + ".." + max + ")", i, frameStart);
    }
    return v;
  }

  static void writeTime(byte[] b, int i, EventTime t) {
    b[i] = bcd(t.day());
    b[i + 1] = bcd(t.hour());
    b[i + 2] = bcd(t.minute());
    b[i + 3] = bcd(t.second());
  }

  private static byte bcd(int v) {
    return (byte) ((v % 10) << 4 | v / 10);
  }

  // ---- text padded with FF, single-byte characters

  static String readText(byte[] b, int i, int len, int frameStart, String field) {
    int end = i;
    while (end < i + len && b[end] != (byte) 0xFF) {
      end++;
    }
    for (int k = end; k < i + len; k++) {
      if (b[k] != (byte) 0xFF) {
        throw error(
            field,
            "byte " + CodeTable.hex(b[k] & 0xFF) + " after the 0xFF filler (expected 0xFF)",
            k,
            frameStart);
      }
    }
    return new String(b, i, end - i, StandardCharsets.ISO_8859_1);
  }

  static void writeText(byte[] b, int i, int len, String s) {
    int n = s.length();
    for (int k = 0; k < len; k++) {
      b[i + k] = k < n ? (byte) s.charAt(k) : (byte) 0xFF;
    }
  }

  static String readLatin1(byte[] b, int i, int len) {
    return new String(b, i, len, StandardCharsets.ISO_8859_1);
  }

  static void expectFf(byte[] b, int i, int len, int frameStart, String field) {
    for (int k = i; k < i + len; k++) {
      if (b[k] != (byte) 0xFF) {
        throw error(
            field, "byte " + CodeTable.hex(b[k] & 0xFF) + " (expected filler 0xFF)", k, frameStart);
      }
    }
  }
}
