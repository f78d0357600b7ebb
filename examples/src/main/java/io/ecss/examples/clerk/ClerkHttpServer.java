package io.ecss.examples.clerk;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.ecss.clerk.ClerkAnswer;
import io.ecss.clerk.ClerkService;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The clerk service over HTTP with the JDK's {@code HttpServer}: the manual's protocol between the
 * IVR (through MSR and restfs) and ecss-clerk, for text hypotheses.
 *
 * <ul>
 *   <li>{@code POST} (or {@code PUT}) {@code /<requestId>[.txt|.json]}: the recogniser's hypotheses
 *       for one chunk, as a JSON array of strings ({@code application/json}) or one per line
 *       (text); answers 206 or 200 with the answer's JSON. Audio bodies ({@code audio/*}, {@code
 *       application/octet-stream}, {@code .wav}, {@code .pcm}) get 415: no recogniser in this build.
 *   <li>{@code HEAD} (or {@code GET}) {@code /<requestId>/positive_url} and {@code
 *       /<requestId>/negative_url}: the IVR's callbacks; 200 when the request is known, else 404.
 *   <li>{@code GET /stats}: counters as JSON.
 * </ul>
 *
 * <p>Thread-safe; {@link #close()} stops the server and its threads.
 */
final class ClerkHttpServer implements AutoCloseable {
  /** Largest request body accepted: 64 KiB of hypotheses. */
  static final int MAX_BODY = 64 * 1024;

  private final HttpServer server;
  private final ExecutorService pool;
  private final ClerkService service;

  private ClerkHttpServer(HttpServer server, ExecutorService pool, ClerkService service) {
    this.server = server;
    this.pool = pool;
    this.service = service;
  }

  /** Binds and starts a server; port 0 picks a free port. */
  static ClerkHttpServer start(InetSocketAddress address, ClerkService service) throws IOException {
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
    ClerkHttpServer s = new ClerkHttpServer(server, pool, service);
    server.createContext("/", s::handle);
    server.setExecutor(pool);
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
  }

  private void handle(HttpExchange ex) throws IOException {
    try (ex) {
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
      if (lower.endsWith(".wav") || lower.endsWith(".pcm") || ltype.startsWith("audio/")
          || ltype.startsWith("application/octet-stream")) {
        send(ex, 415, error("speech recognition is not available in this build;"
            + " POST the recogniser's hypotheses as a JSON array or text lines"));
        return;
      }
      for (String ext : new String[] {".txt", ".json"}) {
        if (lower.endsWith(ext)) {
          name = name.substring(0, name.length() - ext.length());
        }
      }
      if (!ClerkService.isValidRequestId(name)) {
        send(ex, 400, error("request id: '" + name + "' (expected 1 to 128 of A-Z a-z 0-9 . _ ~ -)"));
        return;
      }
      byte[] body;
      try (InputStream in = ex.getRequestBody()) {
        body = in.readNBytes(MAX_BODY + 1);
      }
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

  private static void send(HttpExchange ex, int status, String json) throws IOException {
    byte[] b = json.getBytes(StandardCharsets.UTF_8);
    ex.getResponseHeaders().add("Content-Type", "application/json; charset=utf-8");
    ex.sendResponseHeaders(status, b.length);
    try (OutputStream os = ex.getResponseBody()) {
      os.write(b);
    }
  }
}
