package io.ecss.webvtt;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * What the parser read: the file and the problems it skipped or repaired on the way.
 *
 * <p>The parser keeps the first {@value #MAX_PROBLEMS} problems; when there were more, one last
 * problem at the position of the first one left out says how many more there were (so hostile
 * input, for example millions of ignored cue settings, cannot make the list outgrow the input).
 *
 * <p>Immutable and thread-safe.
 *
 * @param file the file as the W3C algorithm reads it
 * @param problems what was dropped, ignored or (lenient mode) repaired, in input order
 */
public record WebVttParseResult(WebVttFile file, List<WebVttProblem> problems) {

  /** Most problems a parse lists individually (then one summary problem). */
  public static final int MAX_PROBLEMS = 1000;

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
