package io.ecss.examples.clerk;

import io.ecss.clerk.ClerkAnswer;
import io.ecss.clerk.ClerkMatcher;
import io.ecss.clerk.ClerkService;
import io.ecss.clerk.PhonebookImport;
import io.ecss.clerk.PhonebookImporter;
import io.ecss.clerk.SearchResult;
import io.ecss.examples.DemoSection;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * {@code ecss demo} section for ecss-clerk-matcher: the manual's example ({@code женя казарцев} →
 * {@code 4819}), a unique surname in the dative, an ambiguous first name, and the clerk service's
 * 206/200 answers.
 */
public final class ClerkDemo implements DemoSection {

  static final String BOOK =
      """
      <CiscoIPPhoneDirectory>
        <Title>ECSS-10</Title>
        <DirectoryEntry><Name>Евгений Казарцев</Name><Telephone>4819</Telephone></DirectoryEntry>
        <DirectoryEntry><Name>Алексей Лысенко</Name><Telephone>4301</Telephone></DirectoryEntry>
        <DirectoryEntry><Name>Алексей Лосев</Name><Telephone>4302</Telephone></DirectoryEntry>
        <DirectoryEntry><Name>Владислав Блинов</Name><Telephone>4410</Telephone></DirectoryEntry>
        <DirectoryEntry><Name>Марина Соколова</Name><Telephone>4100</Telephone></DirectoryEntry>
        <DirectoryEntry><Name>Без номера</Name></DirectoryEntry>
      </CiscoIPPhoneDirectory>
      """;

  /** Creates the section; the demo command calls this. */
  public ClerkDemo() {}

  @Override
  public String module() {
    return "ecss-clerk-matcher";
  }

  @Override
  public String title() {
    return "Auto-attendant name search";
  }

  @Override
  public void run(PrintWriter out) throws Exception {
    PhonebookImport book =
        PhonebookImporter.defaults()
            .importStream(new ByteArrayInputStream(BOOK.getBytes(StandardCharsets.UTF_8)), "demo.xml");
    out.println("phonebook (CiscoIPPhoneDirectory): " + book.entries().size() + " imported, "
        + book.skipped() + " skipped");
    ClerkMatcher matcher = ClerkMatcher.builder().phonebook(book.entries()).build();
    search(out, matcher, List.of("женя казарцев", "женя казарцев", "женя"));
    search(out, matcher, List.of("соедините с блиновым", "блинову"));
    search(out, matcher, List.of("алексей"));
    ClerkService service = new ClerkService(matcher);
    ClerkAnswer partial = service.recognize("call-1", List.of("соедините"));
    ClerkAnswer fin = service.recognize("call-1", List.of("женя казарцев", "женя"));
    out.println("clerk service, request call-1:");
    out.println("  chunk 1 → " + partial.status() + " " + partial.toJson());
    out.println("  chunk 2 → " + fin.status() + " " + fin.toJson());
    out.println("  HEAD /call-1/positive_url → " + (service.callback("/call-1/positive_url") ? 200 : 404));
  }

  private static void search(PrintWriter out, ClerkMatcher m, List<String> hypotheses) {
    SearchResult r = m.search(hypotheses);
    out.println("search " + hypotheses + ":");
    switch (r.outcome()) {
      case FOUND -> out.println("  found " + r.number() + " " + r.name() + " via '" + r.variant()
          + "' (" + r.method() + ", hypothesis " + r.hypothesisIndex() + ", " + r.tried().size()
          + " lookups)");
      case AMBIGUOUS -> {
        out.println("  ambiguous (" + r.method() + "), no number; candidates:");
        r.candidates().forEach(c -> out.println("    " + c.number() + " " + c.name()));
      }
      case NOT_FOUND -> out.println("  not found: " + r.recognized());
    }
  }
}
