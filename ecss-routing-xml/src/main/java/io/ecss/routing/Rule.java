package io.ecss.routing;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Map;

/**
 * A routing rule: {@code <rule name="…">} with its conditions, actions and result. The rule matches
 * a call when every condition holds (a rule without conditions matches every call).
 *
 * <pre>{@code
 * Rule r = Rule.of("to_8",
 *     List.of(Condition.Digits.of(Field.CDPN, "8%")),
 *     List.of(Action.Digits.of(Field.CDPN, "7{%}")),
 *     Result.External.direction("smg_trunk"));
 * }</pre>
 *
 * @param name the rule name (unique within its context; {@link RoutingValidator} reports
 *     duplicates)
 * @param conditions the conditions, all of which must hold
 * @param actions the actions applied when the rule matches
 * @param result what happens to the call
 * @param otherAttributes attributes of {@code <rule>} this module does not interpret, kept
 * @param containerAttributes attributes of {@code <conditions>}, {@code <actions>} and {@code
 *     <result>}, keyed by that element name, kept for write-back
 * @param extensions other child elements of {@code <rule>}, kept for write-back; they make the
 *     rule unsupported for evaluation
 */
public record Rule(
    String name,
    List<Condition> conditions,
    List<Action> actions,
    Result result,
    Map<String, String> otherAttributes,
    Map<String, Map<String, String>> containerAttributes,
    List<XmlElement> extensions) {

  /**
   * Creates a rule, copying the collections.
   *
   * @param name the rule name (unique within its context; {@link RoutingValidator} reports duplicates)
   * @param conditions the conditions, all of which must hold
   * @param actions the actions applied when the rule matches
   * @param result what happens to the call
   * @param otherAttributes attributes of {@code <rule>} this module does not interpret, kept
   * @param containerAttributes attributes of {@code <conditions>}, {@code <actions>} and {@code <result>}, keyed by that element name, kept for write-back
   * @param extensions other child elements of {@code <rule>}, kept for write-back; they make the rule unsupported for evaluation
   * @throws NullPointerException when an argument is null
   */
  public Rule {
    requireNonNull(name, "name");
    conditions = List.copyOf(conditions);
    actions = List.copyOf(actions);
    requireNonNull(result, "result");
    otherAttributes = Attributes.copy(otherAttributes);
    containerAttributes = Attributes.copyNested(containerAttributes);
    extensions = List.copyOf(extensions);
  }

  /**
   * Creates a rule with no attributes or extensions beyond the supported ones.
   *
   * @param name the rule name
   * @param conditions the conditions
   * @param actions the actions
   * @param result the result
   * @return the rule
   */
  public static Rule of(
      String name, List<Condition> conditions, List<Action> actions, Result result) {
    return new Rule(name, conditions, actions, result, Map.of(), Map.of(), List.of());
  }
}
