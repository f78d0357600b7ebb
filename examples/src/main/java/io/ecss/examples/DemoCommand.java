package io.ecss.examples;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code ecss demo}: one section per library module on built-in sample data, offline. Exits 0 when
 * every available section ran, 1 when one failed (the others still run).
 */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description = "Walk through every ECSS SDK module on built-in sample data (offline).")
final class DemoCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  /**
   * The sections, in module-table order. A module whose demo class is not in this build appears as
   * {@link NotYetAvailable}.
   */
  static List<DemoSection> sections() {
    List<DemoSection> found = Modules.instances(Modules.DEMOS, DemoSection.class);
    List<DemoSection> all = new ArrayList<>();
    for (int i = 0; i < VersionProvider.MODULES.size(); i++) {
      String module = VersionProvider.MODULES.get(i);
      DemoSection s =
          found.stream()
              .filter(d -> d.module().equals(module))
              .findFirst()
              .orElse(new NotYetAvailable(module, Modules.TITLES.get(i)));
      all.add(s);
    }
    return all;
  }

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    out.println("ECSS SDK demo: every module on built-in sample data, offline.");
    int failed = 0;
    for (DemoSection s : sections()) {
      out.println();
      String heading = "== " + s.module() + ": " + s.title() + " ==";
      out.println(heading);
      try {
        s.run(out);
      } catch (Exception e) {
        failed++;
        out.flush();
        err.println("ecss demo: section " + s.module() + " failed: " + Failures.oneLine(e));
      }
      out.flush();
    }
    out.println();
    out.println(failed == 0 ? "Demo finished." : "Demo finished with " + failed + " failed section(s).");
    out.flush();
    return failed == 0 ? 0 : 1;
  }

  /** Placeholder for a module whose implementation has not landed yet; says so, fakes nothing. */
  record NotYetAvailable(String module, String title) implements DemoSection {
    @Override
    public void run(PrintWriter out) {
      out.println("not yet available in this build");
    }
  }
}
