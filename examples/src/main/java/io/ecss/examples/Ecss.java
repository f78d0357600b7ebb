package io.ecss.examples;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * The {@code ecss} command-line tool: one subcommand per ECSS SDK module.
 *
 * <p>Exit codes (a contract scripts rely on): {@code 0} success, {@code 1} bad input (one line on
 * standard error naming what and where; the stack trace only with {@code --verbose}), {@code 2} bad
 * usage. Subcommands may document other meanings of {@code 1} (for example "not found").
 *
 * <p>Standard output and standard error are always UTF-8, whatever the platform locale.
 */
@Command(
    name = "ecss",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "ECSS SDK command-line tool: SORM, routing, ASR, clerk, WebVTT and CSTA.",
    subcommands = {
      DemoCommand.class,
    })
public final class Ecss {

  @Option(
      names = "--verbose",
      scope = ScopeType.INHERIT,
      description = "Print the stack trace of an error, not just its one-line message.")
  boolean verbose;

  /**
   * Runs the tool and exits the JVM with its exit code.
   *
   * @param args command-line arguments
   */
  public static void main(String[] args) {
    PrintWriter out = utf8(FileDescriptor.out);
    PrintWriter err = utf8(FileDescriptor.err);
    int code = run(out, err, args);
    out.flush();
    err.flush();
    System.exit(code);
  }

  /**
   * Runs the tool with the given streams and returns its exit code; used by tests and embedders.
   *
   * @param out standard output
   * @param err standard error
   * @param args command-line arguments
   * @return the exit code: 0 success, 1 bad input, 2 bad usage
   */
  public static int run(PrintWriter out, PrintWriter err, String... args) {
    CommandLine cl = commandLine(out, err);
    int code = cl.execute(args);
    out.flush();
    err.flush();
    return code;
  }

  static CommandLine commandLine(PrintWriter out, PrintWriter err) {
    CommandLine cl = new CommandLine(new Ecss());
    for (Object sub : Modules.instances(Modules.COMMANDS, Object.class)) {
      cl.addSubcommand(sub);
    }
    cl.setOut(out);
    cl.setErr(err);
    cl.setExecutionExceptionHandler(new Failures());
    cl.setCaseInsensitiveEnumValuesAllowed(true);
    return cl;
  }

  private static PrintWriter utf8(FileDescriptor fd) {
    return new PrintWriter(
        new OutputStreamWriter(new FileOutputStream(fd), StandardCharsets.UTF_8), true);
  }
}
