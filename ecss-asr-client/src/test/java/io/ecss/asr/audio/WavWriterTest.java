package io.ecss.asr.audio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WavWriterTest {

  @Test
  void fileModeFillsInTheSizesOnClose(@TempDir Path dir) throws IOException {
    Path f = dir.resolve("a.wav");
    short[][] ch = {{1, 2, 3}, {-1, -2, -3}};
    try (WavWriter w = WavWriter.open(f, WavFormat.stereo(8000))) {
      w.writeFrames(ch, 0, 2);
      w.writeFrames(ch, 2, 1);
      assertThat(w.frames()).isEqualTo(3);
      assertThat(w.format()).isEqualTo(WavFormat.stereo(8000));
    }
    assertThat(Files.readAllBytes(f))
        .isEqualTo(WavWriter.toBytes(WavFormat.stereo(8000), new short[] {1, -1, 2, -2, 3, -3}));
    try (WavReader r = WavReader.open(f)) {
      assertThat(r.frameCount()).hasValue(3);
    }
  }

  @Test
  void streamModeRejectsAFrameCountOtherThanDeclared() throws IOException {
    WavWriter w = WavWriter.open(new ByteArrayOutputStream(), WavFormat.mono(8000), 2);
    w.write(new short[] {1}, 0, 1);
    assertThatThrownBy(() -> w.write(new short[] {1, 2}, 0, 2))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("writing 3 frames but the header declares 2");
    assertThatThrownBy(w::close)
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("wrote 1 frames but the header declares 2");
    w.close(); // idempotent
    assertThatThrownBy(() -> w.write(new short[] {1}, 0, 1))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("writer is closed");
  }

  @Test
  void rejectsBadArguments() throws IOException {
    assertThatThrownBy(() -> WavWriter.open(new ByteArrayOutputStream(), WavFormat.mono(8000), -1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("frames: -1 (expected 0..2147483629)");
    WavWriter w = WavWriter.open(new ByteArrayOutputStream(), WavFormat.stereo(8000), 1);
    assertThatThrownBy(() -> w.write(new short[] {1, 2, 3}, 0, 3))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("len: 3 (expected a multiple of 2 channels)");
    assertThatThrownBy(() -> w.writeFrames(new short[1][1], 0, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("channels.length: 1 (expected 2)");
    assertThatThrownBy(() -> WavWriter.toBytes(WavFormat.stereo(8000), new short[3]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("interleaved.length: 3 (expected a multiple of 2)");
  }

  @Test
  void pcmAudioHelpers() {
    PcmAudio a = PcmAudio.ofChannels(8000, new short[] {1, 2}, new short[] {3, 4});
    assertThat(a.samples()).containsExactly(1, 3, 2, 4);
    assertThat(a.frames()).isEqualTo(2);
    assertThat(a.durationMillis()).isZero();
    assertThat(a.channel(1)).containsExactly(3, 4);
    assertThat(a).isEqualTo(PcmAudio.of(WavFormat.stereo(8000), new short[] {1, 3, 2, 4}));
    assertThat(a.hashCode())
        .isEqualTo(PcmAudio.of(WavFormat.stereo(8000), new short[] {1, 3, 2, 4}).hashCode());
    assertThat(a).isNotEqualTo(PcmAudio.of(WavFormat.stereo(8000), new short[] {1, 3, 2, 5}));
    assertThat(a.toString()).isEqualTo("PcmAudio[WavFormat[sampleRate=8000, channels=2], frames=2]");
    assertThat(a.toWav()).isEqualTo(WavWriter.toBytes(a.format(), a.samples()));
    assertThatThrownBy(() -> a.channel(2)).isInstanceOf(IndexOutOfBoundsException.class);
    assertThatThrownBy(() -> PcmAudio.of(WavFormat.stereo(8000), new short[3]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("interleaved.length: 3 (expected a multiple of 2 channels)");
    assertThatThrownBy(() -> Pcm.interleave(new short[1], new short[2]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("channel 1 has 2 samples, channel 0 has 1");
    assertThatThrownBy(() -> Pcm.interleave())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("channels: none (expected at least one)");
    assertThatThrownBy(() -> Pcm.split(new short[3], 2))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("channels: 2 (expected >= 1 dividing 3 samples)");
  }

  @Test
  void floatConversionRoundTripsEverySampleAndClips() {
    short[] all = new short[65536];
    for (int i = 0; i < all.length; i++) {
      all[i] = (short) (i - 32768);
    }
    assertThat(Pcm.toPcm16(Pcm.toFloat(all))).isEqualTo(all);
    assertThat(Pcm.toPcm16(new float[] {2f, -2f, 0.5f})).containsExactly(32767, -32768, 16384);
  }

  @Test
  void formatValidatesAndComputes() {
    WavFormat f = WavFormat.stereo(8000);
    assertThat(f.blockAlign()).isEqualTo(4);
    assertThat(f.byteRate()).isEqualTo(32000);
    assertThat(f.millis(12000)).isEqualTo(1500);
    assertThatThrownBy(() -> new WavFormat(8000, 3))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("channels: 3 (expected 1 or 2)");
    assertThatThrownBy(() -> WavFormat.mono(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("sampleRate: 0 (expected 1..384000)");
  }
}
