package io.ecss.asr.jsgf;

import static java.util.Objects.requireNonNull;

/**
 * A rule definition (JSGF §4.1): {@code [public] <name> = expansion;}, with the documentation
 * comment ({@code /** … *}{@code /}, §4.10) written right before it, if any.
 *
 * <p>Immutable and thread-safe.
 *
 * @param name the simple rule name (not {@code NULL} or {@code VOID})
 * @param isPublic whether the rule is public (activatable and importable)
 * @param expansion the right-hand side
 * @param documentation the text between {@code /**} and the closing {@code *}{@code /} as written,
 *     or the empty string when the rule has no documentation comment
 */
public record JsgfRule(String name, boolean isPublic, Expansion expansion, String documentation) {
  /**
   * Validates the rule.
   *
   * @param name the simple rule name (not {@code NULL} or {@code VOID})
   * @param isPublic whether the rule is public (activatable and importable)
   * @param expansion the right-hand side
   * @param documentation the text between {@code /**} and the closing {@code *}{@code /} as written, or the empty string when the rule has no documentation comment
   * @throws IllegalArgumentException when the name is not a simple rule name, is {@code NULL} or
   *     {@code VOID}, or the documentation contains the comment terminator or starts with a
   *     slash
   */
  public JsgfRule {
    requireNonNull(name, "name");
    requireNonNull(expansion, "expansion");
    requireNonNull(documentation, "documentation");
    if (!Names.isSimpleName(name)) {
      throw new IllegalArgumentException("rule name: '" + name + "' (expected a simple name)");
    }
    if (name.equals("NULL") || name.equals("VOID")) {
      throw new IllegalArgumentException("rule name: " + name + " (reserved)");
    }
    if (documentation.contains("*/") || documentation.startsWith("/")) {
      throw new IllegalArgumentException(
          "documentation: contains the comment terminator or starts with '/'");
    }
  }

  /**
   * Creates an undocumented rule.
   *
   * @param name the rule name
   * @param isPublic whether the rule is public
   * @param expansion the right-hand side
   * @return the rule
   */
  public static JsgfRule of(String name, boolean isPublic, Expansion expansion) {
    return new JsgfRule(name, isPublic, expansion, "");
  }
}
