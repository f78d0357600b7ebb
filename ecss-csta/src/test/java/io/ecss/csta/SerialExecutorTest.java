package io.ecss.csta;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import org.junit.jupiter.api.Test;

class SerialExecutorTest {
  /** A user's executor that throws once: before, every later task stayed queued for ever. */
  @Test
  void aDelegateThatThrowsDoesNotStopDelivery() {
    int[] calls = {0};
    Executor flaky = r -> {
      if (calls[0]++ == 0) {
        throw new IllegalStateException("pool broken");
      }
      r.run();
    };
    SerialExecutor s = new SerialExecutor(flaky);
    List<Integer> ran = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      int n = i;
      s.execute(() -> ran.add(n));
    }
    assertThat(ran).containsExactly(0, 1, 2, 3, 4);
  }

  @Test
  void aRefusingDelegateRunsTasksOnTheCaller() {
    SerialExecutor s = new SerialExecutor(r -> {
      throw new RejectedExecutionException("shut down");
    });
    List<String> ran = new ArrayList<>();
    s.execute(() -> ran.add(Thread.currentThread().getName()));
    assertThat(ran).containsExactly(Thread.currentThread().getName());
  }
}
