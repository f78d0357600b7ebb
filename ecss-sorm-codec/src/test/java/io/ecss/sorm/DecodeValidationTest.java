package io.ecss.sorm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Strict decoding: every rule gives an exact message with field and offset. */
class DecodeValidationTest {

  private static byte[] hex(String s) {
    return Bytes.fromHex(s).toByteArray();
  }

  private static byte[] vector(String name) {
    return Vectors.bytes(name);
  }

  private static void rejects(byte[] frame, String message, long offset) {
    assertThatThrownBy(() -> SormCodec.DEFAULT.decode(frame))
        .isInstanceOfSatisfying(
            SormDecodeException.class, e -> assertThat(e.offset()).isEqualTo(offset))
        .hasMessage(message);
  }

  @Test
  void wrongPreamble() {
    byte[] b = vector("cmd01-start");
    b[0] = (byte) 0xCD;
    rejects(b, "preamble: byte 0xCD (expected 0xCC) at offset 0", 0);
  }

  @Test
  void bodyLengthMustMatchTheLayout() {
    rejects(
        hex("CC 01 0E 02 31 32 33 34 35 36 07 07"),
        "length: body length 2 for command 14 (data channel test) (expected 1) at offset 3",
        3);
    rejects(
        hex("CC 01 2C 00 00 00 00 00 FF 02"),
        "length: body length 0 for message 12 (telecom message) (expected at least 53) at offset 3",
        3);
  }

  @Test
  void kpd1ReserveAndVersion() {
    byte[] b = vector("msg07-receipt");
    b[8] = 0x00;
    rejects(b, "reserve: byte 0x00 (expected filler 0xFF) at offset 8", 8);
    b = vector("msg07-receipt");
    b[9] = 0x03;
    rejects(b, "version: requirements version 0x03 (expected 0x02) at offset 9", 9);
  }

  @Test
  void kpd2TestReplyHeaderMustBeFiller() {
    byte[] b = vector("msg2.3-test-reply");
    b[7] = 0x05;
    rejects(b, "header: byte 0x05 (expected filler 0xFF) at offset 7", 7);
  }

  @Test
  void eventTimeMustBeBcdInRange() {
    byte[] b = vector("msg1.1-called-number-received");
    b[38] = 0x5B; // day: units 5, tens B
    rejects(
        b,
        "time.day: byte 0x5B is not BCD (expected tens in the low nibble, units in the high nibble,"
            + " each 0-9) at offset 38",
        38);
    b = vector("msg1.1-called-number-received");
    b[39] = 0x42; // hour 24
    rejects(b, "time.hour: 24 (expected 0..23) at offset 39", 39);
    b = vector("msg06-intrusion");
    b[11] = 0x00; // day 0
    rejects(b, "time.day: 0 (expected 1..31) at offset 11", 11);
  }

  @Test
  void textMayNotContinueAfterItsFiller() {
    byte[] b = vector("msg10-trunk-group-name");
    b[40] = 0x41;
    rejects(b, "name: byte 0x41 after the 0xFF filler (expected 0xFF) at offset 40", 40);
  }

  @Test
  void kslTableRecordsAreContiguousAndEndWithFf() {
    byte[] b = vector("msg04-ksl-group-table");
    b[10 + 4 * 3] = 0x05; // record 4 used after unused record 3
    rejects(
        b,
        "entries[3]: a used record after an unused (all 0xFF) one (expected used records first) at"
            + " offset 22",
        22);
    b = vector("msg04-ksl-group-table");
    b[54] = 0x00;
    rejects(b, "entries.end: byte 0x00 (expected filler 0xFF) at offset 54", 54);
  }

  @Test
  void serviceListCountAndEntries() {
    byte[] b = vector("msg05-service-list");
    b[21] = 12;
    rejects(b, "services.count: 12 services (expected 0..11) at offset 21", 21);
    b = vector("msg05-service-list");
    b[22] = 0x00; // first entry must be FF FF code
    rejects(b, "services[0]: byte 0x00 (expected filler 0xFF) at offset 22", 22);
    b = vector("msg05-service-list");
    b[30] = 0x20; // entry 2 (unused) must be FF FF FF
    rejects(b, "services[2]: byte 0x20 (expected filler 0xFF) at offset 30", 30);
  }

  @Test
  void codesOutsideTheKnownFamiliesCannotBeDelimited() {
    rejects(
        hex("CC 01 7A 00 00 00 00 00 00 00"),
        "code: unknown code 0x7A outside 0x00..0x5F: the frame size is unknown at offset 2",
        2);
  }

  @Test
  void unknownCodesCanBeRejected() {
    SormCodec strict = SormCodec.DEFAULT.withUnknownCodesRejected(true);
    assertThat(strict.rejectsUnknownCodes()).isTrue();
    assertThatThrownBy(() -> strict.decode(vector("unknown-0x30")))
        .isInstanceOf(SormDecodeException.class)
        .hasMessage("code: unknown code 0x30 (unknown codes are rejected) at offset 2");
    assertThat(strict.decode(vector("cmd01-start"))).isInstanceOf(SormCommand.Start.class);
  }

  @Test
  void decodesFromTheMiddleOfABuffer() {
    byte[] v = vector("cmd14-channel-test");
    byte[] buf = new byte[v.length + 5];
    System.arraycopy(v, 0, buf, 3, v.length);
    assertThat(SormCodec.DEFAULT.decode(buf, 3, v.length))
        .isEqualTo(new SormCommand.ChannelTest(1, "123456", 7));
  }

  @Test
  void encodesIntoABufferAtAnOffset() {
    byte[] buf = new byte[40];
    int n = SormCodec.DEFAULT.encode(new SormCommand.ChannelTest(1, "123456", 7), buf, 5);
    assertThat(n).isEqualTo(11);
    assertThat(Bytes.copyOf(buf, 5, n).hex()).isEqualTo("CC010E0131323334353607");
    assertThatThrownBy(
            () -> SormCodec.DEFAULT.encode(new SormCommand.ChannelTest(1, "123456", 7), buf, 35))
        .isInstanceOf(IndexOutOfBoundsException.class);
  }

  @Test
  void codecOptionsAreReported() {
    SormCodec c = SormCodec.DEFAULT.withDigitZero(DigitZero.A).withAbsentDigitCount(0xFF);
    assertThat(c.digitZero()).isEqualTo(DigitZero.A);
    assertThat(c.absentDigitCount()).isEqualTo(0xFF);
    assertThat(SormCodec.DEFAULT.rejectsUnknownCodes()).isFalse();
  }
}
