package io.ecss.routing;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Writes a context in canonical form: UTF-8 declaration, two-space indentation, one element per
 * line, attributes in a fixed order (namespace declarations, the supported attributes in schema
 * order, then the others sorted by name).
 *
 * <p>A model built in code can hold what no document can carry (a character XML forbids, a name
 * that is no XML name, an attribute written twice, an empty name the reader rejects, an unknown
 * element under a name the reader would take for a supported one). The writer refuses those with
 * an {@link IllegalArgumentException} naming the place, instead of writing a document that does
 * not read back.
 */
final class ContextWriter {
  private static final Set<String> CONTEXT_CHILDREN = Set.of("rule");
  private static final Set<String> RULE_CHILDREN = Set.of("conditions", "actions", "result");
  private static final Set<String> CONDITIONS = Set.of("cdpn", "cgpn");
  private static final Set<String> ACTIONS = Set.of("cdpn", "cgpn", "called", "calling");
  private static final Set<String> RESULTS = Set.of("local", "teleconference", "continue", "external");
  private static final Set<String> TARGETS = Set.of("trunk", "direction");

  private final StringBuilder out = new StringBuilder(4096);
  /** Where the writer is, for error messages: {@code context c}, {@code context c, rule r}. */
  private String where = "";

  private ContextWriter() {}

  static String write(RoutingContext c) {
    ContextWriter w = new ContextWriter();
    w.context(c);
    return w.out.toString();
  }

  private void context(RoutingContext c) {
    where = "context " + c.name();
    required(c.name(), "context", "name");
    out.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    List<String[]> attrs = new ArrayList<>();
    for (Map.Entry<String, String> e : c.otherAttributes().entrySet()) {
      if (e.getKey().equals("xmlns") || e.getKey().startsWith("xmlns:")) {
        attrs.add(new String[] {e.getKey(), e.getValue()});
      }
    }
    attrs.add(new String[] {"name", c.name()});
    add(attrs, "digitmap", c.digitmap());
    add(attrs, "np", c.np());
    add(attrs, "domain", c.domain());
    for (Map.Entry<String, String> e : c.otherAttributes().entrySet()) {
      if (!e.getKey().equals("xmlns") && !e.getKey().startsWith("xmlns:")) {
        attrs.add(new String[] {e.getKey(), e.getValue()});
      }
    }
    if (c.rules().isEmpty() && c.extensions().isEmpty()) {
      open(0, "context", attrs, true);
      return;
    }
    open(0, "context", attrs, false);
    for (Rule r : c.rules()) {
      rule(r);
    }
    where = "context " + c.name();
    for (XmlElement e : c.extensions()) {
      reserved(e, CONTEXT_CHILDREN, "<context>");
      element(1, e);
    }
    close(0, "context");
  }

  private void rule(Rule r) {
    int at = where.indexOf(", rule ");
    where = (at < 0 ? where : where.substring(0, at)) + ", rule " + r.name();
    required(r.name(), "rule", "name");
    List<String[]> attrs = new ArrayList<>();
    attrs.add(new String[] {"name", r.name()});
    others(attrs, r.otherAttributes());
    open(1, "rule", attrs, false);
    Map<String, String> none = Map.of();
    if (!r.conditions().isEmpty() || r.containerAttributes().containsKey("conditions")) {
      List<String[]> ca = new ArrayList<>();
      others(ca, r.containerAttributes().getOrDefault("conditions", none));
      boolean empty = r.conditions().isEmpty();
      open(2, "conditions", ca, empty);
      for (Condition c : r.conditions()) {
        condition(c);
      }
      if (!empty) {
        close(2, "conditions");
      }
    }
    if (!r.actions().isEmpty() || r.containerAttributes().containsKey("actions")) {
      List<String[]> aa = new ArrayList<>();
      others(aa, r.containerAttributes().getOrDefault("actions", none));
      boolean empty = r.actions().isEmpty();
      open(2, "actions", aa, empty);
      for (Action a : r.actions()) {
        action(a);
      }
      if (!empty) {
        close(2, "actions");
      }
    }
    List<String[]> ra = new ArrayList<>();
    others(ra, r.containerAttributes().getOrDefault("result", none));
    open(2, "result", ra, false);
    result(r.result());
    close(2, "result");
    for (XmlElement e : r.extensions()) {
      reserved(e, RULE_CHILDREN, "<rule>");
      element(2, e);
    }
    close(1, "rule");
  }

  private void condition(Condition c) {
    if (c instanceof Condition.Digits d) {
      List<String[]> attrs = new ArrayList<>();
      attrs.add(new String[] {"digits", d.pattern().source()});
      others(attrs, d.otherAttributes());
      open(3, d.field().element(), attrs, true);
    } else if (c instanceof Condition.Unsupported u) {
      reserved(u.element(), CONDITIONS, "<conditions>");
      element(3, u.element());
    }
  }

  private void action(Action a) {
    List<String[]> attrs = new ArrayList<>();
    if (a instanceof Action.Digits d) {
      add(attrs, "digits", d.digits() == null ? null : d.digits().source());
      add(attrs, "ni", d.ni());
      add(attrs, "nai", d.nai());
      others(attrs, d.otherAttributes());
      open(3, d.field().element(), attrs, true);
    } else if (a instanceof Action.Sorm s) {
      add(attrs, "sorm_digits", s.digits() == null ? null : s.digits().source());
      add(attrs, "sorm_ni", s.ni() == null ? null : s.ni().xmlValue());
      others(attrs, s.otherAttributes());
      open(3, s.field().sormElement(), attrs, true);
    } else if (a instanceof Action.Unsupported u) {
      reserved(u.element(), ACTIONS, "<actions>");
      element(3, u.element());
    }
  }

  private void result(Result r) {
    List<String[]> attrs = new ArrayList<>();
    if (r instanceof Result.Local l) {
      others(attrs, l.otherAttributes());
      open(3, "local", attrs, true);
    } else if (r instanceof Result.Teleconference t) {
      others(attrs, t.otherAttributes());
      open(3, "teleconference", attrs, true);
    } else if (r instanceof Result.Continue c) {
      required(c.context(), "continue", "context");
      attrs.add(new String[] {"context", c.context()});
      others(attrs, c.otherAttributes());
      open(3, "continue", attrs, true);
    } else if (r instanceof Result.External e) {
      others(attrs, e.otherAttributes());
      open(3, "external", attrs, false);
      required(e.value(), e.target().element(), "value");
      List<String[]> ta = new ArrayList<>();
      ta.add(new String[] {"value", e.value()});
      others(ta, e.targetAttributes());
      open(4, e.target().element(), ta, true);
      for (XmlElement x : e.extensions()) {
        reserved(x, TARGETS, "<external>");
        element(4, x);
      }
      close(3, "external");
    } else if (r instanceof Result.Unsupported u) {
      reserved(u.element(), RESULTS, "<result>");
      element(3, u.element());
    }
  }

  private void element(int depth, XmlElement e) {
    List<String[]> attrs = new ArrayList<>();
    others(attrs, e.attributes());
    if (e.children().isEmpty()) {
      open(depth, e.name(), attrs, true);
      return;
    }
    boolean mixed = false;
    for (XmlNode n : e.children()) {
      mixed |= n instanceof XmlText;
    }
    if (mixed) {
      indent(depth);
      startTag(e.name(), attrs, false);
      inline(e.children());
      out.append("</").append(e.name()).append(">\n");
      return;
    }
    open(depth, e.name(), attrs, false);
    for (XmlNode n : e.children()) {
      if (n instanceof XmlElement child) {
        element(depth + 1, child);
      }
    }
    close(depth, e.name());
  }

  /** Mixed content is written without added whitespace so the text survives exactly. */
  private void inline(List<XmlNode> children) {
    for (XmlNode n : children) {
      if (n instanceof XmlText t) {
        text(t.text());
      } else if (n instanceof XmlElement e) {
        List<String[]> attrs = new ArrayList<>();
        others(attrs, e.attributes());
        startTag(e.name(), attrs, e.children().isEmpty());
        if (!e.children().isEmpty()) {
          inline(e.children());
          out.append("</").append(e.name()).append('>');
        }
      }
    }
  }

  private IllegalArgumentException refused(String problem) {
    return new IllegalArgumentException("cannot write " + where + ": " + problem);
  }

  private void required(String value, String element, String attribute) {
    if (value.isEmpty()) {
      throw refused("<" + element + "> " + attribute + " is empty (the reader requires one)");
    }
  }

  /** An unknown element may not take a name the reader gives a meaning at that place. */
  private void reserved(XmlElement e, Set<String> names, String parent) {
    if (names.contains(e.name())) {
      throw refused("unsupported element <" + e.name() + "> in " + parent + " has the name of a"
          + " supported one (it would read back as that)");
    }
  }

  /** XML 1.0 Name: a name start character, then name characters ({@code :} allowed). */
  private void checkName(String name, String what) {
    boolean ok = !name.isEmpty();
    for (int i = 0; ok && i < name.length(); ) {
      int cp = name.codePointAt(i);
      ok = i == 0 ? isNameStart(cp) : isNameStart(cp) || isNameChar(cp);
      i += Character.charCount(cp);
    }
    if (!ok) {
      throw refused(what + " \"" + name + "\" is not an XML name");
    }
  }

  private static boolean isNameStart(int c) {
    return c == ':' || c == '_' || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z')
        || (c >= 0xC0 && c <= 0xD6) || (c >= 0xD8 && c <= 0xF6) || (c >= 0xF8 && c <= 0x2FF)
        || (c >= 0x370 && c <= 0x37D) || (c >= 0x37F && c <= 0x1FFF) || (c >= 0x200C && c <= 0x200D)
        || (c >= 0x2070 && c <= 0x218F) || (c >= 0x2C00 && c <= 0x2FEF) || (c >= 0x3001 && c <= 0xD7FF)
        || (c >= 0xF900 && c <= 0xFDCF) || (c >= 0xFDF0 && c <= 0xFFFD) || (c >= 0x10000 && c <= 0xEFFFF);
  }

  private static boolean isNameChar(int c) {
    return c == '-' || c == '.' || (c >= '0' && c <= '9') || c == 0xB7
        || (c >= 0x300 && c <= 0x36F) || (c >= 0x203F && c <= 0x2040);
  }

  /** Every character must be an XML 1.0 Char: no C0 control but tab, newline, return; no lone surrogate. */
  private void checkChars(String v, String what) {
    for (int i = 0; i < v.length(); i++) {
      char c = v.charAt(i);
      boolean ok;
      if (Character.isHighSurrogate(c) && i + 1 < v.length() && Character.isLowSurrogate(v.charAt(i + 1))) {
        i++;
        ok = true;
      } else {
        ok = c == '\t' || c == '\n' || c == '\r' || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD);
      }
      if (!ok) {
        throw refused(what + " holds U+" + String.format("%04X", (int) c) + " at index " + i
            + ", which XML 1.0 cannot carry");
      }
    }
  }

  private static void add(List<String[]> attrs, String name, @Nullable String value) {
    if (value != null) {
      attrs.add(new String[] {name, value});
    }
  }

  private static void others(List<String[]> attrs, Map<String, String> other) {
    for (Map.Entry<String, String> e : other.entrySet()) {
      attrs.add(new String[] {e.getKey(), e.getValue()});
    }
  }

  private void open(int depth, String name, List<String[]> attrs, boolean empty) {
    indent(depth);
    startTag(name, attrs, empty);
    out.append('\n');
  }

  private void startTag(String name, List<String[]> attrs, boolean empty) {
    checkName(name, "element name");
    Set<String> seen = new HashSet<>();
    for (String[] a : attrs) {
      checkName(a[0], "<" + name + "> attribute name");
      if (!seen.add(a[0])) {
        throw refused("<" + name + "> has attribute " + a[0] + " twice (e.g. a supported attribute"
            + " repeated in otherAttributes)");
      }
      checkChars(a[1], "<" + name + "> attribute " + a[0]);
    }
    out.append('<').append(name);
    for (String[] a : attrs) {
      out.append(' ').append(a[0]).append("=\"");
      attribute(a[1]);
      out.append('"');
    }
    out.append(empty ? "/>" : ">");
  }

  private void close(int depth, String name) {
    indent(depth);
    out.append("</").append(name).append(">\n");
  }

  private void indent(int depth) {
    for (int i = 0; i < depth; i++) {
      out.append("  ");
    }
  }

  private void attribute(String v) {
    for (int i = 0; i < v.length(); i++) {
      char c = v.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\t' -> out.append("&#9;");
        case '\n' -> out.append("&#10;");
        case '\r' -> out.append("&#13;");
        default -> out.append(c);
      }
    }
  }

  private void text(String v) {
    checkChars(v, "text");
    for (int i = 0; i < v.length(); i++) {
      char c = v.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '\r' -> out.append("&#13;");
        default -> out.append(c);
      }
    }
  }
}
