package io.ecss.asr.audio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.HexFormat;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class WavReaderTest {

  /** Hex with '#' comments and whitespace removed. */
  static byte[] hex(String commented) {
    StringBuilder sb = new StringBuilder();
    for (String line : commented.lines().toList()) {
      int hash = line.indexOf('#');
      sb.append((hash >= 0 ? line.substring(0, hash) : line).replaceAll("\\s", ""));
    }
    return HexFormat.of().parseHex(sb.toString());
  }

  /** 8 kHz stereo, two frames: (1, -1), (0x1234, -32768). */
  static final String STEREO =
      """
      52494646 2c000000 57415645   # 'RIFF' size=44 'WAVE'
      666d7420 10000000            # 'fmt ' size=16
      0100 0200                    # PCM, 2 channels
      401f0000 007d0000            # rate 8000, byteRate 32000
      0400 1000                    # blockAlign 4, 16 bits
      64617461 08000000            # 'data' size=8
      0100 ffff                    # frame 0: A=1, B=-1
      3412 0080                    # frame 1: A=0x1234, B=-32768
      """;

  @Test
  void readsCanonicalStereoHeaderAndSamples() throws IOException {
    try (WavReader r = WavReader.open(new ByteArrayInputStream(hex(STEREO)))) {
      assertThat(r.format()).isEqualTo(WavFormat.stereo(8000));
      assertThat(r.frameCount()).hasValue(2);
      assertThat(r.dataOffset()).isEqualTo(44);
      short[][] ch = new short[2][5];
      assertThat(r.readFrames(ch, 1, 4)).isEqualTo(2);
      assertThat(ch[0]).containsExactly(0, 1, 0x1234, 0, 0);
      assertThat(ch[1]).containsExactly(0, -1, -32768, 0, 0);
      assertThat(r.readFrames(ch, 0, 4)).isEqualTo(-1);
    }
  }

  @Test
  void writerProducesTheCanonicalBytes() {
    byte[] wav = WavWriter.toBytes(WavFormat.stereo(8000), new short[] {1, -1, 0x1234, -32768});
    assertThat(wav).isEqualTo(hex(STEREO));
  }

  @Test
  void skipsListChunkAndOddPadding() throws IOException {
    byte[] wav =
        hex(
            """
            52494646 40000000 57415645   # 'RIFF' size=64 'WAVE'
            4c495354 03000000 616263 00  # 'LIST' size=3 'abc' + pad byte
            666d7420 10000000 0100 0100 401f0000 803e0000 0200 1000  # fmt: mono 8 kHz
            66616374 04000000 02000000   # 'fact' size=4
            64617461 04000000 0700 f9ff  # data: 7, -7
            """);
    PcmAudio a = WavReader.readAll(new ByteArrayInputStream(wav));
    assertThat(a.format()).isEqualTo(WavFormat.mono(8000));
    assertThat(a.samples()).containsExactly(7, -7);
  }

  @Test
  void readsExtensiblePcm() throws IOException {
    byte[] wav =
        hex(
            """
            52494646 3e000000 57415645   # 'RIFF' size=62 'WAVE'
            666d7420 28000000            # 'fmt ' size=40
            feff 0100 803e0000 007d0000 0200 1000   # EXTENSIBLE, mono, 16000 Hz
            1600 1000 04000000           # cbSize 22, valid bits 16, channel mask
            0100 0000 0000 1000 8000 00aa 0038 9b71 # KSDATAFORMAT_SUBTYPE_PCM
            64617461 02000000 ff7f       # data: 32767
            """);
    PcmAudio a = WavReader.readAll(new ByteArrayInputStream(wav));
    assertThat(a.format()).isEqualTo(WavFormat.mono(16000));
    assertThat(a.samples()).containsExactly(32767);
  }

  @Test
  void unknownDataSizeReadsToTheEnd() throws IOException {
    byte[] wav =
        hex(
            """
            52494646 ffffffff 57415645
            666d7420 10000000 0100 0100 401f0000 803e0000 0200 1000
            64617461 ffffffff 0100 0200 0300
            """);
    try (WavReader r = WavReader.open(new ByteArrayInputStream(wav))) {
      assertThat(r.frameCount()).isEmpty();
      assertThat(r.readAll()).containsExactly(1, 2, 3);
    }
  }

  static Stream<Arguments> malformed() {
    String fmtMono = "666d7420 10000000 0100 0100 401f0000 803e0000 0200 1000";
    return Stream.of(
        Arguments.of("52494658 24000000 57415645", "not a WAV file: found 'RIFX', expected 'RIFF' (big-endian RIFX is not supported) at offset 0"),
        Arguments.of("00010203 24000000 57415645", "not a WAV file: found 0x00010203, expected 'RIFF' at offset 0"),
        Arguments.of("52494646 24000000 41564920", "not a WAV file: RIFF form 'AVI ', expected 'WAVE' at offset 8"),
        Arguments.of("524946", "truncated RIFF header: the stream ended after 3 of 4 bytes at offset 3"),
        Arguments.of("52494646 24000000 57415645 666d7420 10000000 0100 0100 401f0000 401f0000 0100 0800 64617461 00000000",
            "unsupported bits per sample 8 (expected 16-bit PCM) at offset 34"),
        Arguments.of("52494646 24000000 57415645 666d7420 10000000 0300 0100 401f0000 00fa0000 0400 2000 64617461 00000000",
            "unsupported format code 0x0003 (expected 0x0001 PCM or 0xFFFE extensible PCM) at offset 20"),
        Arguments.of("52494646 24000000 57415645 666d7420 10000000 0100 0300 401f0000 00770100 0600 1000 64617461 00000000",
            "unsupported channel count 3 (expected 1 or 2) at offset 22"),
        Arguments.of("52494646 24000000 57415645 666d7420 10000000 0100 0200 401f0000 007d0000 0200 1000 64617461 00000000",
            "block align 2 contradicts 2 channel(s) of 16 bits (expected 4) at offset 32"),
        Arguments.of("52494646 24000000 57415645 666d7420 10000000 0100 0100 401f0000 401f0000 0200 1000 64617461 00000000",
            "byte rate 8000 contradicts sample rate 8000 and block align 2 (expected 16000) at offset 28"),
        Arguments.of("52494646 24000000 57415645 666d7420 10000000 0100 0100 00000000 00000000 0200 1000 64617461 00000000",
            "sample rate 0 out of range (expected 1..384000) at offset 24"),
        Arguments.of("52494646 24000000 57415645 64617461 00000000",
            "data chunk before the fmt chunk at offset 12"),
        Arguments.of("52494646 24000000 57415645 " + fmtMono,
            "no data chunk before the end of the stream at offset 36"),
        Arguments.of("52494646 04000000 57415645",
            "no fmt chunk before the end of the stream at offset 12"),
        Arguments.of("52494646 30000000 57415645 " + fmtMono + " 64617461 03000000 000000",
            "data size 3 is not a multiple of block align 2 at offset 40"),
        Arguments.of("52494646 28000000 57415645 " + fmtMono + " 64617461 04000000 0100",
            "truncated data chunk: declared 4 bytes, the stream ended after 2 at offset 46"),
        Arguments.of("52494646 10000000 57415645 " + fmtMono + " 64617461 00000000",
            "chunk 'fmt ' of 16 bytes reaches past the end of the RIFF chunk at byte 24 at offset 12"),
        Arguments.of("52494646 28000000 57415645 4c495354 10000000 6162",
            "truncated chunk 'LIST': the stream ended inside its 16 bytes at offset 20"),
        Arguments.of("52494646 28000000 57415645 666d7420 08000000 0100 0100 401f0000",
            "fmt chunk size 8 (expected 16..1024) at offset 16"),
        Arguments.of("52494646 24000000 57415645 " + fmtMono + " 6461",
            "truncated chunk header: 2 of 4 bytes at offset 36"),
        Arguments.of("52494646 ffffffff 57415645 " + fmtMono + " " + fmtMono,
            "second fmt chunk at offset 36"),
        Arguments.of("52494646 ffffffff 57415645 " + fmtMono + " 64617461 ffffffff 010002",
            "data ends inside a frame: 3 bytes is not a multiple of block align 2 at offset 47"));
  }

  @ParameterizedTest
  @MethodSource("malformed")
  void rejectsMalformedInputWithOffset(String hexWav, String message) {
    assertThatThrownBy(() -> WavReader.readAll(new ByteArrayInputStream(hex(hexWav))))
        .isInstanceOf(WavException.class)
        .hasMessage(message);
  }

  @Test
  void everyTruncationFailsWithAnOffsetInsideTheFile() {
    byte[] full = hex(STEREO);
    for (int len = 0; len < full.length; len++) {
      byte[] cut = java.util.Arrays.copyOf(full, len);
      int at = len;
      assertThatThrownBy(() -> WavReader.readAll(new ByteArrayInputStream(cut)))
          .as("truncated to %d bytes", len)
          .isInstanceOfSatisfying(
              WavException.class, e -> assertThat(e.offset()).isBetween(0L, (long) at));
    }
  }

  /** A stream that returns at most one byte per read call, as a slow socket might. */
  static final class Trickle extends FilterInputStream {
    Trickle(InputStream in) {
      super(in);
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      return super.read(b, off, Math.min(len, 1));
    }
  }

  static IntStream seeds() {
    return IntStream.range(0, 200);
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void roundTripsAnyAudioInAnyBlockSize(int seed) throws IOException {
    Random rnd = new Random(seed);
    WavFormat f = new WavFormat(1 + rnd.nextInt(WavFormat.MAX_SAMPLE_RATE), 1 + rnd.nextInt(2));
    short[] s = new short[f.channels() * rnd.nextInt(3000)];
    for (int i = 0; i < s.length; i++) {
      s[i] = (short) rnd.nextInt();
    }
    ByteArrayOutputStream bos = new ByteArrayOutputStream();
    try (WavWriter w = WavWriter.open(bos, f, s.length / f.channels())) {
      int off = 0;
      while (off < s.length) {
        int n = Math.min(s.length - off, f.channels() * (1 + rnd.nextInt(700)));
        w.write(s, off, n);
        off += n;
      }
    }
    byte[] wav = bos.toByteArray();
    assertThat(wav).as("seed %d", seed).isEqualTo(WavWriter.toBytes(f, s));
    InputStream in = new ByteArrayInputStream(wav);
    try (WavReader r = WavReader.open(rnd.nextBoolean() ? new Trickle(in) : in)) {
      assertThat(r.format()).isEqualTo(f);
      short[] back = new short[s.length];
      int frames = 0;
      int n;
      while ((n = r.read(back, frames * f.channels(), Math.min(1 + rnd.nextInt(500), s.length / f.channels() - frames))) > 0) {
        frames += n;
      }
      assertThat(back).as("seed %d", seed).isEqualTo(s);
    }
  }

  @Test
  void readFramesRejectsTooFewChannelArrays() throws IOException {
    try (WavReader r = WavReader.open(new ByteArrayInputStream(hex(STEREO)))) {
      assertThatThrownBy(() -> r.readFrames(new short[1][4], 0, 1))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("dst.length: 1 (expected at least 2 channels)");
      assertThatThrownBy(() -> r.read(new short[3], 0, 2))
          .isInstanceOf(IndexOutOfBoundsException.class)
          .hasMessage("off=0 count=4 length=3");
      assertThat(r.read(new short[0], 0, 0)).isZero();
    }
  }
}
