package io.ecss.asr.ivr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ecss.asr.jsgf.JsgfChecker;
import io.ecss.asr.jsgf.JsgfGrammar;
import io.ecss.asr.jsgf.JsgfLoader;
import java.util.List;
import org.junit.jupiter.api.Test;

class IvrMenuTest {
  static final IvrMenu MENU =
      IvrMenu.of(
          IvrMenuItem.of("1", "Согласие", "да", "конечно"),
          IvrMenuItem.of("2", "Отказ", "нет", "не  надо"),
          IvrMenuItem.of("*", "", "оператор"),
          IvrMenuItem.of("#", "Назад"),
          IvrMenuItem.of("0", "Повтор", "повторите ещё раз"));

  @Test
  void buildsATaggedGrammar() {
    assertThat(MENU.grammar().format())
        .isEqualTo(
            """
            #JSGF V1.0 UTF-8 ru;
            grammar ivr;

            public <menu> = <item_1> | <item_2> | <item_star> | <item_0>;

            /** Согласие */
            <item_1> = (да | конечно) {1};

            /** Отказ */
            <item_2> = (нет | не надо) {2};

            <item_star> = оператор {*};

            /** Повтор */
            <item_0> = (повторите ещё раз) {0};
            """);
    assertThat(JsgfGrammar.parse(MENU.grammar().format())).isEqualTo(MENU.grammar());
    assertThat(JsgfChecker.check(MENU.grammar(), JsgfLoader.none())).isEmpty();
    assertThat(MENU.voskGrammar())
        .isEqualTo("[\"да\",\"конечно\",\"нет\",\"не надо\",\"оператор\",\"повторите ещё раз\",\"[unk]\"]");
    assertThat(MENU.items().get(1).phrases()).containsExactly("нет", "не надо");
  }

  @Test
  void mapsSpeechAndDtmfBack() {
    assertThat(MENU.recognise("да").map(IvrMenuItem::key)).hasValue("1");
    assertThat(MENU.recognise("Не надо").map(IvrMenuItem::key)).hasValue("2");
    assertThat(MENU.recognise("повторите еще раз").map(IvrMenuItem::key)).hasValue("0");
    assertThat(MENU.recognise("[unk] оператор").map(IvrMenuItem::key)).hasValue("*");
    assertThat(MENU.recognise("ну да конечно").map(IvrMenuItem::key)).hasValue("1");
    assertThat(MENU.recognise("я думаю что не надо да").map(IvrMenuItem::key)).hasValue("2");
    assertThat(MENU.recognise("может быть")).isEmpty();
    assertThat(MENU.recognise("")).isEmpty();
    assertThat(MENU.recognise(List.of("[unk]"))).isEmpty();
    assertThat(MENU.dtmf("#").map(IvrMenuItem::description)).hasValue("Назад");
    assertThat(MENU.dtmf("9")).isEmpty();
    assertThat(IvrMenu.ruleName("#")).isEqualTo("item_hash");
  }

  @Test
  void menuWithoutPhrasesIsVoid() {
    IvrMenu dtmfOnly = IvrMenu.of(IvrMenuItem.of("1", "a"));
    assertThat(dtmfOnly.grammar().format()).contains("public <menu> = <VOID>;");
    assertThat(dtmfOnly.recognise("да")).isEmpty();
    assertThat(dtmfOnly.voskGrammar()).isEqualTo("[\"[unk]\"]");
    IvrMenu single = IvrMenu.of(IvrMenuItem.of("5", "a */ b", "алло"));
    assertThat(single.grammar().format()).contains("public <menu> = <item_5>;").contains("/** a * / b */");
  }

  @Test
  void rejectsAmbiguousMenus() {
    assertThatThrownBy(() -> IvrMenu.of(List.of())).hasMessage("items: none (expected 1 or more)");
    assertThatThrownBy(() -> IvrMenu.of(IvrMenuItem.of("1", ""), IvrMenuItem.of("1", "")))
        .hasMessage("items: key 1 used twice");
    assertThatThrownBy(() -> IvrMenu.of(IvrMenuItem.of("1", "", "Ёлка"), IvrMenuItem.of("2", "", "елка")))
        .hasMessage("phrase 'елка' belongs to items 1 and 2");
    assertThatThrownBy(() -> IvrMenu.of(IvrMenuItem.of("1", "", "да", "Да")))
        .hasMessage("phrase 'Да' repeated in item 1");
    assertThatThrownBy(() -> IvrMenuItem.of("10", "")).hasMessage("key: '10' (expected one of 0-9, * or #)");
    assertThatThrownBy(() -> IvrMenuItem.of("1", "a\nb")).hasMessage("description: contains a line break");
    assertThatThrownBy(() -> IvrMenuItem.of("1", "", " ")).hasMessage("phrase: ' ' of item 1 (expected one or more words)");
  }
}
