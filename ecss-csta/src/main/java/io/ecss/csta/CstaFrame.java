package io.ecss.csta;

import static java.util.Objects.requireNonNull;

/**
 * One CSTA frame: an invoke id and an XML body (see {@link CstaFrames} for the bytes).
 *
 * <p>Immutable and thread-safe.
 *
 * @param invokeId 0 to 9999; {@value CstaFrames#EVENT_INVOKE_ID} marks an event
 * @param xml the XML body
 */
public record CstaFrame(int invokeId, String xml) {

  /**
   * Validates the fields.
   *
   * @param invokeId 0 to 9999; {@value CstaFrames#EVENT_INVOKE_ID} marks an event
   * @param xml the XML body
   * @throws IllegalArgumentException if the invoke id is outside 0..9999
   */
  public CstaFrame {
    CstaFrames.checkInvokeId(invokeId);
    requireNonNull(xml, "xml");
  }

  @Override
  public String toString() {
    // Never print the body: it carries subscriber numbers.
    return "CstaFrame[invokeId=" + CstaFrames.formatInvokeId(invokeId) + ", chars=" + xml.length() + "]";
  }
}
