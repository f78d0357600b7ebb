package io.ecss.examples.asr;

import io.ecss.asr.transcription.TranscriptionClient;
import io.ecss.asr.transcription.WordLines;
import java.io.PrintWriter;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletionException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code ecss asr client}: send a recording to a transcription service. */
@Command(
    name = "client",
    mixinStandardHelpOptions = true,
    description = {
      "Send a WAV recording to a transcription service (ours or ECSS's) and print the answer:"
          + " word lines (/trans, /trans/mono) or WebVTT (--vtt)."
    })
public final class AsrClientCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "URL", description = "The service, e.g. http://127.0.0.1:9000.")
  String url;

  @Parameters(index = "1", paramLabel = "FILE.wav", description = "The recording.")
  Path file;

  @Option(names = "--mono", description = "Only the first channel (/trans/mono).")
  boolean mono;

  @Option(names = "--vtt", description = "Ask for WebVTT (/trans/vtt).")
  boolean vtt;

  @Option(names = "--calling", paramLabel = "NAME", description = "Calling party's name (with --vtt).")
  String calling;

  @Option(names = "--called", paramLabel = "NAME", description = "Called party's name (with --vtt).")
  String called;

  @Option(names = "--timeout", paramLabel = "SECONDS", description = "Request timeout (default: 300).")
  long timeout = 300;

  /** Creates the command; picocli calls this. */
  public AsrClientCommand() {}

  @Override
  public Integer call() throws Exception {
    AsrCli.checkNames(spec, vtt, calling, called);
    if (timeout < 1) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--timeout: " + timeout + " (expected >= 1)");
    }
    URI base;
    try {
      base = new URI(url);
    } catch (URISyntaxException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), "URL: " + e.getMessage());
    }
    TranscriptionClient client;
    try {
      client = TranscriptionClient.builder(base).requestTimeout(Duration.ofSeconds(timeout)).build();
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
    }
    String answer;
    try {
      if (vtt) {
        answer = mono ? client.vttMono(file, calling).join() : client.vtt(file, calling, called).join();
      } else {
        answer = WordLines.format(mono ? client.wordsMono(file).join() : client.words(file).join());
      }
    } catch (CompletionException e) {
      Throwable c = e.getCause() == null ? e : e.getCause();
      if (c instanceof java.io.FileNotFoundException) {
        throw new io.ecss.examples.CliInputException("no such file: " + file);
      }
      if (c instanceof java.net.ConnectException) {
        throw new io.ecss.examples.CliInputException("cannot connect to " + base);
      }
      if (c instanceof Exception ex) {
        throw ex;
      }
      throw e;
    }
    PrintWriter out = spec.commandLine().getOut();
    out.print(answer);
    out.flush();
    return 0;
  }
}
