package io.ecss.asr.dict;

import static java.util.Objects.requireNonNull;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A CMU Sphinx pronunciation dictionary ({@code .dic}), such as the ECSS ASR service's {@code
 * ru.dic}: one entry per line, the word and then its phones separated by whitespace; alternative
 * pronunciations as {@code word(2)}, {@code word(3)} after the base word; lines starting with
 * {@code ##} or {@code ;;} are comments; blank lines are skipped; UTF-8 (a byte-order mark is
 * skipped).
 *
 * <pre>{@code
 * PronunciationDictionary dict = PronunciationDictionary.parse(Files.readAllBytes(Path.of("ru.dic")));
 * List<String> oov = dict.missing(grammar.words());   // words the recogniser cannot say
 * }</pre>
 *
 * <p>As pocketsphinx, the parser rejects a word without phones, a duplicate entry and a variant
 * whose base word was not defined before it; unlike pocketsphinx, which skips such lines with a
 * log message, it fails with a {@link DictionaryException} naming line and column, so a broken
 * dictionary is noticed before a recogniser is built on it.
 *
 * <p>Immutable and thread-safe.
 */
public final class PronunciationDictionary {
  private final List<DictionaryEntry> entries;
  private final Map<String, List<List<String>>> byWord;
  private final Map<String, String> lowerCase;

  private PronunciationDictionary(List<DictionaryEntry> entries) {
    this.entries = List.copyOf(entries);
    Map<String, List<List<String>>> words = new LinkedHashMap<>();
    Map<String, String> lower = new HashMap<>();
    for (DictionaryEntry e : this.entries) {
      words.computeIfAbsent(e.word(), w -> new ArrayList<>()).add(e.phones());
      lower.putIfAbsent(e.word().toLowerCase(Locale.ROOT), e.word());
    }
    Map<String, List<List<String>>> frozen = new LinkedHashMap<>();
    words.forEach((k, v) -> frozen.put(k, List.copyOf(v)));
    this.byWord = frozen;
    this.lowerCase = lower;
  }

  /**
   * Creates a dictionary from entries (in file order: a variant after its base word).
   *
   * @param entries the entries
   * @return the dictionary
   * @throws IllegalArgumentException on a duplicate entry or a variant before its base word
   */
  public static PronunciationDictionary of(List<DictionaryEntry> entries) {
    Set<String> seen = new LinkedHashSet<>();
    for (DictionaryEntry e : entries) {
      if (e.variant() > 1 && !seen.contains(e.word())) {
        throw new IllegalArgumentException("entries: " + e.head() + " before its base word");
      }
      if (!seen.add(e.head())) {
        throw new IllegalArgumentException("entries: duplicate " + e.head());
      }
    }
    return new PronunciationDictionary(entries);
  }

  /**
   * Parses dictionary bytes as UTF-8.
   *
   * @param bytes the file content
   * @return the dictionary
   * @throws DictionaryException on malformed UTF-8 or a malformed line
   */
  public static PronunciationDictionary parse(byte[] bytes) {
    requireNonNull(bytes, "bytes");
    int skip =
        bytes.length >= 3 && bytes[0] == (byte) 0xEF && bytes[1] == (byte) 0xBB && bytes[2] == (byte) 0xBF
            ? 3
            : 0;
    CharsetDecoder dec =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    try {
      return parse(dec.decode(ByteBuffer.wrap(bytes, skip, bytes.length - skip)).toString());
    } catch (CharacterCodingException e) {
      ByteBuffer in = ByteBuffer.wrap(bytes, skip, bytes.length - skip);
      CharBuffer out = CharBuffer.allocate(bytes.length + 1);
      dec.reset().decode(in, out, true);
      out.flip();
      String prefix = out.toString();
      int line = 1;
      int lineStart = 0;
      for (int i = 0; i < prefix.length(); i++) {
        if (prefix.charAt(i) == '\n') {
          line++;
          lineStart = i + 1;
        }
      }
      int column = prefix.codePointCount(lineStart, prefix.length()) + 1;
      throw new DictionaryException(
          "malformed UTF-8 at byte " + in.position(), line, column);
    }
  }

  /**
   * Parses dictionary text.
   *
   * @param text the text
   * @return the dictionary
   * @throws DictionaryException on a word without phones, a bad variant number ({@code a(1)}), a
   *     variant before its base word, or a duplicate entry
   */
  public static PronunciationDictionary parse(String text) {
    requireNonNull(text, "text");
    List<DictionaryEntry> entries = new ArrayList<>();
    Map<String, Integer> lineOf = new HashMap<>();
    int lineNo = 0;
    int pos = text.startsWith("\uFEFF") ? 1 : 0;
    while (pos <= text.length()) {
      int end = pos;
      while (end < text.length() && text.charAt(end) != '\n' && text.charAt(end) != '\r') {
        end++;
      }
      lineNo++;
      parseLine(text.substring(pos, end), lineNo, entries, lineOf);
      if (end >= text.length()) {
        break;
      }
      pos = end + (text.charAt(end) == '\r' && end + 1 < text.length() && text.charAt(end + 1) == '\n' ? 2 : 1);
    }
    return new PronunciationDictionary(entries);
  }

  private static void parseLine(
      String line, int lineNo, List<DictionaryEntry> entries, Map<String, Integer> lineOf) {
    List<int[]> spans = new ArrayList<>();
    int i = 0;
    while (i < line.length()) {
      while (i < line.length() && Character.isWhitespace(line.charAt(i))) {
        i++;
      }
      int start = i;
      while (i < line.length() && !Character.isWhitespace(line.charAt(i))) {
        i++;
      }
      if (i > start) {
        spans.add(new int[] {start, i});
      }
    }
    if (spans.isEmpty()) {
      return;
    }
    String head = line.substring(spans.get(0)[0], spans.get(0)[1]);
    if (head.startsWith("##") || head.startsWith(";;")) {
      return;
    }
    int col = line.codePointCount(0, spans.get(0)[0]) + 1;
    String word = head;
    int variant = 1;
    int open = head.lastIndexOf('(');
    if (open > 0 && head.endsWith(")")) {
      String num = head.substring(open + 1, head.length() - 1);
      if (!num.isEmpty() && num.chars().allMatch(c -> c >= '0' && c <= '9')) {
        if (num.length() > 6 || Integer.parseInt(num) < 2) {
          throw new DictionaryException(
              "variant number must be 2 or more, found " + head, lineNo, col);
        }
        word = head.substring(0, open);
        variant = Integer.parseInt(num);
      }
    }
    if (spans.size() == 1) {
      throw new DictionaryException("word '" + head + "' has no phones", lineNo, col);
    }
    if (variant > 1 && !lineOf.containsKey(word)) {
      throw new DictionaryException(
          "variant " + head + " comes before its base word " + word, lineNo, col);
    }
    String key = variant == 1 ? word : head;
    Integer first = lineOf.putIfAbsent(key, lineNo);
    if (first != null) {
      throw new DictionaryException(
          "duplicate entry " + head + " (first at line " + first + ")", lineNo, col);
    }
    List<String> phones = new ArrayList<>(spans.size() - 1);
    for (int k = 1; k < spans.size(); k++) {
      phones.add(line.substring(spans.get(k)[0], spans.get(k)[1]));
    }
    entries.add(new DictionaryEntry(word, variant, phones));
  }

  /**
   * Returns the entries in file order.
   *
   * @return an immutable list
   */
  public List<DictionaryEntry> entries() {
    return entries;
  }

  /**
   * Returns the number of distinct words.
   *
   * @return the word count (variants not counted)
   */
  public int size() {
    return byWord.size();
  }

  /**
   * Tells whether the dictionary has a word, exactly as written.
   *
   * @param word the word
   * @return true when there is at least one pronunciation
   */
  public boolean contains(String word) {
    return byWord.containsKey(word);
  }

  /**
   * Returns the pronunciations of a word, base first.
   *
   * @param word the word, exactly as written
   * @return the phone lists; empty when the word is missing
   */
  public List<List<String>> pronunciations(String word) {
    return byWord.getOrDefault(word, List.of());
  }

  /**
   * Returns the words the dictionary lacks, compared exactly (recognisers look words up
   * case-sensitively).
   *
   * @param words the words to check, for example {@code JsgfGrammar.words()}
   * @return the missing words, distinct, in input order
   */
  public List<String> missing(Collection<String> words) {
    return missing(words, false);
  }

  /**
   * Returns the words the dictionary lacks.
   *
   * @param words the words to check
   * @param ignoreCase compare in lower case (root locale)
   * @return the missing words, distinct, in input order
   */
  public List<String> missing(Collection<String> words, boolean ignoreCase) {
    Set<String> out = new LinkedHashSet<>();
    for (String w : words) {
      boolean found =
          ignoreCase ? lowerCase.containsKey(w.toLowerCase(Locale.ROOT)) : byWord.containsKey(w);
      if (!found) {
        out.add(w);
      }
    }
    return List.copyOf(out);
  }

  /**
   * Returns the dictionary as text: one entry per line, single spaces.
   *
   * @return the text; {@link #parse(String)} of it returns an equal entry list
   */
  public String format() {
    StringBuilder sb = new StringBuilder();
    for (DictionaryEntry e : entries) {
      sb.append(e).append('\n');
    }
    return sb.toString();
  }
}
