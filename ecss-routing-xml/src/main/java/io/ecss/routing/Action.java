package io.ecss.routing;

import static java.util.Objects.requireNonNull;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One action of a rule. Every template of a rule reads the numbers as they were when the rule
 * matched; the actions then apply together.
 *
 * <p>Immutable and thread-safe.
 */
public sealed interface Action permits Action.Digits, Action.Sorm, Action.Unsupported {

  /**
   * {@code <cdpn digits="…" ni="…" nai="…"/>} or {@code <cgpn …/>}: rewrites the number and sets its
   * indicators. Absent attributes leave that part unchanged.
   *
   * @param field which number is rewritten
   * @param digits the template of the new number, or null to keep the digits
   * @param ni the new number indicator, or null to keep it
   * @param nai the new nature of address, or null to keep it
   * @param otherAttributes attributes this module does not interpret, kept for write-back; an
   *     action with any makes its rule unsupported for evaluation
   */
  record Digits(
      Field field,
      @Nullable Template digits,
      @Nullable String ni,
      @Nullable String nai,
      Map<String, String> otherAttributes)
      implements Action {
    /**
     * Creates a number action.
     *
     * @param field which number is rewritten
     * @param digits the template of the new number, or null to keep the digits
     * @param ni the new number indicator, or null to keep it
     * @param nai the new nature of address, or null to keep it
     * @param otherAttributes attributes this module does not interpret, kept for write-back; an action with any makes its rule unsupported for evaluation
     * @throws NullPointerException when {@code field} or {@code otherAttributes} is null
     */
    public Digits {
      requireNonNull(field, "field");
      otherAttributes = Attributes.copy(otherAttributes);
    }

    /**
     * Creates an action that only rewrites the digits.
     *
     * @param field which number is rewritten
     * @param template the template text
     * @return the action
     * @throws RoutingSyntaxException when the template is malformed
     */
    public static Digits of(Field field, String template) {
      return new Digits(field, Template.parse(template), null, null, Map.of());
    }
  }

  /**
   * {@code <called sorm_digits="…" sorm_ni="…"/>} (B) or {@code <calling …/>} (A): sets the number
   * and indicator the SORM subsystem uses for this call. Either part may be absent.
   *
   * @param field {@link Field#CDPN} for {@code called}, {@link Field#CGPN} for {@code calling}
   * @param digits the template of the SORM number, or null to leave it unset
   * @param ni the SORM number indicator, or null to leave it unset
   * @param otherAttributes attributes this module does not interpret, kept for write-back; an
   *     action with any makes its rule unsupported for evaluation
   */
  record Sorm(
      Field field, @Nullable Template digits, @Nullable SormNi ni, Map<String, String> otherAttributes)
      implements Action {
    /**
     * Creates a SORM action.
     *
     * @param field {@link Field#CDPN} for {@code called}, {@link Field#CGPN} for {@code calling}
     * @param digits the template of the SORM number, or null to leave it unset
     * @param ni the SORM number indicator, or null to leave it unset
     * @param otherAttributes attributes this module does not interpret, kept for write-back; an action with any makes its rule unsupported for evaluation
     * @throws NullPointerException when {@code field} or {@code otherAttributes} is null
     */
    public Sorm {
      requireNonNull(field, "field");
      otherAttributes = Attributes.copy(otherAttributes);
    }
  }

  /**
   * An action element this module does not support, kept for write-back; the evaluator reports its
   * rule as unsupported.
   *
   * @param element the element as read
   */
  record Unsupported(XmlElement element) implements Action {
    /**
     * Creates an unsupported action.
     *
     * @param element the element as read
     * @throws NullPointerException when {@code element} is null
     */
    public Unsupported {
      requireNonNull(element, "element");
    }
  }
}
