package io.ecss.asr.jsgf;

import java.util.List;

/**
 * The outcome of {@link JsgfMatcher#match}: whether the words are in the rule's language, and the
 * tags on the accepting path in the order they occur.
 *
 * <p>Immutable and thread-safe.
 *
 * @param matched whether the words belong to the language
 * @param tags the tags of the accepting path; empty when there is no match or no tag on the path
 */
public record JsgfMatch(boolean matched, List<String> tags) {
  /** No match. */
  public static final JsgfMatch NO_MATCH = new JsgfMatch(false, List.of());

  /**
   * Validates and copies.
   *
   * @param matched whether the words belong to the language
   * @param tags the tags of the accepting path; empty when there is no match or no tag on the path
   * @throws IllegalArgumentException when tags are given without a match
   */
  public JsgfMatch {
    tags = List.copyOf(tags);
    if (!matched && !tags.isEmpty()) {
      throw new IllegalArgumentException("tags: " + tags + " (expected none without a match)");
    }
  }
}
