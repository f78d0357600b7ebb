package io.ecss.examples;

import java.io.PrintWriter;
import java.io.UncheckedIOException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParseResult;

/**
 * Turns an exception thrown by a subcommand into the tool's error contract: one line on standard
 * error, {@code ecss <command>: <message>}, exit code 1; the stack trace only with {@code
 * --verbose}.
 */
final class Failures implements IExecutionExceptionHandler {

  @Override
  public int handleExecutionException(Exception ex, CommandLine cmd, ParseResult parsed) {
    PrintWriter err = cmd.getErr();
    err.println(cmd.getCommandSpec().qualifiedName() + ": " + oneLine(ex));
    if (verbose(parsed)) {
      ex.printStackTrace(err);
    }
    err.flush();
    return CommandLine.ExitCode.SOFTWARE;
  }

  private static boolean verbose(ParseResult parsed) {
    for (ParseResult pr = parsed; pr != null; pr = pr.subcommand()) {
      OptionSpec opt = pr.matchedOption("--verbose");
      if (opt != null && Boolean.TRUE.equals(opt.getValue())) {
        return true;
      }
    }
    return false;
  }

  /** The message of the exception, on one line; the cause's message when it is a wrapper. */
  static String oneLine(Throwable ex) {
    Throwable t = ex;
    if (t instanceof UncheckedIOException && t.getCause() != null) {
      t = t.getCause();
    }
    String msg = t.getMessage();
    if (msg == null || msg.isBlank()) {
      msg = t.getClass().getSimpleName();
    } else if (t instanceof java.nio.file.NoSuchFileException) {
      msg = "no such file: " + msg;
    } else if (t instanceof java.nio.file.AccessDeniedException) {
      msg = "access denied: " + msg;
    } else if (!(t instanceof CliInputException)
        && !t.getClass().getName().startsWith("io.ecss.")
        && !(t instanceof java.io.IOException)) {
      // A JDK or third-party exception: its type tells the reader what kind of problem it is.
      msg = t.getClass().getSimpleName() + ": " + msg;
    }
    return msg.replace("\r\n", " ").replace('\n', ' ').replace('\r', ' ');
  }
}
