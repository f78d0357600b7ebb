package io.ecss.routing;

import java.io.StringReader;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.jspecify.annotations.Nullable;

/**
 * Phase one of reading: StAX into a small tree of elements that remembers where each start tag and
 * attribute value is, enforcing {@link RoutingLimits}. DTDs and external entities are off, so an
 * entity-expansion document fails on its DOCTYPE.
 */
final class XmlTree {
  private static final XMLInputFactory FACTORY = newFactory();

  private XmlTree() {}

  private static XMLInputFactory newFactory() {
    XMLInputFactory f = XMLInputFactory.newFactory();
    f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    // Names are kept exactly as written (prefix:local); namespace declarations are attributes.
    f.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, false);
    f.setProperty(XMLInputFactory.IS_COALESCING, true);
    f.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, true);
    return f;
  }

  /** An element with its attributes (document order), children and start-tag position. */
  static final class Node {
    final String name;
    final Map<String, String> attributes = new LinkedHashMap<>();
    final List<Object> children = new ArrayList<>(); // Node or String (non-blank text)
    final int start; // offset of '<'
    final int tagEnd; // offset after '>' of the start tag
    int end; // offset after '>' of the end tag (tagEnd for <empty/>), set when the element ends

    Node(String name, int start, int tagEnd) {
      this.name = name;
      this.start = start;
      this.tagEnd = tagEnd;
    }

    List<Node> elements() {
      List<Node> out = new ArrayList<>();
      for (Object c : children) {
        if (c instanceof Node n) {
          out.add(n);
        }
      }
      return out;
    }

    boolean hasText() {
      for (Object c : children) {
        if (c instanceof String) {
          return true;
        }
      }
      return false;
    }
  }

  /** A parsed document: the root and a way to turn offsets into line:column. */
  static final class Doc {
    final String source;
    final String text;
    final Node root;
    private final int[] lineStarts;

    Doc(String source, String text, Node root) {
      this.source = source;
      this.text = text;
      this.root = root;
      this.lineStarts = lineStarts(text);
    }

    /** 1-based {line, column} of a character offset. */
    int[] position(int offset) {
      int i = Arrays.binarySearch(lineStarts, offset);
      int line = i >= 0 ? i : -i - 2;
      return new int[] {line + 1, offset - lineStarts[line] + 1};
    }

    /**
     * Character offset of a 1-based line and column (as SAX reports them), or -1 when the line
     * does not exist.
     */
    int offset(int line, int column) {
      if (line < 1 || line > lineStarts.length || column < 1) {
        return -1;
      }
      return lineStarts[line - 1] + column - 1;
    }

    /** Every element of the document, the root first, in document order. */
    List<Node> nodes() {
      List<Node> out = new ArrayList<>();
      ArrayDeque<Node> work = new ArrayDeque<>();
      work.push(root);
      while (!work.isEmpty()) {
        Node n = work.pop();
        out.add(n);
        List<Node> kids = n.elements();
        for (int i = kids.size() - 1; i >= 0; i--) {
          work.push(kids.get(i));
        }
      }
      return out;
    }

    /**
     * Offset of the first character of attribute {@code name}'s value in {@code node}'s start
     * tag, or the tag start when it cannot be found.
     */
    int valueOffset(Node node, String name) {
      int from = node.start + 1 + node.name.length();
      String tag = text.substring(Math.min(from, text.length()), Math.min(node.tagEnd, text.length()));
      int i = 0;
      while (true) {
        int at = tag.indexOf(name, i);
        if (at < 0) {
          return node.start;
        }
        i = at + 1;
        if (at > 0 && !Character.isWhitespace(tag.charAt(at - 1))) {
          continue;
        }
        int j = at + name.length();
        while (j < tag.length() && Character.isWhitespace(tag.charAt(j))) {
          j++;
        }
        if (j >= tag.length() || tag.charAt(j) != '=') {
          continue;
        }
        j++;
        while (j < tag.length() && Character.isWhitespace(tag.charAt(j))) {
          j++;
        }
        if (j < tag.length() && (tag.charAt(j) == '"' || tag.charAt(j) == '\'')) {
          return from + j + 1;
        }
        return node.start;
      }
    }

    /**
     * Offset of character {@code index} (0-based) of attribute {@code name}'s value, exact when the
     * value has no entity or character references before it.
     */
    int valueCharOffset(Node node, String name, int index) {
      int v = valueOffset(node, name);
      if (v == node.start) {
        return v;
      }
      int end = Math.min(v + index, text.length());
      return text.substring(v, end).indexOf('&') >= 0 ? v : end;
    }

    private static int[] lineStarts(String text) {
      int n = 1;
      for (int i = 0; i < text.length(); i++) {
        if (text.charAt(i) == '\n') {
          n++;
        }
      }
      int[] starts = new int[n];
      int k = 1;
      for (int i = 0; i < text.length(); i++) {
        if (text.charAt(i) == '\n') {
          starts[k++] = i + 1;
        }
      }
      return starts;
    }
  }

  /** Parses a whole document; throws on anything not well-formed or over a limit. */
  static Doc parse(String text, String source, RoutingLimits limits) {
    if (text.length() > limits.maxBytes()) {
      throw new RoutingXmlException(
          source, 0, 0, "",
          "document of " + text.length() + " characters exceeds maxBytes " + limits.maxBytes());
    }
    // Xerces normalises line ends; offsets must match our copy of the text. A byte-order mark
    // (left in by Files.readString and editors) is not part of the document: the streams and files
    // RoutingXml reads drop it too, and columns are counted as editors show them.
    String body = text.startsWith("\uFEFF") ? text.substring(1) : text;
    String normalized = body.indexOf('\r') < 0 ? body : body.replace("\r\n", "\n").replace('\r', '\n');
    XMLStreamReader r;
    try {
      r = FACTORY.createXMLStreamReader(new StringReader(normalized));
    } catch (XMLStreamException e) {
      throw wellFormedness(source, e);
    }
    try {
      Node root = null;
      ArrayDeque<Node> stack = new ArrayDeque<>();
      int elements = 0;
      int cursor = 0;
      while (r.hasNext()) {
        int event = r.next();
        switch (event) {
          case XMLStreamConstants.DTD ->
              throw at(source, normalized, Math.max(0, normalized.indexOf("<!DOCTYPE")), "",
                  "DOCTYPE is not allowed (DTDs and entity declarations are disabled)");
          case XMLStreamConstants.START_ELEMENT -> {
            int start = nextStartTag(normalized, cursor);
            int tagEnd = tagEnd(normalized, start);
            cursor = tagEnd;
            String name = qualified(r.getPrefix(), r.getLocalName());
            Node node = new Node(name, start, tagEnd);
            if (++elements > limits.maxElements()) {
              throw at(source, normalized, node.start, name,
                  "more than maxElements " + limits.maxElements() + " elements");
            }
            if (stack.size() + 1 > limits.maxDepth()) {
              throw at(source, normalized, node.start, name,
                  "nesting deeper than maxDepth " + limits.maxDepth());
            }
            for (int i = 0; i < r.getAttributeCount(); i++) {
              String an = qualified(r.getAttributePrefix(i), r.getAttributeLocalName(i));
              String av = r.getAttributeValue(i);
              if (av.length() > limits.maxValueLength()) {
                throw at(source, normalized, node.start, name,
                    "attribute " + an + " has " + av.length() + " characters, over maxValueLength "
                        + limits.maxValueLength());
              }
              node.attributes.put(an, av);
            }
            if (stack.isEmpty()) {
              root = node;
            } else {
              stack.peek().children.add(node);
            }
            stack.push(node);
          }
          case XMLStreamConstants.END_ELEMENT -> {
            Node done = stack.pop();
            boolean empty = done.tagEnd >= 2 && normalized.charAt(done.tagEnd - 2) == '/';
            done.end = empty ? done.tagEnd : tagEnd(normalized, nextEndTag(normalized, cursor));
            cursor = done.end;
            dropBlankText(done);
          }
          case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA -> {
            String t = r.getText();
            // Text split by a comment or processing instruction (not kept) is one text: keeping
            // the pieces apart would not survive write-back, which has nothing to split them.
            @Nullable List<Object> kids = stack.isEmpty() ? null : stack.peek().children;
            if (kids != null && !kids.isEmpty() && kids.get(kids.size() - 1) instanceof String prev) {
              t = prev + t;
              kids.remove(kids.size() - 1);
            }
            if (t.length() > limits.maxValueLength()) {
              throw at(source, r.getLocation(), stack.isEmpty() ? "" : stack.peek().name,
                  "text of " + t.length() + " characters, over maxValueLength " + limits.maxValueLength());
            }
            if (kids != null) {
              kids.add(t);
            }
          }
          default -> {
            // comments, processing instructions, whitespace: not kept
          }
        }
      }
      if (root == null) {
        throw new RoutingXmlException(source, 1, 1, "", "no root element (expected <context>)");
      }
      return new Doc(source, normalized, root);
    } catch (XMLStreamException e) {
      RoutingXmlException x = wellFormedness(source, e);
      int line = x.line();
      String[] lines = normalized.split("\n", -1);
      if (line >= 1 && line <= lines.length && lines[line - 1].indexOf('\u00a0') >= 0) {
        throw new RoutingXmlException(source, x.line(), x.column(), "",
            tail(x) + " (line " + line + " has U+00A0 no-break spaces, as text copied from a PDF does;"
                + " XML needs plain spaces there)");
      }
      throw x;
    } finally {
      try {
        r.close();
      } catch (XMLStreamException ignored) {
        // Closing a reader over a String releases nothing that can fail meaningfully.
      }
    }
  }

  /** Whitespace-only text (indentation between elements) is not kept. */
  private static void dropBlankText(Node node) {
    node.children.removeIf(c -> c instanceof String t && t.isBlank());
  }

  private static String tail(RoutingXmlException e) {
    String m = String.valueOf(e.getMessage());
    String p = e.source() + ":" + e.line() + ":" + e.column() + ": ";
    return m.startsWith(p) ? m.substring(p.length()) : m;
  }

  private static String qualified(@Nullable String prefix, String local) {
    return prefix == null || prefix.isEmpty() ? local : prefix + ":" + local;
  }

  /**
   * Offset of the next start tag at or after {@code from}: a '<' followed by a name character,
   * skipping comments, CDATA sections, processing instructions and declarations. Reliable because
   * a well-formed document has no '<' in attribute values or text.
   */
  static int nextStartTag(String text, int from) {
    int i = from;
    while (true) {
      i = text.indexOf('<', i);
      if (i < 0 || i + 1 >= text.length()) {
        return Math.max(0, Math.min(from, text.length()));
      }
      char c = text.charAt(i + 1);
      if (text.startsWith("<!--", i)) {
        int e = text.indexOf("-->", i + 4);
        i = e < 0 ? text.length() : e + 3;
      } else if (text.startsWith("<![CDATA[", i)) {
        int e = text.indexOf("]]>", i + 9);
        i = e < 0 ? text.length() : e + 3;
      } else if (c == '?') {
        // A processing instruction may hold '<' (<?pi a<b?>): skip it whole.
        int e = text.indexOf("?>", i + 2);
        i = e < 0 ? text.length() : e + 2;
      } else if (c == '!' || c == '/') {
        i += 2;
      } else {
        return i;
      }
    }
  }

  /**
   * Offset of the next end tag ({@code </}) at or after {@code from}, skipping comments, CDATA
   * sections and processing instructions; the text length when there is none.
   */
  static int nextEndTag(String text, int from) {
    int i = from;
    while (true) {
      i = text.indexOf('<', i);
      if (i < 0) {
        return text.length();
      }
      if (text.startsWith("</", i)) {
        return i;
      } else if (text.startsWith("<!--", i)) {
        int e = text.indexOf("-->", i + 4);
        i = e < 0 ? text.length() : e + 3;
      } else if (text.startsWith("<![CDATA[", i)) {
        int e = text.indexOf("]]>", i + 9);
        i = e < 0 ? text.length() : e + 3;
      } else if (text.startsWith("<?", i)) {
        int e = text.indexOf("?>", i + 2);
        i = e < 0 ? text.length() : e + 2;
      } else {
        i++;
      }
    }
  }

  /** Offset just after the '>' closing the start tag at {@code start}, quotes respected. */
  static int tagEnd(String text, int start) {
    char quote = 0;
    for (int i = start + 1; i < text.length(); i++) {
      char c = text.charAt(i);
      if (quote != 0) {
        if (c == quote) {
          quote = 0;
        }
      } else if (c == '"' || c == '\'') {
        quote = c;
      } else if (c == '>') {
        return i + 1;
      }
    }
    return text.length();
  }

  private static RoutingXmlException at(
      String source, Location loc, String element, String problem) {
    return new RoutingXmlException(source, loc.getLineNumber(), loc.getColumnNumber(), element, problem);
  }

  private static RoutingXmlException at(
      String source, String text, int offset, String element, String problem) {
    Doc tmp = new Doc(source, text, new Node("", 0, 0));
    int[] p = tmp.position(offset);
    return new RoutingXmlException(source, p[0], p[1], element, problem);
  }

  private static RoutingXmlException wellFormedness(String source, XMLStreamException e) {
    Location loc = e.getLocation();
    String msg = String.valueOf(e.getMessage());
    int i = msg.indexOf("Message: ");
    if (i >= 0) {
      msg = msg.substring(i + "Message: ".length());
    }
    msg = msg.replace('\n', ' ').trim();
    return new RoutingXmlException(
        source,
        loc == null ? 0 : Math.max(0, loc.getLineNumber()),
        loc == null ? 0 : Math.max(0, loc.getColumnNumber()),
        "",
        "not well-formed XML: " + msg);
  }
}
