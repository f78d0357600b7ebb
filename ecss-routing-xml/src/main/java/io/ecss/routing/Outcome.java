package io.ecss.routing;

/**
 * How routing of a call ended.
 *
 * <p>Immutable and thread-safe.
 */
public enum Outcome {
  /** The call leaves through a trunk or direction ({@code <external>}). */
  EXTERNAL,
  /** The call terminates locally ({@code <local/>}). */
  LOCAL,
  /** The call goes to the teleconference system ({@code <teleconference/>}). */
  TELECONFERENCE,
  /** No rule of the last context matched. */
  NO_ROUTE,
  /** {@code <continue>} came back to a visited context or exceeded the hop limit. */
  LOOP,
  /**
   * Routing could not go on: an unknown context, a template position past the end of the number,
   * or a matching rule with content this module does not support.
   */
  ERROR;

  /**
   * The lower-case label used in traces and JSON: {@code external}, {@code no_route}, ….
   *
   * @return the label
   */
  public String label() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
