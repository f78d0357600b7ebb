package io.ecss.asr.jsgf;

import io.ecss.asr.jsgf.Expansion.Alternatives;
import io.ecss.asr.jsgf.Expansion.Group;
import io.ecss.asr.jsgf.Expansion.OptionalGroup;
import io.ecss.asr.jsgf.Expansion.Repeat;
import io.ecss.asr.jsgf.Expansion.RuleRef;
import io.ecss.asr.jsgf.Expansion.Sequence;
import io.ecss.asr.jsgf.Expansion.Tagged;
import io.ecss.asr.jsgf.Expansion.Token;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Seeded generator of grammars that satisfy the tree invariants. */
final class GrammarGen {
  static final List<String> WILD_TOKENS =
      List.of(
          "да", "нет", "ёлка", "Алло", "yes", "c++", "New York", "a\"b", "x\\y", "1-й", "#", "ok!",
          "grammar", "public", "tab\there", "/slash", "{brace}", "semi;colon", "звёзды");
  static final List<String> WILD_TAGS =
      List.of("t", "key=1", "a {nested} b", "back\\slash", "", "тег", "x}", "{y", "out.value = 'да';");
  static final List<String> VOCAB = List.of("да", "нет", "один", "два", "три", "алло", "ёж", "не", "надо");

  final Random r;
  final boolean wild;
  final boolean finite;
  final List<String> refs = new ArrayList<>();

  GrammarGen(long seed, boolean wild, boolean finite) {
    this.r = new Random(seed);
    this.wild = wild;
    this.finite = finite;
  }

  JsgfGrammar grammar() {
    JsgfHeader h =
        switch (r.nextInt(3)) {
          case 0 -> new JsgfHeader("V1.0", null, null);
          case 1 -> new JsgfHeader("V1.0", "UTF-8", null);
          default -> JsgfHeader.UTF8_RU;
        };
    List<JsgfImport> imports = new ArrayList<>();
    if (wild) {
      for (int i = r.nextInt(3); i > 0; i--) {
        imports.add(new JsgfImport(r.nextBoolean() ? "other.g" + i + ".*" : "x.y.rule" + i));
      }
    }
    List<JsgfRule> rules = new ArrayList<>();
    int n = 1 + r.nextInt(4);
    for (int i = 0; i < n; i++) {
      String name = "r" + i;
      Expansion e = expansion(3);
      String doc = wild && r.nextInt(4) == 0 ? " doc " + i + " *" : "";
      rules.add(new JsgfRule(name, i == n - 1 || r.nextBoolean(), e, doc));
      refs.add(name);
    }
    return JsgfGrammar.of(h, wild ? "com.example.g" + r.nextInt(9) : "g", imports, rules);
  }

  String word() {
    return wild ? WILD_TOKENS.get(r.nextInt(WILD_TOKENS.size())) : VOCAB.get(r.nextInt(VOCAB.size()));
  }

  Expansion leaf() {
    int k = r.nextInt(10);
    if (k < 6 || refs.isEmpty()) {
      if (k == 0 && wild) {
        return r.nextBoolean() ? RuleRef.NULL : new RuleRef("x.y.rule" + r.nextInt(3));
      }
      if (k == 1 && r.nextInt(4) == 0) {
        return r.nextBoolean() ? RuleRef.NULL : RuleRef.VOID;
      }
      if (!wild && r.nextInt(5) == 0) {
        return new Token(word() + " " + word());
      }
      return new Token(word());
    }
    return new RuleRef(refs.get(r.nextInt(refs.size())));
  }

  Expansion expansion(int depth) {
    if (depth == 0) {
      return leaf();
    }
    int k = r.nextInt(finite ? 7 : 8);
    return switch (k) {
      case 0 -> leaf();
      case 1 -> sequence(depth);
      case 2, 3 -> alternatives(depth);
      case 4 -> new Group(expansion(depth - 1));
      case 5 -> new OptionalGroup(expansion(depth - 1));
      case 6 -> tagged(depth);
      default -> new Repeat(wrapSeq(expansion(depth - 1)), r.nextBoolean());
    };
  }

  private Expansion sequence(int depth) {
    List<Expansion> items = new ArrayList<>();
    for (int i = 2 + r.nextInt(2); i > 0; i--) {
      items.add(wrapSeq(expansion(depth - 1)));
    }
    return new Sequence(items);
  }

  private Expansion alternatives(int depth) {
    List<Expansion> items = new ArrayList<>();
    List<Double> weights = new ArrayList<>();
    boolean weighted = r.nextInt(3) == 0;
    for (int i = 2 + r.nextInt(2); i > 0; i--) {
      Expansion e = expansion(depth - 1);
      items.add(e instanceof Alternatives ? new Group(e) : e);
      weights.add(r.nextInt(3) == 0 ? r.nextInt(100) / 8.0 : r.nextInt(20));
    }
    return new Alternatives(items, weighted ? weights : List.of());
  }

  private Expansion tagged(int depth) {
    List<String> tags = new ArrayList<>();
    for (int i = 1 + r.nextInt(2); i > 0; i--) {
      tags.add(wild ? WILD_TAGS.get(r.nextInt(WILD_TAGS.size())) : "t" + r.nextInt(5));
    }
    Expansion e = expansion(depth - 1);
    if (e instanceof Sequence || e instanceof Alternatives || e instanceof Tagged) {
      e = new Group(e);
    }
    return new Tagged(e, tags);
  }

  static Expansion wrapSeq(Expansion e) {
    return e instanceof Sequence || e instanceof Alternatives ? new Group(e) : e;
  }
}
