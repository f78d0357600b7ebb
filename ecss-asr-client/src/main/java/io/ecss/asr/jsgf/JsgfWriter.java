package io.ecss.asr.jsgf;

import java.math.BigDecimal;
import java.util.List;

/** The canonical JSGF text of a grammar; see {@link JsgfGrammar#format()}. */
final class JsgfWriter {
  private JsgfWriter() {}

  static String format(JsgfGrammar g) {
    StringBuilder sb = new StringBuilder(256);
    JsgfHeader h = g.header();
    sb.append("#JSGF ").append(h.version());
    if (h.charset() != null) {
      sb.append(' ').append(h.charset());
    }
    if (h.locale() != null) {
      sb.append(' ').append(h.locale());
    }
    sb.append(";\ngrammar ").append(g.name()).append(";\n");
    if (!g.imports().isEmpty()) {
      sb.append('\n');
      for (JsgfImport i : g.imports()) {
        sb.append("import <").append(i.name()).append(">;\n");
      }
    }
    for (JsgfRule r : g.rules()) {
      sb.append('\n');
      if (!r.documentation().isEmpty()) {
        sb.append("/**").append(r.documentation()).append("*/\n");
      }
      if (r.isPublic()) {
        sb.append("public ");
      }
      sb.append('<').append(r.name()).append("> = ");
      expansion(r.expansion(), sb);
      sb.append(";\n");
    }
    return sb.toString();
  }

  static String format(Expansion e) {
    StringBuilder sb = new StringBuilder();
    expansion(e, sb);
    return sb.toString();
  }

  static void expansion(Expansion e, StringBuilder sb) {
    if (e instanceof Expansion.Token token) {
      token(token.text(), sb);
    } else if (e instanceof Expansion.RuleRef ruleRef) {
      sb.append('<').append(ruleRef.name()).append('>');
    } else if (e instanceof Expansion.Sequence sequence) {
      List<Expansion> items = sequence.items();
      for (int i = 0; i < items.size(); i++) {
        if (i > 0) {
          sb.append(' ');
        }
        expansion(items.get(i), sb);
      }
    } else if (e instanceof Expansion.Alternatives a) {
      for (int i = 0; i < a.items().size(); i++) {
        if (i > 0) {
          sb.append(" | ");
        }
        if (a.isWeighted()) {
          sb.append('/').append(weight(a.weights().get(i))).append("/ ");
        }
        expansion(a.items().get(i), sb);
      }
    } else if (e instanceof Expansion.Group group) {
      sb.append('(');
      expansion(group.inner(), sb);
      sb.append(')');
    } else if (e instanceof Expansion.OptionalGroup optionalGroup) {
      sb.append('[');
      expansion(optionalGroup.inner(), sb);
      sb.append(']');
    } else if (e instanceof Expansion.Repeat r) {
      expansion(r.item(), sb);
      sb.append(r.operator());
    } else {
      Expansion.Tagged t = (Expansion.Tagged) e;
      expansion(t.item(), sb);
      for (String tag : t.tags()) {
        sb.append(" {");
        tag(tag, sb);
        sb.append('}');
      }
    }
  }

  static String weight(double w) {
    return BigDecimal.valueOf(w).stripTrailingZeros().toPlainString();
  }

  static void token(String text, StringBuilder sb) {
    if (Names.isBareToken(text)) {
      sb.append(text);
      return;
    }
    sb.append('"');
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '"' || c == '\\') {
        sb.append('\\');
      }
      sb.append(c);
    }
    sb.append('"');
  }

  static void tag(String text, StringBuilder sb) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '{' || c == '}' || c == '\\') {
        sb.append('\\');
      }
      sb.append(c);
    }
  }
}
