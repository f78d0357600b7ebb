package io.ecss.examples.asr;

import io.ecss.asr.transcription.Transcriber;
import io.ecss.asr.transcription.Transcript;
import io.ecss.asr.transcription.WordLines;
import io.ecss.asr.vosk.VoskModel;
import io.ecss.examples.Inputs;
import io.ecss.webvtt.TranscriptCues;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code ecss asr transcribe}: a call recording to word lines or WebVTT, with a Vosk model. */
@Command(
    name = "transcribe",
    mixinStandardHelpOptions = true,
    description = {
      "Transcribe a WAV call recording with a Vosk model: channel 1 is the calling party (А),"
          + " channel 2 the called party (Б).",
      "Prints the word lines of /trans, or WebVTT with --vtt. No model ships with ECSS SDK:"
          + " download one (e.g. vosk-model-small-ru-0.22) and pass its directory."
    })
public final class TranscribeCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--model", required = true, paramLabel = "DIR", description = "Unpacked Vosk model directory.")
  Path model;

  @Option(names = "--mono", description = "Transcribe only the first channel (as /trans/mono).")
  boolean mono;

  @Option(names = "--vtt", description = "Print WebVTT speaker cues instead of word lines.")
  boolean vtt;

  @Option(names = "--calling", paramLabel = "NAME", description = "Voice name of channel 1 (with --vtt; default А).")
  String calling;

  @Option(names = "--called", paramLabel = "NAME", description = "Voice name of channel 2 (with --vtt; default Б).")
  String called;

  @Parameters(index = "0", paramLabel = "FILE.wav", description = "The recording, or - for standard input.")
  String file;

  /** Creates the command; picocli calls this. */
  public TranscribeCommand() {}

  @Override
  public Integer call() throws Exception {
    AsrCli.checkNames(spec, vtt, calling, called);
    byte[] wav = Inputs.readBytes(file);
    try (VoskModel m = VoskModel.load(model)) {
      Transcriber t = Transcriber.of(m);
      ByteArrayInputStream in = new ByteArrayInputStream(wav);
      Transcript words = mono ? t.transcribeMono(in) : t.transcribe(in);
      PrintWriter out = spec.commandLine().getOut();
      out.print(vtt ? words.toWebVtt(calling, called, TranscriptCues.DEFAULT) : WordLines.format(words));
      out.flush();
    }
    return 0;
  }
}
