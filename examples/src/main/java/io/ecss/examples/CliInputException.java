package io.ecss.examples;

/**
 * Bad input detected by the tool itself (not by a library parser): reported as one line and exit
 * code 1.
 */
public final class CliInputException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public CliInputException(String message) {
    super(message);
  }
}
