package io.ecss.routing;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.StringReader;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * Checks routing contexts and reports every problem, not only the first: XML and schema errors
 * (against the bundled {@code ecss_routing.xsd}, see {@link #SCHEMA_RESOURCE}), malformed patterns,
 * templates and digit maps, unknown {@code sorm_ni}, duplicate rule or context names, {@code
 * continue} to a missing context, templates that cannot work with the rule's conditions, and, as
 * warnings, unreachable rules (fully shadowed by an earlier rule) and unsupported content.
 *
 * <pre>{@code
 * for (Problem p : RoutingValidator.validate(Path.of("contexts"))) {
 *   System.out.println(p);   // contexts/ctx_city.xml:12:9: error: <cdpn>: rule …
 * }
 * }</pre>
 *
 * <p>Thread-safe (stateless).
 */
public final class RoutingValidator {
  /** Class-path name of the bundled schema. */
  public static final String SCHEMA_RESOURCE = "io/ecss/routing/ecss_routing.xsd";

  private static final Schema SCHEMA = loadSchema();

  private RoutingValidator() {}

  private static Schema loadSchema() {
    try {
      SchemaFactory f = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
      f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      f.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
      f.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
      URL url = RoutingValidator.class.getClassLoader().getResource(SCHEMA_RESOURCE);
      if (url == null) {
        throw new IllegalStateException(SCHEMA_RESOURCE + " missing from the jar");
      }
      return f.newSchema(url);
    } catch (SAXException e) {
      throw new IllegalStateException("bundled " + SCHEMA_RESOURCE + " is invalid", e);
    }
  }

  /**
   * Returns the bundled schema.
   *
   * @return the compiled {@code ecss_routing.xsd}
   */
  public static Schema schema() {
    return SCHEMA;
  }

  /**
   * Validates one document on its own; {@code continue} targets outside it are warnings.
   *
   * @param xml the document text
   * @param source a name for the report
   * @return the problems, sorted by position; empty when the document is clean
   */
  public static List<Problem> validate(String xml, String source) {
    requireNonNull(xml, "xml");
    requireNonNull(source, "source");
    Map<String, String> docs = new java.util.LinkedHashMap<>();
    docs.put(source, xml);
    return validate(docs, false);
  }

  /**
   * Validates a file, or every {@code *.xml} file of a directory as one domain (so {@code continue}
   * to a context missing from the directory is an error; for a single file it is a warning).
   *
   * @param fileOrDirectory a context file or a directory of them
   * @return the problems, sorted by file and position
   * @throws IOException when a file cannot be read
   */
  public static List<Problem> validate(Path fileOrDirectory) throws IOException {
    boolean dir = Files.isDirectory(fileOrDirectory);
    List<Path> files = dir ? RoutingDomain.xmlFiles(fileOrDirectory) : List.of(fileOrDirectory);
    Map<String, String> docs = new java.util.LinkedHashMap<>();
    List<Problem> early = new ArrayList<>();
    for (Path p : files) {
      String name = p.toString();
      try {
        byte[] bytes = RoutingXml.readCapped(Files.newInputStream(p), name, RoutingLimits.DEFAULT);
        docs.put(name, RoutingXml.text(bytes, name));
      } catch (RoutingXmlException e) {
        early.add(new Problem(Severity.ERROR, name, e.line(), e.column(), tail(e)));
      }
    }
    List<Problem> out = new ArrayList<>(early);
    out.addAll(validate(docs, dir));
    if (dir && files.isEmpty()) {
      out.add(new Problem(Severity.ERROR, fileOrDirectory.toString(), 0, 0,
          "no *.xml context files in the directory"));
    }
    out.sort(ORDER);
    return out;
  }

  private static final Comparator<Problem> ORDER =
      Comparator.comparing(Problem::source).thenComparingInt(Problem::line)
          .thenComparingInt(Problem::column);

  private static String tail(RoutingXmlException e) {
    String m = String.valueOf(e.getMessage());
    String p = e.source() + ":" + e.line() + ":" + e.column() + ": ";
    return m.startsWith(p) ? m.substring(p.length()) : m;
  }

  /** Validates documents as one domain when {@code domain} is true. */
  static List<Problem> validate(Map<String, String> docs, boolean domain) {
    List<Problem> out = new ArrayList<>();
    List<ContextReader.Parsed> parsed = new ArrayList<>();
    for (Map.Entry<String, String> d : docs.entrySet()) {
      ContextReader.Parsed p = ContextReader.read(d.getValue(), d.getKey(), RoutingLimits.DEFAULT);
      out.addAll(p.problems);
      if (p.context != null) {
        out.addAll(schemaProblems(d.getValue(), d.getKey(), p));
        // A rule whose condition had an error was read without it: checking its templates
        // against the remaining conditions would report that error again, differently.
        Set<Object> actionsOfIncompleteRules = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        for (Rule r : p.lostConditions) {
          actionsOfIncompleteRules.addAll(r.actions());
        }
        for (CompiledContext.Check c : CompiledContext.check(p.context, !p.hasErrors())) {
          if (actionsOfIncompleteRules.contains(c.at)) {
            continue;
          }
          int[] pos = p.position(c.at);
          out.add(new Problem(c.severity, p.source, pos[0], pos[1], c.message));
        }
        parsed.add(p);
      }
    }
    Map<String, ContextReader.Parsed> byName = new HashMap<>();
    for (ContextReader.Parsed p : parsed) {
      RoutingContext c = requireNonNull(p.context);
      ContextReader.Parsed prev = byName.putIfAbsent(c.name(), p);
      if (prev != null) {
        int[] pos = p.position(c);
        out.add(new Problem(Severity.ERROR, p.source, pos[0], pos[1], "duplicate context name "
            + c.name() + " (also in " + prev.source + ")"));
      }
    }
    for (ContextReader.Parsed p : parsed) {
      RoutingContext c = requireNonNull(p.context);
      for (Rule r : c.rules()) {
        if (r.result() instanceof Result.Continue rc) {
          String target = rc.context();
          if (!byName.containsKey(target) && !target.equals(c.name())) {
            int[] pos = p.position(r.result());
            out.add(new Problem(domain ? Severity.ERROR : Severity.WARNING, p.source, pos[0], pos[1],
                "rule " + r.name() + ": <continue context=\"" + target + "\"/> names a context "
                    + (domain ? "missing from the directory" : "not in this file")));
          }
        }
      }
    }
    out.sort(ORDER);
    return out;
  }

  /**
   * Schema errors, minus those about an element the reader already reported (the reader's message
   * is more precise, and unknown elements are reported as "unsupported" warnings, not schema
   * errors). SAX places an error about an element at the end of its start tag, which may be lines
   * after the tag's start where the reader reports it, or at the end of its end tag ("content
   * not complete"): either way the lines of the element's start tag count.
   */
  private static List<Problem> schemaProblems(String xml, String source, ContextReader.Parsed parsed) {
    Set<Integer> lines = new HashSet<>();
    for (Problem p : parsed.problems) {
      lines.add(p.line());
    }
    XmlTree.Doc doc = requireNonNull(parsed.doc);
    Map<Integer, XmlTree.Node> byTagEnd = new HashMap<>();
    for (XmlTree.Node n : doc.nodes()) {
      byTagEnd.putIfAbsent(n.end, n);
      byTagEnd.put(n.tagEnd, n);
    }
    List<Problem> out = new ArrayList<>();
    Validator v = SCHEMA.newValidator();
    try {
      v.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
      v.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
    } catch (SAXException e) {
      throw new IllegalStateException("XML validator lacks JAXP 1.5 properties", e);
    }
    v.setErrorHandler(new ErrorHandler() {
      @Override
      public void warning(SAXParseException e) {
        add(e, Severity.WARNING);
      }

      @Override
      public void error(SAXParseException e) {
        add(e, Severity.ERROR);
      }

      @Override
      public void fatalError(SAXParseException e) {
        add(e, Severity.ERROR);
      }

      private void add(SAXParseException e, Severity s) {
        int last = e.getLineNumber();
        XmlTree.Node tag = byTagEnd.get(doc.offset(last, e.getColumnNumber()));
        boolean known = lines.contains(last);
        if (tag != null) {
          for (int line = doc.position(tag.start)[0]; line <= doc.position(tag.tagEnd)[0]; line++) {
            known |= lines.contains(line);
          }
        }
        if (!known) {
          out.add(new Problem(s, source, e.getLineNumber(), e.getColumnNumber(),
              "schema: " + String.valueOf(e.getMessage())));
        }
      }
    });
    try {
      v.validate(new StreamSource(new StringReader(xml.startsWith("\uFEFF") ? xml.substring(1) : xml)));
    } catch (SAXException e) {
      // Fatal errors were reported to the handler; nothing more to add.
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return out;
  }
}
