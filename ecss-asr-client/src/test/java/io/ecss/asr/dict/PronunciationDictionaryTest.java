package io.ecss.asr.dict;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ecss.asr.AsrException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class PronunciationDictionaryTest {

  @Test
  void parsesEntriesVariantsCommentsAndWhitespace() {
    PronunciationDictionary d =
        PronunciationDictionary.parse(
            "\uFEFF## comment\n;; another\n\nда d aa\nдом\td oo m  \r\na AH\r\na(2) EY\n   нет n ee t\n"
                .concat("a(3)  AE\nё(ж) jj o sh\n(2) s k\n"));
    assertThat(d.entries())
        .containsExactly(
            new DictionaryEntry("да", 1, List.of("d", "aa")),
            new DictionaryEntry("дом", 1, List.of("d", "oo", "m")),
            new DictionaryEntry("a", 1, List.of("AH")),
            new DictionaryEntry("a", 2, List.of("EY")),
            new DictionaryEntry("нет", 1, List.of("n", "ee", "t")),
            new DictionaryEntry("a", 3, List.of("AE")),
            new DictionaryEntry("ё(ж)", 1, List.of("jj", "o", "sh")),
            new DictionaryEntry("(2)", 1, List.of("s", "k")));
    assertThat(d.size()).isEqualTo(6);
    assertThat(d.pronunciations("a")).containsExactly(List.of("AH"), List.of("EY"), List.of("AE"));
    assertThat(d.pronunciations("нету")).isEmpty();
    assertThat(d.contains("дом")).isTrue();
    assertThat(d.contains("Дом")).isFalse();
    assertThat(d.entries().get(3).head()).isEqualTo("a(2)");
    assertThat(d.format()).startsWith("да d aa\nдом d oo m\na AH\na(2) EY\n");
    assertThat(PronunciationDictionary.parse(d.format()).entries()).isEqualTo(d.entries());
    assertThat(PronunciationDictionary.of(d.entries()).entries()).isEqualTo(d.entries());
    assertThat(PronunciationDictionary.parse("").size()).isZero();
    assertThat(PronunciationDictionary.parse("a b\r").size()).isEqualTo(1);
  }

  @Test
  void missingWords() {
    PronunciationDictionary d = PronunciationDictionary.parse("да d aa\nнет n ee t\nДом d oo m\n");
    assertThat(d.missing(List.of("да", "конечно", "нет", "конечно", "дом")))
        .containsExactly("конечно", "дом");
    assertThat(d.missing(List.of("ДА", "дом", "ёж"), true)).containsExactly("ёж");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "да d aa\\nнет| 2:1: word 'нет' has no phones",
        "a(2) EY| 1:1: variant a(2) comes before its base word a",
        "a AH\\n  a AA| 2:3: duplicate entry a (first at line 1)",
        "a AH\\na(2) EY\\na(2) AA| 3:1: duplicate entry a(2) (first at line 2)",
        "a AH\\na(1) EY| 2:1: variant number must be 2 or more, found a(1)",
        "a AH\\na(0) EY| 2:1: variant number must be 2 or more, found a(0)",
        "a AH\\na(99999999) EY| 2:1: variant number must be 2 or more, found a(99999999)",
      })
  void rejectsMalformedLinesWithPosition(String text, String message) {
    assertThatThrownBy(() -> PronunciationDictionary.parse(text.replace("\\n", "\n")))
        .isInstanceOf(DictionaryException.class)
        .isInstanceOf(AsrException.class)
        .hasMessage(message.strip());
  }

  @Test
  void malformedUtf8() {
    byte[] b = "да d aa\nнет n e t\n".getBytes(StandardCharsets.UTF_8);
    b[13] = (byte) 0xFF;
    assertThatThrownBy(() -> PronunciationDictionary.parse(b))
        .isInstanceOf(DictionaryException.class)
        .hasMessage("2:2: malformed UTF-8 at byte 12")
        .satisfies(e -> assertThat(((DictionaryException) e).line()).isEqualTo(2))
        .satisfies(e -> assertThat(((DictionaryException) e).column()).isEqualTo(2));
    byte[] bom = "\uFEFFда d aa".getBytes(StandardCharsets.UTF_8);
    assertThat(PronunciationDictionary.parse(bom).contains("да")).isTrue();
  }

  @Test
  void entryInvariants() {
    assertThatThrownBy(() -> new DictionaryEntry("a b", 1, List.of("x"))).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new DictionaryEntry("a", 0, List.of("x"))).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new DictionaryEntry("a", 1, List.of())).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new DictionaryEntry("a", 1, List.of("x y"))).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> PronunciationDictionary.of(List.of(new DictionaryEntry("a", 2, List.of("x")))))
        .hasMessage("entries: a(2) before its base word");
    DictionaryEntry a = new DictionaryEntry("a", 1, List.of("x"));
    assertThatThrownBy(() -> PronunciationDictionary.of(List.of(a, a))).hasMessage("entries: duplicate a");
    assertThat(a.toString()).isEqualTo("a x");
  }
}
