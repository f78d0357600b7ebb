package io.ecss.asr.transcription;

import io.ecss.webvtt.WebVttParseResult;
import io.ecss.webvtt.WebVttParser;
import java.io.FileNotFoundException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.jspecify.annotations.Nullable;

/**
 * Client of the transcription service ({@code /trans}, {@code /trans/vtt}, {@code /trans/mono},
 * {@code /trans/mono/vtt}): sends a WAV file with PUT (as {@code curl -T} does) and returns the
 * answer, parsed.
 *
 * <pre>{@code
 * TranscriptionClient client = TranscriptionClient.builder(URI.create("http://asr:9000")).build();
 * Transcript t = client.words(Path.of("call.wav")).join();
 * String vtt = client.vtt(Path.of("call.wav"), "Алиса", "Боб").join();
 * }</pre>
 *
 * <p>Every method returns a future that completes exceptionally with {@link
 * TranscriptionHttpException} for a status other than 200, {@link WordLinesException} for an
 * answer that is not in the word-line format, {@link java.net.http.HttpTimeoutException} when the
 * request timeout passes, {@link java.net.ConnectException} when the service is not reachable, and
 * {@link FileNotFoundException} for a missing WAV file.
 *
 * <p>Thread-safe and immutable once built.
 */
public final class TranscriptionClient {
  private final URI base;
  private final HttpClient http;
  private final Duration requestTimeout;

  private TranscriptionClient(Builder b) {
    this.base = b.base;
    this.requestTimeout = b.requestTimeout;
    this.http = HttpClient.newBuilder().connectTimeout(b.connectTimeout).build();
  }

  /**
   * Starts configuring a client.
   *
   * @param base the service, e.g. {@code http://asr.example:9000} (a path prefix is kept)
   * @return a builder
   */
  public static Builder builder(URI base) {
    return new Builder(base);
  }

  /**
   * {@code /trans}: the words of every channel.
   *
   * @param wav the recording
   * @return the transcript
   */
  public CompletableFuture<Transcript> words(Path wav) {
    return send("/trans", wav, null, null).thenApply(WordLines::parse);
  }

  /**
   * {@code /trans/mono}: the words of the first channel.
   *
   * @param wav the recording
   * @return the transcript (one speaker)
   */
  public CompletableFuture<Transcript> wordsMono(Path wav) {
    return send("/trans/mono", wav, null, null).thenApply(WordLines::parse);
  }

  /**
   * {@code /trans/vtt}: WebVTT with the speakers named.
   *
   * @param wav the recording
   * @param calling name of the calling party (channel 1), or null for the label {@code А}
   * @param called name of the called party (channel 2), or null for the label {@code Б}
   * @return the WebVTT text as the service sent it
   */
  public CompletableFuture<String> vtt(Path wav, @Nullable String calling, @Nullable String called) {
    return send("/trans/vtt", wav, calling, called);
  }

  /**
   * {@code /trans/mono/vtt}: WebVTT of the first channel.
   *
   * @param wav the recording
   * @param calling name of the calling party, or null for the label {@code А}
   * @return the WebVTT text as the service sent it
   */
  public CompletableFuture<String> vttMono(Path wav, @Nullable String calling) {
    return send("/trans/mono/vtt", wav, calling, null);
  }

  /**
   * Parses a {@code /vtt} answer leniently, so the vendor service's quirks ({@code 00:00:6.720},
   * {@code <v> Name>} lines) are read too.
   *
   * @param vtt the answer
   * @return the parsed file and the problems found
   */
  public static WebVttParseResult parseVtt(String vtt) {
    return WebVttParser.lenient().parse(vtt);
  }

  private CompletableFuture<String> send(
      String path, Path wav, @Nullable String calling, @Nullable String called) {
    URI uri = URI.create(stripSlash(base.toString()) + path);
    HttpRequest.BodyPublisher body;
    try {
      body = HttpRequest.BodyPublishers.ofFile(wav);
    } catch (FileNotFoundException e) {
      return CompletableFuture.failedFuture(e);
    }
    HttpRequest.Builder rb =
        HttpRequest.newBuilder(uri)
            .timeout(requestTimeout)
            .header("Content-Type", "audio/wav")
            .PUT(body);
    if (calling != null) {
      rb.header("Calling", wire(calling));
    }
    if (called != null) {
      rb.header("Called", wire(called));
    }
    String request = "PUT " + uri;
    return http.sendAsync(rb.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8))
        .thenApply(
            r -> {
              if (r.statusCode() != 200) {
                String b = r.body();
                throw new CompletionException(
                    new TranscriptionHttpException(
                        request, r.statusCode(), b.length() > 1000 ? b.substring(0, 1000) : b));
              }
              return r.body();
            });
  }

  /**
   * A header value as {@code java.net.http} can send it: printable ASCII as is, anything else as
   * an RFC 2047 encoded word {@code =?UTF-8?B?...?=} (the client sends header bytes as US-ASCII,
   * so raw UTF-8 as curl sends it is impossible). {@link TranscriptionServer} decodes both.
   */
  static String wire(String value) {
    if (value.indexOf('\r') >= 0 || value.indexOf('\n') >= 0) {
      throw new IllegalArgumentException("header value contains a line break: " + value);
    }
    boolean ascii = value.chars().allMatch(c -> c >= 0x20 && c < 0x7F);
    if (ascii && !value.startsWith("=?")) {
      return value;
    }
    return "=?UTF-8?B?"
        + java.util.Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8))
        + "?=";
  }

  private static String stripSlash(String s) {
    return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
  }

  /** Configures a {@link TranscriptionClient}. Not thread-safe. */
  public static final class Builder {
    private final URI base;
    private Duration connectTimeout = Duration.ofSeconds(5);
    private Duration requestTimeout = Duration.ofMinutes(5);

    private Builder(URI base) {
      Objects.requireNonNull(base, "base");
      if (!"http".equals(base.getScheme()) && !"https".equals(base.getScheme())) {
        throw new IllegalArgumentException("base: " + base + " (expected an http or https URL)");
      }
      this.base = base;
    }

    /**
     * Time allowed to connect; default 5 s.
     *
     * @param timeout positive
     * @return this builder
     */
    public Builder connectTimeout(Duration timeout) {
      this.connectTimeout = positive("connectTimeout", timeout);
      return this;
    }

    /**
     * Time allowed for a whole request, transcription included; default 5 min.
     *
     * @param timeout positive
     * @return this builder
     */
    public Builder requestTimeout(Duration timeout) {
      this.requestTimeout = positive("requestTimeout", timeout);
      return this;
    }

    /**
     * Builds the client.
     *
     * @return the client
     */
    public TranscriptionClient build() {
      return new TranscriptionClient(this);
    }

    private static Duration positive(String name, Duration d) {
      if (d.isNegative() || d.isZero()) {
        throw new IllegalArgumentException(name + ": " + d + " (expected > 0)");
      }
      return d;
    }
  }
}
