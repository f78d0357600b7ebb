package io.ecss.sorm;

/**
 * A SORM link failed: the connection could not be made, was closed by the peer or by {@code
 * close()}, or a write failed. Futures of {@link SormConsole} complete exceptionally with it.
 *
 * <p>Immutable and thread-safe.
 */
public class SormConnectionException extends SormException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what failed, naming the link
   */
  public SormConnectionException(String message) {
    super(message);
  }

  /**
   * Creates the exception with its cause.
   *
   * @param message what failed, naming the link
   * @param cause the I/O error
   */
  public SormConnectionException(String message, Throwable cause) {
    super(message, cause);
  }
}
