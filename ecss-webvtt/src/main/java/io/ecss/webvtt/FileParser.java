package io.ecss.webvtt;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.jspecify.annotations.Nullable;

/**
 * The W3C "WebVTT parser algorithm" (WebVTT 1, section 6.1) over a string whose line ends and NULs
 * are already normalized, plus the lenient repairs. Comments in the form {@code // spec:} quote
 * the step being implemented. Not thread-safe; one instance per parse.
 */
final class FileParser {
  private final String in;
  private final int len;
  private final boolean lenient;
  private final WebVttLimits limits;

  private int pos;
  private int line = 1;
  private boolean seenCue;

  private final List<String> comments = new ArrayList<>();
  private final List<String> styles = new ArrayList<>();
  private final List<WebVttRegion> regions = new ArrayList<>();
  private final List<WebVttCue> cues = new ArrayList<>();
  private final List<WebVttProblem> problems = new ArrayList<>();
  /** Problems beyond {@link WebVttParseResult#MAX_PROBLEMS}: counted, not kept. */
  private int droppedProblems;
  private int firstDroppedLine;
  private int firstDroppedColumn;
  /** Scratch list for {@link VendorQuirks#repairVoice}. */
  private final List<WebVttProblem> repairs = new ArrayList<>(1);
  /**
   * The block's "buffer": since the input is normalized to LF, the lines collected so far are
   * always one contiguous range of the input, [bufStart, bufEnd); bufStart < 0 when empty.
   */
  private int bufStart = -1;

  private int bufEnd;

  FileParser(String normalized, boolean lenient, WebVttLimits limits) {
    this.in = normalized;
    this.len = normalized.length();
    this.lenient = lenient;
    this.limits = limits;
  }

  /**
   * Prepares input: strips nothing (the caller strips one BOM), replaces NUL with U+FFFD and CR LF
   * or CR with LF, and enforces the input limit.
   */
  static String normalize(CharSequence text, WebVttLimits limits) {
    int n = text.length();
    if (n > limits.maxInputChars()) {
      int line = 1;
      int col = 1;
      for (long i = 0; i < limits.maxInputChars(); i++) {
        if (text.charAt((int) i) == '\n') {
          line++;
          col = 1;
        } else {
          col++;
        }
      }
      throw new WebVttParseException(
          "input of " + n + " characters exceeds maxInputChars " + limits.maxInputChars()
              + " (WebVttLimits)", line, col);
    }
    boolean clean = true;
    for (int i = 0; i < n; i++) {
      char c = text.charAt(i);
      if (c == '\r' || c == '\0') {
        clean = false;
        break;
      }
    }
    if (clean) {
      return text.toString();
    }
    StringBuilder sb = new StringBuilder(n);
    for (int i = 0; i < n; i++) {
      char c = text.charAt(i);
      if (c == '\0') {
        sb.append('\uFFFD');
      } else if (c == '\r') {
        sb.append('\n');
        if (i + 1 < n && text.charAt(i + 1) == '\n') {
          i++;
        }
      } else {
        sb.append(c);
      }
    }
    return sb.toString();
  }

  WebVttParseResult run() {
    checkSignature();
    // spec: collect a sequence of code points that are not LF (the rest of the signature line)
    int eol = in.indexOf('\n');
    if (eol < 0) {
      eol = len;
    }
    String header = len > 6 && in.charAt(6) != '\n' ? in.substring(7, eol) : "";
    pos = eol;
    if (pos < len) {
      pos++;
      line++;
      if (pos < len) {
        // spec: Header: if the character is not LF, collect a block with "in header" set
        if (in.charAt(pos) != '\n') {
          String rest = collectBlock(true);
          if (!rest.isEmpty()) {
            header = header + "\n" + rest;
          }
        } else {
          pos++;
          line++;
        }
        skipLineFeeds();
        // spec: Block loop
        while (pos < len) {
          collectBlock(false);
          skipLineFeeds();
        }
      }
    }
    // Lenient repairs are found out of order (a payload is repaired when its block ends).
    problems.sort(Comparator.comparingInt(WebVttProblem::line).thenComparingInt(WebVttProblem::column));
    if (droppedProblems > 0) {
      problems.add(new WebVttProblem(firstDroppedLine, firstDroppedColumn, droppedProblems
          + " more problem(s) not listed (only the first " + WebVttParseResult.MAX_PROBLEMS
          + " are kept)"));
    }
    WebVttFile file = new WebVttFile(header, comments, styles, regions, cues);
    return new WebVttParseResult(file, problems);
  }

  private void checkSignature() {
    String magic = "WEBVTT";
    for (int i = 0; i < 6; i++) {
      if (i >= len || in.charAt(i) != magic.charAt(i)) {
        String found = len == 0 ? "empty input" : Checks.quote(in.substring(0, Math.min(len, 12)));
        throw new WebVttParseException(
            "not a WebVTT file: expected the signature \"WEBVTT\", found " + found, 1, i + 1);
      }
    }
    if (len > 6) {
      char c = in.charAt(6);
      if (c != ' ' && c != '\t' && c != '\n') {
        throw new WebVttParseException(
            "not a WebVTT file: \"WEBVTT\" must be followed by space, tab or a line break, found "
                + Checks.quote(String.valueOf(c)), 1, 7);
      }
    }
  }

  private void skipLineFeeds() {
    while (pos < len && in.charAt(pos) == '\n') {
      pos++;
      line++;
    }
  }

  private boolean containsArrow(int from, int to) {
    for (int i = from; i + 2 < to; i++) {
      if (in.charAt(i) == '-' && in.charAt(i + 1) == '-' && in.charAt(i + 2) == '>') {
        return true;
      }
    }
    return false;
  }

  private int bufferLength() {
    return bufStart < 0 ? 0 : bufEnd - bufStart;
  }

  private String buffer() {
    return bufStart < 0 ? "" : in.substring(bufStart, bufEnd);
  }

  /** Whether the buffer is {@code keyword} followed by ASCII whitespace only. */
  private boolean bufferIsKeyword(String keyword) {
    if (bufferLength() < keyword.length() || !in.startsWith(keyword, bufStart)) {
      return false;
    }
    for (int i = bufStart + keyword.length(); i < bufEnd; i++) {
      if (!Checks.isAsciiWhitespace(in.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  private void problem(int atLine, int column, String message) {
    if (problems.size() < WebVttParseResult.MAX_PROBLEMS) {
      problems.add(new WebVttProblem(atLine, column, message));
    } else if (droppedProblems++ == 0) {
      firstDroppedLine = atLine;
      firstDroppedColumn = column;
    }
  }

  /**
   * "Collect a WebVTT block". Cues, style sheets, regions and comments are added to the output
   * lists.
   *
   * @return the block's buffer (used for the header)
   */
  private String collectBlock(boolean inHeader) {
    int lineCount = 0;
    int previousPosition = pos;
    int previousLine = line;
    bufStart = -1;
    boolean seenEof = false;
    boolean seenArrow = false;
    @Nullable CueDraft cue = null;
    boolean stylesheet = false;
    boolean region = false;
    int blockLine = line;
    int lastStart = -1;
    int lastEnd = -1;
    int lastLine = 0;
    int lastBufferLength = 0;
    int timingLine = 0;
    while (true) {
      int lineStart = pos;
      int lineNo = line;
      int eol = in.indexOf('\n', pos);
      if (eol < 0) {
        eol = len;
      }
      lineCount++;
      pos = eol;
      if (pos >= len) {
        seenEof = true;
      } else {
        pos++;
        line++;
      }
      if (containsArrow(lineStart, eol)) {
        if (!inHeader && (lineCount == 1 || (lineCount == 2 && !seenArrow))) {
          seenArrow = true;
          previousPosition = pos;
          previousLine = line;
          // spec: Cue creation, identifier = buffer
          String id = buffer();
          if (lenient && !id.isEmpty() && isPaddedNumber(id)) {
            id = id.strip();
          }
          cue = parseTimings(id, lineStart, eol, lineNo);
          timingLine = lineNo;
          if (cue != null) {
            bufStart = -1;
            seenCue = true;
          }
        } else {
          if (lenient && cue != null && lastStart >= 0 && lastLine > timingLine
              && lastLine == lineNo - 1 && isPaddedNumber(in.substring(lastStart, lastEnd))) {
            // lenient: a cue number printed without the blank line before it (vendor output)
            problem(lastLine, 1, "lenient: line " + Checks.quote(in.substring(lastStart, lastEnd))
                + " before a timing line taken as the next cue's identifier (blank line missing)");
            if (lastBufferLength == 0) {
              bufStart = -1;
            } else {
              bufEnd = bufStart + lastBufferLength;
            }
            previousPosition = lastStart;
            previousLine = lastLine;
          }
          pos = previousPosition;
          line = previousLine;
          break;
        }
      } else if (lineStart == eol) {
        break;
      } else {
        if (!inHeader && lineCount == 2) {
          if (!seenCue && bufferIsKeyword("STYLE")) {
            stylesheet = true;
            bufStart = -1;
          } else if (!seenCue && bufferIsKeyword("REGION")) {
            region = true;
            bufStart = -1;
          }
        }
        lastBufferLength = bufferLength();
        lastStart = lineStart;
        lastEnd = eol;
        lastLine = lineNo;
        if (bufStart < 0) {
          bufStart = lineStart;
        }
        bufEnd = eol;
        previousPosition = pos;
        previousLine = line;
      }
      if (seenEof) {
        break;
      }
    }
    if (inHeader) {
      return buffer();
    }
    if (cue != null) {
      addCue(cue, timingLine);
    } else if (stylesheet) {
      styles.add(buffer());
    } else if (region) {
      regions.add(parseRegion(buffer(), blockLine + 1));
    } else if (!seenArrow && isNote()) {
      int skip = bufferLength() > 4 ? 5 : 4;
      comments.add(in.substring(bufStart + skip, bufEnd));
    } else if (!seenArrow) {
      String first = firstLine();
      if (seenCue && (first.startsWith("STYLE") || first.startsWith("REGION"))) {
        problem(blockLine, 1, "block ignored: " + first.strip()
            + " blocks are only read before the first cue");
      } else {
        problem(blockLine, 1, "block ignored: neither a cue (no \"-->\" timing line), NOTE, STYLE"
            + " nor REGION block: " + Checks.quote(first));
      }
    }
    return "";
  }

  private String firstLine() {
    String b = buffer();
    int lf = b.indexOf('\n');
    return lf < 0 ? b : b.substring(0, lf);
  }

  private boolean isNote() {
    if (bufferLength() < 4 || !in.startsWith("NOTE", bufStart)) {
      return false;
    }
    if (bufferLength() == 4) {
      return true;
    }
    char c = in.charAt(bufStart + 4);
    return c == ' ' || c == '\t' || c == '\n';
  }

  private static boolean isPaddedNumber(String s) {
    String t = s.strip();
    if (t.isEmpty()) {
      return false;
    }
    for (int i = 0; i < t.length(); i++) {
      if (t.charAt(i) < '0' || t.charAt(i) > '9') {
        return false;
      }
    }
    return true;
  }

  private void addCue(CueDraft d, int timingLine) {
    if (cues.size() >= limits.maxCues()) {
      throw new WebVttParseException(
          "more than maxCues " + limits.maxCues() + " cues (WebVttLimits)", timingLine, 1);
    }
    String text = buffer();
    if (lenient) {
      text = VendorQuirks.repairVoice(text, timingLine + 1, repairs);
      for (WebVttProblem p : repairs) {
        problem(p.line(), p.column(), p.message());
      }
      repairs.clear();
    }
    cues.add(new WebVttCue(d.id, d.start, d.end, d.settings(), text));
  }

  /** Mutable cue settings while the settings are parsed in order. */
  private static final class CueDraft {
    String id = "";
    long start;
    long end;
    WebVttCueSettings.Vertical vertical = WebVttCueSettings.Vertical.HORIZONTAL;
    double line = Double.NaN;
    boolean snapToLines = true;
    WebVttCueSettings.LineAlign lineAlign = WebVttCueSettings.LineAlign.START;
    double position = Double.NaN;
    WebVttCueSettings.PositionAlign positionAlign = WebVttCueSettings.PositionAlign.AUTO;
    double size = 100;
    WebVttCueSettings.Align align = WebVttCueSettings.Align.CENTER;
    @Nullable String region;
    boolean touched;

    WebVttCueSettings settings() {
      if (!touched) {
        return WebVttCueSettings.DEFAULT;
      }
      return new WebVttCueSettings(
          vertical,
          Double.isNaN(line) ? OptionalDouble.empty() : OptionalDouble.of(line),
          snapToLines,
          lineAlign,
          Double.isNaN(position) ? OptionalDouble.empty() : OptionalDouble.of(position),
          positionAlign,
          size,
          align,
          Optional.ofNullable(region));
    }
  }

  /** "Collect WebVTT cue timings and settings"; null (with a problem) if the timings fail. */
  private @Nullable CueDraft parseTimings(String id, int lineStart, int eol, int lineNo) {
    Scan scan = new Scan(in, lineStart, eol);
    scan.skipWhitespace();
    int startFrom = scan.pos;
    long start = scan.timestamp(lenient);
    if (start < 0) {
      return timingFailure(scan, lineStart, lineNo, "start");
    }
    int startTo = scan.quirk ? scan.pos : -1;
    scan.skipWhitespace();
    for (int k = 0; k < 3; k++) {
      if (scan.atEnd() || scan.peek() != "-->".charAt(k)) {
        scan.error = "expected \"-->\" after the start time";
        return timingFailure(scan, lineStart, lineNo, null);
      }
      scan.pos++;
    }
    scan.skipWhitespace();
    int endFrom = scan.pos;
    long end = scan.timestamp(lenient);
    if (end < 0) {
      return timingFailure(scan, lineStart, lineNo, "end");
    }
    if (startTo >= 0) {
      lenientTimestamp(lineNo, lineStart, startFrom, startTo, start);
    }
    if (scan.quirk) {
      lenientTimestamp(lineNo, lineStart, endFrom, scan.pos, end);
    }
    CueDraft d = new CueDraft();
    d.id = id;
    d.start = start;
    d.end = end;
    parseSettings(d, scan.pos, eol, lineStart, lineNo);
    return d;
  }

  /** Reports a timestamp the strict parser would have rejected (lenient mode only). */
  private void lenientTimestamp(int lineNo, int lineStart, int from, int to, long ms) {
    StringBuilder canonical = new StringBuilder(16);
    Scan.appendTimestamp(canonical, ms);
    problem(lineNo, from - lineStart + 1, "lenient: timestamp "
        + Checks.quote(in.substring(from, to)) + " read as " + canonical);
  }

  private @Nullable CueDraft timingFailure(
      Scan scan, int lineStart, int lineNo, @Nullable String which) {
    problem(lineNo, scan.pos - lineStart + 1, "cue dropped: "
        + (which == null ? "" : "bad " + which + " time: ") + scan.error);
    return null;
  }

  private void parseSettings(CueDraft d, int from, int to, int lineStart, int lineNo) {
    int i = from;
    while (i < to) {
      while (i < to && Checks.isAsciiWhitespace(in.charAt(i))) {
        i++;
      }
      if (i >= to) {
        break;
      }
      int tokStart = i;
      while (i < to && !Checks.isAsciiWhitespace(in.charAt(i))) {
        i++;
      }
      String setting = in.substring(tokStart, i);
      @Nullable String why = applySetting(d, setting);
      if (why != null) {
        problem(lineNo, tokStart - lineStart + 1,
            "cue setting " + Checks.quote(setting) + " ignored: " + why);
      }
    }
  }

  /** Applies one cue setting; returns why it was ignored, or null. */
  private @Nullable String applySetting(CueDraft d, String setting) {
    int colon = setting.indexOf(':');
    if (colon <= 0 || colon == setting.length() - 1) {
      return "expected name:value";
    }
    String name = setting.substring(0, colon);
    String value = setting.substring(colon + 1);
    d.touched = true;
    return switch (name) {
      case "region" -> {
        d.region = null;
        for (int r = regions.size() - 1; r >= 0; r--) {
          if (regions.get(r).id().equals(value)) {
            d.region = value;
            break;
          }
        }
        yield d.region == null ? "no region with identifier " + Checks.quote(value) : null;
      }
      case "vertical" -> {
        @Nullable String why = null;
        if ("rl".equals(value)) {
          d.vertical = WebVttCueSettings.Vertical.RL;
        } else if ("lr".equals(value)) {
          d.vertical = WebVttCueSettings.Vertical.LR;
        } else {
          why = "expected rl or lr";
        }
        if (d.vertical != WebVttCueSettings.Vertical.HORIZONTAL) {
          d.region = null;
        }
        yield why;
      }
      case "line" -> applyLine(d, value);
      case "position" -> applyPosition(d, value);
      case "size" -> {
        double size = percentage(value);
        if (Double.isNaN(size)) {
          yield "expected a percentage 0..100%";
        }
        d.size = size;
        if (size != 100) {
          d.region = null;
        }
        yield null;
      }
      case "align" -> applyAlign(d, value);
      default -> "unknown setting name";
    };
  }

  private static @Nullable String applyAlign(CueDraft d, String value) {
    WebVttCueSettings.Align a = switch (value) {
      case "start" -> WebVttCueSettings.Align.START;
      case "center" -> WebVttCueSettings.Align.CENTER;
      case "end" -> WebVttCueSettings.Align.END;
      case "left" -> WebVttCueSettings.Align.LEFT;
      case "right" -> WebVttCueSettings.Align.RIGHT;
      default -> null;
    };
    if (a == null) {
      return "expected start, center, end, left or right";
    }
    d.align = a;
    return null;
  }

  private static @Nullable String applyLine(CueDraft d, String value) {
    int comma = value.indexOf(',');
    String linepos = comma < 0 ? value : value.substring(0, comma);
    @Nullable String linealign = comma < 0 ? null : value.substring(comma + 1);
    boolean digit = false;
    for (int i = 0; i < linepos.length(); i++) {
      if (linepos.charAt(i) >= '0' && linepos.charAt(i) <= '9') {
        digit = true;
      }
    }
    if (!digit) {
      return "expected a number or percentage";
    }
    boolean percent = linepos.endsWith("%");
    double number;
    if (percent) {
      number = percentage(linepos);
      if (Double.isNaN(number)) {
        return "expected a percentage 0..100%";
      }
    } else {
      int dots = 0;
      for (int i = 0; i < linepos.length(); i++) {
        char c = linepos.charAt(i);
        if (c == '-') {
          if (i != 0) {
            return "'-' only allowed first";
          }
        } else if (c == '.') {
          dots++;
          if (i == 0 || i == linepos.length() - 1
              || !isDigit(linepos.charAt(i - 1)) || !isDigit(linepos.charAt(i + 1))) {
            return "'.' must be between digits";
          }
        } else if (!isDigit(c)) {
          return "expected digits, '-' and '.'";
        }
      }
      if (dots > 1) {
        return "more than one '.'";
      }
      number = Double.parseDouble(linepos) + 0.0; // HTML float rules have no -0
      if (Double.isInfinite(number)) {
        return "number out of range";
      }
    }
    if ("start".equals(linealign)) {
      d.lineAlign = WebVttCueSettings.LineAlign.START;
    } else if ("center".equals(linealign)) {
      d.lineAlign = WebVttCueSettings.LineAlign.CENTER;
    } else if ("end".equals(linealign)) {
      d.lineAlign = WebVttCueSettings.LineAlign.END;
    } else if (linealign != null) {
      return "expected line alignment start, center or end";
    }
    d.line = number;
    d.snapToLines = !percent;
    d.region = null;
    return null;
  }

  private static @Nullable String applyPosition(CueDraft d, String value) {
    int comma = value.indexOf(',');
    String colpos = comma < 0 ? value : value.substring(0, comma);
    @Nullable String colalign = comma < 0 ? null : value.substring(comma + 1);
    double number = percentage(colpos);
    if (Double.isNaN(number)) {
      return "expected a percentage 0..100%";
    }
    if ("line-left".equals(colalign)) {
      d.positionAlign = WebVttCueSettings.PositionAlign.LINE_LEFT;
    } else if ("center".equals(colalign)) {
      d.positionAlign = WebVttCueSettings.PositionAlign.CENTER;
    } else if ("line-right".equals(colalign)) {
      d.positionAlign = WebVttCueSettings.PositionAlign.LINE_RIGHT;
    } else if (colalign != null) {
      return "expected position alignment line-left, center or line-right";
    }
    d.position = number;
    return null;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  /**
   * "Parse a percentage string": one or more digits, optionally {@code .} and one or more digits,
   * then {@code %}; 0..100. Returns NaN on failure.
   */
  static double percentage(String s) {
    int n = s.length();
    if (n < 2 || s.charAt(n - 1) != '%') {
      return Double.NaN;
    }
    int i = 0;
    while (i < n - 1 && isDigit(s.charAt(i))) {
      i++;
    }
    if (i == 0) {
      return Double.NaN;
    }
    if (i < n - 1) {
      if (s.charAt(i) != '.') {
        return Double.NaN;
      }
      int f = ++i;
      while (i < n - 1 && isDigit(s.charAt(i))) {
        i++;
      }
      if (i == f || i != n - 1) {
        return Double.NaN;
      }
    }
    double v = Double.parseDouble(s.substring(0, n - 1));
    return v >= 0 && v <= 100 ? v : Double.NaN;
  }

  /** "Collect WebVTT region settings" from a REGION block's settings text. */
  private WebVttRegion parseRegion(String settings, int firstLine) {
    String id = "";
    double width = 100;
    int lines = 3;
    double ax = 0;
    double ay = 100;
    double vx = 0;
    double vy = 100;
    WebVttRegion.Scroll scroll = WebVttRegion.Scroll.NONE;
    int i = 0;
    int n = settings.length();
    int lineNo = firstLine;
    int lineStart = 0;
    while (i < n) {
      while (i < n && Checks.isAsciiWhitespace(settings.charAt(i))) {
        if (settings.charAt(i) == '\n') {
          lineNo++;
          lineStart = i + 1;
        }
        i++;
      }
      if (i >= n) {
        break;
      }
      int tokStart = i;
      while (i < n && !Checks.isAsciiWhitespace(settings.charAt(i))) {
        i++;
      }
      String setting = settings.substring(tokStart, i);
      int colon = setting.indexOf(':');
      @Nullable String why = null;
      if (colon <= 0 || colon == setting.length() - 1) {
        why = "expected name:value";
      } else {
        String name = setting.substring(0, colon);
        String value = setting.substring(colon + 1);
        switch (name) {
          case "id" -> id = value;
          case "width" -> {
            double w = percentage(value);
            if (Double.isNaN(w)) {
              why = "expected a percentage 0..100%";
            } else {
              width = w;
            }
          }
          case "lines" -> {
            long v = 0;
            for (int k = 0; k < value.length() && why == null; k++) {
              char c = value.charAt(k);
              if (!isDigit(c)) {
                why = "expected digits only";
              }
              v = Math.min(v * 10 + (c - '0'), Integer.MAX_VALUE);
            }
            if (why == null) {
              lines = (int) v;
            }
          }
          case "regionanchor", "viewportanchor" -> {
            int comma = value.indexOf(',');
            double x = comma < 0 ? Double.NaN : percentage(value.substring(0, comma));
            double y = comma < 0 ? Double.NaN : percentage(value.substring(comma + 1));
            if (Double.isNaN(x) || Double.isNaN(y)) {
              why = "expected two percentages X%,Y%";
            } else if (name.equals("regionanchor")) {
              ax = x;
              ay = y;
            } else {
              vx = x;
              vy = y;
            }
          }
          case "scroll" -> {
            if ("up".equals(value)) {
              scroll = WebVttRegion.Scroll.UP;
            } else {
              why = "expected up";
            }
          }
          default -> why = "unknown setting name";
        }
      }
      if (why != null) {
        problem(lineNo, tokStart - lineStart + 1,
            "region setting " + Checks.quote(setting) + " ignored: " + why);
      }
    }
    return new WebVttRegion(id, width, lines, ax, ay, vx, vy, scroll);
  }
}
