package io.ecss.asr.jsgf;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Expands a rule to the list of phrases it matches, and to the grammar JSON Vosk takes.
 *
 * <p>Semantics (JSGF §4): a token is a phrase of its words; {@code <NULL>} is the empty phrase;
 * {@code <VOID>} matches nothing, so a sequence containing it matches nothing and an alternative
 * made of it disappears; {@code [x]} adds the empty phrase; {@code x*} and {@code x+} are unrolled
 * up to {@link ExpansionLimits#maxRepeat()} copies; a recursive rule may re-enter itself up to
 * {@link ExpansionLimits#maxRecursion()} times on one path; tags and weights do not change the
 * phrases. Phrases are the words joined by single spaces, distinct, in order of first derivation
 * (leftmost alternative first). The empty phrase appears as {@code ""} when the rule can match
 * nothing at all spoken.
 *
 * <p>Thread-safe (stateless).
 */
public final class JsgfExpander {
  private static final ObjectMapper JSON = new ObjectMapper();

  private JsgfExpander() {}

  /**
   * Expands a rule with the {@linkplain ExpansionLimits#DEFAULT default limits}.
   *
   * @param set the resolved grammars
   * @param ruleName the rule, as the root grammar refers to it
   * @return the distinct phrases
   * @throws JsgfException when the rule does not exist or a limit is exceeded
   */
  public static List<String> expand(JsgfGrammarSet set, String ruleName) {
    return expand(set, ruleName, ExpansionLimits.DEFAULT);
  }

  /**
   * Expands a rule.
   *
   * @param set the resolved grammars
   * @param ruleName the rule, as the root grammar refers to it
   * @param limits the bounds
   * @return the distinct phrases
   * @throws JsgfException when the rule does not exist or {@link ExpansionLimits#maxPhrases()} or
   *     {@link ExpansionLimits#maxWords()} is exceeded
   */
  public static List<String> expand(JsgfGrammarSet set, String ruleName, ExpansionLimits limits) {
    requireNonNull(set, "set");
    requireNonNull(limits, "limits");
    JsgfGrammarSet.Target t = set.target(ruleName);
    return List.copyOf(new Run(set, limits, t.rule.name()).rule(t));
  }

  /**
   * Returns the Vosk grammar JSON for phrases: a JSON array of the non-empty phrases followed by
   * {@code "[unk]"}, so out-of-grammar speech is recognised as unknown instead of being forced
   * onto the nearest phrase.
   *
   * @param phrases the phrases, for example from {@link #expand}
   * @return JSON such as {@code ["да","нет","[unk]"]}
   */
  public static String voskGrammar(List<String> phrases) {
    List<String> out = new ArrayList<>(phrases.size() + 1);
    for (String p : phrases) {
      if (!p.isBlank()) {
        out.add(p);
      }
    }
    out.add("[unk]");
    try {
      return JSON.writeValueAsString(out);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a list of strings always serialises", e);
    }
  }

  /**
   * Expands a rule and returns its Vosk grammar JSON.
   *
   * @param set the resolved grammars
   * @param ruleName the rule
   * @param limits the bounds
   * @return the JSON array of phrases plus {@code "[unk]"}
   * @throws JsgfException as {@link #expand(JsgfGrammarSet, String, ExpansionLimits)}
   */
  public static String voskGrammar(JsgfGrammarSet set, String ruleName, ExpansionLimits limits) {
    return voskGrammar(expand(set, ruleName, limits));
  }

  /** One expansion: recursion counters and a cache of context-free rule results. */
  private static final class Run {
    private final JsgfGrammarSet set;
    private final ExpansionLimits limits;
    private final String start;
    private final IdentityHashMap<JsgfRule, Integer> active = new IdentityHashMap<>();
    private final IdentityHashMap<JsgfRule, Set<String>> cache = new IdentityHashMap<>();
    private final IdentityHashMap<JsgfRule, Boolean> cyclic = new IdentityHashMap<>();

    Run(JsgfGrammarSet set, ExpansionLimits limits, String start) {
      this.set = set;
      this.limits = limits;
      this.start = start;
    }

    Set<String> rule(JsgfGrammarSet.Target t) {
      Set<String> cached = cache.get(t.rule);
      if (cached != null) {
        return cached;
      }
      int n = active.getOrDefault(t.rule, 0);
      if (n > limits.maxRecursion()) {
        return Set.of();
      }
      active.put(t.rule, n + 1);
      Set<String> result = expansion(t.grammar, t.rule.expansion());
      if (n == 0) {
        active.remove(t.rule);
      } else {
        active.put(t.rule, n);
      }
      if (!isCyclic(t)) {
        cache.put(t.rule, result);
      }
      return result;
    }

    /** Whether the rule can reach itself through references. */
    private boolean isCyclic(JsgfGrammarSet.Target t) {
      Boolean known = cyclic.get(t.rule);
      if (known != null) {
        return known;
      }
      IdentityHashMap<JsgfRule, Boolean> seen = new IdentityHashMap<>();
      List<JsgfGrammarSet.Target> stack = new ArrayList<>();
      stack.add(t);
      boolean found = false;
      while (!stack.isEmpty() && !found) {
        JsgfGrammarSet.Target cur = stack.remove(stack.size() - 1);
        List<Expansion.RuleRef> refs = new ArrayList<>();
        JsgfChecker.refs(cur.rule.expansion(), refs::add);
        for (Expansion.RuleRef ref : refs) {
          JsgfGrammarSet.Target next = set.target(ref);
          if (next.rule.name().equals(t.rule.name())
              && next.grammar.name().equals(t.grammar.name())) {
            found = true;
            break;
          }
          if (seen.put(next.rule, Boolean.TRUE) == null) {
            stack.add(next);
          }
        }
      }
      cyclic.put(t.rule, found);
      return found;
    }

    private Set<String> expansion(JsgfGrammar g, Expansion e) {
      if (e instanceof Expansion.Token token) {
        return Set.of(words(String.join(" ", token.words()), g, e));
      } else if (e instanceof Expansion.RuleRef ref) {
        if (ref.isNull()) {
          return Set.of("");
        }
        if (ref.isVoid()) {
          return Set.of();
        }
        return rule(set.target(ref));
      } else if (e instanceof Expansion.Sequence sequence) {
        Set<String> acc = Set.of("");
        for (Expansion item : sequence.items()) {
          Set<String> next = expansion(g, item);
          if (next.isEmpty()) {
            return Set.of();
          }
          acc = product(acc, next, g, item);
        }
        return acc;
      } else if (e instanceof Expansion.Alternatives alternatives) {
        Set<String> out = new LinkedHashSet<>();
        for (Expansion item : alternatives.items()) {
          for (String p : expansion(g, item)) {
            add(out, p, g, e);
          }
        }
        return out;
      } else if (e instanceof Expansion.Group group) {
        return expansion(g, group.inner());
      } else if (e instanceof Expansion.OptionalGroup optionalGroup) {
        Set<String> out = new LinkedHashSet<>();
        Set<String> inner = expansion(g, optionalGroup.inner());
        for (String p : inner) {
          add(out, p, g, e);
        }
        add(out, "", g, e);
        return out;
      } else if (e instanceof Expansion.Repeat repeat) {
        Set<String> item = expansion(g, repeat.item());
        Set<String> out = new LinkedHashSet<>();
        if (!repeat.oneOrMore()) {
          add(out, "", g, e);
        }
        Set<String> power = item;
        for (int k = 1; k <= limits.maxRepeat() && !power.isEmpty(); k++) {
          for (String p : power) {
            add(out, p, g, e);
          }
          if (k < limits.maxRepeat()) {
            power = product(power, item, g, e);
          }
        }
        return out;
      } else {
        return expansion(g, ((Expansion.Tagged) e).item());
      }
    }

    private Set<String> product(Set<String> a, Set<String> b, JsgfGrammar g, Expansion at) {
      Set<String> out = new LinkedHashSet<>();
      for (String x : a) {
        for (String y : b) {
          String p = x.isEmpty() ? y : y.isEmpty() ? x : x + " " + y;
          add(out, words(p, g, at), g, at);
        }
      }
      return out;
    }

    private void add(Set<String> out, String phrase, JsgfGrammar g, Expansion at) {
      if (out.add(phrase) && out.size() > limits.maxPhrases()) {
        throw fail(
            "rule <"
                + start
                + "> expands to more than "
                + limits.maxPhrases()
                + " phrases (ExpansionLimits.maxPhrases); raise the limit or use JsgfMatcher",
            g,
            at);
      }
    }

    private String words(String phrase, JsgfGrammar g, Expansion at) {
      if (phrase.length() >= 2 * limits.maxWords()) {
        int words = Words.split(phrase).size();
        if (words > limits.maxWords()) {
          throw fail(
              "rule <"
                  + start
                  + "> has a phrase of more than "
                  + limits.maxWords()
                  + " words (ExpansionLimits.maxWords)",
              g,
              at);
        }
      }
      return phrase;
    }

    private JsgfException fail(String problem, JsgfGrammar g, Expansion at) {
      int[] lc = g.position(at);
      boolean isRoot = g.name().equals(set.root().name());
      return new JsgfException(problem, lc[0], lc[1], isRoot ? null : g.name());
    }
  }
}
