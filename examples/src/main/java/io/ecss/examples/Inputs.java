package io.ecss.examples;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads a command's input: a file path, or {@code -} for standard input. Input size is capped so a
 * wrong argument (a device, a huge file) gives a clear error instead of exhausting memory.
 */
public final class Inputs {
  /** Largest input any {@code ecss} command reads: 256 MiB. */
  static final long MAX_INPUT_BYTES = 256L << 20;

  private Inputs() {}

  /** Returns the display name of an input argument for error messages. */
  public static String name(String fileOrDash) {
    return "-".equals(fileOrDash) ? "<stdin>" : fileOrDash;
  }

  /** Reads all bytes of a file or of standard input ({@code -}). */
  public static byte[] readBytes(String fileOrDash) throws IOException {
    if ("-".equals(fileOrDash)) {
      return readCapped(System.in, "<stdin>");
    }
    Path p = Path.of(fileOrDash);
    if (Files.isDirectory(p)) {
      throw new CliInputException(fileOrDash + ": is a directory");
    }
    try (InputStream in = Files.newInputStream(p)) {
      return readCapped(in, fileOrDash);
    }
  }

  /**
   * Reads a file or standard input as UTF-8 text; malformed UTF-8 is an error naming the byte
   * offset.
   */
  public static String readText(String fileOrDash) throws IOException {
    byte[] bytes = readBytes(fileOrDash);
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(java.nio.ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      throw new CliInputException(
          name(fileOrDash) + ": not valid UTF-8 at byte " + firstMalformed(bytes));
    }
  }

  private static byte[] readCapped(InputStream in, String name) throws IOException {
    byte[] data = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, MAX_INPUT_BYTES + 1));
    if (data.length > MAX_INPUT_BYTES) {
      throw new CliInputException(
          name + ": input larger than " + MAX_INPUT_BYTES + " bytes (the tool's limit)");
    }
    return data;
  }

  /** Offset of the first byte that does not start or continue a valid UTF-8 sequence. */
  static int firstMalformed(byte[] b) {
    var dec =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    java.nio.ByteBuffer in = java.nio.ByteBuffer.wrap(b);
    java.nio.CharBuffer out = java.nio.CharBuffer.allocate(Math.max(16, b.length));
    java.nio.charset.CoderResult r = dec.decode(in, out, true);
    return r.isError() ? in.position() : b.length;
  }
}
