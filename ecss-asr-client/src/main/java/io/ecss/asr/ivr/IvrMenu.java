package io.ecss.asr.ivr;

import static java.util.Objects.requireNonNull;

import io.ecss.asr.jsgf.Expansion;
import io.ecss.asr.jsgf.ExpansionLimits;
import io.ecss.asr.jsgf.JsgfExpander;
import io.ecss.asr.jsgf.JsgfGrammar;
import io.ecss.asr.jsgf.JsgfGrammarSet;
import io.ecss.asr.jsgf.JsgfHeader;
import io.ecss.asr.jsgf.JsgfMatch;
import io.ecss.asr.jsgf.JsgfMatcher;
import io.ecss.asr.jsgf.JsgfRule;
import io.ecss.asr.jsgf.MatchOptions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An IVR menu that accepts speech: its JSGF grammar, its Vosk phrase list, and the mapping from a
 * recognised text or a DTMF key back to the chosen item.
 *
 * <pre>{@code
 * IvrMenu menu = IvrMenu.of(
 *     IvrMenuItem.of("1", "Согласие", "да", "конечно"),
 *     IvrMenuItem.of("2", "Отказ", "нет", "не надо"));
 * String jsgf = menu.grammar().format();     // public <menu> = <item_1> | <item_2>; ...
 * menu.recognise("ну да конечно");           // item 1: the first phrase found in the speech
 * menu.dtmf("2");                            // item 2
 * }</pre>
 *
 * <p>The grammar ({@code #JSGF V1.0 UTF-8 ru; grammar ivr;}) has one private rule per item with
 * speech phrases, named {@code item_<key>} ({@code item_star}, {@code item_hash} for {@code *} and
 * {@code #}), documented with the item's description and tagged with the item's key; the public
 * rule {@code <menu>} is the alternatives of those rules, or {@code <VOID>} when no item has a
 * phrase. Words are compared case- and ё/е-insensitively ({@link MatchOptions#DEFAULT}); the same
 * phrase may not choose two items.
 *
 * <p>Immutable and thread-safe.
 */
public final class IvrMenu {
  /** The grammar name of menu grammars. */
  public static final String GRAMMAR_NAME = "ivr";

  /** The public rule of menu grammars. */
  public static final String RULE = "menu";

  private static final String UNKNOWN = "[unk]";

  private final List<IvrMenuItem> items;
  private final Map<String, IvrMenuItem> byKey;
  private final JsgfGrammar grammar;
  private final JsgfMatcher matcher;
  private final int longestPhrase;

  private IvrMenu(List<IvrMenuItem> items) {
    this.items = List.copyOf(items);
    if (this.items.isEmpty()) {
      throw new IllegalArgumentException("items: none (expected 1 or more)");
    }
    Map<String, IvrMenuItem> keys = new LinkedHashMap<>();
    Map<String, String> phraseOwner = new HashMap<>();
    int longest = 0;
    for (IvrMenuItem item : this.items) {
      if (keys.put(item.key(), item) != null) {
        throw new IllegalArgumentException("items: key " + item.key() + " used twice");
      }
      for (String p : item.phrases()) {
        String norm = normalize(p);
        String other = phraseOwner.putIfAbsent(norm, item.key());
        if (other != null) {
          throw new IllegalArgumentException(
              "phrase '"
                  + p
                  + "' "
                  + (other.equals(item.key()) ? "repeated in item " + other : "belongs to items " + other + " and " + item.key()));
        }
        longest = Math.max(longest, Phrases.words(p).size());
      }
    }
    this.byKey = Map.copyOf(keys);
    this.longestPhrase = longest;
    this.grammar = buildGrammar(this.items);
    this.matcher = JsgfMatcher.compile(JsgfGrammarSet.of(grammar), RULE, MatchOptions.DEFAULT);
  }

  /**
   * Creates a menu.
   *
   * @param items the items, in menu order
   * @return the menu
   * @throws IllegalArgumentException when there is no item, a key is used twice, or a phrase
   *     (compared case- and ё/е-insensitively) belongs to two items or repeats within one
   */
  public static IvrMenu of(List<IvrMenuItem> items) {
    requireNonNull(items, "items");
    return new IvrMenu(items);
  }

  /**
   * Creates a menu.
   *
   * @param items the items, in menu order
   * @return the menu
   * @throws IllegalArgumentException as {@link #of(List)}
   */
  public static IvrMenu of(IvrMenuItem... items) {
    return of(List.of(items));
  }

  private static String normalize(String phrase) {
    List<String> out = new ArrayList<>();
    for (String w : Phrases.words(phrase)) {
      out.add(MatchOptions.DEFAULT.normalize(w));
    }
    return String.join(" ", out);
  }

  /**
   * Returns the rule name of an item's phrases.
   *
   * @param key the item key
   * @return {@code item_1}, {@code item_star} or {@code item_hash}
   */
  public static String ruleName(String key) {
    return "item_" + (key.equals("*") ? "star" : key.equals("#") ? "hash" : key);
  }

  private static JsgfGrammar buildGrammar(List<IvrMenuItem> items) {
    List<JsgfRule> rules = new ArrayList<>();
    List<Expansion> refs = new ArrayList<>();
    for (IvrMenuItem item : items) {
      if (item.phrases().isEmpty()) {
        continue;
      }
      List<Expansion> alternatives = new ArrayList<>();
      for (String p : item.phrases()) {
        List<Expansion> tokens = new ArrayList<>();
        for (String w : Phrases.words(p)) {
          tokens.add(new Expansion.Token(w));
        }
        alternatives.add(tokens.size() == 1 ? tokens.get(0) : new Expansion.Sequence(tokens));
      }
      Expansion body;
      if (alternatives.size() == 1) {
        Expansion only = alternatives.get(0);
        body = only instanceof Expansion.Sequence ? new Expansion.Group(only) : only;
      } else {
        body = new Expansion.Group(new Expansion.Alternatives(alternatives, List.of()));
      }
      String doc =
          item.description().isBlank()
              ? ""
              : " " + item.description().strip().replace("*/", "* /") + " ";
      String name = ruleName(item.key());
      rules.add(new JsgfRule(name, false, Expansion.Tagged.of(body, item.key()), doc));
      refs.add(new Expansion.RuleRef(name));
    }
    Expansion menu =
        refs.isEmpty()
            ? Expansion.RuleRef.VOID
            : refs.size() == 1 ? refs.get(0) : new Expansion.Alternatives(refs, List.of());
    rules.add(0, JsgfRule.of(RULE, true, menu));
    return JsgfGrammar.of(JsgfHeader.UTF8_RU, GRAMMAR_NAME, List.of(), rules);
  }

  /**
   * Returns the items.
   *
   * @return an immutable list, in menu order
   */
  public List<IvrMenuItem> items() {
    return items;
  }

  /**
   * Returns the menu's JSGF grammar.
   *
   * @return the grammar; {@code grammar().format()} is its text
   */
  public JsgfGrammar grammar() {
    return grammar;
  }

  /**
   * Returns the Vosk grammar JSON for the menu: every phrase, then {@code "[unk]"}.
   *
   * @return the JSON array
   */
  public String voskGrammar() {
    return JsgfExpander.voskGrammar(
        JsgfGrammarSet.of(grammar), RULE, ExpansionLimits.DEFAULT.withMaxPhrases(Integer.MAX_VALUE));
  }

  /**
   * Maps a DTMF key to its item.
   *
   * @param key the pressed key
   * @return the item, or empty when the menu has no such key
   */
  public Optional<IvrMenuItem> dtmf(String key) {
    return Optional.ofNullable(byKey.get(key));
  }

  /**
   * Maps recognised text to the item it chooses; see {@link #recognise(List)}.
   *
   * @param text the recogniser's text
   * @return the item, or empty
   */
  public Optional<IvrMenuItem> recognise(String text) {
    return recognise(Phrases.words(text));
  }

  /**
   * Maps recognised words to the item they choose. Vosk's {@code [unk]} words are ignored. When
   * the whole utterance is one of the phrases, that phrase's item is chosen; otherwise, as the
   * IVR editor describes ("if the word or phrase is found in the caller's speech"), the phrase
   * found earliest in the utterance chooses, the longest one when several start at the same word.
   *
   * @param words the recogniser's words
   * @return the item, or empty when no phrase occurs
   */
  public Optional<IvrMenuItem> recognise(List<String> words) {
    List<String> w = new ArrayList<>(words.size());
    for (String s : words) {
      if (!s.equals(UNKNOWN)) {
        w.add(s);
      }
    }
    int n = w.size();
    Optional<IvrMenuItem> whole = item(matcher.match(w));
    if (whole.isPresent()) {
      return whole;
    }
    for (int i = 0; i < n; i++) {
      for (int j = Math.min(n, i + longestPhrase); j > i; j--) {
        if (i == 0 && j == n) {
          continue;
        }
        Optional<IvrMenuItem> hit = item(matcher.match(w.subList(i, j)));
        if (hit.isPresent()) {
          return hit;
        }
      }
    }
    return Optional.empty();
  }

  private Optional<IvrMenuItem> item(JsgfMatch m) {
    if (!m.matched() || m.tags().isEmpty()) {
      return Optional.empty();
    }
    return Optional.ofNullable(byKey.get(m.tags().get(m.tags().size() - 1)));
  }
}
