package io.ecss.examples.asr;

import io.ecss.asr.transcription.TranscriptionServer;
import io.ecss.asr.vosk.VoskModel;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code ecss asr serve}: the transcription service on a Vosk model. */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description = {
      "Run the transcription service: PUT or POST a WAV to /trans, /trans/vtt, /trans/mono or"
          + " /trans/mono/vtt (headers Calling:/Called: name the WebVTT voices).",
      "Runs until interrupted (Ctrl-C)."
    })
public final class AsrServeCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--model", required = true, paramLabel = "DIR", description = "Unpacked Vosk model directory.")
  Path model;

  @Option(names = "--port", paramLabel = "PORT", description = "TCP port (default: 9000).")
  int port = 9000;

  @Option(names = "--bind", paramLabel = "ADDRESS", description = "Address to listen on (default: 127.0.0.1).")
  String bind = "127.0.0.1";

  @Option(names = "--workers", paramLabel = "N", description = "Transcriptions at once (default: processors).")
  int workers = Math.max(1, Runtime.getRuntime().availableProcessors());

  /** Creates the command; picocli calls this. */
  public AsrServeCommand() {}

  @Override
  public Integer call() throws Exception {
    if (port < 0 || port > 65535) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--port: " + port + " (expected 0..65535)");
    }
    if (workers < 1) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--workers: " + workers + " (expected >= 1)");
    }
    InetAddress address = InetAddress.getByName(bind);
    try (VoskModel m = VoskModel.load(model);
        TranscriptionServer server =
            TranscriptionServer.builder(m)
                .bind(new InetSocketAddress(address, port))
                .workers(workers)
                .start()) {
      Runtime.getRuntime().addShutdownHook(new Thread(server::close, "ecss-asr-serve-shutdown"));
      PrintWriter out = spec.commandLine().getOut();
      InetSocketAddress a = server.address();
      out.println(
          "transcription service on http://"
              + a.getAddress().getHostAddress()
              + ":"
              + a.getPort()
              + "/trans (model "
              + model
              + ", "
              + m.sampleRate()
              + " Hz)");
      out.flush();
      server.awaitTermination();
    }
    return 0;
  }
}
