package io.ecss.sorm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SormFrameDecoderTest {

  /** Everything a listener saw, as comparable strings. */
  static final class Recorder implements SormFrameDecoder.Listener {
    final List<String> events = new ArrayList<>();
    final List<SormMessage> messages = new ArrayList<>();

    @Override
    public void onFrame(SormMessage message, long offset, int length) {
      messages.add(message);
      events.add("frame@" + offset + "+" + length + " " + message);
    }

    @Override
    public void onDropped(long offset, int count, String reason) {
      events.add("dropped@" + offset + "+" + count + " " + reason);
    }
  }

  static byte[] allVectors() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (String name : Vectors.all().keySet()) {
      out.writeBytes(Vectors.bytes(name));
    }
    return out.toByteArray();
  }

  static List<String> run(SormFrameDecoder d, byte[] stream, int... splits) {
    Recorder r = new Recorder();
    int from = 0;
    for (int s : splits) {
      d.feed(stream, from, s - from, r);
      from = s;
    }
    d.feed(stream, from, stream.length - from, r);
    d.finish(r);
    return r.events;
  }

  @Test
  void wholeStreamGivesEveryVectorInOrder() {
    Recorder r = new Recorder();
    SormFrameDecoder d = SormFrameDecoder.of();
    d.feed(allVectors(), r);
    d.finish(r);
    assertThat(r.messages).containsExactlyElementsOf(Vectors.all().values());
  }

  @Test
  void sameFramesForEverySplitOffset() {
    byte[] stream = allVectors();
    List<String> expected = run(SormFrameDecoder.of(), stream);
    for (int s = 0; s <= stream.length; s++) {
      assertThat(run(SormFrameDecoder.of(), stream, s)).as("split at %d", s).isEqualTo(expected);
    }
  }

  @Test
  void sameFramesFedByteByByte() {
    byte[] stream = allVectors();
    List<String> expected = run(SormFrameDecoder.of(), stream);
    int[] every = new int[stream.length];
    for (int i = 0; i < every.length; i++) {
      every[i] = i;
    }
    assertThat(run(SormFrameDecoder.of(), stream, every)).isEqualTo(expected);
  }

  @Test
  void strictModeReportsTheStreamOffsetOfAStrayByte() {
    byte[] a = Vectors.bytes("cmd01-start");
    byte[] stream = new byte[a.length * 2 + 1];
    System.arraycopy(a, 0, stream, 0, a.length);
    stream[a.length] = 0x00;
    System.arraycopy(a, 0, stream, a.length + 1, a.length);
    SormFrameDecoder d = SormFrameDecoder.of();
    Recorder r = new Recorder();
    assertThatThrownBy(() -> d.feed(stream, r))
        .isInstanceOfSatisfying(
            SormDecodeException.class, e -> assertThat(e.offset()).isEqualTo(10))
        .hasMessage("preamble: byte 0x00 (expected 0xCC) at offset 10");
    assertThat(r.messages).hasSize(1);
    assertThatThrownBy(() -> d.feed(stream, r)).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void strictModeShiftsBodyErrorsToStreamOffsets() {
    byte[] a = Vectors.bytes("cmd01-start");
    byte[] bad = Vectors.bytes("msg07-receipt");
    bad[9] = 0x07;
    byte[] stream = new byte[a.length + bad.length];
    System.arraycopy(a, 0, stream, 0, a.length);
    System.arraycopy(bad, 0, stream, a.length, bad.length);
    for (int s = 0; s <= stream.length; s++) {
      SormFrameDecoder d = SormFrameDecoder.of();
      int split = s;
      assertThatThrownBy(() -> run(d, stream, split))
          .as("split %d", s)
          .hasMessage("version: requirements version 0x07 (expected 0x02) at offset 19");
    }
  }

  @Test
  void resyncSkipsGarbageAndReportsIt() {
    byte[] a = Vectors.bytes("cmd14-channel-test");
    byte[] stream = Bytes.fromHex("00 11 22 " + Bytes.of(a) + " 33 44 " + Bytes.of(a)).toByteArray();
    SormFrameDecoder d =
        SormFrameDecoder.of(SormCodec.DEFAULT, SormCodec.MAX_FRAME_LENGTH, SormFrameDecoder.Mode.RESYNC);
    List<String> expected = run(d, stream);
    assertThat(expected)
        .containsExactly(
            "dropped@0+3 preamble: byte 0x00 (expected 0xCC) at offset 0",
            "frame@3+11 " + new SormCommand.ChannelTest(1, "123456", 7),
            "dropped@14+2 preamble: byte 0x33 (expected 0xCC) at offset 14",
            "frame@16+11 " + new SormCommand.ChannelTest(1, "123456", 7));
    for (int s = 0; s <= stream.length; s++) {
      SormFrameDecoder fresh =
          SormFrameDecoder.of(SormCodec.DEFAULT, SormCodec.MAX_FRAME_LENGTH, SormFrameDecoder.Mode.RESYNC);
      assertThat(run(fresh, stream, s)).as("split %d", s).isEqualTo(expected);
    }
  }

  @Test
  void resyncDropsAnInvalidHeaderAndRescansItsBytes() {
    // CC 01 7A ...: code 0x7A cannot be delimited; the real frame starts two bytes later
    byte[] a = Vectors.bytes("cmd13-abort-table-output");
    byte[] stream = Bytes.fromHex("CC 01 7A " + Bytes.of(a)).toByteArray();
    List<String> expected = null;
    for (int s = 0; s <= stream.length; s++) {
      SormFrameDecoder d =
          SormFrameDecoder.of(SormCodec.DEFAULT, SormCodec.MAX_FRAME_LENGTH, SormFrameDecoder.Mode.RESYNC);
      List<String> got = run(d, stream, s);
      if (expected == null) {
        expected = got;
      }
      assertThat(got).as("split %d", s).isEqualTo(expected);
    }
    assertThat(expected)
        .containsExactly(
            "dropped@0+3 code: unknown code 0x7A outside 0x00..0x5F: the frame size is unknown at"
                + " offset 2",
            "frame@3+10 " + new SormCommand.AbortTableOutput(1, "123456"));
  }

  @Test
  void resyncDropsAFrameThatFailsToDecode() {
    byte[] bad = Vectors.bytes("msg07-receipt");
    bad[8] = 0x00;
    byte[] ok = Vectors.bytes("msg08-execution");
    byte[] stream = Bytes.fromHex(Bytes.of(bad) + " " + Bytes.of(ok)).toByteArray();
    SormFrameDecoder d =
        SormFrameDecoder.of(SormCodec.DEFAULT, SormCodec.MAX_FRAME_LENGTH, SormFrameDecoder.Mode.RESYNC);
    assertThat(run(d, stream))
        .containsExactly(
            "dropped@0+12 reserve: byte 0x00 (expected filler 0xFF) at offset 8",
            "frame@12+12 " + Vectors.all().get("msg08-execution"));
  }

  @Test
  void frameLongerThanTheLimitIsAnError() {
    byte[] v = Vectors.bytes("msg1.1-called-number-received");
    SormFrameDecoder d = SormFrameDecoder.of(SormCodec.DEFAULT, 40, SormFrameDecoder.Mode.STRICT);
    assertThat(d.maxFrameLength()).isEqualTo(40);
    assertThat(d.mode()).isEqualTo(SormFrameDecoder.Mode.STRICT);
    assertThatThrownBy(() -> d.feed(v, new Recorder()))
        .isInstanceOf(SormDecodeException.class)
        .hasMessage("length: frame length 48 exceeds maxFrameLength 40 at offset 3");
    assertThatThrownBy(() -> SormFrameDecoder.of(SormCodec.DEFAULT, 268, SormFrameDecoder.Mode.STRICT))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("maxFrameLength: 268 (expected 10..267)");
  }

  @Test
  void streamEndingInsideAFrameIsAnError() {
    byte[] v = Vectors.bytes("cmd05-add-object");
    for (int k = 1; k < v.length; k++) {
      SormFrameDecoder d = SormFrameDecoder.of();
      Recorder r = new Recorder();
      d.feed(v, 0, k, r);
      assertThat(d.buffered()).isEqualTo(k);
      assertThat(d.position()).isEqualTo(k);
      int cut = k;
      assertThatThrownBy(() -> d.finish(r))
          .isInstanceOfSatisfying(
              SormDecodeException.class, e -> assertThat(e.offset()).isEqualTo(cut))
          .hasMessageStartingWith("length: stream ended inside a frame");
    }
    SormFrameDecoder resync =
        SormFrameDecoder.of(SormCodec.DEFAULT, SormCodec.MAX_FRAME_LENGTH, SormFrameDecoder.Mode.RESYNC);
    Recorder r = new Recorder();
    resync.feed(v, 0, 12, r);
    resync.finish(r);
    assertThat(r.events)
        .containsExactly(
            "dropped@0+12 length: stream ended inside a frame: 12 of 29 bytes at offset 12");
  }

  @Test
  void feedsByteBuffersHeapAndDirect() {
    byte[] stream = allVectors();
    Recorder heap = new Recorder();
    SormFrameDecoder d1 = SormFrameDecoder.of();
    ByteBuffer hb = ByteBuffer.wrap(stream);
    d1.feed(hb, heap);
    assertThat(hb.hasRemaining()).isFalse();
    Recorder direct = new Recorder();
    SormFrameDecoder d2 = SormFrameDecoder.of();
    ByteBuffer db = ByteBuffer.allocateDirect(stream.length);
    db.put(stream).flip();
    d2.feed(db, direct);
    assertThat(direct.events).isEqualTo(heap.events);
    assertThat(heap.messages).hasSize(Vectors.all().size());
  }
}
