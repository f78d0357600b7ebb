package io.ecss.csta;

/**
 * Root of the exceptions this module throws for bad input: a CSTA message or session that cannot be read or
 * used. Unchecked, so callers handle it where they can act on it. Subclasses say where the problem
 * is (a byte offset, or a line and column) and what was expected.
 *
 * <p>Caller mistakes (a null argument, a value out of range, a method called in the wrong state)
 * are reported with the JDK's {@link NullPointerException}, {@link IllegalArgumentException} and
 * {@link IllegalStateException} instead.
 */
public class CstaException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates an exception with a message that names the offending input.
   *
   * @param message what was wrong, where, and what was expected
   */
  public CstaException(String message) {
    super(message);
  }

  /**
   * Creates an exception with a message and the underlying cause.
   *
   * @param message what was wrong, where, and what was expected
   * @param cause the underlying failure
   */
  public CstaException(String message, Throwable cause) {
    super(message, cause);
  }
}
