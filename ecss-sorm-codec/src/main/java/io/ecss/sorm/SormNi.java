package io.ecss.sorm;

import java.util.Locale;

/**
 * The values of the {@code sorm_ni} attribute of ECSS-10 routing contexts ({@code <calling
 * sorm_ni="…"/>}, {@code <called sorm_ni="…"/>}) and the number indicator each maps to (spec
 * decision 10): Order 268 merges local, zone and long-distance into one indicator {@code 04}.
 */
public enum SormNi {
  /** {@code private}: private network → {@link NumberIndicator#NODE_SUBSCRIBER} ({@code 01}). */
  PRIVATE(0x01),
  /** {@code local}: local network → {@link NumberIndicator#RUSSIAN_PSTN} ({@code 04}). */
  LOCAL(0x04),
  /** {@code zone}: zone network → {@link NumberIndicator#RUSSIAN_PSTN} ({@code 04}). */
  ZONE(0x04),
  /** {@code intercity}: long-distance → {@link NumberIndicator#RUSSIAN_PSTN} ({@code 04}). */
  INTERCITY(0x04),
  /** {@code international} → {@link NumberIndicator#INTERNATIONAL} ({@code 05}). */
  INTERNATIONAL(0x05),
  /** {@code emergency}: emergency services → {@link NumberIndicator#EMERGENCY} ({@code 06}). */
  EMERGENCY(0x06);

  private final int indicator;

  SormNi(int indicator) {
    this.indicator = indicator;
  }

  /**
   * Returns the number indicator this value maps to.
   *
   * @return the indicator
   */
  public NumberIndicator indicator() {
    return NumberIndicator.of(indicator);
  }

  /**
   * Returns the attribute value as written in routing contexts, e.g. {@code intercity}.
   *
   * @return the lower-case value
   */
  public String value() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * Parses an attribute value.
   *
   * @param value e.g. {@code "intercity"} (case-insensitive, surrounding spaces ignored)
   * @return the value
   * @throws IllegalArgumentException if {@code value} is not one of the six values
   */
  public static SormNi parse(String value) {
    String v = value.trim();
    for (SormNi ni : values()) {
      if (ni.name().equalsIgnoreCase(v)) {
        return ni;
      }
    }
    throw new IllegalArgumentException(
        "sorm_ni: \""
            + value
            + "\" (expected private, local, zone, intercity, international or emergency)");
  }
}
