package io.ecss.examples.clerk;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.ecss.asr.AsrException;
import io.ecss.asr.audio.WavException;
import io.ecss.asr.recognition.RecognizedWord;
import io.ecss.asr.recognition.RecognizerFactory;
import io.ecss.asr.transcription.Transcriber;
import io.ecss.asr.transcription.Transcript;
import io.ecss.clerk.ClerkAnswer;
import io.ecss.clerk.ClerkService;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * The clerk service over HTTP with the JDK's {@code HttpServer}: the manual's protocol between the
 * IVR (through MSR and restfs) and ecss-clerk, for text hypotheses.
 *
 * <ul>
 *   <li>{@code POST} (or {@code PUT}) {@code /<requestId>[.txt|.json]}: the recogniser's hypotheses
 *       for one chunk, as a JSON array of strings ({@code application/json}) or one per line
 *       (text); answers 206 or 200 with the answer's JSON.
 *   <li>{@code POST} {@code /<requestId>.wav} (or an {@code audio/*} body): a WAV chunk of the
 *       caller's speech, when the server has a recogniser ({@code --model}); its text is the
 *       chunk's hypothesis. Without a recogniser, or for raw {@code .pcm}, the answer is 415.
 *   <li>{@code HEAD} (or {@code GET}) {@code /<requestId>/positive_url} and {@code
 *       /<requestId>/negative_url}: the IVR's callbacks; 200 when the request is known, else 404.
 *   <li>{@code GET /stats}: counters as JSON.
 * </ul>
 *
 * <p>A request body that has not fully arrived within the {@linkplain #DEFAULT_READ_TIMEOUT read
 * timeout} (30 s) has its connection closed and its worker freed, so a few stalled clients cannot
 * hold every worker. The same bound covers the request head (which the JDK server reads on a
 * worker with no timeout of its own) and the rest of a body the server does not need (a refused
 * request's, which the JDK server reads before it reuses the connection).
 *
 * <p>Thread-safe; {@link #close()} stops the server and its threads.
 */
final class ClerkHttpServer implements AutoCloseable {
  /** Largest request body accepted: 64 KiB of hypotheses. */
  static final int MAX_BODY = 64 * 1024;

  /** Largest audio chunk accepted: 16 MiB of WAV (over 8 minutes of 8 kHz mono). */
  static final int MAX_AUDIO = 16 << 20;

  /** Longest time a request body may take to arrive. */
  static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(30);

  private final HttpServer server;
  private final ExecutorService pool;
  private final ScheduledExecutorService watchdog;
  private final ClerkService service;
  private final @Nullable Transcriber recognizer;
  private final long readTimeoutMillis;

  private ClerkHttpServer(
      HttpServer server,
      ExecutorService pool,
      ScheduledExecutorService watchdog,
      ClerkService service,
      @Nullable RecognizerFactory recognizer,
      Duration readTimeout) {
    this.server = server;
    this.pool = pool;
    this.watchdog = watchdog;
    this.service = service;
    this.recognizer = recognizer == null ? null : Transcriber.of(recognizer);
    this.readTimeoutMillis = readTimeout.toMillis();
  }

  /** Binds and starts a server for text hypotheses only; port 0 picks a free port. */
  static ClerkHttpServer start(InetSocketAddress address, ClerkService service) throws IOException {
    return start(address, service, null);
  }

  /**
   * Binds and starts a server; with a recogniser it also takes WAV chunks (port 0 picks a free
   * port).
   */
  static ClerkHttpServer start(
      InetSocketAddress address, ClerkService service, @Nullable RecognizerFactory recognizer)
      throws IOException {
    return start(address, service, recognizer, DEFAULT_READ_TIMEOUT);
  }

  /** Binds and starts a server with another request-body read timeout (positive). */
  static ClerkHttpServer start(
      InetSocketAddress address,
      ClerkService service,
      @Nullable RecognizerFactory recognizer,
      Duration readTimeout)
      throws IOException {
    if (readTimeout.isNegative() || readTimeout.isZero()) {
      throw new IllegalArgumentException("readTimeout: " + readTimeout + " (expected > 0)");
    }
    HttpServer server = HttpServer.create(address, 64);
    AtomicInteger n = new AtomicInteger();
    ExecutorService pool =
        Executors.newFixedThreadPool(
            4,
            r -> {
              Thread t = new Thread(r, "ecss-clerk-http-" + n.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
    ScheduledExecutorService watchdog =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "ecss-clerk-http-watchdog");
              t.setDaemon(true);
              return t;
            });
    ClerkHttpServer s = new ClerkHttpServer(server, pool, watchdog, service, recognizer, readTimeout);
    server.createContext("/", s::handle);
    server.setExecutor(s::runExchange);
    server.start();
    return s;
  }

  int port() {
    return server.getAddress().getPort();
  }

  @Override
  public void close() {
    server.stop(0);
    pool.shutdownNow();
    watchdog.shutdownNow();
  }

  /** The request body did not arrive in time; the connection is already closed. */
  private static final class BodyTimeout extends IOException {
    private static final long serialVersionUID = 1L;

    BodyTimeout(long millis, @Nullable Throwable cause) {
      super("request body not received within " + millis + " ms", cause);
    }
  }

  /**
   * Interrupts the reading thread when the deadline passes. The interrupt closes the exchange's
   * socket channel, which ends the blocked read; {@link #finish} clears the flag again, under the
   * same lock, so it can never reach the worker's next exchange.
   */
  private static final class Deadline {
    private final Thread reader;
    private boolean finished;
    private boolean fired;

    Deadline(Thread reader) {
      this.reader = reader;
    }

    synchronized void fire() {
      if (!finished) {
        fired = true;
        reader.interrupt();
      }
    }

    /** Ends the deadline; true if it fired (the thread's interrupt flag is then cleared). */
    synchronized boolean finish() {
      finished = true;
      if (fired) {
        Thread.interrupted();
      }
      return fired;
    }
  }

  /** An action on an exchange that may read its request body. */
  private interface BodyAction<T> {
    T run() throws IOException;
  }

  /**
   * Runs {@code action} within the read timeout: when it passes, the thread is interrupted, which
   * closes the connection, and {@link BodyTimeout} is thrown.
   */
  private <T> T withinReadTimeout(BodyAction<T> action) throws IOException {
    Deadline d = new Deadline(Thread.currentThread());
    ScheduledFuture<?> timer;
    try {
      timer = watchdog.schedule(d::fire, readTimeoutMillis, TimeUnit.MILLISECONDS);
    } catch (RejectedExecutionException closing) {
      throw new IOException("server closing", closing);
    }
    @Nullable T result = null;
    @Nullable IOException failure = null;
    try {
      result = action.run();
    } catch (IOException e) {
      failure = e;
    } finally {
      timer.cancel(false);
    }
    if (d.finish()) {
      throw new BodyTimeout(readTimeoutMillis, failure);
    }
    if (failure != null || result == null) {
      throw failure != null ? failure : new IOException("no result");
    }
    return result;
  }

  /** Reads at most {@code max + 1} bytes of the request body within the read timeout. */
  private byte[] readBody(HttpExchange ex, int max) throws IOException {
    return withinReadTimeout(() -> {
      try (InputStream in = ex.getRequestBody()) {
        return in.readNBytes(max + 1);
      }
    });
  }

  /** The request head of the exchange running on this worker, until it has been read. */
  private static final ThreadLocal<@Nullable Deadline> HEAD = new ThreadLocal<>();

  /**
   * Runs one JDK exchange task on a worker. The JDK server reads the request line and headers on
   * that thread, blocking, with no timeout of its own, so a client that sends half a head would
   * hold the worker for ever (four such clients hung the server): the head must arrive within the
   * read timeout, or the read is interrupted, which closes the connection.
   */
  private void runExchange(Runnable exchange) {
    pool.execute(() -> {
      Deadline d = new Deadline(Thread.currentThread());
      @Nullable ScheduledFuture<?> timer;
      try {
        timer = watchdog.schedule(d::fire, readTimeoutMillis, TimeUnit.MILLISECONDS);
      } catch (RejectedExecutionException closing) {
        timer = null;
      }
      HEAD.set(d);
      try {
        exchange.run();
      } finally {
        HEAD.remove();
        if (timer != null) {
          timer.cancel(false);
        }
        d.finish();
      }
    });
  }

  private void handle(HttpExchange ex) throws IOException {
    Deadline head = HEAD.get();
    if (head != null) {
      HEAD.remove();
      head.finish(); // the head has been read; the body has its own deadline
    }
    try {
      exchange(ex);
    } catch (BodyTimeout stalled) {
      // The connection is closed: nothing can be answered. Drop the exchange quietly.
      try {
        ex.close();
      } catch (RuntimeException ignored) {
        // closing an exchange over a closed channel may fail; the worker is free either way
      }
    }
  }

  private void exchange(HttpExchange ex) throws IOException {
    try {
      answer(ex);
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

  /** Closes the exchange; closing reads what is left of the request body (JDK: up to 64 KiB). */
  private void closeWithinReadTimeout(HttpExchange ex) throws IOException {
    withinReadTimeout(() -> {
      ex.close();
      return Boolean.TRUE;
    });
  }

  private void answer(HttpExchange ex) throws IOException {
    {
      String method = ex.getRequestMethod().toUpperCase(Locale.ROOT);
      String path = ex.getRequestURI().getPath();
      if (path.endsWith("/positive_url") || path.endsWith("/negative_url")) {
        if (!method.equals("HEAD") && !method.equals("GET")) {
          send(ex, 405, error("use HEAD for callbacks"));
          return;
        }
        ex.getResponseHeaders().add("Content-Type", "application/json; charset=utf-8");
        ex.sendResponseHeaders(service.callback(path) ? 200 : 404, -1);
        return;
      }
      if (path.equals("/stats") && method.equals("GET")) {
        ClerkService.Stats st = service.stats();
        send(
            ex,
            200,
            ClerkCommand.MAPPER.writeValueAsString(
                java.util.Map.of(
                    "chunks", st.chunks(), "finals", st.finals(), "positives", st.positives(),
                    "negatives", st.negatives(), "entries", service.matcher().size())));
        return;
      }
      if (!method.equals("POST") && !method.equals("PUT")) {
        send(ex, 405, error("use POST /<requestId> with hypotheses"));
        return;
      }
      String name = path.startsWith("/") ? path.substring(1) : path;
      String lower = name.toLowerCase(Locale.ROOT);
      String type = ex.getRequestHeaders().getFirst("Content-Type");
      String ltype = type == null ? "" : type.toLowerCase(Locale.ROOT);
      boolean audio =
          lower.endsWith(".wav") || lower.endsWith(".pcm") || ltype.startsWith("audio/")
              || ltype.startsWith("application/octet-stream");
      if (audio && (recognizer == null || lower.endsWith(".pcm"))) {
        send(ex, 415, error(recognizer == null
            ? "no speech model loaded (start serve with --model DIR);"
                + " POST the recogniser's hypotheses as a JSON array or text lines"
            : "raw PCM is not accepted: send a WAV chunk"));
        return;
      }
      for (String ext : new String[] {".txt", ".json", ".wav"}) {
        if (lower.endsWith(ext)) {
          name = name.substring(0, name.length() - ext.length());
        }
      }
      if (!ClerkService.isValidRequestId(name)) {
        send(ex, 400, error("request id: '" + name + "' (expected 1 to 128 of A-Z a-z 0-9 . _ ~ -)"));
        return;
      }
      if (audio && recognizer != null) {
        recogniseAudio(ex, name, recognizer);
        return;
      }
      byte[] body = readBody(ex, MAX_BODY);
      if (body.length > MAX_BODY) {
        send(ex, 413, error("body larger than " + MAX_BODY + " bytes"));
        return;
      }
      List<String> hypotheses;
      try {
        hypotheses = hypotheses(new String(body, StandardCharsets.UTF_8), ltype);
      } catch (JsonProcessingException | IllegalArgumentException e) {
        send(ex, 400, error("hypotheses: expected a JSON array of strings or text lines"));
        return;
      }
      ClerkAnswer a = service.recognize(name, hypotheses);
      send(ex, a.status(), a.toJson());
    }
  }

  /** A WAV chunk: its recognised text (first channel) is the chunk's one hypothesis. */
  private void recogniseAudio(HttpExchange ex, String requestId, Transcriber transcriber)
      throws IOException {
    byte[] wav = readBody(ex, MAX_AUDIO);
    if (wav.length > MAX_AUDIO) {
      send(ex, 413, error("audio larger than " + MAX_AUDIO + " bytes"));
      return;
    }
    Transcript t;
    try {
      t = transcriber.transcribeMono(new ByteArrayInputStream(wav));
    } catch (WavException e) {
      send(ex, 400, error("bad WAV: " + e.getMessage()));
      return;
    } catch (AsrException e) {
      send(ex, 500, error("recognition failed: " + e.getMessage()));
      return;
    }
    String text =
        t.speakers().isEmpty()
            ? ""
            : t.speakers().get(0).words().stream()
                .map(RecognizedWord::word)
                .filter(w -> !w.equals("[unk]"))
                .collect(Collectors.joining(" "));
    List<String> hypotheses = text.isEmpty() ? List.of() : List.of(text);
    ClerkAnswer a = service.recognize(requestId, hypotheses);
    send(ex, a.status(), a.toJson());
  }

  static List<String> hypotheses(String body, String contentType) throws JsonProcessingException {
    String trimmed = body.strip();
    List<String> out = new ArrayList<>();
    if (contentType.contains("json") || trimmed.startsWith("[") || trimmed.startsWith("{")) {
      JsonNode node = ClerkCommand.MAPPER.readTree(trimmed);
      if (node != null && node.isObject()) {
        node = node.get("hypotheses");
      }
      if (node == null || !node.isArray()) {
        throw new IllegalArgumentException("not an array");
      }
      for (JsonNode n : node) {
        if (!n.isTextual()) {
          throw new IllegalArgumentException("not a string");
        }
        out.add(n.asText());
      }
      return out;
    }
    for (String line : body.split("\r?\n", -1)) {
      if (!line.isBlank()) {
        out.add(line.strip());
      }
    }
    return out;
  }

  private static String error(String message) throws JsonProcessingException {
    return ClerkCommand.MAPPER.writeValueAsString(java.util.Map.of("error", message));
  }

  /**
   * Sends a JSON answer. Closing the response body makes the JDK server read what is left of the
   * request body (a refused request's, up to 64 KiB) with no timeout, so it runs within the read
   * timeout.
   */
  private void send(HttpExchange ex, int status, String json) throws IOException {
    byte[] b = json.getBytes(StandardCharsets.UTF_8);
    withinReadTimeout(() -> {
      ex.getResponseHeaders().add("Content-Type", "application/json; charset=utf-8");
      ex.sendResponseHeaders(status, b.length);
      try (OutputStream os = ex.getResponseBody()) {
        os.write(b);
      }
      return Boolean.TRUE;
    });
  }
}
