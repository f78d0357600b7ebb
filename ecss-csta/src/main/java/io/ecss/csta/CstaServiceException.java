package io.ecss.csta;

import static java.util.Objects.requireNonNull;

/**
 * The switch refused a request: it answered {@code CSTAErrorCode} or a {@code ...NegResponse}.
 * {@link #error()} carries the typed category and value, e.g. {@code
 * stateIncompatibility}/{@code noCallToAnswer}.
 */
public class CstaServiceException extends CstaException {
  private static final long serialVersionUID = 1L;

  /** The negative response. */
  @SuppressWarnings("serial") // CstaError is a record of strings; Java serialization is not used
  private final CstaError error;

  /**
   * Creates the exception.
   *
   * @param request the request's root element name
   * @param invokeId the request's invoke id
   * @param error the negative response
   */
  public CstaServiceException(String request, int invokeId, CstaError error) {
    super(
        request
            + " invokeID "
            + CstaFrames.formatInvokeId(invokeId)
            + " refused: "
            + requireNonNull(error, "error").category()
            + "/"
            + error.value());
    this.error = error;
  }

  /**
   * The negative response as received.
   *
   * @return the error
   */
  public CstaError error() {
    return error;
  }
}
