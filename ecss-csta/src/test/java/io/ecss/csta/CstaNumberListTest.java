package io.ecss.csta;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class CstaNumberListTest {

  @Test
  void manualExamples() {
    CstaNumberList l = CstaNumberList.parse("{101,102,103,110-120}");
    assertThat(l.size()).isEqualTo(14);
    assertThat(l.expand(100)).startsWith("101", "102", "103", "110").endsWith("120").hasSize(14);
    assertThat(l.contains("115")).isTrue();
    assertThat(l.contains("104")).isFalse();
    assertThat(l.contains("1101")).isFalse();
    assertThat(CstaNumberList.parse("24010{0-1}").expand(10)).containsExactly("240100", "240101");
    assertThat(l.toString()).isEqualTo("{101,102,103,110-120}");
  }

  @Test
  void widthsAndConcatenation() {
    assertThat(CstaNumberList.parse("{08-10}").expand(10)).containsExactly("08", "09", "10");
    assertThat(CstaNumberList.parse("{8-10}").expand(10)).containsExactly("8", "9", "10");
    CstaNumberList l = CstaNumberList.parse(" 7{0-1}{5,9} , 100-102 ");
    assertThat(l.expand(20)).containsExactly("705", "709", "715", "719", "100", "101", "102");
    assertThat(l.contains("719")).isTrue();
    assertThat(l.contains("0719")).isFalse();
    assertThat(CstaNumberList.parse("{8-10}").contains("08")).isFalse();
    assertThat(l.contains("1a")).isFalse();
  }

  @Test
  void containsAgreesWithExpandOnRandomLists() {
    Random r = new Random(2401);
    for (int i = 0; i < 200; i++) {
      int lo = r.nextInt(50);
      int hi = lo + r.nextInt(30);
      String text = r.nextInt(10) + "{" + lo + "-" + hi + "," + r.nextInt(100) + "}";
      CstaNumberList l = CstaNumberList.parse(text);
      List<String> all = l.expand(1_000);
      for (int n = 0; n < 1_000; n++) {
        String candidate = Integer.toString(n);
        assertThat(l.contains(candidate)).as("%s contains %s", text, candidate).isEqualTo(all.contains(candidate));
      }
    }
  }

  @Test
  void errorsPointAtTheColumn() {
    assertThatThrownBy(() -> CstaNumberList.parse("{101,,102}"))
        .isInstanceOf(CstaParseException.class)
        .hasMessage("expected a digit but found ',' at line 1, column 6");
    assertThatThrownBy(() -> CstaNumberList.parse("{101")).hasMessage("expected '}' but found the end at line 1, column 5");
    assertThatThrownBy(() -> CstaNumberList.parse("120-110")).hasMessage("range 120-110 is reversed at line 1, column 1");
    assertThatThrownBy(() -> CstaNumberList.parse("  ")).hasMessage("empty number list at line 1, column 3");
    assertThatThrownBy(() -> CstaNumberList.parse("abc")).hasMessage("expected a number but found 'a' at line 1, column 1");
    assertThatThrownBy(() -> CstaNumberList.parse("1,")).hasMessage("expected a number but found the end at line 1, column 3");
    assertThatThrownBy(() -> CstaNumberList.parse("1234567890123456789")).hasMessage("number longer than 18 digits at line 1, column 1");
    assertThatThrownBy(() -> CstaNumberList.parse("{0-999999}").expand(1000))
        .isInstanceOf(CstaException.class)
        .hasMessage("number list {0-999999} has 1000000 numbers (more than the limit 1000)");
    assertThat(CstaNumberList.parse("{1-2}")).isEqualTo(CstaNumberList.parse("{1-2}")).hasSameHashCodeAs(CstaNumberList.parse("{1-2}"));
  }
}
