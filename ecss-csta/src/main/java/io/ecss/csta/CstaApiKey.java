package io.ecss.csta;

import static java.util.Objects.requireNonNull;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;

/**
 * An integration API key as ECSS-10 prints it for {@code domain/<D>/integrations/add}: 64
 * characters from {@code [A-Za-z0-9]}. Generated from {@link SecureRandom}; compared in constant
 * time; {@link #toString()} never shows it.
 *
 * <p>Immutable and thread-safe.
 */
public final class CstaApiKey {
  /** The key length in characters. */
  public static final int LENGTH = 64;

  private static final String ALPHABET =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
  private static final SecureRandom RANDOM = new SecureRandom();

  private final String value;

  private CstaApiKey(String value) {
    this.value = value;
  }

  /**
   * Generates a new key (about 381 bits of entropy).
   *
   * @return the key
   */
  public static CstaApiKey generate() {
    char[] c = new char[LENGTH];
    for (int i = 0; i < LENGTH; i++) {
      c[i] = ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())); // nextInt(bound) is unbiased
    }
    return new CstaApiKey(new String(c));
  }

  /**
   * Wraps an existing key.
   *
   * @param value 64 characters from {@code [A-Za-z0-9]}
   * @return the key
   * @throws CstaException if the value has the wrong length or characters (the message does not
   *     repeat the value)
   */
  public static CstaApiKey of(String value) {
    requireNonNull(value, "value");
    if (value.length() != LENGTH) {
      throw new CstaException("API key has " + value.length() + " characters (expected " + LENGTH + ")");
    }
    for (int i = 0; i < value.length(); i++) {
      if (ALPHABET.indexOf(value.charAt(i)) < 0) {
        throw new CstaException("API key character " + (i + 1) + " is not a letter or digit");
      }
    }
    return new CstaApiKey(value);
  }

  /**
   * Compares a presented key with this one in time independent of where they differ.
   *
   * @param candidate the presented key (any string)
   * @return whether it equals this key
   */
  public boolean matches(String candidate) {
    requireNonNull(candidate, "candidate");
    return MessageDigest.isEqual(
        value.getBytes(StandardCharsets.US_ASCII), candidate.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * The key itself; handle with care.
   *
   * @return 64 characters
   */
  public String value() {
    return value;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof CstaApiKey k && matches(k.value);
  }

  @Override
  public int hashCode() {
    return value.hashCode();
  }

  /** Shows only the last four characters. */
  @Override
  public String toString() {
    return "CstaApiKey[…" + value.substring(LENGTH - 4) + "]";
  }
}
