package io.ecss.examples.asr;

import io.ecss.asr.ivr.IvrMenu;
import io.ecss.asr.ivr.IvrMenuItem;
import io.ecss.asr.jsgf.JsgfGrammar;
import io.ecss.asr.jsgf.JsgfGrammarSet;
import io.ecss.asr.jsgf.JsgfMatch;
import io.ecss.asr.jsgf.JsgfMatcher;
import io.ecss.examples.DemoSection;
import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;

/**
 * The {@code ecss-asr-client} section of {@code ecss demo}: an IVR menu grammar built, printed and
 * re-parsed, its Vosk phrase list, and recognised utterances mapped back to menu items.
 */
public final class AsrDemo implements DemoSection {

  /** Creates the section. */
  public AsrDemo() {}

  @Override
  public String module() {
    return "ecss-asr-client";
  }

  @Override
  public String title() {
    return "JSGF grammars and IVR menus";
  }

  @Override
  public void run(PrintWriter out) {
    IvrMenu menu =
        IvrMenu.of(
            IvrMenuItem.of("1", "Подтвердить запись", "да", "конечно"),
            IvrMenuItem.of("2", "Отменить запись", "нет", "не надо"));
    JsgfGrammar grammar = menu.grammar();
    String text = grammar.format();
    out.println("IVR menu grammar (2 items, one tag per item):");
    text.lines().forEach(l -> out.println("  " + l));
    out.println(
        "Re-parsed equals the built grammar: " + JsgfGrammar.parse(text).equals(grammar));
    out.println("Vosk grammar: " + menu.voskGrammar());
    JsgfMatcher matcher = JsgfMatcher.compile(JsgfGrammarSet.of(grammar), IvrMenu.RULE);
    for (String utterance : List.of("Конечно", "ну не надо", "может быть")) {
      JsgfMatch exact = matcher.match(utterance);
      Optional<IvrMenuItem> item = menu.recognise(utterance);
      out.printf(
          "  %-14s whole-utterance match: %-5s tags %-5s -> %s%n",
          "\"" + utterance + "\"",
          exact.matched(),
          exact.tags(),
          item.map(i -> "item " + i.key() + " (" + i.description() + ")").orElse("no item"));
    }
    out.println("DTMF 2 -> item " + menu.dtmf("2").map(IvrMenuItem::key).orElse("?"));
  }
}
