package io.ecss.asr.jsgf;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Finds the grammar an import names ({@code import <a.b.rule>;} or {@code import <a.b.*>;} name
 * grammar {@code a.b}). Implementations: {@link #of(Collection) in memory}, {@link
 * #directory(Path) a directory}, {@link #classpath(ClassLoader, String) class-path resources},
 * {@link #none() none}, combined with {@link #or(JsgfLoader)}.
 *
 * <p>File-based loaders look for grammar {@code a.b} as {@code a/b.gram}, {@code a/b.jsgf}, then
 * (sphinx4's convention) {@code b.gram} and {@code b.jsgf}, and check that the file declares the
 * grammar it was looked up for.
 *
 * <p>Implementations must be thread-safe; the ones here are.
 */
@FunctionalInterface
public interface JsgfLoader {

  /**
   * Loads a grammar by its full name.
   *
   * @param grammarName the name as written in the import, for example {@code com.example.digits}
   * @return the grammar, or empty when this loader does not know it
   * @throws JsgfException when the grammar exists but cannot be read or parsed
   */
  Optional<JsgfGrammar> load(String grammarName);

  /**
   * Returns a loader that tries this one, then {@code next}.
   *
   * @param next the fallback
   * @return the combined loader
   */
  default JsgfLoader or(JsgfLoader next) {
    requireNonNull(next, "next");
    return name -> {
      Optional<JsgfGrammar> g = load(name);
      return g.isPresent() ? g : next.load(name);
    };
  }

  /**
   * Returns a loader that knows no grammar: every import is unresolved.
   *
   * @return the loader
   */
  static JsgfLoader none() {
    return name -> Optional.empty();
  }

  /**
   * Returns a loader over grammars held in memory, found by their declared names.
   *
   * @param grammars the grammars
   * @return the loader
   * @throws IllegalArgumentException when two grammars declare the same name
   */
  static JsgfLoader of(Collection<JsgfGrammar> grammars) {
    Map<String, JsgfGrammar> byName = new HashMap<>();
    for (JsgfGrammar g : grammars) {
      if (byName.put(g.name(), g) != null) {
        throw new IllegalArgumentException("grammars: two declare the name " + g.name());
      }
    }
    Map<String, JsgfGrammar> copy = Map.copyOf(byName);
    return name -> Optional.ofNullable(copy.get(name));
  }

  /**
   * Returns a loader reading grammar files from a directory tree.
   *
   * @param dir the base directory
   * @return the loader
   */
  static JsgfLoader directory(Path dir) {
    requireNonNull(dir, "dir");
    return name -> {
      for (String rel : candidates(name)) {
        Path p = dir.resolve(rel);
        if (Files.isRegularFile(p)) {
          byte[] bytes;
          try {
            bytes = Files.readAllBytes(p);
          } catch (IOException e) {
            throw new JsgfException("cannot read " + p + ": " + e.getMessage());
          }
          return Optional.of(checked(name, p.toString(), bytes));
        }
      }
      return Optional.empty();
    };
  }

  /**
   * Returns a loader reading grammar files as class-path resources under a base path.
   *
   * @param classLoader the class loader to read resources with
   * @param basePath the resource directory, for example {@code grammars} (no leading slash)
   * @return the loader
   */
  static JsgfLoader classpath(ClassLoader classLoader, String basePath) {
    requireNonNull(classLoader, "classLoader");
    requireNonNull(basePath, "basePath");
    String base = basePath.isEmpty() || basePath.endsWith("/") ? basePath : basePath + "/";
    return name -> {
      for (String rel : candidates(name)) {
        String res = base + rel;
        try (InputStream in = classLoader.getResourceAsStream(res)) {
          if (in != null) {
            return Optional.of(checked(name, res, in.readAllBytes()));
          }
        } catch (IOException e) {
          throw new JsgfException("cannot read resource " + res + ": " + e.getMessage());
        }
      }
      return Optional.empty();
    };
  }

  private static List<String> candidates(String grammarName) {
    String path = grammarName.replace('.', '/');
    String simple = grammarName.substring(grammarName.lastIndexOf('.') + 1);
    List<String> out = new ArrayList<>();
    out.add(path + ".gram");
    out.add(path + ".jsgf");
    if (!simple.equals(path)) {
      out.add(simple + ".gram");
      out.add(simple + ".jsgf");
    }
    return out;
  }

  private static JsgfGrammar checked(String expected, String file, byte[] bytes) {
    JsgfGrammar g;
    try {
      g = JsgfGrammar.parse(bytes);
    } catch (JsgfException e) {
      throw new JsgfException(e.problem(), e.line(), e.column(), file);
    }
    if (!g.name().equals(expected)) {
      throw new JsgfException(
          file + " declares grammar " + g.name() + ", expected " + expected);
    }
    return g;
  }
}
