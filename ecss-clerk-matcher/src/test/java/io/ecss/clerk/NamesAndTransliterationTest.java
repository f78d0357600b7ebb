package io.ecss.clerk;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NamesAndTransliterationTest {

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "Казарцев-Ёлкин,  Евгений!|казарцев елкин евгений",
        "O'Brien|obrien",
        "Shhukin` Ob``yavlenie|shhukin obyavlenie",
        "и\u0306горь|йгорь",
        "Agent 007|agent 007",
        "«Бухгалтерия»|бухгалтерия",
        
      })
  void normalizes(String in, String expected) {
    assertThat(Names.normalize("...")).isEmpty();
    assertThat(Names.normalize(in)).isEqualTo(expected);
  }

  @Test
  void normalizesWhitespace() {
    assertThat(Names.normalize("  ЖЕНЯ\tКАЗАРЦЕВ \n")).isEqualTo("женя казарцев");
    assertThat(Names.normalize("\u00a0a\u2003b\u0000c")).isEqualTo("a b c");
  }

  @Test
  void splitsWords() {
    assertThat(Names.words("а бв г")).containsExactly("а", "бв", "г");
    assertThat(Names.words("")).containsExactly("");
    assertThat(Names.collapseWhitespace(" a\r\n b ")).isEqualTo("a b");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "Юлия Щеглова|Iuliia Shcheglova",
        "Игорь Ильин|Igor Ilin",
        "Артём Краевой|Artem Kraevoi",
        "Евгений Казарцев|Evgenii Kazartsev",
        "Объявление Хабаровск|Obieiavlenie Khabarovsk",
        "Эдуард Цой|Eduard Tsoi",
        "Москва 2026|Moskva 2026",
      })
  void icao9303(String cyr, String latin) {
    assertThat(Transliteration.ICAO_9303.transliterate(cyr)).isEqualTo(latin);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "Юлия Щеглова|Yuliya Shheglova",
        "Артём Краевой|Artyom Kraevoj",
        "цирк Цапля|cirk Czaplya",
        "объявление|ob``yavlenie",
        "Мы Эхо ель|My` E`xo el`",
        "Цыган Цецилия Цюрих|Cy`gan Ceciliya Czyurix",
      })
  void gost779B(String cyr, String latin) {
    assertThat(Transliteration.GOST_7_79_B.transliterate(cyr)).isEqualTo(latin);
  }

  @Test
  void caseEndingCandidates() {
    assertThat(CaseEndings.candidates("казарцева")).contains("казарцев");
    assertThat(CaseEndings.candidates("евгению")).contains("евгения", "евгений");
    assertThat(CaseEndings.candidates("алексея")).contains("алексей");
    assertThat(CaseEndings.candidates("игорем")).contains("игорь");
    assertThat(CaseEndings.candidates("достоевского")).contains("достоевский");
    assertThat(CaseEndings.candidates("соколовой")).contains("соколова");
    assertThat(CaseEndings.candidates("ольги")).contains("ольга");
    assertThat(CaseEndings.candidates("ян")).isEmpty();
  }

  @Test
  void boundedEditDistance() {
    assertThat(EditDistance.bounded("казарцев", "казарцев", 2)).isZero();
    assertThat(EditDistance.bounded("казарцев", "казарцеф", 2)).isEqualTo(1);
    assertThat(EditDistance.bounded("казарцев", "казрацев", 2)).isEqualTo(1); // transposition
    assertThat(EditDistance.bounded("казарцев", "кзарцв", 2)).isEqualTo(2);
    assertThat(EditDistance.bounded("казарцев", "иванов", 2)).isEqualTo(3);
    assertThat(EditDistance.bounded("", "абв", 5)).isEqualTo(3);
    assertThat(EditDistance.allowed(3)).isZero();
    assertThat(EditDistance.allowed(7)).isEqualTo(1);
    assertThat(EditDistance.allowed(8)).isEqualTo(2);
  }
}
