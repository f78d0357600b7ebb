package io.ecss.examples;

import java.lang.reflect.InvocationTargetException;
import java.util.ArrayList;
import java.util.List;

/**
 * Where each module's subcommand and demo section live. Each module's CLI code sits in its own
 * package ({@code io.ecss.examples.<area>}) and is picked up by class name, so modules land
 * independently: a class that is not in this build is simply absent (its demo section reads "not
 * yet available").
 */
final class Modules {
  /** Top-level subcommand classes ({@code ecss sorm}, {@code ecss routing}, ...), in table order. */
  static final List<String> COMMANDS =
      List.of(
          "io.ecss.examples.sorm.SormCommand",
          "io.ecss.examples.routing.RoutingCommand",
          "io.ecss.examples.asr.AsrCommand",
          "io.ecss.examples.clerk.ClerkCommand",
          "io.ecss.examples.vtt.VttCommand",
          "io.ecss.examples.csta.CstaCommand");

  /** Demo section classes, one per library module, in table order. */
  static final List<String> DEMOS =
      List.of(
          "io.ecss.examples.sorm.SormDemo",
          "io.ecss.examples.routing.RoutingDemo",
          "io.ecss.examples.asr.AsrDemo",
          "io.ecss.examples.clerk.ClerkDemo",
          "io.ecss.examples.vtt.VttDemo",
          "io.ecss.examples.csta.CstaDemo");

  /** Titles shown for modules whose demo section is not in this build, in table order. */
  static final List<String> TITLES =
      List.of(
          "SORM console protocol",
          "Routing contexts",
          "JSGF grammars and transcription",
          "Auto-attendant name search",
          "WebVTT",
          "CSTA client");

  private Modules() {}

  /** Instantiates every class of {@code names} present in this build (public no-arg constructor). */
  static <T> List<T> instances(List<String> names, Class<T> type) {
    List<T> out = new ArrayList<>();
    for (String name : names) {
      Class<?> c;
      try {
        c = Class.forName(name);
      } catch (ClassNotFoundException absent) {
        continue;
      }
      try {
        out.add(type.cast(c.getConstructor().newInstance()));
      } catch (NoSuchMethodException
          | InstantiationException
          | IllegalAccessException
          | InvocationTargetException e) {
        throw new IllegalStateException(name + " needs a public no-argument constructor", e);
      }
    }
    return out;
  }
}
