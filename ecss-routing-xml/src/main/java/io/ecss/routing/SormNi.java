package io.ecss.routing;

import java.util.Optional;

/**
 * The SORM number indicator ({@code sorm_ni}) a rule assigns to the A or B number, as listed in the
 * vendor manual: private network, local, zone, intercity, international, emergency services.
 *
 * <p>Immutable and thread-safe.
 */
public enum SormNi {
  /** {@code private}: private network. */
  PRIVATE,
  /** {@code local}: local network. */
  LOCAL,
  /** {@code zone}: zone network. */
  ZONE,
  /** {@code intercity}: long-distance network. */
  INTERCITY,
  /** {@code international}: international network. */
  INTERNATIONAL,
  /** {@code emergency}: emergency services. */
  EMERGENCY;

  /**
   * The attribute value, e.g. {@code intercity}.
   *
   * @return the lower-case XML value
   */
  public String xmlValue() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }

  /**
   * Looks a value up by its XML spelling (exact, lower case).
   *
   * @param value the attribute value
   * @return the indicator, or empty when {@code value} is not one of the six values
   */
  public static Optional<SormNi> of(String value) {
    for (SormNi ni : values()) {
      if (ni.xmlValue().equals(value)) {
        return Optional.of(ni);
      }
    }
    return Optional.empty();
  }

  /** The six values, comma separated, for error messages. */
  static String allValues() {
    StringBuilder sb = new StringBuilder();
    for (SormNi ni : values()) {
      if (sb.length() > 0) {
        sb.append(", ");
      }
      sb.append(ni.xmlValue());
    }
    return sb.toString();
  }
}
