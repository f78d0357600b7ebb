package io.ecss.webvtt;

import static java.util.Objects.requireNonNull;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A WebVTT file: header text, comments, style sheets, regions and cues (W3C WebVTT 1, section 3).
 *
 * <p>The model keeps everything the writer needs to reproduce a parsed file: {@code
 * WebVttParser.strict().parse(x.format()).file()} equals {@code x} for every valid {@code x}. The
 * writer puts blocks in a canonical order: header, comments ({@code NOTE}), style sheets ({@code
 * STYLE}), regions ({@code REGION}), cues. The parser collects {@code NOTE} blocks from anywhere in
 * the file in file order, so a comment between cues moves to the top when a parsed file is
 * written back.
 *
 * <p>Immutable and thread-safe.
 *
 * @param header text after the {@code WEBVTT} signature: the rest of the signature line, then any
 *     further header lines (such as {@code Kind: captions}), separated by LF; empty for none
 * @param comments text of the {@code NOTE} blocks, without the {@code NOTE} keyword and the one
 *     space, tab or line break after it
 * @param styleSheets CSS text of the {@code STYLE} blocks, without the {@code STYLE} line
 * @param regions the regions, in file order; a later region with the same identifier wins
 * @param cues the cues, in file order
 */
public record WebVttFile(
    String header,
    List<String> comments,
    List<String> styleSheets,
    List<WebVttRegion> regions,
    List<WebVttCue> cues) {

  /**
   * Validates the file and copies the lists.
   *
   * @param header text after the {@code WEBVTT} signature: the rest of the signature line, then any further header lines (such as {@code Kind: captions}), separated by LF; empty for none
   * @param comments text of the {@code NOTE} blocks, without the {@code NOTE} keyword and the one space, tab or line break after it
   * @param styleSheets CSS text of the {@code STYLE} blocks, without the {@code STYLE} line
   * @param regions the regions, in file order; a later region with the same identifier wins
   * @param cues the cues, in file order
   * @throws IllegalArgumentException if the header has an empty or {@code -->} line after its
   *     first, a comment or style sheet could not be written as one block (empty line, {@code
   *     -->}; an empty style sheet), any string contains CR or NUL, or a cue refers to a region
   *     that is not in {@code regions}
   */
  public WebVttFile {
    requireNonNull(header, "header");
    comments = List.copyOf(comments);
    styleSheets = List.copyOf(styleSheets);
    regions = List.copyOf(regions);
    cues = List.copyOf(cues);
    Checks.header(header);
    for (String c : comments) {
      Checks.comment(c);
    }
    for (String s : styleSheets) {
      Checks.styleSheet(s);
    }
    Set<String> ids = new HashSet<>();
    for (WebVttRegion r : regions) {
      ids.add(r.id());
    }
    for (WebVttCue c : cues) {
      Optional<String> region = c.settings().region();
      if (region.isPresent() && !ids.contains(region.get())) {
        throw new IllegalArgumentException(
            "cue " + Checks.quote(c.id()) + ": region " + Checks.quote(region.get())
                + " is not among the file's regions " + ids);
      }
    }
  }

  /**
   * Returns a file with the given cues and nothing else.
   *
   * @param cues the cues
   * @return the file
   */
  public static WebVttFile of(List<WebVttCue> cues) {
    return new WebVttFile("", List.of(), List.of(), List.of(), cues);
  }

  /**
   * Parses WebVTT text with the strict (spec-exact) parser and default limits, ignoring the
   * problem list. Use {@link WebVttParser} for the problems, lenient mode or other limits.
   *
   * @param text the file content
   * @return the file
   * @throws WebVttParseException if the signature is wrong or a limit is exceeded
   */
  public static WebVttFile parse(CharSequence text) {
    return WebVttParser.strict().parse(text).file();
  }

  /**
   * Writes the file as WebVTT text (see {@link WebVttWriter}).
   *
   * @return the WebVTT text, LF line ends, ending with a line break
   */
  public String format() {
    return WebVttWriter.format(this);
  }

  /**
   * Returns the region a cue belongs to: the last region in {@link #regions()} with the cue's
   * {@code region} identifier ({@code VTTCue.region}).
   *
   * @param cue a cue of this file
   * @return the region, or empty if the cue has none
   */
  public Optional<WebVttRegion> region(WebVttCue cue) {
    Optional<String> id = cue.settings().region();
    if (id.isEmpty()) {
      return Optional.empty();
    }
    for (int i = regions.size() - 1; i >= 0; i--) {
      if (regions.get(i).id().equals(id.get())) {
        return Optional.of(regions.get(i));
      }
    }
    return Optional.empty();
  }
}
