package io.ecss.routing;

/**
 * The two numbers of a call a rule reads and rewrites.
 *
 * <p>Immutable and thread-safe.
 */
public enum Field {
  /** The calling party number, "A" ({@code <cgpn>} condition and action, {@code <calling>} SORM). */
  CGPN("cgpn", "calling", "a"),
  /** The called party number, "B" ({@code <cdpn>} condition and action, {@code <called>} SORM). */
  CDPN("cdpn", "called", "b");

  private final String element;
  private final String sormElement;
  private final String party;

  Field(String element, String sormElement, String party) {
    this.element = element;
    this.sormElement = sormElement;
    this.party = party;
  }

  /**
   * The element name of conditions and number actions on this field.
   *
   * @return {@code cgpn} or {@code cdpn}
   */
  public String element() {
    return element;
  }

  /**
   * The element name of SORM actions on this field.
   *
   * @return {@code calling} or {@code called}
   */
  public String sormElement() {
    return sormElement;
  }

  /**
   * The party letter used in SORM option keys and traces.
   *
   * @return {@code a} or {@code b}
   */
  public String party() {
    return party;
  }
}
