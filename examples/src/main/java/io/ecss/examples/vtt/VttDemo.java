package io.ecss.examples.vtt;

import io.ecss.examples.DemoSection;
import io.ecss.webvtt.TranscriptCues;
import io.ecss.webvtt.TranscriptWord;
import io.ecss.webvtt.WebVttCue;
import io.ecss.webvtt.WebVttFile;
import io.ecss.webvtt.WebVttParseResult;
import io.ecss.webvtt.WebVttParser;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;

/**
 * {@code ecss demo} section for ecss-webvtt: the manual's two-channel transcript rendered as
 * WebVTT speaker cues and parsed back; the vendor's own (defective) answer read strictly and
 * leniently.
 */
public final class VttDemo implements DemoSection {

  /** The manual's {@code /trans} answer ("Транскрибирование разговоров"). */
  static final String MANUAL_WORDS =
      """
      [Абонент: А]
      decoder-test 1 0.99 0.27 да 0.78
      decoder-test 1 2.73 0.21 да 1.00
      decoder-test 1 2.94 0.36 да 1.00
      decoder-test 1 5.94 0.33 какими 0.93
      decoder-test 1 6.27 0.45 деньгами 0.94

      [Абонент: Б]
      decoder-test 1 1.65 0.45 алло 0.77
      decoder-test 1 3.48 0.15 ну 0.47
      decoder-test 1 3.63 0.18 как 0.47
      decoder-test 1 3.81 0.15 там 0.47
      decoder-test 1 3.96 0.06 с 0.46
      decoder-test 1 4.02 0.54 деньгами 1.00
      """;

  /** The manual's {@code /trans/vtt} answer, as printed there (two defects, one missing blank line). */
  static final String VENDOR_VTT =
      """
      WEBVTT

      1
      00:00:00.990 --> 00:00:01.260
      <v> Алиса>
      да
      </v>

      2
      00:00:01.650 --> 00:00:02.100
      <v> Боб>
      алло
      </v>
       3
      00:00:02.730 --> 00:00:03.300
      <v> Алиса>
      да да
      </v>

      4
      00:00:03.480 --> 00:00:04.560
      <v> Боб>
      ну как там с деньгами
      </v>

      5
      00:00:05.940 --> 00:00:6.720
      <v> Алиса>
      какими деньгами
      </v>
      """;

  /** Creates the section; the demo command calls this. */
  public VttDemo() {}

  @Override
  public String module() {
    return "ecss-webvtt";
  }

  @Override
  public String title() {
    return "WebVTT";
  }

  @Override
  public void run(PrintWriter out) {
    List<TranscriptWord> words = WordLines.parse(MANUAL_WORDS, "manual");
    TranscriptCues grouping =
        TranscriptCues.DEFAULT.withVoiceNames(Map.of("А", "Алиса", "Б", "Боб"));
    WebVttFile file = grouping.toFile(words);
    String vtt = file.format();
    out.println("The manual's transcript (" + words.size() + " words, Calling: Алиса, Called: Боб)"
        + " as WebVTT speaker cues:");
    out.println();
    vtt.lines().forEach(l -> out.println(l.isEmpty() ? "" : "  " + l));
    out.println();
    WebVttParseResult back = WebVttParser.strict().parse(vtt);
    out.println("Parsed back with the W3C parser: " + back.file().cues().size() + " cues, "
        + back.problems().size() + " problems, identical to what was written: "
        + back.file().equals(file));
    for (WebVttCue c : back.file().cues()) {
      out.println("  cue " + c.id() + ": " + c.startTime() + "-" + c.endTime() + " ms, voice "
          + c.voices() + ", " + io.ecss.webvtt.CueText.plainText(c.nodes()));
    }
    out.println();
    WebVttParseResult strict = WebVttParser.strict().parse(VENDOR_VTT);
    out.println("The vendor's own /trans/vtt answer, read as a browser would: "
        + strict.file().cues().size() + " of 5 cues survive, and their voice name is \""
        + strict.file().cues().get(0).voices().get(0) + "\" (empty: '<v> Алиса>' is no voice span)");
    strict.problems().forEach(p -> out.println("  " + p));
    WebVttParseResult lenient = WebVttParser.lenient().parse(VENDOR_VTT);
    out.println("Read leniently: " + lenient.file().cues().size() + " cues, "
        + lenient.problems().size() + " repairs, same cues as ours: "
        + lenient.file().cues().equals(file.cues()));
    out.flush();
  }
}
