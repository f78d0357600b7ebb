package io.ecss.examples.clerk;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.ecss.clerk.ClerkMatcher;
import io.ecss.clerk.ClerkService;
import io.ecss.clerk.PhonebookEntry;
import io.ecss.examples.Ecss;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClerkCommandTest {

  record Run(int code, String out, String err) {}

  @TempDir Path dir;

  static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Ecss.run(new PrintWriter(out), new PrintWriter(err), args);
    return new Run(code, out.toString(), err.toString());
  }

  Path file(String name, String content) throws IOException {
    Path p = dir.resolve(name);
    Files.writeString(p, content, StandardCharsets.UTF_8);
    return p;
  }

  Path book() throws IOException {
    return file("book.xml", ClerkDemo.BOOK);
  }

  @Test
  void searchFindsTheManualExample() throws IOException {
    Run r = run("clerk", "search", "--phonebook", book().toString(), "женя казарцев", "женя казарцев", "женя");
    assertThat(r.err()).isEmpty();
    assertThat(r.code()).isZero();
    assertThat(r.out())
        .isEqualTo(
            """
            found: 4819 Евгений Казарцев
            hypothesis 0: женя казарцев
            variant: евгений казарцев
            method: EXACT
            """);
  }

  @Test
  void searchJsonHasExactlyTheContractFields() throws IOException {
    Run r = run("clerk", "search", "--json", "--phonebook", book().toString(), "женя казарцев");
    assertThat(r.code()).isZero();
    assertThat(r.out())
        .isEqualTo(
            "{\"found\":true,\"number\":\"4819\",\"name\":\"Евгений Казарцев\",\"hypothesis\":\"женя казарцев\","
                + "\"variant\":\"евгений казарцев\",\"fuzzy\":false,\"candidates\":[]}\n");
    Run miss = run("clerk", "search", "--json", "--phonebook", book().toString(), "никого", "нет");
    assertThat(miss.code()).isEqualTo(1);
    assertThat(miss.out())
        .isEqualTo(
            "{\"found\":false,\"number\":null,\"name\":null,\"hypothesis\":\"никого\",\"variant\":null,"
                + "\"fuzzy\":false,\"candidates\":[]}\n");
  }

  @Test
  void ambiguousIsExitOneWithCandidates() throws IOException {
    Run r = run("clerk", "search", "--json", "--phonebook", book().toString(), "алексей");
    assertThat(r.code()).isEqualTo(1);
    JsonNode j = new ObjectMapper().readTree(r.out());
    assertThat(j.get("found").asBoolean()).isFalse();
    assertThat(j.get("fuzzy").asBoolean()).isTrue();
    assertThat(j.get("candidates").toString()).isEqualTo("[\"Алексей Лысенко\",\"Алексей Лосев\"]");
    Run text = run("clerk", "search", "--phonebook", book().toString(), "алексей");
    assertThat(text.out())
        .isEqualTo(
            """
            ambiguous: 2 candidates for 'алексей'
              4301 Алексей Лысенко
              4302 Алексей Лосев
            method: FUZZY
            """);
  }

  @Test
  void aliasFilesAndNoDefaultAliases() throws IOException {
    Path aliases = file("aliases.txt", "# ours\nжэка = евгений\n");
    Path hard = file("hard.txt", "бухгалтерия = марина соколова\n");
    String b = book().toString();
    assertThat(run("clerk", "search", "--phonebook", b, "--aliases", aliases.toString(), "жэка казарцев").code()).isZero();
    assertThat(run("clerk", "search", "--phonebook", b, "--hard-aliases", hard.toString(), "бухгалтерия").out())
        .startsWith("found: 4100 Марина Соколова\n");
    Run none = run("clerk", "search", "--phonebook", b, "--no-default-aliases", "--json", "женя казарцев");
    assertThat(none.code()).isEqualTo(1);
    Path bad = file("bad.txt", "женя = евгений\nоопс\n");
    Run err = run("clerk", "search", "--phonebook", b, "--aliases", bad.toString(), "x");
    assertThat(err.code()).isEqualTo(1);
    assertThat(err.err())
        .isEqualTo("ecss clerk search: " + bad + ":2: missing '=' (expected KEY = VALUE[, VALUE...])\n");
  }

  @Test
  void latinPhonebookWithTranslit() throws IOException {
    Path latin = file("latin.csv", "name,number\nEvgenii Kazartsev,4819\nAleksei Losev,4302\n");
    Run r = run("clerk", "search", "--translit", "--json", "--phonebook", latin.toString(), "женя казарцев");
    assertThat(r.code()).isZero();
    assertThat(new ObjectMapper().readTree(r.out()).get("variant").asText()).isEqualTo("evgenii kazartsev");
    Run without = run("clerk", "search", "--phonebook", latin.toString(), "женя казарцев");
    assertThat(without.code()).isEqualTo(1);
    assertThat(without.out()).startsWith("not found: женя казарцев\n");
  }

  @Test
  void stepsAndLimits() throws IOException {
    Run r = run("clerk", "search", "--steps", "--phonebook", book().toString(), "а б в г д");
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.out()).contains("limit reached: maxPermutationWords=4\n", "step: hypothesis 0: 'а б в г д'\n", "tried: а б в г д\n");
  }

  @Test
  void badInputsAreOneLineErrors() throws IOException {
    Run missing = run("clerk", "search", "--phonebook", dir.resolve("nope.xml").toString(), "x");
    assertThat(missing.code()).isEqualTo(1);
    assertThat(missing.err()).startsWith("ecss clerk search: no such file: ");
    Path hostile = file("x.xml", "<!DOCTYPE x [<!ENTITY a SYSTEM \"file:///etc/passwd\">]><CiscoIPPhoneDirectory/>");
    Run h = run("clerk", "import", hostile.toString());
    assertThat(h.code()).isEqualTo(1);
    assertThat(h.err()).isEqualTo("ecss clerk import: " + hostile + ":1:56: DOCTYPE not allowed (DTDs and entities are disabled)\n");
    assertThat(run("clerk", "search", "--phonebook", book().toString()).code()).isEqualTo(2);
    assertThat(run("clerk", "import", "--max-pages", "0", book().toString()).code()).isEqualTo(2);
  }

  @Test
  void importPrintsTheReport() throws IOException {
    Run r = run("clerk", "import", "--list", book().toString());
    assertThat(r.code()).isZero();
    assertThat(r.out())
        .isEqualTo(
            "source: " + book() + "\n"
                + """
                format: CISCO_DIRECTORY
                pages: 1
                imported: 5
                skipped without name: 0
                skipped without number: 1
                skipped invalid: 0
                duplicates dropped: 0
                ambiguous names: 0
                Евгений Казарцев,4819
                Алексей Лысенко,4301
                Алексей Лосев,4302
                Владислав Блинов,4410
                Марина Соколова,4100
                """);
  }

  @Test
  void importFromAnHttpUrl() throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/ssw",
        ex -> {
          byte[] b = ClerkDemo.BOOK.getBytes(StandardCharsets.UTF_8);
          ex.sendResponseHeaders(200, b.length);
          try (OutputStream os = ex.getResponseBody()) {
            os.write(b);
          }
        });
    server.start();
    try {
      String url = "http://127.0.0.1:" + server.getAddress().getPort()
          + "/ssw?host=book&user_agent=cisco_search&translit=false&skip_no_disp=true";
      Run r = run("clerk", "import", url);
      assertThat(r.code()).isZero();
      assertThat(r.out()).startsWith("source: " + url + "\nformat: CISCO_DIRECTORY\npages: 1\nimported: 5\n");
      Run s = run("clerk", "search", "--phonebook", url, "казарцев");
      assertThat(s.out()).startsWith("found: 4819 ");
      Run gone = run("clerk", "import", "http://127.0.0.1:" + server.getAddress().getPort() + "/none");
      assertThat(gone.code()).isEqualTo(1);
      assertThat(gone.err()).endsWith(": HTTP 404 (expected 200)\n");
    } finally {
      server.stop(0);
    }
  }

  @Test
  void serveWithADirectoryThatIsNoModelSaysSoInOneLine() throws IOException {
    Run r = run("clerk", "serve", "--phonebook", book().toString(), "--model", dir.toString());
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err())
        .isEqualTo(
            "ecss clerk serve: not a Vosk model directory: "
                + dir
                + " (expected am/final.mdl and conf/model.conf, or final.mdl and mfcc.conf)\n");
    assertThat(run("clerk", "serve", "--phonebook", book().toString(), "--port", "70000").code()).isEqualTo(2);
  }

  // ---- the service protocol over a real loopback HTTP server ----

  @Test
  void servicePartialThenFinalAndCallbacksOverHttp() throws Exception {
    ClerkService service =
        new ClerkService(
            ClerkMatcher.builder()
                .phonebook(
                    List.of(
                        new PhonebookEntry("Евгений Казарцев", "4819"),
                        new PhonebookEntry("Алексей Лысенко", "4301")))
                .build());
    try (ClerkHttpServer server =
        ClerkHttpServer.start(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), service)) {
      HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
      String base = "http://127.0.0.1:" + server.port();
      HttpResponse<String> r1 = post(client, base + "/call-17", "application/json", "[\"соедините\",\"со\"]");
      assertThat(r1.statusCode()).isEqualTo(206);
      assertThat(r1.body())
          .isEqualTo("{\"recognized\":\"соедините\",\"positive_url\":\"call-17/positive_url\",\"negative_url\":\"call-17/negative_url\"}");
      HttpResponse<String> r2 = post(client, base + "/call-17.txt", "text/plain; charset=utf-8", "женя казарцев\nженя казарцев\nженя\n");
      assertThat(r2.statusCode()).isEqualTo(200);
      JsonNode j = new ObjectMapper().readTree(r2.body());
      assertThat(j.get("number").asText()).isEqualTo("4819");
      assertThat(j.get("recognized").asText()).isEqualTo("женя казарцев");
      // the IVR calls http://<ASR_SERVICE>/<ASR_POSITIVE_URL>
      assertThat(head(client, base + "/" + j.get("positive_url").asText())).isEqualTo(200);
      assertThat(service.session("call-17").orElseThrow().feedback()).isEqualTo(ClerkService.Feedback.POSITIVE);
      // a timed-out call: partial answer, then the negative callback
      assertThat(post(client, base + "/call-18", "application/json", "{\"hypotheses\":[\"никого\"]}").statusCode()).isEqualTo(206);
      assertThat(head(client, base + "/call-18/negative_url")).isEqualTo(200);
      assertThat(service.session("call-18").orElseThrow().feedback()).isEqualTo(ClerkService.Feedback.NEGATIVE);
      assertThat(head(client, base + "/unknown/positive_url")).isEqualTo(404);
      // audio, bad ids, bad bodies, wrong methods
      assertThat(post(client, base + "/call-19.wav", "audio/wav", "RIFF").statusCode()).isEqualTo(415);
      assertThat(post(client, base + "/bad%20id", "text/plain", "x").statusCode()).isEqualTo(400);
      assertThat(post(client, base + "/c", "application/json", "[1,2]").statusCode()).isEqualTo(400);
      assertThat(post(client, base + "/c", "application/json", "{\"x\":1}").statusCode()).isEqualTo(400);
      assertThat(post(client, base + "/c", "text/plain", "x".repeat(ClerkHttpServer.MAX_BODY + 1)).statusCode()).isEqualTo(413);
      HttpResponse<String> get = client.send(HttpRequest.newBuilder(URI.create(base + "/call-17")).GET().build(), HttpResponse.BodyHandlers.ofString());
      assertThat(get.statusCode()).isEqualTo(405);
      HttpResponse<String> stats = client.send(HttpRequest.newBuilder(URI.create(base + "/stats")).GET().build(), HttpResponse.BodyHandlers.ofString());
      assertThat(new ObjectMapper().readTree(stats.body()).get("positives").asInt()).isEqualTo(1);
      HttpResponse<String> post = post(client, base + "/call-17/positive_url", "text/plain", "");
      assertThat(post.statusCode()).isEqualTo(405);
    }
  }

  @Test
  void serviceRecognisesWavChunksWithARecogniser() throws Exception {
    ClerkService service =
        new ClerkService(
            ClerkMatcher.builder()
                .phonebook(List.of(new PhonebookEntry("Евгений Казарцев", "4819")))
                .build());
    // The scripted recogniser is a test double: it "hears" its script, whatever the audio says.
    io.ecss.asr.recognition.RecognizerFactory scripted =
        io.ecss.asr.recognition.ScriptedRecognizer.factory(
            16000,
            List.of(
                List.of(
                    new io.ecss.asr.recognition.RecognizedWord("женя", 100, 400, 0.9),
                    new io.ecss.asr.recognition.RecognizedWord("казарцев", 400, 900, 0.8))));
    byte[] wav =
        io.ecss.asr.audio.WavWriter.toBytes(io.ecss.asr.audio.WavFormat.mono(8000), new short[8000]);
    try (ClerkHttpServer server =
        ClerkHttpServer.start(
            new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), service, scripted)) {
      HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
      String base = "http://127.0.0.1:" + server.port();
      HttpResponse<String> r =
          client.send(
              HttpRequest.newBuilder(URI.create(base + "/call-21.wav"))
                  .timeout(Duration.ofSeconds(10))
                  .header("Content-Type", "audio/wav")
                  .POST(HttpRequest.BodyPublishers.ofByteArray(wav))
                  .build(),
              HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      assertThat(r.statusCode()).isEqualTo(200);
      JsonNode j = new ObjectMapper().readTree(r.body());
      assertThat(j.get("number").asText()).isEqualTo("4819");
      assertThat(j.get("recognized").asText()).isEqualTo("женя казарцев");
      assertThat(post(client, base + "/call-22.wav", "audio/wav", "RIFX").statusCode()).isEqualTo(400);
      assertThat(post(client, base + "/call-23.pcm", "audio/l16", "x").statusCode()).isEqualTo(415);
    }
  }

  @Test
  void serveReportsAMissingModelInOneLine() throws IOException {
    Path book = Files.writeString(dir.resolve("book.csv"), "Евгений Казарцев,4819\n");
    Path none = dir.resolve("none");
    Run r = run("clerk", "serve", "--phonebook", book.toString(), "--model", none.toString(), "--port", "0");
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err())
        .isEqualTo("ecss clerk serve: Vosk model directory does not exist: " + none + System.lineSeparator());
  }

  private static HttpResponse<String> post(HttpClient c, String url, String type, String body)
      throws IOException, InterruptedException {
    return c.send(
        HttpRequest.newBuilder(URI.create(url))
            .timeout(Duration.ofSeconds(10))
            .header("Content-Type", type)
            .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
            .build(),
        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  private static int head(HttpClient c, String url) throws IOException, InterruptedException {
    return c.send(
            HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(10))
                .method("HEAD", HttpRequest.BodyPublishers.noBody())
                .build(),
            HttpResponse.BodyHandlers.discarding())
        .statusCode();
  }

  @Test
  void demoSectionRuns() throws Exception {
    StringWriter sw = new StringWriter();
    ClerkDemo demo = new ClerkDemo();
    demo.run(new PrintWriter(sw));
    assertThat(demo.module()).isEqualTo("ecss-clerk-matcher");
    assertThat(sw.toString())
        .contains(
            "found 4819 Евгений Казарцев via 'евгений казарцев' (EXACT, hypothesis 0",
            "found 4410 Владислав Блинов",
            "ambiguous (FUZZY), no number; candidates:",
            "chunk 1 → 206 {\"recognized\":\"соедините\"",
            "chunk 2 → 200 {\"recognized\":\"женя казарцев\",\"number\":\"4819\"",
            "HEAD /call-1/positive_url → 200");
  }
}
