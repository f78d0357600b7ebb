package io.ecss.sorm;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The control-console side of SORM-1 over TCP (spec item 8): it connects the КПД1 command link
 * and optionally a КПД2 link to a mediator, sends commands and collects their answers.
 *
 * <p>{@link #send(SormCommand, Duration)} returns a future that completes with a {@link
 * SormReply} once message 8 arrived after message 7 (and, for successful table commands and
 * command 14, their data messages up to "message N of N"). Only one command is outstanding at a
 * time, as the order requires (a station refuses a second with vendor code {@code 2D}); further
 * commands queue and are sent when the previous one completes or times out. КПД2 messages go to
 * {@link #onKpd2(Consumer)} listeners; КПД1 messages that answer no command (failures, restart,
 * unauthorised access, telecom messages, late replies) go to {@link #onKpd1(Consumer)} listeners.
 *
 * <p>Futures complete exceptionally with {@link SormTimeoutException} when the answer does not
 * arrive within the timeout, and with {@link SormConnectionException} when the link fails or the
 * console is closed. The protocol carries no command identifier, so answers are matched by command
 * code: a late 7 or 8 for a command that timed out goes to the {@link #onKpd1(Consumer)} listeners
 * while no command is outstanding, but it is taken as the answer of a later command with the same
 * code that is outstanding by then. Before resending a command that timed out, check its effect
 * (for example with a table request), or connect a new console. There is no automatic reconnect: connect a new console (the station keeps its
 * state).
 *
 * <p>Threads: one reader per link decodes frames and never runs user code; completions and
 * listeners run on the console's callback thread; a timer thread arms timeouts and sends queued
 * commands. {@link #close()} stops them all.
 *
 * <p>Thread-safe.
 */
public final class SormConsole implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(SormConsole.class);

  private final SormCodec codec;
  private final Socket kpd1;
  private final @Nullable Socket kpd2;
  private final SormFrameWriter writer;
  private final String name;
  private final ExecutorService callbacks;
  /** The callback thread, so close() called from a listener or completion does not wait for itself. */
  private volatile @Nullable Thread callbackThread;
  private final ScheduledExecutorService timer;
  private final List<Thread> readers = new ArrayList<>();
  private final List<Consumer<Kpd1Message>> kpd1Listeners = new CopyOnWriteArrayList<>();
  private final List<Consumer<Kpd2Message>> kpd2Listeners = new CopyOnWriteArrayList<>();
  private final ArrayDeque<Pending> queue = new ArrayDeque<>();
  private @Nullable Pending current;
  private boolean closed;

  /** A command waiting for, or collecting, its answer. */
  private static final class Pending {
    final SormCommand command;
    final Duration timeout;
    final CompletableFuture<SormReply> future = new CompletableFuture<>();
    Kpd1Message.@Nullable Receipt receipt;
    Kpd1Message.@Nullable Execution execution;
    final List<Kpd1Message> data = new ArrayList<>();
    @Nullable ScheduledFuture<?> timeoutTask;

    Pending(SormCommand command, Duration timeout) {
      this.command = command;
      this.timeout = timeout;
    }
  }

  private SormConsole(SormCodec codec, Socket kpd1, @Nullable Socket kpd2) throws IOException {
    this.codec = codec;
    this.kpd1 = kpd1;
    this.kpd2 = kpd2;
    this.writer = SormFrameWriter.of(kpd1.getOutputStream(), codec);
    this.name = String.valueOf(kpd1.getRemoteSocketAddress());
    this.callbacks = Executors.newSingleThreadExecutor(r -> {
      Thread t = daemon(r, "ecss-sorm-console-callbacks " + name);
      callbackThread = t;
      return t;
    });
    this.timer = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "ecss-sorm-console-timer " + name));
  }

  private static Thread daemon(Runnable r, String threadName) {
    Thread t = new Thread(r, threadName);
    t.setDaemon(true);
    return t;
  }

  /**
   * Connects to a mediator.
   *
   * @param kpd1 the КПД1 command port
   * @param kpd2 the КПД2 port, or {@code null} to connect КПД1 only
   * @param codec the wire codec (digit-zero option)
   * @param connectTimeout how long each TCP connect may take
   * @return the connected console
   * @throws IOException if a connection cannot be made
   */
  public static SormConsole connect(
      InetSocketAddress kpd1, @Nullable InetSocketAddress kpd2, SormCodec codec, Duration connectTimeout)
      throws IOException {
    Objects.requireNonNull(kpd1, "kpd1");
    Objects.requireNonNull(codec, "codec");
    int timeoutMillis = Math.toIntExact(Math.max(1, connectTimeout.toMillis()));
    Socket s1 = new Socket();
    Socket s2 = kpd2 == null ? null : new Socket();
    try {
      s1.setTcpNoDelay(true);
      s1.connect(kpd1, timeoutMillis);
      if (s2 != null) {
        s2.connect(kpd2, timeoutMillis);
      }
      SormConsole console = new SormConsole(codec, s1, s2);
      console.startReaders();
      LOG.info("SORM console connected: КПД1 {}{}", kpd1, kpd2 == null ? "" : ", КПД2 " + kpd2);
      return console;
    } catch (IOException | RuntimeException e) {
      s1.close();
      if (s2 != null) {
        s2.close();
      }
      throw e;
    }
  }

  private void startReaders() {
    readers.add(reader(kpd1, true));
    if (kpd2 != null) {
      readers.add(reader(kpd2, false));
    }
    for (Thread t : readers) {
      t.start();
    }
  }

  private Thread reader(Socket socket, boolean isKpd1) {
    String link = (isKpd1 ? "КПД1 " : "КПД2 ") + socket.getRemoteSocketAddress();
    return daemon(() -> readLoop(socket, isKpd1, link), "ecss-sorm-console-reader " + link);
  }

  /**
   * Adds a listener for КПД2 messages (call events, message 2.3); it runs on the callback thread.
   *
   * @param listener the listener
   */
  public void onKpd2(Consumer<Kpd2Message> listener) {
    kpd2Listeners.add(Objects.requireNonNull(listener, "listener"));
  }

  /**
   * Adds a listener for КПД1 messages that answer no outstanding command; it runs on the callback
   * thread.
   *
   * @param listener the listener
   */
  public void onKpd1(Consumer<Kpd1Message> listener) {
    kpd1Listeners.add(Objects.requireNonNull(listener, "listener"));
  }

  /**
   * Sends a command, or queues it behind the outstanding one.
   *
   * @param command the command
   * @param timeout how long to wait for the complete answer, counted from sending
   * @return a future completing with the answer on the callback thread, or exceptionally with
   *     {@link SormTimeoutException} or {@link SormConnectionException}
   */
  public CompletableFuture<SormReply> send(SormCommand command, Duration timeout) {
    Objects.requireNonNull(command, "command");
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("timeout: " + timeout + " (expected positive)");
    }
    Pending p = new Pending(command, timeout);
    boolean sendNow;
    synchronized (this) {
      if (closed) {
        p.future.completeExceptionally(new SormConnectionException("SORM console " + name + " is closed"));
        return p.future.whenCompleteAsync((r, e) -> {}, callbacksOrDirect());
      }
      sendNow = current == null;
      if (sendNow) {
        current = p;
      } else {
        queue.add(p);
      }
    }
    if (sendNow) {
      timer.execute(() -> transmit(p));
    }
    return p.future.whenCompleteAsync((r, e) -> {}, callbacksOrDirect());
  }

  private java.util.concurrent.Executor callbacksOrDirect() {
    return callbacks.isShutdown() ? Runnable::run : callbacks;
  }

  /**
   * Returns how many commands wait behind the outstanding one.
   *
   * @return the count
   */
  public synchronized int queued() {
    return queue.size();
  }

  private void transmit(Pending p) {
    synchronized (this) {
      if (p.future.isDone()) {
        return;
      }
      p.timeoutTask = timer.schedule(() -> timeout(p), p.timeout.toMillis(), TimeUnit.MILLISECONDS);
    }
    try {
      writer.write(p.command);
    } catch (IOException e) {
      fail(p, new SormConnectionException("SORM console " + name + ": writing command " + p.command.code() + " failed", e));
    }
  }

  private void timeout(Pending p) {
    fail(p, new SormTimeoutException("SORM command " + CodeTable.hex(p.command.code()) + " got no complete answer within "
        + p.timeout.toMillis() + " ms"));
  }

  private void fail(Pending p, SormException e) {
    finish(p, null, e);
  }

  /** Completes {@code p} (if still current) and sends the next queued command. */
  private void finish(Pending p, @Nullable SormReply reply, @Nullable SormException error) {
    Pending next;
    synchronized (this) {
      if (current != p) {
        return;
      }
      ScheduledFuture<?> t = p.timeoutTask;
      if (t != null) {
        t.cancel(false);
      }
      next = queue.poll();
      current = next;
    }
    if (error != null) {
      p.future.completeExceptionally(error);
    } else {
      p.future.complete(reply);
    }
    if (next != null) {
      Pending n = next;
      try {
        timer.execute(() -> transmit(n));
      } catch (java.util.concurrent.RejectedExecutionException e) {
        n.future.completeExceptionally(new SormConnectionException("SORM console " + name + " is closed"));
      }
    }
  }

  private void readLoop(Socket socket, boolean isKpd1, String link) {
    SormFrameDecoder decoder = SormFrameDecoder.of(codec, SormCodec.MAX_FRAME_LENGTH, SormFrameDecoder.Mode.RESYNC);
    SormFrameDecoder.Listener listener = new SormFrameDecoder.Listener() {
      @Override
      public void onFrame(SormMessage message, long offset, int length) {
        if (isKpd1 && message instanceof Kpd1Message m) {
          onKpd1Message(m);
        } else if (!isKpd1 && message instanceof Kpd2Message m) {
          deliver(kpd2Listeners, m);
        } else if (LOG.isDebugEnabled()) {
          LOG.debug("SORM console {}: ignoring frame code {}", link, CodeTable.hex(message.code()));
        }
      }

      @Override
      public void onDropped(long offset, int count, String reason) {
        LOG.debug("SORM console {}: dropped {} bytes at offset {}: {}", link, count, offset, reason);
      }
    };
    byte[] buf = new byte[4096];
    try (InputStream in = socket.getInputStream()) {
      for (int n = in.read(buf); n >= 0; n = in.read(buf)) {
        decoder.feed(buf, 0, n, listener);
      }
    } catch (IOException e) {
      LOG.debug("SORM console {}: {}", link, e.toString());
    }
    boolean wasClosed;
    synchronized (this) {
      wasClosed = closed;
    }
    if (!wasClosed) {
      LOG.info("SORM console: {} closed by the peer", link);
      failAll(new SormConnectionException("SORM console: " + link + " closed by the peer"));
    }
  }

  private void onKpd1Message(Kpd1Message m) {
    Pending p;
    SormReply done = null;
    synchronized (this) {
      p = current;
      if (p == null || !claims(p, m)) {
        p = null;
      } else if (m instanceof Kpd1Message.Receipt r) {
        p.receipt = r;
      } else if (m instanceof Kpd1Message.Execution e) {
        p.execution = e;
        Kpd1Message.Receipt r = p.receipt;
        if (r != null && !(e.status().equals(StatusCode.OK) && expectsData(p.command))) {
          done = new SormReply(r, e, List.of());
        }
      } else {
        p.data.add(m);
        Kpd1Message.Receipt r = p.receipt;
        Kpd1Message.Execution e = p.execution;
        if (r != null && e != null && m.messageNumber() >= m.messageCount()) {
          done = new SormReply(r, e, p.data);
        }
      }
    }
    if (p == null) {
      deliver(kpd1Listeners, m);
    } else if (done != null) {
      finish(p, done, null);
    }
  }

  private static boolean claims(Pending p, Kpd1Message m) {
    int code = p.command.code();
    if (m instanceof Kpd1Message.Receipt r) {
      return r.commandCode() == code && p.receipt == null;
    }
    if (m instanceof Kpd1Message.Execution e) {
      return e.commandCode() == code && p.receipt != null && p.execution == null;
    }
    Kpd1Message.Execution e = p.execution;
    return e != null && e.status().equals(StatusCode.OK) && dataCode(code) == m.code();
  }

  private static boolean expectsData(SormCommand c) {
    return dataCode(c.code()) >= 0;
  }

  private static int dataCode(int commandCode) {
    return switch (commandCode) {
      case 0x0A -> SormFrameType.OBJECT_RECORD.code();
      case 0x0B -> SormFrameType.KSL_GROUP_TABLE.code();
      case 0x0C -> SormFrameType.SERVICE_LIST.code();
      case 0x0E -> SormFrameType.TEST_REPLY.code();
      case 0x10 -> SormFrameType.TRUNK_GROUP_NAME.code();
      case 0x11 -> SormFrameType.SOFTWARE_VERSION.code();
      default -> -1;
    };
  }

  private <T> void deliver(List<Consumer<T>> listeners, T message) {
    if (listeners.isEmpty()) {
      return;
    }
    try {
      callbacks.execute(() -> {
        for (Consumer<T> l : listeners) {
          try {
            l.accept(message);
          } catch (RuntimeException e) {
            LOG.warn("SORM console listener failed: {}", e.toString());
          }
        }
      });
    } catch (java.util.concurrent.RejectedExecutionException e) {
      LOG.debug("SORM console closed; message not delivered");
    }
  }

  private void failAll(SormConnectionException e) {
    List<Pending> all = new ArrayList<>();
    synchronized (this) {
      if (current != null) {
        all.add(current);
        ScheduledFuture<?> t = current.timeoutTask;
        if (t != null) {
          t.cancel(false);
        }
      }
      all.addAll(queue);
      queue.clear();
      current = null;
    }
    for (Pending p : all) {
      p.future.completeExceptionally(e);
    }
  }

  /**
   * Closes both links, fails the outstanding and queued commands with {@link
   * SormConnectionException} and stops the console's threads (waiting up to five seconds; called
   * from a listener or a completion, it does not wait for the callback thread it runs on, which
   * ends when the callback returns). Idempotent.
   */
  @Override
  public void close() {
    synchronized (this) {
      if (closed) {
        return;
      }
      closed = true;
    }
    failAll(new SormConnectionException("SORM console " + name + " closed"));
    try {
      kpd1.close();
      if (kpd2 != null) {
        kpd2.close();
      }
    } catch (IOException e) {
      LOG.debug("close: {}", e.toString());
    }
    timer.shutdownNow();
    callbacks.shutdown();
    try {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
      for (Thread t : readers) {
        t.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
      }
      timer.awaitTermination(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
      if (Thread.currentThread() != callbackThread) {
        callbacks.awaitTermination(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    LOG.info("SORM console {} closed", name);
  }
}
