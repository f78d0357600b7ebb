package io.ecss.clerk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

class ClerkMatcherTest {

  private static final List<PhonebookEntry> BOOK =
      List.of(
          new PhonebookEntry("Евгений Казарцев", "4819"),
          new PhonebookEntry("Алексей Лысенко", "4301"),
          new PhonebookEntry("Алексей Лосев", "4302"),
          new PhonebookEntry("Владислав Блинов", "4410"),
          new PhonebookEntry("Марина Соколова", "4100"));

  private static ClerkMatcher matcher(List<PhonebookEntry> book) {
    return ClerkMatcher.builder().phonebook(book).build();
  }

  private static AliasTable words(String text) {
    return AliasTable.parse(text, "test", AliasTable.Kind.WORD);
  }

  private static AliasTable hard(String text) {
    return AliasTable.parse(text, "test", AliasTable.Kind.HARD);
  }

  @Test
  void manualExample() {
    SearchResult r = matcher(BOOK).search("женя казарцев", "женя казарцев", "женя");
    assertThat(r.found()).isTrue();
    assertThat(r.number()).isEqualTo("4819");
    assertThat(r.name()).isEqualTo("Евгений Казарцев");
    assertThat(r.hypothesisIndex()).isZero();
    assertThat(r.hypothesis()).isEqualTo("женя казарцев");
    assertThat(r.variant()).isEqualTo("евгений казарцев");
    assertThat(r.method()).isEqualTo(SearchResult.Method.EXACT);
    assertThat(r.fuzzy()).isFalse();
    assertThat(r.score()).isEqualTo(1.0);
    assertThat(r.recognized()).isEqualTo("женя казарцев");
    // "женя казарцев" and its permutation are tried (and miss) before the alias "евгений" hits
    assertThat(r.tried())
        .containsExactly("женя казарцев", "казарцев женя", "евгений казарцев");
    assertThat(r.steps()).anyMatch(s -> s.startsWith("aliases: 'женя казарцев' → [женя казарцев, евгений казарцев"));
  }

  @Test
  void manualExampleWithManualsAliasOrder() {
    ClerkMatcher m =
        ClerkMatcher.builder()
            .phonebook(BOOK)
            .aliases(words("женя = божена, евгений, евгения"))
            .build();
    SearchResult r = m.search("женя казарцев", "женя казарцев", "женя");
    assertThat(r.number()).isEqualTo("4819");
    // the manual's list: ["женя казарцев", "божена казарцев", "евгений казарцев", ...]
    assertThat(r.tried())
        .containsExactly(
            "женя казарцев", "казарцев женя", "божена казарцев", "казарцев божена",
            "евгений казарцев");
  }

  // ---- each step in isolation ----

  @Test
  void step1HardAliasReplacesTheWholeString() {
    ClerkMatcher m =
        ClerkMatcher.builder()
            .phonebook(BOOK)
            .hardAliases(hard("бухгалтерия = марина соколова\nглавный = владислав блинов"))
            .build();
    SearchResult r = m.search("Бухгалтерия!");
    assertThat(r.number()).isEqualTo("4100");
    assertThat(r.tried()).containsExactly("марина соколова");
    assertThat(r.steps()).contains("hard alias: 'бухгалтерия' → [марина соколова]");
    // only the whole string: a hypothesis containing the key is not replaced
    assertThat(m.search("бухгалтерия срочно").found()).isFalse();
  }

  @Test
  void step2AliasExpansionListsTheStringThenEveryReplacement() {
    ClerkMatcher m =
        ClerkMatcher.builder()
            .phonebook(List.of(new PhonebookEntry("Зоя Космодемьянская", "1")))
            .aliases(words("а = б, в\nх = у"))
            .build();
    ClerkMatcher.Run run = new ClerkMatcher.Run();
    assertThat(m.expandAliases("а х", run)).containsExactly("а х", "а у", "б х", "б у", "в х", "в у");
    assertThat(m.expandAliases("нет алиасов", run)).containsExactly("нет алиасов");
  }

  @Test
  void step3PermutationsAreTriedInOrderIdentityFirst() {
    ClerkMatcher m = matcher(List.of(new PhonebookEntry("Казарцев Евгений", "4819")));
    SearchResult r = m.search("евгений казарцев");
    assertThat(r.number()).isEqualTo("4819");
    assertThat(r.variant()).isEqualTo("казарцев евгений");
    assertThat(r.tried()).containsExactly("евгений казарцев", "казарцев евгений");
  }

  @Test
  void step3UniqueNameIsReplacedByTheFullName() {
    SearchResult r = matcher(BOOK).search("казарцев");
    assertThat(r.number()).isEqualTo("4819");
    assertThat(r.variant()).isEqualTo("казарцев");
    assertThat(r.tried()).containsExactly("евгений казарцев");
    assertThat(r.steps()).contains("unique name 'казарцев' → 'евгений казарцев'");
  }

  @Test
  void step3NameThatIsNotUniqueIsNotSubstituted() {
    ClerkMatcher m = ClerkMatcher.builder().phonebook(BOOK).fuzzy(false).build();
    SearchResult r = m.search("алексей");
    assertThat(r.found()).isFalse();
    assertThat(r.outcome()).isEqualTo(SearchResult.Outcome.NOT_FOUND);
    assertThat(r.tried()).containsExactly("алексей");
    assertThat(r.steps()).noneMatch(s -> s.startsWith("unique name"));
  }

  @Test
  void uniqueNameOnlyAsAWholeStringNotAsASubstring() {
    ClerkMatcher m = ClerkMatcher.builder().phonebook(BOOK).caseEndings(false).fuzzy(false).build();
    // "лысенко" is unique, but "лысенко алексей петрович" as a whole is not a unique name
    assertThat(m.search("лысенко алексей петрович").found()).isFalse();
  }

  @Test
  void hypothesesAreTriedInOrderAndTheFirstHitWins() {
    SearchResult r = matcher(BOOK).search("алексей лысенко", "алексей лосев", "алексей");
    assertThat(r.number()).isEqualTo("4301");
    assertThat(r.hypothesisIndex()).isZero();
    SearchResult r2 = matcher(BOOK).search("неизвестный абонент", "алексей лосев", "алексей");
    assertThat(r2.number()).isEqualTo("4302");
    assertThat(r2.hypothesisIndex()).isEqualTo(1);
    assertThat(r2.recognized()).isEqualTo("неизвестный абонент");
  }

  @Test
  void stepsRunInTheManualsOrder() {
    // hard alias → alias expansion → permutation → unique-name substitution → lookup
    ClerkMatcher m =
        ClerkMatcher.builder()
            .phonebook(List.of(new PhonebookEntry("Казарцев Евгений", "4819")))
            .hardAliases(hard("директор = жека"))
            .aliases(words("жека = евгений"))
            .build();
    SearchResult r = m.search("директор");
    assertThat(r.number()).isEqualTo("4819");
    assertThat(r.steps())
        .containsSubsequence(
            "hard alias: 'директор' → [жека]",
            "aliases: 'жека' → [жека, евгений]",
            "unique name 'евгений' → 'казарцев евгений'",
            "found 'Казарцев Евгений' → 4819 (EXACT)");
  }

  // ---- ambiguity, aliases ----

  @Test
  void duplicateFullNameIsAmbiguousAndReturnsNoNumber() {
    List<PhonebookEntry> book =
        List.of(
            new PhonebookEntry("Иван Петров", "101"),
            new PhonebookEntry("Иван Петров", "102"),
            new PhonebookEntry("Иван Петров", "101"));
    SearchResult r = matcher(book).search("ваня петров");
    assertThat(r.outcome()).isEqualTo(SearchResult.Outcome.AMBIGUOUS);
    assertThat(r.found()).isFalse();
    assertThat(r.number()).isNull();
    assertThat(r.candidates())
        .containsExactly(
            new SearchResult.Candidate("Иван Петров", "101"),
            new SearchResult.Candidate("Иван Петров", "102"));
    assertThat(matcher(book).size()).isEqualTo(2);
  }

  @Test
  void oneToManyAliasLetsThePhonebookChooseTheGender() {
    List<PhonebookEntry> book =
        List.of(
            new PhonebookEntry("Евгения Казарцева", "5001"),
            new PhonebookEntry("Александр Иванов", "5002"),
            new PhonebookEntry("Александра Петрова", "5003"));
    assertThat(matcher(book).search("женя казарцева").number()).isEqualTo("5001");
    assertThat(matcher(book).search("саша иванов").number()).isEqualTo("5002");
    assertThat(matcher(book).search("саша петрова").number()).isEqualTo("5003");
    assertThat(matcher(book).search("шура петрова").variant()).isEqualTo("александра петрова");
  }

  @Test
  void noDefaultAliases() {
    ClerkMatcher m =
        ClerkMatcher.builder()
            .phonebook(BOOK)
            .aliases(AliasTable.empty(AliasTable.Kind.WORD))
            .fuzzy(false)
            .build();
    assertThat(m.search("женя казарцев").found()).isFalse();
    assertThatThrownBy(() -> ClerkMatcher.builder().aliases(hard("a = b")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ClerkMatcher.builder().hardAliases(words("a = b")))
        .isInstanceOf(IllegalArgumentException.class);
  }

  // ---- permutations of 1–4 words ----

  static Stream<List<String>> permutationsOf1To4Words() {
    List<String> all = List.of("анна", "мария", "петровна", "сидорова");
    List<List<String>> out = new ArrayList<>();
    for (int n = 1; n <= 4; n++) {
      List<String> words = all.subList(0, n);
      int[] p = IntStream.range(0, n).toArray();
      do {
        List<String> perm = new ArrayList<>();
        for (int i : p) {
          perm.add(words.get(i));
        }
        out.add(perm);
      } while (ClerkMatcher.nextPermutation(p));
    }
    return out.stream();
  }

  @ParameterizedTest
  @MethodSource("permutationsOf1To4Words")
  void everyPermutationOfTheNameFindsIt(List<String> spoken) {
    int n = spoken.size();
    String full = String.join(" ", List.of("анна", "мария", "петровна", "сидорова").subList(0, n));
    ClerkMatcher m =
        ClerkMatcher.builder()
            .phonebook(
                List.of(new PhonebookEntry(full, "7" + n), new PhonebookEntry("Иван Иванов", "1")))
            .aliases(AliasTable.empty(AliasTable.Kind.WORD))
            .fuzzy(false)
            .caseEndings(false)
            .build();
    SearchResult r = m.search(String.join(" ", spoken));
    assertThat(r.number()).as("%s", spoken).isEqualTo("7" + n);
    assertThat(r.tried().size()).isLessThanOrEqualTo(factorial(n));
    assertThat(r.limitsHit()).isEmpty();
  }

  private static int factorial(int n) {
    return n <= 1 ? 1 : n * factorial(n - 1);
  }

  @Test
  void fiveWordsAreNotPermutedAndTheLimitIsReported() {
    ClerkMatcher m =
        ClerkMatcher.builder()
            .phonebook(List.of(new PhonebookEntry("а б в г д", "1")))
            .fuzzy(false)
            .build();
    SearchResult r = m.search("б а в г д");
    assertThat(r.found()).isFalse();
    assertThat(r.tried()).containsExactly("б а в г д");
    assertThat(r.limitsHit()).containsExactly("maxPermutationWords=4");
    assertThat(m.search("а б в г д").number()).isEqualTo("1");
  }

  // ---- transliteration ----

  @Test
  void latinPhonebookMatchesCyrillicHypothesesWithTranslit() {
    List<PhonebookEntry> latin =
        List.of(
            new PhonebookEntry("Evgenii Kazartsev", "4819"),
            new PhonebookEntry("Yuliya Shheglova", "4820"),
            new PhonebookEntry("Aleksei Lysenko", "4301"));
    ClerkMatcher m =
        ClerkMatcher.builder()
            .phonebook(latin)
            .transliteration(Transliteration.ICAO_9303, Transliteration.GOST_7_79_B)
            .build();
    assertThat(m.search("женя казарцев").number()).isEqualTo("4819");
    assertThat(m.search("юля щеглова").number()).isEqualTo("4820");
    assertThat(m.search("лысенко").number()).isEqualTo("4301");
    assertThat(m.search("женя казарцев").variant()).isEqualTo("evgenii kazartsev");
    ClerkMatcher plain = ClerkMatcher.builder().phonebook(latin).fuzzy(false).build();
    assertThat(plain.search("женя казарцев").found()).isFalse();
  }

  // ---- fallbacks ----

  @Test
  void caseEndingsFallbackIsMarked() {
    SearchResult r = matcher(BOOK).search("позвоните казарцеву");
    // two words, the first unknown: nothing; a plain oblique name works
    assertThat(r.found()).isFalse();
    SearchResult r2 = matcher(BOOK).search("евгению казарцеву");
    assertThat(r2.number()).isEqualTo("4819");
    assertThat(r2.method()).isEqualTo(SearchResult.Method.CASE_ENDING);
    assertThat(r2.fuzzy()).isTrue();
    assertThat(r2.variant()).isEqualTo("евгений казарцев");
    SearchResult r3 = matcher(BOOK).search("владислава блинова");
    assertThat(r3.number()).isEqualTo("4410");
    SearchResult r4 = matcher(BOOK).search("марины соколовой");
    assertThat(r4.number()).isEqualTo("4100");
    SearchResult r5 = matcher(BOOK).search("жене казарцеву");
    assertThat(r5.number()).isEqualTo("4819");
  }

  @Test
  void recognizedSkipsHypothesesWithoutLettersOrDigits() {
    SearchResult r = matcher(BOOK).search("  ", "?!", "кто-то  там");
    assertThat(r.found()).isFalse();
    assertThat(r.recognized()).isEqualTo("кто-то там");
  }

  @Test
  void caseEndingsReadTheInstrumentalOfNamesInIy() {
    // "соедините с Евгением Казарцевым": -ием (Евгением, Дмитрием, Юрием) had no rule, so only the
    // fuzzy fallback could rescue it.
    assertThat(CaseEndings.candidates("евгением")).contains("евгений");
    assertThat(CaseEndings.candidates("дмитрием")).contains("дмитрий");
    ClerkMatcher exactOnly = ClerkMatcher.builder().phonebook(BOOK).fuzzy(false).build();
    SearchResult r = exactOnly.search("евгением казарцевым");
    assertThat(r.number()).isEqualTo("4819");
    assertThat(r.method()).isEqualTo(SearchResult.Method.CASE_ENDING);
    assertThat(r.variant()).isEqualTo("евгений казарцев");
  }

  @Test
  void fuzzyFallbackIsMarkedWithAScore() {
    SearchResult r = matcher(BOOK).search("евгений казарцеф");
    assertThat(r.number()).isEqualTo("4819");
    assertThat(r.method()).isEqualTo(SearchResult.Method.FUZZY);
    assertThat(r.fuzzy()).isTrue();
    assertThat(r.score()).isBetween(0.8, 0.99);
    SearchResult r2 = matcher(BOOK).search("блинов владислаф");
    assertThat(r2.number()).isEqualTo("4410");
  }

  @Test
  void fuzzyMatchesANameWithPatronymic() {
    ClerkMatcher m = matcher(List.of(new PhonebookEntry("Казарцев Евгений Петрович", "4819")));
    SearchResult r = m.search("евгений казарцев");
    assertThat(r.number()).isEqualTo("4819");
    assertThat(r.method()).isEqualTo(SearchResult.Method.FUZZY);
    assertThat(r.score()).isLessThan(1.0);
  }

  @Test
  void fuzzyTieNeverReturnsANumber() {
    ClerkMatcher m =
        matcher(
            List.of(
                new PhonebookEntry("Иван Петров", "1"), new PhonebookEntry("Иван Петрив", "2")));
    SearchResult r = m.search("иван петрув");
    assertThat(r.outcome()).isEqualTo(SearchResult.Outcome.AMBIGUOUS);
    assertThat(r.number()).isNull();
    assertThat(r.method()).isEqualTo(SearchResult.Method.FUZZY);
    assertThat(r.candidates()).extracting(SearchResult.Candidate::number).containsExactly("1", "2");
  }

  @Test
  void fallbacksAreNeverUsedWhenTheExactSearchSucceeds() {
    // "алексей лосев" (hypothesis 1) hits exactly, although hypothesis 0 is one edit from another name
    SearchResult r = matcher(BOOK).search("алексей лысенка", "алексей лосев");
    assertThat(r.number()).isEqualTo("4302");
    assertThat(r.method()).isEqualTo(SearchResult.Method.EXACT);
  }

  @Test
  void shortWordsAreNotFuzzyMatched() {
    ClerkMatcher m = matcher(List.of(new PhonebookEntry("Ян Ли", "1")));
    assertThat(m.search("ян ли").found()).isTrue();
    assertThat(m.search("ян лу").found()).isFalse();
  }

  @Test
  void notFoundReportsTheRecognisedString() {
    SearchResult r = matcher(BOOK).search("  ", "Неизвестный   Абонент", "никто");
    assertThat(r.outcome()).isEqualTo(SearchResult.Outcome.NOT_FOUND);
    assertThat(r.method()).isEqualTo(SearchResult.Method.NONE);
    assertThat(r.recognized()).isEqualTo("Неизвестный Абонент");
    assertThat(r.hypothesisIndex()).isEqualTo(-1);
    assertThat(r.tried()).contains("неизвестный абонент", "абонент неизвестный", "никто");
    assertThat(matcher(BOOK).search().recognized()).isEmpty();
  }

  // ---- limits, huge input ----

  @Test
  void hugeHypothesisIsCutAndReported() {
    String huge = "слово ".repeat(200_000) + "казарцев";
    long t0 = System.nanoTime();
    SearchResult r = matcher(BOOK).search(huge, "казарцев");
    assertThat((System.nanoTime() - t0) / 1_000_000).isLessThan(2_000);
    assertThat(r.number()).isEqualTo("4819");
    assertThat(r.hypothesisIndex()).isEqualTo(1);
    assertThat(r.limitsHit()).contains("maxHypothesisLength=256", "maxPermutationWords=4");
    assertThat(r.recognized()).hasSize(256);
  }

  @Test
  void manyHypothesesAreCut() {
    List<String> hyps = new ArrayList<>(Collections.nCopies(100_000, "никого нет"));
    hyps.add("казарцев");
    SearchResult r = matcher(BOOK).search(hyps);
    assertThat(r.found()).isFalse();
    assertThat(r.limitsHit()).contains("maxHypotheses=16");
  }

  @Test
  void aliasExplosionIsCapped() {
    // every word has 13 expansions: 14^4 strings without a cap
    SearchResult r = matcher(BOOK).search("слава слава слава слава");
    assertThat(r.limitsHit()).contains("maxAliasVariants=64");
    assertThat(r.tried().size()).isLessThanOrEqualTo(SearchLimits.DEFAULT.maxLookups());
  }

  @Test
  void lookupLimitStopsTheSearch() {
    ClerkMatcher m =
        ClerkMatcher.builder()
            .phonebook(BOOK)
            .limits(new SearchLimits(16, 256, 4, 64, 5, 10))
            .build();
    SearchResult r = m.search("а б в г", "казарцев");
    assertThat(r.found()).isFalse();
    assertThat(r.tried()).hasSize(5);
    assertThat(r.limitsHit()).containsExactly("maxLookups=5");
  }

  @Test
  void seededRandomHypothesesNeverFailAndStayBounded() {
    long seed = 20261127L;
    Random rnd = new Random(seed);
    ClerkMatcher m = matcher(BOOK);
    String alphabet = "абвгдеёжзийклмнопрстуфхцчшщъыьэюя -.,!?ABCxyz0123\u0301\t\n";
    for (int i = 0; i < 300; i++) {
      List<String> hyps = new ArrayList<>();
      int n = rnd.nextInt(5);
      for (int h = 0; h < n; h++) {
        StringBuilder sb = new StringBuilder();
        int len = rnd.nextInt(60);
        for (int k = 0; k < len; k++) {
          sb.append(alphabet.charAt(rnd.nextInt(alphabet.length())));
        }
        hyps.add(sb.toString());
      }
      SearchResult r = m.search(hyps);
      assertThat(r.tried().size()).as("seed %s, case %s: %s", seed, i, hyps)
          .isLessThanOrEqualTo(SearchLimits.DEFAULT.maxLookups());
    }
  }

  @Test
  void withPhonebookRebuildsWithTheSameSettings() {
    ClerkMatcher m = ClerkMatcher.builder().phonebook(BOOK).hardAliases(hard("шеф = казарцев")).build();
    ClerkMatcher m2 = m.withPhonebook(List.of(new PhonebookEntry("Евгений Казарцев", "9999")));
    assertThat(m.search("шеф").number()).isEqualTo("4819");
    assertThat(m2.search("шеф").number()).isEqualTo("9999");
    assertThat(m2.entries()).hasSize(1);
    assertThat(m.uniqueNameCount()).isEqualTo(8);
    assertThat(m.limits()).isEqualTo(SearchLimits.DEFAULT);
  }

  @Test
  void limitsAreValidated() {
    assertThatThrownBy(() -> new SearchLimits(0, 1, 1, 1, 1, 1))
        .hasMessage("maxHypotheses: 0 (expected 1..2147483647)");
    assertThatThrownBy(() -> new SearchLimits(1, 1, 9, 1, 1, 1))
        .hasMessage("maxPermutationWords: 9 (expected 1..8)");
  }

  @Test
  void resultValidation() {
    assertThatThrownBy(
            () ->
                new SearchResult(
                    SearchResult.Outcome.FOUND, null, null, 0, null, null,
                    SearchResult.Method.EXACT, 1, List.of(), "", List.of(), List.of(), List.of()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(Map.of("k", 1)).isNotEmpty();
  }
}
