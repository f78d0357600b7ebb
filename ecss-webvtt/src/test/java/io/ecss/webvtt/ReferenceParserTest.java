package io.ecss.webvtt;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.regex.Pattern;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Differential test: the optimised {@link FileParser} against a slow, step-by-step transcription of
 * the W3C "WebVTT parser algorithm" (sections 6.1 to 6.3: blocks, timings, cue and region
 * settings) on seeded random inputs built from the syntax's sharp edges. Cues, regions and style
 * sheets must agree exactly.
 */
class ReferenceParserTest {

  static Stream<Long> seeds() {
    return LongStream.range(0, 3000).map(i -> 0xD1FFL * 7919 + i).boxed();
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void optimisedParserAgreesWithTheSpecText(long seed) {
    String input = generate(new Random(seed));
    String expected = Reference.parse(input);
    String actual;
    try {
      WebVttParseResult r = WebVttParser.strict().parse(input);
      actual = describe(r.file());
    } catch (WebVttParseException e) {
      actual = "NOT WEBVTT";
    }
    assertThat(actual).as("seed %d, input %s", seed, Checks.quote(input)).isEqualTo(expected);
  }

  private static final String[] TIMES = {
    "00:00.000", "00:01.500", "00:00:02.000", "1:00:00.000", "100:00:00.000", "60:00.000",
    "59:59.999", "00:60.000", "00:00.00", "00:00.0000", "0:00.000", "00:00:6.720",
    "00:00:01,000", "00:00", "x", "",
  };

  private static final String[] SPACES = {" ", " ", "\t", "  ", "", "\f", "\u000B"};

  private static final String[] CUE_SETTINGS = {
    "region:r", "region:s", "region:", "vertical:rl", "vertical:lr", "vertical:RL", "line:5",
    "line:-3", "line:1.5", "line:50%", "line:101%", "line:5,end", "line:0,center",
    "line:5,middle", "line:-0", "line:.5", "line:5.", "line:1e2", "line:--1", "line:%",
    "position:30%", "position:30%,line-left", "position:0%,line-right", "position:30%,left",
    "position:101%", "size:50%", "size:100%", "size:101%", "size:.5%", "align:start",
    "align:end", "align:left", "align:right", "align:middle", ":x", "x:", "a:b:c", "line:5\0",
  };

  private static final String[] REGION_SETTINGS = {
    "id:r", "id:s", "id:", "width:40%", "width:140%", "lines:7", "lines:x", "lines:99999999999",
    "regionanchor:10%,20%", "regionanchor:10%", "viewportanchor:5%,95%", "scroll:up",
    "scroll:down", "foo:bar",
  };

  private static final String[] TEXT = {
    "text", "<v A>hi</v>", "1", "id", "NOTE", "NOTE x", "STYLE", "REGION", "-->", "a-->b", "--",
    ">", "::cue { color: red }", "é", "😀", "\0", "\uFEFF", "WEBVTT", " ", "\t",
  };

  private static final String[] KEYWORDS = {
    "NOTE", "NOTE ", "NOTE\tc", "NOTEx", "STYLE", "STYLE \t", "STYLEx", " STYLE", "REGION",
    "REGION ", "REGIONx",
  };

  private static String pick(Random r, String[] options) {
    return options[r.nextInt(options.length)];
  }

  private static String generate(Random r) {
    StringBuilder sb = new StringBuilder();
    if (r.nextInt(10) == 0) {
      sb.append("\uFEFF");
    }
    sb.append(r.nextInt(12) == 0
        ? pick(r, new String[] {"WEBVTTx", "WEBVT", "WEBVTT\f", "webvtt"})
        : pick(r, new String[] {"WEBVTT", "WEBVTT", "WEBVTT title", "WEBVTT\tx"}));
    int lines = r.nextInt(30);
    for (int i = 0; i < lines; i++) {
      sb.append(pick(r, new String[] {"\n", "\n", "\n", "\n", "\r\n", "\r"}));
      int kind = r.nextInt(100);
      if (kind < 25) {
        sb.append(""); // an empty line
      } else if (kind < 55) {
        sb.append(pick(r, SPACES)).append(pick(r, TIMES)).append(pick(r, SPACES))
            .append(r.nextInt(15) == 0 ? "->" : "-->").append(pick(r, SPACES))
            .append(pick(r, TIMES));
        int n = r.nextInt(4);
        for (int k = 0; k < n; k++) {
          sb.append(pick(r, SPACES)).append(pick(r, CUE_SETTINGS));
        }
      } else if (kind < 65) {
        sb.append(pick(r, KEYWORDS));
        if (r.nextBoolean()) {
          sb.append('\n').append(pick(r, new String[] {"id:r", "id:s"}));
          for (int k = r.nextInt(3); k > 0; k--) {
            sb.append(pick(r, SPACES)).append(pick(r, REGION_SETTINGS));
          }
        }
      } else if (kind < 75) {
        int n = 1 + r.nextInt(3);
        for (int k = 0; k < n; k++) {
          sb.append(k == 0 ? "" : pick(r, SPACES)).append(pick(r, REGION_SETTINGS));
        }
      } else {
        int n = 1 + r.nextInt(3);
        for (int k = 0; k < n; k++) {
          sb.append(pick(r, TEXT));
        }
      }
    }
    return sb.toString();
  }

  static String describe(WebVttFile f) {
    StringBuilder sb = new StringBuilder();
    for (String s : f.styleSheets()) {
      sb.append("STYLE ").append(Checks.quote(s)).append('\n');
    }
    for (WebVttRegion g : f.regions()) {
      sb.append(region(g.id(), g.width(), g.lines(), g.regionAnchorX(), g.regionAnchorY(),
          g.viewportAnchorX(), g.viewportAnchorY(), g.scroll().keyword()));
    }
    for (WebVttCue c : f.cues()) {
      WebVttCueSettings s = c.settings();
      sb.append(cue(c.id(), c.startTime(), c.endTime(), s.vertical().keyword(),
          s.line().isPresent() ? s.line().getAsDouble() : Double.NaN, s.snapToLines(),
          s.lineAlign().keyword(),
          s.position().isPresent() ? s.position().getAsDouble() : Double.NaN,
          s.positionAlign().keyword(), s.size(), s.align().keyword(), s.region().orElse(null),
          c.text()));
    }
    return sb.toString();
  }

  static String region(String id, double w, long lines, double ax, double ay, double vx,
      double vy, String scroll) {
    return String.format(Locale.ROOT, "REGION %s w=%s lines=%d a=%s,%s v=%s,%s scroll=%s%n",
        Checks.quote(id), w, lines, ax, ay, vx, vy, scroll);
  }

  static String cue(String id, long start, long end, String vertical, double line, boolean snap,
      String lineAlign, double position, String positionAlign, double size, String align,
      String region, String text) {
    return String.format(Locale.ROOT,
        "CUE %s %d-%d vertical=%s line=%s snap=%s lineAlign=%s position=%s positionAlign=%s"
            + " size=%s align=%s region=%s text=%s%n",
        Checks.quote(id), start, end, vertical, Double.isNaN(line) ? "auto" : line, snap,
        lineAlign, Double.isNaN(position) ? "auto" : position, positionAlign, size, align, region,
        Checks.quote(text));
  }

  /** The algorithm as the spec text states it, with strings and no cleverness. */
  static final class Reference {
    private static final Pattern PERCENT = Pattern.compile("[0-9]+(\\.[0-9]+)?%");

    private final String in;
    private int pos;
    private boolean seenCue;
    private final List<String> styles = new ArrayList<>();
    private final List<String[]> regions = new ArrayList<>(); // id + described region
    private final List<String> cues = new ArrayList<>();

    private Reference(String in) {
      this.in = in;
    }

    static String parse(String raw) {
      String s = raw.startsWith("\uFEFF") ? raw.substring(1) : raw;
      s = s.replace('\0', '\uFFFD').replace("\r\n", "\n").replace('\r', '\n');
      if (s.length() < 6 || !s.startsWith("WEBVTT")
          || (s.length() > 6 && " \t\n".indexOf(s.charAt(6)) < 0)) {
        return "NOT WEBVTT";
      }
      Reference p = new Reference(s);
      return p.run();
    }

    private boolean past() {
      return pos >= in.length();
    }

    private String collectNotLf() {
      int start = pos;
      while (!past() && in.charAt(pos) != '\n') {
        pos++;
      }
      return in.substring(start, pos);
    }

    private void collectLfs() {
      while (!past() && in.charAt(pos) == '\n') {
        pos++;
      }
    }

    private String run() {
      collectNotLf();
      if (past()) {
        return out();
      }
      pos++;
      if (past()) {
        return out();
      }
      if (in.charAt(pos) != '\n') {
        block(true);
      } else {
        pos++;
      }
      collectLfs();
      while (!past()) {
        block(false);
        collectLfs();
      }
      return out();
    }

    private String out() {
      StringBuilder sb = new StringBuilder();
      for (String s : styles) {
        sb.append("STYLE ").append(Checks.quote(s)).append('\n');
      }
      for (String[] g : regions) {
        sb.append(g[1]);
      }
      for (String c : cues) {
        sb.append(c);
      }
      return sb.toString();
    }

    private static boolean allWhitespace(String s) {
      for (int i = 0; i < s.length(); i++) {
        if (" \t\n\f\r".indexOf(s.charAt(i)) < 0) {
          return false;
        }
      }
      return true;
    }

    /** Cue fields while the settings are parsed. */
    private static final class Cue {
      String id = "";
      long start;
      long end;
      String vertical = "";
      double line = Double.NaN;
      boolean snap = true;
      String lineAlign = "start";
      double position = Double.NaN;
      String positionAlign = "auto";
      double size = 100;
      String align = "center";
      String region;
    }

    private void block(boolean inHeader) {
      int lineCount = 0;
      int previousPosition = pos;
      String buffer = "";
      boolean seenEof = false;
      boolean seenArrow = false;
      Cue cue = null;
      boolean stylesheet = false;
      boolean region = false;
      while (true) {
        String line = collectNotLf();
        lineCount++;
        if (past()) {
          seenEof = true;
        } else {
          pos++;
        }
        if (line.contains("-->")) {
          if (!inHeader && (lineCount == 1 || (lineCount == 2 && !seenArrow))) {
            seenArrow = true;
            previousPosition = pos;
            cue = new Cue();
            cue.id = buffer;
            if (!timings(line, cue)) {
              cue = null;
            } else {
              buffer = "";
              seenCue = true;
            }
          } else {
            pos = previousPosition;
            break;
          }
        } else if (line.isEmpty()) {
          break;
        } else {
          if (!inHeader && lineCount == 2) {
            if (!seenCue && buffer.startsWith("STYLE") && allWhitespace(buffer.substring(5))) {
              stylesheet = true;
              buffer = "";
            } else if (!seenCue && buffer.startsWith("REGION")
                && allWhitespace(buffer.substring(6))) {
              region = true;
              buffer = "";
            }
          }
          if (!buffer.isEmpty()) {
            buffer += "\n";
          }
          buffer += line;
          previousPosition = pos;
        }
        if (seenEof) {
          break;
        }
      }
      if (inHeader) {
        return;
      }
      if (cue != null) {
        cues.add(cue(cue.id, cue.start, cue.end, cue.vertical, cue.line, cue.snap, cue.lineAlign,
            cue.position, cue.positionAlign, cue.size, cue.align, cue.region, buffer));
      } else if (stylesheet) {
        styles.add(buffer);
      } else if (region) {
        regions.add(regionSettings(buffer));
      }
    }

    private static String[] split(String s) {
      return Pattern.compile("[ \t\n\f\r]+").splitAsStream(s).filter(t -> !t.isEmpty())
          .toArray(String[]::new);
    }

    private static Double percentage(String s) {
      if (!PERCENT.matcher(s).matches()) {
        return null;
      }
      double v = Double.parseDouble(s.substring(0, s.length() - 1));
      return v < 0 || v > 100 ? null : v;
    }

    private String[] regionSettings(String input) {
      String id = "";
      double width = 100;
      long lines = 3;
      double ax = 0;
      double ay = 100;
      double vx = 0;
      double vy = 100;
      String scroll = "";
      for (String setting : split(input)) {
        int colon = setting.indexOf(':');
        if (colon <= 0 || colon == setting.length() - 1) {
          continue;
        }
        String name = setting.substring(0, colon);
        String value = setting.substring(colon + 1);
        switch (name) {
          case "id" -> id = value;
          case "width" -> {
            Double p = percentage(value);
            if (p != null) {
              width = p;
            }
          }
          case "lines" -> {
            if (value.chars().allMatch(c -> c >= '0' && c <= '9')) {
              lines = Math.min(new java.math.BigInteger(value).min(
                  java.math.BigInteger.valueOf(Integer.MAX_VALUE)).longValue(), Integer.MAX_VALUE);
            }
          }
          case "regionanchor", "viewportanchor" -> {
            int comma = value.indexOf(',');
            if (comma >= 0) {
              Double x = percentage(value.substring(0, comma));
              Double y = percentage(value.substring(comma + 1));
              if (x != null && y != null) {
                if (name.equals("regionanchor")) {
                  ax = x;
                  ay = y;
                } else {
                  vx = x;
                  vy = y;
                }
              }
            }
          }
          case "scroll" -> {
            if (value.equals("up")) {
              scroll = "up";
            }
          }
          default -> { }
        }
      }
      return new String[] {id, region(id, width, lines, ax, ay, vx, vy, scroll)};
    }

    /** Collect a WebVTT timestamp from s at p[0]; -1 on failure. */
    private static long timestamp(String s, int[] p) {
      boolean hours = false;
      if (p[0] >= s.length() || s.charAt(p[0]) < '0' || s.charAt(p[0]) > '9') {
        return -1;
      }
      String a = digits(s, p);
      java.math.BigInteger big = new java.math.BigInteger(a);
      if (big.compareTo(java.math.BigInteger.valueOf(Scan.MAX_HOURS)) > 0) {
        return -1; // documented deviation: hours above Scan.MAX_HOURS drop the cue
      }
      long v1 = big.longValue();
      if (a.length() != 2 || v1 > 59) {
        hours = true;
      }
      if (p[0] >= s.length() || s.charAt(p[0]) != ':') {
        return -1;
      }
      p[0]++;
      String b = digits(s, p);
      if (b.length() != 2) {
        return -1;
      }
      long v2 = Long.parseLong(b);
      long v3;
      if (hours || (p[0] < s.length() && s.charAt(p[0]) == ':')) {
        if (p[0] >= s.length() || s.charAt(p[0]) != ':') {
          return -1;
        }
        p[0]++;
        String c = digits(s, p);
        if (c.length() != 2) {
          return -1;
        }
        v3 = Long.parseLong(c);
      } else {
        v3 = v2;
        v2 = v1;
        v1 = 0;
      }
      if (p[0] >= s.length() || s.charAt(p[0]) != '.') {
        return -1;
      }
      p[0]++;
      String d = digits(s, p);
      if (d.length() != 3) {
        return -1;
      }
      long v4 = Long.parseLong(d);
      if (v2 > 59 || v3 > 59) {
        return -1;
      }
      return v1 * 3_600_000 + v2 * 60_000 + v3 * 1000 + v4;
    }

    private static String digits(String s, int[] p) {
      int start = p[0];
      while (p[0] < s.length() && s.charAt(p[0]) >= '0' && s.charAt(p[0]) <= '9') {
        p[0]++;
      }
      return s.substring(start, p[0]);
    }

    private static void skipWs(String s, int[] p) {
      while (p[0] < s.length() && " \t\n\f\r".indexOf(s.charAt(p[0])) >= 0) {
        p[0]++;
      }
    }

    private boolean timings(String line, Cue cue) {
      int[] p = {0};
      skipWs(line, p);
      long start = timestamp(line, p);
      if (start < 0) {
        return false;
      }
      cue.start = start;
      skipWs(line, p);
      for (char c : new char[] {'-', '-', '>'}) {
        if (p[0] >= line.length() || line.charAt(p[0]) != c) {
          return false;
        }
        p[0]++;
      }
      skipWs(line, p);
      long end = timestamp(line, p);
      if (end < 0) {
        return false;
      }
      cue.end = end;
      settings(line.substring(p[0]), cue);
      return true;
    }

    private void settings(String input, Cue cue) {
      for (String setting : split(input)) {
        int colon = setting.indexOf(':');
        if (colon <= 0 || colon == setting.length() - 1) {
          continue;
        }
        String name = setting.substring(0, colon);
        String value = setting.substring(colon + 1);
        switch (name) {
          case "region" -> {
            cue.region = null;
            for (String[] g : regions) {
              if (g[0].equals(value)) {
                cue.region = value;
              }
            }
          }
          case "vertical" -> {
            if (value.equals("rl") || value.equals("lr")) {
              cue.vertical = value;
            }
            if (!cue.vertical.isEmpty()) {
              cue.region = null;
            }
          }
          case "line" -> line(value, cue);
          case "position" -> {
            int comma = value.indexOf(',');
            String colpos = comma < 0 ? value : value.substring(0, comma);
            String colalign = comma < 0 ? null : value.substring(comma + 1);
            Double number = percentage(colpos);
            if (number == null) {
              continue;
            }
            if (colalign != null) {
              if (colalign.equals("line-left") || colalign.equals("center")
                  || colalign.equals("line-right")) {
                cue.positionAlign = colalign;
              } else {
                continue;
              }
            }
            cue.position = number;
          }
          case "size" -> {
            Double number = percentage(value);
            if (number != null) {
              cue.size = number;
              if (number != 100) {
                cue.region = null;
              }
            }
          }
          case "align" -> {
            if (List.of("start", "center", "end", "left", "right").contains(value)) {
              cue.align = value;
            }
          }
          default -> { }
        }
      }
    }

    private static void line(String value, Cue cue) {
      int comma = value.indexOf(',');
      String linepos = comma < 0 ? value : value.substring(0, comma);
      String linealign = comma < 0 ? null : value.substring(comma + 1);
      if (!linepos.matches(".*[0-9].*")) {
        return;
      }
      double number;
      if (linepos.endsWith("%")) {
        Double p = percentage(linepos);
        if (p == null) {
          return;
        }
        number = p;
      } else {
        if (!linepos.matches("[-0-9.]*") || linepos.indexOf('-', 1) >= 0
            || linepos.chars().filter(c -> c == '.').count() > 1) {
          return;
        }
        int dot = linepos.indexOf('.');
        if (dot >= 0 && (dot == 0 || dot == linepos.length() - 1
            || !Character.isDigit(linepos.charAt(dot - 1))
            || !Character.isDigit(linepos.charAt(dot + 1)))) {
          return;
        }
        number = Double.parseDouble(linepos) + 0.0;
        if (Double.isInfinite(number)) {
          return;
        }
      }
      if (linealign != null) {
        if (linealign.equals("start") || linealign.equals("center") || linealign.equals("end")) {
          cue.lineAlign = linealign;
        } else {
          return;
        }
      }
      cue.line = number;
      cue.snap = !linepos.endsWith("%");
      cue.region = null;
    }
  }
}
