package io.ecss.routing;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * An element this module does not support (an unknown condition, action, result or extension),
 * kept with its attributes and content so that it is written back unchanged. The evaluator reports
 * a rule holding one as unsupported instead of ignoring it.
 *
 * <p>The children are kept as a document reads back: adjacent text nodes are merged into one and
 * whitespace-only text is dropped (the reader does the same with text split by comments and with
 * indentation), so {@code RoutingXml.read(RoutingXml.write(c)).equals(c)} holds for elements built
 * in code too.
 *
 * @param name the qualified element name as written, e.g. {@code time} or {@code ext:window}
 * @param attributes the attributes by qualified name
 * @param children child elements and non-blank text, in document order
 */
public record XmlElement(String name, Map<String, String> attributes, List<XmlNode> children)
    implements XmlNode {
  /**
   * Creates an element, copying the attributes and children; adjacent text nodes are merged and
   * whitespace-only text is dropped.
   *
   * @param name the qualified element name as written, e.g. {@code time} or {@code ext:window}
   * @param attributes the attributes by qualified name
   * @param children child elements and non-blank text, in document order
   * @throws NullPointerException when an argument is null
   * @throws IllegalArgumentException when {@code name} is empty
   */
  public XmlElement {
    requireNonNull(name, "name");
    if (name.isEmpty()) {
      throw new IllegalArgumentException("name: empty (expected an element name)");
    }
    attributes = Attributes.copy(attributes);
    children = normalized(children);
  }

  private static List<XmlNode> normalized(List<XmlNode> children) {
    List<XmlNode> out = new ArrayList<>(children.size());
    @Nullable StringBuilder text = null;
    for (XmlNode n : children) {
      requireNonNull(n, "child");
      if (n instanceof XmlText t) {
        text = text == null ? new StringBuilder(t.text()) : text.append(t.text());
        continue;
      }
      addText(out, text);
      text = null;
      out.add(n);
    }
    addText(out, text);
    return List.copyOf(out);
  }

  private static void addText(List<XmlNode> out, @Nullable StringBuilder text) {
    if (text != null && !text.toString().isBlank()) {
      out.add(new XmlText(text.toString()));
    }
  }

  /**
   * Creates an element with attributes and no content.
   *
   * @param name the element name
   * @param attributes the attributes
   * @return the element
   */
  public static XmlElement of(String name, Map<String, String> attributes) {
    return new XmlElement(name, attributes, List.of());
  }
}
