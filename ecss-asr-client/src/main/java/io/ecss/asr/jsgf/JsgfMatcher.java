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
 * <p>When the language is finite and small (at most 200,000 phrases, 1,000,000 trie nodes and a
 * 4,000,000-cell table, fewer than 253 distinct characters), the deterministic automaton is
 * further compiled to a minimal automaton over characters that reads the text directly (case and
 * {@code ё} folded by a 64K table, a whitespace run as one separator) and ends in a state holding
 * the precomputed result, tags included, exactly as the token automaton computes them on that
 * path; text already in canonical form (normalised words joined by single spaces, what
 * recognisers emit) is first looked up in an index of the phrases (up to 50,000). {@link
 * #match(String)} and {@link #matches(CharSequence)} then allocate nothing. Other rules, and text
 * with characters whose case folding is not one-to-one ({@code İ}, {@code Σ}, surrogate pairs),
 * take the token automaton.
 *
 * <p>Immutable and thread-safe.
 */
public final class JsgfMatcher {
  static final int DEFAULT_MAX_DFA_STATES = 50_000;

  private final MatchOptions options;
  private final Nfa nfa;
  private final Step startStep;
  private final @Nullable Tags[] startTags;
  private final @Nullable DState dfaStart;
  private final SymbolTable symbols;
  private final @Nullable CharDfa fast;

  private JsgfMatcher(MatchOptions options, Nfa nfa, int maxDfaStates, CharDfa.Limits limits) {
    this.options = options;
    this.nfa = nfa;
    this.startStep = closure(nfa, new int[] {nfa.start}, new int[] {0}, true);
    this.startTags = Tags.start(startStep);
    this.dfaStart = Dfa.build(nfa, startStep, maxDfaStates);
    this.symbols = new SymbolTable(nfa.symbols, options);
    this.fast =
        dfaStart == null
            ? null
            : CharDfa.build(dfaStart, nfa.hasTags ? startTags : null, nfa.symbols, options, limits);
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
    return compile(set, ruleName, options, maxDfaStates, CharDfa.Limits.DEFAULT);
  }

  static JsgfMatcher compile(
      JsgfGrammarSet set,
      String ruleName,
      MatchOptions options,
      int maxDfaStates,
      CharDfa.Limits limits) {
    requireNonNull(set, "set");
    requireNonNull(options, "options");
    JsgfGrammarSet.Target t = set.target(ruleName);
    Nfa nfa = new Nfa.Builder(set, options, t.rule.name()).build(t);
    return new JsgfMatcher(options, nfa, maxDfaStates, limits);
  }

  /** The character automaton, or null when this rule is matched by the token automaton only. */
  @Nullable CharDfa fastPath() {
    return fast;
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
   * Matches text as words separated by whitespace (a run of Unicode whitespace is one separator;
   * leading and trailing whitespace is ignored). Allocates nothing when the rule has a character
   * automaton: the result is a shared instance.
   *
   * @param text the recognised text, for example {@code "да конечно"}
   * @return the match with its tags, or {@link JsgfMatch#NO_MATCH}
   */
  public JsgfMatch match(CharSequence text) {
    return text instanceof String s ? match(s) : matchText(text);
  }

  /**
   * Matches text as words separated by whitespace: {@link #match(CharSequence)} for a string.
   *
   * @param text the recognised text, for example {@code "да конечно"}
   * @return the match with its tags, or {@link JsgfMatch#NO_MATCH}
   */
  public JsgfMatch match(String text) {
    CharDfa f = fast;
    if (f != null) {
      int r = f.run(text);
      if (r >= 0) {
        return f.result(r);
      }
    }
    return result(run(text, null, true));
  }

  private JsgfMatch matchText(CharSequence text) {
    CharDfa f = fast;
    if (f != null) {
      int r = f.run(text);
      if (r >= 0) {
        return f.result(r);
      }
    }
    return result(run(text.toString(), null, true));
  }

  /**
   * Matches a word sequence.
   *
   * @param words the recognised words, one word per element
   * @return the match with its tags, or {@link JsgfMatch#NO_MATCH}
   */
  public JsgfMatch match(List<String> words) {
    CharDfa f = fast;
    if (f != null) {
      int r = f.run(words);
      if (r >= 0) {
        return f.result(r);
      }
    }
    return result(run(null, words, true));
  }

  /**
   * Tells whether text is in the language, without collecting tags; the text is split as {@link
   * #match(CharSequence)} splits it.
   *
   * @param text the recognised text
   * @return true when the text matches
   */
  public boolean matches(CharSequence text) {
    CharDfa f = fast;
    if (f != null) {
      int r = text instanceof String s ? f.run(s) : f.run(text);
      if (r >= 0) {
        return r > 0;
      }
    }
    return run(text.toString(), null, false) != null;
  }

  private static JsgfMatch result(Tags @Nullable [] tags) {
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
    CharDfa f = fast;
    if (f != null) {
      int r = f.run(words);
      if (r >= 0) {
        return r > 0;
      }
    }
    return run(null, words, false) != null;
  }

  /**
   * Runs the automaton over {@code text} split at whitespace, or over {@code words}. Returns null
   * for no match, else a one-element array holding the tags of the accepting thread (the element
   * is null when there are none or they were not tracked).
   */
  private Tags @Nullable [] run(@Nullable String text, @Nullable List<String> words, boolean wantTags) {
    boolean track = wantTags && nfa.hasTags;
    DState d = dfaStart;
    Step cur = startStep;
    Tags[] threads = track ? startTags : null;
    int i = 0;
    int n = text != null ? text.length() : words.size();
    while (true) {
      int sym;
      if (text != null) {
        while (i < n && Words.isSpace(text.charAt(i))) {
          i++;
        }
        if (i >= n) {
          break;
        }
        int start = i;
        while (i < n && !Words.isSpace(text.charAt(i))) {
          i++;
        }
        sym = symbols.get(text, start, i);
      } else {
        if (i >= n) {
          break;
        }
        String w = words.get(i++);
        sym = symbols.get(w, 0, w.length());
      }
      if (sym < 0) {
        return null;
      }
      Step next;
      if (d != null) {
        DState.Edge e = d.edge(sym);
        if (e == null) {
          return null;
        }
        d = e.target;
        next = e.step;
      } else {
        next = advance(nfa, cur.states, sym);
        if (next.states.length == 0) {
          return null;
        }
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
   * Word to symbol lookup without allocation: an open-addressing table over the grammar's
   * normalised words, probed with the input's characters folded on the fly. Characters outside
   * ASCII and Cyrillic take the exact path through {@link MatchOptions#normalize}.
   */
  static final class SymbolTable {
    private final Map<String, Integer> exact;
    private final MatchOptions options;
    private final String[] keys;
    private final int[] ids;
    private final int mask;

    SymbolTable(Map<String, Integer> symbols, MatchOptions options) {
      this.exact = symbols;
      this.options = options;
      int cap = Integer.highestOneBit(Math.max(4, symbols.size() * 3)) << 1;
      this.keys = new String[cap];
      this.ids = new int[cap];
      this.mask = cap - 1;
      for (Map.Entry<String, Integer> e : symbols.entrySet()) {
        String k = e.getKey();
        int idx = hash(k, 0, k.length()) & mask;
        while (keys[idx] != null) {
          idx = (idx + 1) & mask;
        }
        keys[idx] = k;
        ids[idx] = e.getValue();
      }
    }

    private char fold(char c) {
      if (options.ignoreCase()) {
        c = Character.toLowerCase(c);
      }
      if (options.yoAsYe() && (c == 'ё' || c == 'Ё')) {
        c = c == 'ё' ? 'е' : 'Е';
      }
      return c;
    }

    private int hash(String s, int from, int to) {
      int h = 0;
      for (int i = from; i < to; i++) {
        h = 31 * h + fold(s.charAt(i));
      }
      return h ^ (h >>> 16);
    }

    int get(String s, int from, int to) {
      for (int i = from; i < to; i++) {
        char c = s.charAt(i);
        if (c >= 0x80 && (c < 0x400 || c > 0x4ff)) {
          Integer id = exact.get(options.normalize(s.substring(from, to)));
          return id == null ? -1 : id;
        }
      }
      int idx = hash(s, from, to) & mask;
      int len = to - from;
      for (String k = keys[idx]; k != null; k = keys[idx]) {
        if (k.length() == len && sameFolded(k, s, from)) {
          return ids[idx];
        }
        idx = (idx + 1) & mask;
      }
      return -1;
    }

    private boolean sameFolded(String key, String s, int from) {
      for (int j = 0; j < key.length(); j++) {
        if (key.charAt(j) != fold(s.charAt(from + j))) {
          return false;
        }
      }
      return true;
    }
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

    static @Nullable Tags[] start(Step step) {
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
