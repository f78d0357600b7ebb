package io.ecss.asr.transcription;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ecss.asr.AsrException;
import io.ecss.asr.recognition.Recognition;
import io.ecss.asr.recognition.RecognizerFactory;
import io.ecss.asr.recognition.ScriptedRecognizer;
import io.ecss.asr.recognition.SpeechRecognizer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class TranscriptionServerTest {

  /** The manual's /trans/vtt answer, as the spec page says it must come out. */
  static final String MANUAL_VTT =
      """
      WEBVTT

      1
      00:00:00.990 --> 00:00:01.260
      <v Алиса>да</v>

      2
      00:00:01.650 --> 00:00:02.100
      <v Боб>алло</v>

      3
      00:00:02.730 --> 00:00:03.300
      <v Алиса>да да</v>

      4
      00:00:03.480 --> 00:00:04.560
      <v Боб>ну как там с деньгами</v>

      5
      00:00:05.940 --> 00:00:06.720
      <v Алиса>какими деньгами</v>
      """;

  @TempDir Path dir;
  Path wav;
  TranscriptionServer server;
  TranscriptionClient client;
  final HttpClient raw = HttpClient.newHttpClient();

  @BeforeEach
  void start() throws IOException {
    wav = dir.resolve("call.wav");
    Files.write(wav, TranscriberTest.stereoCall());
    server = serve(ScriptedRecognizer.factory(16000, List.of(TranscriberTest.A, TranscriberTest.B)), 2, 4);
    client = TranscriptionClient.builder(uri(server)).requestTimeout(Duration.ofSeconds(30)).build();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  static TranscriptionServer serve(RecognizerFactory f, int workers, int queue) throws IOException {
    return TranscriptionServer.builder(f)
        .bind(new InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), 0))
        .workers(workers)
        .queue(queue)
        .start();
  }

  static URI uri(TranscriptionServer s) {
    return URI.create("http://127.0.0.1:" + s.address().getPort());
  }

  HttpResponse<String> request(String method, String path, byte[] body) throws Exception {
    HttpRequest r =
        HttpRequest.newBuilder(URI.create(uri(server) + path))
            .method(method, HttpRequest.BodyPublishers.ofByteArray(body))
            .build();
    return raw.send(r, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  @Test
  void transAnswersTheWordLinesOfBothChannels() throws Exception {
    assertThat(client.words(wav).join()).isEqualTo(WordLinesTest.MANUAL_TRANSCRIPT);
    HttpResponse<String> r = request("POST", "/trans", Files.readAllBytes(wav));
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("Content-Type")).hasValue("text/plain; charset=utf-8");
    assertThat(r.body()).isEqualTo(WordLinesTest.MANUAL.replace(" \n", "\n"));
  }

  @Test
  void transVttReproducesTheManualsExampleByteForByte() {
    assertThat(client.vtt(wav, "Алиса", "Боб").join()).isEqualTo(MANUAL_VTT);
    assertThat(TranscriptionClient.parseVtt(MANUAL_VTT).file().cues()).hasSize(5);
  }

  @Test
  void vttWithoutHeadersUsesTheChannelLabels() {
    assertThat(client.vtt(wav, null, null).join())
        .contains("<v А>да</v>")
        .contains("<v Б>алло</v>");
  }

  @Test
  void monoEndpointsUseTheFirstChannelOnly() throws IOException {
    try (TranscriptionServer mono = serve(ScriptedRecognizer.factory(16000, List.of(TranscriberTest.A)), 1, 1)) {
      TranscriptionClient c = TranscriptionClient.builder(uri(mono)).build();
      assertThat(c.wordsMono(wav).join().speakers())
          .containsExactly(new SpeakerWords("А", TranscriberTest.A));
      assertThat(c.vttMono(wav, "Алиса").join())
          .isEqualTo(
              """
              WEBVTT

              1
              00:00:00.990 --> 00:00:03.300
              <v Алиса>да да да</v>

              2
              00:00:05.940 --> 00:00:06.720
              <v Алиса>какими деньгами</v>
              """)
          .doesNotContain("алло");
    }
  }

  @Test
  void unknownPathIs404() throws Exception {
    HttpResponse<String> r = request("PUT", "/transcribe", new byte[10]);
    assertThat(r.statusCode()).isEqualTo(404);
    assertThat(r.body())
        .isEqualTo("unknown path /transcribe (expected /trans, /trans/vtt, /trans/mono or /trans/mono/vtt)\n");
  }

  @Test
  void otherMethodsAre405WithAllow() throws Exception {
    HttpResponse<String> r = request("GET", "/trans", new byte[0]);
    assertThat(r.statusCode()).isEqualTo(405);
    assertThat(r.headers().firstValue("Allow")).hasValue("PUT, POST");
    assertThat(r.body()).isEqualTo("method GET not allowed on /trans (use PUT or POST with a WAV body)\n");
  }

  @Test
  void badWavIs400WithTheReason() throws Exception {
    HttpResponse<String> r = request("PUT", "/trans", "RIFX....WAVE".getBytes(StandardCharsets.US_ASCII));
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(r.body())
        .isEqualTo(
            "bad WAV: not a WAV file: found 'RIFX', expected 'RIFF' (big-endian RIFX is not supported) at offset 0\n");
    Path bad = Files.write(dir.resolve("bad.wav"), new byte[] {1, 2, 3});
    assertThatThrownBy(() -> client.words(bad).join())
        .isInstanceOf(CompletionException.class)
        .cause()
        .isInstanceOfSatisfying(
            TranscriptionHttpException.class,
            e -> {
              assertThat(e.status()).isEqualTo(400);
              assertThat(e.body()).startsWith("bad WAV: truncated RIFF header");
              assertThat(e.getMessage())
                  .startsWith("PUT " + uri(server) + "/trans: HTTP 400: bad WAV: truncated RIFF header");
            });
  }

  @Test
  void bodyOverTheLimitIs413() throws Exception {
    try (TranscriptionServer small =
        TranscriptionServer.builder(ScriptedRecognizer.factory(8000, List.of(List.of())))
            .bind(new InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), 0))
            .maxBodyBytes(1000)
            .start()) {
      HttpRequest r =
          HttpRequest.newBuilder(URI.create(uri(small) + "/trans"))
              .PUT(HttpRequest.BodyPublishers.ofFile(wav))
              .build();
      HttpResponse<String> resp = raw.send(r, HttpResponse.BodyHandlers.ofString());
      assertThat(resp.statusCode()).isEqualTo(413);
      assertThat(resp.body()).isEqualTo("body of " + Files.size(wav) + " bytes exceeds the limit of 1000\n");
    }
  }

  /**
   * A client still sending a body over the limit receives the 413 (the server reads and discards
   * the body before answering), every time: 20 uploads of 1 MiB against a 1,000-byte limit.
   */
  @Test
  void largeBodyOverTheLimitStillGetsThe413() throws Exception {
    byte[] big = new byte[1 << 20];
    try (TranscriptionServer small =
        TranscriptionServer.builder(ScriptedRecognizer.factory(8000, List.of(List.of())))
            .bind(new InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), 0))
            .maxBodyBytes(1000)
            .start()) {
      for (int i = 0; i < 20; i++) {
        HttpRequest r =
            HttpRequest.newBuilder(URI.create(uri(small) + "/trans"))
                .POST(HttpRequest.BodyPublishers.ofByteArray(big))
                .build();
        HttpResponse<String> resp = raw.send(r, HttpResponse.BodyHandlers.ofString());
        assertThat(resp.statusCode()).isEqualTo(413);
        assertThat(resp.body())
            .isEqualTo("body of 1048576 bytes exceeds the limit of 1000\n");
      }
    }
  }

  static TranscriptionServer serveWithReadTimeout(Duration readTimeout) throws IOException {
    return TranscriptionServer.builder(
            ScriptedRecognizer.factory(16000, List.of(TranscriberTest.A, TranscriberTest.B)))
        .bind(new InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), 0))
        .workers(1)
        .queue(0)
        .readTimeout(readTimeout)
        .start();
  }

  /**
   * Waits until the server closes {@code socket} without sending a byte (a reset counts as closed)
   * and returns how long that took, in milliseconds.
   */
  static long awaitClosedWithoutAnswer(java.net.Socket socket) throws IOException {
    long t0 = System.nanoTime();
    int first;
    try {
      first = socket.getInputStream().read();
    } catch (java.net.SocketException reset) {
      first = -1;
    }
    assertThat(first).as("first byte from the server").isEqualTo(-1);
    return (System.nanoTime() - t0) / 1_000_000;
  }

  static byte[] requestHead(String path, int contentLength) {
    return ("PUT " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: " + contentLength
            + "\r\nConnection: close\r\n\r\n")
        .getBytes(StandardCharsets.US_ASCII);
  }

  /**
   * A client that sends part of its body and then goes silent loses its connection after the read
   * timeout, and the only worker is free again: before, it stayed busy for as long as the client
   * kept the socket open and every other request got 503.
   */
  @Test
  void stalledUploadIsCutOffAndFreesTheWorker() throws Exception {
    byte[] call = Files.readAllBytes(wav);
    try (TranscriptionServer s = serveWithReadTimeout(Duration.ofMillis(300));
        java.net.Socket stalled = new java.net.Socket(java.net.InetAddress.getLoopbackAddress(), s.address().getPort())) {
      stalled.setSoTimeout(20_000);
      java.io.OutputStream out = stalled.getOutputStream();
      out.write(requestHead("/trans", call.length));
      out.write(call, 0, 100);
      out.flush();
      // The server closes the connection without an answer (nothing can be sent on it any more).
      assertThat(awaitClosedWithoutAnswer(stalled)).isGreaterThanOrEqualTo(250);
      assertThat(TranscriptionClient.builder(uri(s)).build().words(wav).join().speakers())
          .hasSize(2);
    }
  }

  /**
   * A refused request (404, 405, 503, 413) whose announced body never comes: the server reads the
   * body before answering, and that read is bounded by the read timeout too. Before, the handler
   * thread waited for ever, one thread per such connection.
   */
  @ParameterizedTest
  @ValueSource(strings = {"/nope", "/trans/too-large"})
  void refusedRequestWithStalledBodyIsCutOff(String target) throws Exception {
    try (TranscriptionServer s = serveWithReadTimeout(Duration.ofMillis(300));
        java.net.Socket stalled = new java.net.Socket(java.net.InetAddress.getLoopbackAddress(), s.address().getPort())) {
      stalled.setSoTimeout(20_000);
      java.io.OutputStream out = stalled.getOutputStream();
      boolean tooLarge = target.equals("/trans/too-large");
      out.write(requestHead(tooLarge ? "/trans" : target, tooLarge ? 300_000_000 : 1000));
      out.write(new byte[10]);
      out.flush();
      assertThat(awaitClosedWithoutAnswer(stalled)).isGreaterThanOrEqualTo(250);
      assertThat(TranscriptionClient.builder(uri(s)).build().words(wav).join().speakers())
          .hasSize(2);
    }
  }

  /**
   * A bad WAV header answered 400 while the rest of the announced body never comes: the JDK server
   * reads the unread rest when the answer is closed, with no timeout of its own. Before, that read
   * held the request's admission for ever, and with one worker every later request got 503.
   */
  @Test
  void badWavWithStalledRestGetsItsAnswerAndFreesTheWorker() throws Exception {
    try (TranscriptionServer s = serveWithReadTimeout(Duration.ofMillis(300));
        java.net.Socket stalled = new java.net.Socket(java.net.InetAddress.getLoopbackAddress(), s.address().getPort())) {
      stalled.setSoTimeout(20_000);
      java.io.OutputStream out = stalled.getOutputStream();
      out.write(requestHead("/trans", 100_000));
      out.write("this is not a RIFF header, and more bytes follow..".getBytes(StandardCharsets.US_ASCII));
      out.flush();
      String answer = new String(stalled.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(answer).startsWith("HTTP/1.1 400 ");
      assertThat(TranscriptionClient.builder(uri(s)).build().words(wav).join().speakers())
          .hasSize(2);
    }
  }

  /**
   * Clients that send part of a request head and go silent: the JDK server reads the head on a
   * handler thread with no timeout of its own. Now the head must arrive within the read timeout,
   * or the connection is closed; before, each such client held a thread for ever. (A client that
   * sends nothing holds no thread: the JDK waits for its first byte in its selector.)
   */
  @ParameterizedTest
  @ValueSource(strings = {"P", "PUT /trans HTTP/1.1\r\nHost: 12"})
  void halfSentHeadIsCutOff(String sent) throws Exception {
    try (TranscriptionServer s = serveWithReadTimeout(Duration.ofMillis(300))) {
      List<java.net.Socket> silent = new java.util.ArrayList<>();
      try {
        for (int i = 0; i < 3; i++) {
          java.net.Socket c = new java.net.Socket(java.net.InetAddress.getLoopbackAddress(), s.address().getPort());
          c.setSoTimeout(20_000);
          c.getOutputStream().write(sent.getBytes(StandardCharsets.US_ASCII));
          c.getOutputStream().flush();
          silent.add(c);
        }
        for (java.net.Socket c : silent) {
          awaitClosedWithoutAnswer(c);
        }
        assertThat(TranscriptionClient.builder(uri(s)).build().words(wav).join().speakers())
            .hasSize(2);
      } finally {
        for (java.net.Socket c : silent) {
          c.close();
        }
      }
    }
  }

  /** The read timeout bounds the silence between pieces of an upload, not the whole upload. */
  @Test
  void slowUploadThatKeepsSendingIsServed() throws Exception {
    byte[] call = Files.readAllBytes(wav);
    try (TranscriptionServer s = serveWithReadTimeout(Duration.ofMillis(400));
        java.net.Socket slow = new java.net.Socket(java.net.InetAddress.getLoopbackAddress(), s.address().getPort())) {
      slow.setSoTimeout(20_000);
      java.io.OutputStream out = slow.getOutputStream();
      out.write(requestHead("/trans", call.length));
      int pieces = 8;
      for (int i = 0; i < pieces; i++) {
        out.write(call, i * call.length / pieces, (i + 1) * call.length / pieces - i * call.length / pieces);
        out.flush();
        Thread.sleep(100); // pacing the upload over 0.8 s, longer than the timeout in total
      }
      String answer = new String(slow.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(answer).startsWith("HTTP/1.1 200 ");
      assertThat(answer).endsWith("\r\n\r\n" + WordLines.format(client.words(wav).join()));
    }
  }

  /** A recogniser that fails: the server must answer 500 with the reason. */
  static RecognizerFactory failing() {
    return new RecognizerFactory() {
      @Override
      public int sampleRate() {
        return 8000;
      }

      @Override
      public SpeechRecognizer open() {
        return new TranscriberTest.Recording(8000) {
          @Override
          public Recognition finish() {
            throw new AsrException("model exploded");
          }
        };
      }
    };
  }

  @Test
  void recognizerFailureIs500() throws Exception {
    try (TranscriptionServer s = serve(failing(), 1, 0)) {
      assertThatThrownBy(() -> TranscriptionClient.builder(uri(s)).build().words(wav).join())
          .cause()
          .isInstanceOfSatisfying(
              TranscriptionHttpException.class,
              e -> {
                assertThat(e.status()).isEqualTo(500);
                assertThat(e.body()).isEqualTo("recognition failed: model exploded\n");
              });
    }
  }

  @Test
  void fullQueueIs503() throws Exception {
    CountDownLatch entered = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    RecognizerFactory blocking =
        new RecognizerFactory() {
          @Override
          public int sampleRate() {
            return 8000;
          }

          @Override
          public SpeechRecognizer open() {
            return new TranscriberTest.Recording(8000) {
              @Override
              public Recognition finish() {
                entered.countDown();
                try {
                  release.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                }
                return Recognition.EMPTY;
              }
            };
          }
        };
    try (TranscriptionServer s = serve(blocking, 1, 0)) {
      TranscriptionClient c = TranscriptionClient.builder(uri(s)).build();
      CompletableFuture<Transcript> first = c.wordsMono(wav);
      assertThat(entered.await(20, TimeUnit.SECONDS)).isTrue();
      assertThatThrownBy(() -> c.wordsMono(wav).join())
          .cause()
          .isInstanceOfSatisfying(
              TranscriptionHttpException.class,
              e -> {
                assertThat(e.status()).isEqualTo(503);
                assertThat(e.body()).isEqualTo("server busy: 1 transcriptions running and 0 queued\n");
              });
      release.countDown();
      assertThat(first.join().speakers()).containsExactly(new SpeakerWords("А", List.of()));
    }
  }

  @Test
  void clientReportsMissingFilesAndUnreachableServers() {
    assertThatThrownBy(() -> client.words(dir.resolve("absent.wav")).join())
        .cause()
        .isInstanceOf(java.io.FileNotFoundException.class);
    TranscriptionClient dead =
        TranscriptionClient.builder(URI.create("http://127.0.0.1:1/"))
            .connectTimeout(Duration.ofSeconds(2))
            .build();
    assertThatThrownBy(() -> dead.words(wav).join())
        .cause()
        .isInstanceOf(java.net.ConnectException.class);
  }

  @Test
  void builderValidation() {
    assertThatThrownBy(() -> TranscriptionClient.builder(URI.create("ftp://x")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("base: ftp://x (expected an http or https URL)");
    assertThatThrownBy(
            () -> TranscriptionClient.builder(URI.create("http://x")).requestTimeout(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("requestTimeout: PT0S (expected > 0)");
    assertThatThrownBy(() -> TranscriptionServer.builder(failing()).port(70000))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("port: 70000 (expected 0..65535)");
    assertThatThrownBy(() -> TranscriptionServer.builder(failing()).readTimeout(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("readTimeout: PT0S (expected > 0)");
    assertThatThrownBy(() -> TranscriptionServer.builder(failing()).workers(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("workers: 0 (expected >= 1)");
    assertThatThrownBy(() -> TranscriptionClient.wire("a\nb"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("header value contains a line break: a\nb");
    assertThat(TranscriptionClient.wire("Боб")).isEqualTo("=?UTF-8?B?0JHQvtCx?=");
    assertThat(TranscriptionClient.wire("Bob Smith")).isEqualTo("Bob Smith");
    assertThat(TranscriptionServer.headerValue("=?utf-8?b?0JHQvtCx?=")).isEqualTo("Боб");
    // curl sends raw UTF-8; the JDK server hands it over as Latin-1 characters.
    assertThat(
            TranscriptionServer.headerValue(
                new String("Алиса".getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1)))
        .isEqualTo("Алиса");
    assertThat(TranscriptionServer.headerValue("Caf\u00e9")).isEqualTo("Caf\u00e9");
  }

  @Test
  void closeIsIdempotentAndReleasesAwaiters() throws Exception {
    TranscriptionServer s = serve(failing(), 1, 0);
    Thread waiter = new Thread(() -> {
      try {
        s.awaitTermination();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    });
    waiter.start();
    s.close();
    s.close();
    waiter.join(10_000);
    assertThat(waiter.isAlive()).isFalse();
  }
}
