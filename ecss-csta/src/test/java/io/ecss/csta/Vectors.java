package io.ecss.csta;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Loads commented hex vectors from src/test/resources/vectors/csta. */
final class Vectors {
  private Vectors() {}

  static String text(String name) {
    try (InputStream in = Vectors.class.getResourceAsStream("/vectors/csta/" + name)) {
      if (in == null) {
        throw new IllegalArgumentException("no vector " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Hex pairs separated by whitespace; '#' starts a comment to the end of the line. */
  static byte[] hex(String name) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (String line : (Iterable<String>) text(name).lines()::iterator) {
      int hash = line.indexOf('#');
      String data = hash >= 0 ? line.substring(0, hash) : line;
      java.util.Scanner sc = new java.util.Scanner(data);
      while (sc.hasNext()) {
        out.write(Integer.parseInt(sc.next(), 16));
      }
    }
    return out.toByteArray();
  }

  static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] p : parts) {
      out.writeBytes(p);
    }
    return out.toByteArray();
  }
}
