package io.ecss.asr.jsgf;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Deque;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The fast path of {@link JsgfMatcher} for finite languages: a minimal deterministic automaton over
 * characters, read straight from the recognised text, with the match result (tags included)
 * precomputed per accepting state.
 *
 * <p>Built from the word-level deterministic automaton by walking every accepting path (so the
 * language must be finite and within {@link Limits}): each phrase becomes a path of characters in a
 * trie, words separated by one space transition, and its result is what the token automaton's tag
 * tracking yields on that very path, so both paths agree by construction, ambiguous grammars
 * included. The trie is then minimised (states with the same result and the same transitions are
 * merged) and laid out as a dense {@code int} table whose entries are row offsets.
 *
 * <p>Input characters map to classes through a 64K table: letters of the grammar's (normalised)
 * words, whitespace (a run is one separator; leading and trailing runs are ignored, so gap states
 * loop on whitespace and inherit the acceptance of the word end before them), characters no word
 * contains (dead), and characters whose case folding is not one character to one character ({@code
 * İ}, {@code Σ}, surrogates). Those last send the text to the token automaton, which normalises
 * whole words exactly as {@link MatchOptions#normalize} does.
 *
 * <p>Immutable and thread-safe.
 */
final class CharDfa {
  /** Column 0: every input character no grammar word contains; row 0 is the dead state. */
  static final int DEAD = 0;

  /** Column 1: never an input class; holds the state's result index (-1 in the fallback row). */
  static final int END = 1;

  /** Column 2: a character the token automaton must fold; leads to the fallback row. */
  static final int COMPLEX = 2;

  /** Column 3: whitespace. */
  static final int SPACE = 3;

  private static final int FIRST_LETTER = 4;
  private static final int MAX_CLASSES = 256;

  /**
   * Size bounds; a rule beyond any of them keeps the token automaton.
   *
   * @param maxPhrases the most phrases the language may have
   * @param maxTrieNodes the most character-trie nodes before minimisation
   * @param maxCells the most {@code int} cells of the final table
   * @param maxIndexed the most phrases the canonical-text index may hold (0: no index)
   */
  record Limits(int maxPhrases, int maxTrieNodes, int maxCells, int maxIndexed) {
    static final Limits DEFAULT = new Limits(200_000, 1_000_000, 4_000_000, 50_000);
    static final Limits NONE = new Limits(-1, 0, 0, 0);
  }

  private final byte[] classOf;
  private final int[] table;
  private final int width;
  private final int start;
  private final JsgfMatch[] results;
  private final int states;

  /** Canonical phrase texts by sampled hash (open addressing); empty when there is no index. */
  private final @Nullable String[] keys;

  /**
   * Per slot of {@link #keys}: at {@code 2i} the key's sampled hash, at {@code 2i + 1} the
   * automaton's result index for it ({@code 0} = empty slot). Probing reads only this array until a
   * hash matches.
   */
  private final int[] slots;

  private final int keyShift;
  private final int maxKeyLength;

  private CharDfa(byte[] classOf, int[] table, int width, int start, JsgfMatch[] results) {
    this.classOf = classOf;
    this.table = table;
    this.width = width;
    this.start = start;
    this.results = results;
    this.states = table.length / width;
    this.keys = new String[0];
    this.slots = new int[0];
    this.keyShift = 0;
    this.maxKeyLength = 0;
  }

  private CharDfa(CharDfa a, String[] keys, int[] slots, int keyShift, int maxKeyLength) {
    this.classOf = a.classOf;
    this.table = a.table;
    this.width = a.width;
    this.start = a.start;
    this.results = a.results;
    this.states = a.states;
    this.keys = keys;
    this.slots = slots;
    this.keyShift = keyShift;
    this.maxKeyLength = maxKeyLength;
  }

  /** Phrases held by the canonical-text index. */
  int indexed() {
    int n = 0;
    for (int i = 1; i < slots.length; i += 2) {
      if (slots[i] != 0) {
        n++;
      }
    }
    return n;
  }

  /**
   * Memoises the automaton's answer for each phrase in canonical form (normalised words joined by
   * single spaces, what recognisers emit): text equal to one is answered by one hash probe and
   * {@link String#equals}. The value is the automaton's own result for that very string, so the
   * index can never answer differently from it.
   */
  private CharDfa withIndex(List<String> phrases) {
    int cap = Integer.highestOneBit(Math.max(2, phrases.size()) * 2 - 1) << 1;
    String[] k = new String[cap];
    int[] v = new int[2 * cap];
    int shift = 32 - Integer.numberOfTrailingZeros(cap);
    int longest = 0;
    for (String p : phrases) {
      int r = runAutomaton(p);
      if (p.isEmpty() || r <= 0) {
        continue;
      }
      int h = sample(p, p.length());
      int i = h >>> shift;
      while (v[2 * i + 1] != 0) {
        i = (i + 1) & (cap - 1);
      }
      k[i] = p;
      v[2 * i] = h;
      v[2 * i + 1] = r;
      longest = Math.max(longest, p.length());
    }
    return new CharDfa(this, k, v, shift, longest);
  }

  /** Mixes the length and four sampled characters; callers take the top bits. */
  private static int sample(String s, int n) {
    int h = (n << 16) ^ s.charAt(0) ^ (s.charAt(n >>> 2) << 5) ^ (s.charAt(n >>> 1) << 10);
    return (h ^ (s.charAt(n - 1) << 15)) * 0x9E3779B1;
  }

  /** Rows in the table, dead and fallback rows included. */
  int states() {
    return states;
  }

  /** The class of an input character. */
  int classOf(char c) {
    return classOf[c] & 0xFF;
  }

  /** The classes (columns) of the table. */
  int width() {
    return width;
  }

  JsgfMatch result(int index) {
    return results[index];
  }

  /**
   * Runs over text. Returns the result index ({@code 0} = no match) or {@code -1} when a character
   * needs the token automaton.
   */
  int run(String text) {
    int n = text.length();
    if (n > 0 && n <= maxKeyLength) {
      final int[] v = slots;
      int mask = (v.length >>> 1) - 1;
      int h = sample(text, n);
      for (int i = h >>> keyShift; ; i = (i + 1) & mask) {
        int r = v[2 * i + 1];
        if (r == 0) {
          break;
        }
        if (v[2 * i] == h && text.equals(keys[i])) {
          return r;
        }
      }
    }
    return runAutomaton(text);
  }

  /** {@link #run(String)} without the index. */
  int runAutomaton(String text) {
    final int[] t = table;
    final byte[] cls = classOf;
    final int w = width;
    int s = start;
    for (int i = 0, n = text.length(); i < n; i++) {
      s = t[s + (cls[text.charAt(i)] & 0xFF)];
      if (s <= w) {
        break;
      }
    }
    return t[s + END];
  }

  /** {@link #run(String)} for any character sequence. */
  int run(CharSequence text) {
    final int[] t = table;
    final byte[] cls = classOf;
    final int w = width;
    int s = start;
    for (int i = 0, n = text.length(); i < n; i++) {
      s = t[s + (cls[text.charAt(i)] & 0xFF)];
      if (s <= w) {
        break;
      }
    }
    return t[s + END];
  }

  /**
   * Runs over words, one per element. An empty element or one containing whitespace is no word of
   * any grammar, so the sequence does not match.
   */
  int run(List<String> words) {
    final int[] t = table;
    final byte[] cls = classOf;
    final int w = width;
    int s = start;
    for (int k = 0, n = words.size(); k < n; k++) {
      String word = words.get(k);
      if (word.isEmpty()) {
        return 0;
      }
      if (k > 0) {
        s = t[s + SPACE];
        if (s <= w) {
          return t[s + END];
        }
      }
      for (int i = 0, m = word.length(); i < m; i++) {
        int c = cls[word.charAt(i)] & 0xFF;
        if (c == SPACE) {
          return 0;
        }
        s = t[s + c];
        if (s <= w) {
          return t[s + END];
        }
      }
    }
    return t[s + END];
  }

  /**
   * Builds the fast path, or returns null when the language is infinite or beyond the limits.
   *
   * @param start the word-level automaton
   * @param startThreads the tags of the start step's threads, or null when not tracked
   * @param symbols the normalised words by symbol id
   */
  static @Nullable CharDfa build(
      JsgfMatcher.DState start,
      @Nullable JsgfMatcher.Tags @Nullable [] startThreads,
      Map<String, Integer> symbols,
      MatchOptions options,
      Limits limits) {
    if (limits.maxPhrases() < 0) {
      return null;
    }
    // Number the word-level states and find those from which an accepting state is reachable.
    IdentityHashMap<JsgfMatcher.DState, Integer> index = new IdentityHashMap<>();
    List<JsgfMatcher.DState> all = new ArrayList<>();
    index.put(start, 0);
    all.add(start);
    for (int i = 0; i < all.size(); i++) {
      for (JsgfMatcher.DState.Edge e : all.get(i).edges) {
        if (!index.containsKey(e.target)) {
          index.put(e.target, all.size());
          all.add(e.target);
        }
      }
    }
    int n = all.size();
    List<List<Integer>> preds = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      preds.add(new ArrayList<>());
    }
    BitSet live = new BitSet(n);
    Deque<Integer> work = new ArrayDeque<>();
    for (int i = 0; i < n; i++) {
      for (JsgfMatcher.DState.Edge e : all.get(i).edges) {
        preds.get(index.get(e.target)).add(i);
      }
      if (all.get(i).step.acceptIndex >= 0) {
        live.set(i);
        work.add(i);
      }
    }
    while (!work.isEmpty()) {
      for (int p : preds.get(work.poll())) {
        if (!live.get(p)) {
          live.set(p);
          work.add(p);
        }
      }
    }
    // The language is finite when no cycle runs through live states; count its phrases.
    long[] paths = new long[n];
    int[] colour = new int[n];
    if (live.get(0) && countPaths(all, index, live, paths, colour, limits.maxPhrases()) < 0) {
      return null;
    }
    // Classes for the letters of the live words.
    String[] words = new String[symbols.size()];
    symbols.forEach((w, id) -> words[id] = w);
    char[] letterClass = new char[0x10000];
    int width = FIRST_LETTER;
    for (int i = live.nextSetBit(0); i >= 0; i = live.nextSetBit(i + 1)) {
      JsgfMatcher.DState d = all.get(i);
      for (int k = 0; k < d.edges.length; k++) {
        if (!live.get(index.get(d.edges[k].target))) {
          continue;
        }
        String w = words[d.symbols[k]];
        for (int j = 0; j < w.length(); j++) {
          char c = w.charAt(j);
          if (letterClass[c] == 0) {
            if (width == MAX_CLASSES) {
              return null;
            }
            letterClass[c] = (char) width++;
          }
        }
      }
    }
    Trie trie = new Trie(limits.maxTrieNodes());
    List<String> phrases =
        live.get(0) && paths[0] <= limits.maxIndexed() ? new ArrayList<>() : null;
    if (live.get(0)
        && !trie.fill(
            all, index, live, words, letterClass, startThreads, limits.maxTrieNodes(), phrases)) {
      return null;
    }
    CharDfa dfa = trie.emit(classTable(options, letterClass), width, limits.maxCells());
    return dfa == null || phrases == null ? dfa : dfa.withIndex(phrases);
  }

  /**
   * Counts accepting paths from the start (depth-first, iterative); returns -1 on a cycle through
   * live states or when the count exceeds {@code max}.
   */
  private static long countPaths(
      List<JsgfMatcher.DState> all,
      IdentityHashMap<JsgfMatcher.DState, Integer> index,
      BitSet live,
      long[] paths,
      int[] colour,
      int max) {
    int[] stack = new int[all.size()];
    int[] edge = new int[all.size()];
    int sp = 0;
    stack[sp] = 0;
    edge[sp] = 0;
    colour[0] = 1;
    while (sp >= 0) {
      int s = stack[sp];
      JsgfMatcher.DState d = all.get(s);
      if (edge[sp] < d.edges.length) {
        int t = index.get(d.edges[edge[sp]++].target);
        if (!live.get(t)) {
          continue;
        }
        if (colour[t] == 1) {
          return -1;
        }
        if (colour[t] == 0) {
          colour[t] = 1;
          sp++;
          stack[sp] = t;
          edge[sp] = 0;
        }
        continue;
      }
      long p = d.step.acceptIndex >= 0 ? 1 : 0;
      for (JsgfMatcher.DState.Edge e : d.edges) {
        int t = index.get(e.target);
        if (live.get(t)) {
          p += paths[t];
        }
      }
      if (p > max) {
        return -1;
      }
      paths[s] = p;
      colour[s] = 2;
      sp--;
    }
    return paths[0];
  }

  /** Whitespace and case facts about every {@code char}, shared by every matcher, computed once. */
  private static final class Chars {
    /** Every whitespace character ({@link Words#isSpace}). */
    static final char[] SPACES;

    /** Characters whose lower case differs from themselves, sorted by that lower case. */
    static final char[] UPPER;

    /** {@code LOWER[i]} is the lower case of {@code UPPER[i]}; ascending. */
    static final char[] LOWER;

    static {
      StringBuilder spaces = new StringBuilder();
      long[] pairs = new long[0x10000];
      int n = 0;
      for (int c = 0; c < 0x10000; c++) {
        char ch = (char) c;
        if (Words.isSpace(ch)) {
          spaces.append(ch);
        }
        char lower = Character.toLowerCase(ch);
        if (lower != ch) {
          pairs[n++] = ((long) lower << 16) | c;
        }
      }
      SPACES = spaces.toString().toCharArray();
      Arrays.sort(pairs, 0, n);
      UPPER = new char[n];
      LOWER = new char[n];
      for (int i = 0; i < n; i++) {
        UPPER[i] = (char) pairs[i];
        LOWER[i] = (char) (pairs[i] >>> 16);
      }
    }

    private Chars() {}
  }

  /**
   * Whether lower-casing a word containing {@code c} (root locale) is not the per-character {@link
   * Character#toLowerCase(char)}: {@code İ} becomes two characters and {@code Σ} depends on its
   * place in the word (final sigma). A test checks the set against the JDK.
   */
  static boolean specialLowerCase(char c) {
    return c == '\u0130' || c == '\u03a3';
  }

  /**
   * Input character to class, folding as the options say: whitespace, characters the token
   * automaton must fold, and every character whose folded form is one of the grammar's letters.
   */
  private static byte[] classTable(MatchOptions options, char[] letterClass) {
    boolean ignoreCase = options.ignoreCase();
    byte[] out = new byte[0x10000];
    for (int c = 0; c < 0x10000; c++) {
      if (letterClass[c] != 0) {
        char a = (char) c;
        byte k = (byte) letterClass[c];
        mark(out, a, k, ignoreCase);
        if (options.yoAsYe() && (a == 'е' || a == 'Е')) {
          mark(out, a == 'е' ? 'ё' : 'Ё', k, ignoreCase);
        }
      }
    }
    for (char sp : Chars.SPACES) {
      out[sp] = SPACE;
    }
    Arrays.fill(out, Character.MIN_SURROGATE, Character.MAX_SURROGATE + 1, (byte) COMPLEX);
    if (ignoreCase) {
      out['\u0130'] = COMPLEX;
      out['\u03a3'] = COMPLEX;
    }
    return out;
  }

  /**
   * Gives class {@code k} to the characters that fold to {@code lower} before {@code ё} is
   * replaced: {@code lower} itself (unless it has a lower case of its own) and, when ignoring case,
   * every character whose lower case it is.
   */
  private static void mark(byte[] out, char lower, byte k, boolean ignoreCase) {
    if (!ignoreCase) {
      out[lower] = k;
      return;
    }
    if (Character.toLowerCase(lower) == lower) {
      out[lower] = k;
    }
    char[] lowers = Chars.LOWER;
    int i = Arrays.binarySearch(lowers, lower);
    if (i < 0) {
      return;
    }
    while (i > 0 && lowers[i - 1] == lower) {
      i--;
    }
    for (; i < lowers.length && lowers[i] == lower; i++) {
      out[Chars.UPPER[i]] = k;
    }
  }

  /** The character trie of the language, minimised on emission. */
  private static final class Trie {
    int count;
    int[] firstChild;
    int[] nextSibling;
    int[] label;
    int[] result;
    boolean[] loops;
    final Map<List<String>, Integer> resultIds = new HashMap<>();
    final List<JsgfMatch> resultList = new ArrayList<>();

    Trie(int maxNodes) {
      int cap = Math.max(16, Math.min(maxNodes, 1024));
      firstChild = new int[cap];
      nextSibling = new int[cap];
      label = new int[cap];
      result = new int[cap];
      loops = new boolean[cap];
      resultList.add(JsgfMatch.NO_MATCH);
      count = 1; // the root, which loops on whitespace
      Arrays.fill(firstChild, -1);
      Arrays.fill(nextSibling, -1);
      loops[0] = true;
    }

    /** Returns the child of {@code node} on class {@code c}, creating it; -1 when over budget. */
    private int child(int node, int c, int max) {
      for (int k = firstChild[node]; k >= 0; k = nextSibling[k]) {
        if (label[k] == c) {
          return k;
        }
      }
      if (count >= max) {
        return -1;
      }
      if (count == firstChild.length) {
        int cap = (int) Math.min((long) count * 2, max);
        firstChild = Arrays.copyOf(firstChild, cap);
        nextSibling = Arrays.copyOf(nextSibling, cap);
        label = Arrays.copyOf(label, cap);
        result = Arrays.copyOf(result, cap);
        loops = Arrays.copyOf(loops, cap);
        Arrays.fill(firstChild, count, cap, -1);
        Arrays.fill(nextSibling, count, cap, -1);
      }
      int k = count++;
      label[k] = c;
      nextSibling[k] = firstChild[node];
      firstChild[node] = k;
      return k;
    }

    private int resultId(JsgfMatcher.Tags @Nullable [] threads, int acceptIndex) {
      JsgfMatcher.Tags t = threads == null ? null : threads[acceptIndex];
      List<String> tags = t == null ? List.of() : t.toList();
      Integer id = resultIds.get(tags);
      if (id == null) {
        id = resultList.size();
        resultIds.put(tags, id);
        resultList.add(new JsgfMatch(true, tags));
      }
      return id;
    }

    /** One word-level state being walked at a trie node. */
    private static final class Frame {
      final JsgfMatcher.DState state;
      final int node;
      final JsgfMatcher.Tags @Nullable [] threads;
      final String text;
      int edge;

      Frame(
          JsgfMatcher.DState state, int node, JsgfMatcher.Tags @Nullable [] threads, String text) {
        this.state = state;
        this.node = node;
        this.threads = threads;
        this.text = text;
      }
    }

    /**
     * Adds every accepting path, and its canonical text to {@code phrases} when given; false when
     * over the node budget.
     */
    boolean fill(
        List<JsgfMatcher.DState> all,
        IdentityHashMap<JsgfMatcher.DState, Integer> index,
        BitSet live,
        String[] words,
        char[] letterClass,
        JsgfMatcher.Tags @Nullable [] startThreads,
        int max,
        @Nullable List<String> phrases) {
      Deque<Frame> stack = new ArrayDeque<>();
      stack.push(new Frame(all.get(0), 0, startThreads, ""));
      result[0] =
          all.get(0).step.acceptIndex >= 0
              ? resultId(startThreads, all.get(0).step.acceptIndex)
              : 0;
      while (!stack.isEmpty()) {
        Frame f = stack.peek();
        JsgfMatcher.DState d = f.state;
        if (f.edge == d.edges.length) {
          stack.pop();
          continue;
        }
        int k = f.edge++;
        JsgfMatcher.DState.Edge e = d.edges[k];
        if (!live.get(index.get(e.target))) {
          continue;
        }
        String w = words[d.symbols[k]];
        int node = f.node;
        for (int j = 0; j < w.length() && node >= 0; j++) {
          node = child(node, letterClass[w.charAt(j)], max);
        }
        if (node < 0) {
          return false;
        }
        JsgfMatcher.Tags @Nullable [] threads =
            f.threads == null ? null : JsgfMatcher.Tags.advance(f.threads, e.step);
        // Mark the word end with the state's result; edges continue from the gap after it.
        JsgfMatcher.DState t = e.target;
        int r = t.step.acceptIndex >= 0 ? resultId(threads, t.step.acceptIndex) : 0;
        result[node] = r;
        int gap = child(node, SPACE, max);
        if (gap < 0) {
          return false;
        }
        result[gap] = r;
        loops[gap] = true;
        String text = phrases == null ? "" : f.text.isEmpty() ? w : f.text + ' ' + w;
        if (phrases != null && r > 0) {
          phrases.add(text);
        }
        stack.push(new Frame(t, gap, threads, text));
      }
      return true;
    }

    /** Minimises and lays out the table; null when over {@code maxCells}. */
    @Nullable CharDfa emit(byte[] classOf, int width, int maxCells) {
      // Children have higher numbers than parents, so a reverse scan sees children first.
      int[] canon = new int[count];
      Map<Signature, Integer> register = new HashMap<>();
      List<Integer> representative = new ArrayList<>();
      for (int v = count - 1; v >= 0; v--) {
        int kids = 0;
        for (int k = firstChild[v]; k >= 0; k = nextSibling[k]) {
          kids++;
        }
        int[] sig = new int[2 + 2 * kids];
        sig[0] = result[v];
        sig[1] = loops[v] ? 1 : 0;
        long[] pairs = new long[kids];
        int i = 0;
        for (int k = firstChild[v]; k >= 0; k = nextSibling[k]) {
          pairs[i++] = ((long) label[k] << 32) | canon[k];
        }
        Arrays.sort(pairs);
        for (i = 0; i < kids; i++) {
          sig[2 + 2 * i] = (int) (pairs[i] >>> 32);
          sig[3 + 2 * i] = (int) pairs[i];
        }
        Signature key = new Signature(sig);
        Integer id = register.get(key);
        if (id == null) {
          id = representative.size();
          register.put(key, id);
          representative.add(v);
        }
        canon[v] = id;
      }
      int m = representative.size();
      if ((long) (m + 2) * width > maxCells) {
        return null;
      }
      // Number the minimal states depth-first from the root so chains sit in consecutive rows.
      int[] row = new int[m];
      Arrays.fill(row, -1);
      int rows = 2;
      Deque<Integer> stack = new ArrayDeque<>();
      stack.push(canon[0]);
      while (!stack.isEmpty()) {
        int c = stack.pop();
        if (row[c] >= 0) {
          continue;
        }
        row[c] = rows++;
        for (int k = firstChild[representative.get(c)]; k >= 0; k = nextSibling[k]) {
          if (row[canon[k]] < 0) {
            stack.push(canon[k]);
          }
        }
      }
      int[] table = new int[rows * width];
      int fallback = width;
      Arrays.fill(table, fallback, 2 * width, fallback);
      table[fallback + END] = -1;
      for (int c = 0; c < m; c++) {
        int v = representative.get(c);
        int base = row[c] * width;
        table[base + END] = result[v];
        table[base + COMPLEX] = fallback;
        if (loops[v]) {
          table[base + SPACE] = base;
        }
        for (int k = firstChild[v]; k >= 0; k = nextSibling[k]) {
          table[base + label[k]] = row[canon[k]] * width;
        }
      }
      return new CharDfa(
          classOf, table, width, row[canon[0]] * width, resultList.toArray(new JsgfMatch[0]));
    }
  }

  /** A state's result, loop flag and sorted transitions, for merging equivalent states. */
  private static final class Signature {
    final int[] sig;
    final int hash;

    Signature(int[] sig) {
      this.sig = sig;
      this.hash = Arrays.hashCode(sig);
    }

    @Override
    public boolean equals(@Nullable Object o) {
      return o instanceof Signature s && Arrays.equals(sig, s.sig);
    }

    @Override
    public int hashCode() {
      return hash;
    }
  }
}
