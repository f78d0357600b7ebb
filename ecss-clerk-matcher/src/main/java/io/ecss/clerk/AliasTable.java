package io.ecss.clerk;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import com.google.errorprone.annotations.Immutable;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An alias table of the clerk: either <em>word aliases</em> (one word → one or more expansions:
 * {@code женя = евгений, евгения, божена}) or <em>hard aliases</em> (a whole recognised string →
 * its replacement: {@code бухгалтерия = марина соколова}).
 *
 * <p>Text format, UTF-8, one rule per line: {@code KEY = VALUE[, VALUE...]}. {@code #} starts a
 * comment (to the end of the line); blank lines are ignored; a byte-order mark is skipped. Keys and
 * values are {@linkplain Names#normalize normalised}; a key repeated on several lines collects the
 * values of all of them in order, without duplicates. A word alias key must be a single word.
 * Errors name the source and the line.
 *
 * <p>{@link #defaultRussian()} is the table shipped with the library: diminutive and colloquial
 * forms of Russian first names mapped to the full names (one-to-many, both genders).
 *
 * <p>Immutable and thread-safe.
 */
@Immutable
public final class AliasTable {
  /** Largest alias file read: 16 MiB. */
  public static final int MAX_BYTES = 16 << 20;

  private static final String DEFAULT_RESOURCE = "ru-first-names.aliases";

  /** What a table's keys are. */
  public enum Kind {
    /** Keys are single words; each occurrence of the word in a hypothesis may be expanded. */
    WORD,
    /** Keys are whole recognised strings; a hypothesis equal to the key is replaced. */
    HARD
  }

  private static final AliasTable EMPTY_WORDS = new AliasTable(Kind.WORD, ImmutableMap.of());

  private final Kind kind;
  private final ImmutableMap<String, ImmutableList<String>> rules;

  private AliasTable(Kind kind, ImmutableMap<String, ImmutableList<String>> rules) {
    this.kind = kind;
    this.rules = rules;
  }

  /**
   * Returns an empty table of the given kind.
   *
   * @param kind word or hard aliases
   * @return a table without rules
   */
  public static AliasTable empty(Kind kind) {
    return kind == Kind.WORD ? EMPTY_WORDS : new AliasTable(Kind.HARD, ImmutableMap.of());
  }

  /**
   * Returns the default Russian first-name table shipped with the library (resource {@code
   * io/ecss/clerk/ru-first-names.aliases}). See the module README for how it was compiled.
   *
   * @return the default word-alias table
   */
  public static AliasTable defaultRussian() {
    return DefaultHolder.TABLE;
  }

  private static final class DefaultHolder {
    static final AliasTable TABLE = loadDefault();

    private static AliasTable loadDefault() {
      try (InputStream in = AliasTable.class.getResourceAsStream(DEFAULT_RESOURCE)) {
        if (in == null) {
          throw new IllegalStateException("resource missing: " + DEFAULT_RESOURCE);
        }
        return read(in, DEFAULT_RESOURCE, Kind.WORD);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  /**
   * Builds a table from a map of keys to expansions; keys and values are normalised.
   *
   * @param kind word or hard aliases
   * @param rules key → expansions
   * @return the table
   * @throws IllegalArgumentException when a key or value is empty after normalisation, or a word
   *     alias key has more than one word
   */
  public static AliasTable of(Kind kind, Map<String, ? extends List<String>> rules) {
    Map<String, Set<String>> acc = new LinkedHashMap<>();
    for (Map.Entry<String, ? extends List<String>> e : rules.entrySet()) {
      String key = Names.normalize(e.getKey());
      String problem = keyProblem(kind, key, e.getKey());
      if (problem != null) {
        throw new IllegalArgumentException(problem);
      }
      for (String v : e.getValue()) {
        String value = Names.normalize(v);
        if (value.isEmpty()) {
          throw new IllegalArgumentException("empty alias value for key: " + e.getKey());
        }
        add(acc, key, value);
      }
    }
    return freeze(kind, acc);
  }

  /**
   * Parses the text of an alias file.
   *
   * @param text the file's content
   * @param source a label for error messages (file name)
   * @param kind word or hard aliases
   * @return the table
   * @throws ClerkFormatException naming the line of the first bad rule
   */
  public static AliasTable parse(String text, String source, Kind kind) {
    Map<String, Set<String>> acc = new LinkedHashMap<>();
    int lineNo = 0;
    int pos = 0;
    if (text.startsWith("\uFEFF")) {
      pos = 1;
    }
    while (pos <= text.length()) {
      int nl = text.indexOf('\n', pos);
      int end = nl < 0 ? text.length() : nl;
      String line = text.substring(pos, end);
      lineNo++;
      pos = end + 1;
      int hash = line.indexOf('#');
      if (hash >= 0) {
        line = line.substring(0, hash);
      }
      if (line.isBlank()) {
        if (nl < 0) {
          break;
        }
        continue;
      }
      int eq = line.indexOf('=');
      if (eq < 0) {
        throw new ClerkFormatException(
            source, lineNo, 0, "missing '=' (expected KEY = VALUE[, VALUE...])");
      }
      String rawKey = line.substring(0, eq);
      String key = Names.normalize(rawKey);
      String problem = keyProblem(kind, key, rawKey.trim());
      if (problem != null) {
        throw new ClerkFormatException(source, lineNo, 1, problem);
      }
      String[] values = line.substring(eq + 1).split(",", -1);
      int column = eq + 2;
      for (String v : values) {
        String value = Names.normalize(v);
        if (value.isEmpty()) {
          throw new ClerkFormatException(
              source, lineNo, column, "empty value (expected KEY = VALUE[, VALUE...])");
        }
        add(acc, key, value);
        column += v.length() + 1;
      }
      if (nl < 0) {
        break;
      }
    }
    return freeze(kind, acc);
  }

  private static @org.jspecify.annotations.Nullable String keyProblem(
      Kind kind, String key, String raw) {
    if (key.isEmpty()) {
      return "empty key (expected KEY = VALUE[, VALUE...])";
    }
    if (kind == Kind.WORD && key.indexOf(' ') >= 0) {
      return "word alias key must be one word: '" + raw + "'";
    }
    return null;
  }

  /**
   * Reads an alias file (UTF-8, at most {@link #MAX_BYTES}).
   *
   * @param file the file
   * @param kind word or hard aliases
   * @return the table
   * @throws IOException when the file cannot be read
   * @throws ClerkFormatException when the content is not valid UTF-8 or a rule is malformed
   */
  public static AliasTable read(Path file, Kind kind) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return read(in, file.toString(), kind);
    }
  }

  /**
   * Reads an alias table from a stream (UTF-8, at most {@link #MAX_BYTES}); the stream is not
   * closed.
   *
   * @param in the stream
   * @param source a label for error messages
   * @param kind word or hard aliases
   * @return the table
   * @throws IOException when the stream fails
   * @throws ClerkFormatException when the content is too large, not valid UTF-8 or malformed
   */
  public static AliasTable read(InputStream in, String source, Kind kind) throws IOException {
    byte[] bytes = in.readNBytes(MAX_BYTES + 1);
    if (bytes.length > MAX_BYTES) {
      throw new ClerkFormatException(
          source, 0, 0, "alias file larger than " + MAX_BYTES + " bytes (AliasTable.MAX_BYTES)");
    }
    return parse(decodeUtf8(bytes, source), source, kind);
  }

  static String decodeUtf8(byte[] bytes, String source) {
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
    } catch (CharacterCodingException e) {
      int line = 1;
      int bad = firstBadByte(bytes);
      for (int i = 0; i < bad; i++) {
        if (bytes[i] == '\n') {
          line++;
        }
      }
      throw new ClerkFormatException(source, line, 0, "not valid UTF-8 at byte " + bad, e);
    }
  }

  private static int firstBadByte(byte[] b) {
    var dec =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(b);
    dec.decode(in, java.nio.CharBuffer.allocate(Math.max(16, b.length)), true);
    return in.position();
  }

  private static void add(Map<String, Set<String>> acc, String key, String value) {
    if (!value.equals(key)) {
      acc.computeIfAbsent(key, k -> new LinkedHashSet<>()).add(value);
    }
  }

  private static AliasTable freeze(Kind kind, Map<String, Set<String>> acc) {
    ImmutableMap.Builder<String, ImmutableList<String>> b =
        ImmutableMap.builderWithExpectedSize(acc.size());
    for (Map.Entry<String, Set<String>> e : acc.entrySet()) {
      if (!e.getValue().isEmpty()) {
        b.put(e.getKey(), ImmutableList.copyOf(e.getValue()));
      }
    }
    return new AliasTable(kind, b.buildOrThrow());
  }

  /**
   * Returns a table with the rules of this table and of {@code other}; for a key in both, this
   * table's values come first.
   *
   * @param other a table of the same kind
   * @return the union
   * @throws IllegalArgumentException when the kinds differ
   */
  public AliasTable merge(AliasTable other) {
    if (other.kind != kind) {
      throw new IllegalArgumentException("kind: " + other.kind + " (expected " + kind + ")");
    }
    Map<String, Set<String>> acc = new LinkedHashMap<>();
    for (AliasTable t : List.of(this, other)) {
      t.rules.forEach((k, vs) -> vs.forEach(v -> add(acc, k, v)));
    }
    return freeze(kind, acc);
  }

  /**
   * Returns the expansions of a normalised key, in file order.
   *
   * @param normalizedKey a key as {@link Names#normalize} returns it
   * @return the expansions; empty when the key has no rule
   */
  public List<String> expansions(String normalizedKey) {
    ImmutableList<String> v = rules.get(normalizedKey);
    return v == null ? ImmutableList.of() : v;
  }

  /**
   * Returns the kind of this table.
   *
   * @return word or hard aliases
   */
  public Kind kind() {
    return kind;
  }

  /**
   * Returns every rule: normalised key → expansions, in file order.
   *
   * @return the rules
   */
  public Map<String, List<String>> rules() {
    return java.util.Collections.unmodifiableMap(rules);
  }

  /**
   * Returns the number of keys (rows of the table).
   *
   * @return the number of keys
   */
  public int size() {
    return rules.size();
  }

  /**
   * Returns the number of key → value pairs.
   *
   * @return the number of pairs
   */
  public int pairCount() {
    int n = 0;
    for (ImmutableList<String> v : rules.values()) {
      n += v.size();
    }
    return n;
  }

  /**
   * Returns the distinct expansion values (for the default table: the full names covered).
   *
   * @return the distinct values in first-seen order
   */
  public List<String> values() {
    Set<String> out = new LinkedHashSet<>();
    rules.values().forEach(out::addAll);
    return new ArrayList<>(out);
  }

  /**
   * Formats the table in the file format {@link #parse} reads, one rule per line.
   *
   * @return the text
   */
  public String format() {
    StringBuilder sb = new StringBuilder();
    rules.forEach((k, v) -> sb.append(k).append(" = ").append(String.join(", ", v)).append('\n'));
    return sb.toString();
  }

  @Override
  public String toString() {
    return "AliasTable{" + kind + ", " + rules.size() + " keys}";
  }
}
