package io.ecss.clerk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ClerkServiceTest {
  private final ClerkMatcher matcher =
      ClerkMatcher.builder()
          .phonebook(
              List.of(
                  new PhonebookEntry("Евгений Казарцев", "4819"),
                  new PhonebookEntry("Алексей Лысенко", "4301")))
          .build();

  @Test
  void partialThenFinalThenCallbacks() {
    ClerkService svc = new ClerkService(matcher);
    ClerkAnswer a1 = svc.recognize("call-17", List.of("соедините", "со"));
    assertThat(a1.status()).isEqualTo(206);
    assertThat(a1.isFinal()).isFalse();
    assertThat(a1.number()).isNull();
    assertThat(a1.toJson())
        .isEqualTo(
            "{\"recognized\":\"соедините\",\"positive_url\":\"call-17/positive_url\",\"negative_url\":\"call-17/negative_url\"}");
    ClerkAnswer a2 = svc.recognize("call-17", List.of("женя казарцев", "женя казарцев", "женя"));
    assertThat(a2.status()).isEqualTo(200);
    assertThat(a2.toJson())
        .isEqualTo(
            "{\"recognized\":\"женя казарцев\",\"number\":\"4819\",\"positive_url\":\"call-17/positive_url\",\"negative_url\":\"call-17/negative_url\"}");
    // a later chunk of the same call gets the final answer again
    assertThat(svc.recognize("call-17", List.of("шум"))).isSameAs(a2);
    assertThat(svc.callback("/call-17/positive_url")).isTrue();
    ClerkService.Session s = svc.session("call-17").orElseThrow();
    assertThat(s.chunks()).isEqualTo(3);
    assertThat(s.feedback()).isEqualTo(ClerkService.Feedback.POSITIVE);
    assertThat(s.lastAnswer()).isSameAs(a2);
    assertThat(svc.stats()).isEqualTo(new ClerkService.Stats(3, 1, 1, 0));
  }

  @Test
  void negativeCallbackAndUnknownIds() {
    ClerkService svc = new ClerkService(matcher);
    svc.recognize("c1", List.of("никто"));
    assertThat(svc.callback("c1/negative_url")).isTrue();
    assertThat(svc.session("c1").orElseThrow().feedback()).isEqualTo(ClerkService.Feedback.NEGATIVE);
    assertThat(svc.negative("unknown")).isFalse();
    assertThat(svc.positive("bad id!")).isFalse();
    assertThat(svc.callback("c1/other")).isFalse();
    assertThat(svc.callback("c1")).isFalse();
    assertThat(svc.callback("/bad id/positive_url")).isFalse();
    assertThat(svc.stats().negatives()).isEqualTo(1);
    assertThatThrownBy(() -> svc.recognize("../etc", List.of("x")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("requestId: '../etc' (expected 1 to 128 of A-Z a-z 0-9 . _ ~ -)");
  }

  @Test
  void forgetsTheLeastRecentlyUsedSession() {
    ClerkService svc = new ClerkService(matcher, 2);
    svc.recognize("a", List.of("x"));
    svc.recognize("b", List.of("x"));
    svc.recognize("c", List.of("x"));
    assertThat(svc.session("a")).isEmpty();
    assertThat(svc.positive("a")).isFalse();
    assertThat(svc.session("c")).isPresent();
    assertThatThrownBy(() -> new ClerkService(matcher, 0)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void replacesTheMatcherAtomically() {
    ClerkService svc = new ClerkService(matcher);
    assertThat(svc.recognize("r1", List.of("казарцев")).number()).isEqualTo("4819");
    svc.replaceMatcher(matcher.withPhonebook(List.of(new PhonebookEntry("Евгений Казарцев", "5000"))));
    assertThat(svc.recognize("r2", List.of("казарцев")).number()).isEqualTo("5000");
    assertThat(svc.matcher().size()).isEqualTo(1);
  }

  @Test
  void answerValidationAndJsonEscaping() {
    SearchResult r = matcher.search("x");
    assertThatThrownBy(() -> new ClerkAnswer(201, "a", "", null, "p", "n", r))
        .hasMessage("status: 201 (expected 200 or 206)");
    assertThatThrownBy(() -> new ClerkAnswer(200, "a", "", null, "p", "n", r))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(new ClerkAnswer(206, "a", "\"q\\\n\r\t\u0001\u2028", null, "p", "n", r).toJson())
        .isEqualTo("{\"recognized\":\"\\\"q\\\\\\n\\r\\t\\u0001\\u2028\",\"positive_url\":\"p\",\"negative_url\":\"n\"}");
  }

  @Test
  void concurrentChunksAreSafe() throws InterruptedException {
    ClerkService svc = new ClerkService(matcher);
    Thread[] ts = new Thread[4];
    for (int t = 0; t < ts.length; t++) {
      int id = t;
      ts[t] = new Thread(() -> {
        for (int i = 0; i < 200; i++) {
          svc.recognize("t" + id + "-" + (i % 10), List.of(i % 2 == 0 ? "казарцев" : "никто"));
        }
      });
      ts[t].start();
    }
    for (Thread t : ts) {
      t.join();
    }
    assertThat(svc.stats().chunks()).isEqualTo(800);
  }
}
