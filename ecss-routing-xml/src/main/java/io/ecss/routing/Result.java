package io.ecss.routing;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Map;

/**
 * What a matching rule does with the call: the one child of {@code <result>}.
 *
 * <p>Immutable and thread-safe.
 */
public sealed interface Result
    permits Result.Local,
        Result.Teleconference,
        Result.External,
        Result.Continue,
        Result.Unsupported {

  /**
   * {@code <local/>}: the call terminates on a subscriber of this domain.
   *
   * @param otherAttributes attributes kept for write-back (make the rule unsupported)
   */
  record Local(Map<String, String> otherAttributes) implements Result {
    /**
     * Creates the result.
     *
     * @param otherAttributes attributes kept for write-back (make the rule unsupported)
     * @throws NullPointerException when {@code otherAttributes} is null
     */
    public Local {
      otherAttributes = Attributes.copy(otherAttributes);
    }

    /**
     * Returns {@code <local/>} with no other attributes.
     *
     * @return the result
     */
    public static Local of() {
      return new Local(Map.of());
    }
  }

  /**
   * {@code <teleconference/>}: the call goes to the teleconference system interface.
   *
   * @param otherAttributes attributes kept for write-back (make the rule unsupported)
   */
  record Teleconference(Map<String, String> otherAttributes) implements Result {
    /**
     * Creates the result.
     *
     * @param otherAttributes attributes kept for write-back (make the rule unsupported)
     * @throws NullPointerException when {@code otherAttributes} is null
     */
    public Teleconference {
      otherAttributes = Attributes.copy(otherAttributes);
    }

    /**
     * Returns {@code <teleconference/>} with no other attributes.
     *
     * @return the result
     */
    public static Teleconference of() {
      return new Teleconference(Map.of());
    }
  }

  /** Where an {@code <external>} result sends the call. */
  enum Target {
    /** {@code <trunk value="…"/>}: a trunk (or bridge, {@code bridge:name}). */
    TRUNK,
    /** {@code <direction value="…"/>}: a direction (a set of interfaces). */
    DIRECTION;

    /**
     * The element name.
     *
     * @return {@code trunk} or {@code direction}
     */
    public String element() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  /**
   * {@code <external><trunk value="…"/></external>} or with {@code <direction>}: the call leaves
   * through a trunk or a direction.
   *
   * @param target trunk or direction
   * @param value the trunk or direction name
   * @param otherAttributes attributes of {@code <external>} kept for write-back
   * @param targetAttributes attributes of the trunk/direction element other than {@code value}
   * @param extensions other child elements of {@code <external>}, kept for write-back
   */
  record External(
      Target target,
      String value,
      Map<String, String> otherAttributes,
      Map<String, String> targetAttributes,
      List<XmlElement> extensions)
      implements Result {
    /**
     * Creates the result.
     *
     * @param target trunk or direction
     * @param value the trunk or direction name
     * @param otherAttributes attributes of {@code <external>} kept for write-back
     * @param targetAttributes attributes of the trunk/direction element other than {@code value}
     * @param extensions other child elements of {@code <external>}, kept for write-back
     * @throws NullPointerException when an argument is null
     */
    public External {
      requireNonNull(target, "target");
      requireNonNull(value, "value");
      otherAttributes = Attributes.copy(otherAttributes);
      targetAttributes = Attributes.copy(targetAttributes);
      extensions = List.copyOf(extensions);
    }

    /**
     * Returns an external result through a trunk.
     *
     * @param trunk the trunk name
     * @return the result
     */
    public static External trunk(String trunk) {
      return new External(Target.TRUNK, trunk, Map.of(), Map.of(), List.of());
    }

    /**
     * Returns an external result through a direction.
     *
     * @param direction the direction name
     * @return the result
     */
    public static External direction(String direction) {
      return new External(Target.DIRECTION, direction, Map.of(), Map.of(), List.of());
    }
  }

  /**
   * {@code <continue context="…"/>}: routing goes on in another context with the modified call.
   *
   * @param context the name of the next context
   * @param otherAttributes attributes kept for write-back (make the rule unsupported)
   */
  record Continue(String context, Map<String, String> otherAttributes) implements Result {
    /**
     * Creates the result.
     *
     * @param context the name of the next context
     * @param otherAttributes attributes kept for write-back (make the rule unsupported)
     * @throws NullPointerException when an argument is null
     */
    public Continue {
      requireNonNull(context, "context");
      otherAttributes = Attributes.copy(otherAttributes);
    }

    /**
     * Returns a continue result with no other attributes.
     *
     * @param context the next context
     * @return the result
     */
    public static Continue of(String context) {
      return new Continue(context, Map.of());
    }
  }

  /**
   * A result element this module does not support, kept for write-back; the evaluator reports its
   * rule as unsupported.
   *
   * @param element the element as read
   */
  record Unsupported(XmlElement element) implements Result {
    /**
     * Creates an unsupported result.
     *
     * @param element the element as read
     * @throws NullPointerException when {@code element} is null
     */
    public Unsupported {
      requireNonNull(element, "element");
    }
  }
}
