package io.ecss.asr.jsgf;

import static java.util.Objects.requireNonNull;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Decides whether a word sequence belongs to a rule's language and returns the tags on the
 * accepting path: the check a recogniser's output needs, because Vosk treats a grammar only as a
 * loose language model and can return sequences outside it.
 *
 * <pre>{@code
 * JsgfMatcher m = JsgfMatcher.compile(JsgfGrammarSet.of(grammar), "answer");
 * JsgfMatch r = m.match("Да");          // matched, tags [yes] (case-insensitive by default)
 * }</pre>
 *
 * <p>The rule is compiled to a token automaton (references inlined, right recursion closed into
 * loops) and then to a deterministic automaton over the grammar's words, built eagerly up to
 * 50,000 states; larger grammars are matched by simulating the automaton instead, with the same
 * results. Matching is linear in the number of words. When several paths accept, the tags come
 * from the preferred one: the leftmost alternative, entering an optional group, and one more
 * repetition of {@code *} or {@code +} (greedy) win, in that order of occurrence.
 *
 * <p>Immutable and thread-safe.
 */
public final class JsgfMatcher {
  static final int DEFAULT_MAX_DFA_STATES = 50_000;

  private final MatchOptions options;
  private final Nfa nfa;
  private final Step startStep;
  private final @Nullable DState dfaStart;

  private JsgfMatcher(MatchOptions options, Nfa nfa, int maxDfaStates) {
    this.options = options;
    this.nfa = nfa;
    this.startStep = closure(nfa, new int[] {nfa.start}, new int[] {0}, true);
    this.dfaStart = Dfa.build(nfa, startStep, maxDfaStates);
  }

  /**
   * Compiles a rule with the {@linkplain MatchOptions#DEFAULT default options}.
   *
   * @param set the resolved grammars
   * @param ruleName the rule, as the root grammar refers to it
   * @return the matcher
   * @throws JsgfException when the rule does not exist, is recursive other than by right
   *     recursion, or exceeds {@link MatchOptions#maxStates()}
   */
  public static JsgfMatcher compile(JsgfGrammarSet set, String ruleName) {
    return compile(set, ruleName, MatchOptions.DEFAULT);
  }

  /**
   * Compiles a rule.
   *
   * @param set the resolved grammars
   * @param ruleName the rule, as the root grammar refers to it
   * @param options word comparison and size bound
   * @return the matcher
   * @throws JsgfException when the rule does not exist, is recursive other than by right
   *     recursion, or exceeds {@link MatchOptions#maxStates()}
   */
  public static JsgfMatcher compile(JsgfGrammarSet set, String ruleName, MatchOptions options) {
    return compile(set, ruleName, options, DEFAULT_MAX_DFA_STATES);
  }

  static JsgfMatcher compile(
      JsgfGrammarSet set, String ruleName, MatchOptions options, int maxDfaStates) {
    requireNonNull(set, "set");
    requireNonNull(options, "options");
    JsgfGrammarSet.Target t = set.target(ruleName);
    Nfa nfa = new Nfa.Builder(set, options, t.rule.name()).build(t);
    return new JsgfMatcher(options, nfa, maxDfaStates);
  }

  /**
   * Returns the options this matcher was compiled with.
   *
   * @return the options
   */
  public MatchOptions options() {
    return options;
  }

  /**
   * Matches text split at whitespace.
   *
   * @param text the recognised text, for example {@code "да конечно"}
   * @return the match with its tags, or {@link JsgfMatch#NO_MATCH}
   */
  public JsgfMatch match(String text) {
    return match(Words.split(text));
  }

  /**
   * Matches a word sequence.
   *
   * @param words the recognised words, one word per element
   * @return the match with its tags, or {@link JsgfMatch#NO_MATCH}
   */
  public JsgfMatch match(List<String> words) {
    Tags[] tags = run(words, true);
    if (tags == null) {
      return JsgfMatch.NO_MATCH;
    }
    Tags t = tags[0];
    return new JsgfMatch(true, t == null ? List.of() : t.toList());
  }

  /**
   * Tells whether a word sequence is in the language, without collecting tags.
   *
   * @param words the recognised words
   * @return true when the words match
   */
  public boolean matches(List<String> words) {
    return run(words, false) != null;
  }

  /**
   * Runs the automaton. Returns null for no match, else a one-element array holding the tags of
   * the accepting thread (the element is null when there are none or they were not tracked).
   */
  private Tags @Nullable [] run(List<String> words, boolean wantTags) {
    boolean track = wantTags && nfa.hasTags;
    DState d = dfaStart;
    if (d != null) {
      Tags[] threads = track ? Tags.start(d.step) : null;
      for (int i = 0, n = words.size(); i < n; i++) {
        Integer sym = nfa.symbols.get(options.normalize(words.get(i)));
        if (sym == null) {
          return null;
        }
        DState.Edge e = d.edge(sym);
        if (e == null) {
          return null;
        }
        if (threads != null) {
          threads = Tags.advance(threads, e.step);
        }
        d = e.target;
      }
      if (d.step.acceptIndex < 0) {
        return null;
      }
      return new Tags[] {threads == null ? null : threads[d.step.acceptIndex]};
    }
    Step cur = startStep;
    Tags[] threads = track ? Tags.start(cur) : null;
    for (int i = 0, n = words.size(); i < n; i++) {
      Integer sym = nfa.symbols.get(options.normalize(words.get(i)));
      if (sym == null) {
        return null;
      }
      Step next = advance(nfa, cur.states, sym);
      if (next.states.length == 0) {
        return null;
      }
      if (threads != null) {
        threads = Tags.advance(threads, next);
      }
      cur = next;
    }
    if (cur.acceptIndex < 0) {
      return null;
    }
    return new Tags[] {threads == null ? null : threads[cur.acceptIndex]};
  }

  /**
   * The thread list after one step: the kept NFA states in priority order, for each the index of
   * the source thread it came from and the tags met on the way.
   */
  static final class Step {
    final int[] states;
    final int[] source;
    final String[][] appended;
    final int acceptIndex;

    Step(int[] states, int[] source, String[][] appended, int acceptIndex) {
      this.states = states;
      this.source = source;
      this.appended = appended;
      this.acceptIndex = acceptIndex;
    }
  }

  /** Follows every token edge labelled {@code sym} from {@code states}, in priority order. */
  static Step advance(Nfa nfa, int[] states, int sym) {
    List<Integer> seeds = new ArrayList<>();
    List<Integer> sources = new ArrayList<>();
    for (int i = 0; i < states.length; i++) {
      int s = states[i];
      for (int e = nfa.first[s]; e < nfa.first[s + 1]; e++) {
        if (nfa.symbol[e] == sym) {
          seeds.add(nfa.target[e]);
          sources.add(i);
        }
      }
    }
    int[] seedArr = seeds.stream().mapToInt(Integer::intValue).toArray();
    int[] srcArr = sources.stream().mapToInt(Integer::intValue).toArray();
    return closure(nfa, seedArr, srcArr, false);
  }

  /** Epsilon closure of seeds, depth-first in edge order; first visit wins. */
  static Step closure(Nfa nfa, int[] seeds, int[] seedSources, boolean isStart) {
    BitSet seen = new BitSet(nfa.states);
    List<Integer> states = new ArrayList<>();
    List<Integer> sources = new ArrayList<>();
    List<String[]> appended = new ArrayList<>();
    int acceptIndex = -1;
    Deque<Object[]> stack = new ArrayDeque<>();
    for (int k = 0; k < seeds.length; k++) {
      stack.push(new Object[] {seeds[k], null});
      int src = isStart ? -1 : seedSources[k];
      while (!stack.isEmpty()) {
        Object[] top = stack.pop();
        int s = (Integer) top[0];
        Tags tags = (Tags) top[1];
        if (seen.get(s)) {
          continue;
        }
        seen.set(s);
        if (nfa.kept(s)) {
          if (s == nfa.accept) {
            acceptIndex = states.size();
          }
          states.add(s);
          sources.add(src);
          appended.add(tags == null ? Nfa.NO_TAGS : tags.toArray());
        }
        for (int e = nfa.first[s + 1] - 1; e >= nfa.first[s]; e--) {
          if (nfa.symbol[e] < 0 && !seen.get(nfa.target[e])) {
            Tags t = tags;
            for (String tag : nfa.tags[e]) {
              t = new Tags(tag, t);
            }
            stack.push(new Object[] {nfa.target[e], t});
          }
        }
      }
    }
    return new Step(
        states.stream().mapToInt(Integer::intValue).toArray(),
        sources.stream().mapToInt(Integer::intValue).toArray(),
        appended.toArray(new String[0][]),
        acceptIndex);
  }

  /** A persistent list of tags, newest first. */
  static final class Tags {
    final String tag;
    final @Nullable Tags prev;

    Tags(String tag, @Nullable Tags prev) {
      this.tag = tag;
      this.prev = prev;
    }

    static Tags[] start(Step step) {
      Tags[] out = new Tags[step.states.length];
      for (int i = 0; i < out.length; i++) {
        out[i] = append(null, step.appended[i]);
      }
      return out;
    }

    static Tags[] advance(Tags[] threads, Step step) {
      Tags[] out = new Tags[step.states.length];
      for (int i = 0; i < out.length; i++) {
        out[i] = append(threads[step.source[i]], step.appended[i]);
      }
      return out;
    }

    static @Nullable Tags append(@Nullable Tags base, String[] tags) {
      Tags t = base;
      for (String s : tags) {
        t = new Tags(s, t);
      }
      return t;
    }

    String[] toArray() {
      List<String> l = toList();
      return l.toArray(new String[0]);
    }

    List<String> toList() {
      List<String> out = new ArrayList<>();
      for (Tags t = this; t != null; t = t.prev) {
        out.add(t.tag);
      }
      java.util.Collections.reverse(out);
      return out;
    }
  }

  /** A deterministic state: a thread list with its outgoing edges by symbol. */
  static final class DState {
    final Step step;
    int[] symbols = new int[0];
    Edge[] edges = new Edge[0];

    DState(Step step) {
      this.step = step;
    }

    @Nullable Edge edge(int sym) {
      int i = Arrays.binarySearch(symbols, sym);
      return i >= 0 ? edges[i] : null;
    }

    /** A transition; {@code step} carries source indices and tags for the target's threads. */
    static final class Edge {
      final DState target;
      final Step step;

      Edge(DState target, Step step) {
        this.target = target;
        this.step = step;
      }
    }
  }

  /** Subset construction with a state bound. */
  static final class Dfa {
    private Dfa() {}

    static @Nullable DState build(Nfa nfa, Step start, int maxStates) {
      Map<Key, DState> states = new HashMap<>();
      DState s0 = new DState(start);
      states.put(new Key(start.states), s0);
      Deque<DState> work = new ArrayDeque<>();
      work.add(s0);
      while (!work.isEmpty()) {
        DState d = work.poll();
        int[] syms = symbolsOf(nfa, d.step.states);
        List<DState.Edge> edges = new ArrayList<>();
        List<Integer> kept = new ArrayList<>();
        for (int sym : syms) {
          Step next = advance(nfa, d.step.states, sym);
          if (next.states.length == 0) {
            continue;
          }
          Key key = new Key(next.states);
          DState target = states.get(key);
          if (target == null) {
            if (states.size() >= maxStates) {
              return null;
            }
            target = new DState(next);
            states.put(key, target);
            work.add(target);
          }
          edges.add(new DState.Edge(target, next));
          kept.add(sym);
        }
        d.symbols = kept.stream().mapToInt(Integer::intValue).toArray();
        d.edges = edges.toArray(new DState.Edge[0]);
      }
      return s0;
    }

    private static int[] symbolsOf(Nfa nfa, int[] states) {
      BitSet syms = new BitSet();
      for (int s : states) {
        for (int e = nfa.first[s]; e < nfa.first[s + 1]; e++) {
          if (nfa.symbol[e] >= 0) {
            syms.set(nfa.symbol[e]);
          }
        }
      }
      return syms.stream().toArray();
    }

    private static final class Key {
      final int[] states;
      final int hash;

      Key(int[] states) {
        this.states = states;
        this.hash = Arrays.hashCode(states);
      }

      @Override
      public boolean equals(@Nullable Object o) {
        return o instanceof Key k && Arrays.equals(states, k.states);
      }

      @Override
      public int hashCode() {
        return hash;
      }
    }
  }
}
