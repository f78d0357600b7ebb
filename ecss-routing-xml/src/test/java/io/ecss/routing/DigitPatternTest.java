package io.ecss.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DigitPatternTest {

  @ParameterizedTest(name = "{0} ~ \"{1}\" = {2}")
  @CsvSource(
      delimiter = '|',
      nullValues = "NULL",
      value = {
        "12345|12345|true",
        "12345|1234|false",
        "12345|123456|false",
        "*#ABCD|*#ABCD|true",
        "45???|45123|true",
        "45???|4512|false",
        "45???|451234|false",
        "?|*|true",
        "?|D|true",
        "8%|8|true",
        "8%|89001758964|true",
        "8%|78|false",
        "%|''|true",
        "%|123|true",
        "7%9|79|true",
        "7%9|7129|true",
        "7%9|7|false",
        "7%9|798|false",
        "%99|99|true",
        "%99|1299|true",
        "%99|9|false",
        "738327(0-1)????|73832700001|true",
        "738327(0-1)????|73832710001|true",
        "738327(0-1)????|73832720001|false",
        "(1,3,5)|3|true",
        "(1,3,5)|2|false",
        "(1-3,7)|2|true",
        "(1-3,7)|7|true",
        "(1-3,7)|5|false",
        "(A-C,#)|B|true",
        "(A-C,#)|#|true",
        "(A-C,#)|D|false",
        "''|''|true",
        "''|1|false",
        "12|1x|false",
      })
  void matchesWholeNumbers(String pattern, String number, boolean expected) {
    assertThat(DigitPattern.parse(pattern).matches(number)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "8%%|bad pattern \"8%%\" at column 3: second '%' (expected at most one '%' per pattern)",
        "12a|bad pattern \"12a\" at column 3: unexpected 'a' (expected 0-9 * # A-D ? % or '(')",
        "1 2|bad pattern \"1 2\" at column 2: unexpected U+0020 (expected 0-9 * # A-D ? % or '(')",
        "(1-3|bad pattern \"(1-3\" at column 5: unterminated '(' opened at column 1 (expected ')')",
        "(|bad pattern \"(\" at column 2: unterminated '(' opened at column 1 (expected ')')",
        "()|bad pattern \"()\" at column 2: empty item in set (expected a symbol 0-9 * # A-D)",
        "(1,)|bad pattern \"(1,)\" at column 4: empty item in set (expected a symbol 0-9 * # A-D)",
        "(5-1)|bad pattern \"(5-1)\" at column 4: reversed range 5-1 (expected low-high)",
        "(1-A)|bad pattern \"(1-A)\" at column 4: range 1-A (expected digits 0-9 or letters A-D)",
        "(1-)|bad pattern \"(1-)\" at column 4: unexpected ')' after '-' (expected a symbol)",
        "(1-|bad pattern \"(1-\" at column 4: unterminated range (expected a symbol after '-')",
        "((1))|bad pattern \"((1))\" at column 2: unexpected '(' in set (expected a symbol 0-9 * # A-D)",
        "(12)|bad pattern \"(12)\" at column 3: unexpected '2' in set (expected ',' or ')')",
        "1)|bad pattern \"1)\" at column 2: unexpected ')' (expected 0-9 * # A-D ? % or '(')",
      })
  void rejectsMalformedPatternsNamingTheColumn(String pattern, String message) {
    assertThatThrownBy(() -> DigitPattern.parse(pattern))
        .isInstanceOf(RoutingSyntaxException.class)
        .hasMessage(message);
  }

  @Test
  void rejectsPatternsLongerThanTheLongestNumber() {
    String p = "1".repeat(65);
    assertThatThrownBy(() -> DigitPattern.parse(p))
        .isInstanceOf(RoutingSyntaxException.class)
        .hasMessageEndingWith("pattern longer than 64 symbols (the longest number)");
    assertThat(DigitPattern.parse("1".repeat(64)).minLength()).isEqualTo(64);
  }

  @Test
  void syntaxExceptionExposesInputColumnAndProblem() {
    RoutingSyntaxException e = null;
    try {
      DigitPattern.parse("12a");
    } catch (RoutingSyntaxException x) {
      e = x;
    }
    assertThat(e).isNotNull();
    assertThat(e.input()).isEqualTo("12a");
    assertThat(e.column()).isEqualTo(3);
    assertThat(e.problem()).isEqualTo("unexpected 'a' (expected 0-9 * # A-D ? % or '(')");
  }

  @Test
  void exposesStructure() {
    DigitPattern p = DigitPattern.parse("7(0-1)%9?");
    assertThat(p.hasPercent()).isTrue();
    assertThat(p.minLength()).isEqualTo(4);
    assertThat(p.prefixLength()).isEqualTo(2);
    assertThat(p.suffixLength()).isEqualTo(2);
    assertThat(p.source()).isEqualTo("7(0-1)%9?");
    assertThat(p).hasToString("7(0-1)%9?").isEqualTo(DigitPattern.parse("7(0-1)%9?"));
    assertThat(p.hashCode()).isEqualTo("7(0-1)%9?".hashCode());
    assertThat(p).isNotEqualTo(DigitPattern.parse("7(0-1)%9"));
    assertThat(Symbols.maskToString(p.mask(1))).isEqualTo("(0-1)");
    assertThat(Symbols.maskToString(Symbols.ALL)).isEqualTo("?");
    assertThat(Symbols.maskToString(0b1000_1000_0000_0101)).isEqualTo("(0,2,#,D)");
  }

  @ParameterizedTest(name = "{0} covers {1}: {2}")
  @CsvSource(
      delimiter = '|',
      value = {
        "%|8%|true",
        "%|''|true",
        "8%|8(0-1)??|true",
        "8%|%|false",
        "8%|7%|false",
        "??????|2?????|true",
        "2?????|??????|false",
        "??????|2????|false",
        "73832??????|738327(0-1)????|true",
        "738327(0-1)????|73832??????|false",
        "%9|1%9|true",
        "1%9|%9|false",
        "(1-3)|(1,2)|true",
        "(1,2)|(1-3)|false",
        "8%|8|true",
        "1?|1%|false",
        "%|12345|true",
      })
  void decidesLanguageInclusion(String earlier, String later, boolean covers) {
    assertThat(DigitPattern.parse(earlier).covers(DigitPattern.parse(later))).isEqualTo(covers);
  }
}
