package io.ecss.routing;

/**
 * How serious a {@link Problem} is.
 *
 * <p>Immutable and thread-safe.
 */
public enum Severity {
  /** The context cannot be used as written (it does not load or compile, or routes wrongly). */
  ERROR,
  /** The context works but something is likely a mistake or is not supported by the evaluator. */
  WARNING;

  /**
   * The lower-case name used in reports.
   *
   * @return {@code error} or {@code warning}
   */
  public String label() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
