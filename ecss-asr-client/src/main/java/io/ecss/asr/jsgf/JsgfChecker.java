package io.ecss.asr.jsgf;

import static java.util.Objects.requireNonNull;

import io.ecss.asr.jsgf.JsgfProblem.Severity;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Finds every problem of a grammar, each with line and column.
 *
 * <p>Errors:
 *
 * <ul>
 *   <li>unresolved imports (grammar not found, rule missing or private) and import cycles;
 *   <li>duplicate rule definitions;
 *   <li>undefined, ambiguous, private or not imported rule references;
 *   <li>recursion other than right recursion (a recursive reference that is not the last thing
 *       its rule matches — tags after it count as something — within the same grammar);
 *   <li>an expansion under {@code *} or {@code +} that can match the empty sequence (sphinx-family
 *       recognisers loop on it).
 * </ul>
 *
 * <p>Warnings: a rule whose language is empty (every path meets {@code <VOID>} or recursion never
 * ends), a private rule nobody references, a grammar without a public rule.
 *
 * <p>Thread-safe (stateless).
 */
public final class JsgfChecker {
  private JsgfChecker() {}

  /**
   * Checks a grammar whose imports are resolved with {@code loader}.
   *
   * @param grammar the grammar to check
   * @param loader finds imported grammars
   * @return the problems, ordered by position; empty when the grammar is clean
   */
  public static List<JsgfProblem> check(JsgfGrammar grammar, JsgfLoader loader) {
    return check(grammar, loader, JsgfLimits.DEFAULT);
  }

  /**
   * Checks a grammar whose imports are resolved with {@code loader}, loading at most {@link
   * JsgfLimits#maxImportedGrammars()} grammars.
   *
   * @param grammar the grammar to check
   * @param loader finds imported grammars
   * @param limits the limits
   * @return the problems, ordered by position; empty when the grammar is clean
   */
  public static List<JsgfProblem> check(JsgfGrammar grammar, JsgfLoader loader, JsgfLimits limits) {
    requireNonNull(grammar, "grammar");
    requireNonNull(loader, "loader");
    requireNonNull(limits, "limits");
    List<JsgfProblem> out = new ArrayList<>();
    Map<String, JsgfGrammar> loaded = load(grammar, loader, limits, out);
    structural(grammar, loaded, out);
    recursion(grammar, loaded, out);
    emptyUnderRepeat(grammar, loaded, out);
    warnings(grammar, loaded, out);
    out.sort(Comparator.comparingInt(JsgfProblem::line).thenComparingInt(JsgfProblem::column));
    return List.copyOf(out);
  }

  /**
   * Loads the root's imports transitively; reports unresolved imports and cycles at the root's
   * import statement through which the problem was reached.
   */
  static Map<String, JsgfGrammar> load(
      JsgfGrammar root, JsgfLoader loader, JsgfLimits limits, List<JsgfProblem> out) {
    Map<String, JsgfGrammar> loaded = new LinkedHashMap<>();
    loaded.put(root.name(), root);
    Map<String, JsgfImport> via = new HashMap<>(); // grammar -> root import that reached it
    Set<String> missing = new HashSet<>();
    Deque<JsgfGrammar> queue = new ArrayDeque<>();
    queue.add(root);
    while (!queue.isEmpty()) {
      JsgfGrammar g = queue.poll();
      for (JsgfImport imp : g.imports()) {
        boolean isRoot = g.name().equals(root.name());
        JsgfImport rootImport = isRoot ? imp : via.get(g.name());
        String prefix = isRoot ? "" : "grammar " + g.name() + ": ";
        String target = imp.grammarName();
        JsgfGrammar t = loaded.get(target);
        if (t == null && !missing.contains(target)) {
          if (loaded.size() >= limits.maxImportedGrammars()) {
            report(
                out,
                root,
                rootImport,
                prefix
                    + "import <"
                    + imp.name()
                    + "> exceeds maxImportedGrammars "
                    + limits.maxImportedGrammars()
                    + " (JsgfLimits.maxImportedGrammars)");
            missing.add(target);
            continue;
          }
          Optional<JsgfGrammar> found;
          try {
            found = loader.load(target);
          } catch (JsgfException e) {
            report(
                out,
                root,
                rootImport,
                prefix + "cannot load grammar " + target + ": " + e.getMessage());
            missing.add(target);
            continue;
          }
          if (found.isEmpty()) {
            report(
                out,
                root,
                rootImport,
                prefix + "unresolved import <" + imp.name() + ">: grammar " + target + " not found");
            missing.add(target);
            continue;
          }
          t = found.get();
          loaded.put(target, t);
          via.put(target, rootImport);
          queue.add(t);
        }
        if (t == null) {
          continue;
        }
        if (!imp.isWildcard()) {
          Optional<JsgfRule> r = t.rule(imp.ruleName());
          if (r.isEmpty()) {
            report(
                out,
                root,
                rootImport,
                prefix
                    + "unresolved import <"
                    + imp.name()
                    + ">: grammar "
                    + target
                    + " has no rule <"
                    + imp.ruleName()
                    + ">");
          } else if (!r.get().isPublic()) {
            report(
                out,
                root,
                rootImport,
                prefix
                    + "unresolved import <"
                    + imp.name()
                    + ">: rule <"
                    + imp.ruleName()
                    + "> of grammar "
                    + target
                    + " is private");
          }
        }
      }
    }
    cycles(root, loaded, via, out);
    return loaded;
  }

  private static void cycles(
      JsgfGrammar root,
      Map<String, JsgfGrammar> loaded,
      Map<String, JsgfImport> via,
      List<JsgfProblem> out) {
    // Depth-first search over the import graph; a back edge closes a cycle.
    Map<String, Integer> state = new HashMap<>(); // 1 on stack, 2 done
    Deque<String> path = new ArrayDeque<>();
    Set<String> reported = new HashSet<>();
    dfs(root.name(), root, loaded, via, state, path, reported, out);
  }

  private static void dfs(
      String name,
      JsgfGrammar root,
      Map<String, JsgfGrammar> loaded,
      Map<String, JsgfImport> via,
      Map<String, Integer> state,
      Deque<String> path,
      Set<String> reported,
      List<JsgfProblem> out) {
    state.put(name, 1);
    path.addLast(name);
    JsgfGrammar g = loaded.get(name);
    if (g != null) {
      Set<String> targets = new java.util.LinkedHashSet<>();
      for (JsgfImport imp : g.imports()) {
        targets.add(imp.grammarName());
      }
      for (String t : targets) {
        if (!loaded.containsKey(t)) {
          continue;
        }
        Integer st = state.get(t);
        if (st == null) {
          dfs(t, root, loaded, via, state, path, reported, out);
        } else if (st == 1) {
          List<String> cycle = new ArrayList<>();
          boolean on = false;
          for (String p : path) {
            on |= p.equals(t);
            if (on) {
              cycle.add(p);
            }
          }
          cycle.add(t);
          String key = String.join(" -> ", cycle);
          if (reported.add(key)) {
            JsgfImport at = name.equals(root.name()) ? firstImportOf(root, t) : via.get(name);
            report(out, root, at, "import cycle: " + key);
          }
        }
      }
    }
    path.removeLast();
    state.put(name, 2);
  }

  private static JsgfImport firstImportOf(JsgfGrammar g, String target) {
    for (JsgfImport imp : g.imports()) {
      if (imp.grammarName().equals(target)) {
        return imp;
      }
    }
    throw new IllegalStateException("no import of " + target);
  }

  private static void report(
      List<JsgfProblem> out, JsgfGrammar g, Object node, String message) {
    int[] lc = g.position(node);
    out.add(new JsgfProblem(lc[0], lc[1], Severity.ERROR, message));
  }

  private static void warn(List<JsgfProblem> out, JsgfGrammar g, Object node, String message) {
    int[] lc = g.position(node);
    out.add(new JsgfProblem(lc[0], lc[1], Severity.WARNING, message));
  }

  /** Duplicate rules and unresolvable references of one grammar. */
  static void structural(JsgfGrammar g, Map<String, JsgfGrammar> loaded, List<JsgfProblem> out) {
    Map<String, JsgfRule> first = new HashMap<>();
    for (JsgfRule r : g.rules()) {
      JsgfRule prev = first.putIfAbsent(r.name(), r);
      if (prev != null) {
        int[] lc = g.position(prev);
        report(
            out,
            g,
            r,
            "duplicate rule <"
                + r.name()
                + ">"
                + (lc[0] > 0 ? " (first defined at " + lc[0] + ":" + lc[1] + ")" : ""));
      }
      refs(r.expansion(), ref -> {
        Resolution res = Resolution.resolve(loaded, g, ref.name());
        if (res.error != null) {
          report(out, g, ref, res.error);
        }
      });
    }
  }

  /** Calls {@code action} for every non-special rule reference, in order. */
  static void refs(Expansion e, java.util.function.Consumer<Expansion.RuleRef> action) {
    if (e instanceof Expansion.RuleRef r) {
      if (!r.isNull() && !r.isVoid()) {
        action.accept(r);
      }
      return;
    }
    for (Expansion c : JsgfGrammar.children(e)) {
      refs(c, action);
    }
  }

  /** Collects references with whether each is in tail position of the rule. */
  static void tailRefs(
      Expansion e, boolean tail, IdentityHashMap<Expansion.RuleRef, Boolean> out) {
    if (e instanceof Expansion.RuleRef r) {
      if (!r.isNull() && !r.isVoid()) {
        out.put(r, tail);
      }
    } else if (e instanceof Expansion.Sequence sequence) {
      List<Expansion> items = sequence.items();
      for (int i = 0; i < items.size(); i++) {
        tailRefs(items.get(i), tail && i == items.size() - 1, out);
      }
    } else if (e instanceof Expansion.Alternatives alternatives) {
      for (Expansion c : alternatives.items()) {
        tailRefs(c, tail, out);
      }
    } else if (e instanceof Expansion.Group group) {
      tailRefs(group.inner(), tail, out);
    } else if (e instanceof Expansion.OptionalGroup optionalGroup) {
      tailRefs(optionalGroup.inner(), tail, out);
    } else if (e instanceof Expansion.Repeat repeat) {
      tailRefs(repeat.item(), false, out);
    } else if (e instanceof Expansion.Tagged tagged) {
      tailRefs(tagged.item(), false, out);
    }
  }

  /** Non-right recursion among the rules of {@code g}. */
  private static void recursion(
      JsgfGrammar g, Map<String, JsgfGrammar> loaded, List<JsgfProblem> out) {
    List<JsgfRule> rules = g.distinctRules();
    Map<String, Integer> index = new HashMap<>();
    for (int i = 0; i < rules.size(); i++) {
      index.put(rules.get(i).name(), i);
    }
    List<IdentityHashMap<Expansion.RuleRef, Boolean>> refs = new ArrayList<>();
    int[][] edges = new int[rules.size()][];
    for (int i = 0; i < rules.size(); i++) {
      IdentityHashMap<Expansion.RuleRef, Boolean> m = new IdentityHashMap<>();
      tailRefs(rules.get(i).expansion(), true, m);
      refs.add(m);
      List<Integer> targets = new ArrayList<>();
      for (Expansion.RuleRef r : m.keySet()) {
        Integer t = localTarget(loaded, g, r, index);
        if (t != null) {
          targets.add(t);
        }
      }
      edges[i] = targets.stream().mapToInt(Integer::intValue).toArray();
    }
    int[] comp = Scc.components(edges);
    for (int i = 0; i < rules.size(); i++) {
      List<Map.Entry<Expansion.RuleRef, Boolean>> entries = new ArrayList<>(refs.get(i).entrySet());
      for (Map.Entry<Expansion.RuleRef, Boolean> en : entries) {
        Integer t = localTarget(loaded, g, en.getKey(), index);
        if (t != null && comp[t] == comp[i] && !en.getValue()) {
          report(
              out,
              g,
              en.getKey(),
              "recursive reference to <"
                  + en.getKey().name()
                  + "> is not in tail position (only right recursion is supported)");
        }
      }
    }
  }

  private static @org.jspecify.annotations.Nullable Integer localTarget(
      Map<String, JsgfGrammar> loaded,
      JsgfGrammar g,
      Expansion.RuleRef r,
      Map<String, Integer> index) {
    Resolution res = Resolution.resolve(loaded, g, r.name());
    if (res.grammar != null && res.grammar.name().equals(g.name()) && res.rule != null) {
      return index.get(res.rule.name());
    }
    return null;
  }

  private static void emptyUnderRepeat(
      JsgfGrammar g, Map<String, JsgfGrammar> loaded, List<JsgfProblem> out) {
    Languages lang = new Languages(loaded);
    for (JsgfRule r : g.rules()) {
      repeats(r.expansion(), g, lang, out);
    }
  }

  private static void repeats(
      Expansion e, JsgfGrammar g, Languages lang, List<JsgfProblem> out) {
    if (e instanceof Expansion.Repeat rep) {
      if (lang.nullable(g, rep.item())) {
        report(
            out,
            g,
            rep,
            "expansion under '" + rep.operator() + "' can match the empty sequence");
      }
    }
    for (Expansion c : JsgfGrammar.children(e)) {
      repeats(c, g, lang, out);
    }
  }

  private static void warnings(
      JsgfGrammar g, Map<String, JsgfGrammar> loaded, List<JsgfProblem> out) {
    Languages lang = new Languages(loaded);
    Set<String> used = new HashSet<>();
    for (JsgfRule r : g.distinctRules()) {
      if (!lang.productive(g, r.expansion())) {
        warn(
            out,
            g,
            r,
            "rule <"
                + r.name()
                + "> can never match: its language is empty (<VOID> on every path, or recursion"
                + " without an exit)");
      }
      refs(r.expansion(), ref -> {
        Resolution res = Resolution.resolve(loaded, g, ref.name());
        if (res.grammar != null
            && res.grammar.name().equals(g.name())
            && res.rule != null
            && !res.rule.name().equals(r.name())) {
          used.add(res.rule.name());
        }
      });
    }
    boolean anyPublic = false;
    for (JsgfRule r : g.distinctRules()) {
      anyPublic |= r.isPublic();
      if (!r.isPublic() && !used.contains(r.name())) {
        warn(out, g, r, "private rule <" + r.name() + "> is never used");
      }
    }
    if (!anyPublic) {
      out.add(new JsgfProblem(1, 1, Severity.WARNING, "the grammar has no public rule"));
    }
  }
}
