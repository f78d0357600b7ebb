package io.ecss.routing;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Routes one call through a set of compiled contexts: first match per context, actions computed
 * from the numbers as they were when the rule matched, {@code continue} with loop protection.
 */
final class Router {
  /** Most {@code <continue>} hops before routing ends with {@code loop}. */
  static final int MAX_HOPS = 16;

  /** Picks the matching rule of a context; the compiled matcher, or a reference in tests. */
  interface Selector {
    int select(CompiledContext ctx, CharSequence a, CharSequence b);
  }

  static final Selector COMPILED = (ctx, a, b) -> ctx.firstMatch(a, b);

  private Router() {}

  static Trace route(
      Function<String, @Nullable CompiledContext> contexts,
      String start,
      Call call,
      RouteMode mode,
      Selector selector) {
    PartyNumber a = call.a();
    PartyNumber b = call.b();
    Map<String, String> sorm = new LinkedHashMap<>();
    List<Trace.Step> path = new ArrayList<>();
    List<String> notes = new ArrayList<>();
    List<String> visited = new ArrayList<>();
    String name = start;
    CompiledContext first = contexts.apply(start);
    if (mode == RouteMode.OVERLAP && first != null) {
      b = collect(first, b, notes);
    }
    while (true) {
      CompiledContext ctx = contexts.apply(name);
      if (ctx == null) {
        String why = path.isEmpty()
            ? "unknown context " + name
            : "unknown context " + name + " in <continue> of " + path.get(path.size() - 1);
        return new Trace(Outcome.ERROR, null, null, name, a, b, sorm, path, why, notes);
      }
      if (visited.contains(name) || visited.size() > MAX_HOPS) {
        String why = (visited.contains(name)
                ? "context " + name + " visited twice"
                : "more than " + MAX_HOPS + " continue hops")
            + ": " + String.join(" -> ", names(path)) + " -> " + name;
        return new Trace(Outcome.LOOP, null, null, name, a, b, sorm, path, why, notes);
      }
      visited.add(name);
      int idx = selector.select(ctx, a.digits(), b.digits());
      if (idx < 0) {
        return new Trace(Outcome.NO_ROUTE, null, null, name, a, b, sorm, path,
            "no rule of context " + name + " matches cgpn \"" + a.digits() + "\" cdpn \""
                + b.digits() + "\"", notes);
      }
      CompiledRule cr = ctx.rule(idx);
      Rule rule = cr.rule;
      if (cr.unsupported != null) {
        path.add(new Trace.Step(name, rule.name(), List.of()));
        return new Trace(Outcome.ERROR, null, null, name, a, b, sorm, path,
            "rule " + name + "/" + rule.name() + " matched but has " + cr.unsupported
                + " (not supported by this evaluator)", notes);
      }
      List<String> effects = new ArrayList<>();
      PartyNumber[] after;
      Map<String, String> newSorm = new LinkedHashMap<>(sorm);
      try {
        after = apply(cr, a, b, newSorm, effects);
      } catch (RoutingException e) {
        path.add(new Trace.Step(name, rule.name(), effects));
        return new Trace(Outcome.ERROR, null, null, name, a, b, sorm, path,
            "rule " + name + "/" + rule.name() + ": " + e.getMessage(), notes);
      }
      a = after[0];
      b = after[1];
      sorm = newSorm;
      path.add(new Trace.Step(name, rule.name(), effects));
      Result r = rule.result();
      if (r instanceof Result.Continue rc) {
        name = rc.context();
        continue;
      }
      if (r instanceof Result.External e) {
        boolean trunk = e.target() == Result.Target.TRUNK;
        return new Trace(Outcome.EXTERNAL, trunk ? e.value() : null, trunk ? null : e.value(),
            name, a, b, sorm, path, null, notes);
      }
      Outcome o = r instanceof Result.Local ? Outcome.LOCAL : Outcome.TELECONFERENCE;
      return new Trace(o, null, null, name, a, b, sorm, path, null, notes);
    }
  }

  private static List<String> names(List<Trace.Step> path) {
    List<String> out = new ArrayList<>();
    for (Trace.Step s : path) {
      out.add(s.toString());
    }
    return out;
  }

  /**
   * Applies the rule's actions in document order; every template reads the pre-action numbers
   * {@code a} and {@code b}. Later actions overwrite earlier ones. Returns {new A, new B}.
   */
  private static PartyNumber[] apply(
      CompiledRule cr, PartyNumber a, PartyNumber b, Map<String, String> sorm, List<String> effects) {
    PartyNumber[] before = {a, b};
    String[] digits = {a.digits(), b.digits()};
    String[] ni = {a.ni(), b.ni()};
    String[] nai = {a.nai(), b.nai()};
    for (Action act : cr.rule.actions()) {
      Field f;
      Template t;
      if (act instanceof Action.Digits ad) {
        f = ad.field();
        t = ad.digits();
      } else if (act instanceof Action.Sorm as) {
        f = as.field();
        t = as.digits();
      } else {
        continue;
      }
      int k = f == Field.CGPN ? 0 : 1;
      String pre = before[k].digits();
      DigitPattern pct = k == 0 ? cr.percentA : cr.percentB;
      String out = null;
      if (t != null) {
        out = t.apply(pre, pct == null ? 0 : pct.percentStart(), pct == null ? 0 : pct.percentEnd(pre));
        if (out.length() > Symbols.MAX_NUMBER_LENGTH || Symbols.firstInvalid(out) >= 0) {
          throw new RoutingException("template \"" + t.source() + "\" built \"" + out
              + "\" (expected at most " + Symbols.MAX_NUMBER_LENGTH + " dial symbols)");
        }
      }
      if (act instanceof Action.Digits d) {
        if (out != null) {
          effects.add(f.element() + " \"" + pre + "\" -> \"" + out + "\" (template \"" + t.source()
              + "\")");
          digits[k] = out;
        }
        if (d.ni() != null) {
          effects.add(f.element() + " ni=" + d.ni());
          ni[k] = d.ni();
        }
        if (d.nai() != null) {
          effects.add(f.element() + " nai=" + d.nai());
          nai[k] = d.nai();
        }
      } else if (act instanceof Action.Sorm sa) {
        if (out != null) {
          sorm.put("sorm_digits_" + f.party(), out);
          effects.add("sorm_digits_" + f.party() + "=\"" + out + "\" (template \"" + t.source()
              + "\")");
        }
        if (sa.ni() != null) {
          sorm.put("sorm_ni_" + f.party(), sa.ni().xmlValue());
          effects.add("sorm_ni_" + f.party() + "=" + sa.ni().xmlValue());
        }
      }
    }
    return new PartyNumber[] {
      new PartyNumber(digits[0], ni[0], nai[0]), new PartyNumber(digits[1], ni[1], nai[1])
    };
  }

  /** Overlap mode: feeds the called number to the entry context's digit map symbol by symbol. */
  private static PartyNumber collect(CompiledContext ctx, PartyNumber b, List<String> notes) {
    DigitMap map = ctx.digitMap().orElse(null);
    if (map == null) {
      notes.add("overlap: context " + ctx.name() + " has no digit map"
          + (ctx.context().digitmap() != null ? " (auto)" : "") + "; routing the whole number");
      return b;
    }
    String d = b.digits();
    for (int n = 1; n <= d.length(); n++) {
      DigitMap.Match m = map.evaluate(d.subSequence(0, n));
      if (m != DigitMap.Match.PARTIAL) {
        notes.add("overlap: digit map of " + ctx.name() + " is " + m.label() + " after " + n
            + " symbol(s) \"" + d.substring(0, n) + "\""
            + (n < d.length() ? "; symbols after it are not used for routing" : ""));
        return new PartyNumber(d.substring(0, n), b.ni(), b.nai());
      }
    }
    notes.add("overlap: digit map of " + ctx.name() + " is partial after all " + d.length()
        + " symbol(s); the inter-digit timer completes the number");
    return b;
  }
}
