package io.ecss.webvtt;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Cue text (the payload of a cue) to and from the {@link CueNode} tree.
 *
 * <p>{@link #parse(String)} follows the W3C "WebVTT cue text parsing rules" (WebVTT 1, section
 * 6.4) and never fails on malformed markup; it decodes numeric character references and every
 * HTML named character reference. {@link #format(List)} writes spec-valid cue text: {@code &},
 * {@code <} and {@code >} escaped in text and annotations, annotations trimmed with whitespace
 * collapsed, every span closed.
 *
 * <p>Thread-safe (stateless).
 */
public final class CueText {
  private CueText() {}

  /**
   * Parses cue text with the default nesting limit.
   *
   * @param text raw payload
   * @return the top-level nodes
   * @throws WebVttParseException if spans nest deeper than {@link
   *     WebVttLimits#DEFAULT_MAX_NESTING_DEPTH}; line and column are relative to {@code text}
   */
  public static List<CueNode> parse(String text) {
    return parse(text, WebVttLimits.DEFAULT);
  }

  /**
   * Parses cue text.
   *
   * @param text raw payload
   * @param limits limits; only {@link WebVttLimits#maxNestingDepth()} applies
   * @return the top-level nodes
   * @throws WebVttParseException if spans nest deeper than the limit; line and column are
   *     relative to {@code text}
   */
  public static List<CueNode> parse(String text, WebVttLimits limits) {
    return CueTextParser.parse(text, limits.maxNestingDepth());
  }

  /**
   * Writes nodes as cue text.
   *
   * @param nodes the nodes
   * @return raw payload
   */
  public static String format(List<CueNode> nodes) {
    StringBuilder sb = new StringBuilder();
    for (CueNode n : nodes) {
      append(sb, n);
    }
    return sb.toString();
  }

  private static void append(StringBuilder sb, CueNode n) {
    if (n instanceof CueNode.Text t) {
      escape(sb, t.text());
    } else if (n instanceof CueNode.Timestamp ts) {
      sb.append('<');
      Scan.appendTimestamp(sb, ts.time());
      sb.append('>');
    } else if (n instanceof CueNode.Span span) {
      String tag = span.kind().tag();
      sb.append('<').append(tag);
      for (String c : span.classes()) {
        sb.append('.').append(c);
      }
      String note = CueTextParser.collapse(span.annotation());
      if (!note.isEmpty()) {
        sb.append(' ');
        escape(sb, note);
      }
      sb.append('>');
      for (CueNode child : span.children()) {
        append(sb, child);
      }
      sb.append("</").append(tag).append('>');
    }
  }

  /**
   * Escapes literal text for a payload: {@code &} as <code>&amp;amp;</code>, {@code <} as
   * <code>&amp;lt;</code>, {@code >} as <code>&amp;gt;</code>; CR and CR LF become LF.
   *
   * @param text literal text
   * @return the escaped text
   */
  public static String escape(String text) {
    StringBuilder sb = new StringBuilder(text.length() + 8);
    escape(sb, text);
    return sb.toString();
  }

  static void escape(StringBuilder sb, CharSequence text) {
    int n = text.length();
    int i = 0;
    while (i < n) {
      char c = text.charAt(i);
      if (c == '&' || c == '<' || c == '>' || c == '\r') {
        break;
      }
      i++;
    }
    sb.append(text, 0, i); // the common case: nothing to escape, one bulk copy
    for (; i < n; i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&' -> sb.append("&amp;");
        case '<' -> sb.append("&lt;");
        case '>' -> sb.append("&gt;");
        case '\r' -> {
          sb.append('\n');
          if (i + 1 < n && text.charAt(i + 1) == '\n') {
            i++;
          }
        }
        default -> sb.append(c);
      }
    }
  }

  /**
   * Returns the voice names of the voice spans, in order of appearance, each once.
   *
   * @param nodes a cue text tree
   * @return the names
   */
  public static List<String> voices(List<CueNode> nodes) {
    Set<String> names = new LinkedHashSet<>();
    collectVoices(nodes, names);
    return List.copyOf(names);
  }

  private static void collectVoices(List<CueNode> nodes, Set<String> names) {
    for (CueNode n : nodes) {
      if (n instanceof CueNode.Span span) {
        if (span.kind() == CueNode.Kind.VOICE) {
          names.add(span.annotation());
        }
        collectVoices(span.children(), names);
      }
    }
  }

  /**
   * Returns the text of the tree without markup: the text nodes in document order, excluding
   * ruby text (the W3C "rules for extracting the chapter title").
   *
   * @param nodes a cue text tree
   * @return the plain text
   */
  public static String plainText(List<CueNode> nodes) {
    StringBuilder sb = new StringBuilder();
    appendPlain(sb, nodes);
    return sb.toString();
  }

  private static void appendPlain(StringBuilder sb, List<CueNode> nodes) {
    for (CueNode n : nodes) {
      if (n instanceof CueNode.Text t) {
        sb.append(t.text());
      } else if (n instanceof CueNode.Span span && span.kind() != CueNode.Kind.RUBY_TEXT) {
        appendPlain(sb, span.children());
      }
    }
  }
}
