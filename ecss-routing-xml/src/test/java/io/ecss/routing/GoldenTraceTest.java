package io.ecss.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/**
 * Golden traces over the manual's MultiSORM contexts: every rule hit at least once, plus calls
 * that match nothing. Each expected line is the trace summary {@code outcome target path
 * A B options}.
 */
class GoldenTraceTest {

  static Stream<Arguments> traces() {
    return Stream.of(
        // domain central_voip, default_routing
        Arguments.of("central_voip", "default_routing", "200100", "200119",
            "external trunk=bridge:c2v_inter [default_routing/to_voip] A=\"200100\" B=\"200119\" {}"),
        Arguments.of("central_voip", "default_routing", "200100", "300000",
            "external trunk=bridge:c2l_inter [default_routing/to_local] A=\"200100\" B=\"300000\" {}"),
        Arguments.of("central_voip", "default_routing", "73832112233", "73832700001",
            "local [default_routing/to_local_city_users, ctx_city/to_local_city_users]"
                + " A=\"73832112233\" B=\"73832700001\" {sorm_ni_a=local, sorm_ni_b=local}"),
        Arguments.of("central_voip", "default_routing", "73832112233", "73832512345",
            "external trunk=trunk1 [default_routing/to_gorod] A=\"73832112233\" B=\"73832512345\""
                + " {sorm_ni_a=local, sorm_ni_b=local}"),
        Arguments.of("central_voip", "default_routing", "12345", "200100",
            "no_route [] A=\"12345\" B=\"200100\" {}"),
        Arguments.of("central_voip", "ctx_city", "", "",
            "local [ctx_city/to_local_city_users] A=\"\" B=\"\" {}"),
        // domain local.voip
        Arguments.of("local.voip", "default_routing", "300000", "300001",
            "local [default_routing/local_calls] A=\"300000\" B=\"300001\""
                + " {sorm_ni_a=private, sorm_ni_b=private}"),
        Arguments.of("local.voip", "default_routing", "300000", "200100",
            "external trunk=bridge:l2c_inter [default_routing/other_departments] A=\"300000\""
                + " B=\"200100\" {sorm_ni_a=private, sorm_ni_b=private}"),
        Arguments.of("local.voip", "default_routing", "300001", "73832512345",
            "external trunk=bridge:l2c [default_routing/to_city_bridge, to_city/to_city_bridge]"
                + " A=\"300001\" B=\"73832512345\" {sorm_ni_a=private, sorm_digits_a=300001,"
                + " sorm_ni_b=local, sorm_digits_b=73832512345}"),
        Arguments.of("local.voip", "default_routing", "73832512345", "300000",
            "local [default_routing/local_from_bridge] A=\"73832512345\" B=\"300000\""
                + " {sorm_ni_a=local, sorm_ni_b=private}"),
        Arguments.of("local.voip", "default_routing", "200100", "73832512345",
            "no_route [] A=\"200100\" B=\"73832512345\" {}"),
        Arguments.of("local.voip", "from_l2c", "73832700000", "73832710000",
            "local [from_l2c/local_from_bridge] A=\"73832700000\" B=\"73832710000\""
                + " {sorm_ni_a=local, sorm_ni_b=private}"),
        Arguments.of("local.voip", "from_l2c", "300000", "73832710000",
            "no_route [] A=\"300000\" B=\"73832710000\" {}"),
        // domain voip.local
        Arguments.of("voip.local", "default_routing", "200100", "200119",
            "local [default_routing/local_calls] A=\"200100\" B=\"200119\""
                + " {sorm_ni_a=private, sorm_ni_b=private}"),
        Arguments.of("voip.local", "default_routing", "200100", "300000",
            "external trunk=bridge:v2c_inter [default_routing/other_departments] A=\"200100\""
                + " B=\"300000\" {sorm_ni_a=private, sorm_ni_b=private}"),
        Arguments.of("voip.local", "default_routing", "200119", "73832512345",
            "external trunk=bridge:v2c [default_routing/to_city_bridge, to_city/to_city_bridge]"
                + " A=\"200119\" B=\"73832512345\" {sorm_ni_a=private, sorm_digits_a=200119,"
                + " sorm_ni_b=local, sorm_digits_b=73832512345}"),
        Arguments.of("voip.local", "default_routing", "73832512345", "200100",
            "local [default_routing/local_from_bridge] A=\"73832512345\" B=\"200100\""
                + " {sorm_ni_a=local, sorm_ni_b=private}"),
        Arguments.of("voip.local", "default_routing", "300000", "300001",
            "no_route [] A=\"300000\" B=\"300001\" {}"),
        Arguments.of("voip.local", "from_v2c", "73832710000", "73832700000",
            "local [from_v2c/local_from_bridge] A=\"73832710000\" B=\"73832700000\""
                + " {sorm_ni_a=local, sorm_ni_b=private}"),
        Arguments.of("voip.local", "from_v2c", "73832710000", "200100",
            "no_route [] A=\"73832710000\" B=\"200100\" {}"),
        // the SDK's context reproducing the manual's trace, and the manual's own to_8 rule
        Arguments.of("sorm", "ctx_from_local", "45123", "89001758964",
            "external direction=smg_trunk [ctx_from_local/to_8_manual] A=\"3832745123\""
                + " B=\"79001758964\" {sorm_ni_a=private, sorm_digits_a=45123,"
                + " sorm_ni_b=intercity, sorm_digits_b=89001758964}"),
        Arguments.of("sorm", "ctx_from_local", "46123", "89001758964",
            "no_route [] A=\"46123\" B=\"89001758964\" {}"));
  }

  @ParameterizedTest(name = "{0} {1}: {2} -> {3}")
  @MethodSource("traces")
  void routesAsTheManualsContextsSay(
      String domain, String context, String cgpn, String cdpn, String expected) {
    RoutingDomain d = Fixtures.domain(domain, "default_routing");
    Trace t = d.route(Call.of(cgpn, cdpn), context, RouteMode.ENBLOCK);
    assertThat(summary(t)).isEqualTo(expected);
    // The compiled matcher and the plain scan agree on every golden call.
    Trace ref = d.route(Call.of(cgpn, cdpn), context, RouteMode.ENBLOCK, ReferenceSelector.INSTANCE);
    assertThat(ref).isEqualTo(t);
  }

  @Test
  void everyRuleOfTheManualsContextsIsHitByAGoldenTrace() {
    java.util.Set<String> hit = new java.util.HashSet<>();
    traces().forEach(a -> {
      Object[] args = a.get();
      RoutingDomain d = Fixtures.domain((String) args[0], "default_routing");
      Trace t = d.route(Call.of((String) args[2], (String) args[3]), (String) args[1],
          RouteMode.ENBLOCK);
      for (String p : t.pathNames()) {
        hit.add(args[0] + ":" + p);
      }
    });
    java.util.Set<String> all = new java.util.HashSet<>();
    for (String dom : new String[] {"central_voip", "local.voip", "voip.local", "sorm"}) {
      RoutingDomain d = Fixtures.domain(dom, "default_routing");
      for (CompiledContext c : d.contexts().values()) {
        for (Rule r : c.context().rules()) {
          all.add(dom + ":" + c.name() + "/" + r.name());
        }
      }
    }
    assertThat(all).hasSize(19);
    java.util.Set<String> missing = new java.util.TreeSet<>(all);
    missing.removeAll(hit);
    missing.remove("sorm:ctx_from_local/to_8"); // covered by manualTraceIsReproduced
    assertThat(missing).isEmpty();
  }

  @Test
  void manualTraceIsReproduced() {
    RoutingDomain d = Fixtures.domain("sorm", "ctx_from_local");
    Trace t = d.route(Call.of("28331", "89001758964"));
    assertThat(t.format()).isEqualTo(
        """
        Routing result: external
        Direction: "smg_trunk"
        Context: ctx_from_local
        A: "3832728331"(ni=private, nai=nationalNumber)
        B: "9001758964"(ni=intercity, nai=nationalNumber)
        Options: [{sorm_ni_a,private},
                  {sorm_digits_a,"28331"},
                  {sorm_ni_b,intercity},
                  {sorm_digits_b,"89001758964"}]
        """);
    assertThat(t.pathNames()).containsExactly("ctx_from_local/to_8");
    assertThat(t.path().get(0).effects()).containsExactly(
        "sorm_digits_b=\"89001758964\" (template \"8{%}\")",
        "sorm_ni_b=intercity",
        "cdpn \"89001758964\" -> \"9001758964\" (template \"{%}\")",
        "cdpn ni=intercity",
        "cdpn nai=nationalNumber",
        "sorm_digits_a=\"28331\" (template \"{1,2,3,4,5}\")",
        "sorm_ni_a=private",
        "cgpn \"28331\" -> \"3832728331\" (template \"38327{1,2,3,4,5}\")",
        "cgpn ni=private",
        "cgpn nai=nationalNumber");
  }

  static String summary(Trace t) {
    StringBuilder sb = new StringBuilder(t.outcome().label());
    if (t.trunk() != null) {
      sb.append(" trunk=").append(t.trunk());
    }
    if (t.direction() != null) {
      sb.append(" direction=").append(t.direction());
    }
    sb.append(' ').append(t.pathNames()).append(" A=").append(t.a()).append(" B=").append(t.b());
    sb.append(' ').append(t.sorm());
    return sb.toString();
  }
}
