package io.ecss.routing;

import static java.util.Objects.requireNonNull;

import org.jspecify.annotations.Nullable;

/**
 * A number of a call (A or B) with its indicators, as a trace prints it: {@code
 * "3832728331"(ni=private, nai=nationalNumber)}.
 *
 * @param digits the number, dial symbols {@code 0-9 * # A-D} only, at most 64 of them
 * @param ni the number indicator ({@code private}, {@code local}, …), or null when not set
 * @param nai the nature of address ({@code nationalNumber}, …), or null when not set
 */
public record PartyNumber(String digits, @Nullable String ni, @Nullable String nai) {
  /**
   * Creates a number.
   *
   * @param digits the number, dial symbols {@code 0-9 * # A-D} only, at most 64 of them
   * @param ni the number indicator ({@code private}, {@code local}, …), or null when not set
   * @param nai the nature of address ({@code nationalNumber}, …), or null when not set
   * @throws NullPointerException when {@code digits} is null
   * @throws IllegalArgumentException when {@code digits} has a non-dial symbol or is too long
   */
  public PartyNumber {
    requireNonNull(digits, "digits");
    Symbols.checkNumber("digits", digits);
  }

  /**
   * Returns a number without indicators.
   *
   * @param digits the number
   * @return the number
   * @throws IllegalArgumentException when {@code digits} has a non-dial symbol or is too long
   */
  public static PartyNumber of(String digits) {
    return new PartyNumber(digits, null, null);
  }

  /**
   * Formats as the vendor's trace does: {@code "digits"(ni=…, nai=…)}, the parenthesis only when an
   * indicator is set.
   *
   * @return the trace form
   */
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder().append('"').append(digits).append('"');
    if (ni != null || nai != null) {
      sb.append('(');
      if (ni != null) {
        sb.append("ni=").append(ni);
      }
      if (nai != null) {
        sb.append(ni != null ? ", " : "").append("nai=").append(nai);
      }
      sb.append(')');
    }
    return sb.toString();
  }
}
