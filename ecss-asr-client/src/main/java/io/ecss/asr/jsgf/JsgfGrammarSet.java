package io.ecss.asr.jsgf;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A grammar together with every grammar it imports, directly or not, with all references
 * checked: the input of {@link JsgfExpander} and {@link JsgfMatcher}.
 *
 * <pre>{@code
 * JsgfGrammarSet set = JsgfGrammarSet.resolve(grammar, JsgfLoader.directory(Path.of("grammars")));
 * JsgfRule main = set.rule("menu");
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public final class JsgfGrammarSet {
  private final JsgfGrammar root;
  private final Map<String, JsgfGrammar> grammars;
  private final IdentityHashMap<Expansion.RuleRef, Resolution> resolved;

  private JsgfGrammarSet(
      JsgfGrammar root,
      Map<String, JsgfGrammar> grammars,
      IdentityHashMap<Expansion.RuleRef, Resolution> r) {
    this.root = root;
    this.grammars = grammars;
    this.resolved = r;
  }

  /**
   * Resolves a grammar that has no imports (or whose imports are all to itself).
   *
   * @param grammar the grammar
   * @return the set
   * @throws JsgfException as {@link #resolve(JsgfGrammar, JsgfLoader)} with {@link
   *     JsgfLoader#none()}
   */
  public static JsgfGrammarSet of(JsgfGrammar grammar) {
    return resolve(grammar, JsgfLoader.none());
  }

  /**
   * Loads the imports of {@code root} transitively and checks every rule reference.
   *
   * @param root the grammar whose rules will be used
   * @param loader finds imported grammars
   * @return the set
   * @throws JsgfException for the first unresolved import, import cycle, duplicate rule, or
   *     undefined, ambiguous or private reference; the position refers to {@code root}, or to the
   *     imported grammar named by {@link JsgfException#source()}
   */
  public static JsgfGrammarSet resolve(JsgfGrammar root, JsgfLoader loader) {
    return resolve(root, loader, JsgfLimits.DEFAULT);
  }

  /**
   * Loads the imports of {@code root} transitively, at most {@link
   * JsgfLimits#maxImportedGrammars()} grammars, and checks every rule reference.
   *
   * @param root the grammar whose rules will be used
   * @param loader finds imported grammars
   * @param limits the limits
   * @return the set
   * @throws JsgfException as {@link #resolve(JsgfGrammar, JsgfLoader)}
   */
  public static JsgfGrammarSet resolve(JsgfGrammar root, JsgfLoader loader, JsgfLimits limits) {
    requireNonNull(root, "root");
    requireNonNull(loader, "loader");
    requireNonNull(limits, "limits");
    List<JsgfProblem> problems = new ArrayList<>();
    Map<String, JsgfGrammar> loaded = JsgfChecker.load(root, loader, limits, problems);
    throwFirst(problems, null);
    for (JsgfGrammar g : loaded.values()) {
      JsgfChecker.structural(g, loaded, problems);
      throwFirst(problems, g.name().equals(root.name()) ? null : g.name());
    }
    IdentityHashMap<Expansion.RuleRef, Resolution> resolved = new IdentityHashMap<>();
    for (JsgfGrammar g : loaded.values()) {
      for (JsgfRule r : g.rules()) {
        JsgfChecker.refs(r.expansion(), ref -> resolved.put(ref, Resolution.resolve(loaded, g, ref.name())));
      }
    }
    return new JsgfGrammarSet(root, Map.copyOf(loaded), resolved);
  }

  private static void throwFirst(List<JsgfProblem> problems, @Nullable String source) {
    if (!problems.isEmpty()) {
      JsgfProblem p = problems.get(0);
      throw new JsgfException(p.message(), p.line(), p.column(), source);
    }
  }

  /**
   * Returns the grammar whose rules are used by default.
   *
   * @return the root grammar
   */
  public JsgfGrammar root() {
    return root;
  }

  /**
   * Returns every grammar of the set, the root included.
   *
   * @return an immutable list
   */
  public List<JsgfGrammar> grammars() {
    return List.copyOf(grammars.values());
  }

  /**
   * Finds a rule by name as the root grammar would refer to it: a local simple name, an imported
   * simple name, or a qualified name.
   *
   * @param name the rule name, without angle brackets
   * @return the rule
   * @throws JsgfException when no such rule is visible from the root grammar
   */
  public JsgfRule rule(String name) {
    return target(name).rule;
  }

  /**
   * Returns the root's first public rule.
   *
   * @return the rule
   * @throws JsgfException when the root grammar has no public rule
   */
  public JsgfRule firstPublicRule() {
    Optional<JsgfRule> r = root.firstPublicRule();
    if (r.isEmpty()) {
      throw new JsgfException("grammar " + root.name() + " has no public rule");
    }
    return r.get();
  }

  /** A rule together with the grammar it belongs to. */
  static final class Target {
    final JsgfGrammar grammar;
    final JsgfRule rule;

    Target(JsgfGrammar grammar, JsgfRule rule) {
      this.grammar = grammar;
      this.rule = rule;
    }
  }

  Target target(String name) {
    requireNonNull(name, "name");
    if (!Names.isDottedName(name)) {
      throw new JsgfException("malformed rule name '" + name + "'");
    }
    Resolution res = Resolution.resolve(grammars, root, name);
    if (res.rule == null || res.grammar == null) {
      throw new JsgfException(
          "no rule <" + name + "> in grammar " + root.name() + " (" + res.error + ")");
    }
    return new Target(res.grammar, res.rule);
  }

  /** The target of a reference inside one of this set's rules (references are all valid). */
  Target target(Expansion.RuleRef ref) {
    Resolution res = resolved.get(ref);
    if (res == null || res.rule == null || res.grammar == null) {
      throw new IllegalStateException("reference not from this set: <" + ref.name() + ">");
    }
    return new Target(res.grammar, res.rule);
  }

  int[] position(JsgfGrammar g, Object node) {
    return g.position(node);
  }
}
