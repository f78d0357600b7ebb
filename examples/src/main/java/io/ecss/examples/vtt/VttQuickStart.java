package io.ecss.examples.vtt;

import io.ecss.webvtt.CueText;
import io.ecss.webvtt.TranscriptCues;
import io.ecss.webvtt.TranscriptWord;
import io.ecss.webvtt.WebVttCue;
import io.ecss.webvtt.WebVttParseResult;
import io.ecss.webvtt.WebVttParser;
import java.util.List;
import java.util.Map;

/** The ecss-webvtt README quick start: transcript words to WebVTT and back. */
public final class VttQuickStart {
  private VttQuickStart() {}

  /**
   * Runs the quick start.
   *
   * @param args ignored
   */
  public static void main(String[] args) {
    // --- quick start (copied into ecss-webvtt/README.md) ---
    List<TranscriptWord> words = List.of(
        TranscriptWord.ofDuration("A", 990, 270, "да", 0.78),
        TranscriptWord.ofDuration("B", 1650, 450, "алло", 0.77));
    String vtt = TranscriptCues.DEFAULT
        .withVoiceNames(Map.of("A", "Алиса", "B", "Боб"))
        .toFile(words)
        .format();
    WebVttParseResult parsed = WebVttParser.strict().parse(vtt);
    for (WebVttCue cue : parsed.file().cues()) {
      System.out.println(cue.startTime() + " " + cue.voices() + " " + CueText.plainText(cue.nodes()));
    }
    // --- end quick start ---
  }
}
