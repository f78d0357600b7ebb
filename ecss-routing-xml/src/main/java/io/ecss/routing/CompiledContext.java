package io.ecss.routing;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A routing context compiled once for routing: a matcher that gives exactly the first-match answer
 * (the first rule in document order whose conditions all hold) without scanning every rule, plus
 * the parsed digit map.
 *
 * <pre>{@code
 * CompiledContext cc = CompiledContext.compile(ctx);
 * int rule = cc.firstMatch("28331", "89001758964");   // index into ctx.rules(), or -1
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public final class CompiledContext {
  private final RoutingContext context;
  private final CompiledRule[] rules;
  private final TrieMatcher matcher;
  private final @Nullable DigitMap digitMap;

  private CompiledContext(RoutingContext context) {
    this.context = context;
    this.rules = new CompiledRule[context.rules().size()];
    for (int i = 0; i < rules.length; i++) {
      rules[i] = new CompiledRule(context.rules().get(i), i);
    }
    this.matcher = new TrieMatcher(rules);
    String dm = context.digitmap();
    this.digitMap = dm == null || dm.equals("auto") ? null : DigitMap.parse(dm);
  }

  /**
   * Compiles a context.
   *
   * @param context the context
   * @return the compiled context
   * @throws RoutingException when the context has an error that makes routing wrong: a bad digit
   *     map, or a template that uses {@code {%}} with no {@code %} condition on its number, or reads
   *     a position past every number its conditions allow
   */
  public static CompiledContext compile(RoutingContext context) {
    requireNonNull(context, "context");
    String dm = context.digitmap();
    if (dm != null && !dm.equals("auto")) {
      try {
        DigitMap.parse(dm);
      } catch (RoutingSyntaxException e) {
        throw new RoutingException("context " + context.name() + ": " + e.getMessage(), e);
      }
    }
    for (Check c : check(context, false)) {
      if (c.severity == Severity.ERROR) {
        throw new RoutingException("context " + context.name() + ": " + c.message);
      }
    }
    return new CompiledContext(context);
  }

  /** A problem found by {@link #check}, pointing at the model object it is about. */
  static final class Check {
    final Severity severity;
    final Object at;
    final String message;

    Check(Severity severity, Object at, String message) {
      this.severity = severity;
      this.at = at;
      this.message = message;
    }
  }

  /**
   * Problems of one context that need no other context: templates against conditions, duplicate
   * rule names, {@code continue} to itself and, when {@code shadowing}, rules shadowed by earlier
   * ones. The digit map is checked by the reader and by {@link #compile}.
   */
  static List<Check> check(RoutingContext ctx, boolean shadowing) {
    List<Check> out = new ArrayList<>();
    java.util.Map<String, Rule> names = new java.util.HashMap<>();
    List<CompiledRule> compiled = new ArrayList<>();
    for (int i = 0; i < ctx.rules().size(); i++) {
      Rule r = ctx.rules().get(i);
      CompiledRule cr = new CompiledRule(r, i);
      compiled.add(cr);
      String where = "rule " + r.name() + ": ";
      Rule prev = names.putIfAbsent(r.name(), r);
      if (prev != null) {
        out.add(new Check(Severity.ERROR, r, where + "duplicate rule name " + r.name()
            + " in context " + ctx.name() + " (expected unique names)"));
      }
      for (Action a : r.actions()) {
        Template t = null;
        Field f = null;
        String label = null;
        if (a instanceof Action.Digits ad) {
          t = ad.digits();
          f = ad.field();
          label = "<" + f.element() + " digits=\"" + (t == null ? "" : t.source()) + "\">";
        } else if (a instanceof Action.Sorm as) {
          t = as.digits();
          f = as.field();
          label = "<" + f.sormElement() + " sorm_digits=\"" + (t == null ? "" : t.source()) + "\">";
        }
        if (t == null || f == null) {
          continue;
        }
        DigitPattern pct = f == Field.CGPN ? cr.percentA : cr.percentB;
        if (t.usesPercent() && pct == null) {
          out.add(new Check(Severity.ERROR, a, where + label + " uses {%} but no " + f.element()
              + " condition of the rule has a % (expected a condition like <" + f.element()
              + " digits=\"8%\"/>)"));
        }
        int maxLen = maxLength(r, f);
        if (t.maxPosition() > 0 && maxLen >= 0 && t.maxPosition() > maxLen) {
          out.add(new Check(Severity.ERROR, a, where + label + " reads position " + t.maxPosition()
              + " but the " + f.element() + " conditions allow at most " + maxLen + " symbols"));
        }
      }
      if (r.result() instanceof Result.Continue rc && rc.context().equals(ctx.name())) {
        out.add(new Check(Severity.ERROR, r.result(), where + "<continue context=\"" + ctx.name()
            + "\"/> continues in its own context (a loop)"));
      }
    }
    if (shadowing) {
      shadowing(compiled, out);
    }
    return out;
  }

  /** Longest number the field's conditions allow, or -1 when unbounded (or no condition). */
  private static int maxLength(Rule r, Field f) {
    int max = -1;
    for (Condition c : r.conditions()) {
      if (c instanceof Condition.Digits cd && cd.field() == f) {
        DigitPattern p = cd.pattern();
        if (!p.hasPercent()) {
          max = max < 0 ? p.minLength() : Math.min(max, p.minLength());
        }
      }
    }
    return max;
  }

  /**
   * Warns about rules no call can reach: every call they match is matched by an earlier rule
   * whose conditions are all supported. Candidates are the earlier rules that match one sample
   * call of the later rule (found with the trie), so the work is near linear for real plans;
   * each candidate is then decided exactly by automaton inclusion.
   */
  private static void shadowing(List<CompiledRule> rules, List<Check> out) {
    TrieMatcher trie = new TrieMatcher(rules.toArray(new CompiledRule[0]));
    for (int j = 1; j < rules.size(); j++) {
      CompiledRule later = rules.get(j);
      String a = sample(patterns(later, Field.CGPN));
      String b = sample(patterns(later, Field.CDPN));
      int[] candidates;
      if (a != null && b != null && later.matches(a, b)) {
        candidates = trie.allMatches(a, b, j);
      } else {
        candidates = java.util.stream.IntStream.range(0, j).toArray();
      }
      for (int i : candidates) {
        CompiledRule earlier = rules.get(i);
        if (earlier.unsupported == null && covers(earlier, later)) {
          out.add(new Check(Severity.WARNING, later.rule, "rule " + later.rule.name()
              + ": unreachable: every call it matches is matched first by rule "
              + earlier.rule.name()));
          break;
        }
      }
    }
  }

  /** A number the first pattern matches (lowest symbol per position, {@code %} empty), or "". */
  private static @Nullable String sample(List<DigitPattern> patterns) {
    if (patterns.isEmpty()) {
      return "";
    }
    DigitPattern p = patterns.get(0);
    StringBuilder sb = new StringBuilder(p.minLength());
    for (int t = 0; t < p.minLength(); t++) {
      sb.append(Symbols.symbol(Integer.numberOfTrailingZeros(p.mask(t))));
    }
    return sb.toString();
  }

  /** Whether every call {@code later} matches also satisfies every condition of {@code earlier}. */
  private static boolean covers(CompiledRule earlier, CompiledRule later) {
    return coversField(earlier, later, Field.CDPN) && coversField(earlier, later, Field.CGPN);
  }

  private static boolean coversField(CompiledRule earlier, CompiledRule later, Field f) {
    for (DigitPattern e : patterns(earlier, f)) {
      boolean ok = false;
      for (DigitPattern l : patterns(later, f)) {
        if (quickReject(e, l)) {
          continue;
        }
        if (e.covers(l)) {
          ok = true;
          break;
        }
      }
      if (!ok && !(e.hasPercent() && e.minLength() == 0)) {
        return false;
      }
    }
    return true;
  }

  private static boolean quickReject(DigitPattern e, DigitPattern l) {
    if (e.minLength() > l.minLength() || (!e.hasPercent() && l.hasPercent())) {
      return true;
    }
    if (!e.hasPercent() && e.minLength() != l.minLength()) {
      return true;
    }
    // Tokens before either '%' sit at the same position in every number: a symbol the later
    // pattern accepts there and the earlier one does not is a number only the later one matches.
    int common = Math.min(e.prefixLength(), l.prefixLength());
    for (int t = 0; t < common; t++) {
      if ((l.mask(t) & ~e.mask(t)) != 0) {
        return true;
      }
    }
    return false;
  }

  private static List<DigitPattern> patterns(CompiledRule r, Field f) {
    List<DigitPattern> out = new ArrayList<>();
    if (f == Field.CDPN) {
      if (r.indexed != null) {
        out.add(r.indexed);
      }
      out.addAll(List.of(r.residualB));
    } else {
      out.addAll(List.of(r.residualA));
    }
    return out;
  }

  /**
   * Returns the index (in {@link RoutingContext#rules()}) of the first rule whose conditions all
   * hold for these numbers, the same answer a scan in document order gives. Conditions this module
   * does not support are not evaluated: a rule holding one is selected when its other conditions
   * hold, and routing reports it as unsupported. Allocates nothing.
   *
   * @param cgpn the calling number (A)
   * @param cdpn the called number (B)
   * @return the rule index, or -1 when no rule matches
   */
  public int firstMatch(CharSequence cgpn, CharSequence cdpn) {
    return matcher.firstMatch(cgpn, cdpn);
  }

  /**
   * Returns the first rule whose conditions hold, as {@link #firstMatch} finds it.
   *
   * @param call the call
   * @return the rule, or empty when none matches
   */
  public Optional<Rule> match(Call call) {
    int i = firstMatch(call.a().digits(), call.b().digits());
    return i < 0 ? Optional.empty() : Optional.of(rules[i].rule);
  }

  /**
   * Returns the context this was compiled from.
   *
   * @return the context
   */
  public RoutingContext context() {
    return context;
  }

  /**
   * Returns the context name.
   *
   * @return the name
   */
  public String name() {
    return context.name();
  }

  /**
   * Returns the parsed digit map; empty when the context has none or has {@code digitmap="auto"}.
   *
   * @return the digit map
   */
  public Optional<DigitMap> digitMap() {
    return Optional.ofNullable(digitMap);
  }

  CompiledRule rule(int index) {
    return rules[index];
  }

  int size() {
    return rules.length;
  }
}
