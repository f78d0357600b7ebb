package io.ecss.examples.sorm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ecss.examples.CliInputException;
import io.ecss.sorm.Bytes;
import io.ecss.sorm.CallEvent;
import io.ecss.sorm.CallParameters;
import io.ecss.sorm.DigitZero;
import io.ecss.sorm.EventTime;
import io.ecss.sorm.Kpd1Message;
import io.ecss.sorm.Kpd2Message;
import io.ecss.sorm.Ksl;
import io.ecss.sorm.KslGroupEntry;
import io.ecss.sorm.NumberIndicator;
import io.ecss.sorm.PhoneNumber;
import io.ecss.sorm.SelectionFlag;
import io.ecss.sorm.SormCodec;
import io.ecss.sorm.SormFrameType;
import io.ecss.sorm.SormMessage;
import io.ecss.sorm.UnknownFrame;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The JSON form of SORM frames used by {@code ecss sorm decode --json} and {@code ecss sorm encode
 * --json}: one object per frame with {@code code}, {@code name}, {@code type} and one member per
 * record component (nested objects for the call event, numbers as {@code {"indicator", "digits"}},
 * KSLs as {@code "stream/line"} or {@code "none"}, open enums by constant name or {@code "0xNN"},
 * bytes as hex). A frame whose wire form uses a non-default variant (digit 0 as {@code A}, count
 * {@code FF} for no number) carries {@code "encoding"} so that encoding gives back the same bytes.
 */
final class SormJson {
  static final ObjectMapper MAPPER = new ObjectMapper();

  private static final Set<String> META = Set.of("code", "name", "type", "encoding");

  private static final Map<SormFrameType, Class<? extends SormMessage>> CLASSES =
      new EnumMap<>(SormFrameType.class);

  static {
    List<Class<?>> all = new ArrayList<>();
    for (Class<?> sealed :
        List.of(io.ecss.sorm.SormCommand.class, Kpd1Message.class, Kpd2Message.class, Kpd2Message.CallMessage.class)) {
      Class<?>[] permitted = sealed.getPermittedSubclasses();
      if (permitted != null) {
        all.addAll(List.of(permitted));
      }
    }
    for (SormFrameType t : SormFrameType.values()) {
      String simple = recordName(t);
      for (Class<?> c : all) {
        if (c.isRecord() && c.getName().endsWith("$" + simple)
            && c.getEnclosingClass() == enclosing(t)) {
          CLASSES.put(t, c.asSubclass(SormMessage.class));
        }
      }
      if (!CLASSES.containsKey(t)) {
        throw new IllegalStateException("no record class for " + t.name());
      }
    }
  }

  private SormJson() {}

  /** ADD_OBJECT → AddObject; KPD2_TEST_REPLY → TestReply. */
  private static String recordName(SormFrameType t) {
    String n = t == SormFrameType.KPD2_TEST_REPLY ? "TEST_REPLY" : t.name();
    StringBuilder sb = new StringBuilder();
    for (String part : n.split("_", -1)) {
      sb.append(part.charAt(0)).append(part.substring(1).toLowerCase(Locale.ROOT));
    }
    return sb.toString();
  }

  private static Class<?> enclosing(SormFrameType t) {
    return switch (t.channel()) {
      case COMMAND -> io.ecss.sorm.SormCommand.class;
      case KPD1 -> Kpd1Message.class;
      case KPD2 -> Kpd2Message.class;
    };
  }

  // ------------------------------------------------------------------ to JSON

  /**
   * The codec variant that re-encodes {@code frame} byte for byte, or empty when the frame mixes
   * styles (digit 0 as both {@code 0} and {@code A}).
   */
  static java.util.Optional<SormCodec> variantOf(SormMessage m, byte[] frame, int off, int len) {
    SormCodec[] candidates = {
      SormCodec.DEFAULT,
      SormCodec.DEFAULT.withDigitZero(DigitZero.A),
      SormCodec.DEFAULT.withAbsentDigitCount(0xFF),
      SormCodec.DEFAULT.withDigitZero(DigitZero.A).withAbsentDigitCount(0xFF)
    };
    for (SormCodec c : candidates) {
      byte[] again = c.encode(m);
      if (java.util.Arrays.equals(again, 0, again.length, frame, off, off + len)) {
        return java.util.Optional.of(c);
      }
    }
    return java.util.Optional.empty();
  }

  static ObjectNode toJson(SormMessage m, SormCodec variant) {
    ObjectNode o = MAPPER.createObjectNode();
    o.put("code", m.code());
    if (m instanceof UnknownFrame u) {
      o.put("name", "UNKNOWN");
      o.put("type", "unknown frame");
      o.put("sormNumber", u.sormNumber());
      o.put("raw", u.raw().hex());
      return o;
    }
    SormFrameType t = SormFrameType.forCode(m.code()).orElseThrow();
    o.put("name", t.name());
    o.put("type", t.toString());
    if (variant.digitZero() != DigitZero.ZERO || variant.absentDigitCount() != 0) {
      ObjectNode enc = o.putObject("encoding");
      if (variant.digitZero() != DigitZero.ZERO) {
        enc.put("digitZero", variant.digitZero().name());
      }
      if (variant.absentDigitCount() != 0) {
        enc.put("absentDigitCount", variant.absentDigitCount());
      }
    }
    writeComponents(o, (Record) m);
    return o;
  }

  private static void writeComponents(ObjectNode o, Record r) {
    for (RecordComponent rc : r.getClass().getRecordComponents()) {
      o.set(rc.getName(), value(get(rc, r)));
    }
  }

  private static Object get(RecordComponent rc, Object r) {
    try {
      return rc.getAccessor().invoke(r);
    } catch (IllegalAccessException | InvocationTargetException e) {
      throw new IllegalStateException(e);
    }
  }

  private static JsonNode value(Object v) {
    if (v instanceof Integer i) {
      return MAPPER.getNodeFactory().numberNode(i);
    } else if (v instanceof String s) {
      return MAPPER.getNodeFactory().textNode(s);
    } else if (v instanceof PhoneNumber p) {
      ObjectNode n = MAPPER.createObjectNode();
      n.put("indicator", p.indicator().name());
      n.put("digits", p.digits());
      return n;
    } else if (v instanceof Ksl k) {
      return MAPPER.getNodeFactory().textNode(k.toString());
    } else if (v instanceof SelectionFlag f) {
      return MAPPER.getNodeFactory().numberNode(f.code());
    } else if (v instanceof CallParameters p) {
      return MAPPER.getNodeFactory().numberNode(p.code());
    } else if (v instanceof Bytes b) {
      return MAPPER.getNodeFactory().textNode(b.hex());
    } else if (v instanceof List<?> list) {
      ArrayNode a = MAPPER.createArrayNode();
      for (Object e : list) {
        a.add(value(e));
      }
      return a;
    } else if (v instanceof Record r && isOpenEnum(r.getClass())) {
      return MAPPER.getNodeFactory().textNode(openEnumName(r));
    } else if (v instanceof Record r) {
      ObjectNode n = MAPPER.createObjectNode();
      writeComponents(n, r);
      return n;
    }
    throw new IllegalStateException("no JSON form for " + v.getClass());
  }

  private static boolean isOpenEnum(Class<?> c) {
    try {
      c.getMethod("parse", String.class);
      return c.getPackageName().equals("io.ecss.sorm");
    } catch (NoSuchMethodException e) {
      return false;
    }
  }

  private static String openEnumName(Record r) {
    try {
      return (String) r.getClass().getMethod("name").invoke(r);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }

  // ------------------------------------------------------------------ from JSON

  /** One parsed frame: the message and the codec variant its JSON asks for. */
  record Frame(SormMessage message, SormCodec codec) {}

  static List<Frame> parse(String json, String source) {
    JsonNode root;
    try {
      root = MAPPER.readTree(json);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      com.fasterxml.jackson.core.JsonLocation loc = e.getLocation();
      throw new CliInputException(
          source
              + ": not valid JSON"
              + (loc != null ? " at line " + loc.getLineNr() + ", column " + loc.getColumnNr() : "")
              + ": "
              + e.getOriginalMessage());
    }
    if (root == null || root.isMissingNode()) {
      throw new CliInputException(source + ": empty input (expected a JSON object or array)");
    }
    List<JsonNode> items = new ArrayList<>();
    if (root.isArray()) {
      root.forEach(items::add);
    } else {
      items.add(root);
    }
    List<Frame> out = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      String where = source + ": frame " + (i + 1);
      try {
        out.add(frame(items.get(i), where));
      } catch (IllegalArgumentException | NullPointerException e) {
        throw new CliInputException(where + ": " + e.getMessage());
      }
    }
    return out;
  }

  private static Frame frame(JsonNode n, String where) {
    if (!n.isObject()) {
      throw new CliInputException(where + ": expected a JSON object, found " + n.getNodeType());
    }
    SormCodec codec = SormCodec.DEFAULT;
    JsonNode enc = n.get("encoding");
    if (enc != null) {
      if (enc.has("digitZero")) {
        codec = codec.withDigitZero(DigitZero.valueOf(text(enc.get("digitZero"), "encoding.digitZero").toUpperCase(Locale.ROOT)));
      }
      if (enc.has("absentDigitCount")) {
        codec = codec.withAbsentDigitCount(integer(enc.get("absentDigitCount"), "encoding.absentDigitCount"));
      }
    }
    JsonNode codeNode = n.get("code");
    if (codeNode == null) {
      throw new CliInputException(where + ": missing field \"code\"");
    }
    int code = integer(codeNode, "code");
    java.util.Optional<SormFrameType> type = SormFrameType.forCode(code);
    if (type.isEmpty()) {
      checkFields(n, Set.of("sormNumber", "raw"), where);
      UnknownFrame u = new UnknownFrame(Bytes.fromHex(text(required(n, "raw", where), "raw")));
      if (u.code() != code) {
        throw new CliInputException(
            where + ": code " + code + " disagrees with the code in \"raw\" (" + u.code() + ")");
      }
      return new Frame(u, codec);
    }
    Class<? extends SormMessage> cls = CLASSES.get(type.get());
    return new Frame((SormMessage) build(cls, n, where, ""), codec);
  }

  private static void checkFields(JsonNode n, Set<String> allowed, String where) {
    for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
      String f = it.next();
      if (!allowed.contains(f) && !META.contains(f)) {
        throw new CliInputException(where + ": unknown field \"" + f + "\"");
      }
    }
  }

  private static JsonNode required(JsonNode n, String field, String where) {
    JsonNode v = n.get(field);
    if (v == null || v.isNull()) {
      throw new CliInputException(where + ": missing field \"" + field + "\"");
    }
    return v;
  }

  private static Object build(Class<?> cls, JsonNode n, String where, String prefix) {
    if (!n.isObject()) {
      throw new CliInputException(where + ": " + prefix + " must be a JSON object");
    }
    RecordComponent[] rcs = cls.getRecordComponents();
    Set<String> names = new java.util.HashSet<>();
    Class<?>[] types = new Class<?>[rcs.length];
    Object[] args = new Object[rcs.length];
    for (int i = 0; i < rcs.length; i++) {
      names.add(rcs[i].getName());
      types[i] = rcs[i].getType();
      String field = prefix + rcs[i].getName();
      args[i] = convert(rcs[i].getGenericType(), required(n, rcs[i].getName(), where + (prefix.isEmpty() ? "" : " in " + prefix.substring(0, prefix.length() - 1))), field, where);
    }
    if (prefix.isEmpty()) {
      checkFields(n, names, where);
    } else {
      for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
        String f = it.next();
        if (!names.contains(f)) {
          throw new CliInputException(where + ": unknown field \"" + prefix + f + "\"");
        }
      }
    }
    try {
      Constructor<?> c = cls.getDeclaredConstructor(types);
      return c.newInstance(args);
    } catch (InvocationTargetException e) {
      Throwable cause = e.getCause();
      throw new CliInputException(where + ": " + (cause != null ? cause.getMessage() : e));
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Object convert(Type type, JsonNode v, String field, String where) {
    if (type == int.class) {
      return integer(v, field);
    } else if (type == String.class) {
      return text(v, field);
    } else if (type == PhoneNumber.class) {
      if (!v.isObject()) {
        throw new IllegalArgumentException(field + ": expected {\"indicator\": …, \"digits\": …}");
      }
      for (Iterator<String> it = v.fieldNames(); it.hasNext(); ) {
        String f = it.next();
        if (!f.equals("indicator") && !f.equals("digits")) {
          throw new IllegalArgumentException(field + ": unknown field \"" + f + "\"");
        }
      }
      JsonNode ind = v.get("indicator");
      JsonNode digits = v.get("digits");
      if (ind == null || digits == null) {
        throw new IllegalArgumentException(field + ": needs \"indicator\" and \"digits\"");
      }
      NumberIndicator i =
          ind.isInt() ? NumberIndicator.of(ind.intValue()) : NumberIndicator.parse(text(ind, field + ".indicator"));
      return PhoneNumber.of(i, text(digits, field + ".digits"));
    } else if (type == Ksl.class) {
      if (v.isInt()) {
        return Ksl.of(v.intValue());
      }
      String s = text(v, field).trim();
      if (s.equalsIgnoreCase("none")) {
        return Ksl.NONE;
      }
      int slash = s.indexOf('/');
      try {
        if (slash > 0) {
          return new Ksl(
              Integer.parseInt(s.substring(0, slash)), Integer.parseInt(s.substring(slash + 1)));
        }
      } catch (NumberFormatException e) {
        // fall through to the message below
      }
      throw new IllegalArgumentException(field + ": \"" + s + "\" (expected \"stream/line\" or \"none\")");
    } else if (type == SelectionFlag.class) {
      return new SelectionFlag(integer(v, field));
    } else if (type == CallParameters.class) {
      return new CallParameters(integer(v, field));
    } else if (type == Bytes.class) {
      return Bytes.fromHex(text(v, field));
    } else if (type == EventTime.class || type == CallEvent.class || type == KslGroupEntry.class) {
      return build((Class<?>) type, v, where, field + ".");
    } else if (type instanceof ParameterizedType p && p.getRawType() == List.class) {
      if (!v.isArray()) {
        throw new IllegalArgumentException(field + ": expected a JSON array");
      }
      List<Object> out = new ArrayList<>();
      for (int i = 0; i < v.size(); i++) {
        out.add(convert(p.getActualTypeArguments()[0], v.get(i), field + "[" + i + "]", where));
      }
      return out;
    } else if (type instanceof Class<?> c && isOpenEnum(c)) {
      try {
        if (v.isInt()) {
          return c.getMethod("of", int.class).invoke(null, v.intValue());
        }
        Method parse = c.getMethod("parse", String.class);
        return parse.invoke(null, text(v, field));
      } catch (InvocationTargetException e) {
        Throwable cause = e.getCause();
        throw new IllegalArgumentException(field + ": " + (cause != null ? cause.getMessage() : e), e);
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException(e);
      }
    }
    throw new IllegalStateException("no JSON conversion for " + type);
  }

  private static int integer(JsonNode v, String field) {
    if (v.isInt()) {
      return v.intValue();
    }
    if (v.isTextual()) {
      String s = v.textValue().trim();
      try {
        return s.regionMatches(true, 0, "0x", 0, 2)
            ? Integer.parseInt(s.substring(2), 16)
            : Integer.parseInt(s);
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(field + ": \"" + s + "\" is not a number", e);
      }
    }
    if (v.isNumber()) {
      // 1.5, 1e3, 4294967296: a number, but not a 32-bit integer
      throw new IllegalArgumentException(field + ": " + v.asText() + " is not an integer in the 32-bit range");
    }
    throw new IllegalArgumentException(field + ": expected a number, found " + v.getNodeType());
  }

  private static String text(JsonNode v, String field) {
    if (!v.isTextual()) {
      throw new IllegalArgumentException(field + ": expected a string, found " + v.getNodeType());
    }
    return v.textValue();
  }
}
