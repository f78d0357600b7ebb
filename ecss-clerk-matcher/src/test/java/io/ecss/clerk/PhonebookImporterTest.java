package io.ecss.clerk;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PhonebookImporterTest {

  static final String DIRECTORY =
      """
      <?xml version="1.0" encoding="UTF-8"?>
      <CiscoIPPhoneDirectory>
        <Title>Книга</Title>
        <Prompt>Выберите</Prompt>
        <DirectoryEntry><Name>Евгений Казарцев</Name><Telephone>4819</Telephone></DirectoryEntry>
        <DirectoryEntry><Name>Алексей &amp; Co</Name><Telephone>Dial:4301</Telephone></DirectoryEntry>
        <DirectoryEntry><Name><![CDATA[Алексей Лосев]]></Name><Telephone> 4302 </Telephone></DirectoryEntry>
        <DirectoryEntry><Name></Name><Telephone>1</Telephone></DirectoryEntry>
        <DirectoryEntry><Telephone>2</Telephone></DirectoryEntry>
        <DirectoryEntry><Name>Без Номера</Name></DirectoryEntry>
        <DirectoryEntry><Name>Евгений Казарцев</Name><Telephone>4819</Telephone></DirectoryEntry>
        <DirectoryEntry><Name>Евгений Казарцев</Name><Telephone>4820</Telephone></DirectoryEntry>
        <SoftKeyItem><Name>Dial</Name><URL>SoftKey:Dial</URL><Position>1</Position></SoftKeyItem>
      </CiscoIPPhoneDirectory>
      """;

  static final String MENU =
      """
      <CiscoIPPhoneMenu>
        <Title>Book</Title>
        <MenuItem><Name>Марина
      Соколова</Name><URL>Dial:4100</URL></MenuItem>
        <MenuItem><Name>Владислав Блинов</Name><URL>sip:4410@ecss.local;user=phone</URL></MenuItem>
        <MenuItem><Name>Зоя</Name><URL>tel:+7 383 200 00 00</URL></MenuItem>
        <MenuItem><Name>Help</Name><URL>SoftKey:Exit</URL></MenuItem>
        <MenuItem><Name>А-Г</Name><URL>http://book/page2</URL></MenuItem>
        <MenuItem><Name>Пусто</Name></MenuItem>
      </CiscoIPPhoneMenu>
      """;

  private final PhonebookImporter importer = PhonebookImporter.defaults();

  private PhonebookImport parse(String xml) throws IOException {
    return importer.importStream(new ByteArrayInputStream(xml.getBytes(UTF_8)), "test.xml");
  }

  @Test
  void importsDirectoryAndCountsSkipped() throws IOException {
    PhonebookImport book = parse(DIRECTORY);
    assertThat(book.format()).isEqualTo(PhonebookImport.Format.CISCO_DIRECTORY);
    assertThat(book.entries())
        .containsExactly(
            new PhonebookEntry("Евгений Казарцев", "4819"),
            new PhonebookEntry("Алексей & Co", "4301"),
            new PhonebookEntry("Алексей Лосев", "4302"),
            new PhonebookEntry("Евгений Казарцев", "4820"));
    assertThat(book.skippedWithoutName()).isEqualTo(2);
    assertThat(book.skippedWithoutNumber()).isEqualTo(1);
    assertThat(book.duplicates()).isEqualTo(1);
    assertThat(book.ambiguousNames()).isEqualTo(1);
    assertThat(book.skipped()).isEqualTo(3);
    assertThat(book.report())
        .isEqualTo(
            """
            source: test.xml
            format: CISCO_DIRECTORY
            pages: 1
            imported: 4
            skipped without name: 2
            skipped without number: 1
            skipped invalid: 0
            duplicates dropped: 1
            ambiguous names: 1
            """);
  }

  @Test
  void importsMenuWithDialUris() throws IOException {
    PhonebookImport book = parse(MENU);
    assertThat(book.format()).isEqualTo(PhonebookImport.Format.CISCO_MENU);
    assertThat(book.entries())
        .containsExactly(
            new PhonebookEntry("Марина Соколова", "4100"),
            new PhonebookEntry("Владислав Блинов", "4410"),
            new PhonebookEntry("Зоя", "+7 383 200 00 00"));
    assertThat(book.skippedInvalid()).isEqualTo(1);
    assertThat(book.skippedWithoutNumber()).isEqualTo(1);
    assertThat(book.notes())
        .containsExactly("1 paging link(s) not followed (enable followPages), first: http://book/page2");
  }

  @Test
  void readsLegacyEncodingFromTheDeclaration() throws IOException {
    String xml =
        "<?xml version=\"1.0\" encoding=\"windows-1251\"?><CiscoIPPhoneDirectory><DirectoryEntry>"
            + "<Name>Женя</Name><Telephone>1</Telephone></DirectoryEntry></CiscoIPPhoneDirectory>";
    PhonebookImport book =
        importer.importStream(
            new ByteArrayInputStream(xml.getBytes(Charset.forName("windows-1251"))), "cp.xml");
    assertThat(book.entries()).containsExactly(new PhonebookEntry("Женя", "1"));
  }

  @Test
  void importsCsvWithHeaderQuotesAndComments() {
    PhonebookImport book =
        importer.parseCsv(
            "\uFEFFname,number\r\n# comment\n\"Казарцев, Евгений\",4819\n\"Лосев \"\"Лёша\"\"\",4302,extra\n"
                + "Без номера\n,5\n\nАлексей Лысенко,4301",
            "b.csv");
    assertThat(book.entries())
        .containsExactly(
            new PhonebookEntry("Казарцев, Евгений", "4819"),
            new PhonebookEntry("Лосев \"Лёша\"", "4302"),
            new PhonebookEntry("Алексей Лысенко", "4301"));
    assertThat(book.skippedWithoutNumber()).isEqualTo(1);
    assertThat(book.skippedWithoutName()).isEqualTo(1);
    assertThat(book.notes())
        .containsExactly("b.csv: header line skipped: name,number", "b.csv:4: columns after the second ignored");
    assertThatThrownBy(() -> importer.parseCsv("a,1\n\"b,2\n", "q.csv"))
        .isInstanceOf(ClerkFormatException.class)
        .hasMessage("q.csv:2: quoted field not terminated (expected a closing '\"')");
  }

  @Test
  void csvWithCarriageReturnLineEndsKeepsRecordsAfterBlankAndCommentLines() {
    // Classic Mac line ends: a blank or comment line used to skip to the next LF, i.e. to the end.
    PhonebookImport book =
        importer.parseCsv("Иван Петров,100\r\r# отдел\rОльга Сидорова,200\rАнна Белова,300\r", "cr.csv");
    assertThat(book.entries())
        .containsExactly(
            new PhonebookEntry("Иван Петров", "100"),
            new PhonebookEntry("Ольга Сидорова", "200"),
            new PhonebookEntry("Анна Белова", "300"));
    assertThat(importer.parseCsv("# c\r\nА Б,1\r\n\r\nВ Г,2", "crlf.csv").entries()).hasSize(2);
  }

  @Test
  void csvQuoteRunsAreReadInLinearTime() {
    // Each '"' inside an unquoted field used to copy the whole field (quadratic: 1 MB took hours).
    String hostile = "a" + "\"".repeat(1_000_000) + ",1\n";
    PhonebookImport book =
        org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(
            Duration.ofSeconds(10), () -> importer.parseCsv(hostile, "q.csv"));
    assertThat(book.skippedInvalid()).isEqualTo(1);
    // A quote opens a quoted field only at its start (after optional blanks), as before.
    assertThat(importer.parseCsv("  \"Лосев, Алексей\",4302\nЛёша \"Л\",4303\n", "q2.csv").entries())
        .containsExactly(
            new PhonebookEntry("Лосев, Алексей", "4302"), new PhonebookEntry("Лёша \"Л\"", "4303"));
  }

  @Test
  void utf16WithByteOrderMarkIsReadAsXmlOrCsv() throws IOException {
    String xml = "<?xml version=\"1.0\" encoding=\"UTF-16\"?>\n<CiscoIPPhoneDirectory><DirectoryEntry>"
        + "<Name>Евгений Казарцев</Name><Telephone>4819</Telephone></DirectoryEntry>"
        + "</CiscoIPPhoneDirectory>";
    for (Charset cs : List.of(Charset.forName("UTF-16BE"), Charset.forName("UTF-16LE"))) {
      byte[] bom = "\uFEFF".getBytes(cs);
      byte[] body = xml.getBytes(cs);
      byte[] doc = new byte[bom.length + body.length];
      System.arraycopy(bom, 0, doc, 0, bom.length);
      System.arraycopy(body, 0, doc, bom.length, body.length);
      PhonebookImport book = importer.importStream(new ByteArrayInputStream(doc), "u16.xml");
      assertThat(book.format()).isEqualTo(PhonebookImport.Format.CISCO_DIRECTORY);
      assertThat(book.entries()).containsExactly(new PhonebookEntry("Евгений Казарцев", "4819"));
    }
    byte[] csv = "\uFEFFЕвгений Казарцев,4819\r\n".getBytes(Charset.forName("UTF-16LE"));
    PhonebookImport book = importer.importStream(new ByteArrayInputStream(csv), "u16.csv");
    assertThat(book.entries()).containsExactly(new PhonebookEntry("Евгений Казарцев", "4819"));
    assertThat(book.notes()).isEmpty();
  }

  @Test
  void largestMaxBytesDoesNotWrap() throws IOException {
    // maxBytes + 1 overflowed: readNBytes(Integer.MIN_VALUE) threw "len < 0" for every stream.
    PhonebookImporter unlimited = PhonebookImporter.builder().maxBytes(Integer.MAX_VALUE).build();
    PhonebookImport book = unlimited.importStream(
        new ByteArrayInputStream("Евгений Казарцев,4819\n".getBytes(UTF_8)), "big.csv");
    assertThat(book.entries()).containsExactly(new PhonebookEntry("Евгений Казарцев", "4819"));
  }

  @Test
  void csvInWindows1251IsDetected(@TempDir Path dir) throws IOException {
    Path f = dir.resolve("b.csv");
    Files.write(f, "Женя Казарцев,4819\n".getBytes(Charset.forName("windows-1251")));
    PhonebookImport book = importer.importLocation(f.toString());
    assertThat(book.entries()).containsExactly(new PhonebookEntry("Женя Казарцев", "4819"));
    assertThat(book.notes()).singleElement().asString().endsWith("not valid UTF-8, read as windows-1251");
    assertThat(importer.importUrl(f.toUri()).entries()).hasSize(1);
  }

  // ---- hostile XML ----

  @Test
  void rejectsExternalEntities(@TempDir Path dir) throws IOException {
    Path secret = dir.resolve("secret.txt");
    Files.writeString(secret, "TOPSECRET");
    String xxe =
        "<?xml version=\"1.0\"?>\n<!DOCTYPE d [<!ENTITY x SYSTEM \"" + secret.toUri() + "\">]>\n"
            + "<CiscoIPPhoneDirectory><DirectoryEntry><Name>&x;</Name><Telephone>1</Telephone>"
            + "</DirectoryEntry></CiscoIPPhoneDirectory>";
    assertThatThrownBy(() -> parse(xxe))
        .isInstanceOf(ClerkFormatException.class)
        .hasMessageContaining("DOCTYPE not allowed")
        .hasMessageNotContaining("TOPSECRET");
  }

  @Test
  void rejectsBillionLaughs() {
    StringBuilder sb = new StringBuilder("<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\">");
    for (int i = 1; i < 10; i++) {
      sb.append("<!ENTITY lol").append(i).append(" \"");
      for (int k = 0; k < 10; k++) {
        sb.append("&lol").append(i == 1 ? "" : String.valueOf(i - 1)).append(';');
      }
      sb.append("\">");
    }
    sb.append("]><CiscoIPPhoneDirectory><DirectoryEntry><Name>&lol9;</Name><Telephone>1</Telephone>")
        .append("</DirectoryEntry></CiscoIPPhoneDirectory>");
    assertThatThrownBy(() -> parse(sb.toString()))
        .isInstanceOf(ClerkFormatException.class)
        .hasMessageContaining("DOCTYPE not allowed");
  }

  @Test
  void rejectsUndeclaredEntityDeepNestingWrongRootAndMalformedXml() {
    assertThatThrownBy(
            () -> parse("<CiscoIPPhoneDirectory><DirectoryEntry><Name>&x;</Name></DirectoryEntry></CiscoIPPhoneDirectory>"))
        .isInstanceOf(ClerkFormatException.class);
    String deep = "<CiscoIPPhoneMenu>" + "<a>".repeat(100) + "</a>".repeat(100) + "</CiscoIPPhoneMenu>";
    assertThatThrownBy(() -> parse(deep)).hasMessageContaining("nested deeper than 32");
    assertThatThrownBy(() -> parse("<CiscoIPPhoneText><Text>x</Text></CiscoIPPhoneText>"))
        .hasMessage(
            "test.xml:1:19: root element <CiscoIPPhoneText> (expected CiscoIPPhoneDirectory or CiscoIPPhoneMenu)");
    assertThatThrownBy(() -> parse("<CiscoIPPhoneDirectory>\n<DirectoryEntry>\n</Directory>"))
        .isInstanceOf(ClerkFormatException.class)
        .hasMessageStartingWith("test.xml:3:")
        .hasMessageContaining("malformed XML")
        .satisfies(e -> assertThat(((ClerkFormatException) e).line()).isEqualTo(3));
  }

  @Test
  void enforcesSizeAndFieldLimits() throws IOException {
    PhonebookImporter small = PhonebookImporter.builder().maxBytes(200).maxFieldLength(10).build();
    assertThatThrownBy(() -> small.importStream(new ByteArrayInputStream(new byte[201]), "big"))
        .isInstanceOf(ClerkImportException.class)
        .hasMessage("big: document larger than 200 bytes (maxBytes)");
    PhonebookImport book =
        small.importStream(
            new ByteArrayInputStream(
                "<CiscoIPPhoneMenu><MenuItem><Name>ОченьДлинноеИмя</Name><URL>Dial:1</URL></MenuItem></CiscoIPPhoneMenu>"
                    .getBytes(UTF_8)),
            "m");
    assertThat(book.entries()).isEmpty();
    assertThat(book.skippedInvalid()).isEqualTo(1);
    PhonebookImporter two = PhonebookImporter.builder().maxEntries(2).build();
    assertThatThrownBy(() -> two.parseCsv("a,1\nb,2\nc,3\n", "c.csv"))
        .hasMessage("c.csv: more than 2 entries (maxEntries)");
    assertThatThrownBy(() -> PhonebookImporter.builder().maxPages(0))
        .hasMessage("maxPages: 0 (expected > 0)");
    assertThatThrownBy(() -> PhonebookImporter.builder().connectTimeout(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class);
  }

  // ---- HTTP over a real loopback server ----

  private HttpServer server;
  private ExecutorService pool;
  private final CountDownLatch release = new CountDownLatch(1);

  @BeforeEach
  void startServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    pool = Executors.newFixedThreadPool(4);
    server.setExecutor(pool);
    String page1 =
        "<CiscoIPPhoneDirectory><DirectoryEntry><Name>Евгений Казарцев</Name><Telephone>4819</Telephone></DirectoryEntry>"
            + "<SoftKeyItem><Name>Далее</Name><URL>/book?page=2</URL></SoftKeyItem></CiscoIPPhoneDirectory>";
    String page2 =
        "<CiscoIPPhoneDirectory><DirectoryEntry><Name>Алексей Лосев</Name><Telephone>4302</Telephone></DirectoryEntry>"
            + "<SoftKeyItem><Name>Next</Name><URL>/book</URL></SoftKeyItem></CiscoIPPhoneDirectory>";
    server.createContext(
        "/book",
        ex -> {
          String q = ex.getRequestURI().getQuery();
          byte[] body = ("page=2".equals(q) ? page2 : page1).getBytes(UTF_8);
          ex.getResponseHeaders().add("Content-Type", "text/xml; charset=utf-8");
          ex.sendResponseHeaders(200, body.length);
          try (OutputStream os = ex.getResponseBody()) {
            os.write(body);
          }
        });
    server.createContext(
        "/missing",
        ex -> {
          ex.sendResponseHeaders(404, -1);
          ex.close();
        });
    server.createContext(
        "/big",
        ex -> {
          ex.sendResponseHeaders(200, 0);
          try (OutputStream os = ex.getResponseBody()) {
            byte[] chunk = new byte[8192];
            for (int i = 0; i < 64; i++) {
              os.write(chunk);
            }
          } catch (IOException e) {
            // the client hung up after the limit: expected
          }
        });
    server.createContext(
        "/slow",
        ex -> {
          try {
            release.await(10, TimeUnit.SECONDS);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          ex.sendResponseHeaders(204, -1);
          ex.close();
        });
    server.start();
  }

  @AfterEach
  void stopServer() {
    release.countDown();
    server.stop(0);
    pool.shutdownNow();
  }

  private URI url(String path) {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
  }

  @Test
  void httpImportReadsOnePageUnlessPagingIsEnabled() throws IOException {
    PhonebookImport one = importer.importUrl(url("/book"));
    assertThat(one.entries()).containsExactly(new PhonebookEntry("Евгений Казарцев", "4819"));
    assertThat(one.pages()).isEqualTo(1);
    assertThat(one.notes()).singleElement().asString().contains("not followed");
    PhonebookImport all =
        PhonebookImporter.builder().followPages(true).build().importLocation(url("/book").toString());
    assertThat(all.entries())
        .containsExactly(
            new PhonebookEntry("Евгений Казарцев", "4819"), new PhonebookEntry("Алексей Лосев", "4302"));
    assertThat(all.pages()).isEqualTo(2); // page 2 links back to page 1: not read twice
    PhonebookImport capped =
        PhonebookImporter.builder().followPages(true).maxPages(1).build().importUrl(url("/book"));
    assertThat(capped.notes()).singleElement().asString().startsWith("stopped after 1 pages (maxPages)");
  }

  @Test
  void httpErrorsAreReported() {
    assertThatThrownBy(() -> importer.importUrl(url("/missing")))
        .isInstanceOf(ClerkImportException.class)
        .hasMessage("GET " + url("/missing") + ": HTTP 404 (expected 200)");
    PhonebookImporter small = PhonebookImporter.builder().maxBytes(10_000).build();
    assertThatThrownBy(() -> small.importUrl(url("/big")))
        .isInstanceOf(ClerkImportException.class)
        .hasMessage(url("/big") + ": document larger than 10000 bytes (maxBytes)");
    PhonebookImporter quick =
        PhonebookImporter.builder().requestTimeout(Duration.ofMillis(300)).build();
    assertThatThrownBy(() -> quick.importUrl(url("/slow")))
        .isInstanceOf(ClerkImportException.class)
        .hasMessageEndingWith("timed out after 300 ms (requestTimeout)");
    assertThatThrownBy(() -> importer.importUrl(URI.create("ftp://x/y")))
        .hasMessage("unsupported URL scheme: ftp://x/y (expected http, https or file)");
    assertThatThrownBy(() -> importer.importLocation("http://bad host/"))
        .isInstanceOf(ClerkImportException.class)
        .hasMessageStartingWith("bad URL: http://bad host/");
    // A relative or host-qualified file: URL used to escape as "IllegalArgumentException: URI is
    // not hierarchical"; another scheme was taken for a file name ("no such file: ftp:/x/y").
    assertThatThrownBy(() -> importer.importLocation("file:book.xml"))
        .isInstanceOf(ClerkImportException.class)
        .hasMessage("bad file URL: file:book.xml (URI is not hierarchical;"
            + " expected file:///absolute/path or a plain file name)");
    assertThatThrownBy(() -> importer.importLocation("file://host/book.xml"))
        .isInstanceOf(ClerkImportException.class)
        .hasMessageStartingWith("bad file URL: file://host/book.xml (URI has an authority component");
    assertThatThrownBy(() -> importer.importLocation("ftp://x/y"))
        .isInstanceOf(ClerkImportException.class)
        .hasMessage("unsupported URL scheme: ftp://x/y (expected http, https or file)");
  }

  @Test
  void connectionRefusedIsReported() throws IOException {
    int port;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = s.getLocalPort();
    }
    URI u = URI.create("http://127.0.0.1:" + port + "/book");
    assertThatThrownBy(() -> importer.importUrl(u))
        .isInstanceOf(ClerkImportException.class)
        .hasMessageStartingWith("GET " + u + ": ");
    assertThat(List.of(u)).hasSize(1);
  }
}
