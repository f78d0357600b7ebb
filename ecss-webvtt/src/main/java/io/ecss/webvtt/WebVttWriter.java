package io.ecss.webvtt;

import static java.util.Objects.requireNonNull;

import java.io.Closeable;
import java.io.Flushable;
import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.util.HashSet;
import java.util.Set;

/**
 * Writes WebVTT (W3C WebVTT 1 syntax): the {@code WEBVTT} signature and header, then {@code NOTE},
 * {@code STYLE} and {@code REGION} blocks, then cues, each block after one blank line; LF line
 * ends, UTF-8 when the {@link Writer} encodes it so, no byte order mark, a line break at the end.
 * Timestamps are {@code hh:mm:ss.ttt} with at least two hour digits, computed from integer
 * milliseconds. Only settings that differ from their defaults are written; {@code region} comes
 * last so that the cue reads back with the same settings.
 *
 * <p>Output is lossless: {@code WebVttParser.strict().parse(format(f)).file()} equals {@code f}.
 * The value types reject what the syntax cannot carry (line breaks in identifiers, empty lines or
 * {@code -->} in payloads, CR and NUL); payload text is written as given, so escape literal text
 * with {@link CueText#escape(String)} or build it with {@link CueText#format(java.util.List)}.
 *
 * <p>Use the static methods for a whole {@link WebVttFile}, or {@link #open(Writer, String)} to
 * stream blocks one by one (for long transcripts). A streaming writer is not thread-safe; confine
 * it to one thread. The static methods are thread-safe.
 */
public final class WebVttWriter implements Closeable, Flushable {
  private static final int FLUSH_AT = 8192;

  private final Writer out;
  private final StringBuilder sb = new StringBuilder(FLUSH_AT + 512);
  private final Set<String> regionIds = new HashSet<>();
  private boolean cueWritten;
  private boolean closed;

  private WebVttWriter(Writer out) {
    this.out = out;
  }

  /**
   * Formats a file as a string.
   *
   * @param file the file
   * @return the WebVTT text
   */
  public static String format(WebVttFile file) {
    int size = 64 + file.header().length();
    for (WebVttCue c : file.cues()) {
      size += 48 + c.id().length() + c.text().length();
    }
    StringBuilder sb = new StringBuilder(size);
    appendFile(sb, file);
    return sb.toString();
  }

  /**
   * Writes a file to a writer (not closed afterwards).
   *
   * @param file the file
   * @param out where to write
   * @throws IOException if the writer fails
   */
  public static void write(WebVttFile file, Writer out) throws IOException {
    WebVttWriter w = open(out, file.header());
    for (String c : file.comments()) {
      w.writeComment(c);
    }
    for (String s : file.styleSheets()) {
      w.writeStyleSheet(s);
    }
    for (WebVttRegion r : file.regions()) {
      w.writeRegion(r);
    }
    for (WebVttCue c : file.cues()) {
      w.writeCue(c);
    }
    w.flush(); // the caller's writer stays open
  }

  /**
   * Starts a streaming writer and writes the signature and header.
   *
   * @param out where to write; closed by {@link #close()}
   * @param header header text as in {@link WebVttFile#header()}; empty for none
   * @return the writer
   * @throws IOException if the writer fails
   * @throws IllegalArgumentException if the header cannot be written (see {@link WebVttFile})
   */
  public static WebVttWriter open(Writer out, String header) throws IOException {
    requireNonNull(out, "out");
    Checks.header(header);
    WebVttWriter w = new WebVttWriter(out);
    appendHeader(w.sb, header);
    w.maybeFlush();
    return w;
  }

  /**
   * Writes a {@code NOTE} block.
   *
   * @param text the comment text
   * @throws IOException if the writer fails
   * @throws IllegalArgumentException if the text contains {@code -->}, an empty line after the
   *     first, CR or NUL
   */
  public void writeComment(String text) throws IOException {
    checkOpen();
    Checks.comment(text);
    appendComment(sb, text);
    maybeFlush();
  }

  /**
   * Writes a {@code STYLE} block.
   *
   * @param css the style sheet text
   * @throws IOException if the writer fails
   * @throws IllegalStateException if a cue was already written (style sheets come first)
   * @throws IllegalArgumentException if the text is empty or contains {@code -->}, an empty line,
   *     CR or NUL
   */
  public void writeStyleSheet(String css) throws IOException {
    checkOpen();
    if (cueWritten) {
      throw new IllegalStateException("STYLE blocks must come before the first cue");
    }
    Checks.styleSheet(css);
    appendStyle(sb, css);
    maybeFlush();
  }

  /**
   * Writes a {@code REGION} block.
   *
   * @param region the region
   * @throws IOException if the writer fails
   * @throws IllegalStateException if a cue was already written (regions come first)
   */
  public void writeRegion(WebVttRegion region) throws IOException {
    checkOpen();
    if (cueWritten) {
      throw new IllegalStateException("REGION blocks must come before the first cue");
    }
    regionIds.add(region.id());
    appendRegion(sb, region);
    maybeFlush();
  }

  /**
   * Writes a cue.
   *
   * @param cue the cue
   * @throws IOException if the writer fails
   * @throws IllegalArgumentException if the cue refers to a region not written before
   */
  public void writeCue(WebVttCue cue) throws IOException {
    checkOpen();
    cue.settings().region().ifPresent(id -> {
      if (!regionIds.contains(id)) {
        throw new IllegalArgumentException("cue " + Checks.quote(cue.id()) + ": region "
            + Checks.quote(id) + " was not written before");
      }
    });
    cueWritten = true;
    appendCue(sb, cue);
    maybeFlush();
  }

  /**
   * Writes buffered text to the underlying writer and flushes it.
   *
   * @throws IOException if the writer fails
   */
  @Override
  public void flush() throws IOException {
    if (sb.length() > 0) {
      out.append(sb);
      sb.setLength(0);
    }
    out.flush();
  }

  /**
   * Flushes and closes the underlying writer. Idempotent.
   *
   * @throws IOException if the writer fails
   */
  @Override
  public void close() throws IOException {
    if (closed) {
      return;
    }
    closed = true;
    try {
      flush();
    } finally {
      out.close();
    }
  }

  private void checkOpen() {
    if (closed) {
      throw new IllegalStateException("writer closed");
    }
  }

  private void maybeFlush() throws IOException {
    if (sb.length() >= FLUSH_AT) {
      out.append(sb);
      sb.setLength(0);
    }
  }

  static void appendFile(StringBuilder sb, WebVttFile file) {
    appendHeader(sb, file.header());
    for (String c : file.comments()) {
      appendComment(sb, c);
    }
    for (String s : file.styleSheets()) {
      appendStyle(sb, s);
    }
    for (WebVttRegion r : file.regions()) {
      appendRegion(sb, r);
    }
    for (WebVttCue c : file.cues()) {
      appendCue(sb, c);
    }
  }

  private static void appendHeader(StringBuilder sb, String header) {
    sb.append("WEBVTT");
    int lf = header.indexOf('\n');
    String first = lf < 0 ? header : header.substring(0, lf);
    if (!first.isEmpty()) {
      sb.append(' ').append(first);
    }
    sb.append('\n');
    if (lf >= 0) {
      sb.append(header, lf + 1, header.length()).append('\n');
    }
  }

  private static void appendComment(StringBuilder sb, String text) {
    sb.append("\nNOTE");
    if (!text.isEmpty()) {
      sb.append(' ').append(text);
    }
    sb.append('\n');
  }

  private static void appendStyle(StringBuilder sb, String css) {
    sb.append("\nSTYLE\n").append(css).append('\n');
  }

  private static void appendRegion(StringBuilder sb, WebVttRegion r) {
    sb.append("\nREGION\n");
    if (!r.id().isEmpty()) {
      sb.append("id:").append(r.id()).append('\n');
    }
    sb.append("width:").append(number(r.width())).append("%\n");
    sb.append("lines:").append(r.lines()).append('\n');
    sb.append("regionanchor:").append(number(r.regionAnchorX())).append("%,")
        .append(number(r.regionAnchorY())).append("%\n");
    sb.append("viewportanchor:").append(number(r.viewportAnchorX())).append("%,")
        .append(number(r.viewportAnchorY())).append("%\n");
    if (r.scroll() == WebVttRegion.Scroll.UP) {
      sb.append("scroll:up\n");
    }
  }

  static void appendCue(StringBuilder sb, WebVttCue cue) {
    sb.append('\n');
    if (!cue.id().isEmpty()) {
      sb.append(cue.id()).append('\n');
    }
    Scan.appendTimestamp(sb, cue.startTime());
    sb.append(" --> ");
    Scan.appendTimestamp(sb, cue.endTime());
    appendSettings(sb, cue.settings());
    sb.append('\n');
    if (!cue.text().isEmpty()) {
      sb.append(cue.text()).append('\n');
    }
  }

  private static void appendSettings(StringBuilder sb, WebVttCueSettings s) {
    if (s.vertical() != WebVttCueSettings.Vertical.HORIZONTAL) {
      sb.append(" vertical:").append(s.vertical().keyword());
    }
    if (s.line().isPresent()) {
      sb.append(" line:").append(number(s.line().getAsDouble()));
      if (!s.snapToLines()) {
        sb.append('%');
      }
      if (s.lineAlign() != WebVttCueSettings.LineAlign.START) {
        sb.append(',').append(s.lineAlign().keyword());
      }
    }
    if (s.position().isPresent()) {
      sb.append(" position:").append(number(s.position().getAsDouble())).append('%');
      if (s.positionAlign() != WebVttCueSettings.PositionAlign.AUTO) {
        sb.append(',').append(s.positionAlign().keyword());
      }
    }
    if (s.size() != 100) {
      sb.append(" size:").append(number(s.size())).append('%');
    }
    if (s.align() != WebVttCueSettings.Align.CENTER) {
      sb.append(" align:").append(s.align().keyword());
    }
    if (s.region().isPresent()) {
      sb.append(" region:").append(s.region().get());
    }
  }

  /** Shortest plain decimal that parses back to {@code d} (no exponent, which WebVTT lacks). */
  static String number(double d) {
    if (d == Math.rint(d) && Math.abs(d) < 1e15) {
      return Long.toString((long) d);
    }
    return new BigDecimal(Double.toString(d)).stripTrailingZeros().toPlainString();
  }
}
