package io.ecss.examples.sorm;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Lets a foreground command (a station, a watch) stop cleanly on Ctrl-C: a shutdown hook
 * interrupts the command's thread and waits (up to five seconds) until the command has closed its
 * sockets and threads. The command checks {@link Thread#interrupted()} (or catches {@link
 * InterruptedException}) and closes this in a {@code finally}, which releases the hook and removes
 * it, so a command run in-process (tests, embedders) leaves no hook behind. Interrupting the
 * command's thread stops it the same way.
 */
final class Foreground implements AutoCloseable {
  private final Thread hook;
  private final CountDownLatch done = new CountDownLatch(1);

  private Foreground(String name) {
    Thread main = Thread.currentThread();
    this.hook =
        new Thread(
            () -> {
              main.interrupt();
              try {
                done.await(5, TimeUnit.SECONDS);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            },
            name);
  }

  /** Registers the hook for the calling thread. */
  static Foreground install(String name) {
    Foreground f = new Foreground(name);
    Runtime.getRuntime().addShutdownHook(f.hook);
    return f;
  }

  /** Tells a running hook the command has finished, and removes the hook if the JVM is not exiting. */
  @Override
  public void close() {
    done.countDown();
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException shuttingDown) {
      // The JVM is exiting (Ctrl-C): the hook is running and has just been released.
    }
  }
}
