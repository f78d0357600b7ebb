package io.ecss.clerk;

import static java.util.Objects.requireNonNull;

import com.google.errorprone.annotations.Immutable;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.xml.XMLConstants;
import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.jspecify.annotations.Nullable;

/**
 * Imports a phonebook from Cisco IP Phone XML ({@code CiscoIPPhoneDirectory}, {@code
 * CiscoIPPhoneMenu}) or plain CSV ({@code name,number}), from a file, a stream or an HTTP(S) URL
 * such as restfs' {@code http://system.restfs.ecss:9990/ssw?host=book&user_agent=cisco_search
 * &translit=false&skip_no_disp=true}.
 *
 * <p>The format is detected from the content: a document whose first non-blank character is
 * {@code <} is XML (root {@code CiscoIPPhoneDirectory} or {@code CiscoIPPhoneMenu}), anything else
 * is CSV. XML is read with DTDs and external entities disabled: a document with a {@code
 * <!DOCTYPE>} is rejected. CSV is UTF-8; a file that is not valid UTF-8 is read as windows-1251
 * (and the report says so). A document starting with a UTF-16 byte order mark is read as UTF-16
 * (XML or CSV).
 *
 * <p>Entries without a name or a number are skipped and counted; so are fields longer than {@link
 * Builder#maxFieldLength} and menu items whose URL is not a dial URI ({@code Dial:}, {@code
 * EditDial:}, {@code tel:}, {@code sip:}). Paging links ({@code SoftKeyItem} named Next / Далее, and
 * {@code MenuItem}s linking to other HTTP pages) are followed only when {@link
 * Builder#followPages(boolean)} is on, at most {@link Builder#maxPages} documents, never the same
 * URL twice.
 *
 * <pre>{@code
 * PhonebookImport book = PhonebookImporter.builder()
 *     .connectTimeout(Duration.ofSeconds(3))
 *     .build()
 *     .importUrl(URI.create("http://system.restfs.ecss:9990/ssw?host=book&user_agent=cisco_search"));
 * System.out.print(book.report());
 * }</pre>
 *
 * <p>Immutable and thread-safe; each import uses its own HTTP client.
 */
@Immutable
public final class PhonebookImporter {
  /** Default size limit of one document: 64 MiB. */
  public static final int DEFAULT_MAX_BYTES = 64 << 20;

  /** Default limit on entries per import: 1,000,000. */
  public static final int DEFAULT_MAX_ENTRIES = 1_000_000;

  private static final int MAX_DEPTH = 32;

  private final int maxBytes;
  private final int maxEntries;
  private final int maxFieldLength;
  private final boolean followPages;
  private final int maxPages;
  private final Duration connectTimeout;
  private final Duration requestTimeout;

  private PhonebookImporter(Builder b) {
    this.maxBytes = b.maxBytes;
    this.maxEntries = b.maxEntries;
    this.maxFieldLength = b.maxFieldLength;
    this.followPages = b.followPages;
    this.maxPages = b.maxPages;
    this.connectTimeout = b.connectTimeout;
    this.requestTimeout = b.requestTimeout;
  }

  /**
   * Returns an importer with the default settings.
   *
   * @return the default importer
   */
  public static PhonebookImporter defaults() {
    return builder().build();
  }

  /**
   * Returns a builder with the default settings.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Settings of an importer. Mutable and not thread-safe; {@link #build} returns an immutable
   * importer.
   */
  public static final class Builder {
    private int maxBytes = DEFAULT_MAX_BYTES;
    private int maxEntries = DEFAULT_MAX_ENTRIES;
    private int maxFieldLength = 256;
    private boolean followPages;
    private int maxPages = 100;
    private Duration connectTimeout = Duration.ofSeconds(5);
    private Duration requestTimeout = Duration.ofSeconds(30);

    private Builder() {}

    /**
     * Sets the size limit of one document (default 64 MiB).
     *
     * @param bytes the limit, at least 1
     * @return this builder
     * @throws IllegalArgumentException when not positive
     */
    public Builder maxBytes(int bytes) {
      this.maxBytes = positive("maxBytes", bytes);
      return this;
    }

    /**
     * Sets the limit on imported entries (default 1,000,000); more is an error.
     *
     * @param entries the limit, at least 1
     * @return this builder
     * @throws IllegalArgumentException when not positive
     */
    public Builder maxEntries(int entries) {
      this.maxEntries = positive("maxEntries", entries);
      return this;
    }

    /**
     * Sets the longest name or number accepted (default 256 characters); longer entries are
     * skipped and counted as invalid.
     *
     * @param chars the limit, at least 1
     * @return this builder
     * @throws IllegalArgumentException when not positive
     */
    public Builder maxFieldLength(int chars) {
      this.maxFieldLength = positive("maxFieldLength", chars);
      return this;
    }

    /**
     * Follows paging links of HTTP(S) documents (default off: only the first document is read and
     * the report notes the links that were not followed).
     *
     * @param follow whether to follow paging links
     * @return this builder
     */
    public Builder followPages(boolean follow) {
      this.followPages = follow;
      return this;
    }

    /**
     * Sets the most documents read when following pages (default 100).
     *
     * @param pages the limit, at least 1
     * @return this builder
     * @throws IllegalArgumentException when not positive
     */
    public Builder maxPages(int pages) {
      this.maxPages = positive("maxPages", pages);
      return this;
    }

    /**
     * Sets the TCP/TLS connect time-out of HTTP imports (default 5 s).
     *
     * @param timeout a positive duration
     * @return this builder
     * @throws IllegalArgumentException when not positive
     */
    public Builder connectTimeout(Duration timeout) {
      this.connectTimeout = positive("connectTimeout", timeout);
      return this;
    }

    /**
     * Sets the time-out of one HTTP request, from sending it to the last byte of the body (default
     * 30 s).
     *
     * @param timeout a positive duration
     * @return this builder
     * @throws IllegalArgumentException when not positive
     */
    public Builder requestTimeout(Duration timeout) {
      this.requestTimeout = positive("requestTimeout", timeout);
      return this;
    }

    /**
     * Builds the importer.
     *
     * @return an immutable importer
     */
    public PhonebookImporter build() {
      return new PhonebookImporter(this);
    }

    private static int positive(String name, int v) {
      if (v <= 0) {
        throw new IllegalArgumentException(name + ": " + v + " (expected > 0)");
      }
      return v;
    }

    private static Duration positive(String name, Duration d) {
      requireNonNull(d, name);
      if (d.isNegative() || d.isZero()) {
        throw new IllegalArgumentException(name + ": " + d + " (expected > 0)");
      }
      return d;
    }
  }

  /**
   * Imports from a file name or an {@code http://}, {@code https://} or {@code file:} URL. Any
   * other {@code scheme://} argument is an unsupported URL, not a file name.
   *
   * @param fileOrUrl a path or URL
   * @return the import
   * @throws IOException when a file cannot be read
   * @throws ClerkFormatException when the document is malformed
   * @throws ClerkImportException when an HTTP import fails, a limit is exceeded, or the URL is
   *     malformed or of another scheme
   */
  public PhonebookImport importLocation(String fileOrUrl) throws IOException {
    String lower = fileOrUrl.toLowerCase(Locale.ROOT);
    if (lower.startsWith("file:") || URL_PREFIX.matcher(fileOrUrl).lookingAt()) {
      try {
        return importUrl(new URI(fileOrUrl));
      } catch (URISyntaxException e) {
        throw new ClerkImportException("bad URL: " + fileOrUrl + " (" + e.getReason() + ")", e);
      }
    }
    return importFile(Path.of(fileOrUrl));
  }

  /**
   * Imports a file (XML or CSV, detected from the content).
   *
   * @param file the file
   * @return the import
   * @throws IOException when the file cannot be read
   * @throws ClerkFormatException when the document is malformed
   * @throws ClerkImportException when a limit is exceeded
   */
  public PhonebookImport importFile(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return importStream(in, file.toString());
    }
  }

  /**
   * Imports a document from a stream (XML or CSV, detected from the content); the stream is read
   * to its end (at most the size limit) and not closed.
   *
   * @param in the stream
   * @param source a label for the report and for error messages
   * @return the import
   * @throws IOException when the stream fails
   * @throws ClerkFormatException when the document is malformed
   * @throws ClerkImportException when a limit is exceeded
   */
  public PhonebookImport importStream(InputStream in, String source) throws IOException {
    // One byte more than the limit tells "too large"; Integer.MAX_VALUE + 1 would wrap negative.
    byte[] data = in.readNBytes(maxBytes == Integer.MAX_VALUE ? maxBytes : maxBytes + 1);
    if (data.length > maxBytes) {
      throw tooLarge(source);
    }
    Collector c = new Collector(source);
    Page page = parseDocument(data, source, c);
    noteLinks(c, page.links);
    return c.finish(page.format, 1);
  }

  /**
   * Imports from an {@code http}, {@code https} or {@code file} URL, following paging links when
   * enabled.
   *
   * @param url the URL
   * @return the import
   * @throws IOException when a {@code file:} URL cannot be read
   * @throws ClerkFormatException when a document is malformed
   * @throws ClerkImportException when the request fails (status other than 200, connection
   *     refused, time-out) or a limit is exceeded
   */
  public PhonebookImport importUrl(URI url) throws IOException {
    String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
    if (scheme.equals("file")) {
      Path file;
      try {
        file = Path.of(url);
      } catch (IllegalArgumentException | java.nio.file.FileSystemNotFoundException e) {
        throw new ClerkImportException(
            "bad file URL: " + url + " (" + e.getMessage()
                + "; expected file:///absolute/path or a plain file name)", e);
      }
      return importFile(file);
    }
    if (!scheme.equals("http") && !scheme.equals("https")) {
      throw new ClerkImportException(
          "unsupported URL scheme: " + url + " (expected http, https or file)");
    }
    HttpClient client =
        HttpClient.newBuilder()
            .connectTimeout(connectTimeout)
            .followRedirects(HttpClient.Redirect.NORMAL)
            .build();
    Collector c = new Collector(url.toString());
    Deque<URI> queue = new ArrayDeque<>();
    Set<URI> seen = new HashSet<>();
    queue.add(url);
    seen.add(url);
    int pages = 0;
    PhonebookImport.Format format = null;
    while (!queue.isEmpty()) {
      if (pages == maxPages) {
        c.notes.add(
            "stopped after " + maxPages + " pages (maxPages); " + queue.size() + " links left");
        break;
      }
      URI page = queue.poll();
      byte[] body = fetch(client, page);
      pages++;
      Page parsed = parseDocument(body, page.toString(), c);
      if (format == null) {
        format = parsed.format;
      }
      if (followPages) {
        for (String link : parsed.links) {
          URI next = resolve(page, link);
          if (next != null && seen.add(next)) {
            queue.add(next);
          }
        }
      } else {
        noteLinks(c, parsed.links);
      }
    }
    return c.finish(requireNonNull(format), pages);
  }

  private static void noteLinks(Collector c, List<String> links) {
    if (!links.isEmpty()) {
      c.notes.add(
          links.size() + " paging link(s) not followed (enable followPages), first: "
              + links.get(0));
    }
  }

  private static @Nullable URI resolve(URI base, String link) {
    try {
      URI u = base.resolve(new URI(link.trim()));
      String s = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
      return s.equals("http") || s.equals("https") ? u : null;
    } catch (URISyntaxException | IllegalArgumentException e) {
      return null;
    }
  }

  private byte[] fetch(HttpClient client, URI uri) {
    HttpRequest req =
        HttpRequest.newBuilder(uri)
            .timeout(requestTimeout)
            .header("Accept", "text/xml, application/xml, text/csv;q=0.5, */*;q=0.1")
            .GET()
            .build();
    int[] status = {0};
    HttpResponse.BodyHandler<byte[]> handler =
        info -> {
          status[0] = info.statusCode();
          if (info.statusCode() != 200) {
            return HttpResponse.BodySubscribers.replacing(new byte[0]);
          }
          return new CappedBody(maxBytes, uri.toString());
        };
    CompletableFuture<HttpResponse<byte[]>> f = client.sendAsync(req, handler);
    HttpResponse<byte[]> resp;
    try {
      // The request time-out of java.net.http ends when the headers arrive; this one covers the body.
      resp = f.get(requestTimeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      f.cancel(true);
      throw new ClerkImportException(
          "GET " + uri + ": timed out after " + requestTimeout.toMillis() + " ms (requestTimeout)",
          e);
    } catch (InterruptedException e) {
      f.cancel(true);
      Thread.currentThread().interrupt();
      throw new ClerkImportException("GET " + uri + ": interrupted", e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause() == null ? e : e.getCause();
      if (cause instanceof ClerkException ce) {
        throw ce;
      }
      throw new ClerkImportException("GET " + uri + ": " + describe(cause), cause);
    }
    if (status[0] != 200) {
      throw new ClerkImportException(
          "GET " + uri + ": HTTP " + status[0] + " (expected 200)");
    }
    return resp.body();
  }

  private String describe(Throwable t) {
    if (t instanceof HttpConnectTimeoutException) {
      return "connect timed out after " + connectTimeout.toMillis() + " ms (connectTimeout)";
    }
    if (t instanceof HttpTimeoutException) {
      return "timed out after " + requestTimeout.toMillis() + " ms (requestTimeout)";
    }
    if (t instanceof ConnectException) {
      return "connection refused";
    }
    String m = t.getMessage();
    return t.getClass().getSimpleName() + (m == null ? "" : ": " + m);
  }

  /** Collects the body into a byte array, failing as soon as it exceeds the limit. */
  private static final class CappedBody implements HttpResponse.BodySubscriber<byte[]> {
    private final CompletableFuture<byte[]> result = new CompletableFuture<>();
    private final ByteArrayOutputStream buf = new ByteArrayOutputStream();
    private final int max;
    private final String source;
    private Flow.@Nullable Subscription subscription;

    CappedBody(int max, String source) {
      this.max = max;
      this.source = source;
    }

    @Override
    public CompletionStage<byte[]> getBody() {
      return result;
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
      subscription = s;
      s.request(Long.MAX_VALUE);
    }

    @Override
    public void onNext(List<ByteBuffer> items) {
      if (result.isDone()) {
        return;
      }
      for (ByteBuffer b : items) {
        if ((long) buf.size() + b.remaining() > max) {
          requireNonNull(subscription).cancel();
          result.completeExceptionally(
              new ClerkImportException(
                  source + ": document larger than " + max + " bytes (maxBytes)"));
          return;
        }
        byte[] chunk = new byte[b.remaining()];
        b.get(chunk);
        buf.write(chunk, 0, chunk.length);
      }
    }

    @Override
    public void onError(Throwable t) {
      result.completeExceptionally(t);
    }

    @Override
    public void onComplete() {
      result.complete(buf.toByteArray());
    }
  }

  private ClerkImportException tooLarge(String source) {
    return new ClerkImportException(
        source + ": document larger than " + maxBytes + " bytes (maxBytes)");
  }

  /** One parsed document: its format and the paging links it holds. */
  private static final class Page {
    final PhonebookImport.Format format;
    final List<String> links;

    Page(PhonebookImport.Format format, List<String> links) {
      this.format = format;
      this.links = links;
    }
  }

  private Page parseDocument(byte[] data, String source, Collector c) {
    int i = 0;
    if (data.length >= 3 && (data[0] & 0xff) == 0xef && (data[1] & 0xff) == 0xbb
        && (data[2] & 0xff) == 0xbf) {
      i = 3;
    }
    while (i < data.length && (data[i] == ' ' || data[i] == '\t' || data[i] == '\r'
        || data[i] == '\n')) {
      i++;
    }
    if (i < data.length && data[i] == '<') {
      return parseXml(data, source, c);
    }
    if (data.length >= 2 && (((data[0] & 0xff) == 0xfe && (data[1] & 0xff) == 0xff)
        || ((data[0] & 0xff) == 0xff && (data[1] & 0xff) == 0xfe))) {
      // UTF-16 with a byte order mark (Windows "Unicode" exports): XML (the parser reads the BOM)
      // or CSV. Read as windows-1251 it used to come out as garbage lines, all skipped.
      String text = new String(data, StandardCharsets.UTF_16);
      if (text.strip().startsWith("<")) {
        return parseXml(data, source, c);
      }
      parseCsv(text, source, c);
      return new Page(PhonebookImport.Format.CSV, List.of());
    }
    String text;
    try {
      text = AliasTable.decodeUtf8(data, source);
    } catch (ClerkFormatException e) {
      text = new String(data, Charset.forName("windows-1251"));
      c.notes.add(source + ": not valid UTF-8, read as windows-1251");
    }
    parseCsv(text, source, c);
    return new Page(PhonebookImport.Format.CSV, List.of());
  }

  /**
   * Parses CSV text, {@code name,number} per record (RFC 4180 quoting; {@code #} comment lines;
   * a first record whose number has no digit is taken as a header; further columns ignored).
   *
   * @param text the CSV text
   * @param source a label for the report and for error messages
   * @return the import
   * @throws ClerkFormatException when a quoted field is not terminated
   * @throws ClerkImportException when there are more entries than the limit
   */
  public PhonebookImport parseCsv(String text, String source) {
    Collector c = new Collector(source);
    parseCsv(text, source, c);
    return c.finish(PhonebookImport.Format.CSV, 1);
  }

  private void parseCsv(String text, String source, Collector c) {
    int pos = text.startsWith("\uFEFF") ? 1 : 0;
    int line = 1;
    boolean first = true;
    boolean extraNoted = false;
    int n = text.length();
    List<String> fields = new ArrayList<>();
    while (pos < n) {
      int recordLine = line;
      // Comment and blank lines, ended by LF, CR LF or a lone CR (as records are).
      if (text.charAt(pos) == '#' || text.charAt(pos) == '\n' || text.charAt(pos) == '\r') {
        while (pos < n && text.charAt(pos) != '\n' && text.charAt(pos) != '\r') {
          pos++;
        }
        if (pos < n && text.charAt(pos) == '\r') {
          pos++;
        }
        if (pos < n && text.charAt(pos) == '\n') {
          pos++;
        }
        line++;
        continue;
      }
      fields.clear();
      StringBuilder field = new StringBuilder();
      boolean quoted = false;
      boolean wasQuoted = false;
      boolean blankSoFar = true; // the field holds only whitespace: a '"' may still open quoting
      while (pos < n) {
        char ch = text.charAt(pos);
        if (quoted) {
          if (ch == '"') {
            if (pos + 1 < n && text.charAt(pos + 1) == '"') {
              field.append('"');
              pos += 2;
              continue;
            }
            quoted = false;
            pos++;
            continue;
          }
          if (ch == '\n') {
            line++;
          }
          field.append(ch);
          pos++;
          continue;
        }
        if (ch == '"' && blankSoFar && !wasQuoted) {
          quoted = true;
          wasQuoted = true;
          blankSoFar = false;
          field.setLength(0);
          pos++;
        } else if (ch == ',') {
          fields.add(field.toString());
          field.setLength(0);
          wasQuoted = false;
          blankSoFar = true;
          pos++;
        } else if (ch == '\n' || ch == '\r') {
          break;
        } else {
          field.append(ch);
          blankSoFar &= Character.isWhitespace(ch);
          pos++;
        }
      }
      if (quoted) {
        throw new ClerkFormatException(
            source, recordLine, 0, "quoted field not terminated (expected a closing '\"')");
      }
      fields.add(field.toString());
      if (pos < n && text.charAt(pos) == '\r') {
        pos++;
      }
      if (pos < n && text.charAt(pos) == '\n') {
        pos++;
      }
      line++;
      if (first) {
        first = false;
        if (fields.size() >= 2 && !hasDigit(fields.get(1))) {
          c.notes.add(source + ": header line skipped: " + String.join(",", fields));
          continue;
        }
      }
      if (fields.size() > 2 && !extraNoted) {
        extraNoted = true;
        c.notes.add(source + ":" + recordLine + ": columns after the second ignored");
      }
      c.add(fields.get(0), fields.size() > 1 ? fields.get(1) : null);
    }
  }

  private static boolean hasDigit(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (Character.isDigit(s.charAt(i))) {
        return true;
      }
    }
    return false;
  }

  private static XMLInputFactory xmlFactory() {
    XMLInputFactory f = XMLInputFactory.newDefaultFactory();
    f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    f.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
    f.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
    f.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
    return f;
  }

  private Page parseXml(byte[] data, String source, Collector c) {
    XMLStreamReader r = null;
    try {
      r = xmlFactory().createXMLStreamReader(new ByteArrayInputStream(data));
      return readXml(r, source, c);
    } catch (XMLStreamException e) {
      Location loc = e.getLocation();
      String msg = e.getMessage() == null ? "malformed XML" : e.getMessage();
      int nl = msg.indexOf("\nMessage: ");
      if (nl >= 0) {
        msg = msg.substring(nl + "\nMessage: ".length());
      }
      throw new ClerkFormatException(
          source,
          loc == null ? 0 : Math.max(0, loc.getLineNumber()),
          loc == null ? 0 : Math.max(0, loc.getColumnNumber()),
          "malformed XML: " + msg.strip(),
          e);
    } finally {
      if (r != null) {
        try {
          r.close();
        } catch (XMLStreamException ignored) {
          // Closing a reader over a byte array cannot fail in a way the caller could act on.
        }
      }
    }
  }

  private Page readXml(XMLStreamReader r, String source, Collector c) throws XMLStreamException {
    PhonebookImport.Format format = null;
    List<String> links = new ArrayList<>();
    int depth = 0;
    String item = null; // DirectoryEntry, MenuItem or SoftKeyItem being read
    Map<String, StringBuilder> fields = new HashMap<>();
    StringBuilder text = null;
    String fieldName = null;
    while (r.hasNext()) {
      int ev = r.next();
      switch (ev) {
        case XMLStreamConstants.DTD ->
            throw xmlError(source, r, "DOCTYPE not allowed (DTDs and entities are disabled)");
        case XMLStreamConstants.ENTITY_REFERENCE ->
            throw xmlError(source, r, "undeclared entity &" + r.getLocalName() + ";");
        case XMLStreamConstants.START_ELEMENT -> {
          depth++;
          if (depth > MAX_DEPTH) {
            throw xmlError(source, r, "elements nested deeper than " + MAX_DEPTH);
          }
          String name = r.getLocalName();
          if (depth == 1) {
            if (name.equals("CiscoIPPhoneDirectory")) {
              format = PhonebookImport.Format.CISCO_DIRECTORY;
            } else if (name.equals("CiscoIPPhoneMenu")) {
              format = PhonebookImport.Format.CISCO_MENU;
            } else {
              throw xmlError(
                  source,
                  r,
                  "root element <" + name
                      + "> (expected CiscoIPPhoneDirectory or CiscoIPPhoneMenu)");
            }
          } else if (depth == 2
              && (name.equals("DirectoryEntry") || name.equals("MenuItem")
                  || name.equals("SoftKeyItem"))) {
            item = name;
            fields.clear();
          } else if (depth == 3 && item != null) {
            fieldName = name;
            text = new StringBuilder();
          }
        }
        case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
          if (text != null && text.length() <= maxFieldLength) {
            int take = Math.min(r.getTextLength(), maxFieldLength + 1 - text.length());
            text.append(r.getTextCharacters(), r.getTextStart(), take);
          }
        }
        case XMLStreamConstants.END_ELEMENT -> {
          if (depth == 3 && item != null && text != null && fieldName != null) {
            fields.put(fieldName, text);
            text = null;
            fieldName = null;
          } else if (depth == 2 && item != null) {
            finishItem(item, fields, c, links);
            item = null;
          }
          depth--;
        }
        default -> {
          // comments, processing instructions, document start and end: nothing to read
        }
      }
    }
    if (format == null) {
      throw new ClerkFormatException(source, 0, 0, "no root element");
    }
    return new Page(format, links);
  }

  private void finishItem(
      String item, Map<String, StringBuilder> fields, Collector c, List<String> links) {
    StringBuilder nameSb = fields.get("Name");
    String name = nameSb == null ? null : nameSb.toString();
    switch (item) {
      case "DirectoryEntry" -> {
        StringBuilder tel = fields.get("Telephone");
        c.add(name, tel == null ? null : stripDialPrefix(tel.toString()));
      }
      case "MenuItem" -> {
        StringBuilder url = fields.get("URL");
        String u = url == null ? null : url.toString().trim();
        if (u != null && isHttp(u)) {
          links.add(u);
        } else if (u == null || u.isEmpty()) {
          c.add(name, null);
        } else {
          String number = dialNumber(u);
          if (number == null) {
            c.skippedInvalid++;
          } else {
            c.add(name, number);
          }
        }
      }
      default -> { // SoftKeyItem
        StringBuilder url = fields.get("URL");
        if (name != null && url != null && isNextKey(name) && isHttp(url.toString().trim())) {
          links.add(url.toString().trim());
        }
      }
    }
  }

  /** An HTTP(S) URL, or a relative reference (no scheme) resolved against the page's URL. */
  private static boolean isHttp(String u) {
    String l = u.toLowerCase(Locale.ROOT);
    return l.startsWith("http://") || l.startsWith("https://")
        || (!u.isEmpty() && !SCHEME.matcher(u).lookingAt());
  }

  /** {@code scheme://}: a URL (a path such as {@code C:\\book.xml} has no {@code //}). */
  private static final java.util.regex.Pattern URL_PREFIX =
      java.util.regex.Pattern.compile("[A-Za-z][A-Za-z0-9+.-]+://");

  private static final java.util.regex.Pattern SCHEME =
      java.util.regex.Pattern.compile("[A-Za-z][A-Za-z0-9+.-]*:");

  private static boolean isNextKey(String name) {
    String n = Names.normalize(name);
    return n.equals("next") || n.equals("далее") || n.equals("след") || n.equals("следующая")
        || n.equals("more") || n.equals("вперед") || name.trim().equals(">>")
        || name.trim().equals(">");
  }

  private static String stripDialPrefix(String tel) {
    String t = tel.trim();
    String l = t.toLowerCase(Locale.ROOT);
    for (String p : new String[] {"dial:", "editdial:", "tel:"}) {
      if (l.startsWith(p)) {
        return t.substring(p.length()).trim();
      }
    }
    return t;
  }

  /** The number of a dial URI ({@code Dial:}, {@code EditDial:}, {@code tel:}, {@code sip:}). */
  private static @Nullable String dialNumber(String url) {
    String l = url.toLowerCase(Locale.ROOT);
    String rest;
    if (l.startsWith("dial:") || l.startsWith("tel:")) {
      rest = url.substring(url.indexOf(':') + 1);
    } else if (l.startsWith("editdial:")) {
      rest = url.substring("editdial:".length());
    } else if (l.startsWith("sip:") || l.startsWith("sips:")) {
      rest = url.substring(url.indexOf(':') + 1);
      int at = rest.indexOf('@');
      if (at >= 0) {
        rest = rest.substring(0, at);
      }
    } else {
      return null;
    }
    int semi = rest.indexOf(';');
    if (semi >= 0) {
      rest = rest.substring(0, semi);
    }
    rest = rest.trim();
    return rest.isEmpty() ? null : rest;
  }

  private static ClerkFormatException xmlError(String source, XMLStreamReader r, String problem) {
    Location loc = r.getLocation();
    return new ClerkFormatException(
        source, Math.max(0, loc.getLineNumber()), Math.max(0, loc.getColumnNumber()), problem);
  }

  /** Accumulates entries and counters over the pages of one import. Not thread-safe. */
  private final class Collector {
    final String source;
    final List<PhonebookEntry> entries = new ArrayList<>();
    final Set<String> seen = new HashSet<>();
    final Map<String, String> firstNumber = new HashMap<>();
    final Set<String> ambiguous = new LinkedHashSet<>();
    final List<String> notes = new ArrayList<>();
    int skippedWithoutName;
    int skippedWithoutNumber;
    int skippedInvalid;
    int duplicates;

    Collector(String source) {
      this.source = source;
    }

    void add(@Nullable String name, @Nullable String number) {
      if (name == null || Names.normalize(name).isEmpty()) {
        skippedWithoutName++;
        return;
      }
      if (number == null || number.isBlank()) {
        skippedWithoutNumber++;
        return;
      }
      if (name.length() > maxFieldLength || number.length() > maxFieldLength) {
        skippedInvalid++;
        return;
      }
      PhonebookEntry e = new PhonebookEntry(name, number);
      String key = Names.normalize(e.name());
      if (!seen.add(key + '\u0000' + e.number())) {
        duplicates++;
        return;
      }
      String prev = firstNumber.putIfAbsent(key, e.number());
      if (prev != null && !prev.equals(e.number())) {
        ambiguous.add(key);
      }
      if (entries.size() == maxEntries) {
        throw new ClerkImportException(
            source + ": more than " + maxEntries + " entries (maxEntries)");
      }
      entries.add(e);
    }

    PhonebookImport finish(PhonebookImport.Format format, int pages) {
      return new PhonebookImport(
          source,
          format,
          entries,
          pages,
          skippedWithoutName,
          skippedWithoutNumber,
          skippedInvalid,
          duplicates,
          ambiguous.size(),
          notes);
    }
  }
}
