package io.ecss.sorm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class GoldenVectorTest {
  private static final SormCodec CODEC = SormCodec.DEFAULT;

  static Stream<String> names() {
    return Vectors.all().keySet().stream();
  }

  @ParameterizedTest
  @MethodSource("names")
  void encodesToTheVector(String name) {
    assertThat(Bytes.of(CODEC.encode(Vectors.all().get(name))))
        .isEqualTo(Bytes.of(Vectors.bytes(name)));
  }

  @ParameterizedTest
  @MethodSource("names")
  void decodesTheVector(String name) {
    assertThat(CODEC.decode(Vectors.bytes(name))).isEqualTo(Vectors.all().get(name));
  }

  @ParameterizedTest
  @MethodSource("names")
  void vectorStatesItsSourceAndLength(String name) {
    assertThat(Vectors.source(name)).isNotBlank();
    assertThat(CODEC.encodedLength(Vectors.all().get(name))).isEqualTo(Vectors.bytes(name).length);
  }

  @ParameterizedTest
  @MethodSource("names")
  void everyTruncationFailsWithAnOffsetInsideTheFrame(String name) {
    byte[] wire = Vectors.bytes(name);
    for (int k = 0; k < wire.length; k++) {
      byte[] cut = Arrays.copyOf(wire, k);
      SormDecodeException e =
          catchThrowableOfType(SormDecodeException.class, () -> CODEC.decode(cut));
      assertThat(e).as("truncated to %d bytes", k).isNotNull();
      assertThat(e.offset()).as("offset for %d bytes: %s", k, e.getMessage()).isEqualTo(k);
      assertThat(e.offset()).isLessThan(wire.length);
    }
  }

  @ParameterizedTest
  @MethodSource("names")
  void aTrailingByteIsRejectedAtTheFrameEnd(String name) {
    byte[] wire = Vectors.bytes(name);
    byte[] longer = Arrays.copyOf(wire, wire.length + 1);
    assertThatThrownBy(() -> CODEC.decode(longer))
        .isInstanceOfSatisfying(
            SormDecodeException.class, e -> assertThat(e.offset()).isEqualTo(wire.length))
        .hasMessage(
            "length: "
                + (wire.length + 1)
                + " bytes given but the header says the frame has "
                + wire.length
                + " at offset "
                + wire.length);
  }

  @Test
  void everyKnownFrameTypeHasAVector() {
    Set<SormFrameType> covered =
        Vectors.all().values().stream()
            .filter(m -> !(m instanceof UnknownFrame))
            .map(m -> SormFrameType.forCode(m.code()).orElseThrow())
            .collect(Collectors.toCollection(() -> EnumSet.noneOf(SormFrameType.class)));
    assertThat(covered).containsExactlyInAnyOrder(SormFrameType.values());
  }

  @Test
  void notesExampleE4IsCommandFive() {
    byte[] e4 =
        Bytes.fromHex(
                "CC 01 05 13 31 32 33 34 35 36 05 00 01 01 07 32 54 76 F8 FF FF FF FF FF FF FF 01"
                    + " 01 02")
            .toByteArray();
    assertThat(Vectors.bytes("cmd05-add-object")).isEqualTo(e4);
  }
}
