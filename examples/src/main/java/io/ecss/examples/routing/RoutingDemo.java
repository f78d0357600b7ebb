package io.ecss.examples.routing;

import io.ecss.examples.DemoSection;
import io.ecss.routing.Call;
import io.ecss.routing.CompiledContext;
import io.ecss.routing.DigitMap;
import io.ecss.routing.NumberSet;
import io.ecss.routing.PartyNumber;
import io.ecss.routing.Problem;
import io.ecss.routing.RouteMode;
import io.ecss.routing.RoutingContext;
import io.ecss.routing.RoutingDomain;
import io.ecss.routing.RoutingValidator;
import io.ecss.routing.RoutingXml;
import io.ecss.routing.Trace;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * {@code ecss demo} section for ecss-routing-xml: the manual's MultiSORM contexts loaded and
 * checked, calls traced through them, and the manual's SORM trace reproduced.
 */
public final class RoutingDemo implements DemoSection {
  /** The manual's three MultiSORM domains and the files of each (class-path resources). */
  static final Map<String, List<String>> DOMAINS = Map.of(
      "central_voip", List.of("ctx_default_routing.xml", "ctx_city.xml"),
      "local.voip", List.of("ctx_default_routing.xml", "ctx_city.xml", "ctx_from_bridge.xml"),
      "voip.local", List.of("ctx_default_routing_multi.xml", "ctx_to_city_multi.xml", "ctx_from_br_multi.xml"));

  /** Creates the section; the demo calls this. */
  public RoutingDemo() {}

  @Override
  public String module() {
    return "ecss-routing-xml";
  }

  @Override
  public String title() {
    return "Routing contexts";
  }

  @Override
  public void run(PrintWriter out) throws IOException {
    ClassLoader cl = RoutingDemo.class.getClassLoader();
    out.println("The manual's MultiSORM example: three domains, their routing contexts loaded and checked.");
    for (String dom : List.of("central_voip", "local.voip", "voip.local")) {
      List<String> files = DOMAINS.get(dom);
      int problems = 0;
      for (String f : files) {
        String res = "routing/" + dom + "/" + f;
        String xml;
        try (InputStream in = cl.getResourceAsStream(res)) {
          if (in == null) {
            throw new IOException("resource " + res + " missing");
          }
          xml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        for (Problem p : RoutingValidator.validate(xml, f)) {
          if (!p.message().contains("not in this file")) {
            problems++;
          }
        }
      }
      RoutingDomain d = RoutingDomain.fromResources(cl,
          files.stream().map(f -> "routing/" + dom + "/" + f).toList(), "default_routing");
      StringBuilder ctxs = new StringBuilder();
      for (CompiledContext c : d.contexts().values()) {
        ctxs.append(ctxs.length() == 0 ? "" : ", ").append(c.name()).append(" (")
            .append(c.context().rules().size()).append(" rules)");
      }
      out.println("  " + dom + ": " + ctxs + "; check: " + problems + " problem(s)");
    }

    out.println();
    out.println("Calls traced (A -> B: result, path, SORM options):");
    trace(out, cl, "central_voip", "200100", "300000");
    trace(out, cl, "central_voip", "73832112233", "73832700001");
    trace(out, cl, "local.voip", "300001", "73832512345");
    trace(out, cl, "voip.local", "73832512345", "200100");
    trace(out, cl, "voip.local", "300000", "300001");

    out.println();
    out.println("The manual's trace (routing/trace cgpn.digits=28331 cdpn.digits=89001758964"
        + " mode=enblock), reproduced with context ctx_from_local (the manual's rule to_8 for A"
        + " numbers 28???):");
    RoutingDomain sorm = RoutingDomain.fromResources(cl, List.of("routing/sorm/ctx_from_local.xml"),
        "ctx_from_local");
    Call call = new Call(PartyNumber.of("28331"), PartyNumber.of("89001758964"));
    Trace t = sorm.route(call);
    for (String line : RoutingCommand.text(t, call, "ctx_from_local", RouteMode.ENBLOCK).lines().toList()) {
      out.println("  " + line);
    }

    out.println();
    RoutingContext ctx = sorm.contexts().get("ctx_from_local").context();
    String written = RoutingXml.write(ctx);
    out.println("Canonical write-back of ctx_from_local: " + written.length() + " characters, read back equal: "
        + RoutingXml.read(written, "written").equals(ctx));
    DigitMap map = DigitMap.parse(
        "(*[0-9*][0-9*].#|#[0-9*][0-9*].#|*#[0-9*][0-9*].#|1xx.|10xx.)");
    out.println("Digit map of the manual's contexts: *21# " + map.evaluate("*21#").label()
        + ", *2 " + map.evaluate("*2").label() + ", 2 " + map.evaluate("2").label());
    NumberSet set = NumberSet.parse("738327{0-1}000{0-1}");
    StringBuilder nums = new StringBuilder();
    set.forEach(n -> nums.append(nums.length() == 0 ? "" : ", ").append(n));
    out.println("Numbering plan 738327{0-1}000{0-1}: " + set.size() + " numbers: " + nums);
    out.println("Number set {2124-2400}: " + NumberSet.parse("{2124-2400}").size() + " numbers");
  }

  private static void trace(PrintWriter out, ClassLoader cl, String dom, String a, String b)
      throws IOException {
    RoutingDomain d = RoutingDomain.fromResources(cl,
        DOMAINS.get(dom).stream().map(f -> "routing/" + dom + "/" + f).toList(), "default_routing");
    Trace t = d.route(Call.of(a, b));
    String target = t.trunk() != null ? " trunk " + t.trunk() : t.direction() != null ? " direction " + t.direction() : "";
    out.println("  " + dom + ": " + a + " -> " + b + ": " + t.outcome().label() + target + ", "
        + t.pathNames() + ", " + t.sorm());
  }
}
