package io.ecss.sorm;

/**
 * A command sent by {@link SormConsole} got no complete answer (message 7, message 8 and any
 * table data) within its timeout.
 *
 * <p>Immutable and thread-safe.
 */
public class SormTimeoutException extends SormException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message which command timed out and after how long
   */
  public SormTimeoutException(String message) {
    super(message);
  }
}
