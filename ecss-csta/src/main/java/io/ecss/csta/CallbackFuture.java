package io.ecss.csta;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The futures a {@link CstaClient} hands out. They complete on the client's callback executor,
 * one task at a time, so a callback that blocks on one that is not done yet would wait for ever
 * (its completion is queued behind the very callback that waits): {@code join()} and {@code
 * get()} refuse that with {@link IllegalStateException} instead of hanging. Stages derived from
 * such a future are such futures too.
 */
final class CallbackFuture<T> extends CompletableFuture<T> {
  private final SerialExecutor callbacks;

  CallbackFuture(SerialExecutor callbacks) {
    this.callbacks = callbacks;
  }

  @Override
  public <U> CompletableFuture<U> newIncompleteFuture() {
    return new CallbackFuture<>(callbacks);
  }

  private void checkNotInCallback(String method) {
    if (!isDone() && callbacks.inTask()) {
      throw new IllegalStateException(method + " on a pending CstaClient future inside a client callback would wait"
          + " for ever: the callback executor completes it only after this callback returns; chain with"
          + " thenAccept/whenComplete, or block on another thread");
    }
  }

  @Override
  public T join() {
    checkNotInCallback("join()");
    return super.join();
  }

  @Override
  public T get() throws InterruptedException, ExecutionException {
    checkNotInCallback("get()");
    return super.get();
  }

  @Override
  public T get(long timeout, TimeUnit unit) throws InterruptedException, ExecutionException, TimeoutException {
    checkNotInCallback("get(timeout)");
    return super.get(timeout, unit);
  }
}
