package io.ecss.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The compiled trie matcher against a deliberately simple reference (document-order scan with a
 * backtracking matcher from the pattern text): same trace, hence same result and path, on 100,000
 * seeded random contexts and calls.
 */
class MatcherPropertyTest {
  private static final long SEED = 0x5EEDL;

  @Test
  void compiledMatcherAgreesWithReferenceOn100000Calls() {
    Random rnd = new Random(SEED);
    int cases = 0;
    int matched = 0;
    for (int domainNo = 0; domainNo < 500; domainNo++) {
      List<String> names = List.of("c0", "c1", "c2");
      List<RoutingContext> ctxs = new ArrayList<>();
      for (String n : names) {
        ctxs.add(Generators.context(rnd, n, 1 + rnd.nextInt(domainNo % 10 == 0 ? 200 : 30), false, names));
      }
      RoutingDomain d = RoutingDomain.of(ctxs, "c0");
      for (int call = 0; call < 200; call++) {
        String b = number(rnd, ctxs.get(0), Field.CDPN);
        String a = number(rnd, ctxs.get(0), Field.CGPN);
        Call c = Call.of(a, b);
        Trace fast = d.route(c);
        Trace ref = d.route(c, "c0", RouteMode.ENBLOCK, ReferenceSelector.INSTANCE);
        if (!fast.equals(ref)) {
          int dn = domainNo;
          assertThat(fast).as(() -> String.format("seed %d, domain %d, call %s%n%s", SEED, dn, c,
              ctxs.stream().map(RoutingXml::write).collect(java.util.stream.Collectors.joining()))).isEqualTo(ref);
        }
        if (fast.outcome() != Outcome.NO_ROUTE) {
          matched++;
        }
        cases++;
      }
    }
    assertThat(cases).isEqualTo(100_000);
    // The generator must exercise matches, not just misses.
    assertThat(matched).isGreaterThan(30_000);
  }

  private static String number(Random rnd, RoutingContext ctx, Field f) {
    for (int tries = 0; tries < 3; tries++) {
      Rule r = ctx.rules().get(rnd.nextInt(ctx.rules().size()));
      for (Condition c : r.conditions()) {
        if (c instanceof Condition.Digits d && d.field() == f) {
          String n = Generators.instance(rnd, d.pattern());
          return rnd.nextInt(4) == 0 ? Generators.mutate(rnd, n) : n;
        }
      }
    }
    return Generators.instance(rnd, DigitPattern.parse(Generators.pattern(rnd)));
  }
}
