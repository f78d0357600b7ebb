package io.ecss.routing;

import static java.util.Objects.requireNonNull;

/**
 * Non-blank character data inside an unsupported element, kept verbatim.
 *
 * @param text the characters, entity references resolved
 */
public record XmlText(String text) implements XmlNode {
  /**
   * Creates a text node.
   *
   * @param text the characters, entity references resolved
   * @throws NullPointerException when {@code text} is null
   */
  public XmlText {
    requireNonNull(text, "text");
  }
}
