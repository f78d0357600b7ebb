package io.ecss.sorm;

/**
 * How an encoder writes the digit zero in a number block: as nibble {@code 0} (the default) or as
 * nibble {@code A}, the mediator's "transmit digit 0 as A" setting. Decoders accept both.
 */
public enum DigitZero {
  /** Digit 0 is nibble {@code 0x0}. */
  ZERO,
  /** Digit 0 is nibble {@code 0xA}. */
  A
}
