package io.ecss.routing;

/**
 * How the called number arrives, as in the vendor's {@code routing/trace … mode=enblock}.
 *
 * <p>Immutable and thread-safe.
 */
public enum RouteMode {
  /** The whole called number arrives at once and is routed as is. */
  ENBLOCK,
  /**
   * The called number arrives symbol by symbol. Collection follows the entry context's digit map
   * (RFC 3435 §2.1.5): it stops at the first prefix the map reports {@code full} or {@code no_match};
   * when the map stays {@code partial} the inter-digit timer ends it with the whole number. A
   * context without a digit map, or with {@code digitmap="auto"}, routes the whole number.
   */
  OVERLAP;

  /**
   * The lower-case label: {@code enblock} or {@code overlap}.
   *
   * @return the label
   */
  public String label() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
