package io.ecss.webvtt;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The WebVTT cue text tokenizer and parsing rules (W3C WebVTT 1, section 6.4), building a {@link
 * CueNode} tree. Unknown tags are ignored (their content kept), end tags that do not close the
 * current span are ignored, {@code rt} only opens inside {@code ruby}, invalid timestamp tags are
 * dropped, spans still open at the end are closed. Not thread-safe; one instance per parse.
 */
final class CueTextParser {
  private enum State { DATA, TAG, START_TAG, CLASS, ANNOTATION, END_TAG, TIMESTAMP }

  private enum Token { STRING, START, END, TIMESTAMP }

  /** A span under construction. */
  private static final class Open {
    final CueNode.@Nullable Kind kind;
    final List<String> classes;
    final String annotation;
    final @Nullable Open parent;
    final List<Object> children = new ArrayList<>();

    Open(CueNode.@Nullable Kind kind, List<String> classes, String annotation, @Nullable Open parent) {
      this.kind = kind;
      this.classes = classes;
      this.annotation = annotation;
      this.parent = parent;
    }

    List<CueNode> freeze() {
      List<CueNode> out = new ArrayList<>(children.size());
      for (Object o : children) {
        if (o instanceof Open span) {
          out.add(new CueNode.Span(requireKind(span), span.classes, span.annotation, span.freeze()));
        } else {
          out.add((CueNode) o);
        }
      }
      return out;
    }

    private static CueNode.Kind requireKind(Open o) {
      CueNode.Kind k = o.kind;
      if (k == null) {
        throw new IllegalStateException("root inside tree");
      }
      return k;
    }
  }

  private final String s;
  private final int end;
  private final int maxDepth;
  private int pos;
  private int tokenStart;

  private final StringBuilder result = new StringBuilder();
  private final StringBuilder buffer = new StringBuilder();
  private final List<String> classes = new ArrayList<>();
  private @Nullable String annotation;

  private CueTextParser(String s, int maxDepth) {
    this.s = s;
    this.end = s.length();
    this.maxDepth = maxDepth;
  }

  static List<CueNode> parse(String text, int maxDepth) {
    return new CueTextParser(text, maxDepth).run();
  }

  private List<CueNode> run() {
    Open root = new Open(null, List.of(), "", null);
    Open current = root;
    int depth = 0;
    while (pos < end) {
      tokenStart = pos;
      Token t = next();
      switch (t) {
        case STRING -> current.children.add(new CueNode.Text(result.toString()));
        case START -> {
          CueNode.Kind kind = startKind(result.toString(), current);
          if (kind != null) {
            if (depth + 1 > maxDepth) {
              throw tooDeep();
            }
            String note = "";
            if (kind == CueNode.Kind.VOICE || kind == CueNode.Kind.LANGUAGE) {
              note = annotation == null ? "" : annotation;
            }
            List<String> cls = new ArrayList<>(classes.size());
            for (String c : classes) {
              if (!c.isEmpty()) {
                cls.add(c);
              }
            }
            Open span = new Open(kind, List.copyOf(cls), note, current);
            current.children.add(span);
            current = span;
            depth++;
          }
        }
        case END -> {
          Open parent = current.parent;
          if (parent != null && closes(result.toString(), current.kind)) {
            current = parent;
            depth--;
          } else if (parent != null && parent.parent != null
              && current.kind == CueNode.Kind.RUBY_TEXT && "ruby".contentEquals(result)) {
            current = parent.parent;
            depth -= 2;
          }
        }
        case TIMESTAMP -> {
          Scan scan = new Scan(result.toString(), 0, result.length());
          long ms = scan.timestamp(false);
          if (ms >= 0 && scan.atEnd()) {
            current.children.add(new CueNode.Timestamp(ms));
          }
        }
      }
    }
    return List.copyOf(root.freeze());
  }

  private WebVttParseException tooDeep() {
    int line = 1;
    int lineStart = 0;
    for (int i = 0; i < tokenStart; i++) {
      if (s.charAt(i) == '\n') {
        line++;
        lineStart = i + 1;
      }
    }
    return new WebVttParseException(
        "cue text spans nested deeper than maxNestingDepth " + maxDepth + " (WebVttLimits)",
        line, tokenStart - lineStart + 1);
  }

  private static CueNode.@Nullable Kind startKind(String name, Open current) {
    return switch (name) {
      case "c" -> CueNode.Kind.CLASS;
      case "i" -> CueNode.Kind.ITALIC;
      case "b" -> CueNode.Kind.BOLD;
      case "u" -> CueNode.Kind.UNDERLINE;
      case "ruby" -> CueNode.Kind.RUBY;
      case "rt" -> current.kind == CueNode.Kind.RUBY ? CueNode.Kind.RUBY_TEXT : null;
      case "v" -> CueNode.Kind.VOICE;
      case "lang" -> CueNode.Kind.LANGUAGE;
      default -> null;
    };
  }

  private static boolean closes(String name, CueNode.@Nullable Kind kind) {
    return kind != null && kind.tag().equals(name);
  }

  private static boolean tagSpace(char c) {
    return c == '\t' || c == '\f' || c == ' ';
  }

  /** The tokenizer: one token from {@link #pos}; its data is left in the fields. */
  private Token next() {
    State state = State.DATA;
    result.setLength(0);
    buffer.setLength(0);
    classes.clear();
    annotation = null;
    while (true) {
      boolean eof = pos >= end;
      char c = eof ? 0 : s.charAt(pos);
      switch (state) {
        case DATA -> {
          if (eof) {
            return Token.STRING;
          } else if (c == '&') {
            int p = CharRefs.consume(s, pos + 1, end, (char) 0, result);
            if (p < 0) {
              result.append('&');
              pos++;
            } else {
              pos = p;
            }
          } else if (c == '<') {
            if (result.length() > 0) {
              return Token.STRING;
            }
            state = State.TAG;
            pos++;
          } else {
            result.append(c);
            pos++;
          }
        }
        case TAG -> {
          if (eof) {
            return Token.START;
          } else if (tagSpace(c) || c == '\n') {
            state = State.ANNOTATION;
          } else if (c == '.') {
            state = State.CLASS;
          } else if (c == '/') {
            state = State.END_TAG;
          } else if (c >= '0' && c <= '9') {
            result.append(c);
            state = State.TIMESTAMP;
          } else if (c == '>') {
            pos++;
            return Token.START;
          } else {
            result.append(c);
            state = State.START_TAG;
          }
          pos++;
        }
        case START_TAG -> {
          if (eof) {
            return Token.START;
          } else if (tagSpace(c)) {
            state = State.ANNOTATION;
          } else if (c == '\n') {
            buffer.append(c);
            state = State.ANNOTATION;
          } else if (c == '.') {
            state = State.CLASS;
          } else if (c == '>') {
            pos++;
            return Token.START;
          } else {
            result.append(c);
          }
          pos++;
        }
        case CLASS -> {
          if (eof) {
            classes.add(buffer.toString());
            return Token.START;
          } else if (tagSpace(c) || c == '\n') {
            classes.add(buffer.toString());
            buffer.setLength(0);
            if (c == '\n') {
              buffer.append(c);
            }
            state = State.ANNOTATION;
          } else if (c == '.') {
            classes.add(buffer.toString());
            buffer.setLength(0);
          } else if (c == '>') {
            pos++;
            classes.add(buffer.toString());
            return Token.START;
          } else {
            buffer.append(c);
          }
          pos++;
        }
        case ANNOTATION -> {
          if (eof) {
            annotation = collapse(buffer);
            return Token.START;
          } else if (c == '&') {
            int p = CharRefs.consume(s, pos + 1, end, '>', buffer);
            if (p < 0) {
              buffer.append('&');
              pos++;
            } else {
              pos = p;
            }
          } else if (c == '>') {
            pos++;
            annotation = collapse(buffer);
            return Token.START;
          } else {
            buffer.append(c);
            pos++;
          }
        }
        case END_TAG, TIMESTAMP -> {
          if (eof) {
            return state == State.END_TAG ? Token.END : Token.TIMESTAMP;
          } else if (c == '>') {
            pos++;
            return state == State.END_TAG ? Token.END : Token.TIMESTAMP;
          }
          result.append(c);
          pos++;
        }
      }
    }
  }

  /** Trims ASCII whitespace and collapses inner runs to one space. */
  static String collapse(CharSequence in) {
    int n = in.length();
    boolean clean = n > 0 && !Checks.isAsciiWhitespace(in.charAt(0))
        && !Checks.isAsciiWhitespace(in.charAt(n - 1));
    for (int i = 1; clean && i < n; i++) {
      char c = in.charAt(i);
      if (c <= ' ' && Checks.isAsciiWhitespace(c)
          && (c != ' ' || Checks.isAsciiWhitespace(in.charAt(i - 1)))) {
        clean = false;
      }
    }
    if (clean || n == 0) {
      return in.toString();
    }
    StringBuilder out = new StringBuilder(in.length());
    boolean space = false;
    for (int i = 0; i < in.length(); i++) {
      char c = in.charAt(i);
      if (Checks.isAsciiWhitespace(c)) {
        space = out.length() > 0;
      } else {
        if (space) {
          out.append(' ');
          space = false;
        }
        out.append(c);
      }
    }
    return out.toString();
  }
}
