package io.ecss.csta;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class InvokeIdsTest {

  @Test
  void allocatesFrom0001To9998AndWrapsSkippingPending() {
    InvokeIds ids = new InvokeIds();
    assertThat(ids.allocate(0)).isEqualTo(1);
    for (int i = 2; i <= 9998; i++) {
      assertThat(ids.allocate(0)).isEqualTo(i);
      if (i != 5) {
        ids.release(i);
      }
    }
    // 1 and 5 still pending: the next round skips them.
    assertThat(ids.allocate(0)).isEqualTo(2);
    assertThat(ids.allocate(0)).isEqualTo(3);
    assertThat(ids.allocate(0)).isEqualTo(4);
    assertThat(ids.allocate(0)).isEqualTo(6);
    assertThat(ids.inUse()).isEqualTo(6);
  }

  @Test
  void quarantinedIdIsSkippedUntilItExpires() {
    InvokeIds ids = new InvokeIds();
    int id = ids.allocate(0);
    ids.quarantine(id, 1_000);
    assertThat(ids.isQuarantined(id, 999)).isTrue();
    for (int i = 2; i <= 9998; i++) {
      ids.release(ids.allocate(500));
    }
    assertThat(ids.allocate(500)).isEqualTo(2);
    for (int i = 3; i <= 9998; i++) {
      ids.release(ids.allocate(1_000));
    }
    assertThat(ids.allocate(1_000)).isEqualTo(1);
    assertThat(ids.isQuarantined(1, 1_000)).isFalse();
  }

  @Test
  void exhaustionIsReported() {
    InvokeIds ids = new InvokeIds();
    for (int i = 1; i <= 9998; i++) {
      ids.allocate(0);
    }
    assertThatThrownBy(() -> ids.allocate(0))
        .isInstanceOf(CstaException.class)
        .hasMessage("no free invoke id: all 9998 are pending or quarantined after a timeout");
  }

  @Test
  void backoffGrowsCapsAndJitters() {
    CstaBackoff b = new CstaBackoff(Duration.ofMillis(100), Duration.ofMillis(1_000), 0, 0);
    assertThat(b.delay(1)).isEqualTo(Duration.ofMillis(100));
    assertThat(b.delay(2)).isEqualTo(Duration.ofMillis(200));
    assertThat(b.delay(4)).isEqualTo(Duration.ofMillis(800));
    assertThat(b.delay(5)).isEqualTo(Duration.ofSeconds(1));
    assertThat(b.delay(500)).isEqualTo(Duration.ofSeconds(1));
    CstaBackoff j = new CstaBackoff(Duration.ofMillis(100), Duration.ofMillis(100), 0.5, 0);
    for (int i = 0; i < 100; i++) {
      assertThat(j.delay(3)).isBetween(Duration.ofMillis(50), Duration.ofMillis(100));
    }
    assertThatThrownBy(() -> b.delay(0)).hasMessage("attempt: 0 (expected >= 1)");
    assertThatThrownBy(() -> new CstaBackoff(Duration.ZERO, Duration.ZERO, 0, 0)).hasMessage("initial: PT0S (expected > 0)");
    assertThatThrownBy(() -> new CstaBackoff(Duration.ofSeconds(2), Duration.ofSeconds(1), 0, 0))
        .hasMessage("max: PT1S (expected >= initial PT2S)");
    assertThatThrownBy(() -> new CstaBackoff(Duration.ofSeconds(1), Duration.ofSeconds(1), 1.5, 0))
        .hasMessage("jitter: 1.5 (expected 0.0..1.0)");
    assertThatThrownBy(() -> new CstaBackoff(Duration.ofSeconds(1), Duration.ofSeconds(1), 0, -1))
        .hasMessage("maxAttempts: -1 (expected >= 0)");
  }
}
