package io.ecss.routing;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Map;

/**
 * An element this module does not support (an unknown condition, action, result or extension),
 * kept with its attributes and content so that it is written back unchanged. The evaluator reports
 * a rule holding one as unsupported instead of ignoring it.
 *
 * @param name the qualified element name as written, e.g. {@code time} or {@code ext:window}
 * @param attributes the attributes by qualified name
 * @param children child elements and non-blank text, in document order
 */
public record XmlElement(String name, Map<String, String> attributes, List<XmlNode> children)
    implements XmlNode {
  /**
   * Creates an element, copying the attributes and children.
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
    children = List.copyOf(children);
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
