package io.ecss.sorm;

/**
 * A phone number or identifier as carried by the 11-byte number block (notes §1.1): an indicator
 * and up to 18 decimal digits. A number with no digits is "absent"; {@link #NONE} (indicator
 * {@code FF}, no digits) is how the codec writes "no number".
 *
 * <p>On the wire: indicator byte, digit-count byte, nine bytes of packed BCD with the first digit
 * in the low nibble and unused nibbles {@code F}.
 *
 * <p>Immutable and thread-safe.
 *
 * @param indicator the number indicator (признак номера)
 * @param digits 0 to 18 characters {@code 0}–{@code 9}
 */
public record PhoneNumber(NumberIndicator indicator, String digits) {
  /** The most digits a number block holds. */
  public static final int MAX_DIGITS = 18;

  /** No number: indicator {@code FF}, no digits. */
  public static final PhoneNumber NONE = new PhoneNumber(NumberIndicator.NONE, "");

  /**
   * Validates the number.
   *
   * @param indicator the number indicator (признак номера)
   * @param digits 0 to 18 characters {@code 0}–{@code 9}
   * @throws IllegalArgumentException if {@code digits} is longer than 18 or has a character other
   *     than {@code 0}–{@code 9}
   */
  public PhoneNumber {
    Checks.notNull("indicator", indicator);
    Checks.notNull("digits", digits);
    if (digits.length() > MAX_DIGITS) {
      throw new IllegalArgumentException(
          "digits: \""
              + digits
              + "\" has "
              + digits.length()
              + " digits (expected at most "
              + MAX_DIGITS
              + ")");
    }
    for (int i = 0; i < digits.length(); i++) {
      char c = digits.charAt(i);
      if (c < '0' || c > '9') {
        throw new IllegalArgumentException(
            "digits: \"" + digits + "\" has '" + c + "' at index " + i + " (expected 0-9)");
      }
    }
  }

  /**
   * Returns the number with these digits and indicator.
   *
   * @param indicator the number indicator
   * @param digits 0 to 18 decimal digits
   * @return the number
   * @throws IllegalArgumentException if {@code digits} is invalid
   */
  public static PhoneNumber of(NumberIndicator indicator, String digits) {
    return new PhoneNumber(indicator, digits);
  }

  /**
   * Returns whether the number has digits.
   *
   * @return false for an absent number
   */
  public boolean isPresent() {
    return !digits.isEmpty();
  }

  /** Returns the indicator and digits, e.g. {@code RUSSIAN_PSTN:4951234567}, or {@code none}. */
  @Override
  public String toString() {
    return this.equals(NONE) ? "none" : indicator.name() + ":" + digits;
  }
}
