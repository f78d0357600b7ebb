package io.ecss.csta;

/**
 * The link to the switch failed: connect or TLS handshake failure, the connection dropped while a
 * request was pending, a write failed, or the client was closed. Futures of pending requests
 * complete exceptionally with this exception.
 */
public class CstaConnectionException extends CstaException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message what failed
   */
  public CstaConnectionException(String message) {
    super(message);
  }

  /**
   * Creates the exception with a cause.
   *
   * @param message what failed
   * @param cause the I/O failure
   */
  public CstaConnectionException(String message, Throwable cause) {
    super(message, cause);
  }
}
