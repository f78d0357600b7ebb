package io.ecss.webvtt;

import java.util.ArrayList;
import java.util.List;

/**
 * Repairs of the ECSS transcription service's WebVTT quirks (lenient mode only). The service
 * writes a voice span as {@code <v> Name>} on its own line, the text on the next line and {@code
 * </v>} on a third; a conforming parser reads that as a voice with an empty name whose text starts
 * with {@code " Name>"}. The repair turns it into {@code <v Name>text</v>}.
 */
final class VendorQuirks {
  private VendorQuirks() {}

  /**
   * Returns {@code text} with a leading vendor voice line rewritten, or {@code text} unchanged.
   *
   * @param firstLine line number of the payload's first line, for the problem report
   */
  static String repairVoice(String text, int firstLine, List<WebVttProblem> problems) {
    if (!text.startsWith("<v>")) {
      return text;
    }
    int lf = text.indexOf('\n');
    String head = lf < 0 ? text : text.substring(0, lf);
    int gt = head.indexOf('>', 3);
    if (gt < 0) {
      return text;
    }
    String name = CueTextParser.collapse(head.substring(3, gt));
    if (name.isEmpty() || name.indexOf('<') >= 0) {
      return text;
    }
    List<String> body = new ArrayList<>();
    String after = head.substring(gt + 1).strip();
    if (!after.isEmpty()) {
      body.add(after);
    }
    int start = lf < 0 ? text.length() : lf + 1;
    while (start < text.length()) {
      int e = text.indexOf('\n', start);
      if (e < 0) {
        e = text.length();
      }
      body.add(text.substring(start, e));
      start = e + 1;
    }
    if (!body.isEmpty()) {
      int last = body.size() - 1;
      String l = body.get(last);
      if (l.strip().equals("</v>")) {
        body.remove(last);
      } else if (l.endsWith("</v>")) {
        body.set(last, l.substring(0, l.length() - 4));
      }
    }
    String repaired = "<v " + name + ">" + String.join("\n", body) + "</v>";
    problems.add(new WebVttProblem(firstLine, 1, "lenient: vendor voice line "
        + Checks.quote(head) + " read as " + Checks.quote("<v " + name + ">")));
    return repaired;
  }
}
