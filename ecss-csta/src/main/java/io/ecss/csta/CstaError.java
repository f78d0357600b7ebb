package io.ecss.csta;

import static java.util.Objects.requireNonNull;

/**
 * A negative answer to a request: ECMA-323 {@code CSTAErrorCode} or an ECMA-354 {@code
 * ...NegResponse}.
 *
 * <p>For {@code CSTAErrorCode} the category is the chosen child ({@code operation}, {@code
 * security}, {@code stateIncompatibility}, {@code systemResourceAvailibility} (sic, schema
 * spelling), {@code subscribedResourceAvailability}, {@code performanceManagement}, {@code
 * privateErrorCode}, {@code unspecified}) and the value its text, e.g. {@code
 * stateIncompatibility}/{@code noCallToAnswer}. For a {@code NegResponse} the category is {@code
 * definedError} or {@code applError}.
 *
 * <p>Immutable and thread-safe.
 *
 * @param name the root element: {@code CSTAErrorCode} or e.g. {@code
 *     StartApplicationSessionNegResponse}
 * @param category the error category
 * @param value the error value within the category
 */
public record CstaError(String name, String category, String value) implements CstaMessage {

  /** Root element of the ECMA-323 negative response. */
  public static final String CSTA_ERROR_CODE = "CSTAErrorCode";

  /**
   * Validates the fields.
   *
   * @param name the root element: {@code CSTAErrorCode} or e.g. {@code StartApplicationSessionNegResponse}
   * @param category the error category
   * @param value the error value within the category
   */
  public CstaError {
    requireNonNull(name, "name");
    requireNonNull(category, "category");
    requireNonNull(value, "value");
  }

  /**
   * Returns a {@code CSTAErrorCode} with the given category and value.
   *
   * @param category e.g. {@code operation}
   * @param value e.g. {@code invalidCallID}
   * @return the error
   */
  public static CstaError of(String category, String value) {
    return new CstaError(CSTA_ERROR_CODE, category, value);
  }

  @Override
  public String toString() {
    return name + "{" + category + "=" + value + "}";
  }
}
