package io.ecss.sorm;

import java.nio.charset.StandardCharsets;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What {@link SormRadiusReporter#start(RadiusCall)} reports about a call in its Accounting Start:
 * the call id, the routing A and B numbers and, optionally, the SORM numbers and indicators of the
 * routing actions ({@code <calling sorm_digits=… sorm_ni=…/>}, {@code <called …/>}), which the
 * mediator prefers over A and B for interception.
 *
 * <p>Immutable and thread-safe.
 *
 * @param callId the call id (Acct-Session-Id), 1 to 253 bytes of UTF-8
 * @param a the routing A number (Calling-Station-Id), at most 253 bytes of UTF-8, may be empty
 * @param b the routing B number (Called-Station-Id), at most 253 bytes of UTF-8, may be empty
 * @param sormDigitsA the SORM A number ({@code sorm_digits_a}), 1 to 18 digits, or null
 * @param sormNiA the SORM A indicator ({@code sorm_ni_a}), or null
 * @param sormDigitsB the SORM B number ({@code sorm_digits_b}), 1 to 18 digits, or null
 * @param sormNiB the SORM B indicator ({@code sorm_ni_b}), or null
 */
public record RadiusCall(
    String callId,
    String a,
    String b,
    @Nullable String sormDigitsA,
    @Nullable SormNi sormNiA,
    @Nullable String sormDigitsB,
    @Nullable SormNi sormNiB) {

  /**
   * Validates the components.
   *
   * @param callId the call id (Acct-Session-Id), 1 to 253 bytes of UTF-8
   * @param a the routing A number (Calling-Station-Id), at most 253 bytes of UTF-8, may be empty
   * @param b the routing B number (Called-Station-Id), at most 253 bytes of UTF-8, may be empty
   * @param sormDigitsA the SORM A number ({@code sorm_digits_a}), 1 to 18 digits, or null
   * @param sormNiA the SORM A indicator ({@code sorm_ni_a}), or null
   * @param sormDigitsB the SORM B number ({@code sorm_digits_b}), 1 to 18 digits, or null
   * @param sormNiB the SORM B indicator ({@code sorm_ni_b}), or null
   * @throws IllegalArgumentException if a value is empty, too long or not digits where digits are
   *     required
   */
  public RadiusCall {
    Objects.requireNonNull(callId, "callId");
    if (callId.isEmpty()) {
      throw new IllegalArgumentException("callId: empty (expected 1 to 253 bytes)");
    }
    attribute("callId", callId);
    attribute("a", Objects.requireNonNull(a, "a"));
    attribute("b", Objects.requireNonNull(b, "b"));
    if (sormDigitsA != null) {
      PhoneNumber.of(NumberIndicator.NONE, digits("sormDigitsA", sormDigitsA));
    }
    if (sormDigitsB != null) {
      PhoneNumber.of(NumberIndicator.NONE, digits("sormDigitsB", sormDigitsB));
    }
  }

  private static void attribute(String name, String value) {
    int n = value.getBytes(StandardCharsets.UTF_8).length;
    if (n > 253) {
      throw new IllegalArgumentException(name + ": " + n + " bytes (expected at most 253)");
    }
  }

  private static String digits(String name, String value) {
    if (value.isEmpty()) {
      throw new IllegalArgumentException(name + ": empty (expected 1 to 18 digits)");
    }
    try {
      PhoneNumber.of(NumberIndicator.NONE, value);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(name + ": " + e.getMessage(), e);
    }
    return value;
  }

  /**
   * Returns a call with routing numbers only.
   *
   * @param callId the call id (Acct-Session-Id)
   * @param a the routing A number
   * @param b the routing B number
   * @return the call
   */
  public static RadiusCall of(String callId, String a, String b) {
    return new RadiusCall(callId, a, b, null, null, null, null);
  }

  /**
   * Returns a copy with the SORM A number and indicator ({@code <calling sorm_digits sorm_ni>}).
   *
   * @param digits 1 to 18 digits
   * @param ni the indicator, or null for none
   * @return the new call
   */
  public RadiusCall withSormA(String digits, @Nullable SormNi ni) {
    return new RadiusCall(callId, a, b, Objects.requireNonNull(digits, "digits"), ni, sormDigitsB, sormNiB);
  }

  /**
   * Returns a copy with the SORM B number and indicator ({@code <called sorm_digits sorm_ni>}).
   *
   * @param digits 1 to 18 digits
   * @param ni the indicator, or null for none
   * @return the new call
   */
  public RadiusCall withSormB(String digits, @Nullable SormNi ni) {
    return new RadiusCall(callId, a, b, sormDigitsA, sormNiA, Objects.requireNonNull(digits, "digits"), ni);
  }
}
