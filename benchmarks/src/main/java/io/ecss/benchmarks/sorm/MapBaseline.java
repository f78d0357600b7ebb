package io.ecss.benchmarks.sorm;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * The baseline the issue names: a straightforward decoder that copies the fields of a frame into a
 * {@code Map<String,Object>} via {@link ByteBuffer}, and the matching encoder from such a map. It
 * knows the layouts used in the benchmarks (commands 5 and 14, messages 7, 8, 9 and 1.1) and does
 * the checks a first version would: preamble, length, digit nibbles.
 */
final class MapBaseline {
  private MapBaseline() {}

  static Map<String, Object> decode(ByteBuffer b) {
    ByteBuffer in = b.order(ByteOrder.LITTLE_ENDIAN);
    int start = in.position();
    Map<String, Object> m = new HashMap<>();
    if ((in.get() & 0xFF) != 0xCC) {
      throw new IllegalArgumentException("bad preamble at " + start);
    }
    m.put("sormNumber", in.get() & 0xFF);
    int code = in.get() & 0xFF;
    m.put("code", code);
    int len = in.get() & 0xFF;
    int header = code >= 0x40 ? 12 : 10;
    if (in.remaining() < header - 4 + len) {
      throw new IllegalArgumentException("truncated frame at " + start);
    }
    if (code < 0x20) {
      byte[] pw = new byte[6];
      in.get(pw);
      m.put("password", new String(pw, StandardCharsets.ISO_8859_1));
    } else if (code < 0x40) {
      m.put("messageCount", in.getShort() & 0xFFFF);
      m.put("messageNumber", in.getShort() & 0xFFFF);
      m.put("reserve", in.get() & 0xFF);
      m.put("version", in.get() & 0xFF);
    } else {
      m.put("callNumber", in.getShort() & 0xFFFF);
      m.put("objectType", in.get() & 0xFF);
      m.put("objectNumber", in.getShort() & 0xFFFF);
      m.put("selection", in.get() & 0xFF);
      m.put("callParameters", in.get() & 0xFF);
      m.put("phase", in.get() & 0xFF);
    }
    switch (code) {
      case 0x05 -> {
        m.put("objectNumber", in.getShort() & 0xFFFF);
        m.put("objectType", in.get() & 0xFF);
        number(in, m, "");
        m.put("trunkGroup", in.getShort() & 0xFFFF);
        m.put("category", in.get() & 0xFF);
        m.put("kslGroup", in.get() & 0xFF);
        m.put("priority", in.get() & 0xFF);
      }
      case 0x0E -> m.put("testNumber", in.get() & 0xFF);
      case 0x27, 0x28 -> {
        m.put("commandCode", in.get() & 0xFF);
        m.put("status", in.get() & 0xFF);
      }
      case 0x29 -> {
        m.put("testNumber", in.get() & 0xFF);
        m.put("kpd1State", in.get() & 0xFF);
        m.put("kpd2State", in.get() & 0xFF);
      }
      case 0x41 -> {
        number(in, m, "a.");
        number(in, m, "b.");
        m.put("trunkGroup", in.getShort() & 0xFFFF);
        m.put("kslA", in.get() & 0xFF);
        m.put("kslB", in.get() & 0xFF);
        m.put("day", bcd(in.get()));
        m.put("hour", bcd(in.get()));
        m.put("minute", bcd(in.get()));
        m.put("second", bcd(in.get()));
        m.put("priority", in.get() & 0xFF);
        m.put("operation", in.get() & 0xFF);
        byte[] svc = new byte[3];
        in.get(svc);
        m.put("serviceCode", svc);
        m.put("additionalCode", in.get() & 0xFF);
      }
      default -> {
        byte[] body = new byte[len];
        in.get(body);
        m.put("body", body);
      }
    }
    return m;
  }

  private static int bcd(byte v) {
    return (v & 0xF) * 10 + ((v >>> 4) & 0xF);
  }

  private static void number(ByteBuffer in, Map<String, Object> m, String prefix) {
    m.put(prefix + "indicator", in.get() & 0xFF);
    int count = in.get() & 0xFF;
    StringBuilder digits = new StringBuilder();
    for (int i = 0; i < 9; i++) {
      int v = in.get() & 0xFF;
      int[] nibbles = {v & 0xF, v >>> 4};
      for (int nib : nibbles) {
        if (digits.length() < count && count != 0xFF) {
          if (nib > 0xA) {
            throw new IllegalArgumentException("bad digit nibble " + nib);
          }
          digits.append((char) ('0' + (nib == 0xA ? 0 : nib)));
        }
      }
    }
    m.put(prefix + "digits", digits.toString());
  }

  /** Encodes a command-5 or message-1.1 map into {@code out} from position 0; returns the length. */
  static int encode(Map<String, Object> m, ByteBuffer out) {
    out.clear();
    out.order(ByteOrder.LITTLE_ENDIAN);
    int code = (Integer) m.get("code");
    out.put((byte) 0xCC);
    out.put((byte) (int) (Integer) m.get("sormNumber"));
    out.put((byte) code);
    if (code == 0x05) {
      out.put((byte) 19);
      out.put(((String) m.get("password")).getBytes(StandardCharsets.ISO_8859_1));
      out.putShort((short) (int) (Integer) m.get("objectNumber"));
      out.put((byte) (int) (Integer) m.get("objectType"));
      putNumber(out, m, "");
      out.putShort((short) (int) (Integer) m.get("trunkGroup"));
      out.put((byte) (int) (Integer) m.get("category"));
      out.put((byte) (int) (Integer) m.get("kslGroup"));
      out.put((byte) (int) (Integer) m.get("priority"));
    } else {
      out.put((byte) 36);
      out.putShort((short) (int) (Integer) m.get("callNumber"));
      out.put((byte) (int) (Integer) m.get("objectType"));
      out.putShort((short) (int) (Integer) m.get("objectNumber"));
      out.put((byte) (int) (Integer) m.get("selection"));
      out.put((byte) (int) (Integer) m.get("callParameters"));
      out.put((byte) (int) (Integer) m.get("phase"));
      putNumber(out, m, "a.");
      putNumber(out, m, "b.");
      out.putShort((short) (int) (Integer) m.get("trunkGroup"));
      out.put((byte) (int) (Integer) m.get("kslA"));
      out.put((byte) (int) (Integer) m.get("kslB"));
      for (String f : new String[] {"day", "hour", "minute", "second"}) {
        int v = (Integer) m.get(f);
        out.put((byte) ((v % 10) << 4 | v / 10));
      }
      out.put((byte) (int) (Integer) m.get("priority"));
      out.put((byte) (int) (Integer) m.get("operation"));
      out.put((byte[]) m.get("serviceCode"));
      out.put((byte) (int) (Integer) m.get("additionalCode"));
    }
    return out.position();
  }

  private static void putNumber(ByteBuffer out, Map<String, Object> m, String prefix) {
    out.put((byte) (int) (Integer) m.get(prefix + "indicator"));
    String d = (String) m.get(prefix + "digits");
    out.put((byte) d.length());
    for (int i = 0; i < 9; i++) {
      int lo = 2 * i < d.length() ? d.charAt(2 * i) - '0' : 0xF;
      int hi = 2 * i + 1 < d.length() ? d.charAt(2 * i + 1) - '0' : 0xF;
      out.put((byte) (hi << 4 | lo));
    }
  }
}
