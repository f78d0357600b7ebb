package io.ecss.csta;

/**
 * No response arrived within the request timeout. The invoke id is quarantined so that a late
 * response is dropped rather than delivered to a later request.
 */
public class CstaTimeoutException extends CstaException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates the exception.
   *
   * @param message the request, invoke id and timeout
   */
  public CstaTimeoutException(String message) {
    super(message);
  }
}
