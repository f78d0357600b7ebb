package io.ecss.asr.jsgf;

import static java.util.Objects.requireNonNull;

import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The self-identifying header of a grammar (JSGF §3.1): {@code #JSGF V1.0 [charset] [locale];}.
 * Text without a charset is read as UTF-8, never in the platform charset.
 *
 * <p>Immutable and thread-safe.
 *
 * @param version the version, always {@code V1.0} (a lower-case {@code v1.0}, used by some
 *     pocketsphinx grammars, is read as {@code V1.0})
 * @param charset the character encoding name (a Java charset name), or null when absent
 * @param locale the locale (for example {@code ru} or {@code en-US}), or null when absent; a
 *     locale requires a charset
 */
public record JsgfHeader(String version, @Nullable String charset, @Nullable String locale) {
  private static final Pattern LOCALE = Pattern.compile("[A-Za-z]{1,8}([-_][A-Za-z0-9]{1,8})*");

  /** The header ECSS grammars use: {@code #JSGF V1.0 UTF-8 ru;}. */
  public static final JsgfHeader UTF8_RU = new JsgfHeader("V1.0", "UTF-8", "ru");

  /**
   * Validates the header.
   *
   * @param version the version, always {@code V1.0} (a lower-case {@code v1.0}, used by some pocketsphinx grammars, is read as {@code V1.0})
   * @param charset the character encoding name (a Java charset name), or null when absent
   * @param locale the locale (for example {@code ru} or {@code en-US}), or null when absent; a locale requires a charset
   * @throws IllegalArgumentException when the version is not {@code V1.0}, the charset is unknown
   *     to this Java runtime, the locale is malformed, or a locale is given without a charset
   */
  public JsgfHeader {
    requireNonNull(version, "version");
    if (!version.equals("V1.0")) {
      throw new IllegalArgumentException("version: " + version + " (expected V1.0)");
    }
    if (charset != null && !isSupported(charset)) {
      throw new IllegalArgumentException("charset: " + charset + " (unknown to this Java runtime)");
    }
    if (locale != null && !LOCALE.matcher(locale).matches()) {
      throw new IllegalArgumentException("locale: " + locale + " (expected e.g. ru or en-US)");
    }
    if (locale != null && charset == null) {
      throw new IllegalArgumentException("locale: " + locale + " given without a charset");
    }
  }

  /**
   * Creates a header with a charset and a locale.
   *
   * @param charset the charset name
   * @param locale the locale
   * @return the header {@code #JSGF V1.0 charset locale;}
   */
  public static JsgfHeader of(String charset, String locale) {
    return new JsgfHeader("V1.0", charset, locale);
  }

  /**
   * Returns the charset to read and write the grammar in.
   *
   * @return the named charset, or UTF-8 when none is named
   */
  public Charset effectiveCharset() {
    return charset == null ? StandardCharsets.UTF_8 : Charset.forName(charset);
  }

  static boolean isSupported(String charset) {
    try {
      return Charset.isSupported(charset);
    } catch (IllegalCharsetNameException e) {
      return false;
    }
  }

  static boolean isLocale(String s) {
    return LOCALE.matcher(s).matches();
  }
}
