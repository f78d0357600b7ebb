package io.ecss.asr.jsgf;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class JsgfWriterTest {

  static LongStream batches() {
    return LongStream.range(0, 10);
  }

  /** 1,000 generated grammars in 10 batches of 100 seeds; the seed is printed on failure. */
  @ParameterizedTest
  @MethodSource("batches")
  void parseOfFormatEqualsTheGrammar(long batch) {
    for (long seed = batch * 100; seed < batch * 100 + 100; seed++) {
      JsgfGrammar g = new GrammarGen(seed, true, false).grammar();
      String text = g.format();
      JsgfGrammar back = JsgfGrammar.parse(text);
      assertThat(back).as("seed %d:%n%s", seed, text).isEqualTo(g);
      assertThat(back.format()).as("seed %d", seed).isEqualTo(text);
    }
  }

  @Test
  void canonicalText() {
    JsgfGrammar g =
        JsgfGrammar.parse(
            """
            #JSGF V1.0 UTF-8 ru;   grammar   ivr ; import<a.b.*>;
            /** Меню */ public<menu>=/2.50/да{ yes }|/1/( нет|"не надо" ) {no}[пожалуйста]* ;
            <q> = "New \\"York\\"" | c\\d | "c++" | <NULL> {a\\}b} ;
            """);
    assertThat(g.format())
        .isEqualTo(
            """
            #JSGF V1.0 UTF-8 ru;
            grammar ivr;

            import <a.b.*>;

            /** Меню */
            public <menu> = /2.5/ да {yes} | /1/ (нет | "не надо") {no} [пожалуйста]*;

            <q> = "New \\"York\\"" | c\\d | "c++" | <NULL> {a\\}b};
            """);
  }

  @Test
  void formatsWeightsWithoutExponentOrTrailingZeros() {
    assertThat(JsgfWriter.weight(2.0)).isEqualTo("2");
    assertThat(JsgfWriter.weight(0.001)).isEqualTo("0.001");
    assertThat(JsgfWriter.weight(1e-7)).isEqualTo("0.0000001");
    assertThat(JsgfWriter.weight(1e20)).isEqualTo("100000000000000000000");
    assertThat(JsgfWriter.weight(0.0)).isEqualTo("0");
  }
}
