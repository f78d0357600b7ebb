package io.ecss.webvtt;

import static java.util.Objects.requireNonNull;

/**
 * A WebVTT region (W3C WebVTT 1, section 3.4 "REGION" blocks), with the property names and
 * defaults of the W3C {@code VTTRegion} interface: {@code id} ({@code ""}), {@code width} (100),
 * {@code lines} (3), {@code regionAnchorX} (0), {@code regionAnchorY} (100), {@code
 * viewportAnchorX} (0), {@code viewportAnchorY} (100) and {@code scroll} (none).
 *
 * <p>Immutable and thread-safe.
 *
 * @param id identifier cues refer to with {@code region:id}; empty if the block had none (such a
 *     region cannot be referred to)
 * @param width width as a percentage of the video, 0..100
 * @param lines height in lines
 * @param regionAnchorX x of the anchor point inside the region, percentage 0..100
 * @param regionAnchorY y of the anchor point inside the region, percentage 0..100
 * @param viewportAnchorX x of the point of the video the region anchor sits on, percentage 0..100
 * @param viewportAnchorY y of the point of the video the region anchor sits on, percentage 0..100
 * @param scroll whether new lines scroll the region up
 */
public record WebVttRegion(
    String id,
    double width,
    int lines,
    double regionAnchorX,
    double regionAnchorY,
    double viewportAnchorX,
    double viewportAnchorY,
    Scroll scroll) {

  /**
   * Validates the region.
   *
   * @param id identifier cues refer to with {@code region:id}; empty if the block had none (such a region cannot be referred to)
   * @param width width as a percentage of the video, 0..100
   * @param lines height in lines
   * @param regionAnchorX x of the anchor point inside the region, percentage 0..100
   * @param regionAnchorY y of the anchor point inside the region, percentage 0..100
   * @param viewportAnchorX x of the point of the video the region anchor sits on, percentage 0..100
   * @param viewportAnchorY y of the point of the video the region anchor sits on, percentage 0..100
   * @param scroll whether new lines scroll the region up
   * @throws IllegalArgumentException if the identifier contains whitespace, {@code -->}, CR or
   *     NUL, a percentage is outside 0..100, or {@code lines} is negative
   */
  public WebVttRegion {
    requireNonNull(id, "id");
    requireNonNull(scroll, "scroll");
    Checks.noWhitespace("id", id);
    Checks.noArrow("id", id);
    Checks.noCrNul("id", id);
    width = Checks.percentage("width", width);
    regionAnchorX = Checks.percentage("regionAnchorX", regionAnchorX);
    regionAnchorY = Checks.percentage("regionAnchorY", regionAnchorY);
    viewportAnchorX = Checks.percentage("viewportAnchorX", viewportAnchorX);
    viewportAnchorY = Checks.percentage("viewportAnchorY", viewportAnchorY);
    if (lines < 0) {
      throw new IllegalArgumentException("lines: " + lines + " (expected >= 0)");
    }
  }

  /**
   * Returns a region with the given identifier and every other property at its default.
   *
   * @param id the identifier
   * @return the region
   */
  public static WebVttRegion of(String id) {
    return new WebVttRegion(id, 100, 3, 0, 100, 0, 100, Scroll.NONE);
  }

  /** Scrolling of a region ({@code VTTRegion.scroll}). */
  public enum Scroll {
    /** No scrolling, the default ({@code ""}). */
    NONE(""),
    /** Lines move up as new cues arrive ({@code scroll:up}). */
    UP("up");

    private final String keyword;

    Scroll(String keyword) {
      this.keyword = keyword;
    }

    /**
     * Returns the {@code VTTRegion.scroll} value.
     *
     * @return {@code ""} or {@code "up"}
     */
    public String keyword() {
      return keyword;
    }
  }
}
