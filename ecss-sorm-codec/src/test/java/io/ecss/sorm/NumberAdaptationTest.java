package io.ecss.sorm;

import static io.ecss.sorm.NumberAdaptation.Rule.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class NumberAdaptationTest {
  private static PhoneNumber pstn(String d) {
    return PhoneNumber.of(NumberIndicator.RUSSIAN_PSTN, d);
  }

  @Test
  void leading7To8OnlyWhenInterceptedByAForNodeOrRussianNumbers() {
    NumberAdaptation a = NumberAdaptation.of(LEADING_7_TO_8);
    assertThat(a.adaptB(pstn("74951234567"), true)).isEqualTo(pstn("84951234567"));
    assertThat(a.adaptB(pstn("74951234567"), false)).isEqualTo(pstn("74951234567"));
    PhoneNumber intl = PhoneNumber.of(NumberIndicator.INTERNATIONAL, "7123");
    assertThat(a.adaptB(intl, true)).isSameAs(intl);
  }

  @Test
  void leading7To810() {
    assertThat(NumberAdaptation.of(LEADING_7_TO_810).adaptB(pstn("74951234567"), true))
        .isEqualTo(pstn("8104951234567"));
  }

  @Test
  void longDistanceAccessCodes() {
    NumberAdaptation a = NumberAdaptation.of(LONG_DISTANCE_8_TO_7, LONG_DISTANCE_88_TO_7);
    assertThat(a.adaptB(pstn("84951234567"), false)).isEqualTo(pstn("74951234567"));
    assertThat(a.adaptB(pstn("884951234567"), false)).isEqualTo(pstn("74951234567"));
    assertThat(a.rules()).containsExactlyInAnyOrder(LONG_DISTANCE_8_TO_7, LONG_DISTANCE_88_TO_7);
  }

  @Test
  void atMostOneRuleApplies() {
    NumberAdaptation a = NumberAdaptation.of(LONG_DISTANCE_8_TO_7, LEADING_7_TO_8);
    assertThat(a.adaptB(pstn("84951234567"), true)).isEqualTo(pstn("74951234567"));
    assertThat(a.adaptB(pstn("74951234567"), true)).isEqualTo(pstn("84951234567"));
    assertThat(NumberAdaptation.NONE.adaptB(pstn("84951234567"), true)).isEqualTo(pstn("84951234567"));
  }

  @Test
  void conflictingRulesAreRejected() {
    assertThatThrownBy(() -> NumberAdaptation.of(LEADING_7_TO_8, LEADING_7_TO_810))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("rules: LEADING_7_TO_8 and LEADING_7_TO_810");
  }

  @Test
  void resultLongerThan18DigitsLeavesTheNumber() {
    PhoneNumber n = pstn("712345678901234567");
    assertThat(NumberAdaptation.of(LEADING_7_TO_810).adaptB(n, true)).isSameAs(n);
  }

  @Test
  void order268Format() {
    assertThat(NumberAdaptation.order268(pstn("84951234567"), false, "")).isEqualTo(pstn("74951234567"));
    assertThat(NumberAdaptation.order268(pstn("4951234567"), false, "")).isEqualTo(pstn("74951234567"));
    PhoneNumber own = PhoneNumber.of(NumberIndicator.NODE_SUBSCRIBER, "2728331");
    assertThat(NumberAdaptation.order268(own, false, "383"))
        .isEqualTo(PhoneNumber.of(NumberIndicator.NODE_SUBSCRIBER, "73832728331"));
    assertThat(NumberAdaptation.order268(own, true, "383")).isSameAs(own);
    assertThat(NumberAdaptation.order268(own, false, "")).isSameAs(own);
    assertThat(
            NumberAdaptation.order268(
                PhoneNumber.of(NumberIndicator.INTERNATIONAL, "81049301234567"), false, ""))
        .isEqualTo(PhoneNumber.of(NumberIndicator.INTERNATIONAL, "49301234567"));
    assertThat(NumberAdaptation.order268(PhoneNumber.NONE, false, "")).isSameAs(PhoneNumber.NONE);
    assertThatThrownBy(() -> NumberAdaptation.order268(own, false, "38a"))
        .hasMessage("areaCode: \"38a\" (expected digits)");
  }
}
