package io.ecss.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link DigitPattern#covers} (language inclusion, used to warn about unreachable rules) against
 * brute force over every number of up to 7 symbols from {@code 1 2 3} (enough to tell apart the
 * generated tokens), on 20,000 seeded pattern pairs.
 */
class DigitPatternCoversTest {
  static final String[] TOKENS = {"1", "2", "?", "(1-2)", "(2,3)", "%"};

  static String pattern(Random rnd) {
    StringBuilder sb = new StringBuilder();
    int n = rnd.nextInt(5);
    boolean pct = false;
    for (int i = 0; i < n; i++) {
      String t = TOKENS[rnd.nextInt(TOKENS.length)];
      if (t.equals("%")) {
        if (pct) {
          continue;
        }
        pct = true;
      }
      sb.append(t);
    }
    return sb.toString();
  }

  @Test
  void coversAgreesWithBruteForce() {
    List<String> strings = new ArrayList<>();
    strings.add("");
    List<String> frontier = List.of("");
    for (int len = 1; len <= 7; len++) {
      List<String> next = new ArrayList<>();
      for (String s : frontier) {
        for (char c : "123".toCharArray()) {
          next.add(s + c);
        }
      }
      strings.addAll(next);
      frontier = next;
    }
    Random rnd = new Random(7);
    List<String> bad = new ArrayList<>();
    int covered = 0;
    for (int i = 0; i < 20000; i++) {
      DigitPattern p = DigitPattern.parse(pattern(rnd));
      DigitPattern q = DigitPattern.parse(pattern(rnd));
      boolean brute = true;
      for (String s : strings) {
        if (q.matches(s) && !p.matches(s)) {
          brute = false;
          break;
        }
      }
      boolean fast = p.covers(q);
      if (fast != brute) {
        bad.add("covers(" + p + ", " + q + ") = " + fast + ", brute force " + brute);
      }
      covered += brute ? 1 : 0;
    }
    assertThat(bad).as("seed 7").isEmpty();
    assertThat(covered).as("the generator must produce inclusions too").isGreaterThan(2000);
  }
}
