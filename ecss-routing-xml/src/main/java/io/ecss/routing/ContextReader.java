package io.ecss.routing;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Phase two of reading: maps the element tree onto the typed model, collecting every problem
 * (not only the first) with its line and column, and remembering where each model object came
 * from for later checks.
 */
final class ContextReader {
  private static final Set<String> CONTEXT_ATTRS = Set.of("name", "digitmap", "np", "domain");

  /** The result of reading one document. */
  static final class Parsed {
    final String source;
    final @Nullable RoutingContext context;
    final List<Problem> problems;
    final IdentityHashMap<Object, int[]> positions;
    /** The element tree, null when the document was not well-formed. */
    final XmlTree.@Nullable Doc doc;
    /**
     * Rules read without a condition that had an error: checks of their templates against their
     * conditions would only repeat that error in other words.
     */
    final Set<Rule> lostConditions;

    Parsed(String source, @Nullable RoutingContext context, List<Problem> problems,
        IdentityHashMap<Object, int[]> positions, XmlTree.@Nullable Doc doc, Set<Rule> lostConditions) {
      this.source = source;
      this.context = context;
      this.problems = problems;
      this.positions = positions;
      this.doc = doc;
      this.lostConditions = lostConditions;
    }

    int[] position(Object modelObject) {
      int[] p = positions.get(modelObject);
      return p == null ? new int[] {0, 0} : p;
    }

    boolean hasErrors() {
      for (Problem p : problems) {
        if (p.severity() == Severity.ERROR) {
          return true;
        }
      }
      return false;
    }
  }

  private final XmlTree.Doc doc;
  private final List<Problem> problems = new ArrayList<>();
  private final IdentityHashMap<Object, int[]> positions = new IdentityHashMap<>();
  private final Set<Rule> lostConditions = Collections.newSetFromMap(new IdentityHashMap<>());
  /** Whether the rule being read dropped a condition because of an error in it. */
  private boolean droppedCondition;

  private ContextReader(XmlTree.Doc doc) {
    this.doc = doc;
  }

  /** Reads a document; well-formedness and limit failures become a single error problem. */
  static Parsed read(String text, String source, RoutingLimits limits) {
    XmlTree.Doc doc;
    try {
      doc = XmlTree.parse(text, source, limits);
    } catch (RoutingXmlException e) {
      String msg = String.valueOf(e.getMessage());
      String prefix = e.source() + ":" + e.line() + ":" + e.column() + ": ";
      if (msg.startsWith(prefix)) {
        msg = msg.substring(prefix.length());
      }
      return new Parsed(source, null,
          List.of(new Problem(Severity.ERROR, source, e.line(), e.column(), msg)), new IdentityHashMap<>(),
          null, Set.of());
    }
    ContextReader reader = new ContextReader(doc);
    RoutingContext ctx = reader.context(doc.root);
    return new Parsed(source, ctx, reader.problems, reader.positions, doc, reader.lostConditions);
  }

  /** Reads and throws the first error, mentioning how many more there are. */
  static RoutingContext readStrict(String text, String source, RoutingLimits limits) {
    Parsed p = read(text, source, limits);
    return requireNonNull(strict(p, p.problems, source).context);
  }

  /**
   * Reads a context a domain will compile: as {@link #readStrict}, and the errors compiling would
   * find (templates that cannot work with their rule's conditions, duplicate rule names, {@code
   * continue} to its own context) are thrown with the file, line and column of the element instead
   * of later without them.
   */
  static Parsed readForRouting(String text, String source, RoutingLimits limits) {
    Parsed p = read(text, source, limits);
    List<Problem> all = new ArrayList<>(p.problems);
    if (p.context != null && !p.hasErrors()) {
      for (CompiledContext.Check c : CompiledContext.check(p.context, false)) {
        int[] pos = p.position(c.at);
        all.add(new Problem(c.severity, source, pos[0], pos[1], c.message));
      }
    }
    return strict(p, all, source);
  }

  private static Parsed strict(Parsed p, List<Problem> problems, String source) {
    Problem first = null;
    int errors = 0;
    for (Problem pr : problems) {
      if (pr.severity() == Severity.ERROR) {
        errors++;
        if (first == null) {
          first = pr;
        }
      }
    }
    if (first != null || p.context == null) {
      Problem f = first != null ? first : new Problem(Severity.ERROR, source, 0, 0, "no context");
      String more = errors > 1 ? " (and " + (errors - 1) + " more error(s); run validate for all)" : "";
      // Reader problems read "<element>: problem"; the exception carries the element on its own.
      String message = f.message();
      String element = "";
      int close = message.indexOf(">: ");
      if (message.startsWith("<") && close > 1 && message.lastIndexOf(' ', close) < 0) {
        element = message.substring(1, close);
        message = message.substring(close + 3);
      }
      throw new RoutingXmlException(f.source(), f.line(), f.column(), element, message + more);
    }
    return p;
  }

  // ---- problems -------------------------------------------------------------------------

  private void problem(Severity s, int offset, String element, String message) {
    int[] pos = doc.position(offset);
    problems.add(new Problem(s, doc.source, pos[0], pos[1], "<" + element + ">: " + message));
  }

  private void error(XmlTree.Node n, String message) {
    problem(Severity.ERROR, n.start, n.name, message);
  }

  private void warning(XmlTree.Node n, String message) {
    problem(Severity.WARNING, n.start, n.name, message);
  }

  private void syntaxError(XmlTree.Node n, String attr, RoutingSyntaxException e, String where) {
    int off = doc.valueCharOffset(n, attr, e.column() - 1);
    problem(Severity.ERROR, off, n.name,
        where + "bad " + attr + " \"" + e.input() + "\" at character " + e.column() + ": " + e.problem());
  }

  private void remember(Object model, XmlTree.Node n) {
    positions.put(model, doc.position(n.start));
  }

  private void noText(XmlTree.Node n) {
    if (n.hasText()) {
      error(n, "unexpected text inside <" + n.name + "> (expected only elements)");
    }
  }

  // ---- elements -------------------------------------------------------------------------

  private @Nullable RoutingContext context(XmlTree.Node root) {
    if (!root.name.equals("context")) {
      error(root, "unexpected root element (expected <context>)");
      return null;
    }
    noText(root);
    String name = root.attributes.get("name");
    if (name == null || name.isEmpty()) {
      error(root, "missing attribute name (expected <context name=\"…\">)");
      name = "";
    }
    String digitmap = root.attributes.get("digitmap");
    if (digitmap != null && !digitmap.equals("auto")) {
      try {
        DigitMap.parse(digitmap);
      } catch (RoutingSyntaxException e) {
        syntaxError(root, "digitmap", e, "");
      }
    }
    Map<String, String> other = new LinkedHashMap<>();
    for (Map.Entry<String, String> a : root.attributes.entrySet()) {
      if (!CONTEXT_ATTRS.contains(a.getKey())) {
        other.put(a.getKey(), a.getValue());
        if (!isMarkup(a.getKey())) {
          warning(root, "unsupported attribute " + a.getKey() + " (kept; ignored by the evaluator)");
        }
      }
    }
    List<Rule> rules = new ArrayList<>();
    List<XmlElement> extensions = new ArrayList<>();
    for (XmlTree.Node child : root.elements()) {
      if (child.name.equals("rule")) {
        Rule r = rule(child, name);
        if (r != null) {
          rules.add(r);
        }
      } else {
        warning(child, "unsupported element in context " + name + " (kept; ignored by the evaluator)");
        extensions.add(unknown(child));
      }
    }
    RoutingContext ctx = new RoutingContext(
        name, digitmap, root.attributes.get("np"), root.attributes.get("domain"), rules, other, extensions);
    remember(ctx, root);
    return ctx;
  }

  /** Namespace declarations and schema-location hints carry no routing meaning. */
  private static boolean isMarkup(String attr) {
    return attr.equals("xmlns") || attr.startsWith("xmlns:") || attr.endsWith(":noNamespaceSchemaLocation")
        || attr.endsWith(":schemaLocation");
  }

  private @Nullable Rule rule(XmlTree.Node n, String ctxName) {
    droppedCondition = false;
    noText(n);
    String name = n.attributes.get("name");
    if (name == null || name.isEmpty()) {
      error(n, "missing attribute name in context " + ctxName + " (expected <rule name=\"…\">)");
      name = "";
    }
    String where = "rule " + ctxName + "/" + name + ": ";
    Map<String, String> other = new LinkedHashMap<>();
    for (Map.Entry<String, String> a : n.attributes.entrySet()) {
      if (!a.getKey().equals("name")) {
        other.put(a.getKey(), a.getValue());
        if (!isMarkup(a.getKey())) {
          warning(n, where + "unsupported attribute " + a.getKey() + " (kept; ignored by the evaluator)");
        }
      }
    }
    XmlTree.Node conditionsNode = null;
    XmlTree.Node actionsNode = null;
    XmlTree.Node resultNode = null;
    List<XmlElement> extensions = new ArrayList<>();
    for (XmlTree.Node c : n.elements()) {
      switch (c.name) {
        case "conditions" -> {
          if (conditionsNode != null) {
            error(c, where + "second <conditions> (expected at most one)");
          } else {
            conditionsNode = c;
          }
        }
        case "actions" -> {
          if (actionsNode != null) {
            error(c, where + "second <actions> (expected at most one)");
          } else {
            actionsNode = c;
          }
        }
        case "result" -> {
          if (resultNode != null) {
            error(c, where + "second <result> (expected exactly one)");
          } else {
            resultNode = c;
          }
        }
        default -> {
          warning(c, where + "unsupported element (kept; the rule ends routing with an error if it matches)");
          extensions.add(unknown(c));
        }
      }
    }
    Map<String, Map<String, String>> containers = new LinkedHashMap<>();
    List<Condition> conditions = new ArrayList<>();
    if (conditionsNode != null) {
      containerAttrs(conditionsNode, where, containers);
      conditions = conditions(conditionsNode, where);
    }
    List<Action> actions = new ArrayList<>();
    if (actionsNode != null) {
      containerAttrs(actionsNode, where, containers);
      actions = actions(actionsNode, where);
    }
    if (resultNode == null) {
      error(n, where + "missing <result> (expected <local/>, <external>, <continue> or <teleconference/>)");
      return null;
    }
    containerAttrs(resultNode, where, containers);
    Result result = result(resultNode, where);
    if (result == null) {
      return null;
    }
    Rule r = new Rule(name, conditions, actions, result, other, containers, extensions);
    remember(r, n);
    if (droppedCondition) {
      lostConditions.add(r);
    }
    return r;
  }

  private void containerAttrs(XmlTree.Node c, String where, Map<String, Map<String, String>> into) {
    noText(c);
    if (!c.attributes.isEmpty()) {
      into.put(c.name, new LinkedHashMap<>(c.attributes));
      for (String a : c.attributes.keySet()) {
        if (!isMarkup(a)) {
          warning(c, where + "unsupported attribute " + a + " (kept; ignored by the evaluator)");
        }
      }
    }
  }

  private List<Condition> conditions(XmlTree.Node n, String where) {
    List<Condition> out = new ArrayList<>();
    for (XmlTree.Node c : n.elements()) {
      Field field = c.name.equals("cdpn") ? Field.CDPN : c.name.equals("cgpn") ? Field.CGPN : null;
      if (field == null) {
        warning(c, where + "unsupported condition (kept; the rule ends routing with an error if its other conditions match)");
        Condition u = new Condition.Unsupported(unknown(c));
        remember(u, c);
        out.add(u);
        continue;
      }
      noText(c);
      if (!c.elements().isEmpty()) {
        error(c, where + "unexpected child element (expected <" + c.name + " digits=\"…\"/>)");
      }
      String digits = c.attributes.get("digits");
      if (digits == null) {
        error(c, where + "missing attribute digits (expected <" + c.name + " digits=\"…\"/>)");
        droppedCondition = true;
        continue;
      }
      DigitPattern pattern;
      try {
        pattern = DigitPattern.parse(digits);
      } catch (RoutingSyntaxException e) {
        syntaxError(c, "digits", e, where);
        droppedCondition = true;
        continue;
      }
      Map<String, String> other = others(c, Set.of("digits"), where,
          "unsupported attribute %s on a condition (kept; the rule ends routing with an error if it matches)");
      Condition cond = new Condition.Digits(field, pattern, other);
      remember(cond, c);
      out.add(cond);
    }
    return out;
  }

  private Map<String, String> others(XmlTree.Node c, Set<String> known, String where, String warning) {
    Map<String, String> other = new LinkedHashMap<>();
    for (Map.Entry<String, String> a : c.attributes.entrySet()) {
      if (!known.contains(a.getKey())) {
        other.put(a.getKey(), a.getValue());
        if (!isMarkup(a.getKey())) {
          warning(c, where + String.format(warning, a.getKey()));
        }
      }
    }
    return other;
  }

  private List<Action> actions(XmlTree.Node n, String where) {
    List<Action> out = new ArrayList<>();
    for (XmlTree.Node c : n.elements()) {
      Action a;
      switch (c.name) {
        case "cdpn", "cgpn" -> a = digitsAction(c, c.name.equals("cdpn") ? Field.CDPN : Field.CGPN, where);
        case "called", "calling" ->
            a = sormAction(c, c.name.equals("called") ? Field.CDPN : Field.CGPN, where);
        default -> {
          warning(c, where + "unsupported action (kept; the rule ends routing with an error if it matches)");
          a = new Action.Unsupported(unknown(c));
        }
      }
      if (a != null) {
        remember(a, c);
        out.add(a);
      }
    }
    return out;
  }

  private Action.@Nullable Digits digitsAction(XmlTree.Node c, Field field, String where) {
    leaf(c, where);
    boolean ok = true;
    Template digits = null;
    String d = c.attributes.get("digits");
    if (d != null) {
      try {
        digits = Template.parse(d);
      } catch (RoutingSyntaxException e) {
        syntaxError(c, "digits", e, where);
        ok = false;
      }
    }
    String ni = c.attributes.get("ni");
    if (ni != null && SormNi.of(ni).isEmpty()) {
      problem(Severity.ERROR, doc.valueOffset(c, "ni"), c.name,
          where + "unknown ni \"" + ni + "\" (expected one of " + SormNi.allValues() + ")");
      ok = false;
    }
    String nai = c.attributes.get("nai");
    if (nai != null && !nai.matches("[A-Za-z][A-Za-z0-9_]*")) {
      problem(Severity.ERROR, doc.valueOffset(c, "nai"), c.name,
          where + "bad nai \"" + nai + "\" (expected a name such as nationalNumber)");
      ok = false;
    }
    if (d == null && ni == null && nai == null) {
      warning(c, where + "action does nothing (expected digits, ni or nai)");
    }
    Map<String, String> other = others(c, Set.of("digits", "ni", "nai"), where,
        "unsupported attribute %s on an action (kept; the rule ends routing with an error if it matches)");
    return ok ? new Action.Digits(field, digits, ni, nai, other) : null;
  }

  private Action.@Nullable Sorm sormAction(XmlTree.Node c, Field field, String where) {
    leaf(c, where);
    boolean ok = true;
    Template digits = null;
    String d = c.attributes.get("sorm_digits");
    if (d != null) {
      try {
        digits = Template.parse(d);
      } catch (RoutingSyntaxException e) {
        syntaxError(c, "sorm_digits", e, where);
        ok = false;
      }
    }
    SormNi ni = null;
    String niText = c.attributes.get("sorm_ni");
    if (niText != null) {
      Optional<SormNi> v = SormNi.of(niText);
      if (v.isEmpty()) {
        problem(Severity.ERROR, doc.valueOffset(c, "sorm_ni"), c.name,
            where + "unknown sorm_ni \"" + niText + "\" (expected one of " + SormNi.allValues() + ")");
        ok = false;
      } else {
        ni = v.get();
      }
    }
    if (d == null && niText == null) {
      warning(c, where + "action does nothing (expected sorm_digits or sorm_ni)");
    }
    Map<String, String> other = others(c, Set.of("sorm_digits", "sorm_ni"), where,
        "unsupported attribute %s on an action (kept; the rule ends routing with an error if it matches)");
    return ok ? new Action.Sorm(field, digits, ni, other) : null;
  }

  private void leaf(XmlTree.Node c, String where) {
    noText(c);
    if (!c.elements().isEmpty()) {
      error(c, where + "unexpected child element (expected an empty <" + c.name + "/>)");
    }
  }

  private @Nullable Result result(XmlTree.Node n, String where) {
    List<XmlTree.Node> kids = n.elements();
    if (kids.isEmpty()) {
      error(n, where + "empty <result> (expected <local/>, <external>, <continue> or <teleconference/>)");
      return null;
    }
    if (kids.size() > 1) {
      error(kids.get(1), where + "second result element (expected exactly one inside <result>)");
    }
    XmlTree.Node c = kids.get(0);
    String unsupportedAttr =
        "unsupported attribute %s on a result (kept; the rule ends routing with an error if it matches)";
    Result r;
    switch (c.name) {
      case "local" -> {
        leaf(c, where);
        r = new Result.Local(others(c, Set.of(), where, unsupportedAttr));
      }
      case "teleconference" -> {
        leaf(c, where);
        r = new Result.Teleconference(others(c, Set.of(), where, unsupportedAttr));
      }
      case "continue" -> {
        leaf(c, where);
        String ctx = c.attributes.get("context");
        if (ctx == null || ctx.isEmpty()) {
          error(c, where + "missing attribute context (expected <continue context=\"…\"/>)");
          return null;
        }
        r = new Result.Continue(ctx, others(c, Set.of("context"), where, unsupportedAttr));
      }
      case "external" -> r = external(c, where, unsupportedAttr);
      default -> {
        warning(c, where + "unsupported result (kept; the rule ends routing with an error if it matches)");
        r = new Result.Unsupported(unknown(c));
      }
    }
    if (r != null) {
      remember(r, c);
    }
    return r;
  }

  private Result.@Nullable External external(XmlTree.Node c, String where, String unsupportedAttr) {
    noText(c);
    XmlTree.Node target = null;
    List<XmlElement> extensions = new ArrayList<>();
    for (XmlTree.Node k : c.elements()) {
      if (k.name.equals("trunk") || k.name.equals("direction")) {
        if (target != null) {
          error(k, where + "second target in <external> (expected one <trunk> or <direction>)");
        } else {
          target = k;
        }
      } else {
        warning(k, where + "unsupported element in <external> (kept; the rule ends routing with an error if it matches)");
        extensions.add(unknown(k));
      }
    }
    if (target == null) {
      error(c, where + "no target (expected <trunk value=\"…\"/> or <direction value=\"…\"/>)");
      return null;
    }
    leaf(target, where);
    String value = target.attributes.get("value");
    if (value == null || value.isEmpty()) {
      error(target, where + "missing attribute value (expected <" + target.name + " value=\"…\"/>)");
      return null;
    }
    return new Result.External(
        target.name.equals("trunk") ? Result.Target.TRUNK : Result.Target.DIRECTION,
        value,
        others(c, Set.of(), where, unsupportedAttr),
        others(target, Set.of("value"), where, unsupportedAttr),
        extensions);
  }

  private XmlElement unknown(XmlTree.Node n) {
    List<XmlNode> children = new ArrayList<>();
    for (Object c : n.children) {
      if (c instanceof XmlTree.Node node) {
        children.add(unknown(node));
      } else if (c instanceof String text) {
        children.add(new XmlText(text));
      }
    }
    XmlElement e = new XmlElement(n.name, n.attributes, children);
    remember(e, n);
    return e;
  }
}
