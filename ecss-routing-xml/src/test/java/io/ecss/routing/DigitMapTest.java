package io.ecss.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DigitMapTest {
  /** The manual's digit map. */
  static final String MANUAL = "(*[0-9*][0-9*].#|#[0-9*][0-9*].#|*#[0-9*][0-9*].#|1xx.|10xx.)";

  @ParameterizedTest(name = "{0} with \"{1}\" = {2}")
  @CsvSource(
      delimiter = ';',
      value = {
        MANUAL + ";*21#;FULL",
        MANUAL + ";#31#;FULL",
        MANUAL + ";*#21#;FULL",
        MANUAL + ";*2;PARTIAL",
        MANUAL + ";*;PARTIAL",
        MANUAL + ";'';PARTIAL",
        MANUAL + ";*21;PARTIAL",
        MANUAL + ";12;PARTIAL",
        MANUAL + ";123;PARTIAL",
        MANUAL + ";2;NO_MATCH",
        MANUAL + ";*21#1;NO_MATCH",
        MANUAL + ";*a;NO_MATCH",
        "xxx;123;FULL",
        "xxx;12;PARTIAL",
        "xxx;1234;NO_MATCH",
        "(0|00);0;PARTIAL",
        "(0|00);00;FULL",
        "[2-9]xxxxxx;2345678;FULL",
        "[2-9]xxxxxx;1;NO_MATCH",
        "(xxxT|911);123;PARTIAL",
        "(xxxT|911);911;PARTIAL",
        "(xxxx|911);911;PARTIAL",
        "(1234|911);911;FULL",
        "8x.T;8123;PARTIAL",
        "[13-5#];4;FULL",
        "[13-5#];#;FULL",
        "[13-5#];2;NO_MATCH",
        "X;7;FULL",
        "T;'';PARTIAL",
      })
  void evaluatesDialledStrings(String map, String dialled, DigitMap.Match expected) {
    assertThat(DigitMap.parse(map).evaluate(dialled)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @CsvSource(
      delimiter = ';',
      value = {
        "'';bad digit map \"\" at column 1: empty digit map (expected a digit string or (…|…))",
        "(12;bad digit map \"(12\" at column 4: unterminated '(' (expected ')' at the end)",
        "(1||2);bad digit map \"(1||2)\" at column 4: empty alternative (expected at least one element)",
        ".1;bad digit map \".1\" at column 1: '.' with no element before it (expected a symbol, x or [..] first)",
        "1..;bad digit map \"1..\" at column 3: '.' after '.' (expected an element)",
        "[12;bad digit map \"[12\" at column 4: unterminated '[' opened at column 1 (expected ']')",
        "[];bad digit map \"[]\" at column 2: empty [] (expected at least one symbol)",
        "[1y];bad digit map \"[1y]\" at column 3: unexpected 'y' in [..] (expected 0-9 * # A-D)",
        "[9-1];bad digit map \"[9-1]\" at column 4: bad range 9-1 (expected low-high digits or letters)",
        "[1-y];bad digit map \"[1-y]\" at column 4: unexpected 'y' after '-' (expected a symbol)",
        "1T2;bad digit map \"1T2\" at column 3: unexpected '2' after 'T' (expected '|' or the end)",
        "1 2;bad digit map \"1 2\" at column 2: unexpected U+0020 (expected 0-9 * # A-D x [..] . T)",
        "(1 2);bad digit map \"(1 2)\" at column 3: unexpected U+0020 (expected 0-9 * # A-D x [..] . T or |)",
      })
  void rejectsMalformedMapsNamingTheColumn(String map, String message) {
    assertThatThrownBy(() -> DigitMap.parse(map))
        .isInstanceOf(RoutingSyntaxException.class)
        .hasMessage(message);
  }

  @Test
  void valueSemanticsAndLabels() {
    assertThat(DigitMap.parse(MANUAL)).isEqualTo(DigitMap.parse(MANUAL)).hasToString(MANUAL);
    assertThat(DigitMap.parse(MANUAL).hashCode()).isEqualTo(MANUAL.hashCode());
    assertThat(DigitMap.parse(MANUAL).source()).isEqualTo(MANUAL);
    assertThat(DigitMap.Match.NO_MATCH.label()).isEqualTo("no_match");
    assertThat(DigitMap.Match.FULL.label()).isEqualTo("full");
  }
}
