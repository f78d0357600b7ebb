package io.ecss.sorm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The 11-byte number block (notes §1.1) through command 12, whose body is exactly one block. */
class NumberEncodingTest {
  private static final String HEADER = "CC 01 0C 0B 31 32 33 34 35 36 ";

  private static byte[] frame(String block) {
    return Bytes.fromHex(HEADER + block).toByteArray();
  }

  private static String encode(SormCodec codec, PhoneNumber n) {
    byte[] b = codec.encode(new SormCommand.ServiceListRequest(1, "123456", n));
    return Bytes.copyOf(b, 10, 11).toString();
  }

  private static PhoneNumber decode(String block) {
    return ((SormCommand.ServiceListRequest) SormCodec.DEFAULT.decode(frame(block))).number();
  }

  @Test
  void zeroDigits() {
    PhoneNumber empty = PhoneNumber.of(NumberIndicator.RUSSIAN_PSTN, "");
    assertThat(encode(SormCodec.DEFAULT, empty)).isEqualTo("04 00 FF FF FF FF FF FF FF FF FF");
    assertThat(decode("04 00 FF FF FF FF FF FF FF FF FF")).isEqualTo(empty);
    assertThat(empty.isPresent()).isFalse();
  }

  @Test
  void noNumberIsFfZeroAndNineFf() {
    assertThat(encode(SormCodec.DEFAULT, PhoneNumber.NONE))
        .isEqualTo("FF 00 FF FF FF FF FF FF FF FF FF");
    assertThat(decode("FF 00 FF FF FF FF FF FF FF FF FF")).isSameAs(PhoneNumber.NONE);
    assertThat(PhoneNumber.NONE).hasToString("none");
  }

  @Test
  void ffCountMeansNoNumberAndCanBeWritten() {
    assertThat(decode("FF FF FF FF FF FF FF FF FF FF FF")).isSameAs(PhoneNumber.NONE);
    assertThat(decode("04 FF FF FF FF FF FF FF FF FF FF"))
        .isEqualTo(PhoneNumber.of(NumberIndicator.RUSSIAN_PSTN, ""));
    assertThat(encode(SormCodec.DEFAULT.withAbsentDigitCount(0xFF), PhoneNumber.NONE))
        .isEqualTo("FF FF FF FF FF FF FF FF FF FF FF");
  }

  @Test
  void eighteenDigitsFillAllNineBytes() {
    PhoneNumber n = PhoneNumber.of(NumberIndicator.MOBILE_ID, "123456789012345678");
    assertThat(encode(SormCodec.DEFAULT, n)).isEqualTo("07 12 21 43 65 87 09 21 43 65 87");
    assertThat(decode("07 12 21 43 65 87 09 21 43 65 87")).isEqualTo(n);
  }

  @Test
  void oddCountLeavesHighNibbleF() {
    PhoneNumber odd = PhoneNumber.of(NumberIndicator.NODE_SUBSCRIBER, "123");
    assertThat(encode(SormCodec.DEFAULT, odd)).isEqualTo("01 03 21 F3 FF FF FF FF FF FF FF");
    assertThat(decode("01 03 21 F3 FF FF FF FF FF FF FF")).isEqualTo(odd);
  }

  @Test
  void evenCountEndsOnAByteBoundary() {
    PhoneNumber even = PhoneNumber.of(NumberIndicator.NODE_SUBSCRIBER, "1234");
    assertThat(encode(SormCodec.DEFAULT, even)).isEqualTo("01 04 21 43 FF FF FF FF FF FF FF");
    assertThat(decode("01 04 21 43 FF FF FF FF FF FF FF")).isEqualTo(even);
  }

  @Test
  void zeroAsAIsAnEncoderOptionAndAlwaysDecoded() {
    PhoneNumber n = PhoneNumber.of(NumberIndicator.RUSSIAN_PSTN, "8000");
    assertThat(encode(SormCodec.DEFAULT, n)).isEqualTo("04 04 08 00 FF FF FF FF FF FF FF");
    assertThat(encode(SormCodec.DEFAULT.withDigitZero(DigitZero.A), n))
        .isEqualTo("04 04 A8 AA FF FF FF FF FF FF FF");
    assertThat(decode("04 04 A8 AA FF FF FF FF FF FF FF")).isEqualTo(n);
    assertThat(decode("04 04 A8 0A FF FF FF FF FF FF FF")).isEqualTo(n);
  }

  @Test
  void countAboveEighteenIsRejected() {
    assertThatThrownBy(() -> decode("04 13 21 43 65 87 09 21 43 65 87"))
        .isInstanceOf(SormDecodeException.class)
        .hasMessage("number.count: 19 digits (expected 0..18, or 0xFF for no number) at offset 11");
  }

  @Test
  void digitAfterTheCountIsRejected() {
    assertThatThrownBy(() -> decode("01 03 21 43 FF FF FF FF FF FF FF"))
        .isInstanceOf(SormDecodeException.class)
        .hasMessage("number.digits: nibble 4 after the 3 counted digits (expected filler F) at offset 13");
  }

  @Test
  void nonFFillerIsRejected() {
    assertThatThrownBy(() -> decode("01 02 21 FF FF FF FF FF FF FF FE"))
        .isInstanceOf(SormDecodeException.class)
        .hasMessage("number.digits: nibble E after the 2 counted digits (expected filler F) at offset 20");
  }

  @Test
  void nibbleAboveAInADigitIsRejected() {
    assertThatThrownBy(() -> decode("01 02 B1 FF FF FF FF FF FF FF FF"))
        .isInstanceOf(SormDecodeException.class)
        .hasMessage("number.digits: nibble B at digit 2 of 2 (expected 0-9, or A for 0) at offset 12");
  }

  @Test
  void absentNumberWithDigitsIsRejected() {
    assertThatThrownBy(() -> decode("FF 00 21 FF FF FF FF FF FF FF FF"))
        .isInstanceOf(SormDecodeException.class)
        .hasMessage(
            "number.digits: byte 0x21 in a number with digit count 0x00 (expected filler 0xFF) at offset 12");
  }

  @Test
  void encoderSideRejectsUnrepresentableDigits() {
    assertThatThrownBy(() -> PhoneNumber.of(NumberIndicator.RUSSIAN_PSTN, "1234567890123456789"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("digits: \"1234567890123456789\" has 19 digits (expected at most 18)");
    assertThatThrownBy(() -> PhoneNumber.of(NumberIndicator.RUSSIAN_PSTN, "12#4"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("digits: \"12#4\" has '#' at index 2 (expected 0-9)");
    assertThatThrownBy(() -> SormCodec.DEFAULT.withAbsentDigitCount(1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("absentDigitCount: 1 (expected 0x00 or 0xFF)");
  }

  @Test
  void toStringShowsIndicatorAndDigits() {
    assertThat(PhoneNumber.of(NumberIndicator.RUSSIAN_PSTN, "4951234567"))
        .hasToString("RUSSIAN_PSTN:4951234567");
  }
}
