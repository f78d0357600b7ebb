package io.ecss.sorm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.channels.Channels;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class ValueTypesTest {

  @Test
  void openEnumsKeepUnknownCodes() {
    ObjectType unknown = ObjectType.of(0x07);
    assertThat(unknown.isKnown()).isFalse();
    assertThat(unknown.name()).isEqualTo("0x07");
    assertThat(unknown).hasToString("0x07(0x07)").isEqualTo(new ObjectType(7));
    assertThat(unknown.description()).isEqualTo("unknown");
    assertThat(unknown.description(Locale.forLanguageTag("ru"))).isEqualTo("неизвестный код");
    assertThat(ObjectType.of(0x12)).isSameAs(ObjectType.NETWORK_SUBSCRIBER_PREFIX);
    assertThat(ObjectType.NODE_SUBSCRIBER).hasToString("NODE_SUBSCRIBER(0x01)");
    assertThat(ObjectType.parse("trunk_group")).isSameAs(ObjectType.TRUNK_GROUP);
    assertThat(ObjectType.parse("0x12")).isSameAs(ObjectType.NETWORK_SUBSCRIBER_PREFIX);
    assertThat(ObjectType.parse("7")).isEqualTo(unknown);
    assertThatThrownBy(() -> ObjectType.parse("bogus"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("ObjectType: unknown name or code \"bogus\" (expected a constant name or 0..255)");
    assertThatThrownBy(() -> ObjectType.of(256))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("ObjectType: 256 (expected 0..255)");
  }

  @Test
  void statusCodeTableHasStandardAndVendorCodesInTwoLanguages() {
    List<StatusCode> all = StatusCode.known();
    assertThat(all).first().isEqualTo(StatusCode.OK);
    assertThat(all).extracting(StatusCode::code).isSorted();
    assertThat(all.stream().filter(StatusCode::isVendor)).hasSize(all.size() - 6);
    assertThat(StatusCode.OBJECT_ALREADY_SET.description(Locale.forLanguageTag("ru")))
        .isEqualTo("объект уже задан");
    assertThat(StatusCode.OBJECT_ALREADY_SET.description()).isEqualTo("object already set");
    assertThat(StatusCode.of(0x73)).isSameAs(StatusCode.KSL_ALLOCATION_ERROR);
    assertThat(StatusCode.OK.isSuccess()).isTrue();
    assertThat(StatusCode.of(0x2D).isSuccess()).isFalse();
    for (StatusCode c : all) {
      assertThat(c.description(Locale.forLanguageTag("ru"))).isNotBlank();
      assertThat(c.description(Locale.ENGLISH)).isNotBlank();
    }
  }

  @Test
  void bytesHaveValueEqualityAndHex() {
    Bytes b = Bytes.fromHex("cc 01:0e-01\n07");
    assertThat(b).isEqualTo(Bytes.of(new byte[] {(byte) 0xCC, 1, 14, 1, 7})).hasToString("CC 01 0E 01 07");
    assertThat(b.hashCode()).isEqualTo(Bytes.of(new byte[] {(byte) 0xCC, 1, 14, 1, 7}).hashCode());
    assertThat(b.hex()).isEqualTo("CC010E0107");
    assertThat(b.length()).isEqualTo(5);
    assertThat(b.get(0)).isEqualTo(0xCC);
    assertThat(b.isEmpty()).isFalse();
    assertThat(Bytes.fromHex(" ")).isSameAs(Bytes.empty());
    byte[] arr = b.toByteArray();
    arr[0] = 0;
    assertThat(b.get(0)).isEqualTo(0xCC);
    assertThatThrownBy(() -> Bytes.fromHex("CC 0"))
        .hasMessage("hex: odd number of hex digits, the last one at index 3");
    assertThatThrownBy(() -> Bytes.fromHex("CC 0G"))
        .hasMessage("hex: unexpected character 'G' at index 4 (expected 0-9, A-F)");
    assertThatThrownBy(() -> Bytes.fromHex("C C"))
        .hasMessage("hex: separator inside a byte at index 1 (expected two hex digits per byte)");
  }

  @Test
  void kslPacksStreamAndLine() {
    assertThat(Ksl.of(0x25)).isEqualTo(new Ksl(1, 5)).hasToString("1/5");
    assertThat(new Ksl(1, 6).code()).isEqualTo(0x26);
    assertThat(Ksl.of(0xFF)).isSameAs(Ksl.NONE).hasToString("none");
    assertThat(Ksl.NONE.isNone()).isTrue();
    assertThatThrownBy(() -> new Ksl(8, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("ksl.stream: 8 (expected 0..7)");
    assertThatThrownBy(() -> new Ksl(0, 32)).hasMessage("ksl.line: 32 (expected 0..31)");
  }

  @Test
  void selectionFlagAndCallParametersReadTheirBits() {
    SelectionFlag f =
        SelectionFlag.of(
            MatchKind.FULL_COMBINED, MatchKind.FULL_SEPARATE, MatchKind.STATISTICAL, MatchKind.NONE);
    assertThat(f.code()).isEqualTo(0x01 | 0x0C | 0x20);
    assertThat(f.a()).isEqualTo(MatchKind.FULL_COMBINED);
    assertThat(f.b()).isEqualTo(MatchKind.FULL_SEPARATE);
    assertThat(f.trunk()).isEqualTo(MatchKind.STATISTICAL);
    assertThat(f.service()).isEqualTo(MatchKind.NONE);
    assertThat(f).hasToString("0x2D(a=FULL_COMBINED,b=FULL_SEPARATE,trunk=STATISTICAL)");
    assertThat(CallParameters.OUTGOING).hasToString("0x11(automatic,outgoing)");
    assertThat(new CallParameters(0x2C)).hasToString("0x2C(semi-automatic,intra-station)");
    assertThat(new CallParameters(0x38)).hasToString("0x38(establishment 3,long-distance transit)");
    assertThat(new CallParameters(0x14).direction()).isEqualTo(4);
    assertThat(new CallParameters(0x12).establishment()).isEqualTo(1);
    assertThat(CallParameters.of(0x11)).isEqualTo(CallParameters.OUTGOING).isSameAs(CallParameters.of(0x11));
    assertThat(SelectionFlag.of(0x2D)).isEqualTo(f).isSameAs(SelectionFlag.of(0x2D));
    assertThatThrownBy(() -> SelectionFlag.of(256)).hasMessage("selection: 256 (expected 0..255)");
  }

  @Test
  void eventTimeValidatesAndFormats() {
    EventTime t = EventTime.of(LocalDateTime.of(2026, 11, 15, 14, 30, 5));
    assertThat(t).isEqualTo(new EventTime(15, 14, 30, 5)).hasToString("15 14:30:05");
    assertThatThrownBy(() -> new EventTime(32, 0, 0, 0)).hasMessage("time.day: 32 (expected 1..31)");
    assertThatThrownBy(() -> new EventTime(1, 0, 60, 0))
        .hasMessage("time.minute: 60 (expected 0..59)");
  }

  @Test
  void recordsRejectUnrepresentableValuesNamingTheField() {
    assertThatThrownBy(
            () ->
                new SormCommand.AddObject(
                    1, "123456", 65536, ObjectType.NODE_SUBSCRIBER, PhoneNumber.NONE, 0xFFFF,
                    ControlCategory.FULL_COMBINED, 1, Priority.NORMAL))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("objectNumber: 65536 (expected 0..65535)");
    assertThatThrownBy(() -> new SormCommand.Start(1, "12345"))
        .hasMessage("password: \"12345\" has 5 characters (expected exactly 6)");
    assertThatThrownBy(() -> new SormCommand.Start(1, "12345\u0400"))
        .hasMessage("password: character 5 is not a single-byte character (expected U+0000..U+00FF)");
    assertThatThrownBy(() -> new SormCommand.Start(256, "123456"))
        .hasMessage("sormNumber: 256 (expected 0..255)");
    assertThatThrownBy(() -> new Kpd1Message.TrunkGroupName(1, 1, 1, 1, "x".repeat(44)))
        .hasMessage("name: 44 characters (expected at most 43)");
    assertThatThrownBy(() -> new Kpd1Message.TrunkGroupName(1, 1, 1, 1, "a\u00FF"))
        .hasMessage("name: character 1 is U+00FF (expected U+0000..U+00FE; 0xFF is the filler)");
    assertThatThrownBy(
            () -> new Kpd1Message.ServiceList(1, 1, 1, PhoneNumber.NONE, java.util.Collections.nCopies(12, ServiceCode.CFU)))
        .hasMessage("services: 12 services (expected at most 11)");
    assertThatThrownBy(
            () -> new KslGroupEntry(0xFF, KslGroupType.NONE, Ksl.NONE, Ksl.NONE))
        .hasMessageStartingWith("entry: all fields 0xFF");
    assertThatThrownBy(() -> Vectors.CALL.withKsl(Ksl.NONE, Ksl.NONE).withTime(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("time");
  }

  @Test
  void unknownFrameValidatesItsBytes() {
    assertThat(new UnknownFrame(Bytes.fromHex("CC 07 30 00 00 00 00 00 FF 02")).sormNumber())
        .isEqualTo(7);
    assertThatThrownBy(() -> new UnknownFrame(Bytes.fromHex("CC 01 01 00 31 32 33 34 35 36")))
        .hasMessage("raw: code 0x01 is a known frame type (use its record)");
    assertThatThrownBy(() -> new UnknownFrame(Bytes.fromHex("CC 01 30 01 00 00 00 00 FF 02")))
        .hasMessage("raw: 10 bytes, but the header says 11 (header 10 + length byte 1)");
    assertThatThrownBy(() -> new UnknownFrame(Bytes.fromHex("CC 01 70 00")))
        .hasMessage("raw: code 0x70 (expected 0x00..0x5F to know the header size)");
    assertThatThrownBy(() -> new UnknownFrame(Bytes.fromHex("CD 01 30")))
        .hasMessageStartingWith("raw: CD 01 30 (expected a frame starting with 0xCC");
  }

  @Test
  void frameTypesDescribeThemselves() {
    assertThat(SormFrameType.forCode(0x05)).contains(SormFrameType.ADD_OBJECT);
    assertThat(SormFrameType.forCode(0x30)).isEmpty();
    assertThat(SormFrameType.forCode(-1)).isEmpty();
    assertThat(SormFrameType.ADD_OBJECT).hasToString("command 5 (put an object on control)");
    assertThat(SormFrameType.CALLED_NUMBER_RECEIVED.number()).isEqualTo("1.1");
    assertThat(SormFrameType.CALLED_NUMBER_RECEIVED.headerLength()).isEqualTo(12);
    assertThat(SormFrameType.TELECOM_MESSAGE.fixedLength()).isFalse();
    assertThat(SormFrameType.TELECOM_MESSAGE.bodyLength()).isEqualTo(53);
    assertThat(SormFrameType.RECEIPT.channel()).isEqualTo(SormFrameType.Channel.KPD1);
    assertThat(SormFrameType.RECEIPT.russian()).isEqualTo("Подтверждение приёма команды");
    assertThat(SormFrameType.RECEIPT.english()).isEqualTo("command receipt");
  }

  @Test
  void sormNiMapsToIndicators() {
    assertThat(SormNi.parse("private").indicator()).isEqualTo(NumberIndicator.NODE_SUBSCRIBER);
    assertThat(SormNi.parse("local").indicator()).isEqualTo(NumberIndicator.RUSSIAN_PSTN);
    assertThat(SormNi.parse("zone").indicator()).isEqualTo(NumberIndicator.RUSSIAN_PSTN);
    assertThat(SormNi.parse(" Intercity ").indicator()).isEqualTo(NumberIndicator.RUSSIAN_PSTN);
    assertThat(SormNi.parse("international").indicator()).isEqualTo(NumberIndicator.INTERNATIONAL);
    assertThat(SormNi.parse("emergency").indicator()).isEqualTo(NumberIndicator.EMERGENCY);
    assertThat(SormNi.INTERCITY.value()).isEqualTo("intercity");
    assertThatThrownBy(() -> SormNi.parse("mobile"))
        .hasMessage(
            "sorm_ni: \"mobile\" (expected private, local, zone, intercity, international or"
                + " emergency)");
  }

  @Test
  void writerWritesOneFramePerCall() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (SormFrameWriter w = SormFrameWriter.of(out, SormCodec.DEFAULT)) {
      w.write(Vectors.all().get("cmd01-start"));
      w.write(Vectors.all().get("msg1.1-called-number-received"));
      assertThat(w.framesWritten()).isEqualTo(2);
    }
    assertThat(Bytes.of(out.toByteArray()))
        .isEqualTo(
            Bytes.fromHex(
                Bytes.of(Vectors.bytes("cmd01-start"))
                    + " "
                    + Bytes.of(Vectors.bytes("msg1.1-called-number-received"))));
    ByteArrayOutputStream viaChannel = new ByteArrayOutputStream();
    try (SormFrameWriter w =
        SormFrameWriter.of(Channels.newChannel(viaChannel), SormCodec.DEFAULT)) {
      w.write(Vectors.all().get("msg2.3-test-reply"));
    }
    assertThat(viaChannel.toByteArray()).isEqualTo(Vectors.bytes("msg2.3-test-reply"));
  }
}
