package io.ecss.asr.jsgf;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A token automaton with ordered epsilon edges that may carry tags (Thompson construction; rule
 * references inlined, right recursion closed into loops). Edge order encodes priority: the
 * leftmost alternative, entering an optional and one more repetition are preferred.
 */
final class Nfa {
  static final String[] NO_TAGS = new String[0];

  final int start;
  final int accept;
  final int states;
  /** CSR: edges of state s are [first[s], first[s+1]). symbol -1 = epsilon. */
  final int[] first;

  final int[] symbol;
  final int[] target;
  final String[][] tags;
  final Map<String, Integer> symbols;
  final boolean hasTags;

  private Nfa(Builder b) {
    this.start = b.start;
    this.accept = b.accept;
    this.states = b.states;
    int m = b.edgeCount;
    int[] count = new int[states + 1];
    for (int i = 0; i < m; i++) {
      count[b.from[i] + 1]++;
    }
    for (int s = 0; s < states; s++) {
      count[s + 1] += count[s];
    }
    this.first = count.clone();
    int[] fill = Arrays.copyOf(count, states);
    this.symbol = new int[m];
    this.target = new int[m];
    this.tags = new String[m][];
    boolean anyTags = false;
    for (int i = 0; i < m; i++) {
      int at = fill[b.from[i]]++;
      symbol[at] = b.sym[i];
      target[at] = b.to[i];
      String[] t = b.edgeTags.get(i);
      tags[at] = t;
      anyTags |= t.length > 0;
    }
    this.symbols = Map.copyOf(b.symbols);
    this.hasTags = anyTags;
  }

  /** Whether a state is kept in thread lists: it consumes a token or accepts. */
  boolean kept(int s) {
    if (s == accept) {
      return true;
    }
    for (int e = first[s]; e < first[s + 1]; e++) {
      if (symbol[e] >= 0) {
        return true;
      }
    }
    return false;
  }

  static final class Builder {
    final JsgfGrammarSet set;
    final MatchOptions options;
    final String startRule;
    int states;
    int start;
    int accept;
    int edgeCount;
    int[] from = new int[64];
    int[] sym = new int[64];
    int[] to = new int[64];
    final List<String[]> edgeTags = new ArrayList<>();
    final Map<String, Integer> symbols = new HashMap<>();

    Builder(JsgfGrammarSet set, MatchOptions options, String startRule) {
      this.set = set;
      this.options = options;
      this.startRule = startRule;
    }

    /** An inlined rule instance on the current path. */
    private static final class Frame {
      final String key;
      final int entry;
      final int out;
      final @Nullable Frame parent;

      Frame(String key, int entry, int out, @Nullable Frame parent) {
        this.key = key;
        this.entry = entry;
        this.out = out;
        this.parent = parent;
      }
    }

    Nfa build(JsgfGrammarSet.Target t) {
      start = newState();
      accept = newState();
      int entry = newState();
      edge(start, -1, entry, NO_TAGS);
      Frame root = new Frame(key(t), entry, accept, null);
      expansion(t.grammar, t.rule.expansion(), entry, accept, root);
      return new Nfa(this);
    }

    private static String key(JsgfGrammarSet.Target t) {
      return t.grammar.name() + "\u0000" + t.rule.name();
    }

    private int newState() {
      if (states >= options.maxStates()) {
        throw new JsgfException(
            "rule <"
                + startRule
                + "> needs more than "
                + options.maxStates()
                + " automaton states (MatchOptions.maxStates)");
      }
      return states++;
    }

    private void edge(int a, int s, int b, String[] t) {
      if (edgeCount == from.length) {
        int n = edgeCount * 2;
        from = Arrays.copyOf(from, n);
        sym = Arrays.copyOf(sym, n);
        to = Arrays.copyOf(to, n);
      }
      from[edgeCount] = a;
      sym[edgeCount] = s;
      to[edgeCount] = b;
      edgeTags.add(t);
      edgeCount++;
    }

    private int symbolOf(String word) {
      return symbols.computeIfAbsent(options.normalize(word), w -> symbols.size());
    }

    private void expansion(JsgfGrammar g, Expansion e, int in, int out, Frame frame) {
      if (e instanceof Expansion.Token token) {
        List<String> words = token.words();
        int cur = in;
        for (int i = 0; i < words.size() - 1; i++) {
          int next = newState();
          edge(cur, symbolOf(words.get(i)), next, NO_TAGS);
          cur = next;
        }
        edge(cur, symbolOf(words.get(words.size() - 1)), out, NO_TAGS);
      } else if (e instanceof Expansion.RuleRef ref) {
        if (ref.isNull()) {
          edge(in, -1, out, NO_TAGS);
          return;
        }
        if (ref.isVoid()) {
          return;
        }
        JsgfGrammarSet.Target t = set.target(ref);
        String key = key(t);
        for (Frame f = frame; f != null; f = f.parent) {
          if (f.key.equals(key)) {
            if (f.out != out) {
              int[] lc = g.position(ref);
              boolean isRoot = g.name().equals(set.root().name());
              throw new JsgfException(
                  "rule <"
                      + t.rule.name()
                      + "> is recursive other than by right recursion; the matcher supports only"
                      + " right recursion",
                  lc[0],
                  lc[1],
                  isRoot ? null : g.name());
            }
            edge(in, -1, f.entry, NO_TAGS);
            return;
          }
        }
        int entry = newState();
        edge(in, -1, entry, NO_TAGS);
        expansion(t.grammar, t.rule.expansion(), entry, out, new Frame(key, entry, out, frame));
      } else if (e instanceof Expansion.Sequence sequence) {
        List<Expansion> items = sequence.items();
        int cur = in;
        for (int i = 0; i < items.size() - 1; i++) {
          int next = newState();
          expansion(g, items.get(i), cur, next, frame);
          cur = next;
        }
        expansion(g, items.get(items.size() - 1), cur, out, frame);
      } else if (e instanceof Expansion.Alternatives alternatives) {
        for (Expansion item : alternatives.items()) {
          // Each alternative gets its own entry state so loops inside one cannot leak into another.
          int entry = newState();
          edge(in, -1, entry, NO_TAGS);
          expansion(g, item, entry, out, frame);
        }
      } else if (e instanceof Expansion.Group group) {
        expansion(g, group.inner(), in, out, frame);
      } else if (e instanceof Expansion.OptionalGroup optionalGroup) {
        int entry = newState();
        edge(in, -1, entry, NO_TAGS);
        expansion(g, optionalGroup.inner(), entry, out, frame);
        edge(in, -1, out, NO_TAGS);
      } else if (e instanceof Expansion.Repeat repeat) {
        int loop = newState();
        int end = newState();
        edge(in, -1, loop, NO_TAGS);
        expansion(g, repeat.item(), loop, end, frame);
        edge(end, -1, loop, NO_TAGS);
        edge(end, -1, out, NO_TAGS);
        if (!repeat.oneOrMore()) {
          edge(in, -1, out, NO_TAGS);
        }
      } else {
        Expansion.Tagged tagged = (Expansion.Tagged) e;
        int mid = newState();
        expansion(g, tagged.item(), in, mid, frame);
        edge(mid, -1, out, tagged.tags().toArray(NO_TAGS));
      }
    }
  }
}
