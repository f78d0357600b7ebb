package io.ecss.csta;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.jspecify.annotations.Nullable;

/**
 * A small element tree built with StAX: local names only, attributes ignored, text trimmed. Enough
 * for CSTA's element-only content; lookups by local name ignore unknown elements and order.
 *
 * <p>Not thread-safe while being built; read-only afterwards.
 */
final class XmlNode {
  /** Deepest element nesting accepted; CSTA messages nest about 8 levels. */
  static final int MAX_DEPTH = 64;

  private static final ThreadLocal<XMLInputFactory> FACTORY =
      ThreadLocal.withInitial(XmlNode::newFactory);

  final String name;
  final int line;
  final int column;
  String text = "";
  private @Nullable List<XmlNode> children;
  private @Nullable StringBuilder textBuilder;

  private XmlNode(String name, int line, int column) {
    this.name = name;
    this.line = line;
    this.column = column;
  }

  static XMLInputFactory newFactory() {
    // The JDK's own implementation, whatever else is on the class path; no DTDs, no external
    // entities (XXE), namespace-aware so local names are available.
    XMLInputFactory f = XMLInputFactory.newDefaultFactory();
    f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    f.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
    f.setProperty(XMLInputFactory.IS_COALESCING, true);
    return f;
  }

  /** Parses a whole document into a tree; throws {@link CstaParseException} on any XML error. */
  static XmlNode parse(String xml) {
    XMLStreamReader r = null;
    try {
      r = FACTORY.get().createXMLStreamReader(new StringReader(xml));
      XmlNode[] stack = new XmlNode[MAX_DEPTH + 1];
      int depth = 0;
      XmlNode root = null;
      while (r.hasNext()) {
        int ev = r.next();
        if (ev == XMLStreamConstants.START_ELEMENT) {
          if (depth == MAX_DEPTH) {
            throw new CstaParseException(
                "element nesting exceeds " + MAX_DEPTH + " levels",
                r.getLocation().getLineNumber(),
                r.getLocation().getColumnNumber());
          }
          XmlNode n =
              new XmlNode(
                  r.getLocalName(),
                  r.getLocation().getLineNumber(),
                  r.getLocation().getColumnNumber());
          if (depth == 0) {
            root = n;
          } else {
            stack[depth - 1].add(n);
          }
          stack[depth++] = n;
        } else if (ev == XMLStreamConstants.CHARACTERS || ev == XMLStreamConstants.CDATA) {
          if (depth > 0) {
            stack[depth - 1].appendText(r.getText());
          }
        } else if (ev == XMLStreamConstants.END_ELEMENT) {
          stack[--depth].finish();
        } else if (ev == XMLStreamConstants.DTD) {
          throw new CstaParseException(
              "DOCTYPE is not allowed in CSTA messages",
              r.getLocation().getLineNumber(),
              r.getLocation().getColumnNumber());
        } else if (ev == XMLStreamConstants.ENTITY_REFERENCE) {
          throw new CstaParseException(
              "entity reference &" + r.getLocalName() + "; is not allowed",
              r.getLocation().getLineNumber(),
              r.getLocation().getColumnNumber());
        }
      }
      if (root == null) {
        throw new CstaParseException("no root element", 1, 1);
      }
      return root;
    } catch (XMLStreamException e) {
      int line = e.getLocation() == null ? -1 : e.getLocation().getLineNumber();
      int col = e.getLocation() == null ? -1 : e.getLocation().getColumnNumber();
      String msg = e.getMessage() == null ? "malformed XML" : firstLine(e.getMessage());
      throw new CstaParseException("malformed XML: " + msg, line, col);
    } finally {
      if (r != null) {
        try {
          r.close();
        } catch (XMLStreamException ignored) {
          // closing a reader over a StringReader cannot fail in a way that matters
        }
      }
    }
  }

  private static String firstLine(String s) {
    // StAX messages start with "ParseError at [row,col]:[1,5]\nMessage: ..."; keep the message.
    int i = s.indexOf("Message: ");
    String m = i >= 0 ? s.substring(i + 9) : s;
    int nl = m.indexOf('\n');
    return nl >= 0 ? m.substring(0, nl) : m;
  }

  private void add(XmlNode child) {
    if (children == null) {
      children = new ArrayList<>(4);
    }
    children.add(child);
  }

  private void appendText(String s) {
    if (textBuilder == null) {
      textBuilder = new StringBuilder(s.length());
    }
    textBuilder.append(s);
  }

  private void finish() {
    if (textBuilder != null) {
      text = textBuilder.toString().strip();
      textBuilder = null;
    }
  }

  List<XmlNode> children() {
    return children == null ? List.of() : children;
  }

  @Nullable XmlNode child(String local) {
    if (children != null) {
      for (XmlNode c : children) {
        if (c.name.equals(local)) {
          return c;
        }
      }
    }
    return null;
  }

  @Nullable XmlNode firstChild() {
    return children == null || children.isEmpty() ? null : children.get(0);
  }

  List<XmlNode> all(String local) {
    if (children == null) {
      return List.of();
    }
    List<XmlNode> out = new ArrayList<>();
    for (XmlNode c : children) {
      if (c.name.equals(local)) {
        out.add(c);
      }
    }
    return out;
  }

  /** Text of a direct child, or null when absent. */
  @Nullable String text(String local) {
    XmlNode c = child(local);
    return c == null ? null : c.text;
  }

  XmlNode required(String local) {
    XmlNode c = child(local);
    if (c == null) {
      throw missing(local);
    }
    return c;
  }

  String requiredText(String local) {
    XmlNode c = required(local);
    if (c.text.isEmpty()) {
      throw new CstaParseException(name + "/" + local + " is empty", c.line, c.column);
    }
    return c.text;
  }

  CstaParseException missing(String local) {
    return new CstaParseException(name + " lacks required element " + local, line, column);
  }
}
