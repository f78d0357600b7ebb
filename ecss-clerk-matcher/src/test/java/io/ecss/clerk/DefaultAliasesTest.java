package io.ecss.clerk;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The default alias table is compiled from the hand-written seed in test resources. Run with
 * {@code -Dclerk.regenerateAliases=true} to rewrite {@code src/main/resources/.../ru-first-names.aliases}
 * after editing the seed.
 */
class DefaultAliasesTest {
  private static final String MAIN_RESOURCE =
      "src/main/resources/io/ecss/clerk/ru-first-names.aliases";

  /** Compiles the seed: FULL GENDER: form, form, ... → "form = full1, full2" sorted by form. */
  static String compile(String seed) {
    Map<String, Set<String>> byForm = new TreeMap<>();
    Set<String> names = new LinkedHashSet<>();
    int lineNo = 0;
    for (String raw : seed.split("\n", -1)) {
      lineNo++;
      String line = raw.contains("#") ? raw.substring(0, raw.indexOf('#')) : raw;
      if (line.isBlank()) {
        continue;
      }
      int colon = line.indexOf(':');
      if (colon < 0) {
        throw new IllegalArgumentException("seed line " + lineNo + ": missing ':'");
      }
      String[] head = line.substring(0, colon).trim().split("\\s+", -1);
      if (head.length != 2 || !(head[1].equals("m") || head[1].equals("f"))) {
        throw new IllegalArgumentException("seed line " + lineNo + ": expected 'NAME m|f:'");
      }
      String full = Names.normalize(head[0]);
      names.add(full);
      for (String f : line.substring(colon + 1).split(",", -1)) {
        String form = Names.normalize(f);
        if (!form.isEmpty() && !form.equals(full)) {
          byForm.computeIfAbsent(form, k -> new LinkedHashSet<>()).add(full);
        }
      }
    }
    int pairs = byForm.values().stream().mapToInt(Set::size).sum();
    StringBuilder sb = new StringBuilder();
    sb.append("# Default Russian first-name aliases of ecss-clerk-matcher: diminutive, affectionate\n");
    sb.append("# and colloquial forms -> full names (one-to-many, both genders).\n");
    sb.append("# Compiled from src/test/resources/io/ecss/clerk/ru-first-names.seed by\n");
    sb.append("# DefaultAliasesTest (-Dclerk.regenerateAliases=true); do not edit by hand.\n");
    sb.append("# ").append(byForm.size()).append(" keys, ").append(pairs).append(" pairs, ")
        .append(names.size()).append(" full names.\n");
    byForm.forEach((k, v) -> sb.append(k).append(" = ").append(String.join(", ", v)).append('\n'));
    return sb.toString();
  }

  private static String seed() throws IOException {
    try (InputStream in = DefaultAliasesTest.class.getResourceAsStream("ru-first-names.seed")) {
      return new String(in.readAllBytes(), UTF_8);
    }
  }

  @Test
  void resourceIsCompiledFromSeed() throws IOException {
    String expected = compile(seed());
    Path main = Path.of(MAIN_RESOURCE);
    if (Boolean.getBoolean("clerk.regenerateAliases")) {
      Files.writeString(main, expected, UTF_8);
    }
    assertThat(Files.readString(main, UTF_8))
        .as("run with -Dclerk.regenerateAliases=true after editing the seed")
        .isEqualTo(expected);
  }

  @Test
  void coversAtLeast300NamesWith1500Rows() {
    AliasTable t = AliasTable.defaultRussian();
    assertThat(t.kind()).isEqualTo(AliasTable.Kind.WORD);
    assertThat(t.size()).isGreaterThanOrEqualTo(1500);
    assertThat(t.pairCount()).isGreaterThanOrEqualTo(t.size());
    assertThat(t.values()).hasSizeGreaterThanOrEqualTo(300);
  }

  @Test
  void isOneToManyAndNeverPicksAGender() {
    AliasTable t = AliasTable.defaultRussian();
    assertThat(t.expansions("женя")).containsExactly("евгений", "божена", "евгения");
    assertThat(t.expansions("саша")).contains("александр", "александра");
    assertThat(t.expansions("валя")).contains("валентин", "валентина");
    assertThat(t.expansions("шура")).contains("александр", "александра");
    assertThat(t.expansions("слава"))
        .contains("вячеслав", "владислав", "станислав", "ярослав", "ярослава");
    assertThat(t.expansions("лешка")).containsExactly("алексей");
  }

  @Test
  void everyFormIsOneCyrillicWordAndNoValueIsAKeyOfItself() {
    AliasTable t = AliasTable.defaultRussian();
    List<String> bad = new ArrayList<>();
    t.rules().forEach(
        (k, vs) -> {
          if (!k.matches("[а-я]+") || vs.contains(k)) {
            bad.add(k);
          }
        });
    assertThat(bad).isEmpty();
  }
}
