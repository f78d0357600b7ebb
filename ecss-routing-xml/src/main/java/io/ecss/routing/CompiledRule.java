package io.ecss.routing;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** A rule prepared for evaluation: its number conditions split by field, and what it lacks. */
final class CompiledRule {
  final Rule rule;
  final int index;
  /** The cdpn condition the matcher indexes, or null when the rule has none. */
  final @Nullable DigitPattern indexed;
  /** Conditions other than {@link #indexed}, checked after the index finds the rule. */
  final DigitPattern[] residualA;

  final DigitPattern[] residualB;
  /** First condition with a {@code %} per field, for {@code {%}}; null when there is none. */
  final @Nullable DigitPattern percentA;

  final @Nullable DigitPattern percentB;
  /** Why the evaluator cannot honour this rule, or null when it can. */
  final @Nullable String unsupported;

  CompiledRule(Rule rule, int index) {
    this.rule = rule;
    this.index = index;
    DigitPattern idx = null;
    List<DigitPattern> ra = new ArrayList<>();
    List<DigitPattern> rb = new ArrayList<>();
    DigitPattern pa = null;
    DigitPattern pb = null;
    String why = null;
    for (Condition c : rule.conditions()) {
      if (c instanceof Condition.Digits d) {
        if (!d.otherAttributes().isEmpty() && why == null) {
          why = "unsupported attribute " + d.otherAttributes().keySet().iterator().next()
              + " on condition <" + d.field().element() + ">";
        }
        if (d.field() == Field.CDPN) {
          if (idx == null) {
            idx = d.pattern();
          } else {
            rb.add(d.pattern());
          }
          if (pb == null && d.pattern().hasPercent()) {
            pb = d.pattern();
          }
        } else {
          ra.add(d.pattern());
          if (pa == null && d.pattern().hasPercent()) {
            pa = d.pattern();
          }
        }
      } else if (why == null && c instanceof Condition.Unsupported u) {
        why = "unsupported condition <" + u.element().name() + ">";
      }
    }
    if (why == null) {
      why = unsupportedIn(rule);
    }
    this.indexed = idx;
    this.residualA = ra.toArray(new DigitPattern[0]);
    this.residualB = rb.toArray(new DigitPattern[0]);
    this.percentA = pa;
    this.percentB = pb;
    this.unsupported = why;
  }

  private static @Nullable String unsupportedIn(Rule rule) {
    for (Action a : rule.actions()) {
      if (a instanceof Action.Unsupported u) {
        return "unsupported action <" + u.element().name() + ">";
      }
      if (a instanceof Action.Digits d && !d.otherAttributes().isEmpty()) {
        return "unsupported attribute " + d.otherAttributes().keySet().iterator().next()
            + " on action <" + d.field().element() + ">";
      }
      if (a instanceof Action.Sorm s && !s.otherAttributes().isEmpty()) {
        return "unsupported attribute " + s.otherAttributes().keySet().iterator().next()
            + " on action <" + s.field().sormElement() + ">";
      }
    }
    if (!rule.extensions().isEmpty()) {
      return "unsupported element <" + rule.extensions().get(0).name() + "> in the rule";
    }
    Result r = rule.result();
    if (r instanceof Result.Unsupported u) {
      return "unsupported result <" + u.element().name() + ">";
    }
    java.util.Map<String, String> attrs = java.util.Map.of();
    if (r instanceof Result.Local l) {
      attrs = l.otherAttributes();
    } else if (r instanceof Result.Teleconference t) {
      attrs = t.otherAttributes();
    } else if (r instanceof Result.Continue c) {
      attrs = c.otherAttributes();
    } else if (r instanceof Result.External e) {
      if (!e.extensions().isEmpty()) {
        return "unsupported element <" + e.extensions().get(0).name() + "> in <external>";
      }
      attrs = !e.otherAttributes().isEmpty() ? e.otherAttributes() : e.targetAttributes();
    }
    if (!attrs.isEmpty()) {
      return "unsupported attribute " + attrs.keySet().iterator().next() + " on the result";
    }
    return null;
  }

  /** Whether every number condition holds (the indexed one excluded when {@code skipIndexed}). */
  boolean residualMatches(CharSequence a, CharSequence b) {
    for (DigitPattern p : residualA) {
      if (!p.matches(a)) {
        return false;
      }
    }
    for (DigitPattern p : residualB) {
      if (!p.matches(b)) {
        return false;
      }
    }
    return true;
  }

  /** Whether the rule matches the call, all conditions checked directly (no index). */
  boolean matches(CharSequence a, CharSequence b) {
    return (indexed == null || indexed.matches(b)) && residualMatches(a, b);
  }
}
