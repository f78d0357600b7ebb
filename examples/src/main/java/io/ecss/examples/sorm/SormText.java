package io.ecss.examples.sorm;

import io.ecss.sorm.CallEvent;
import io.ecss.sorm.CallParameters;
import io.ecss.sorm.Kpd1Message;
import io.ecss.sorm.Kpd2Message;
import io.ecss.sorm.Ksl;
import io.ecss.sorm.PhoneNumber;
import io.ecss.sorm.SormFrameType;
import io.ecss.sorm.SormMessage;
import io.ecss.sorm.StatusCode;
import java.time.Duration;
import java.util.Locale;

/**
 * One-line, human-readable forms of the SORM messages the console commands and the demo print:
 * replies (messages 7 and 8 with the status code in hex, its name and description), table data
 * and КПД2 call events. Descriptions are English or Russian; labels stay English.
 */
final class SormText {
  static final Locale RUSSIAN = Locale.forLanguageTag("ru");

  private final Locale lang;
  private final boolean times;

  SormText(Locale lang) {
    this(lang, true);
  }

  /**
   * @param times whether event lines show the event time ({@code false} for output that must not
   *     depend on the clock, such as the demo)
   */
  SormText(Locale lang, boolean times) {
    this.lang = lang;
    this.times = times;
  }

  /** {@code "message 7 (command receipt)"}, or the Russian title with {@code --lang ru}. */
  String title(SormMessage m) {
    return SormFrameType.forCode(m.code())
        .map(this::title)
        .orElse(String.format(Locale.ROOT, "unknown frame 0x%02X", m.code()));
  }

  String title(SormFrameType t) {
    boolean ru = isRussian();
    return (t.channel() == SormFrameType.Channel.COMMAND ? "command " : "message ")
        + t.number()
        + " ("
        + (ru ? t.russian() : t.english())
        + ")";
  }

  private boolean isRussian() {
    return "ru".equals(lang.getLanguage());
  }

  /** {@code 0x16 START_REFUSED_ALREADY_STARTED ("start SORM" refused: already started)}. */
  String status(StatusCode s) {
    return hex(s.code()) + " " + s.name() + " (" + s.description(lang) + ")";
  }

  static String hex(int code) {
    return String.format(Locale.ROOT, "0x%02X", code);
  }

  /** The status that explains a refusal: message 8's when it is not OK, else message 7's. */
  static StatusCode refusal(Kpd1Message.Receipt r, Kpd1Message.Execution e) {
    return e.status().isSuccess() ? r.status() : e.status();
  }

  /** A reply, data or spontaneous КПД1 message on one line. */
  String kpd1(Kpd1Message m) {
    String head = title(m);
    if (m instanceof Kpd1Message.Receipt r) {
      return head + ", command " + r.commandCode() + ": " + status(r.status());
    } else if (m instanceof Kpd1Message.Execution e) {
      return head + ", command " + e.commandCode() + ": " + status(e.status());
    } else if (m instanceof Kpd1Message.TestReply t) {
      return head + ": test " + t.testNumber() + ", КПД1 state " + hex(t.kpd1State()) + ", КПД2 state "
          + hex(t.kpd2State());
    } else if (m instanceof Kpd1Message.SoftwareVersion v) {
      return head + ": \"" + v.version() + "\", node type " + v.nodeType().name() + " ("
          + v.nodeType().description(lang) + ")";
    } else if (m instanceof Kpd1Message.Intrusion i) {
      return head + ": " + i.intrusionType().name() + " (" + i.intrusionType().description(lang) + ") at "
          + i.time() + ", \"" + i.text() + "\"";
    } else if (m instanceof Kpd1Message.ObjectRecord o) {
      return head + " " + page(o) + ": object " + o.objectNumber() + ", " + o.objectType().name() + ", "
          + number(o.number()) + ", " + o.category().name() + ", KSL group " + group(o.kslGroup())
          + ", priority " + o.priority().name();
    } else if (m instanceof Kpd1Message.KslGroupTable t) {
      StringBuilder sb = new StringBuilder(head).append(' ').append(page(m)).append(':');
      if (t.entries().isEmpty()) {
        sb.append(" no KSL groups");
      }
      String sep = " ";
      for (io.ecss.sorm.KslGroupEntry e : t.entries()) {
        sb.append(sep).append("group ").append(e.group()).append(' ').append(e.type().name()).append(" KSL-A ")
            .append(e.kslA()).append(" KSL-B ").append(e.kslB());
        sep = "; ";
      }
      return sb.toString();
    } else if (m instanceof Kpd1Message.ServiceList l) {
      StringBuilder sb = new StringBuilder(head).append(": ").append(number(l.number())).append(':');
      if (l.services().isEmpty()) {
        sb.append(" no services");
      }
      String sep = " ";
      for (io.ecss.sorm.ServiceCode c : l.services()) {
        sb.append(sep).append(hex(c.code())).append(' ').append(c.name()).append(" (").append(c.description(lang)).append(')');
        sep = ", ";
      }
      return sb.toString();
    } else if (m instanceof Kpd1Message.TrunkGroupName n) {
      return head + ": trunk group " + n.trunkGroup() + " is \"" + n.name() + "\"";
    } else if (m instanceof Kpd1Message.Failure f) {
      return head + ": " + f.failureType().name() + " (" + f.failureType().description(lang) + "), "
          + f.failureCode().name() + " (" + f.failureCode().description(lang) + ")";
    } else if (m instanceof Kpd1Message.Restart) {
      return head;
    }
    return head + " " + page(m) + ": " + m;
  }

  private static String page(Kpd1Message m) {
    return m.messageNumber() + " of " + m.messageCount();
  }

  static String group(int kslGroup) {
    return kslGroup == 0xFF ? "none" : String.valueOf(kslGroup);
  }

  static String number(PhoneNumber n) {
    return n.isPresent() ? n.digits() + " (" + n.indicator().name() + ")" : "no number";
  }

  /** A КПД2 message (call event or message 2.3) on one line. */
  String kpd2(Kpd2Message m) {
    String head = title(m);
    if (m instanceof Kpd2Message.TestReply t) {
      return head + ": test " + t.testNumber() + ", КПД1 state " + hex(t.kpd1State()) + ", КПД2 state "
          + hex(t.kpd2State());
    }
    Kpd2Message.CallMessage c = (Kpd2Message.CallMessage) m;
    CallEvent e = c.event();
    StringBuilder sb = new StringBuilder(head);
    sb.append(": call ").append(e.callNumber())
        .append(", object ").append(e.objectNumber()).append(' ').append(e.objectType().name())
        .append(", ").append(direction(e.parameters()))
        .append(", A ").append(number(e.a()))
        .append(", B ").append(number(e.b()));
    if (e.trunkGroup() != CallEvent.NO_TRUNK_GROUP) {
      sb.append(", trunk group ").append(e.trunkGroup());
    }
    if (!e.kslA().equals(Ksl.NONE) || !e.kslB().equals(Ksl.NONE)) {
      sb.append(", KSL-A ").append(e.kslA()).append(", KSL-B ").append(e.kslB());
    }
    if (e.serviceCode() != CallEvent.NO_SERVICE) {
      sb.append(String.format(Locale.ROOT, ", service 0x%06X", e.serviceCode()));
    }
    if (times) {
      sb.append(", at ").append(e.time());
    }
    if (c instanceof Kpd2Message.Release r) {
      sb.append(", cause ").append(hex(r.operation().code())).append(' ').append(r.operation().name())
          .append(" (").append(r.operation().description(lang)).append(')');
    } else if (c instanceof Kpd2Message.KslReleased r) {
      sb.append(", reason ").append(hex(r.operation().code())).append(' ').append(r.operation().name())
          .append(" (").append(r.operation().description(lang)).append(')');
    } else {
      String op = operationName(c);
      sb.append(", KSL ").append(hex(c.operationCode())).append(' ').append(op);
    }
    return sb.toString();
  }

  private String operationName(Kpd2Message.CallMessage c) {
    if (c instanceof Kpd2Message.CalledNumberReceived x) {
      return x.operation().name() + " (" + x.operation().description(lang) + ")";
    } else if (c instanceof Kpd2Message.Answer x) {
      return x.operation().name() + " (" + x.operation().description(lang) + ")";
    } else if (c instanceof Kpd2Message.ServiceUsed x) {
      return x.operation().name() + " (" + x.operation().description(lang) + ")";
    } else if (c instanceof Kpd2Message.KslConnected x) {
      return x.operation().name() + " (" + x.operation().description(lang) + ")";
    }
    return "";
  }

  private static String direction(CallParameters p) {
    return switch (p.direction()) {
      case 1 -> "outgoing";
      case 2 -> "incoming";
      case 4 -> "international transit";
      case 8 -> "long-distance transit";
      case 0xC -> "intra-station";
      default -> "direction " + p.direction();
    };
  }

  /** {@code 500 ms}, {@code 5 s}. */
  static String duration(Duration d) {
    long ms = d.toMillis();
    return ms % 1000 == 0 ? ms / 1000 + " s" : ms + " ms";
  }

  /**
   * Parses a duration: {@code 500ms}, {@code 5s}, {@code 2m}, {@code 1h}, a bare number of seconds
   * or ISO-8601 ({@code PT5S}).
   */
  static Duration parseDuration(String text) {
    String t = text.trim().toLowerCase(Locale.ROOT);
    try {
      Duration d;
      if (t.startsWith("p")) {
        d = Duration.parse(t.toUpperCase(Locale.ROOT));
      } else if (t.endsWith("ms")) {
        d = Duration.ofMillis(Long.parseLong(t.substring(0, t.length() - 2).trim()));
      } else if (t.endsWith("s")) {
        d = Duration.ofMillis(Math.round(Double.parseDouble(t.substring(0, t.length() - 1).trim()) * 1000));
      } else if (t.endsWith("m")) {
        d = Duration.ofMinutes(Long.parseLong(t.substring(0, t.length() - 1).trim()));
      } else if (t.endsWith("h")) {
        d = Duration.ofHours(Long.parseLong(t.substring(0, t.length() - 1).trim()));
      } else {
        d = Duration.ofMillis(Math.round(Double.parseDouble(t) * 1000));
      }
      if (d.isNegative()) {
        throw new IllegalArgumentException("\"" + text + "\" is negative");
      }
      return d;
    } catch (NumberFormatException | java.time.format.DateTimeParseException e) {
      throw new IllegalArgumentException(
          "\"" + text + "\" is not a duration (expected e.g. 500ms, 5s, 2m, 1h or PT5S)", e);
    }
  }

  /** picocli converter for {@link #parseDuration}. */
  static final class DurationConverter implements picocli.CommandLine.ITypeConverter<Duration> {
    @Override
    public Duration convert(String value) {
      try {
        return parseDuration(value);
      } catch (IllegalArgumentException e) {
        throw new picocli.CommandLine.TypeConversionException(e.getMessage());
      }
    }
  }
}
