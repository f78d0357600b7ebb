package io.ecss.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

class EcssTest {

  /** Captured result of one tool run. */
  record Run(int code, String out, String err) {}

  static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Ecss.run(new PrintWriter(out), new PrintWriter(err), args);
    return new Run(code, out.toString(), err.toString());
  }

  static Run runWith(Object extra, String name, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cl = Ecss.commandLine(new PrintWriter(out), new PrintWriter(err));
    cl.addSubcommand(name, extra);
    // setOut/setErr/handlers apply to the subcommands present when called: set them again.
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(err));
    cl.setExecutionExceptionHandler(new Failures());
    int code = cl.execute(args);
    cl.getOut().flush();
    cl.getErr().flush();
    return new Run(code, out.toString(), err.toString());
  }

  @Test
  void helpListsSubcommandsAndExitsZero() {
    Run r = run("--help");
    assertThat(r.code()).isZero();
    assertThat(r.out()).startsWith("Usage: ecss").contains("demo").contains("--verbose");
    assertThat(r.err()).isEmpty();
  }

  @Test
  void versionNamesEveryLibraryModule() {
    Run r = run("--version");
    assertThat(r.code()).isZero();
    assertThat(r.out()).startsWith("ecss ");
    for (String m : VersionProvider.MODULES) {
      assertThat(r.out()).contains("  " + m + " ");
    }
  }

  @Test
  void unknownOptionIsUsageErrorWithExitTwo() {
    Run r = run("--no-such-option");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("Unknown option: '--no-such-option'");
  }

  @Test
  void unknownSubcommandIsUsageErrorWithExitTwo() {
    Run r = run("frobnicate");
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.err()).contains("frobnicate");
  }

  @Test
  void demoRunsEverySectionAndExitsZero() {
    Run r = run("demo");
    assertThat(r.code()).isZero();
    for (String m : VersionProvider.MODULES) {
      assertThat(r.out()).contains("== " + m + ": ");
    }
    assertThat(r.out()).endsWith("Demo finished." + System.lineSeparator());
    assertThat(r.err()).isEmpty();
  }

  @Test
  void demoSectionsCoverEveryModuleOnceInTableOrder() {
    assertThat(DemoCommand.sections())
        .extracting(DemoSection::module)
        .containsExactlyElementsOf(VersionProvider.MODULES);
  }

  @Command(name = "cat")
  static final class Cat implements Callable<Integer> {
    @Parameters(index = "0")
    String file = "-";

    @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
      spec.commandLine().getOut().print(Inputs.readText(file));
      return 0;
    }
  }

  @Test
  void badInputIsOneLineOnStderrWithExitOne(@TempDir Path dir) throws Exception {
    Path f = dir.resolve("bad.txt");
    Files.write(f, new byte[] {'o', 'k', (byte) 0xC3, (byte) 0x28});
    Run r = runWith(new Cat(), "cat", "cat", f.toString());
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err()).isEqualTo("ecss cat: " + f + ": not valid UTF-8 at byte 2" + System.lineSeparator());
  }

  @Test
  void missingFileNamesThePath(@TempDir Path dir) {
    Path f = dir.resolve("absent.txt");
    Run r = runWith(new Cat(), "cat", "cat", f.toString());
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err()).isEqualTo("ecss cat: no such file: " + f + System.lineSeparator());
  }

  @Test
  void verbosePrintsTheStackTrace(@TempDir Path dir) {
    Path f = dir.resolve("absent.txt");
    Run r = runWith(new Cat(), "cat", "--verbose", "cat", f.toString());
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err()).startsWith("ecss cat: no such file: " + f).contains("\tat ");
    Run after = runWith(new Cat(), "cat", "cat", "--verbose", f.toString());
    assertThat(after.err()).contains("\tat ");
  }

  @Test
  void directoryIsRejected(@TempDir Path dir) {
    Run r = runWith(new Cat(), "cat", "cat", dir.toString());
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err()).isEqualTo("ecss cat: " + dir + ": is a directory" + System.lineSeparator());
  }

  @Test
  void readsUtf8Text(@TempDir Path dir) throws Exception {
    Path f = dir.resolve("ru.txt");
    Files.writeString(f, "Абонент: А\n", StandardCharsets.UTF_8);
    Run r = runWith(new Cat(), "cat", "cat", f.toString());
    assertThat(r.code()).isZero();
    assertThat(r.out()).isEqualTo("Абонент: А\n");
  }

  /** Every command path of the tool, e.g. ["demo"], ["vtt", "parse"], found by walking picocli. */
  static java.util.stream.Stream<java.util.List<String>> commandPaths() {
    java.util.List<java.util.List<String>> paths = new java.util.ArrayList<>();
    CommandLine root = Ecss.commandLine(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()));
    collect(root, new java.util.ArrayList<>(), paths);
    return paths.stream();
  }

  private static void collect(
      CommandLine cl, java.util.List<String> prefix, java.util.List<java.util.List<String>> out) {
    for (var e : cl.getSubcommands().entrySet()) {
      if (!e.getKey().equals(e.getValue().getCommandName())) {
        continue; // an alias of a command already listed
      }
      java.util.List<String> path = new java.util.ArrayList<>(prefix);
      path.add(e.getKey());
      out.add(java.util.List.copyOf(path));
      collect(e.getValue(), path, out);
    }
  }

  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.MethodSource("commandPaths")
  void everySubcommandHasHelpAndRejectsUnknownOptionsWithExitTwo(java.util.List<String> path) {
    java.util.List<String> help = new java.util.ArrayList<>(path);
    help.add("--help");
    Run r = run(help.toArray(new String[0]));
    assertThat(r.code()).as("exit code of %s", help).isZero();
    assertThat(r.out()).as("help of %s", path).startsWith("Usage: ecss " + String.join(" ", path));

    java.util.List<String> bad = new java.util.ArrayList<>(path);
    bad.add("--no-such-option-anywhere");
    Run b = run(bad.toArray(new String[0]));
    assertThat(b.code()).as("exit code of %s", bad).isEqualTo(2);
    // picocli names the first usage problem it finds: the unknown option, or a missing required
    // option or parameter.
    assertThat(b.err())
        .as("stderr of %s", bad)
        .containsAnyOf("Unknown option: '--no-such-option-anywhere'", "Missing required");
  }

  @Test
  void firstMalformedFindsTheOffset() {
    assertThat(Inputs.firstMalformed("abc".getBytes(StandardCharsets.UTF_8))).isEqualTo(3);
    assertThat(Inputs.firstMalformed(new byte[] {'a', (byte) 0xFF})).isEqualTo(1);
  }
}
