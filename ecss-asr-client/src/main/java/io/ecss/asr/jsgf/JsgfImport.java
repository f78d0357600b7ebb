package io.ecss.asr.jsgf;

import static java.util.Objects.requireNonNull;

/**
 * An import declaration (JSGF §3.3): {@code import <grammar.rule>;} imports one public rule,
 * {@code import <grammar.*>;} every public rule of a grammar.
 *
 * <p>Immutable and thread-safe.
 *
 * @param name the imported name: a qualified rule name, or a grammar name followed by {@code .*}
 */
public record JsgfImport(String name) {
  /**
   * Validates the name.
   *
   * @param name the imported name: a qualified rule name, or a grammar name followed by {@code .*}
   * @throws IllegalArgumentException when the name is not qualified or not a valid name
   */
  public JsgfImport {
    requireNonNull(name, "name");
    String base = name.endsWith(".*") ? name.substring(0, name.length() - 2) : name;
    if (!Names.isDottedName(base) || (!name.endsWith(".*") && base.indexOf('.') < 0)) {
      throw new IllegalArgumentException(
          "import: <" + name + "> (expected <grammar.rule> or <grammar.*>)");
    }
  }

  /**
   * Whether this imports every public rule of a grammar ({@code <grammar.*>}).
   *
   * @return true for a wildcard import
   */
  public boolean isWildcard() {
    return name.endsWith(".*");
  }

  /**
   * Returns the name of the imported grammar.
   *
   * @return the part before the last dot
   */
  public String grammarName() {
    return name.substring(0, name.lastIndexOf('.'));
  }

  /**
   * Returns the imported rule's simple name, or {@code *} for a wildcard import.
   *
   * @return the part after the last dot
   */
  public String ruleName() {
    return name.substring(name.lastIndexOf('.') + 1);
  }
}
