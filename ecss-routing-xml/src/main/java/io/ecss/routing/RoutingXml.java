package io.ecss.routing;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;

/**
 * Reads and writes routing contexts ({@code <context>} documents, the files imported with {@code
 * /domain/<D>/routing/import}).
 *
 * <p>Reading uses StAX with DTDs and external entities off and the {@link RoutingLimits} enforced.
 * Every error names the source, {@code line:column}, the element and what was expected. Unknown
 * elements and attributes are kept in the model ({@link XmlElement}, {@code otherAttributes}) and
 * written back. Comments and processing instructions are not kept.
 *
 * <p>Writing is canonical (two-space indentation, fixed attribute order), so {@code
 * read(write(c)).equals(c)} and {@code write(read(write(c))).equals(write(c))}.
 *
 * <pre>{@code
 * RoutingContext ctx = RoutingXml.read(Path.of("ctx_city.xml"));
 * String xml = RoutingXml.write(ctx);
 * }</pre>
 *
 * <p>Thread-safe (stateless).
 */
public final class RoutingXml {
  private static final java.util.regex.Pattern ENCODING =
      java.util.regex.Pattern.compile("^<\\?xml[^>]*?encoding\\s*=\\s*[\"']([A-Za-z0-9._-]+)[\"']");

  private RoutingXml() {}

  /**
   * Reads a context from text with the default limits.
   *
   * @param xml the document text
   * @param source a name for error messages, e.g. the file name
   * @return the context
   * @throws RoutingXmlException when the document is not a valid routing context
   */
  public static RoutingContext read(String xml, String source) {
    return read(xml, source, RoutingLimits.DEFAULT);
  }

  /**
   * Reads a context from text.
   *
   * @param xml the document text
   * @param source a name for error messages
   * @param limits the read limits
   * @return the context
   * @throws RoutingXmlException when the document is not a valid routing context or exceeds a limit
   */
  public static RoutingContext read(String xml, String source, RoutingLimits limits) {
    requireNonNull(xml, "xml");
    requireNonNull(source, "source");
    requireNonNull(limits, "limits");
    return ContextReader.readStrict(xml, source, limits);
  }

  /**
   * Reads a context file with the default limits.
   *
   * @param file the file
   * @return the context
   * @throws IOException when the file cannot be read
   * @throws RoutingXmlException when the document is not a valid routing context
   */
  public static RoutingContext read(Path file) throws IOException {
    return read(file, RoutingLimits.DEFAULT);
  }

  /**
   * Reads a context file.
   *
   * @param file the file
   * @param limits the read limits
   * @return the context
   * @throws IOException when the file cannot be read
   * @throws RoutingXmlException when the document is not a valid routing context or exceeds a limit
   */
  public static RoutingContext read(Path file, RoutingLimits limits) throws IOException {
    String name = file.toString();
    return read(text(readCapped(Files.newInputStream(file), name, limits), name), name, limits);
  }

  /**
   * Reads a context from a stream (not closed), decoding it by its BOM or XML declaration
   * (UTF-8 when neither says otherwise).
   *
   * @param in the stream
   * @param source a name for error messages
   * @param limits the read limits
   * @return the context
   * @throws IOException when reading fails
   * @throws RoutingXmlException when the document is not a valid routing context or exceeds a limit
   */
  public static RoutingContext read(InputStream in, String source, RoutingLimits limits)
      throws IOException {
    return read(text(bytes(in, source, limits), source), source, limits);
  }

  /** Reads a file a domain will compile, compile errors included with their positions. */
  static ContextReader.Parsed readForRouting(Path file, RoutingLimits limits) throws IOException {
    String name = file.toString();
    return ContextReader.readForRouting(
        text(readCapped(Files.newInputStream(file), name, limits), name), name, limits);
  }

  /** Reads a stream (not closed) a domain will compile, compile errors included with positions. */
  static ContextReader.Parsed readForRouting(InputStream in, String source, RoutingLimits limits)
      throws IOException {
    return ContextReader.readForRouting(text(bytes(in, source, limits), source), source, limits);
  }

  private static byte[] bytes(InputStream in, String source, RoutingLimits limits) throws IOException {
    byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limits.maxBytes() + 1));
    if (bytes.length > limits.maxBytes()) {
      throw new RoutingXmlException(source, 0, 0, "", "document exceeds maxBytes " + limits.maxBytes());
    }
    return bytes;
  }

  static byte[] readCapped(InputStream in, String source, RoutingLimits limits) throws IOException {
    try (InputStream s = in) {
      byte[] bytes = s.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limits.maxBytes() + 1));
      if (bytes.length > limits.maxBytes()) {
        throw new RoutingXmlException(source, 0, 0, "", "document exceeds maxBytes " + limits.maxBytes());
      }
      return bytes;
    }
  }

  /** Decodes document bytes: BOM first, then the XML declaration's encoding, else UTF-8. */
  static String text(byte[] b, String source) {
    Charset cs = StandardCharsets.UTF_8;
    int skip = 0;
    if (b.length >= 3 && (b[0] & 0xff) == 0xEF && (b[1] & 0xff) == 0xBB && (b[2] & 0xff) == 0xBF) {
      skip = 3;
    } else if (b.length >= 2 && (b[0] & 0xff) == 0xFE && (b[1] & 0xff) == 0xFF) {
      cs = StandardCharsets.UTF_16BE;
      skip = 2;
    } else if (b.length >= 2 && (b[0] & 0xff) == 0xFF && (b[1] & 0xff) == 0xFE) {
      cs = StandardCharsets.UTF_16LE;
      skip = 2;
    } else {
      String head = new String(b, 0, Math.min(b.length, 200), StandardCharsets.ISO_8859_1);
      Matcher m = ENCODING.matcher(head);
      if (m.find()) {
        try {
          cs = Charset.forName(m.group(1));
        } catch (IllegalArgumentException e) {
          throw new RoutingXmlException(source, 1, m.start(1) + 1, "",
              "unsupported encoding \"" + m.group(1) + "\" (expected UTF-8)");
        }
      }
    }
    CharsetDecoder dec = cs.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(b, skip, b.length - skip);
    // maxCharsPerByte bounds the output, so the buffer never overflows.
    CharBuffer out = CharBuffer.allocate((int) Math.ceil(in.remaining() * (double) dec.maxCharsPerByte()) + 16);
    CoderResult r = dec.decode(in, out, true);
    if (r.isUnderflow()) {
      r = dec.flush(out);
    }
    if (r.isError()) {
      throw badBytes(source, cs, b, in.position(), r.length(), r.isMalformed(), out.flip());
    }
    return out.flip().toString();
  }

  /**
   * The error for undecodable bytes at {@code offset}: line:column of the character where they
   * sit (counted in the text decoded before them), the byte offset and the bytes themselves.
   */
  private static RoutingXmlException badBytes(String source, Charset cs, byte[] b, int offset,
      int length, boolean malformed, CharSequence before) {
    int line = 1;
    int lineStart = 0;
    for (int i = 0; i < before.length(); i++) {
      char c = before.charAt(i);
      if (c == '\n' || (c == '\r' && (i + 1 == before.length() || before.charAt(i + 1) != '\n'))) {
        line++;
        lineStart = i + 1;
      }
    }
    StringBuilder hex = new StringBuilder();
    for (int i = offset; i < Math.min(b.length, offset + Math.max(1, length)); i++) {
      hex.append(hex.length() == 0 ? "" : " ").append(String.format("0x%02X", b[i] & 0xff));
    }
    return new RoutingXmlException(source, line, before.length() - lineStart + 1, "",
        "not valid " + cs.name() + " text: " + (malformed ? "malformed" : "unmappable") + " byte(s) "
            + hex + " at byte offset " + offset + " (expected " + cs.name()
            + ", or an encoding declared in <?xml … encoding=\"…\"?>)");
  }

  /**
   * Writes a context in canonical form (UTF-8 declaration, two-space indentation, fixed attribute
   * order, a final newline).
   *
   * @param context the context
   * @return the XML text
   * @throws IllegalArgumentException when the context holds what no document can carry and read
   *     back (a character XML 1.0 forbids, a name that is no XML name, an attribute twice, an empty
   *     context, rule, target or {@code continue} name, or an unsupported element named like a
   *     supported one at its place); the message names the context, rule and element
   */
  public static String write(RoutingContext context) {
    return ContextWriter.write(requireNonNull(context, "context"));
  }

  /**
   * Writes a context to a file as UTF-8.
   *
   * @param context the context
   * @param file the file, replaced if it exists
   * @throws IOException when the file cannot be written
   * @throws IllegalArgumentException when the context cannot be written (see {@link
   *     #write(RoutingContext)})
   */
  public static void write(RoutingContext context, Path file) throws IOException {
    Files.writeString(file, write(context), StandardCharsets.UTF_8);
  }
}
