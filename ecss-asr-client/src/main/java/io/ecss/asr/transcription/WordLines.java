package io.ecss.asr.transcription;

import io.ecss.asr.recognition.RecognizedWord;
import java.util.ArrayList;
import java.util.List;

/**
 * The transcription service's word-line format ({@code /trans}, {@code /trans/mono}): per channel a
 * header {@code [Абонент: А]} then one line per word in the shape Kaldi's {@code
 * lattice-to-ctm-conf} writes,
 *
 * <pre>
 * [Абонент: А]
 * decoder-test 1 0.99 0.27 да 0.78
 * decoder-test 1 2.73 0.21 да 1.00
 *
 * [Абонент: Б]
 * decoder-test 1 1.65 0.45 алло 0.77
 * </pre>
 *
 * <p>Fields: utterance id, channel field ({@code 1}), start and duration in seconds with two
 * decimals, the word, the confidence with two decimals. Sections are separated by a blank line.
 * {@link #format} writes exactly this ({@code \n} line ends, no trailing spaces); {@link #parse}
 * also reads what the vendor's service sends: trailing spaces, CRLF line ends, extra blank lines,
 * any number of decimals.
 *
 * <p>Thread-safe (stateless).
 */
public final class WordLines {
  /** The utterance id the vendor's service prints on every line. */
  public static final String DEFAULT_UTTERANCE_ID = "decoder-test";

  /** Largest text {@link #parse} accepts: 64 Mi characters. */
  public static final int MAX_CHARS = 64 << 20;

  /** Most words {@link #parse} accepts: 4,000,000 (about 300 hours of speech). */
  public static final int MAX_WORDS = 4_000_000;

  private static final String HEADER_PREFIX = "[Абонент:";

  private WordLines() {}

  /**
   * Writes a transcript with the vendor's utterance id {@value #DEFAULT_UTTERANCE_ID}.
   *
   * @param transcript the transcript
   * @return the text, ending with a line break (empty for no speakers)
   */
  public static String format(Transcript transcript) {
    return format(transcript, DEFAULT_UTTERANCE_ID);
  }

  /**
   * Writes a transcript. Times are rounded to centiseconds; a duration is the difference of the
   * rounded end and start, so that start + duration is the rounded end.
   *
   * @param transcript the transcript
   * @param utteranceId the first field of every word line; no whitespace
   * @return the text, ending with a line break (empty for no speakers)
   * @throws IllegalArgumentException if the utterance id is empty or contains whitespace
   */
  public static String format(Transcript transcript, String utteranceId) {
    if (utteranceId.isEmpty() || utteranceId.codePoints().anyMatch(Character::isWhitespace)) {
      throw new IllegalArgumentException(
          "utteranceId: '" + utteranceId + "' (expected one token, no whitespace)");
    }
    StringBuilder sb = new StringBuilder();
    for (SpeakerWords s : transcript.speakers()) {
      if (sb.length() > 0) {
        sb.append('\n');
      }
      sb.append(HEADER_PREFIX).append(' ').append(s.label()).append("]\n");
      for (RecognizedWord w : s.words()) {
        long start = centis(w.startMillis());
        long end = centis(w.endMillis());
        sb.append(utteranceId).append(" 1 ");
        decimal(sb, start);
        sb.append(' ');
        decimal(sb, end - start);
        sb.append(' ').append(w.word()).append(' ');
        decimal(sb, Math.round(w.confidence() * 100));
        sb.append('\n');
      }
    }
    return sb.toString();
  }

  /**
   * Reads the word-line format.
   *
   * @param text the service's answer
   * @return the transcript, one entry per {@code [Абонент: …]} section
   * @throws WordLinesException if a line is neither blank, a header nor a six-field word line, a
   *     number is malformed or out of range, a word line comes before the first header, or a limit
   *     is exceeded
   */
  public static Transcript parse(String text) {
    if (text.length() > MAX_CHARS) {
      throw new WordLinesException(
          "text of " + text.length() + " characters exceeds the limit of " + MAX_CHARS, 1, 1);
    }
    List<SpeakerWords> speakers = new ArrayList<>();
    String label = null;
    List<RecognizedWord> words = new ArrayList<>();
    int total = 0;
    int lineNo = 0;
    int pos = 0;
    int n = text.length();
    if (n > 0 && text.charAt(0) == '\uFEFF') {
      pos = 1;
    }
    while (pos < n) {
      int eol = text.indexOf('\n', pos);
      int end = eol < 0 ? n : eol;
      String line = text.substring(pos, end);
      pos = end + 1;
      lineNo++;
      String body = line.stripTrailing();
      if (body.isBlank()) {
        continue;
      }
      int indent = body.length() - body.stripLeading().length();
      body = body.stripLeading();
      if (body.startsWith("[")) {
        if (!body.startsWith(HEADER_PREFIX) || !body.endsWith("]")) {
          throw new WordLinesException(
              "expected a header '[Абонент: <label>]', found '" + body + "'", lineNo, indent + 1);
        }
        String l = body.substring(HEADER_PREFIX.length(), body.length() - 1).strip();
        if (l.isEmpty() || l.contains("]")) {
          throw new WordLinesException(
              "header '" + body + "' has no valid speaker label", lineNo, indent + 1);
        }
        if (label != null) {
          speakers.add(new SpeakerWords(label, words));
        }
        label = l;
        words = new ArrayList<>();
        continue;
      }
      if (label == null) {
        throw new WordLinesException(
            "word line before the first '[Абонент: <label>]' header", lineNo, indent + 1);
      }
      if (++total > MAX_WORDS) {
        throw new WordLinesException(
            "more than " + MAX_WORDS + " words (the parser's limit)", lineNo, 1);
      }
      words.add(wordLine(line.stripTrailing(), lineNo));
    }
    if (label != null) {
      speakers.add(new SpeakerWords(label, words));
    }
    return new Transcript(speakers);
  }

  private static RecognizedWord wordLine(String line, int lineNo) {
    String[] f = new String[6];
    int[] col = new int[6];
    int count = 0;
    int i = 0;
    int len = line.length();
    while (i < len) {
      while (i < len && isBlank(line.charAt(i))) {
        i++;
      }
      if (i >= len) {
        break;
      }
      int s = i;
      while (i < len && !isBlank(line.charAt(i))) {
        i++;
      }
      if (count == 6) {
        throw new WordLinesException(
            "expected 6 fields (utterance 1 start duration word confidence), found more",
            lineNo,
            s + 1);
      }
      f[count] = line.substring(s, i);
      col[count] = s + 1;
      count++;
    }
    if (count < 6) {
      throw new WordLinesException(
          "expected 6 fields (utterance 1 start duration word confidence), found " + count,
          lineNo,
          len + 1);
    }
    long start = millis(f[2], "start", lineNo, col[2]);
    long dur = millis(f[3], "duration", lineNo, col[3]);
    long confMilli = millis(f[5], "confidence", lineNo, col[5]);
    if (confMilli > 1000) {
      throw new WordLinesException(
          "confidence " + f[5] + " out of range (expected 0..1)", lineNo, col[5]);
    }
    return new RecognizedWord(f[4], start, start + dur, confMilli / 1000.0);
  }

  /** Parses a non-negative decimal (at most 10 integer digits) into thousandths, rounding half up. */
  private static long millis(String s, String what, int lineNo, int col) {
    int dot = s.indexOf('.');
    String intPart = dot < 0 ? s : s.substring(0, dot);
    String frac = dot < 0 ? "" : s.substring(dot + 1);
    if (intPart.isEmpty() || intPart.length() > 10 || !digits(intPart) || !digits(frac)
        || (dot >= 0 && frac.isEmpty())) {
      throw new WordLinesException(
          what + " '" + s + "' is not a non-negative decimal number", lineNo, col);
    }
    long v = Long.parseLong(intPart) * 1000;
    long f = 0;
    for (int k = 0; k < 3; k++) {
      f = f * 10 + (k < frac.length() ? frac.charAt(k) - '0' : 0);
    }
    if (frac.length() > 3 && frac.charAt(3) >= '5') {
      f++;
    }
    return v + f;
  }

  private static boolean digits(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) < '0' || s.charAt(i) > '9') {
        return false;
      }
    }
    return true;
  }

  private static boolean isBlank(char c) {
    return c == ' ' || c == '\t' || c == '\r';
  }

  private static long centis(long millis) {
    return (millis + 5) / 10;
  }

  private static void decimal(StringBuilder sb, long hundredths) {
    sb.append(hundredths / 100).append('.');
    long r = hundredths % 100;
    if (r < 10) {
      sb.append('0');
    }
    sb.append(r);
  }
}
