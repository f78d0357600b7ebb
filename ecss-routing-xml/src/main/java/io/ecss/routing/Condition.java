package io.ecss.routing;

import static java.util.Objects.requireNonNull;

import java.util.Map;

/**
 * One condition of a rule; all conditions of a rule must hold for the rule to match.
 *
 * <p>Immutable and thread-safe.
 */
public sealed interface Condition permits Condition.Digits, Condition.Unsupported {

  /**
   * {@code <cdpn digits="…"/>} or {@code <cgpn digits="…"/>}: the number matches the pattern.
   *
   * @param field which number is tested
   * @param pattern the pattern the whole number must match
   * @param otherAttributes attributes this module does not interpret, kept for write-back; a
   *     condition with any makes its rule unsupported for evaluation
   */
  record Digits(Field field, DigitPattern pattern, Map<String, String> otherAttributes)
      implements Condition {
    /**
     * Creates a condition.
     *
     * @param field which number is tested
     * @param pattern the pattern the whole number must match
     * @param otherAttributes attributes this module does not interpret, kept for write-back; a condition with any makes its rule unsupported for evaluation
     * @throws NullPointerException when an argument is null
     */
    public Digits {
      requireNonNull(field, "field");
      requireNonNull(pattern, "pattern");
      otherAttributes = Attributes.copy(otherAttributes);
    }

    /**
     * Creates a condition from pattern text.
     *
     * @param field which number is tested
     * @param pattern the pattern text
     * @return the condition
     * @throws RoutingSyntaxException when the pattern is malformed
     */
    public static Digits of(Field field, String pattern) {
      return new Digits(field, DigitPattern.parse(pattern), Map.of());
    }
  }

  /**
   * A condition element this module does not support, kept for write-back; the evaluator reports
   * its rule as unsupported.
   *
   * @param element the element as read
   */
  record Unsupported(XmlElement element) implements Condition {
    /**
     * Creates an unsupported condition.
     *
     * @param element the element as read
     * @throws NullPointerException when {@code element} is null
     */
    public Unsupported {
      requireNonNull(element, "element");
    }
  }
}
