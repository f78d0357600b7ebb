package io.ecss.sorm;

import java.util.EnumSet;
import java.util.Set;

/**
 * The SORM mediator's number-adaptation settings for the B number (vendor manual, section
 * "Система СОРМ", mediator settings), and the Order 268 output format of numbers.
 *
 * <p>At most one rule applies to a number, tried in this order: {@link Rule#LONG_DISTANCE_88_TO_7},
 * {@link Rule#LONG_DISTANCE_8_TO_7}, {@link Rule#LEADING_7_TO_8}, {@link Rule#LEADING_7_TO_810}.
 * The two "leading 7" rules apply only when the call was intercepted by the A number and the B
 * number's indicator is "subscriber of this node" or "Russian PSTN"; they cannot be combined.
 *
 * <p>Immutable and thread-safe.
 */
public final class NumberAdaptation {

  /** One adaptation setting of the mediator. */
  public enum Rule {
    /** "Добавление цифры 8 в начало CdPN": leading 7 → 8 (interception by A, indicators 01/04). */
    LEADING_7_TO_8,
    /** "Замена кода выхода на МГ с 8 на 7": long-distance access code 8 → 7. */
    LONG_DISTANCE_8_TO_7,
    /** "Замена кода выхода на МГ с 88 на 7": long-distance access code 88 → 7. */
    LONG_DISTANCE_88_TO_7,
    /** "Добавление цифр 810 в начало CdPN": leading 7 → 810 (interception by A, indicators 01/04). */
    LEADING_7_TO_810
  }

  /** No adaptation. */
  public static final NumberAdaptation NONE = new NumberAdaptation(EnumSet.noneOf(Rule.class));

  private final Set<Rule> rules;

  private NumberAdaptation(Set<Rule> rules) {
    this.rules = rules;
  }

  /**
   * Returns the adaptation with these rules enabled.
   *
   * @param rules the rules
   * @return the adaptation
   * @throws IllegalArgumentException if both "leading 7" rules are given
   */
  public static NumberAdaptation of(Rule... rules) {
    EnumSet<Rule> set = EnumSet.noneOf(Rule.class);
    for (Rule r : rules) {
      set.add(Checks.notNull("rule", r));
    }
    if (set.contains(Rule.LEADING_7_TO_8) && set.contains(Rule.LEADING_7_TO_810)) {
      throw new IllegalArgumentException(
          "rules: LEADING_7_TO_8 and LEADING_7_TO_810 both rewrite a leading 7 (expected at most"
              + " one)");
    }
    return new NumberAdaptation(set);
  }

  /**
   * Returns the enabled rules.
   *
   * @return an unmodifiable set
   */
  public Set<Rule> rules() {
    return java.util.Collections.unmodifiableSet(rules);
  }

  /**
   * Adapts a B number as the mediator does before sending it to the console.
   *
   * @param b the called number
   * @param interceptedByA whether the call was selected by its A number
   * @return the adapted number (the same indicator), or {@code b} when no rule applies or the
   *     result would be longer than 18 digits
   */
  public PhoneNumber adaptB(PhoneNumber b, boolean interceptedByA) {
    String d = b.digits();
    String out = null;
    if (rules.contains(Rule.LONG_DISTANCE_88_TO_7) && d.startsWith("88")) {
      out = "7" + d.substring(2);
    } else if (rules.contains(Rule.LONG_DISTANCE_8_TO_7) && d.startsWith("8")) {
      out = "7" + d.substring(1);
    } else if (interceptedByA && d.startsWith("7") && localOrRussian(b.indicator())) {
      if (rules.contains(Rule.LEADING_7_TO_8)) {
        out = "8" + d.substring(1);
      } else if (rules.contains(Rule.LEADING_7_TO_810)) {
        out = "810" + d.substring(1);
      }
    }
    return out == null || out.length() > PhoneNumber.MAX_DIGITS
        ? b
        : new PhoneNumber(b.indicator(), out);
  }

  private static boolean localOrRussian(NumberIndicator i) {
    return i.equals(NumberIndicator.NODE_SUBSCRIBER) || i.equals(NumberIndicator.RUSSIAN_PSTN);
  }

  /**
   * Rewrites a number into the Order 268 output format (manual, "Проверка соответствия формата
   * выдачи номеров"): numbers of this node and of the Russian PSTN as 11 digits starting with 7
   * (a leading 8 becomes 7; 10 digits get a 7; shorter numbers get {@code areaCode} and 7 when
   * that makes 11), international numbers without the 810 prefix, and the digits a station
   * subscriber on control dialled unmodified.
   *
   * @param number the number
   * @param dialledByObject true for the B number exactly as dialled by a subscriber of this node
   *     on control (kept as is)
   * @param areaCode the area code that completes short numbers of this node to 10 digits, or
   *     {@code ""}
   * @return the number in Order 268 format, or {@code number} when no rule applies
   * @throws IllegalArgumentException if {@code areaCode} has a non-digit
   */
  public static PhoneNumber order268(PhoneNumber number, boolean dialledByObject, String areaCode) {
    for (int i = 0; i < areaCode.length(); i++) {
      if (areaCode.charAt(i) < '0' || areaCode.charAt(i) > '9') {
        throw new IllegalArgumentException("areaCode: \"" + areaCode + "\" (expected digits)");
      }
    }
    String d = number.digits();
    if (dialledByObject || d.isEmpty()) {
      return number;
    }
    NumberIndicator ind = number.indicator();
    String out = d;
    if (localOrRussian(ind)) {
      if (d.length() == 11 && d.charAt(0) == '8') {
        out = "7" + d.substring(1);
      } else if (d.length() == 10) {
        out = "7" + d;
      } else if (d.length() < 10 && !areaCode.isEmpty() && areaCode.length() + d.length() == 10) {
        out = "7" + areaCode + d;
      }
    } else if (ind.equals(NumberIndicator.INTERNATIONAL) && d.startsWith("810")) {
      out = d.substring(3);
    }
    return out.equals(d) ? number : new PhoneNumber(ind, out);
  }
}
