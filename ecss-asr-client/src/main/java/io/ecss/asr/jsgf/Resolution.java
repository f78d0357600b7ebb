package io.ecss.asr.jsgf;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** The rule a reference denotes, or why it denotes none. */
final class Resolution {
  final @Nullable JsgfGrammar grammar;
  final @Nullable JsgfRule rule;
  final @Nullable String error;

  private Resolution(@Nullable JsgfGrammar grammar, @Nullable JsgfRule rule, @Nullable String error) {
    this.grammar = grammar;
    this.rule = rule;
    this.error = error;
  }

  static Resolution found(JsgfGrammar g, JsgfRule r) {
    return new Resolution(g, r, null);
  }

  static Resolution error(String message) {
    return new Resolution(null, null, message);
  }

  /**
   * Resolves {@code ref} (not NULL/VOID) as written in {@code from}, against the loaded grammars
   * (by full name). Unresolved imports are skipped: they are reported on their own.
   */
  static Resolution resolve(Map<String, JsgfGrammar> loaded, JsgfGrammar from, String ref) {
    int dot = ref.lastIndexOf('.');
    if (dot < 0) {
      Optional<JsgfRule> local = from.rule(ref);
      if (local.isPresent()) {
        return found(from, local.get());
      }
      List<Resolution> hits = new ArrayList<>();
      List<String> from2 = new ArrayList<>();
      for (JsgfImport imp : from.imports()) {
        JsgfGrammar g = loaded.get(imp.grammarName());
        if (g == null || (!imp.isWildcard() && !imp.ruleName().equals(ref))) {
          continue;
        }
        Optional<JsgfRule> r = g.rule(ref);
        if (r.isPresent() && r.get().isPublic() && !from2.contains(g.name())) {
          hits.add(found(g, r.get()));
          from2.add(g.name());
        }
      }
      if (hits.size() == 1) {
        return hits.get(0);
      }
      if (hits.size() > 1) {
        return error(
            "ambiguous reference <" + ref + ">: imported from " + String.join(" and ", from2));
      }
      return error("undefined rule <" + ref + ">");
    }
    String gname = ref.substring(0, dot);
    String rname = ref.substring(dot + 1);
    if (gname.equals(from.name()) || gname.equals(from.simpleName())) {
      Optional<JsgfRule> local = from.rule(rname);
      return local.isPresent() ? found(from, local.get()) : error("undefined rule <" + ref + ">");
    }
    for (JsgfImport imp : from.imports()) {
      String ig = imp.grammarName();
      boolean sameGrammar =
          ig.equals(gname) || ig.substring(ig.lastIndexOf('.') + 1).equals(gname);
      if (!sameGrammar || (!imp.isWildcard() && !imp.ruleName().equals(rname))) {
        continue;
      }
      JsgfGrammar g = loaded.get(ig);
      if (g == null) {
        return error("rule <" + ref + "> comes from an unresolved import");
      }
      Optional<JsgfRule> r = g.rule(rname);
      if (r.isEmpty()) {
        return error("undefined rule <" + ref + ">");
      }
      if (!r.get().isPublic()) {
        return error("rule <" + ref + "> is private to grammar " + g.name());
      }
      return found(g, r.get());
    }
    return error(
        "rule <"
            + ref
            + "> is not imported (add 'import <"
            + ref
            + ">;' or 'import <"
            + gname
            + ".*>;')");
  }
}
