package io.ecss.routing;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A routing context: {@code <context name="…" digitmap="…" np="…" domain="…">} holding rules tried
 * in document order. Read and written by {@link RoutingXml}; compiled for routing by {@link
 * CompiledContext#compile(RoutingContext)}.
 *
 * @param name the context name, unique within a routing domain
 * @param digitmap the digit map text ({@code auto} kept as is), or null when absent
 * @param np the numbering plan applied on entry ({@code np="city"}), or null
 * @param domain the domain attribute, or null
 * @param rules the rules in document order
 * @param otherAttributes attributes of {@code <context>} this module does not interpret, such as
 *     {@code xmlns:xs} and {@code xs:noNamespaceSchemaLocation}, kept for write-back
 * @param extensions child elements of {@code <context>} other than {@code <rule>}, kept for
 *     write-back
 */
public record RoutingContext(
    String name,
    @Nullable String digitmap,
    @Nullable String np,
    @Nullable String domain,
    List<Rule> rules,
    Map<String, String> otherAttributes,
    List<XmlElement> extensions) {

  /** Namespace of {@code xs:noNamespaceSchemaLocation} (XML Schema instance). */
  public static final String XSI_NAMESPACE = "http://www.w3.org/2001/XMLSchema-instance";

  /**
   * Creates a context, copying the collections.
   *
   * @param name the context name, unique within a routing domain
   * @param digitmap the digit map text ({@code auto} kept as is), or null when absent
   * @param np the numbering plan applied on entry ({@code np="city"}), or null
   * @param domain the domain attribute, or null
   * @param rules the rules in document order
   * @param otherAttributes attributes of {@code <context>} this module does not interpret, such as {@code xmlns:xs} and {@code xs:noNamespaceSchemaLocation}, kept for write-back
   * @param extensions child elements of {@code <context>} other than {@code <rule>}, kept for write-back
   * @throws NullPointerException when a non-null argument is null
   */
  public RoutingContext {
    requireNonNull(name, "name");
    rules = List.copyOf(rules);
    otherAttributes = Attributes.copy(otherAttributes);
    extensions = List.copyOf(extensions);
  }

  /**
   * Creates a context with the vendor's schema reference ({@code xmlns:xs} and {@code
   * xs:noNamespaceSchemaLocation="ecss_routing.xsd"}), as the manual's files carry it.
   *
   * @param name the context name
   * @param digitmap the digit map, or null
   * @param rules the rules
   * @return the context
   */
  public static RoutingContext of(String name, @Nullable String digitmap, List<Rule> rules) {
    return new RoutingContext(
        name,
        digitmap,
        null,
        null,
        rules,
        Map.of("xmlns:xs", XSI_NAMESPACE, "xs:noNamespaceSchemaLocation", "ecss_routing.xsd"),
        List.of());
  }

  /**
   * Returns this context with other rules.
   *
   * @param newRules the rules
   * @return a copy with {@code newRules}
   */
  public RoutingContext withRules(List<Rule> newRules) {
    return new RoutingContext(name, digitmap, np, domain, newRules, otherAttributes, extensions);
  }
}
