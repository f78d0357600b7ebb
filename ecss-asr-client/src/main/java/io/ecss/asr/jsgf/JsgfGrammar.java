package io.ecss.asr.jsgf;

import static java.util.Objects.requireNonNull;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A JSGF 1.0 grammar (W3C Note 2000-06-05): header, grammar name, imports and rules, as an
 * immutable tree.
 *
 * <pre>{@code
 * JsgfGrammar g = JsgfGrammar.parse("""
 *     #JSGF V1.0 UTF-8 ru;
 *     grammar ivr;
 *     public <answer> = да {yes} | нет {no};
 *     """);
 * String text = g.format();              // canonical JSGF
 * assert JsgfGrammar.parse(text).equals(g);
 * }</pre>
 *
 * <p>Parsing reports the first syntax error as a {@link JsgfException} with line and column;
 * semantic problems (undefined references, duplicate rules, recursion, imports) are found by
 * {@link JsgfChecker}. Equality is structural: two grammars are equal when header, name, imports
 * and rules are, whatever their layout, comments (other than rule documentation) and source
 * positions.
 *
 * <p>Immutable and thread-safe.
 */
public final class JsgfGrammar {
  private final JsgfHeader header;
  private final String name;
  private final List<JsgfImport> imports;
  private final List<JsgfRule> rules;
  private final SourceMap source;

  JsgfGrammar(
      JsgfHeader header,
      String name,
      List<JsgfImport> imports,
      List<JsgfRule> rules,
      SourceMap source) {
    this.header = requireNonNull(header, "header");
    this.name = requireNonNull(name, "name");
    if (!Names.isDottedName(name)) {
      throw new IllegalArgumentException("grammar name: '" + name + "' (expected a JSGF name)");
    }
    this.imports = List.copyOf(imports);
    this.rules = List.copyOf(rules);
    this.source = source;
  }

  /**
   * Creates a grammar from its parts (for building grammars in code).
   *
   * @param header the header
   * @param name the grammar name, for example {@code ivr} or {@code com.example.menu}
   * @param imports the imports
   * @param rules the rules, in order
   * @return the grammar
   * @throws IllegalArgumentException when the name is not a valid grammar name
   */
  public static JsgfGrammar of(
      JsgfHeader header, String name, List<JsgfImport> imports, List<JsgfRule> rules) {
    return new JsgfGrammar(header, name, imports, rules, SourceMap.empty());
  }

  /**
   * Parses grammar text with the {@linkplain JsgfLimits#DEFAULT default limits}.
   *
   * @param text the grammar text (a leading byte-order mark is skipped)
   * @return the grammar
   * @throws JsgfException on the first syntax error or exceeded limit, with line and column
   */
  public static JsgfGrammar parse(String text) {
    return parse(text, JsgfLimits.DEFAULT);
  }

  /**
   * Parses grammar text.
   *
   * @param text the grammar text
   * @param limits the read limits
   * @return the grammar
   * @throws JsgfException on the first syntax error or exceeded limit, with line and column
   */
  public static JsgfGrammar parse(String text, JsgfLimits limits) {
    requireNonNull(text, "text");
    requireNonNull(limits, "limits");
    return JsgfParser.parse(text, limits);
  }

  /**
   * Parses a grammar file's bytes with the default limits; see {@link #parse(byte[],
   * JsgfLimits)}.
   *
   * @param bytes the file content
   * @return the grammar
   * @throws JsgfException when the bytes are not valid in the grammar's charset or on the first
   *     syntax error
   */
  public static JsgfGrammar parse(byte[] bytes) {
    return parse(bytes, JsgfLimits.DEFAULT);
  }

  /**
   * Parses a grammar file's bytes. The charset comes from a byte-order mark (UTF-8, UTF-16) or
   * else from the header ({@code #JSGF V1.0 ISO8859-5;}); without either the text is UTF-8, never
   * the platform charset. Malformed bytes are an error naming the line and column.
   *
   * @param bytes the file content
   * @param limits the read limits
   * @return the grammar
   * @throws JsgfException when the bytes are not valid in the grammar's charset or on the first
   *     syntax error
   */
  public static JsgfGrammar parse(byte[] bytes, JsgfLimits limits) {
    requireNonNull(bytes, "bytes");
    requireNonNull(limits, "limits");
    return parse(decode(bytes), limits);
  }

  static String decode(byte[] b) {
    int skip = 0;
    Charset cs = StandardCharsets.UTF_8;
    if (b.length >= 3 && b[0] == (byte) 0xEF && b[1] == (byte) 0xBB && b[2] == (byte) 0xBF) {
      skip = 3;
    } else if (b.length >= 2 && b[0] == (byte) 0xFE && b[1] == (byte) 0xFF) {
      skip = 2;
      cs = StandardCharsets.UTF_16BE;
    } else if (b.length >= 2 && b[0] == (byte) 0xFF && b[1] == (byte) 0xFE) {
      skip = 2;
      cs = StandardCharsets.UTF_16LE;
    } else {
      String declared = sniffCharset(b);
      if (declared != null && JsgfHeader.isSupported(declared)) {
        cs = Charset.forName(declared);
      }
    }
    CharsetDecoder dec =
        cs.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(b, skip, b.length - skip);
    try {
      return dec.decode(in).toString();
    } catch (CharacterCodingException e) {
      int bad = firstBad(b, skip, cs);
      String before =
          new String(b, skip, bad - skip, cs); // the valid prefix, for line and column
      int[] lc = SourceMap.lineColumn(before, SourceMap.lineStarts(before), before.length());
      throw new JsgfException(
          "malformed " + cs.name() + " at byte " + bad, lc[0], lc[1], null);
    }
  }

  private static int firstBad(byte[] b, int skip, Charset cs) {
    CharsetDecoder dec =
        cs.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(b, skip, b.length - skip);
    java.nio.CharBuffer out = java.nio.CharBuffer.allocate(b.length + 16);
    dec.decode(in, out, true);
    return in.position();
  }

  /** The charset word of an ASCII header {@code #JSGF V1.0 charset ...;}, or null. */
  private static @Nullable String sniffCharset(byte[] b) {
    int n = Math.min(b.length, 512);
    String head = new String(b, 0, n, StandardCharsets.ISO_8859_1);
    int at = head.indexOf("#JSGF");
    if (at < 0) {
      return null;
    }
    int semi = head.indexOf(';', at);
    if (semi < 0) {
      return null;
    }
    List<String> words = Words.split(head.substring(at + 5, semi));
    return words.size() >= 2 ? words.get(1) : null;
  }

  /**
   * Returns the canonical JSGF text: header, grammar declaration, imports, then each rule on its
   * own line preceded by its documentation comment, one space around {@code =} and {@code |},
   * tokens quoted only when needed, and no other comments.
   *
   * @return the text; {@link #parse(String)} of it returns a grammar equal to this one
   */
  public String format() {
    return JsgfWriter.format(this);
  }

  /**
   * Returns the header.
   *
   * @return the header
   */
  public JsgfHeader header() {
    return header;
  }

  /**
   * Returns the grammar name as declared, for example {@code com.example.menu}.
   *
   * @return the full name
   */
  public String name() {
    return name;
  }

  /**
   * Returns the simple grammar name, the part after the last dot.
   *
   * @return the simple name
   */
  public String simpleName() {
    return name.substring(name.lastIndexOf('.') + 1);
  }

  /**
   * Returns the imports, in declaration order.
   *
   * @return an immutable list
   */
  public List<JsgfImport> imports() {
    return imports;
  }

  /**
   * Returns the rules, in declaration order (including any duplicates; see {@link JsgfChecker}).
   *
   * @return an immutable list
   */
  public List<JsgfRule> rules() {
    return rules;
  }

  /**
   * Finds a rule by simple name (the first definition when duplicated).
   *
   * @param ruleName the simple rule name
   * @return the rule, or empty
   */
  public Optional<JsgfRule> rule(String ruleName) {
    for (JsgfRule r : rules) {
      if (r.name().equals(ruleName)) {
        return Optional.of(r);
      }
    }
    return Optional.empty();
  }

  /**
   * Returns the first public rule: the rule recognisers such as pocketsphinx activate by default.
   *
   * @return the rule, or empty when the grammar has no public rule
   */
  public Optional<JsgfRule> firstPublicRule() {
    for (JsgfRule r : rules) {
      if (r.isPublic()) {
        return Optional.of(r);
      }
    }
    return Optional.empty();
  }

  /**
   * Returns every distinct word of every token in this grammar's rules, in order of first
   * appearance; quoted tokens with spaces contribute each of their words. These are the words a
   * pronunciation dictionary must hold.
   *
   * @return an immutable list
   */
  public List<String> words() {
    Set<String> out = new LinkedHashSet<>();
    for (JsgfRule r : rules) {
      collectWords(r.expansion(), out);
    }
    return List.copyOf(out);
  }

  private static void collectWords(Expansion e, Set<String> out) {
    if (e instanceof Expansion.Token token) {
      out.addAll(token.words());
    } else {
      for (Expansion c : children(e)) {
        collectWords(c, out);
      }
    }
  }

  /** The direct children of a node, in order. */
  static List<Expansion> children(Expansion e) {
    if (e instanceof Expansion.Sequence sequence) {
      return sequence.items();
    } else if (e instanceof Expansion.Alternatives alternatives) {
      return alternatives.items();
    } else if (e instanceof Expansion.Group group) {
      return List.of(group.inner());
    } else if (e instanceof Expansion.OptionalGroup optionalGroup) {
      return List.of(optionalGroup.inner());
    } else if (e instanceof Expansion.Repeat repeat) {
      return List.of(repeat.item());
    } else if (e instanceof Expansion.Tagged tagged) {
      return List.of(tagged.item());
    }
    return List.of();
  }

  /** Returns {line, column} of a parsed node or rule or import, or {0, 0}. */
  int[] position(Object node) {
    return source.position(node);
  }

  /** All rule names, for duplicate detection. */
  Set<String> ruleNames() {
    Set<String> names = new HashSet<>();
    for (JsgfRule r : rules) {
      names.add(r.name());
    }
    return names;
  }

  /** Rules in order, first definition only. */
  List<JsgfRule> distinctRules() {
    Set<String> seen = new HashSet<>();
    List<JsgfRule> out = new ArrayList<>();
    for (JsgfRule r : rules) {
      if (seen.add(r.name())) {
        out.add(r);
      }
    }
    return out;
  }

  /**
   * Compares header, name, imports and rules; layout, comments and positions do not count.
   *
   * @param o the other object
   * @return whether {@code o} is an equal grammar
   */
  @Override
  public boolean equals(@Nullable Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof JsgfGrammar g)) {
      return false;
    }
    return header.equals(g.header)
        && name.equals(g.name)
        && imports.equals(g.imports)
        && rules.equals(g.rules);
  }

  /**
   * Hashes header, name, imports and rules.
   *
   * @return the hash code
   */
  @Override
  public int hashCode() {
    return ((header.hashCode() * 31 + name.hashCode()) * 31 + imports.hashCode()) * 31
        + rules.hashCode();
  }

  /**
   * Returns the canonical text, as {@link #format()}.
   *
   * @return the grammar text
   */
  @Override
  public String toString() {
    return format();
  }
}
