package io.ecss.routing;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;

/**
 * A routing domain: a set of contexts routed as one unit, with a default (entry) context. Built
 * from a directory of {@code *.xml} files, class-path resources or contexts in memory. Every
 * context is compiled once; {@link #reload()} and {@link #replace(List)} swap the whole set
 * atomically, so a call is routed either entirely by the old set or entirely by the new one, and
 * a failed reload keeps the old set.
 *
 * <pre>{@code
 * RoutingDomain domain = RoutingDomain.load(Path.of("contexts"), "default_routing");
 * Trace t = domain.route(Call.of("28331", "89001758964"));
 * System.out.print(t.format());
 * }</pre>
 *
 * <p>Thread-safe: routing never blocks and may run concurrently with a reload.
 */
public final class RoutingDomain {
  /** Where the contexts come from, so {@link #reload()} can read them again. */
  private interface Source {
    List<RoutingContext> load() throws IOException;
  }

  private static final class Snapshot {
    final Map<String, CompiledContext> contexts;

    Snapshot(Map<String, CompiledContext> contexts) {
      this.contexts = contexts;
    }
  }

  private final String defaultContext;
  private final @Nullable Source source;
  private final AtomicReference<Snapshot> current = new AtomicReference<>();

  private RoutingDomain(String defaultContext, @Nullable Source source, List<RoutingContext> contexts) {
    this.defaultContext = requireNonNull(defaultContext, "defaultContext");
    this.source = source;
    current.set(compile(contexts));
  }

  /**
   * Creates a domain from contexts in memory.
   *
   * @param contexts the contexts (names must be unique)
   * @param defaultContext the entry context for {@link #route(Call)}
   * @return the domain
   * @throws RoutingException when two contexts share a name or a context does not compile
   */
  public static RoutingDomain of(List<RoutingContext> contexts, String defaultContext) {
    return new RoutingDomain(defaultContext, null, List.copyOf(contexts));
  }

  /**
   * Loads every {@code *.xml} file of a directory (not recursive), in file-name order.
   *
   * @param dir the directory
   * @param defaultContext the entry context for {@link #route(Call)}
   * @return the domain
   * @throws IOException when the directory or a file cannot be read
   * @throws RoutingXmlException when a file is not a valid context, two share a name, or one does
   *     not compile (a template that cannot work with its rule's conditions, a duplicate rule name,
   *     {@code continue} to its own context), naming the file, line and column
   */
  public static RoutingDomain load(Path dir, String defaultContext) throws IOException {
    Source s = () -> readDirectory(dir, RoutingLimits.DEFAULT);
    return new RoutingDomain(defaultContext, s, s.load());
  }

  /**
   * Loads contexts from class-path resources.
   *
   * @param loader the class loader to read them with
   * @param resources the resource names, e.g. {@code routing/ctx_city.xml}
   * @param defaultContext the entry context for {@link #route(Call)}
   * @return the domain
   * @throws IOException when a resource is missing or cannot be read
   * @throws RoutingXmlException when a resource is not a valid context, two share a name, or one
   *     does not compile, naming the resource, line and column
   */
  public static RoutingDomain fromResources(
      ClassLoader loader, List<String> resources, String defaultContext) throws IOException {
    List<String> names = List.copyOf(resources);
    Source s = () -> {
      List<ContextReader.Parsed> out = new ArrayList<>();
      for (String r : names) {
        InputStream in = loader.getResourceAsStream(r);
        if (in == null) {
          throw new java.io.FileNotFoundException("resource " + r + " not found");
        }
        try (InputStream i = in) {
          out.add(RoutingXml.readForRouting(i, r, RoutingLimits.DEFAULT));
        }
      }
      return unique(out);
    };
    return new RoutingDomain(defaultContext, s, s.load());
  }

  /**
   * Reads every {@code *.xml} file of a directory in file-name order; errors name the file, line
   * and column, compile errors and duplicate context names included.
   */
  static List<RoutingContext> readDirectory(Path dir, RoutingLimits limits) throws IOException {
    List<ContextReader.Parsed> out = new ArrayList<>();
    for (Path p : xmlFiles(dir)) {
      out.add(RoutingXml.readForRouting(p, limits));
    }
    return unique(out);
  }

  /** The contexts, or an error at the second of two documents with the same context name. */
  private static List<RoutingContext> unique(List<ContextReader.Parsed> docs) {
    Map<String, ContextReader.Parsed> byName = new java.util.HashMap<>();
    List<RoutingContext> out = new ArrayList<>();
    for (ContextReader.Parsed p : docs) {
      RoutingContext c = requireNonNull(p.context);
      ContextReader.Parsed prev = byName.putIfAbsent(c.name(), p);
      if (prev != null) {
        int[] pos = p.position(c);
        throw new RoutingXmlException(p.source, pos[0], pos[1], "context", "duplicate context name "
            + c.name() + " (also in " + prev.source + "; expected unique names in a domain)");
      }
      out.add(c);
    }
    return out;
  }

  /** The {@code *.xml} files of a directory, sorted by name. */
  static List<Path> xmlFiles(Path dir) throws IOException {
    List<Path> files = new ArrayList<>();
    try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, "*.xml")) {
      for (Path p : ds) {
        if (Files.isRegularFile(p)) {
          files.add(p);
        }
      }
    }
    Collections.sort(files);
    return files;
  }

  private static Snapshot compile(List<RoutingContext> contexts) {
    Map<String, CompiledContext> map = new LinkedHashMap<>();
    for (RoutingContext c : contexts) {
      if (map.containsKey(c.name())) {
        throw new RoutingException("duplicate context name " + c.name() + " in the domain (expected unique names)");
      }
      map.put(c.name(), CompiledContext.compile(c));
    }
    return new Snapshot(Collections.unmodifiableMap(map));
  }

  /**
   * Reads the domain's source (directory or resources) again and swaps the whole set atomically.
   * On failure the current set stays in use.
   *
   * @throws IOException when reading fails
   * @throws RoutingException when a context is invalid
   * @throws IllegalStateException when the domain was built from contexts in memory
   */
  public void reload() throws IOException {
    if (source == null) {
      throw new IllegalStateException("domain built from contexts in memory: use replace(contexts)");
    }
    current.set(compile(source.load()));
  }

  /**
   * Replaces the whole set of contexts atomically. On failure the current set stays in use.
   *
   * @param contexts the new contexts
   * @throws RoutingException when two contexts share a name or one does not compile
   */
  public void replace(List<RoutingContext> contexts) {
    current.set(compile(List.copyOf(contexts)));
  }

  /**
   * Routes a call from the default context, en bloc.
   *
   * @param call the call
   * @return the trace; routing problems (unknown context, loop, template past the end) are
   *     outcomes, not exceptions
   */
  public Trace route(Call call) {
    return route(call, defaultContext, RouteMode.ENBLOCK);
  }

  /**
   * Routes a call from a given context.
   *
   * @param call the call
   * @param context the entry context
   * @param mode en bloc or overlap collection of the called number
   * @return the trace
   */
  public Trace route(Call call, String context, RouteMode mode) {
    requireNonNull(call, "call");
    requireNonNull(context, "context");
    requireNonNull(mode, "mode");
    Snapshot s = current.get();
    return Router.route(s.contexts::get, context, call, mode, Router.COMPILED);
  }

  /** Routes with another rule selector, for tests comparing selectors. */
  Trace route(Call call, String context, RouteMode mode, Router.Selector selector) {
    Snapshot s = current.get();
    return Router.route(s.contexts::get, context, call, mode, selector);
  }

  /**
   * Returns the default context name.
   *
   * @return the name
   */
  public String defaultContext() {
    return defaultContext;
  }

  /**
   * Returns the current contexts by name, in load order.
   *
   * @return an unmodifiable snapshot
   */
  public Map<String, CompiledContext> contexts() {
    return current.get().contexts;
  }

  /**
   * Looks up a context of the current set.
   *
   * @param name the context name
   * @return the compiled context, or empty
   */
  public Optional<CompiledContext> context(String name) {
    return Optional.ofNullable(current.get().contexts.get(name));
  }
}
