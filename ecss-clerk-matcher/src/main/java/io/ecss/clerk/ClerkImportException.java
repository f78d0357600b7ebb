package io.ecss.clerk;

/**
 * A phonebook import that failed for a reason other than the file's syntax: an HTTP status other
 * than 200, a connection failure or time-out, a size limit exceeded. The message names the source
 * and the limit or status.
 *
 * <p>Immutable and thread-safe.
 */
public final class ClerkImportException extends ClerkException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates an exception naming the source and the problem.
   *
   * @param message what failed, for which source
   */
  public ClerkImportException(String message) {
    super(message);
  }

  /**
   * Creates an exception naming the source and the problem, with its cause.
   *
   * @param message what failed, for which source
   * @param cause the underlying I/O failure
   */
  public ClerkImportException(String message, Throwable cause) {
    super(message, cause);
  }
}
