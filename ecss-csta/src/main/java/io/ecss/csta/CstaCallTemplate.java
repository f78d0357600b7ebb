package io.ecss.csta;

import static java.util.Objects.requireNonNull;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A call-centre URL or text template with ECSS-10 macros, e.g. {@code
 * https://crm.example/card?phone=%CGPN.digits%&agent=%AGENT_ID%}.
 *
 * <p>Macros: {@value #MACRO_LIST}. Text such as {@code %20} or {@code %FOO%} that is not a macro is
 * kept as it is. When the template is a URL (starts with {@code http://} or {@code https://}),
 * values are percent-encoded as UTF-8 (RFC 3986 unreserved characters kept, space as {@code %20});
 * otherwise they are inserted verbatim. A macro without a value renders empty, except {@code
 * %DATE%} ({@code yyyy-MM-dd}) and {@code %TIME%} ({@code HH:mm:ss}), which default to the clock.
 *
 * <p>Immutable and thread-safe.
 */
public final class CstaCallTemplate {

  /** The macro names, comma separated (for documentation). */
  public static final String MACRO_LIST =
      "CGPN.digits, CDPN.digits, CGPN.display_name, CDPN.display_name, DATE, TIME, AGENT_ID, QUEUE_ID,"
          + " WORKITEM_ID, CALL_REF";

  /** The macro names, without the surrounding percent signs. */
  public static final List<String> MACROS =
      List.of(
          "CGPN.digits",
          "CDPN.digits",
          "CGPN.display_name",
          "CDPN.display_name",
          "DATE",
          "TIME",
          "AGENT_ID",
          "QUEUE_ID",
          "WORKITEM_ID",
          "CALL_REF");

  private final String text;
  private final boolean url;
  private final List<Object> parts; // String literal or Macro

  private record Macro(String name) {}

  private CstaCallTemplate(String text, boolean url, List<Object> parts) {
    this.text = text;
    this.url = url;
    this.parts = parts;
  }

  /**
   * Parses a template.
   *
   * @param text the template
   * @return the template
   */
  public static CstaCallTemplate parse(String text) {
    requireNonNull(text, "text");
    List<Object> parts = new ArrayList<>();
    StringBuilder lit = new StringBuilder();
    int i = 0;
    outer:
    while (i < text.length()) {
      char c = text.charAt(i);
      if (c == '%') {
        for (String m : MACROS) {
          int end = i + 1 + m.length();
          if (text.startsWith(m, i + 1) && end < text.length() && text.charAt(end) == '%') {
            if (lit.length() > 0) {
              parts.add(lit.toString());
              lit.setLength(0);
            }
            parts.add(new Macro(m));
            i = end + 1;
            continue outer;
          }
        }
      }
      lit.append(c);
      i++;
    }
    if (lit.length() > 0) {
      parts.add(lit.toString());
    }
    String lower = text.toLowerCase(Locale.ROOT);
    return new CstaCallTemplate(
        text, lower.startsWith("http://") || lower.startsWith("https://"), List.copyOf(parts));
  }

  /**
   * Whether values are percent-encoded.
   *
   * @return {@code true} for {@code http://} and {@code https://} templates
   */
  public boolean isUrl() {
    return url;
  }

  /**
   * The macros the template uses, in order of first use.
   *
   * @return macro names without percent signs
   */
  public List<String> macros() {
    List<String> out = new ArrayList<>();
    for (Object p : parts) {
      if (p instanceof Macro m && !out.contains(m.name())) {
        out.add(m.name());
      }
    }
    return List.copyOf(out);
  }

  /**
   * Renders with the system clock in the system default time zone for {@code %DATE%} and {@code
   * %TIME%}.
   *
   * @param values macro name (without percent signs) to value
   * @return the rendered text
   * @throws IllegalArgumentException if a key is not a known macro
   */
  public String render(Map<String, String> values) {
    return render(values, Clock.system(java.time.ZoneId.systemDefault()));
  }

  /**
   * Renders the template.
   *
   * @param values macro name (without percent signs) to value
   * @param clock the clock for {@code %DATE%} and {@code %TIME%} when not given
   * @return the rendered text
   * @throws IllegalArgumentException if a key is not a known macro
   */
  public String render(Map<String, String> values, Clock clock) {
    for (String k : values.keySet()) {
      if (!MACROS.contains(k)) {
        throw new IllegalArgumentException("macro: " + k + " (expected one of " + MACRO_LIST + ")");
      }
    }
    ZonedDateTime now = ZonedDateTime.now(clock);
    StringBuilder out = new StringBuilder(text.length() + 32);
    for (Object p : parts) {
      if (p instanceof Macro m) {
        String v = values.get(m.name());
        if (v == null && m.name().equals("DATE")) {
          v = now.format(DateTimeFormatter.ISO_LOCAL_DATE);
        } else if (v == null && m.name().equals("TIME")) {
          v = now.format(DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ROOT));
        }
        if (v != null) {
          out.append(url ? percentEncode(v) : v);
        }
      } else {
        out.append((String) p);
      }
    }
    return out.toString();
  }

  private static String percentEncode(String s) {
    StringBuilder b = new StringBuilder();
    for (byte x : s.getBytes(StandardCharsets.UTF_8)) {
      int c = x & 0xff;
      if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
          || c == '-' || c == '.' || c == '_' || c == '~') {
        b.append((char) c);
      } else {
        b.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
            .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
      }
    }
    return b.toString();
  }

  /** The template as given. */
  @Override
  public String toString() {
    return text;
  }
}
