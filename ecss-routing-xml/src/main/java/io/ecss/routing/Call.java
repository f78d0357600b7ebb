package io.ecss.routing;

import static java.util.Objects.requireNonNull;

/**
 * A call to route: its calling (A, {@code cgpn}) and called (B, {@code cdpn}) numbers.
 *
 * @param a the calling party number
 * @param b the called party number
 */
public record Call(PartyNumber a, PartyNumber b) {
  /**
   * Creates a call.
   *
   * @param a the calling party number
   * @param b the called party number
   * @throws NullPointerException when a number is null
   */
  public Call {
    requireNonNull(a, "a");
    requireNonNull(b, "b");
  }

  /**
   * Returns a call between two plain numbers.
   *
   * @param cgpn the calling number (A)
   * @param cdpn the called number (B)
   * @return the call
   * @throws IllegalArgumentException when a number has a non-dial symbol or is too long
   */
  public static Call of(String cgpn, String cdpn) {
    return new Call(PartyNumber.of(cgpn), PartyNumber.of(cdpn));
  }

  PartyNumber number(Field f) {
    return f == Field.CGPN ? a : b;
  }
}
