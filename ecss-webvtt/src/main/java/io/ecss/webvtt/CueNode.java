package io.ecss.webvtt;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * A node of the cue text tree (W3C WebVTT 1, section 6.4: "WebVTT Node Objects"): text, an inline
 * timestamp, or a span ({@code c}, {@code i}, {@code b}, {@code u}, {@code ruby}, {@code rt},
 * {@code v}, {@code lang}) holding further nodes. Build trees by hand or with {@link
 * CueText#parse(String)}; write them with {@link CueText#format(List)}.
 *
 * <p>Immutable and thread-safe.
 */
public sealed interface CueNode permits CueNode.Text, CueNode.Timestamp, CueNode.Span {

  /**
   * Text, with character references already decoded ("WebVTT Text Object").
   *
   * @param text the characters; may contain LF (a line break of the payload)
   */
  record Text(String text) implements CueNode {
    /**
     * Checks the text is not null.
     *
     * @param text the characters; may contain LF (a line break of the payload)
     */
    public Text {
      requireNonNull(text, "text");
    }
  }

  /**
   * An inline timestamp such as {@code <00:00:01.500>} ("WebVTT Timestamp Object").
   *
   * @param time the time in milliseconds
   */
  record Timestamp(long time) implements CueNode {
    /**
     * Validates the time.
     *
     * @param time the time in milliseconds
     * @throws IllegalArgumentException if {@code time} is negative or above {@link
     *     WebVttCue#MAX_TIME}
     */
    public Timestamp {
      if (time < 0 || time > WebVttCue.MAX_TIME) {
        throw new IllegalArgumentException("time: " + time + " (expected 0.." + WebVttCue.MAX_TIME + ")");
      }
    }
  }

  /**
   * A span ("WebVTT Internal Node Object") with its classes, annotation and children.
   *
   * @param kind which span
   * @param classes class names ({@code <c.loud.red>}), none empty
   * @param annotation voice name of a {@link Kind#VOICE} span or language tag of a {@link
   *     Kind#LANGUAGE} span; empty for the other kinds
   * @param children the nodes inside the span
   */
  record Span(Kind kind, List<String> classes, String annotation, List<CueNode> children)
      implements CueNode {

    /**
     * Validates the span and copies the lists.
     *
     * @param kind which span
     * @param classes class names, none empty
     * @param annotation voice name or language tag; empty for the other kinds
     * @param children the nodes inside the span
     * @throws IllegalArgumentException if a class name is empty or contains whitespace, {@code .}
     *     or {@code >}, or a kind other than voice or language has an annotation
     */
    public Span {
      requireNonNull(kind, "kind");
      requireNonNull(annotation, "annotation");
      classes = List.copyOf(classes);
      children = List.copyOf(children);
      for (String c : classes) {
        if (c.isEmpty()) {
          throw new IllegalArgumentException("classes: empty class name");
        }
        for (int i = 0; i < c.length(); i++) {
          char ch = c.charAt(i);
          if (Checks.isAsciiWhitespace(ch) || ch == '.' || ch == '>' || ch == '\0') {
            throw new IllegalArgumentException(
                "classes: " + Checks.quote(c) + " contains '" + ch + "' at index " + i);
          }
        }
      }
      if (!annotation.isEmpty() && kind != Kind.VOICE && kind != Kind.LANGUAGE) {
        throw new IllegalArgumentException(
            "annotation: " + Checks.quote(annotation) + " (only v and lang spans carry one)");
      }
    }

    /**
     * Returns a span without classes or annotation.
     *
     * @param kind which span
     * @param children the nodes inside
     * @return the span
     */
    public static Span of(Kind kind, CueNode... children) {
      return new Span(kind, List.of(), "", List.of(children));
    }

    /**
     * Returns a voice span {@code <v name>…</v>}.
     *
     * @param name the voice (speaker) name
     * @param children the nodes inside
     * @return the span
     */
    public static Span voice(String name, CueNode... children) {
      return new Span(Kind.VOICE, List.of(), name, List.of(children));
    }
  }

  /** The kinds of span and their tag names. */
  enum Kind {
    /** Class span {@code <c>}. */
    CLASS("c"),
    /** Italic span {@code <i>}. */
    ITALIC("i"),
    /** Bold span {@code <b>}. */
    BOLD("b"),
    /** Underline span {@code <u>}. */
    UNDERLINE("u"),
    /** Ruby span {@code <ruby>}. */
    RUBY("ruby"),
    /** Ruby text span {@code <rt>}, only inside ruby. */
    RUBY_TEXT("rt"),
    /** Voice span {@code <v Name>}. */
    VOICE("v"),
    /** Language span {@code <lang tag>}. */
    LANGUAGE("lang");

    private final String tag;

    Kind(String tag) {
      this.tag = tag;
    }

    /**
     * Returns the tag name.
     *
     * @return the tag name, e.g. {@code "v"}
     */
    public String tag() {
      return tag;
    }
  }
}
