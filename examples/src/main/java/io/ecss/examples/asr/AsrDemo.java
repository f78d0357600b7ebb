package io.ecss.examples.asr;

import io.ecss.asr.ivr.IvrMenu;
import io.ecss.asr.ivr.IvrMenuItem;
import io.ecss.asr.jsgf.JsgfGrammar;
import io.ecss.asr.jsgf.JsgfGrammarSet;
import io.ecss.asr.jsgf.JsgfMatch;
import io.ecss.asr.jsgf.JsgfMatcher;
import io.ecss.examples.DemoSection;
import io.ecss.asr.audio.WavFormat;
import io.ecss.asr.audio.WavWriter;
import io.ecss.asr.recognition.RecognizedWord;
import io.ecss.asr.recognition.ScriptedRecognizer;
import io.ecss.asr.transcription.Transcript;
import io.ecss.asr.transcription.TranscriptionClient;
import io.ecss.asr.transcription.TranscriptionServer;
import io.ecss.asr.transcription.WordLines;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
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
    return "JSGF grammars, IVR menus and call transcription";
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
    transcription(out);
  }

  /** The manual's /trans answer (trailing spaces as the vendor's service prints them). */
  static final String MANUAL_WORDS =
      """
      [Абонент: А]
      decoder-test 1 0.99 0.27 да 0.78\s
      decoder-test 1 2.73 0.21 да 1.00\s
      decoder-test 1 2.94 0.36 да 1.00\s
      decoder-test 1 5.94 0.33 какими 0.93\s
      decoder-test 1 6.27 0.45 деньгами 0.94

      [Абонент: Б]
      decoder-test 1 1.65 0.45 алло 0.77\s
      decoder-test 1 3.48 0.15 ну 0.47
      decoder-test 1 3.63 0.18 как 0.47
      decoder-test 1 3.81 0.15 там 0.47\s
      decoder-test 1 3.96 0.06 с 0.46\s
      decoder-test 1 4.02 0.54 деньгами 1.00
      """;

  /**
   * The transcription service end to end on loopback: a server whose recogniser is the scripted
   * test double (it returns the manual's words; no speech model is involved), a 7-second silent
   * stereo WAV sent by the client to /trans/vtt with Calling/Called names.
   */
  private static void transcription(PrintWriter out) {
    Transcript manual = WordLines.parse(MANUAL_WORDS);
    out.println();
    out.println(
        "Transcription service: the manual's /trans answer parsed ("
            + manual.speakers().get(0).words().size()
            + " words of А, "
            + manual.speakers().get(1).words().size()
            + " of Б), served back by a loopback server whose recogniser is a scripted test double"
            + " (no speech model), fetched as /trans/vtt by the client:");
    List<List<RecognizedWord>> scripts =
        List.of(manual.speakers().get(0).words(), manual.speakers().get(1).words());
    Path wav = null;
    try (TranscriptionServer server =
        TranscriptionServer.builder(ScriptedRecognizer.factory(16000, scripts))
            .bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))
            .workers(1)
            .start()) {
      wav = Files.createTempFile("ecss-demo-call", ".wav");
      Files.write(wav, WavWriter.toBytes(WavFormat.stereo(8000), new short[2 * 8000 * 7]));
      TranscriptionClient client =
          TranscriptionClient.builder(
                  URI.create("http://127.0.0.1:" + server.address().getPort()))
              .requestTimeout(Duration.ofSeconds(20))
              .build();
      String vtt = client.vtt(wav, "Алиса", "Боб").join();
      vtt.lines().forEach(l -> out.println("  " + l));
      out.println(
          "  parsed back leniently: "
              + TranscriptionClient.parseVtt(vtt).file().cues().size()
              + " cues");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      if (wav != null) {
        try {
          Files.deleteIfExists(wav);
        } catch (IOException ignored) {
          // a temporary file left behind is harmless
        }
      }
    }
  }
}
