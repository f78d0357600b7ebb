package io.ecss.asr.jsgf;

import java.util.IdentityHashMap;
import java.util.Map;

/**
 * Two properties of rule languages, computed as least fixpoints over every loaded grammar:
 * whether a rule can match the empty sequence (nullable) and whether it can match anything at all
 * (productive).
 */
final class Languages {
  private final Map<String, JsgfGrammar> loaded;
  private final IdentityHashMap<Expansion.RuleRef, Resolution> resolved = new IdentityHashMap<>();
  private final IdentityHashMap<JsgfRule, Boolean> nullable = new IdentityHashMap<>();
  private final IdentityHashMap<JsgfRule, Boolean> productive = new IdentityHashMap<>();

  Languages(Map<String, JsgfGrammar> loaded) {
    this.loaded = loaded;
    fixpoint(true);
    fixpoint(false);
  }

  private void fixpoint(boolean forNullable) {
    IdentityHashMap<JsgfRule, Boolean> map = forNullable ? nullable : productive;
    boolean changed = true;
    while (changed) {
      changed = false;
      for (JsgfGrammar g : loaded.values()) {
        for (JsgfRule r : g.rules()) {
          if (!map.getOrDefault(r, false) && eval(g, r.expansion(), forNullable)) {
            map.put(r, true);
            changed = true;
          }
        }
      }
    }
  }

  boolean nullable(JsgfGrammar g, Expansion e) {
    return eval(g, e, true);
  }

  boolean productive(JsgfGrammar g, Expansion e) {
    return eval(g, e, false);
  }

  private boolean eval(JsgfGrammar g, Expansion e, boolean forNullable) {
    if (e instanceof Expansion.Token) {
      return !forNullable;
    } else if (e instanceof Expansion.RuleRef ref) {
      if (ref.isNull()) {
        return true;
      }
      if (ref.isVoid()) {
        return false;
      }
      Resolution res = resolved.computeIfAbsent(ref, r -> Resolution.resolve(loaded, g, r.name()));
      if (res.rule == null) {
        return !forNullable; // unresolved: reported elsewhere; do not cascade warnings
      }
      return (forNullable ? nullable : productive).getOrDefault(res.rule, false);
    } else if (e instanceof Expansion.Sequence sequence) {
      for (Expansion c : sequence.items()) {
        if (!eval(g, c, forNullable)) {
          return false;
        }
      }
      return true;
    } else if (e instanceof Expansion.Alternatives alternatives) {
      for (Expansion c : alternatives.items()) {
        if (eval(g, c, forNullable)) {
          return true;
        }
      }
      return false;
    } else if (e instanceof Expansion.Group group) {
      return eval(g, group.inner(), forNullable);
    } else if (e instanceof Expansion.OptionalGroup) {
      return true;
    } else if (e instanceof Expansion.Repeat r) {
      return !r.oneOrMore() || eval(g, r.item(), forNullable);
    } else {
      return eval(g, ((Expansion.Tagged) e).item(), forNullable);
    }
  }
}
