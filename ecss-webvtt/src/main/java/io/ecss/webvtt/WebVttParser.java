package io.ecss.webvtt;

import static java.util.Objects.requireNonNull;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Reads WebVTT with the W3C "WebVTT parser algorithm" (WebVTT 1, W3C editor's draft, section 6.1):
 * UTF-8 with one optional BOM, CR/LF/CRLF line ends, NUL as U+FFFD, the signature check, header,
 * cue blocks with the {@code -->} rule, timestamps, every cue setting with its exact validation,
 * REGION, STYLE and NOTE blocks, and recovery from malformed blocks as the algorithm prescribes.
 *
 * <p>Only a bad signature and the {@link WebVttLimits} are fatal ({@link WebVttParseException});
 * everything else the algorithm skips is listed in {@link WebVttParseResult#problems()}.
 *
 * <p>The {@linkplain #lenient() lenient} parser additionally reads the quirks of the ECSS
 * transcription service's {@code /trans/vtt} answers: timestamps with one-digit minutes or seconds
 * ({@code 00:00:6.720}), one or two fraction digits or a comma before them; a voice written as
 * {@code <v> Name>} on its own line; a numeric cue identifier without the blank line before it.
 * Each repair is reported as a problem starting with {@code "lenient:"}.
 *
 * <pre>{@code
 * WebVttParseResult r = WebVttParser.strict().parse(text);
 * for (WebVttCue cue : r.file().cues()) {
 *   System.out.println(cue.startTime() + " " + cue.voices() + " " + cue.text());
 * }
 * }</pre>
 *
 * <p>Immutable and thread-safe; parses may run concurrently.
 */
public final class WebVttParser {
  private static final WebVttParser STRICT = new WebVttParser(false, WebVttLimits.DEFAULT);
  private static final WebVttParser LENIENT = new WebVttParser(true, WebVttLimits.DEFAULT);

  private final boolean lenient;
  private final WebVttLimits limits;

  private WebVttParser(boolean lenient, WebVttLimits limits) {
    this.lenient = lenient;
    this.limits = limits;
  }

  /**
   * Returns the spec-exact parser with default limits.
   *
   * @return the parser
   */
  public static WebVttParser strict() {
    return STRICT;
  }

  /**
   * Returns the parser that also reads the ECSS vendor quirks, with default limits.
   *
   * @return the parser
   */
  public static WebVttParser lenient() {
    return LENIENT;
  }

  /**
   * Returns a parser like this one with other limits.
   *
   * @param newLimits the limits
   * @return the parser
   */
  public WebVttParser withLimits(WebVttLimits newLimits) {
    return new WebVttParser(lenient, requireNonNull(newLimits, "limits"));
  }

  /**
   * Returns whether this parser reads the vendor quirks.
   *
   * @return true for the lenient parser
   */
  public boolean isLenient() {
    return lenient;
  }

  /**
   * Returns the limits this parser enforces.
   *
   * @return the limits
   */
  public WebVttLimits limits() {
    return limits;
  }

  /**
   * Parses decoded text. One leading U+FEFF (byte order mark) is skipped, as UTF-8 decoding does.
   *
   * @param text the file content
   * @return the file and the problems
   * @throws WebVttParseException if the signature is wrong or a limit is exceeded
   */
  public WebVttParseResult parse(CharSequence text) {
    requireNonNull(text, "text");
    CharSequence body = text.length() > 0 && text.charAt(0) == '\uFEFF'
        ? text.subSequence(1, text.length()) : text;
    return new FileParser(FileParser.normalize(body, limits), lenient, limits).run();
  }

  /**
   * Parses bytes: UTF-8 decoded with U+FFFD for malformed sequences (the WHATWG "UTF-8 decode",
   * which also drops one leading BOM).
   *
   * @param utf8 the file content
   * @return the file and the problems
   * @throws WebVttParseException if the signature is wrong or a limit is exceeded
   */
  public WebVttParseResult parse(byte[] utf8) {
    requireNonNull(utf8, "utf8");
    // Every character takes at most 3 bytes (a BOM 3 more); saturate so huge limits do not wrap.
    long maxChars = limits.maxInputChars();
    long maxBytes = maxChars > (Long.MAX_VALUE - 3) / 3 ? Long.MAX_VALUE : maxChars * 3 + 3;
    if (utf8.length > maxBytes) {
      throw new WebVttParseException("input of " + utf8.length + " bytes exceeds maxInputChars "
          + limits.maxInputChars() + " (WebVttLimits)", 1, 1);
    }
    CharsetDecoder dec = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPLACE)
        .onUnmappableCharacter(CodingErrorAction.REPLACE);
    CharBuffer chars;
    try {
      chars = dec.decode(ByteBuffer.wrap(utf8));
    } catch (CharacterCodingException e) {
      throw new AssertionError("REPLACE decoder threw", e);
    }
    return parse(chars);
  }
}
