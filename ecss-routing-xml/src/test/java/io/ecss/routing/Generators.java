package io.ecss.routing;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** Seeded generators of patterns, numbers and contexts for property tests. */
final class Generators {
  /** A small alphabet makes collisions between rules (and so first-match decisions) frequent. */
  private static final String SYMBOLS = "0123456789*#AB";

  private static final List<SormNi> NIS = List.of(SormNi.PRIVATE, SormNi.LOCAL, SormNi.INTERCITY);

  private Generators() {}

  static String pattern(Random rnd) {
    int n = rnd.nextInt(7);
    StringBuilder sb = new StringBuilder();
    int pct = rnd.nextInt(10) < 4 ? rnd.nextInt(n + 1) : -1;
    for (int i = 0; i < n; i++) {
      if (i == pct) {
        sb.append('%');
      }
      int k = rnd.nextInt(20);
      if (k < 11) {
        sb.append(SYMBOLS.charAt(rnd.nextInt(4)));
      } else if (k < 12) {
        sb.append(SYMBOLS.charAt(rnd.nextInt(SYMBOLS.length())));
      } else if (k < 16) {
        sb.append('?');
      } else if (k < 18) {
        int lo = rnd.nextInt(5);
        sb.append('(').append(lo).append('-').append(lo + rnd.nextInt(5)).append(')');
      } else {
        sb.append('(').append(rnd.nextInt(4)).append(',').append(rnd.nextInt(10)).append("-9,#)");
      }
    }
    if (pct == n) {
      sb.append('%');
    }
    return sb.toString();
  }

  /** A number the pattern matches. */
  static String instance(Random rnd, DigitPattern p) {
    StringBuilder sb = new StringBuilder();
    for (int t = 0; t < p.minLength(); t++) {
      if (p.hasPercent() && t == p.prefixLength()) {
        pad(rnd, sb);
      }
      int mask = p.mask(t);
      int pick;
      do {
        pick = rnd.nextInt(16);
      } while ((mask & (1 << pick)) == 0);
      sb.append(Symbols.symbol(pick));
    }
    if (p.hasPercent() && p.prefixLength() == p.minLength()) {
      pad(rnd, sb);
    }
    return sb.toString();
  }

  private static void pad(Random rnd, StringBuilder sb) {
    int k = rnd.nextInt(4);
    for (int i = 0; i < k; i++) {
      sb.append(SYMBOLS.charAt(rnd.nextInt(4)));
    }
  }

  static String mutate(Random rnd, String n) {
    StringBuilder sb = new StringBuilder(n);
    switch (rnd.nextInt(4)) {
      case 0 -> {
        if (sb.length() > 0) {
          sb.setCharAt(rnd.nextInt(sb.length()), SYMBOLS.charAt(rnd.nextInt(SYMBOLS.length())));
        }
      }
      case 1 -> {
        if (sb.length() > 0) {
          sb.deleteCharAt(rnd.nextInt(sb.length()));
        }
      }
      case 2 -> sb.append(SYMBOLS.charAt(rnd.nextInt(4)));
      default -> { }
    }
    return sb.toString();
  }

  static String template(Random rnd, DigitPattern cond, int fixedMax) {
    StringBuilder sb = new StringBuilder();
    int parts = rnd.nextInt(3);
    for (int i = 0; i < parts; i++) {
      int k = rnd.nextInt(3);
      if (k == 0) {
        sb.append(SYMBOLS.charAt(rnd.nextInt(SYMBOLS.length())));
      } else if (k == 1 && cond != null && cond.hasPercent()) {
        sb.append("{%}");
      } else {
        int max = fixedMax >= 0 ? fixedMax : 3;
        if (max > 0) {
          int a = 1 + rnd.nextInt(max);
          sb.append('{').append(a);
          if (rnd.nextBoolean()) {
            sb.append('-').append(a + rnd.nextInt(max - a + 1));
          }
          sb.append('}');
        }
      }
    }
    return sb.toString();
  }

  static RoutingContext context(Random rnd, String name, int rules, boolean extras) {
    return context(rnd, name, rules, extras, List.of(name));
  }

  static RoutingContext context(Random rnd, String name, int rules, boolean extras, List<String> peers) {
    List<Rule> out = new ArrayList<>();
    for (int i = 0; i < rules; i++) {
      List<Condition> conds = new ArrayList<>();
      DigitPattern b = null;
      DigitPattern a = null;
      if (rnd.nextInt(10) < 8) {
        b = DigitPattern.parse(pattern(rnd));
        conds.add(new Condition.Digits(Field.CDPN, b, Map.of()));
      }
      if (rnd.nextInt(10) < 4) {
        a = DigitPattern.parse(pattern(rnd));
        conds.add(new Condition.Digits(Field.CGPN, a, Map.of()));
      }
      if (rnd.nextInt(10) == 0) {
        conds.add(new Condition.Digits(Field.CDPN, DigitPattern.parse(pattern(rnd)), Map.of()));
      }
      if (rnd.nextInt(8) == 0) {
        java.util.Collections.shuffle(conds, rnd);
      }
      List<Action> acts = new ArrayList<>();
      int na = rnd.nextInt(4);
      for (int k = 0; k < na; k++) {
        boolean onB = rnd.nextBoolean();
        DigitPattern cond = firstOn(conds, onB ? Field.CDPN : Field.CGPN);
        Field f = onB ? Field.CDPN : Field.CGPN;
        Template t = rnd.nextInt(4) == 0 ? null : Template.parse(template(rnd, cond, fixedMax(conds, f)));
        if (rnd.nextBoolean()) {
          acts.add(new Action.Digits(f, t, rnd.nextBoolean() ? "local" : null,
              rnd.nextInt(3) == 0 ? "nationalNumber" : null, Map.of()));
        } else {
          SormNi ni = rnd.nextBoolean() ? NIS.get(rnd.nextInt(NIS.size())) : null;
          acts.add(new Action.Sorm(f, t, ni, Map.of()));
        }
      }
      Result r = switch (rnd.nextInt(6)) {
        case 0 -> Result.Local.of();
        case 1 -> Result.Teleconference.of();
        case 2 -> Result.External.trunk("trunk" + rnd.nextInt(3));
        case 3 -> Result.External.direction("dir" + rnd.nextInt(3));
        default -> {
          List<String> others = new ArrayList<>(peers);
          others.remove(name);
          yield others.isEmpty() || rnd.nextInt(10) == 0
              ? Result.Continue.of("missing")
              : Result.Continue.of(others.get(rnd.nextInt(others.size())));
        }
      };
      if (extras && rnd.nextInt(6) == 0) {
        out.add(new Rule("r" + i, conds, acts, r, Map.of("priority", "" + i),
            Map.of("actions", Map.of("mode", "x")), List.of(XmlElement.of("note", Map.of("t", "&<>\"")))));
      } else {
        out.add(Rule.of("r" + i, conds, acts, r));
      }
    }
    if (extras && rnd.nextBoolean()) {
      return new RoutingContext(name, rnd.nextBoolean() ? "auto" : "(1xx.|*x#)", "city", null, out,
          Map.of("xmlns:xs", RoutingContext.XSI_NAMESPACE, "xs:noNamespaceSchemaLocation", "ecss_routing.xsd",
              "owner", "ops team"),
          List.of(new XmlElement("doc", Map.of(), List.of(new XmlText("about <this> & that")))));
    }
    return RoutingContext.of(name, null, out);
  }

  private static int fixedMax(List<Condition> conds, Field f) {
    int max = -1;
    for (Condition c : conds) {
      if (c instanceof Condition.Digits d && d.field() == f && !d.pattern().hasPercent()) {
        max = max < 0 ? d.pattern().minLength() : Math.min(max, d.pattern().minLength());
      }
    }
    return max;
  }

  private static DigitPattern firstOn(List<Condition> conds, Field f) {
    for (Condition c : conds) {
      if (c instanceof Condition.Digits d && d.field() == f) {
        return d.pattern();
      }
    }
    return null;
  }
}
