package io.ecss.asr.transcription;

import io.ecss.asr.AsrException;

/**
 * The transcription service answered with a status other than 200; the message holds the method,
 * the URL, the status and the service's own explanation (its response body, shortened).
 */
public final class TranscriptionHttpException extends AsrException {
  private static final long serialVersionUID = 1L;

  /** The HTTP status code. */
  private final int status;

  /** The response body, possibly shortened. */
  private final String body;

  TranscriptionHttpException(String request, int status, String body) {
    super(request + ": HTTP " + status + (body.isBlank() ? "" : ": " + body.strip()));
    this.status = status;
    this.body = body;
  }

  /**
   * The HTTP status code.
   *
   * @return e.g. 400 for a bad WAV, 413 for a body over the limit, 503 when busy
   */
  public int status() {
    return status;
  }

  /**
   * The service's response body (the reason), at most 1,000 characters.
   *
   * @return the body
   */
  public String body() {
    return body;
  }
}
