package io.ecss.webvtt;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * One WebVTT cue: identifier, timing, settings and the raw payload text (W3C WebVTT 1, section
 * 3.3). Times are exact milliseconds.
 *
 * <p>The payload is kept raw, as {@code VTTCue.text} is: tags and character references are not
 * decoded. {@link #nodes()} parses it into the cue text tree, {@link #voices()} lists its voice
 * names.
 *
 * <p>The parser keeps cues whose end is not after their start (as browsers do); such a cue is
 * still a valid value here and is written back unchanged.
 *
 * <p>Immutable and thread-safe.
 *
 * @param id cue identifier ({@code VTTCue.id}); empty for none
 * @param startTime start in milliseconds ({@code VTTCue.startTime} × 1000)
 * @param endTime end in milliseconds ({@code VTTCue.endTime} × 1000)
 * @param settings cue settings
 * @param text raw payload, lines separated by LF ({@code VTTCue.text})
 */
public record WebVttCue(
    String id, long startTime, long endTime, WebVttCueSettings settings, String text) {

  /** Largest time a WebVTT timestamp can carry here: 999,999,999,999 hours in milliseconds. */
  public static final long MAX_TIME = 999_999_999_999L * 3_600_000L + 3_599_999L;

  /**
   * Validates the cue.
   *
   * @param id cue identifier ({@code VTTCue.id}); empty for none
   * @param startTime start in milliseconds ({@code VTTCue.startTime} × 1000)
   * @param endTime end in milliseconds ({@code VTTCue.endTime} × 1000)
   * @param settings cue settings
   * @param text raw payload, lines separated by LF ({@code VTTCue.text})
   * @throws IllegalArgumentException if a time is negative or above {@link #MAX_TIME}, the
   *     identifier contains a line break or {@code -->}, the text contains an empty line or {@code
   *     -->}, or any string contains CR or NUL
   */
  public WebVttCue {
    requireNonNull(id, "id");
    requireNonNull(settings, "settings");
    requireNonNull(text, "text");
    if (startTime < 0 || startTime > MAX_TIME) {
      throw new IllegalArgumentException("startTime: " + startTime + " (expected 0.." + MAX_TIME + ")");
    }
    if (endTime < 0 || endTime > MAX_TIME) {
      throw new IllegalArgumentException("endTime: " + endTime + " (expected 0.." + MAX_TIME + ")");
    }
    Checks.singleLine("id", id);
    Checks.noArrow("id", id);
    Checks.noCrNul("id", id);
    Checks.payload(text);
  }

  /**
   * Returns a cue without identifier and settings.
   *
   * @param startTime start in milliseconds
   * @param endTime end in milliseconds
   * @param text raw payload (escape literal text with {@link CueText#escape(String)})
   * @return the cue
   */
  public static WebVttCue of(long startTime, long endTime, String text) {
    return new WebVttCue("", startTime, endTime, WebVttCueSettings.DEFAULT, text);
  }

  /**
   * Parses the payload into the cue text tree (W3C WebVTT 1, section 6.4 "WebVTT cue text parsing
   * rules") with the default limits.
   *
   * @return the top-level nodes
   * @throws WebVttParseException if spans nest deeper than {@link WebVttLimits#maxNestingDepth()};
   *     the position is relative to the payload
   */
  public List<CueNode> nodes() {
    return CueText.parse(text);
  }

  /**
   * Returns the names of the voice spans ({@code <v Name>}) in the payload, in order of
   * appearance, each once.
   *
   * @return voice names; empty if the cue has no voice span
   */
  public List<String> voices() {
    return CueText.voices(nodes());
  }

  /**
   * Returns a copy with another identifier.
   *
   * @param newId the identifier; empty for none
   * @return the copy
   */
  public WebVttCue withId(String newId) {
    return new WebVttCue(newId, startTime, endTime, settings, text);
  }

  /**
   * Returns a copy with other settings.
   *
   * @param newSettings the settings
   * @return the copy
   */
  public WebVttCue withSettings(WebVttCueSettings newSettings) {
    return new WebVttCue(id, startTime, endTime, newSettings, text);
  }
}
