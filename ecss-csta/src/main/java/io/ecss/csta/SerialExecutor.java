package io.ecss.csta;

import java.util.ArrayDeque;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs tasks one at a time, in submission order, on a delegate executor: user callbacks see
 * events and completions in wire order even on a pooled executor. When the delegate refuses work
 * (shut down) or throws, the submitting thread drains the queue itself so no completion is lost.
 *
 * <p>Thread-safe; its monitor is a leaf lock (never held while a task runs).
 */
final class SerialExecutor implements Executor {
  private static final Logger log = LoggerFactory.getLogger(CstaClient.class);

  private final Executor delegate;
  private final ArrayDeque<Runnable> tasks = new ArrayDeque<>();
  private boolean running;
  /** The thread running a task right now (tasks run one at a time), else null. */
  private volatile @Nullable Thread drainer;

  SerialExecutor(Executor delegate) {
    this.delegate = delegate;
  }

  @Override
  public void execute(Runnable r) {
    enqueue(r);
    flush();
  }

  /**
   * Queues a task without starting it, so a caller can queue under its own lock and keep the
   * order of what that lock guards (e.g. state changes); call {@link #flush()} after releasing it.
   */
  synchronized void enqueue(Runnable r) {
    tasks.add(r);
  }

  /** Starts running the queued tasks unless they are already running. Call with no lock held. */
  void flush() {
    synchronized (this) {
      if (running || tasks.isEmpty()) {
        return;
      }
      running = true;
    }
    try {
      delegate.execute(this::drain);
    } catch (RuntimeException e) {
      // Refused (shut down) or broken: run the tasks here, so none is lost and the queue never
      // stays marked as running with nothing to run it.
      if (!(e instanceof RejectedExecutionException)) {
        log.warn("CSTA callback executor threw {}; running callbacks on the calling thread", e.getClass().getName(), e);
      }
      drain();
    }
  }

  private void drain() {
    while (true) {
      Runnable t;
      synchronized (this) {
        t = tasks.poll();
        if (t == null) {
          running = false;
          return;
        }
      }
      drainer = Thread.currentThread();
      try {
        t.run();
      } catch (RuntimeException e) {
        // A listener threw; keep delivering to the others. Never log the event itself.
        log.warn("CSTA callback threw {}", e.getClass().getName(), e);
      } finally {
        drainer = null;
      }
    }
  }

  /** Whether the calling thread is running one of this executor's tasks. */
  boolean inTask() {
    return drainer == Thread.currentThread();
  }
}
