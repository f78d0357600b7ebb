package io.ecss.examples.routing;

import io.ecss.routing.Action;
import io.ecss.routing.Call;
import io.ecss.routing.Condition;
import io.ecss.routing.Field;
import io.ecss.routing.Result;
import io.ecss.routing.RoutingContext;
import io.ecss.routing.RoutingDomain;
import io.ecss.routing.RoutingXml;
import io.ecss.routing.Rule;
import io.ecss.routing.Trace;
import java.util.List;

/** The ecss-routing-xml README quick start: build a context, write it, read it back, trace a call. */
public final class RoutingQuickStart {
  private RoutingQuickStart() {}

  /**
   * Runs the quick start.
   *
   * @param args ignored
   */
  public static void main(String[] args) {
    // --- quick start (copied into ecss-routing-xml/README.md) ---
    Rule to8 = Rule.of("to_8",
        List.of(Condition.Digits.of(Field.CDPN, "8%"), Condition.Digits.of(Field.CGPN, "28???")),
        List.of(Action.Digits.of(Field.CDPN, "7{%}"), Action.Digits.of(Field.CGPN, "38327{1-5}")),
        Result.External.direction("smg_trunk"));
    String xml = RoutingXml.write(RoutingContext.of("ctx_from_local", null, List.of(to8)));
    RoutingContext ctx = RoutingXml.read(xml, "ctx_from_local.xml");
    RoutingDomain domain = RoutingDomain.of(List.of(ctx), "ctx_from_local");
    Trace trace = domain.route(Call.of("28331", "89001758964"));
    System.out.print(trace.format()); // Routing result: external … A: "3832728331" B: "79001758964"
    // --- end quick start ---
  }
}
