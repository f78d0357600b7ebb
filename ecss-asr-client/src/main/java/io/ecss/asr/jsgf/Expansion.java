package io.ecss.asr.jsgf;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;

/**
 * The right-hand side of a JSGF rule (W3C JSGF §4): a sealed family of immutable nodes. Precedence
 * (§4.7) is built into the shape: alternatives hold sequences or single items, sequences hold
 * items, and unary operators and tags hold items; a sequence or a set of alternatives nested in an
 * item must be wrapped in a {@link Group} or an {@link OptionalGroup}. The constructors enforce
 * this, so every tree has exactly one canonical text and {@code parse(format(e))} returns an equal
 * tree.
 *
 * <p>Equality is structural and ignores source positions. Immutable and thread-safe.
 */
public sealed interface Expansion
    permits Expansion.Token,
        Expansion.RuleRef,
        Expansion.Sequence,
        Expansion.Alternatives,
        Expansion.Group,
        Expansion.OptionalGroup,
        Expansion.Repeat,
        Expansion.Tagged {

  /**
   * A token (JSGF §2.3): a word as written in the grammar. A quoted token such as {@code "New
   * York"} keeps its spaces; expansion and matching treat it as the sequence of its
   * whitespace-separated words.
   *
   * @param text the token text, unquoted and unescaped; not blank, no line breaks
   */
  record Token(String text) implements Expansion {
    /**
     * Validates the token.
     *
     * @param text the token text, unquoted and unescaped; not blank, no line breaks
     * @throws IllegalArgumentException when the text is blank or contains a line break
     */
    public Token {
      requireNonNull(text, "text");
      if (text.isBlank()) {
        throw new IllegalArgumentException("token: '" + text + "' (expected a non-blank text)");
      }
      if (text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0) {
        throw new IllegalArgumentException("token: contains a line break (expected one line)");
      }
    }

    /**
     * Returns the words of this token: the text split at whitespace.
     *
     * @return one word for a plain token, several for a quoted token with spaces
     */
    public List<String> words() {
      return Words.split(text);
    }
  }

  /**
   * A rule reference (JSGF §4.2): {@code <name>}, {@code <grammar.name>}, or one of the special
   * rules {@code <NULL>} (matches the empty sequence) and {@code <VOID>} (can never be spoken).
   *
   * @param name the rule name, simple or qualified by a grammar name
   */
  record RuleRef(String name) implements Expansion {
    /** {@code <NULL>}: always matches and consumes nothing. */
    public static final RuleRef NULL = new RuleRef("NULL");

    /** {@code <VOID>}: never matches; a sequence containing it matches nothing. */
    public static final RuleRef VOID = new RuleRef("VOID");

    /**
     * Validates the name.
     *
     * @param name the rule name, simple or qualified by a grammar name
     * @throws IllegalArgumentException when the name is not a (possibly qualified) rule name
     */
    public RuleRef {
      requireNonNull(name, "name");
      if (!Names.isDottedName(name)) {
        throw new IllegalArgumentException("rule name: '" + name + "' (expected a JSGF rule name)");
      }
    }

    /**
     * Whether this is {@code <NULL>}.
     *
     * @return true for the special rule {@code <NULL>}
     */
    public boolean isNull() {
      return name.equals("NULL");
    }

    /**
     * Whether this is {@code <VOID>}.
     *
     * @return true for the special rule {@code <VOID>}
     */
    public boolean isVoid() {
      return name.equals("VOID");
    }

    /**
     * Whether the name is qualified by a grammar name ({@code <grammar.rule>}).
     *
     * @return true when the name contains a dot
     */
    public boolean isQualified() {
      return name.indexOf('.') >= 0;
    }

    /**
     * Returns the rule's simple name, without a grammar qualifier.
     *
     * @return the part after the last dot
     */
    public String simpleName() {
      return name.substring(name.lastIndexOf('.') + 1);
    }
  }

  /**
   * A sequence of two or more items that must be spoken in order (JSGF §4.3).
   *
   * @param items the items; none is a {@link Sequence} or {@link Alternatives}
   */
  record Sequence(List<Expansion> items) implements Expansion {
    /**
     * Validates and copies the items.
     *
     * @param items the items; none is a {@link Sequence} or {@link Alternatives}
     * @throws IllegalArgumentException when fewer than two items are given or an item is a
     *     sequence or alternatives (wrap those in a {@link Group})
     */
    public Sequence {
      items = List.copyOf(items);
      if (items.size() < 2) {
        throw new IllegalArgumentException(
            "sequence items: " + items.size() + " (expected 2 or more)");
      }
      for (Expansion e : items) {
        if (e instanceof Sequence || e instanceof Alternatives) {
          throw new IllegalArgumentException(
              "sequence item: " + e.getClass().getSimpleName() + " (wrap it in a Group)");
        }
      }
    }

    /**
     * Creates a sequence.
     *
     * @param items two or more items
     * @return the sequence
     */
    public static Sequence of(Expansion... items) {
      return new Sequence(List.of(items));
    }
  }

  /**
   * Two or more alternatives, one of which is spoken (JSGF §4.3), optionally weighted: either no
   * alternative or every alternative carries a weight ({@code /10/ yes | /1/ no}). Weights are
   * relative likelihoods for a recogniser; they do not change the language.
   *
   * @param items the alternatives; none is itself {@link Alternatives}
   * @param weights empty, or one finite non-negative weight per alternative
   */
  record Alternatives(List<Expansion> items, List<Double> weights) implements Expansion {
    /**
     * Validates and copies.
     *
     * @param items the alternatives; none is itself {@link Alternatives}
     * @param weights empty, or one finite non-negative weight per alternative
     * @throws IllegalArgumentException when fewer than two alternatives are given, an alternative
     *     is itself alternatives, or the weights are not empty and not one finite non-negative
     *     number per alternative
     */
    public Alternatives {
      items = List.copyOf(items);
      List<Double> normalized = new ArrayList<>(weights.size());
      for (Double w : weights) {
        normalized.add(w + 0.0); // -0.0 becomes 0.0, so equal weights are equal
      }
      weights = List.copyOf(normalized);
      if (items.size() < 2) {
        throw new IllegalArgumentException(
            "alternatives: " + items.size() + " (expected 2 or more)");
      }
      for (Expansion e : items) {
        if (e instanceof Alternatives) {
          throw new IllegalArgumentException("alternative: Alternatives (wrap it in a Group)");
        }
      }
      if (!weights.isEmpty() && weights.size() != items.size()) {
        throw new IllegalArgumentException(
            "weights: "
                + weights.size()
                + " for "
                + items.size()
                + " alternatives (expected all or none)");
      }
      for (double w : weights) {
        if (!(w >= 0) || Double.isInfinite(w)) {
          throw new IllegalArgumentException("weight: " + w + " (expected finite and >= 0)");
        }
      }
    }

    /**
     * Creates unweighted alternatives.
     *
     * @param items two or more alternatives
     * @return the alternatives
     */
    public static Alternatives of(Expansion... items) {
      return new Alternatives(List.of(items), List.of());
    }

    /**
     * Whether the alternatives carry weights.
     *
     * @return true when every alternative has a weight
     */
    public boolean isWeighted() {
      return !weights.isEmpty();
    }
  }

  /**
   * A required group {@code ( … )} (JSGF §4.4).
   *
   * @param inner the grouped expansion
   */
  record Group(Expansion inner) implements Expansion {
    /**
     * Validates.
     *
     * @param inner the grouped expansion
     */
    public Group {
      requireNonNull(inner, "inner");
    }
  }

  /**
   * An optional group {@code [ … ]} (JSGF §4.4): the inner expansion zero or one times.
   *
   * @param inner the optional expansion
   */
  record OptionalGroup(Expansion inner) implements Expansion {
    /**
     * Validates.
     *
     * @param inner the optional expansion
     */
    public OptionalGroup {
      requireNonNull(inner, "inner");
    }
  }

  /**
   * A repeated item (JSGF §4.5): {@code item*} zero or more times, {@code item+} one or more.
   *
   * @param item the repeated item; not a {@link Sequence} or {@link Alternatives}
   * @param oneOrMore true for {@code +}, false for {@code *}
   */
  record Repeat(Expansion item, boolean oneOrMore) implements Expansion {
    /**
     * Validates.
     *
     * @param item the repeated item; not a {@link Sequence} or {@link Alternatives}
     * @param oneOrMore true for {@code +}, false for {@code *}
     * @throws IllegalArgumentException when the item is a sequence or alternatives
     */
    public Repeat {
      requireNonNull(item, "item");
      if (item instanceof Sequence || item instanceof Alternatives) {
        throw new IllegalArgumentException(
            "repeated item: " + item.getClass().getSimpleName() + " (wrap it in a Group)");
      }
    }

    /**
     * Returns the operator character.
     *
     * @return {@code '+'} or {@code '*'}
     */
    public char operator() {
      return oneOrMore ? '+' : '*';
    }
  }

  /**
   * An item with one or more tags (JSGF §4.6): {@code item {tag} {tag2}}. Tags do not change the
   * language; the matcher returns them for the matched path. Tag texts are stored without the
   * braces and without surrounding whitespace.
   *
   * @param item the tagged item; not a sequence, alternatives or another {@link Tagged}
   * @param tags one or more tag texts
   */
  record Tagged(Expansion item, List<String> tags) implements Expansion {
    /**
     * Validates, strips and copies.
     *
     * @param item the tagged item; not a sequence, alternatives or another {@link Tagged}
     * @param tags one or more tag texts
     * @throws IllegalArgumentException when the item is a sequence, alternatives or tagged, or no
     *     tag is given
     */
    public Tagged {
      requireNonNull(item, "item");
      if (item instanceof Sequence || item instanceof Alternatives || item instanceof Tagged) {
        throw new IllegalArgumentException(
            "tagged item: "
                + item.getClass().getSimpleName()
                + " (wrap sequences and alternatives in a Group; put all tags in one Tagged)");
      }
      List<String> stripped = new ArrayList<>(tags.size());
      for (String t : tags) {
        stripped.add(t.strip());
      }
      tags = List.copyOf(stripped);
      if (tags.isEmpty()) {
        throw new IllegalArgumentException("tags: none (expected 1 or more)");
      }
    }

    /**
     * Creates a tagged item.
     *
     * @param item the item
     * @param tags one or more tag texts
     * @return the tagged item
     */
    public static Tagged of(Expansion item, String... tags) {
      return new Tagged(item, List.of(tags));
    }
  }
}
