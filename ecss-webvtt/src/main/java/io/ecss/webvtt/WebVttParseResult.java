package io.ecss.webvtt;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * What the parser read: the file and the problems it skipped or repaired on the way.
 *
 * <p>Immutable and thread-safe.
 *
 * @param file the file as the W3C algorithm reads it
 * @param problems what was dropped, ignored or (lenient mode) repaired, in input order
 */
public record WebVttParseResult(WebVttFile file, List<WebVttProblem> problems) {

  /**
   * Checks the components and copies the list.
   *
   * @param file the file as the W3C algorithm reads it
   * @param problems what was dropped, ignored or (lenient mode) repaired, in input order
   */
  public WebVttParseResult {
    requireNonNull(file, "file");
    problems = List.copyOf(problems);
  }
}
