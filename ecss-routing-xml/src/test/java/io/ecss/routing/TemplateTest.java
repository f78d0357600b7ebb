package io.ecss.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TemplateTest {

  @ParameterizedTest(name = "{0} on {1} = {2}")
  @CsvSource(
      delimiter = '|',
      value = {
        // template | number | % start | % end | expected
        "38327{1,2,3,4,5}|28331|0|0|3832728331",
        "{1,2,3,4,5}|28331|0|0|28331",
        "8{%}|89001758964|1|11|89001758964",
        "7{%}|89001758964|1|11|79001758964",
        "{%}|89001758964|1|11|9001758964",
        "{1-5}|73832700001|0|0|73832",
        "{1-3,7}|1234567|0|0|1237",
        "{11,1}|73832700001|0|0|17",
        "{1}{1}|5|0|0|55",
        "*#AB|5|0|0|*#AB",
        "''|5|0|0|''",
        "{%}{%}|123|1|2|22",
        "{1-1}|9|0|0|9",
      })
  void buildsNumbers(String template, String number, int ps, int pe, String expected) {
    assertThat(Template.parse(template).apply(number, ps, pe)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "{|bad template \"{\" at column 2: unterminated '{' opened at column 1",
        "{}|bad template \"{}\" at column 2: missing position (expected a 1-based position or '%')",
        "{0}|bad template \"{0}\" at column 2: position 0 (positions start at 1)",
        "{1,}|bad template \"{1,}\" at column 4: missing position (expected a 1-based position or '%')",
        "{,1}|bad template \"{,1}\" at column 2: missing position (expected a 1-based position or '%')",
        "{3-1}|bad template \"{3-1}\" at column 4: reversed position range 3-1",
        "{1-}|bad template \"{1-}\" at column 4: missing position (expected a 1-based position or '%')",
        "{1;2}|bad template \"{1;2}\" at column 3: unexpected ';' (expected ',', '-' or '}')",
        "{%|bad template \"{%\" at column 3: unterminated '{' opened at column 1 (expected '}' after '{%')",
        "{%1}|bad template \"{%1}\" at column 3: unexpected '1' (expected '}' after '{%')",
        "{1|bad template \"{1\" at column 3: unterminated '{' opened at column 1",
        "1}|bad template \"1}\" at column 2: '}' without '{'",
        "7x|bad template \"7x\" at column 2: unexpected 'x' (expected 0-9 * # A-D or '{')",
        "{a}|bad template \"{a}\" at column 2: unexpected 'a' (expected a 1-based position or '%')",
        "{65}|bad template \"{65}\" at column 2: position larger than 64 (the longest number)",
        "{?}|bad template \"{?}\" at column 2: unexpected '?' (expected a 1-based position or '%')",
      })
  void rejectsMalformedTemplatesNamingTheColumn(String template, String message) {
    assertThatThrownBy(() -> Template.parse(template))
        .isInstanceOf(RoutingSyntaxException.class)
        .hasMessage(message);
  }

  @Test
  void positionPastTheEndIsAnEvaluationError() {
    assertThatThrownBy(() -> Template.parse("{1,2,6}").apply("12345", 0, 0))
        .isInstanceOf(RoutingException.class)
        .hasMessage("template \"{1,2,6}\": position 6 is past the end of \"12345\" (5 symbols)");
  }

  @Test
  void exposesWhatItReads() {
    Template t = Template.parse("8{%}{1-3,11}");
    assertThat(t.usesPercent()).isTrue();
    assertThat(t.maxPosition()).isEqualTo(11);
    assertThat(Template.parse("123").maxPosition()).isZero();
    assertThat(Template.parse("123").usesPercent()).isFalse();
    assertThat(t).hasToString("8{%}{1-3,11}").isEqualTo(Template.parse("8{%}{1-3,11}"));
    assertThat(t.hashCode()).isEqualTo(Template.parse("8{%}{1-3,11}").hashCode());
    assertThat(t.source()).isEqualTo("8{%}{1-3,11}");
  }

  @Test
  void percentSpanOutsideTheNumberIsAnIllegalArgumentNotAnIndexError() {
    // Used to escape as StringIndexOutOfBoundsException ("start 2, end 1, length 3").
    Template t = Template.parse("7{%}");
    assertThatThrownBy(() -> t.apply("123", 2, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("percentStart 2, percentEnd 1: not a span of \"123\" (expected 0 <= start <= end <= 3)");
    assertThatThrownBy(() -> t.apply("123", 0, 9)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> t.apply("123", -1, 2)).isInstanceOf(IllegalArgumentException.class);
    assertThat(t.apply("123", 3, 3)).isEqualTo("7");
  }
}
