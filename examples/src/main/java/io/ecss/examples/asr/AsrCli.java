package io.ecss.examples.asr;

import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/** Checks shared by the transcription subcommands. */
final class AsrCli {
  private AsrCli() {}

  /** --calling and --called name the voices of WebVTT output, so they need --vtt. */
  static void checkNames(
      CommandSpec spec, boolean vtt, @Nullable String calling, @Nullable String called) {
    if (!vtt && (calling != null || called != null)) {
      throw new CommandLine.ParameterException(
          spec.commandLine(), "--calling and --called name WebVTT voices: use them with --vtt");
    }
  }
}
