package io.ecss.asr.jsgf;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Recursive-descent parser for JSGF 1.0 text. One instance per parse; not thread-safe.
 *
 * <pre>
 * grammar      = header "grammar" name ";" import* rule*
 * header       = "#JSGF" version [charset [locale]] ";"
 * import       = "import" "&lt;" name "." (rule | "*") "&gt;" ";"
 * rule         = ["public"] "&lt;" rule "&gt;" "=" alternatives ";"
 * alternatives = [weight] sequence ("|" [weight] sequence)*     (all weighted or none)
 * sequence     = unary+
 * unary        = atom ("*" | "+" | tag)*
 * atom         = token | quoted | "&lt;" ref "&gt;" | "(" alternatives ")" | "[" alternatives "]"
 * </pre>
 */
final class JsgfParser {
  private static final Pattern NUMBER =
      Pattern.compile("([0-9]+(\\.[0-9]*)?|\\.[0-9]+)([eE][-+]?[0-9]+)?");
  private static final String EXPECTED_ITEM = "expected a token, a rule reference, '(' or '['";

  private final String s;
  private final JsgfLimits limits;
  private final SourceMap.Recorder offsets = new SourceMap.Recorder();
  private int @Nullable [] lineStarts;
  private int pos;
  private int depth;
  private String pendingDoc = "";

  private JsgfParser(String s, JsgfLimits limits) {
    this.s = s;
    this.limits = limits;
  }

  static JsgfGrammar parse(String text, JsgfLimits limits) {
    if (text.length() > limits.maxChars()) {
      throw new JsgfException(
          "grammar of "
              + text.length()
              + " characters exceeds maxChars "
              + limits.maxChars()
              + " (JsgfLimits.maxChars)");
    }
    return new JsgfParser(text, limits).grammar();
  }

  private JsgfGrammar grammar() {
    if (s.startsWith("\uFEFF")) {
      pos = 1;
    }
    skipSpace();
    JsgfHeader header = header();
    endStatement();
    if (!keyword("grammar")) {
      throw error("expected the grammar declaration 'grammar <name>;', found " + found());
    }
    skipSpace();
    int nameAt = pos;
    String name = readName(false);
    if (name.isEmpty()) {
      throw error("expected a grammar name after 'grammar', found " + found());
    }
    if (!Names.isDottedName(name)) {
      throw error(nameAt, "malformed grammar name '" + name + "'");
    }
    skipSpace();
    expect(';', "expected ';' after the grammar name, found ");
    endStatement();
    List<JsgfImport> imports = new ArrayList<>();
    while (true) {
      int at = pos;
      if (!keyword("import")) {
        break;
      }
      imports.add(record(importDeclaration(), at));
      endStatement();
    }
    List<JsgfRule> rules = new ArrayList<>();
    while (pos < s.length()) {
      rules.add(rule());
      endStatement();
    }
    return new JsgfGrammar(header, name, imports, rules, offsets.build(s));
  }

  private JsgfHeader header() {
    if (!s.startsWith("#JSGF", pos)) {
      throw error("expected the header '#JSGF V1.0;', found " + found());
    }
    pos += 5;
    List<String> words = new ArrayList<>();
    List<Integer> at = new ArrayList<>();
    while (true) {
      while (pos < s.length() && Words.isSpace(s.charAt(pos))) {
        pos++;
      }
      if (pos >= s.length()) {
        throw error("expected ';' after the header, found end of input");
      }
      if (s.charAt(pos) == ';') {
        pos++;
        break;
      }
      int start = pos;
      while (pos < s.length() && !Words.isSpace(s.charAt(pos)) && s.charAt(pos) != ';') {
        pos++;
      }
      if (words.size() == 3) {
        throw error(start, "unexpected '" + s.substring(start, pos) + "' in the header (expected ';')");
      }
      words.add(s.substring(start, pos));
      at.add(start);
    }
    if (words.isEmpty()) {
      throw error(pos - 1, "expected a version after '#JSGF', found ';'");
    }
    String version = words.get(0);
    if (!version.equals("V1.0") && !version.equals("v1.0")) {
      throw error(at.get(0), "unsupported JSGF version '" + version + "' (expected V1.0)");
    }
    String charset = words.size() > 1 ? words.get(1) : null;
    if (charset != null && !JsgfHeader.isSupported(charset)) {
      throw error(at.get(1), "unknown charset '" + charset + "'");
    }
    String locale = words.size() > 2 ? words.get(2) : null;
    if (locale != null && !JsgfHeader.isLocale(locale)) {
      throw error(at.get(2), "malformed locale '" + locale + "' (expected e.g. ru or en-US)");
    }
    return new JsgfHeader("V1.0", charset, locale);
  }

  private JsgfImport importDeclaration() {
    skipSpace();
    expect('<', "expected '<' after 'import', found ");
    int nameAt = pos;
    String name = readName(true);
    if (name.isEmpty() || pos >= s.length() || s.charAt(pos) != '>') {
      throw error(
          (name.isEmpty() ? "expected an imported name after '<'" : "expected '>' after the imported name")
              + ", found "
              + found());
    }
    pos++;
    String base = name.endsWith(".*") ? name.substring(0, name.length() - 2) : name;
    if (!Names.isDottedName(base)) {
      throw error(nameAt, "malformed import <" + name + ">");
    }
    if (!name.endsWith(".*") && base.indexOf('.') < 0) {
      throw error(
          nameAt,
          "import <" + name + "> must be qualified (expected <grammar.rule> or <grammar.*>)");
    }
    skipSpace();
    expect(';', "expected ';' after the import, found ");
    return new JsgfImport(name);
  }

  private JsgfRule rule() {
    int start = pos;
    String doc = pendingDoc;
    boolean isPublic = keyword("public");
    if (isPublic) {
      skipSpace();
    } else if (keyword("import")) {
      throw error(start, "imports must come before the first rule");
    } else if (keyword("grammar")) {
      throw error(start, "only one grammar declaration is allowed, before the imports and rules");
    }
    if (pos >= s.length() || s.charAt(pos) != '<') {
      throw error(
          "expected a rule definition ('<name> = ...;' or 'public <name> = ...;'), found "
              + found());
    }
    pos++;
    int nameAt = pos;
    String name = readName(false);
    if (name.isEmpty()) {
      throw error("expected a rule name after '<', found " + found());
    }
    if (pos >= s.length() || s.charAt(pos) != '>') {
      throw error("expected '>' after the rule name, found " + found());
    }
    if (name.indexOf('.') >= 0) {
      throw error(nameAt, "a rule definition takes a simple name, found <" + name + ">");
    }
    pos++;
    if (name.equals("NULL") || name.equals("VOID")) {
      throw error(nameAt - 1, "<" + name + "> is a reserved rule name and cannot be defined");
    }
    skipSpace();
    expect('=', "expected '=' after <" + name + ">, found ");
    Expansion e = alternatives();
    skipSpace();
    if (pos >= s.length() || s.charAt(pos) != ';') {
      if (pos < s.length() && (s.charAt(pos) == ')' || s.charAt(pos) == ']')) {
        throw error("unbalanced '" + s.charAt(pos) + "' in rule <" + name + ">");
      }
      throw error("expected ';' after the expansion of rule <" + name + ">, found " + found());
    }
    pos++;
    return record(new JsgfRule(name, isPublic, e, doc), start);
  }

  private Expansion alternatives() {
    skipSpace();
    int start = pos;
    List<Expansion> items = new ArrayList<>();
    List<Double> weights = new ArrayList<>();
    boolean weighted = false;
    while (true) {
      skipSpace();
      int altAt = pos;
      Double w = null;
      if (pos < s.length() && s.charAt(pos) == '/') {
        w = weight();
        skipSpace();
      }
      if (items.isEmpty()) {
        weighted = w != null;
      } else if ((w != null) != weighted) {
        throw error(altAt, "weights must be given for all alternatives or none");
      }
      items.add(sequence());
      if (w != null) {
        weights.add(w);
      }
      skipSpace();
      if (pos < s.length() && s.charAt(pos) == '|') {
        pos++;
        continue;
      }
      break;
    }
    if (items.size() == 1) {
      if (weighted) {
        throw error(start, "a weight needs two or more alternatives");
      }
      return items.get(0);
    }
    return record(new Expansion.Alternatives(items, weights), start);
  }

  private double weight() {
    int open = pos;
    pos++;
    skipBlanks();
    int start = pos;
    while (pos < s.length() && "0123456789.eE+-".indexOf(s.charAt(pos)) >= 0) {
      pos++;
    }
    String num = s.substring(start, pos);
    if (num.startsWith("-")) {
      throw error(start, "weight must not be negative, found " + num);
    }
    if (num.isEmpty()) {
      throw error("expected a number after '/', found " + found());
    }
    if (!isDigits(num) && !NUMBER.matcher(num).matches()) {
      throw error(start, "malformed weight '" + num + "' (expected a number such as 2 or 0.5)");
    }
    double w = Double.parseDouble(num);
    if (Double.isInfinite(w)) {
      throw error(start, "weight " + num + " is out of range");
    }
    skipBlanks();
    if (pos >= s.length() || s.charAt(pos) != '/') {
      throw error("expected '/' to close the weight opened at " + where(open) + ", found " + found());
    }
    pos++;
    return w;
  }

  private static boolean isDigits(String num) {
    for (int i = 0; i < num.length(); i++) {
      char c = num.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }

  private Expansion sequence() {
    int start = pos;
    List<Expansion> items = new ArrayList<>();
    while (true) {
      skipSpace();
      if (pos >= s.length()) {
        break;
      }
      char c = s.charAt(pos);
      if (c == ';' || c == '|' || c == ')' || c == ']') {
        break;
      }
      if (c == '=') {
        throw error("unexpected '=' (is the ';' of the previous rule missing?)");
      }
      if (c == '/') {
        throw error(
            "a weight must come right before an alternative (after '=', '|', '(' or '[')");
      }
      items.add(unary());
    }
    if (items.isEmpty()) {
      throw error(EXPECTED_ITEM + ", found " + found());
    }
    if (items.size() == 1) {
      return items.get(0);
    }
    return record(new Expansion.Sequence(items), start);
  }

  private Expansion unary() {
    int start = pos;
    Expansion e = atom();
    int chain = 0;
    while (true) {
      int save = pos;
      skipSpace();
      if (pos >= s.length()) {
        pos = save;
        break;
      }
      char c = s.charAt(pos);
      if (c == '*' || c == '+') {
        checkDepth(++chain, pos);
        e = record(new Expansion.Repeat(e, c == '+'), pos);
        pos++;
      } else if (c == '{') {
        int tagAt = pos;
        List<String> tags = new ArrayList<>();
        while (pos < s.length() && s.charAt(pos) == '{') {
          tags.add(tag());
          int afterTag = pos;
          skipSpace();
          if (pos >= s.length() || s.charAt(pos) != '{') {
            pos = afterTag;
            break;
          }
        }
        checkDepth(++chain, tagAt);
        e = record(new Expansion.Tagged(e, tags), tagAt);
      } else {
        pos = save;
        break;
      }
    }
    offsets.putIfAbsent(e, start);
    return e;
  }

  private void checkDepth(int extra, int at) {
    if (depth + extra > limits.maxDepth()) {
      throw error(
          at,
          "nesting depth "
              + (depth + extra)
              + " exceeds maxDepth "
              + limits.maxDepth()
              + " (JsgfLimits.maxDepth)");
    }
  }

  private Expansion atom() {
    int start = pos;
    char c = s.charAt(pos);
    if (c == '(' || c == '[') {
          pos++;
          depth++;
          checkDepth(0, start);
          Expansion inner = alternatives();
          skipSpace();
          char close = c == '(' ? ')' : ']';
          if (pos >= s.length() || s.charAt(pos) != close) {
            throw error(
                "expected '"
                    + close
                    + "' to close the "
                    + (c == '(' ? "group" : "optional group")
                    + " opened at "
                    + where(start)
                    + ", found "
                    + found());
          }
          pos++;
          depth--;
          return record(
              c == '(' ? new Expansion.Group(inner) : new Expansion.OptionalGroup(inner), start);
    }
    if (c == '<') {
          pos++;
          String name = readName(true);
          if (name.isEmpty()) {
            throw error("expected a rule name after '<', found " + found());
          }
          if (pos >= s.length() || s.charAt(pos) != '>') {
            throw error("expected '>' after the rule name, found " + found());
          }
          pos++;
          if (!Names.isDottedName(name)) {
            throw error(start, "malformed rule reference <" + name + ">");
          }
          return record(new Expansion.RuleRef(name), start);
    }
    if (c == '"') {
        return record(new Expansion.Token(quoted()), start);
    }
        int cp = s.codePointAt(pos);
        if (!Names.isTokenChar(cp)) {
          throw error(EXPECTED_ITEM + ", found " + found());
        }
        while (pos < s.length()) {
          cp = s.codePointAt(pos);
          if (!Names.isTokenChar(cp) || s.startsWith("//", pos) || s.startsWith("/*", pos)) {
            break;
          }
          pos += Character.charCount(cp);
        }
        return record(new Expansion.Token(s.substring(start, pos)), start);
  }

  private String quoted() {
    int open = pos;
    pos++;
    StringBuilder sb = new StringBuilder();
    while (true) {
      if (pos >= s.length() || s.charAt(pos) == '\n' || s.charAt(pos) == '\r') {
        throw error(open, "unterminated quoted token (expected '\"' before the end of the line)");
      }
      char c = s.charAt(pos);
      if (c == '"') {
        pos++;
        break;
      }
      if (c == '\\') {
        char n = pos + 1 < s.length() ? s.charAt(pos + 1) : '\0';
        if (n != '"' && n != '\\') {
          throw error(
              "invalid escape '\\"
                  + (n == '\0' ? "" : String.valueOf(n))
                  + "' in a quoted token (expected \\\" or \\\\)");
        }
        sb.append(n);
        pos += 2;
        continue;
      }
      sb.append(c);
      pos++;
    }
    String text = sb.toString();
    if (text.isBlank()) {
      throw error(open, "empty quoted token");
    }
    return text;
  }

  private String tag() {
    int open = pos;
    pos++;
    StringBuilder sb = new StringBuilder();
    while (true) {
      if (pos >= s.length()) {
        throw error(open, "unterminated tag (expected '}')");
      }
      char c = s.charAt(pos);
      if (c == '}') {
        pos++;
        return sb.toString();
      }
      if (c == '\\' && pos + 1 < s.length() && "{}\\".indexOf(s.charAt(pos + 1)) >= 0) {
        sb.append(s.charAt(pos + 1));
        pos += 2;
        continue;
      }
      sb.append(c);
      pos++;
    }
  }

  /** Reads name characters and dots (and {@code *} when {@code allowStar}); may return "". */
  private String readName(boolean allowStar) {
    int start = pos;
    while (pos < s.length()) {
      int cp = s.codePointAt(pos);
      if (Names.isNameChar(cp) || cp == '.' || (allowStar && cp == '*')) {
        pos += Character.charCount(cp);
      } else {
        break;
      }
    }
    return s.substring(start, pos);
  }

  /** Consumes a keyword followed by a non-name character. */
  private boolean keyword(String kw) {
    if (!s.startsWith(kw, pos)) {
      return false;
    }
    int end = pos + kw.length();
    if (end < s.length() && Names.isNameChar(s.codePointAt(end))) {
      return false;
    }
    pos = end;
    return true;
  }

  private void endStatement() {
    pendingDoc = "";
    skipSpace();
  }

  private void skipBlanks() {
    while (pos < s.length() && Words.isSpace(s.charAt(pos))) {
      pos++;
    }
  }

  /** Skips whitespace and comments; remembers the last documentation comment. */
  private void skipSpace() {
    while (pos < s.length()) {
      char c = s.charAt(pos);
      if (Words.isSpace(c)) {
        pos++;
      } else if (s.startsWith("//", pos)) {
        while (pos < s.length() && s.charAt(pos) != '\n' && s.charAt(pos) != '\r') {
          pos++;
        }
      } else if (s.startsWith("/*", pos)) {
        int end = s.indexOf("*/", pos + 2);
        if (end < 0) {
          throw error(pos, "unterminated comment (expected '*/')");
        }
        if (s.startsWith("/**", pos) && end > pos + 2) {
          pendingDoc = s.substring(pos + 3, end);
        }
        pos = end + 2;
      } else {
        break;
      }
    }
  }

  private void expect(char c, String message) {
    if (pos >= s.length() || s.charAt(pos) != c) {
      throw error(message + found());
    }
    pos++;
  }

  private String found() {
    return Names.describe(s, pos);
  }

  private <T> T record(T node, int offset) {
    offsets.put(node, offset);
    return node;
  }

  private String where(int offset) {
    int[] lc = SourceMap.lineColumn(s, lineStarts(), offset);
    return lc[0] + ":" + lc[1];
  }

  private int[] lineStarts() {
    int[] ls = lineStarts;
    if (ls == null) {
      ls = SourceMap.lineStarts(s);
      lineStarts = ls;
    }
    return ls;
  }

  private JsgfException error(String problem) {
    return error(pos, problem);
  }

  private JsgfException error(int offset, String problem) {
    int[] lc = SourceMap.lineColumn(s, lineStarts(), offset);
    return new JsgfException(problem, lc[0], lc[1], null);
  }
}
