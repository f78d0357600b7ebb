package io.ecss.asr.transcription;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.ecss.asr.audio.WavException;
import io.ecss.asr.recognition.RecognizerFactory;
import io.ecss.webvtt.TranscriptCues;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An embeddable HTTP server with the transcription service's endpoints (JDK {@code HttpServer}):
 *
 * <table>
 *   <caption>Endpoints (PUT or POST, WAV body, as {@code curl -T call.wav})</caption>
 *   <tr><th>path</th><th>answer</th></tr>
 *   <tr><td>{@code /trans}</td><td>word lines of every channel ({@link WordLines})</td></tr>
 *   <tr><td>{@code /trans/vtt}</td><td>WebVTT with speaker voices from the {@code Calling} and
 *       {@code Called} headers</td></tr>
 *   <tr><td>{@code /trans/mono}</td><td>word lines of the first channel</td></tr>
 *   <tr><td>{@code /trans/mono/vtt}</td><td>WebVTT of the first channel</td></tr>
 * </table>
 *
 * <p>Errors: 404 unknown path, 405 other methods (with {@code Allow}), 413 body over the limit,
 * 400 not a supported WAV (the body says why), 500 recogniser failure, 503 when every worker is
 * busy and the queue is full. Bodies are streamed into the recognisers, never held whole. A client
 * whose body stops arriving for longer than the {@linkplain Builder#readTimeout read timeout}
 * (default 30 s) has its connection closed and its worker freed, so stalled uploads cannot keep
 * every worker busy. The same timeout bounds the whole request head (the JDK server reads it on a
 * handler thread with no timeout of its own), the body of a refused request, which the server reads
 * before answering, and the rest of a body left unread, which the JDK server reads when the answer
 * closes.
 * Header values are read as UTF-8 (what curl sends for {@code -H "Calling: Алиса"}).
 *
 * <pre>{@code
 * try (VoskModel model = VoskModel.load(Path.of("vosk-model-small-ru-0.22"));
 *     TranscriptionServer server = TranscriptionServer.builder(model).port(9000).start()) {
 *   server.awaitTermination();
 * }
 * }</pre>
 *
 * <p>Thread-safe. {@link #close()} stops accepting, lets running transcriptions finish for up to
 * the configured grace period, and stops the worker threads.
 */
public final class TranscriptionServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(TranscriptionServer.class);

  private static final Map<String, Route> ROUTES =
      Map.of(
          "/trans", new Route(false, false),
          "/trans/vtt", new Route(false, true),
          "/trans/mono", new Route(true, false),
          "/trans/mono/vtt", new Route(true, true));

  private record Route(boolean mono, boolean vtt) {}

  private final HttpServer http;
  private final ExecutorService handlers;
  private final ExecutorService workers;
  /** Interrupts a handler thread whose read of an unwanted body (a refused request) stalls. */
  private final ScheduledExecutorService watchdog;
  private final Semaphore admission;
  private final Transcriber transcriber;
  private final TranscriptCues cues;
  private final long maxBodyBytes;
  private final int workerCount;
  private final int queueSize;
  private final Duration grace;
  private final long readTimeoutNanos;
  private final Object closeLock = new Object();
  private boolean closed;

  private TranscriptionServer(Builder b) throws IOException {
    this.transcriber = Transcriber.of(b.factory);
    this.cues = b.cues;
    this.maxBodyBytes = b.maxBodyBytes;
    this.workerCount = b.workers;
    this.queueSize = b.queue;
    this.grace = b.grace;
    this.readTimeoutNanos = b.readTimeout.toNanos();
    this.admission = new Semaphore(b.workers + b.queue);
    this.workers = Executors.newFixedThreadPool(b.workers, named("ecss-trans-worker"));
    this.handlers = Executors.newCachedThreadPool(named("ecss-trans-http"));
    this.watchdog = Executors.newSingleThreadScheduledExecutor(named("ecss-trans-watchdog"));
    this.http = HttpServer.create(b.address, 64);
    http.createContext("/", this::handle);
    http.setExecutor(this::runExchange);
    http.start();
    LOG.info("transcription server listening on {}", address());
  }

  /**
   * Starts configuring a server.
   *
   * @param factory the recognisers (a loaded {@code VoskModel}; a scripted test double in tests)
   * @return a builder
   */
  public static Builder builder(RecognizerFactory factory) {
    return new Builder(factory);
  }

  /**
   * The bound address (with the real port when port 0 was asked for).
   *
   * @return the address
   */
  public InetSocketAddress address() {
    return http.getAddress();
  }

  /**
   * Blocks until {@link #close()} is called from another thread.
   *
   * @throws InterruptedException if interrupted while waiting
   */
  public void awaitTermination() throws InterruptedException {
    synchronized (closeLock) {
      while (!closed) {
        closeLock.wait();
      }
    }
  }

  /** Stops the server (idempotent). */
  @Override
  public void close() {
    synchronized (closeLock) {
      if (closed) {
        return;
      }
      closed = true;
      closeLock.notifyAll();
    }
    http.stop(0);
    workers.shutdown();
    handlers.shutdown();
    watchdog.shutdown();
    try {
      long ms = grace.toMillis();
      if (!workers.awaitTermination(ms, TimeUnit.MILLISECONDS)) {
        workers.shutdownNow();
      }
      if (!handlers.awaitTermination(ms, TimeUnit.MILLISECONDS)) {
        handlers.shutdownNow();
      }
    } catch (InterruptedException e) {
      workers.shutdownNow();
      handlers.shutdownNow();
      Thread.currentThread().interrupt();
    }
    LOG.info("transcription server stopped");
  }

  /** The request head of the exchange running on this handler thread, until it has been read. */
  private static final ThreadLocal<@Nullable Watch> HEAD = new ThreadLocal<>();

  /**
   * Runs one JDK exchange task on a handler thread. The JDK server reads the request line and
   * headers on that thread, blocking, with no timeout of its own: the head must arrive within the
   * read timeout, or the read is interrupted, which closes the connection (a client that connects
   * and sends nothing, or half a header, cannot hold a thread for ever).
   */
  private void runExchange(Runnable exchange) {
    handlers.execute(() -> {
      Watch watch = new Watch(Thread.currentThread());
      @Nullable ScheduledFuture<?> timer;
      try {
        timer = watchdog.schedule(watch::fire, readTimeoutNanos, TimeUnit.NANOSECONDS);
      } catch (RejectedExecutionException closing) {
        timer = null;
      }
      HEAD.set(watch);
      try {
        exchange.run();
      } finally {
        HEAD.remove();
        if (timer != null) {
          timer.cancel(false);
        }
        if (watch.finish()) {
          LOG.info("request head not received within {} ms; connection closed",
              TimeUnit.NANOSECONDS.toMillis(readTimeoutNanos));
        }
      }
    });
  }

  private void handle(HttpExchange ex) throws IOException {
    Watch watch = HEAD.get();
    if (watch != null) {
      HEAD.remove();
      watch.finish(); // the head has been read; the body has its own bounds
    }
    try {
      route(ex);
    } catch (IOException | RuntimeException e) {
      try {
        closeWithinReadTimeout(ex);
      } catch (IOException suppressed) {
        e.addSuppressed(suppressed);
      }
      throw e;
    }
    closeWithinReadTimeout(ex);
  }

  /**
   * Closes the exchange. The JDK server reads what is left of an unread request body on close (up
   * to 64 KiB) with no timeout of its own — after a 400 for a bad WAV header, for one — so this
   * runs within the read timeout.
   */
  private void closeWithinReadTimeout(HttpExchange ex) throws IOException {
    withinReadTimeout(ex::close);
  }

  private void route(HttpExchange ex) throws IOException {
    {
      String path = ex.getRequestURI().getPath();
      Route route = ROUTES.get(path);
      if (route == null) {
        drain(ex);
        send(ex, 404, "unknown path " + path + " (expected /trans, /trans/vtt, /trans/mono or /trans/mono/vtt)");
        return;
      }
      String method = ex.getRequestMethod();
      if (!method.equals("PUT") && !method.equals("POST")) {
        drain(ex);
        ex.getResponseHeaders().set("Allow", "PUT, POST");
        send(ex, 405, "method " + method + " not allowed on " + path + " (use PUT or POST with a WAV body)");
        return;
      }
      String length = ex.getRequestHeaders().getFirst("Content-Length");
      if (length != null && parseLong(length) > maxBodyBytes) {
        drain(ex, SWALLOW_BYTES);
        send(ex, 413, "body of " + length + " bytes exceeds the limit of " + maxBodyBytes);
        return;
      }
      if (!admission.tryAcquire()) {
        drain(ex);
        send(ex, 503, "server busy: " + workerCount + " transcriptions running and " + queueSize + " queued");
        return;
      }
      try {
        answer(ex, route);
      } finally {
        admission.release();
      }
    }
  }

  private void answer(HttpExchange ex, Route route) throws IOException {
    @Nullable String calling = header(ex, "Calling");
    @Nullable String called = header(ex, "Called");
    Limited body = new Limited(ex.getRequestBody(), maxBodyBytes);
    Future<Transcript> job =
        workers.submit(
            () -> route.mono ? transcriber.transcribeMono(body) : transcriber.transcribe(body));
    Transcript t;
    try {
      t = await(job, body);
      if (t == null) {
        return;
      }
    } catch (InterruptedException e) {
      job.cancel(true);
      Thread.currentThread().interrupt();
      send(ex, 503, "server shutting down");
      return;
    } catch (ExecutionException e) {
      Throwable c = e.getCause();
      if (c instanceof TooLarge) {
        drain(ex, SWALLOW_BYTES);
        send(ex, 413, c.getMessage());
      } else if (c instanceof WavException) {
        send(ex, 400, "bad WAV: " + c.getMessage());
      } else if (c instanceof IOException) {
        send(ex, 400, "cannot read the request body: " + c.getMessage());
      } else {
        LOG.warn("transcription failed: {}", String.valueOf(c));
        send(ex, 500, "recognition failed: " + c.getMessage());
      }
      return;
    }
    if (!route.vtt) {
      send(ex, 200, "text/plain; charset=utf-8", WordLines.format(t));
      return;
    }
    String vtt = t.toWebVtt(calling, called, cues);
    send(ex, 200, "text/vtt; charset=utf-8", vtt);
  }

  /**
   * Waits for a transcription; returns null after cancelling it when one read of the request body
   * has been blocked for longer than the read timeout. Cancelling interrupts the worker, and an
   * interrupted read of the exchange's socket channel closes the connection.
   */
  private @Nullable Transcript await(Future<Transcript> job, Limited body)
      throws InterruptedException, ExecutionException {
    long poll = Math.max(1, Math.min(TimeUnit.NANOSECONDS.toMillis(readTimeoutNanos) / 4, 1000));
    while (true) {
      try {
        return job.get(poll, TimeUnit.MILLISECONDS);
      } catch (TimeoutException notYet) {
        long stalled = body.blockedNanos(System.nanoTime());
        if (stalled > readTimeoutNanos) {
          job.cancel(true);
          LOG.info(
              "request body stalled for {} ms after {} bytes; connection closed",
              TimeUnit.NANOSECONDS.toMillis(stalled),
              body.count());
          return null;
        }
      }
    }
  }

  /**
   * A header value: an RFC 2047 encoded word {@code =?UTF-8?B?...?=} (what {@link
   * TranscriptionClient} sends, since {@code java.net.http} sends header bytes as US-ASCII), or raw
   * UTF-8 (what curl sends for {@code -H "Calling: Алиса"}; the JDK server reads it as Latin-1).
   */
  static @Nullable String header(HttpExchange ex, String name) {
    String v = ex.getRequestHeaders().getFirst(name);
    if (v == null || v.isBlank()) {
      return null;
    }
    return headerValue(v);
  }

  static String headerValue(String v) {
    String s = v.strip();
    if (s.length() > 12
        && s.regionMatches(true, 0, "=?UTF-8?B?", 0, 10)
        && s.endsWith("?=")) {
      try {
        return new String(
                java.util.Base64.getDecoder().decode(s.substring(10, s.length() - 2)),
                StandardCharsets.UTF_8)
            .strip();
      } catch (IllegalArgumentException notBase64) {
        return s;
      }
    }
    byte[] raw = s.getBytes(StandardCharsets.ISO_8859_1);
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .decode(java.nio.ByteBuffer.wrap(raw))
          .toString();
    } catch (CharacterCodingException e) {
      return s;
    }
  }

  private static long parseLong(String s) {
    try {
      return Long.parseLong(s.strip());
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  /**
   * Reads and discards up to 64 KiB of an unwanted request body so the connection can be reused.
   * Not {@code skip()}: the JDK's request stream passes skip to the socket, past the body's end.
   */
  private void drain(HttpExchange ex) throws IOException {
    drain(ex, 1 << 16);
  }

  /**
   * Reads and discards up to {@code limit} bytes of the request body. Answering before the body is
   * read and then closing would leave unread bytes in the socket's receive buffer; TCP then resets
   * the connection and the client can lose the answer (a 413 arriving as "connection reset").
   *
   * <p>A read that stays blocked past the read timeout (a client that announced a body and went
   * silent) is interrupted, which closes the connection: the refused request then gets no answer,
   * and the handler thread is free again instead of waiting for ever.
   */
  private void drain(HttpExchange ex, long limit) throws IOException {
    Limited in = new Limited(ex.getRequestBody(), Long.MAX_VALUE);
    Watch watch = new Watch(Thread.currentThread());
    long poll = Math.max(1, Math.min(TimeUnit.NANOSECONDS.toMillis(readTimeoutNanos) / 4, 1000));
    ScheduledFuture<?> check;
    try {
      check =
          watchdog.scheduleWithFixedDelay(
              () -> {
                if (in.blockedNanos(System.nanoTime()) > readTimeoutNanos) {
                  watch.fire();
                }
              },
              poll,
              poll,
              TimeUnit.MILLISECONDS);
    } catch (RejectedExecutionException closing) {
      return; // the server is closing: the connection closes without reading the rest
    }
    @Nullable IOException failure = null;
    try (in) {
      byte[] buf = new byte[8192];
      long total = 0;
      int n;
      while (total < limit && (n = in.read(buf)) > 0) {
        total += n;
      }
    } catch (IOException e) {
      failure = e;
    } finally {
      check.cancel(false);
    }
    if (watch.finish()) {
      LOG.info("refused request's body stalled after {} bytes; connection closed", in.count());
    }
    if (failure != null) {
      throw failure;
    }
  }

  /** An action on an exchange that may block reading its request body. */
  private interface BodyAction {
    void run() throws IOException;
  }

  /**
   * Runs {@code action}, interrupting it (which closes the connection) if it has not finished
   * within the read timeout.
   */
  private void withinReadTimeout(BodyAction action) throws IOException {
    Watch watch = new Watch(Thread.currentThread());
    ScheduledFuture<?> timer;
    try {
      timer = watchdog.schedule(watch::fire, readTimeoutNanos, TimeUnit.NANOSECONDS);
    } catch (RejectedExecutionException closing) {
      action.run(); // the server is closing; its stop closes every connection
      return;
    }
    try {
      action.run();
    } finally {
      timer.cancel(false);
      if (watch.finish()) {
        LOG.info("request body not read within {} ms; connection closed",
            TimeUnit.NANOSECONDS.toMillis(readTimeoutNanos));
      }
    }
  }

  /**
   * Interrupts a handler thread blocked in a read of the request body; the interrupt closes the
   * exchange's socket channel. {@link #finish} clears the flag under the same lock, so it never
   * reaches the pooled thread's next exchange.
   */
  private static final class Watch {
    private final Thread reader;
    private boolean finished;
    private boolean fired;

    Watch(Thread reader) {
      this.reader = reader;
    }

    synchronized void fire() {
      if (!finished && !fired) {
        fired = true;
        reader.interrupt();
      }
    }

    /** Ends the watch; true if it fired (the thread's interrupt flag is then cleared). */
    synchronized boolean finish() {
      finished = true;
      if (fired) {
        Thread.interrupted();
      }
      return fired;
    }
  }

  /**
   * How much of an over-limit body is read and discarded before the 413 answer, so that the client,
   * still sending, receives the answer (Tomcat's {@code maxSwallowSize} default is the same); a
   * larger body is cut off and the connection closed.
   */
  private static final long SWALLOW_BYTES = 2L << 20;

  private void send(HttpExchange ex, int status, String message) throws IOException {
    send(ex, status, "text/plain; charset=utf-8", message + "\n");
  }

  /**
   * Sends an answer. Closing the response body makes the JDK server read what is left of the
   * request body with no timeout, so it runs within the read timeout.
   */
  private void send(HttpExchange ex, int status, String type, String body) throws IOException {
    byte[] b = body.getBytes(StandardCharsets.UTF_8);
    withinReadTimeout(() -> {
      ex.getResponseHeaders().set("Content-Type", type);
      ex.sendResponseHeaders(status, b.length == 0 ? -1 : b.length);
      if (b.length > 0) {
        try (OutputStream out = ex.getResponseBody()) {
          out.write(b);
        }
      }
    });
  }

  private static ThreadFactory named(String prefix) {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, prefix + "-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }

  /** The request body exceeded the limit. */
  private static final class TooLarge extends IOException {
    private static final long serialVersionUID = 1L;

    TooLarge(long limit) {
      super("body exceeds the limit of " + limit + " bytes");
    }
  }

  /**
   * Fails with {@link TooLarge} once more than {@code limit} bytes were read, and tells how long the
   * read in progress, if any, has been blocked (read by the handler thread, written by the worker).
   */
  private static final class Limited extends FilterInputStream {
    private final long limit;
    private volatile long count;

    /** {@link System#nanoTime()} when the read in progress began; 0 when none is. */
    private volatile long readSince;

    Limited(InputStream in, long limit) {
      super(in);
      this.limit = limit;
    }

    @Override
    public int read() throws IOException {
      begin();
      int b;
      try {
        b = super.read();
      } finally {
        readSince = 0;
      }
      if (b >= 0) {
        add(1);
      }
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      begin();
      int n;
      try {
        n = super.read(b, off, len);
      } finally {
        readSince = 0;
      }
      if (n > 0) {
        add(n);
      }
      return n;
    }

    private void begin() {
      long now = System.nanoTime();
      readSince = now == 0 ? 1 : now;
    }

    /** How long the read in progress has been blocked; 0 when no read is in progress. */
    long blockedNanos(long now) {
      long since = readSince;
      return since == 0 ? 0 : now - since;
    }

    long count() {
      return count;
    }

    @SuppressWarnings("NonAtomicVolatileUpdate") // only the worker thread reads the body
    private void add(long n) throws TooLarge {
      count += n;
      if (count > limit) {
        throw new TooLarge(limit);
      }
    }
  }

  /**
   * Configures a {@link TranscriptionServer}. Not thread-safe.
   */
  public static final class Builder {
    private final RecognizerFactory factory;
    private InetSocketAddress address = new InetSocketAddress(InetAddress.getLoopbackAddress(), 9000);
    private long maxBodyBytes = 256L << 20;
    private int workers = Math.max(1, Runtime.getRuntime().availableProcessors());
    private int queue = 16;
    private Duration grace = Duration.ofSeconds(5);
    private Duration readTimeout = Duration.ofSeconds(30);
    private TranscriptCues cues = TranscriptCues.DEFAULT;

    private Builder(RecognizerFactory factory) {
      this.factory = Objects.requireNonNull(factory, "factory");
    }

    /**
     * The address to listen on; default {@code 127.0.0.1:9000}.
     *
     * @param address host and port (port 0 picks a free one)
     * @return this builder
     */
    public Builder bind(InetSocketAddress address) {
      this.address = Objects.requireNonNull(address, "address");
      return this;
    }

    /**
     * The port to listen on, keeping the host; default 9000.
     *
     * @param port 0 to 65535 (0 picks a free port)
     * @return this builder
     */
    public Builder port(int port) {
      if (port < 0 || port > 65535) {
        throw new IllegalArgumentException("port: " + port + " (expected 0..65535)");
      }
      this.address = new InetSocketAddress(address.getAddress(), port);
      return this;
    }

    /**
     * Largest request body; default 256 MiB (an hour of 8 kHz stereo is about 115 MB).
     *
     * @param bytes at least 44 (a WAV header)
     * @return this builder
     */
    public Builder maxBodyBytes(long bytes) {
      if (bytes < 44) {
        throw new IllegalArgumentException("maxBodyBytes: " + bytes + " (expected >= 44)");
      }
      this.maxBodyBytes = bytes;
      return this;
    }

    /**
     * Transcriptions run at once; default the number of processors.
     *
     * @param count at least 1
     * @return this builder
     */
    public Builder workers(int count) {
      if (count < 1) {
        throw new IllegalArgumentException("workers: " + count + " (expected >= 1)");
      }
      this.workers = count;
      return this;
    }

    /**
     * Requests that may wait for a worker; more get 503. Default 16.
     *
     * @param count at least 0
     * @return this builder
     */
    public Builder queue(int count) {
      if (count < 0) {
        throw new IllegalArgumentException("queue: " + count + " (expected >= 0)");
      }
      this.queue = count;
      return this;
    }

    /**
     * How long {@link TranscriptionServer#close()} waits for running transcriptions; default 5 s.
     *
     * @param grace not negative
     * @return this builder
     */
    public Builder shutdownGrace(Duration grace) {
      if (grace.isNegative()) {
        throw new IllegalArgumentException("shutdownGrace: " + grace + " (expected >= 0)");
      }
      this.grace = grace;
      return this;
    }

    /**
     * How long one read of a request body may block before the server gives up on the client,
     * closes its connection and frees the worker; default 30 s. It bounds the silence between two
     * pieces of an upload, not the whole upload or the recognition.
     *
     * @param timeout positive
     * @return this builder
     */
    public Builder readTimeout(Duration timeout) {
      if (timeout.isNegative() || timeout.isZero()) {
        throw new IllegalArgumentException("readTimeout: " + timeout + " (expected > 0)");
      }
      this.readTimeout = timeout;
      return this;
    }

    /**
     * How words are grouped into WebVTT cues; default {@link TranscriptCues#DEFAULT}. Voice names
     * come from each request's headers.
     *
     * @param cues the grouping options
     * @return this builder
     */
    public Builder cues(TranscriptCues cues) {
      this.cues = Objects.requireNonNull(cues, "cues");
      return this;
    }

    /**
     * Binds and starts the server.
     *
     * @return the running server
     * @throws IOException if the address cannot be bound
     */
    public TranscriptionServer start() throws IOException {
      return new TranscriptionServer(this);
    }
  }
}
