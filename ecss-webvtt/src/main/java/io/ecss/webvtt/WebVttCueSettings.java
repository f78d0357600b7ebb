package io.ecss.webvtt;

import static java.util.Objects.requireNonNull;

import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The cue settings of a WebVTT cue (W3C WebVTT 1, section 3.3 "WebVTT cue settings"), with the
 * property names and defaults of the W3C {@code VTTCue} interface: {@code vertical} (horizontal),
 * {@code line} ({@code auto}), {@code snapToLines} (true), {@code lineAlign} ({@code start}),
 * {@code position} ({@code auto}), {@code positionAlign} ({@code auto}), {@code size} (100),
 * {@code align} ({@code center}) and {@code region} (none).
 *
 * <p>Percentages are numbers 0..100. An empty {@code line} or {@code position} is {@code auto}.
 *
 * <p>Immutable and thread-safe.
 *
 * @param vertical writing direction ({@code vertical:rl}, {@code vertical:lr})
 * @param line line offset: a line number when {@code snapToLines}, else a percentage; empty is
 *     {@code auto}
 * @param snapToLines whether {@code line} is a line number (true) or a percentage (false)
 * @param lineAlign alignment of the cue box at the line offset
 * @param position indent as a percentage of the video; empty is {@code auto}
 * @param positionAlign alignment of the cue box at the position
 * @param size box size as a percentage of the video
 * @param align text alignment within the cue box
 * @param region identifier of the region the cue belongs to; empty for none
 */
public record WebVttCueSettings(
    Vertical vertical,
    OptionalDouble line,
    boolean snapToLines,
    LineAlign lineAlign,
    OptionalDouble position,
    PositionAlign positionAlign,
    double size,
    Align align,
    Optional<String> region) {

  /** All settings at their defaults: what a cue without settings has. */
  public static final WebVttCueSettings DEFAULT =
      new WebVttCueSettings(
          Vertical.HORIZONTAL,
          OptionalDouble.empty(),
          true,
          LineAlign.START,
          OptionalDouble.empty(),
          PositionAlign.AUTO,
          100,
          Align.CENTER,
          Optional.empty());

  /**
   * Validates the settings: the combinations the parser can produce and the writer can express.
   *
   * @param vertical writing direction ({@code vertical:rl}, {@code vertical:lr})
   * @param line line offset: a line number when {@code snapToLines}, else a percentage; empty is {@code auto}
   * @param snapToLines whether {@code line} is a line number (true) or a percentage (false)
   * @param lineAlign alignment of the cue box at the line offset
   * @param position indent as a percentage of the video; empty is {@code auto}
   * @param positionAlign alignment of the cue box at the position
   * @param size box size as a percentage of the video
   * @param align text alignment within the cue box
   * @param region identifier of the region the cue belongs to; empty for none
   * @throws IllegalArgumentException if a percentage is outside 0..100, {@code line} is not
   *     finite, {@code lineAlign}/{@code snapToLines} are set without a {@code line}, {@code
   *     positionAlign} is set without a {@code position}, or the region identifier is empty or
   *     contains whitespace or {@code -->}
   */
  public WebVttCueSettings {
    requireNonNull(vertical, "vertical");
    requireNonNull(line, "line");
    requireNonNull(lineAlign, "lineAlign");
    requireNonNull(position, "position");
    requireNonNull(positionAlign, "positionAlign");
    requireNonNull(align, "align");
    requireNonNull(region, "region");
    if (line.isPresent()) {
      double l = line.getAsDouble();
      if (snapToLines) {
        if (!Double.isFinite(l)) {
          throw new IllegalArgumentException("line: " + l + " (expected a finite line number)");
        }
      } else {
        line = OptionalDouble.of(Checks.percentage("line", l));
      }
    } else if (!snapToLines || lineAlign != LineAlign.START) {
      throw new IllegalArgumentException(
          "lineAlign/snapToLines: " + lineAlign + "/" + snapToLines
              + " (expected START/true while line is auto)");
    }
    if (position.isPresent()) {
      position = OptionalDouble.of(Checks.percentage("position", position.getAsDouble()));
    } else if (positionAlign != PositionAlign.AUTO) {
      throw new IllegalArgumentException(
          "positionAlign: " + positionAlign + " (expected AUTO while position is auto)");
    }
    size = Checks.percentage("size", size);
    if (region.isPresent()) {
      String id = region.get();
      if (id.isEmpty()) {
        throw new IllegalArgumentException("region: empty identifier (use Optional.empty())");
      }
      Checks.noWhitespace("region", id);
      Checks.noArrow("region", id);
      Checks.noCrNul("region", id);
    }
  }

  /**
   * Returns these settings with another text alignment.
   *
   * @param newAlign the text alignment
   * @return a copy with {@code align} replaced
   */
  public WebVttCueSettings withAlign(Align newAlign) {
    return new WebVttCueSettings(
        vertical, line, snapToLines, lineAlign, position, positionAlign, size, newAlign, region);
  }

  /**
   * Returns these settings placed in a region.
   *
   * @param regionId identifier of a region of the same file
   * @return a copy with {@code region} replaced
   */
  public WebVttCueSettings withRegion(String regionId) {
    return new WebVttCueSettings(
        vertical, line, snapToLines, lineAlign, position, positionAlign, size, align,
        Optional.of(regionId));
  }

  /**
   * Returns these settings with a line number ({@code snapToLines} true).
   *
   * @param lineNumber line number; negative counts from the bottom
   * @param alignment alignment at the line
   * @return a copy with {@code line}, {@code snapToLines} and {@code lineAlign} replaced
   */
  public WebVttCueSettings withLineNumber(double lineNumber, LineAlign alignment) {
    return new WebVttCueSettings(
        vertical, OptionalDouble.of(lineNumber), true, alignment, position, positionAlign, size,
        align, region);
  }

  /**
   * Returns these settings with a line offset as a percentage ({@code snapToLines} false).
   *
   * @param percent 0..100
   * @param alignment alignment at the line
   * @return a copy with {@code line}, {@code snapToLines} and {@code lineAlign} replaced
   */
  public WebVttCueSettings withLinePercent(double percent, LineAlign alignment) {
    return new WebVttCueSettings(
        vertical, OptionalDouble.of(percent), false, alignment, position, positionAlign, size,
        align, region);
  }

  /**
   * Returns these settings with a position.
   *
   * @param percent 0..100
   * @param alignment alignment at the position
   * @return a copy with {@code position} and {@code positionAlign} replaced
   */
  public WebVttCueSettings withPosition(double percent, PositionAlign alignment) {
    return new WebVttCueSettings(
        vertical, line, snapToLines, lineAlign, OptionalDouble.of(percent), alignment, size, align,
        region);
  }

  /**
   * Returns these settings with a size.
   *
   * @param percent 0..100
   * @return a copy with {@code size} replaced
   */
  public WebVttCueSettings withSize(double percent) {
    return new WebVttCueSettings(
        vertical, line, snapToLines, lineAlign, position, positionAlign, percent, align, region);
  }

  /**
   * Returns these settings with a writing direction.
   *
   * @param direction the writing direction
   * @return a copy with {@code vertical} replaced
   */
  public WebVttCueSettings withVertical(Vertical direction) {
    return new WebVttCueSettings(
        direction, line, snapToLines, lineAlign, position, positionAlign, size, align, region);
  }

  /** Writing direction ({@code VTTCue.vertical}). */
  public enum Vertical {
    /** Horizontal text, the default ({@code ""}). */
    HORIZONTAL(""),
    /** Vertical, growing left ({@code vertical:rl}). */
    RL("rl"),
    /** Vertical, growing right ({@code vertical:lr}). */
    LR("lr");

    private final String keyword;

    Vertical(String keyword) {
      this.keyword = keyword;
    }

    /**
     * Returns the {@code VTTCue.vertical} value.
     *
     * @return {@code ""}, {@code "rl"} or {@code "lr"}
     */
    public String keyword() {
      return keyword;
    }
  }

  /** Line alignment ({@code VTTCue.lineAlign}). */
  public enum LineAlign {
    /** {@code start}, the default. */
    START("start"),
    /** {@code center}. */
    CENTER("center"),
    /** {@code end}. */
    END("end");

    private final String keyword;

    LineAlign(String keyword) {
      this.keyword = keyword;
    }

    /**
     * Returns the keyword as written in files and in {@code VTTCue.lineAlign}.
     *
     * @return the keyword
     */
    public String keyword() {
      return keyword;
    }
  }

  /** Position alignment ({@code VTTCue.positionAlign}). */
  public enum PositionAlign {
    /** {@code line-left}. */
    LINE_LEFT("line-left"),
    /** {@code center}. */
    CENTER("center"),
    /** {@code line-right}. */
    LINE_RIGHT("line-right"),
    /** {@code auto}, the default: derived from the text alignment when rendering. */
    AUTO("auto");

    private final String keyword;

    PositionAlign(String keyword) {
      this.keyword = keyword;
    }

    /**
     * Returns the keyword as written in files and in {@code VTTCue.positionAlign}.
     *
     * @return the keyword
     */
    public String keyword() {
      return keyword;
    }
  }

  /** Text alignment ({@code VTTCue.align}). */
  public enum Align {
    /** {@code start}. */
    START("start"),
    /** {@code center}, the default. */
    CENTER("center"),
    /** {@code end}. */
    END("end"),
    /** {@code left}. */
    LEFT("left"),
    /** {@code right}. */
    RIGHT("right");

    private final String keyword;

    Align(String keyword) {
      this.keyword = keyword;
    }

    /**
     * Returns the keyword as written in files and in {@code VTTCue.align}.
     *
     * @return the keyword
     */
    public String keyword() {
      return keyword;
    }
  }
}
