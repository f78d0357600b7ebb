package io.ecss.clerk;

import static java.util.Objects.requireNonNull;

import org.jspecify.annotations.Nullable;

/**
 * The clerk service's answer to one recognised chunk, as the manual's protocol defines it: a
 * <em>partial</em> answer (HTTP 206) carries the recognised string only, so the IVR can say what
 * it heard when its time-out fires; a <em>final</em> answer (HTTP 200) carries the number to call
 * and the string. Both carry the callback paths the IVR requests with {@code HEAD
 * http://<clerk>/<path>} after the call: {@code positive_url} when it dialled the number, {@code
 * negative_url} when it gave up.
 *
 * <p>JSON form ({@link #toJson()}), read by the IVR script as {@code ASR_RECOGNIZED}, {@code
 * ASR_NUMBER}, {@code ASR_POSITIVE_URL}, {@code ASR_NEGATIVE_URL}:
 *
 * <pre>{@code
 * {"recognized":"женя казарцев","number":"4819","positive_url":"call-17/positive_url","negative_url":"call-17/negative_url"}
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @param status {@link #PARTIAL} (206) or {@link #FINAL} (200)
 * @param requestId the request (call) id the chunk belongs to
 * @param recognized the recognised string (the first hypothesis); may be empty
 * @param number the number to call; set exactly when the answer is final
 * @param positiveUrl the path of the positive callback, {@code <requestId>/positive_url}
 * @param negativeUrl the path of the negative callback, {@code <requestId>/negative_url}
 * @param result the search result behind the answer
 */
public record ClerkAnswer(
    int status,
    String requestId,
    String recognized,
    @Nullable String number,
    String positiveUrl,
    String negativeUrl,
    SearchResult result) {

  /** HTTP status of a partial answer: the number is not known yet. */
  public static final int PARTIAL = 206;

  /** HTTP status of a final answer: the number is known. */
  public static final int FINAL = 200;
  /**
   * Validates and copies the components, as the type's description says.
   *
   * @param status the {@code status} component
   * @param requestId the {@code requestId} component
   * @param recognized the {@code recognized} component
   * @param number the {@code number} component
   * @param positiveUrl the {@code positiveUrl} component
   * @param negativeUrl the {@code negativeUrl} component
   * @param result the {@code result} component
   */
  public ClerkAnswer {
    requireNonNull(requestId, "requestId");
    requireNonNull(recognized, "recognized");
    requireNonNull(positiveUrl, "positiveUrl");
    requireNonNull(negativeUrl, "negativeUrl");
    requireNonNull(result, "result");
    if (status != PARTIAL && status != FINAL) {
      throw new IllegalArgumentException("status: " + status + " (expected 200 or 206)");
    }
    if ((status == FINAL) != (number != null)) {
      throw new IllegalArgumentException(
          "number: " + number + " (expected a number exactly when status is 200)");
    }
  }

  /**
   * Returns whether this is the final answer (HTTP 200, with a number).
   *
   * @return true for status 200
   */
  public boolean isFinal() {
    return status == FINAL;
  }

  /**
   * Formats the answer as the JSON object the IVR reads: {@code recognized}, {@code number} (final
   * answers only), {@code positive_url}, {@code negative_url}.
   *
   * @return one line of JSON
   */
  public String toJson() {
    StringBuilder sb = new StringBuilder(128);
    sb.append("{\"recognized\":");
    quote(sb, recognized);
    if (number != null) {
      sb.append(",\"number\":");
      quote(sb, number);
    }
    sb.append(",\"positive_url\":");
    quote(sb, positiveUrl);
    sb.append(",\"negative_url\":");
    quote(sb, negativeUrl);
    return sb.append('}').toString();
  }

  private static void quote(StringBuilder sb, String s) {
    sb.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        case '\n' -> sb.append("\\n");
        case '\r' -> sb.append("\\r");
        case '\t' -> sb.append("\\t");
        default -> {
          if (c < 0x20 || c == '\u2028' || c == '\u2029') {
            sb.append(String.format("\\u%04x", (int) c));
          } else {
            sb.append(c);
          }
        }
      }
    }
    sb.append('"');
  }
}
