package io.ecss.clerk;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's quick start, verbatim between the markers. */
class QuickStartTest {

  @Test
  void readmeQuickStartRuns(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("book.csv");
    Files.writeString(file, "Евгений Казарцев,4819\n", StandardCharsets.UTF_8);
    String phonebookFileOrUrl = file.toString();
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    PrintStream saved = System.out;
    System.setOut(new PrintStream(buf, true, StandardCharsets.UTF_8));
    try {
      // --- README quick start ---
      PhonebookImport book = PhonebookImporter.builder()
          .connectTimeout(Duration.ofSeconds(3))
          .requestTimeout(Duration.ofSeconds(10))
          .build()
          .importLocation(phonebookFileOrUrl);                 // Cisco XML or CSV, file or http(s)
      System.out.print(book.report());                         // imported, skipped, duplicates...
      ClerkMatcher matcher = ClerkMatcher.builder().phonebook(book.entries()).build();
      SearchResult r = matcher.search("женя казарцев", "женя казарцев", "женя");
      if (r.found()) {
        System.out.println(r.number() + " " + r.name());      // 4819 Евгений Казарцев
      }
      // --- end ---
    } finally {
      System.setOut(saved);
    }
    assertThat(buf.toString(StandardCharsets.UTF_8)).contains("imported: 1\n").endsWith("4819 Евгений Казарцев\n");
  }
}
