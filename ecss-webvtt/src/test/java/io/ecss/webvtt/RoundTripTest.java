package io.ecss.webvtt;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Random;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code parse(format(x)).equals(x)} for generated files (seeded; the seed is the test name). */
class RoundTripTest {

  static Stream<Long> seeds() {
    return LongStream.range(0, 1000).map(i -> 0x5EEDL * 31 + i).boxed();
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void parseOfFormatIsIdentity(long seed) {
    WebVttFile x = new Gen(new Random(seed)).file();
    String text = x.format();
    WebVttParseResult r = WebVttParser.strict().parse(text);
    assertThat(r.file()).as("seed %d, text:%n%s", seed, text).isEqualTo(x);
    assertThat(r.problems()).as("seed %d", seed).isEmpty();
    assertThat(r.file().format()).isEqualTo(text);
  }

  /** Generates valid files, biased towards the edges of the syntax. */
  static final class Gen {
    private final Random r;

    Gen(Random r) {
      this.r = r;
    }

    private <E> E any(E[] values) {
      return values[r.nextInt(values.length)];
    }

    private String pick(String... options) {
      return options[r.nextInt(options.length)];
    }

    private String word() {
      return pick("да", "алло", "P&L", "a<b", "x>y", "-->", "&amp;", " lead", "tail ", "NOTE",
          "STYLE", "REGION", "\t", "日本", "\uFEFF", "a:b", "50%", "😀", "-", "<v Bob>hi</v>",
          "<i>it</i>", "<00:00:01.000>", "&lt;", "--", ">");
    }

    private String line() {
      StringBuilder sb = new StringBuilder();
      int n = 1 + r.nextInt(4);
      for (int i = 0; i < n; i++) {
        sb.append(word());
      }
      String s = sb.toString();
      return s.replace("-->", "--&gt;").strip().isEmpty() ? "x" : s.replace("-->", "--&gt;");
    }

    private String lines(int max) {
      int n = 1 + r.nextInt(max);
      List<String> l = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        l.add(line());
      }
      return String.join("\n", l);
    }

    private double percent() {
      return switch (r.nextInt(4)) {
        case 0 -> 0;
        case 1 -> 100;
        case 2 -> r.nextInt(101);
        default -> r.nextInt(10001) / 100.0;
      };
    }

    private long time() {
      return switch (r.nextInt(4)) {
        case 0 -> r.nextInt(60_000);
        case 1 -> r.nextInt(3_600_000);
        case 2 -> r.nextLong() & 0xFFFFFFFFFFL;
        default -> 100L * 3_600_000 + r.nextInt(1000);
      };
    }

    WebVttFile file() {
      String header = r.nextBoolean() ? "" : pick("- call 42", "x --> y", " two  spaces", "")
          + (r.nextInt(4) == 0 ? "\nKind: captions\nLanguage: ru" : "");
      List<String> comments = new ArrayList<>();
      for (int i = r.nextInt(3); i > 0; i--) {
        comments.add(r.nextInt(5) == 0 ? "" : lines(3));
      }
      List<String> styles = new ArrayList<>();
      for (int i = r.nextInt(3); i > 0; i--) {
        styles.add("::cue(v[voice=\"Боб\"]) { color: " + pick("lime", "cyan") + " }\n::cue { font-size: 1em }");
      }
      List<WebVttRegion> regions = new ArrayList<>();
      for (int i = r.nextInt(3); i > 0; i--) {
        regions.add(new WebVttRegion(pick("", "a", "fred", "r:1", "a"), percent(), r.nextInt(10),
            percent(), percent(), percent(), percent(),
            r.nextBoolean() ? WebVttRegion.Scroll.UP : WebVttRegion.Scroll.NONE));
      }
      List<WebVttCue> cues = new ArrayList<>();
      for (int i = r.nextInt(8); i > 0; i--) {
        String id = switch (r.nextInt(5)) {
          case 0 -> "";
          case 1 -> Integer.toString(i);
          case 2 -> " padded id ";
          case 3 -> "NOTE";
          default -> line();
        };
        String text = r.nextInt(8) == 0 ? "" : lines(3);
        cues.add(new WebVttCue(id, time(), time(), settings(regions), text));
      }
      return new WebVttFile(header, comments, styles, regions, cues);
    }

    private WebVttCueSettings settings(List<WebVttRegion> regions) {
      if (r.nextInt(3) == 0) {
        return WebVttCueSettings.DEFAULT;
      }
      WebVttCueSettings.Vertical v = any(WebVttCueSettings.Vertical.values());
      OptionalDouble line = OptionalDouble.empty();
      boolean snap = true;
      WebVttCueSettings.LineAlign la = WebVttCueSettings.LineAlign.START;
      if (r.nextBoolean()) {
        snap = r.nextBoolean();
        line = OptionalDouble.of(snap ? pickLine() : percent());
        la = any(WebVttCueSettings.LineAlign.values());
      }
      OptionalDouble pos = OptionalDouble.empty();
      WebVttCueSettings.PositionAlign pa = WebVttCueSettings.PositionAlign.AUTO;
      if (r.nextBoolean()) {
        pos = OptionalDouble.of(percent());
        pa = any(WebVttCueSettings.PositionAlign.values());
      }
      double size = r.nextBoolean() ? 100 : percent();
      WebVttCueSettings.Align align = any(WebVttCueSettings.Align.values());
      Optional<String> region = Optional.empty();
      List<String> ids = new ArrayList<>();
      for (WebVttRegion reg : regions) {
        if (!reg.id().isEmpty()) {
          ids.add(reg.id());
        }
      }
      if (!ids.isEmpty() && r.nextBoolean()) {
        region = Optional.of(ids.get(r.nextInt(ids.size())));
      }
      return new WebVttCueSettings(v, line, snap, la, pos, pa, size, align, region);
    }

    private double pickLine() {
      return switch (r.nextInt(4)) {
        case 0 -> r.nextInt(21) - 10;
        case 1 -> (r.nextInt(2001) - 1000) / 10.0;
        case 2 -> 1e20;
        default -> r.nextDouble() * 7;
      };
    }
  }
}
