package io.ecss.webvtt;

import static java.util.Objects.requireNonNull;

/**
 * Something the parser skipped or repaired while reading a WebVTT file: a cue dropped because of
 * its timing line, a cue setting ignored, a block that is neither cue, comment, style sheet nor
 * region, or (lenient mode) a vendor quirk that was repaired. The W3C algorithm continues after
 * each of these; the problem list lets a caller see what a player would silently lose.
 *
 * <p>Immutable and thread-safe.
 *
 * @param line 1-based line number in the input
 * @param column 1-based column (UTF-16 code units from the start of the line)
 * @param message what was skipped or repaired and why
 */
public record WebVttProblem(int line, int column, String message) {

  /**
   * Validates the components.
   *
   * @param line 1-based line number in the input
   * @param column 1-based column (UTF-16 code units from the start of the line)
   * @param message what was skipped or repaired and why
   * @throws IllegalArgumentException if {@code line} or {@code column} is below 1
   */
  public WebVttProblem {
    requireNonNull(message, "message");
    if (line < 1 || column < 1) {
      throw new IllegalArgumentException(
          "position: " + line + ":" + column + " (expected line and column >= 1)");
    }
  }

  /**
   * Returns the problem as {@code "line L, column C: message"}.
   *
   * @return a one-line description
   */
  @Override
  public String toString() {
    return "line " + line + ", column " + column + ": " + message;
  }
}
