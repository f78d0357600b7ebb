package io.ecss.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NumberSetTest {

  @Test
  void expandsTheManualsSets() {
    assertThat(list("738327{0-1}000{0-1}"))
        .containsExactly("73832700000", "73832700001", "73832710000", "73832710001");
    assertThat(list("7383271000{0-1}")).containsExactly("73832710000", "73832710001");
    assertThat(list("1243{1-4}")).containsExactly("12431", "12432", "12433", "12434");
    NumberSet range = NumberSet.parse("{2124-2400}");
    assertThat(range.size()).isEqualTo(277);
    assertThat(range.get(0)).isEqualTo("2124");
    assertThat(range.get(276)).isEqualTo("2400");
    assertThat(range.contains("2200")).isTrue();
    assertThat(range.contains("2123")).isFalse();
    assertThat(range.contains("02200")).isFalse();
  }

  @Test
  void mergesListsAndRangesInOrder() {
    NumberSet s = NumberSet.parse("{101,102,103,110-120}");
    assertThat(s.size()).isEqualTo(14);
    assertThat(list("{110-112,101,111,102-103}"))
        .containsExactly("101", "102", "103", "110", "111", "112");
  }

  @Test
  void keepsWidthOfEqualWidthRangesAndCountsNaturalRanges() {
    assertThat(list("{08-11}")).containsExactly("08", "09", "10", "11");
    assertThat(list("{8-11}")).containsExactly("8", "9", "10", "11");
    assertThat(list("5{8-11}")).containsExactly("58", "59", "510", "511");
    assertThat(list("{8-11}5")).containsExactly("85", "95", "105", "115");
    NumberSet v = NumberSet.parse("{8-11}5");
    assertThat(v.contains("105")).isTrue();
    assertThat(v.contains("1055")).isFalse();
    assertThat(v.contains("5")).isFalse();
    assertThat(v.contains("x5")).isFalse();
  }

  @Test
  void handlesHugeSetsWithoutMaterialising() {
    NumberSet s = NumberSet.parse("7{000000000-999999999}{0-9}");
    assertThat(s.size()).isEqualTo(10_000_000_000L);
    assertThat(s.get(9_999_999_999L)).isEqualTo("79999999999");
    assertThat(s.contains("71234567890")).isTrue();
    assertThat(s.iterator().next()).isEqualTo("70000000000");
  }

  @Test
  void iteratorAndIndexBounds() {
    NumberSet s = NumberSet.parse("12");
    var it = s.iterator();
    assertThat(it.next()).isEqualTo("12");
    assertThat(it.hasNext()).isFalse();
    assertThatThrownBy(it::next).isInstanceOf(java.util.NoSuchElementException.class);
    assertThatThrownBy(() -> s.get(1))
        .isInstanceOf(IndexOutOfBoundsException.class)
        .hasMessage("index: 1 (expected 0..0)");
    assertThat(s).isEqualTo(NumberSet.parse("12")).hasToString("12");
    assertThat(s.hashCode()).isEqualTo("12".hashCode());
    assertThat(s.source()).isEqualTo("12");
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "''|bad number set \"\" at column 1: empty set (expected digits or {…})",
        "12a|bad number set \"12a\" at column 3: unexpected 'a' (expected a digit or '{')",
        "1}|bad number set \"1}\" at column 2: '}' without '{'",
        "{1-2|bad number set \"{1-2\" at column 5: unterminated '{' opened at column 1 (expected '}')",
        "{}|bad number set \"{}\" at column 2: missing number (expected digits)",
        "{1,}|bad number set \"{1,}\" at column 4: missing number (expected digits)",
        "{5-1}|bad number set \"{5-1}\" at column 4: reversed range 5-1 (expected low-high)",
        "{50-9}|bad number set \"{50-9}\" at column 5: reversed range 50-9 (expected low-high)",
        "{05-100}|bad number set \"{05-100}\" at column 2: range 05-100 with a leading zero needs ends of equal width",
        "{1;2}|bad number set \"{1;2}\" at column 3: unexpected ';' (expected ',', '-' or '}')",
        "{{1}}|bad number set \"{{1}}\" at column 2: unexpected '{' (expected digits)",
        "{1-12}{1}|bad number set \"{1-12}{1}\" at column 7: a group follows the group at column 1 whose members differ in width (only the last group may)",
        "{1234567890123456789}|bad number set \"{1234567890123456789}\" at column 2: number of 19 digits in a group (expected at most 18)",
        "{000000000000000000-999999999999999999}{0-9}|bad number set \"{000000000000000000-999999999999999999}{0-9}\" at column 1: more than 9223372036854775807 numbers",
        "{1|bad number set \"{1\" at column 3: unterminated '{' opened at column 1 (expected '}')",
      })
  void rejectsMalformedSetsNamingTheColumn(String set, String message) {
    assertThatThrownBy(() -> NumberSet.parse(set))
        .isInstanceOf(RoutingSyntaxException.class)
        .hasMessage(message);
  }

  private static List<String> list(String set) {
    List<String> out = new ArrayList<>();
    NumberSet.parse(set).forEach(out::add);
    assertThat(out).hasSize((int) NumberSet.parse(set).size());
    for (String n : out) {
      assertThat(NumberSet.parse(set).contains(n)).as(n).isTrue();
    }
    return out;
  }
}
