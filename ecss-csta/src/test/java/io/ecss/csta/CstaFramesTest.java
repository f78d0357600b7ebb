package io.ecss.csta;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class CstaFramesTest {

  @Test
  void notesWorkedExampleBothWays() {
    byte[] wire = Vectors.hex("makecall-0042.hex");
    String body = Vectors.text("makecall-0042.xml");
    assertThat(wire).hasSize(229);
    assertThat(Arrays.copyOf(wire, 8)).containsExactly(0, 0, 0, 0xe5, '0', '0', '4', '2');
    // The codec produces exactly the body of the notes' example ...
    assertThat(CstaCodec.encode(CstaRequest.MakeCall.of("101", "79001234567"))).isEqualTo(body);
    // ... and the framing exactly its bytes.
    assertThat(CstaFrames.encode(42, body)).isEqualTo(wire);
    List<CstaFrame> frames = new CstaFrameDecoder().feed(wire, 0, wire.length);
    assertThat(frames).containsExactly(new CstaFrame(42, body));
    assertThat(CstaCodec.decode(frames.get(0).xml()))
        .isEqualTo(CstaRequest.MakeCall.of("101", "79001234567"));
  }

  @Test
  void cyrillicLengthIsCountedInBytes() {
    byte[] wire = Vectors.hex("delivered-cyrillic-9999.hex");
    String body = Vectors.text("delivered-cyrillic-9999.xml");
    assertThat(body.length()).isEqualTo(700);
    assertThat(body.getBytes(StandardCharsets.UTF_8)).hasSize(706);
    assertThat(CstaFrames.encode(CstaFrames.EVENT_INVOKE_ID, body)).isEqualTo(wire);
    CstaFrame frame = new CstaFrameDecoder().feed(wire, 0, wire.length).get(0);
    assertThat(frame.invokeId()).isEqualTo(9999);
    assertThat(frame.xml()).isEqualTo(body).contains("Иванов");
    assertThat(CstaCodec.decode(frame.xml()))
        .isEqualTo(
            new CstaEvent.Delivered(
                "7", ConnectionId.of("C1", "102"), "102", "101", "102", null, "alerting", "newCall"));
  }

  @Test
  void anySplitOfTwoCoalescedFramesGivesTheSameFrames() {
    byte[] both =
        Vectors.concat(Vectors.hex("makecall-0042.hex"), Vectors.hex("delivered-cyrillic-9999.hex"));
    List<CstaFrame> expected =
        List.of(
            new CstaFrame(42, Vectors.text("makecall-0042.xml")),
            new CstaFrame(9999, Vectors.text("delivered-cyrillic-9999.xml")));
    for (int split = 0; split <= both.length; split++) {
      CstaFrameDecoder d = new CstaFrameDecoder();
      List<CstaFrame> out = new ArrayList<>(d.feed(both, 0, split));
      out.addAll(d.feed(both, split, both.length - split));
      assertThat(out).as("split at %d", split).isEqualTo(expected);
      assertThat(d.buffered()).isZero();
    }
  }

  @Test
  void byteByByteFeedGivesTheSameFrames() {
    byte[] both =
        Vectors.concat(Vectors.hex("makecall-0042.hex"), Vectors.hex("delivered-cyrillic-9999.hex"));
    CstaFrameDecoder d = new CstaFrameDecoder();
    List<CstaFrame> out = new ArrayList<>();
    for (int i = 0; i < both.length; i++) {
      List<CstaFrame> got = d.feed(both, i, 1);
      out.addAll(got);
      assertThat(d.buffered()).isEqualTo(got.isEmpty() ? d.buffered() : 0);
    }
    assertThat(out).hasSize(2);
  }

  @Test
  void everyTruncationYieldsNothingAndKeepsTheBytes() {
    byte[] wire = Vectors.hex("makecall-0042.hex");
    for (int n = 0; n < wire.length; n++) {
      CstaFrameDecoder d = new CstaFrameDecoder();
      assertThat(d.feed(wire, 0, n)).as("prefix %d", n).isEmpty();
      assertThat(d.buffered()).isEqualTo(n);
    }
  }

  @Test
  void lengthAbove32767IsReadUnsigned() {
    String body = "<Big>" + "x".repeat(40_000) + "</Big>";
    byte[] wire = CstaFrames.encode(1, body);
    assertThat(wire[2] & 0xff).isGreaterThan(0x7f);
    assertThat(new CstaFrameDecoder().feed(wire, 0, wire.length))
        .containsExactly(new CstaFrame(1, body));
  }

  @Test
  void largestFrameIsAcceptedAndOneMoreByteRefused() {
    String max = "y".repeat(CstaFrames.MAX_FRAME_LENGTH - 8);
    assertThat(CstaFrames.encode(1, max)).hasSize(65_535);
    assertThatThrownBy(() -> CstaFrames.encode(1, max + "y"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("frame length: 65536 bytes (expected <= 65535)");
    // Two-byte characters count twice.
    assertThatThrownBy(() -> CstaFrames.encode(1, "ж".repeat(32_764)))
        .hasMessage("frame length: 65536 bytes (expected <= 65535)");
  }

  @Test
  void invokeIdRangeIsChecked() {
    assertThatThrownBy(() -> CstaFrames.encode(10_000, "<a/>"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("invokeId: 10000 (expected 0..9999)");
    assertThatThrownBy(() -> new CstaFrame(-1, "")).hasMessage("invokeId: -1 (expected 0..9999)");
    assertThat(CstaFrames.formatInvokeId(7)).isEqualTo("0007");
    assertThat(new CstaFrame(7, "<secret/>").toString()).isEqualTo("CstaFrame[invokeId=0007, chars=9]");
  }

  @Test
  void invokeIdsAreFormattedWithAsciiDigitsWhateverTheDefaultLocale() {
    java.util.Locale saved = java.util.Locale.getDefault();
    try {
      for (String tag : List.of("ar-SA", "fa-IR", "hi-IN-u-nu-deva", "th-TH-u-nu-thai")) {
        java.util.Locale.setDefault(java.util.Locale.forLanguageTag(tag));
        assertThat(CstaFrames.formatInvokeId(42)).as(tag).isEqualTo("0042");
        assertThat(new CstaFrame(9999, "").toString()).as(tag).isEqualTo("CstaFrame[invokeId=9999, chars=0]");
      }
    } finally {
      java.util.Locale.setDefault(saved);
    }
  }

  @Test
  void nonZeroVersionBytesAreAFramingErrorWithOffset() {
    byte[] good = CstaFrames.encode(1, "<a/>");
    byte[] bad = CstaFrames.encode(2, "<b/>");
    bad[0] = 1;
    byte[] both = Vectors.concat(good, bad);
    CstaFrameDecoder d = new CstaFrameDecoder();
    assertThat(d.feed(both, 0, good.length)).hasSize(1);
    assertThatThrownBy(() -> d.feed(both, good.length, bad.length))
        .isInstanceOf(CstaFramingException.class)
        .hasMessage("frame header starts with 01 00 (expected 00 00) at offset 12")
        .satisfies(e -> assertThat(((CstaFramingException) e).offset()).isEqualTo(12));
    // Poisoned: further input fails the same way.
    assertThatThrownBy(() -> d.feed(new byte[0], 0, 0)).isInstanceOf(CstaFramingException.class);
  }

  @Test
  void lengthBelowHeaderIsAFramingError() {
    byte[] bad = {0, 0, 0, 7, '0', '0', '0', '1'};
    assertThatThrownBy(() -> new CstaFrameDecoder().feed(bad, 0, bad.length))
        .isInstanceOf(CstaFramingException.class)
        .hasMessage("frame length 7 is below the header size 8 at offset 0");
  }

  @Test
  void nonDigitInvokeIdIsAFramingError() {
    byte[] bad = {0, 0, 0, 8, '0', 'x', '0', '1'};
    assertThatThrownBy(() -> new CstaFrameDecoder().feed(bad, 0, bad.length))
        .hasMessage("invoke id byte 5 is 78 (expected an ASCII digit) at offset 0");
  }

  @Test
  void invalidUtf8BodyIsAFramingError() {
    byte[] bad = {0, 0, 0, 10, '0', '0', '0', '1', (byte) 0xc3, (byte) 0x28};
    assertThatThrownBy(() -> new CstaFrameDecoder().feed(bad, 0, bad.length))
        .hasMessage("frame body is not valid UTF-8 at offset 0");
  }

  @Test
  void emptyBodyIsAFrame() {
    byte[] wire = {0, 0, 0, 8, '9', '9', '9', '9'};
    assertThat(new CstaFrameDecoder().feed(wire, 0, 8)).containsExactly(new CstaFrame(9999, ""));
  }

  @Test
  void feedChecksBounds() {
    assertThatThrownBy(() -> new CstaFrameDecoder().feed(new byte[4], 2, 3))
        .isInstanceOf(IndexOutOfBoundsException.class)
        .hasMessage("offset=2 length=3 size=4");
  }
}
