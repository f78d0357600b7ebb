package io.ecss.examples.clerk;

import static org.assertj.core.api.Assertions.assertThat;

import io.ecss.clerk.ClerkMatcher;
import io.ecss.clerk.ClerkService;
import io.ecss.clerk.PhonebookEntry;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClerkHttpServerTest {

  static ClerkService service() {
    return new ClerkService(
        ClerkMatcher.builder()
            .phonebook(List.of(new PhonebookEntry("Евгений Казарцев", "4819")))
            .build());
  }

  /** A server with four workers and a 500 ms read timeout. */
  static ClerkHttpServer start(ClerkService service) throws java.io.IOException {
    return ClerkHttpServer.start(
        new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), service, null,
        Duration.ofMillis(500));
  }

  /** A well-behaved client's request, which must be answered within 10 s. */
  static HttpResponse<String> postHypothesis(ClerkHttpServer server) throws Exception {
    HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    return client.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/call-1"))
            .timeout(Duration.ofSeconds(10))
            .header("Content-Type", "text/plain; charset=utf-8")
            .POST(HttpRequest.BodyPublishers.ofString("женя казарцев"))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** Opens a connection and sends {@code bytes} (a request cut short). */
  static Socket sendPart(ClerkHttpServer server, String bytes) throws java.io.IOException {
    Socket s = new Socket(InetAddress.getLoopbackAddress(), server.port());
    s.setSoTimeout(10_000);
    OutputStream o = s.getOutputStream();
    o.write(bytes.getBytes(StandardCharsets.US_ASCII));
    o.flush();
    return s;
  }

  @Test
  void stalledRequestBodiesAreCutOffAndDoNotBlockTheWorkers() throws Exception {
    ClerkService service = service();
    List<Socket> stalled = new ArrayList<>();
    try (ClerkHttpServer server = start(service)) {
      // More silent clients than workers (4): each promises 100 bytes and sends 2.
      for (int i = 0; i < 6; i++) {
        stalled.add(sendPart(server, "POST /stall-" + i + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
            + "Content-Type: text/plain\r\nContent-Length: 100\r\n\r\nab"));
      }
      // Before the fix every worker stayed blocked in the body read for as long as the client
      // kept the socket open, and this request never got an answer.
      HttpResponse<String> r = postHypothesis(server);
      assertThat(r.statusCode()).isEqualTo(200);
      assertThat(r.body()).contains("\"number\":\"4819\"");
      // The stalled connections were closed by the server, without an answer.
      for (Socket s : stalled) {
        InputStream in = s.getInputStream();
        int first;
        try {
          first = in.read();
        } catch (SocketTimeoutException e) {
          throw new AssertionError("server kept a stalled connection open", e);
        } catch (java.io.IOException reset) {
          first = -1;
        }
        assertThat(first).isEqualTo(-1);
      }
      assertThat(service.stats().chunks()).isEqualTo(1);
    } finally {
      for (Socket s : stalled) {
        s.close();
      }
    }
  }

  /**
   * Refused requests (405, 415, 400) whose announced body never comes: the JDK server reads the
   * rest of an unread body when the exchange closes, with no timeout, so before the fix every
   * worker stayed blocked there and the server answered nothing more.
   */
  @Test
  void refusedRequestsWithStalledBodiesDoNotBlockTheWorkers() throws Exception {
    ClerkService service = service();
    List<Socket> stalled = new ArrayList<>();
    String[] heads = {
      "DELETE /call-1", "POST /call-1.pcm", "POST /bad%20id", "PUT /x.wav", "POST /positive_url", "DELETE /y"
    };
    try (ClerkHttpServer server = start(service)) {
      for (String head : heads) {
        stalled.add(sendPart(server, head + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
            + "Content-Type: text/plain\r\nContent-Length: 100\r\n\r\nab"));
      }
      HttpResponse<String> r = postHypothesis(server);
      assertThat(r.statusCode()).isEqualTo(200);
      // Each got its answer, then the server closed the connection.
      int[] statuses = {405, 415, 400, 415, 405, 405};
      for (int i = 0; i < stalled.size(); i++) {
        String answer;
        try {
          answer = new String(stalled.get(i).getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        } catch (SocketTimeoutException e) {
          throw new AssertionError("server kept a stalled connection open", e);
        }
        assertThat(answer).as(heads[i]).startsWith("HTTP/1.1 " + statuses[i] + " ");
      }
    } finally {
      for (Socket s : stalled) {
        s.close();
      }
    }
  }

  /**
   * Clients that send half a request head and go silent: the JDK server reads the head on a worker
   * with no timeout of its own, so before the fix four of them hung the server (4 workers).
   */
  @Test
  void halfSentHeadsDoNotBlockTheWorkers() throws Exception {
    ClerkService service = service();
    List<Socket> stalled = new ArrayList<>();
    try (ClerkHttpServer server = start(service)) {
      for (int i = 0; i < 6; i++) {
        stalled.add(sendPart(server, "POST /x HTTP/1.1\r\nHost: 1"));
      }
      HttpResponse<String> r = postHypothesis(server);
      assertThat(r.statusCode()).isEqualTo(200);
      // The server closed each half-sent request's connection, without an answer.
      for (Socket s : stalled) {
        int first;
        try {
          first = s.getInputStream().read();
        } catch (SocketTimeoutException e) {
          throw new AssertionError("server kept a half-sent request's connection open", e);
        } catch (java.io.IOException reset) {
          first = -1;
        }
        assertThat(first).isEqualTo(-1);
      }
    } finally {
      for (Socket s : stalled) {
        s.close();
      }
    }
  }
}
