package io.ecss.examples.sorm;

import static org.assertj.core.api.Assertions.assertThat;

import io.ecss.examples.Ecss;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class SormCommandTest {

  record Run(int code, String out, String err) {}

  static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Ecss.run(new PrintWriter(out), new PrintWriter(err), args);
    return new Run(code, out.toString(), err.toString());
  }

  /** One frame of every kind (the module's golden vectors), plus the wire variants. */
  static Stream<String> frames() {
    return Stream.of(
        "CC010100313233343536", // cmd01-start
        "CC010200313233343536", // cmd02-stop
        "CC010306313233343536363534333231", // cmd03-set-password
        "CC01040431323334353602112526", // cmd04-assign-ksl-group
        "CC010513313233343536060002040A9415325476FFFFFFFFFFFF110201", // cmd05-add-object-pstn
        "CC0105133132333435360500010107325476F8FFFFFFFFFFFFFF010102", // cmd05-add-object
        "CC0106103132333435360500010107325476F8FFFFFFFFFFFFFF", // cmd06-remove-object
        "CC010706313233343536020101050001", // cmd07-connect-ksl
        "CC010807313233343536020101050001FF", // cmd08-release-ksl
        "CC010903313233343536022526", // cmd09-remove-ksl-from-group
        "CC010A10313233343536060002040A9415325476FFFFFFFFFFFF", // cmd10-object-table-request
        "CC010B0431323334353602112526", // cmd11-ksl-group-table-request
        "CC010C0B313233343536040A9415325476FFFFFFFF", // cmd12-service-list-request
        "CC010D00313233343536", // cmd13-abort-table-output
        "CC010E0131323334353607", // cmd14-channel-test
        "CC010F053132333435360500110201", // cmd15-change-object
        "CC0110023132333435362301", // cmd16-trunk-group-name-request
        "CC011100313233343536", // cmd17-software-version-request
        "CC01210201000100FF020201", // msg01-failure
        "CC01220001000100FF02", // msg02-restart
        "CC01231402000100FF020500010107325476F8FFFFFFFFFFFFFF01010200", // msg03-object-record
        "CC01242D01000100FF02010101FF02112526FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF"
            + "FFFFFFFFFFFFFFFFFFFFFFFFFFFFFF", // msg04-ksl-group-table
        "CC01252D01000100FF020107325476F8FFFFFFFFFF02FFFF21FFFF29FFFFFFFFFFFFFFFFFFFFFFFF"
            + "FFFFFFFFFFFFFFFFFFFFFFFFFFFFFF", // msg05-service-list
        "CC01262D01000100FF0202514103506261642070617373776F7264FFFFFFFFFFFFFFFFFFFFFFFFFF"
            + "FFFFFFFFFFFFFFFFFFFFFFFFFFFFFF", // msg06-intrusion
        "CC01270200000000FF020500", // msg07-receipt
        "CC01280200000000FF020533", // msg08-execution
        "CC01290300000000FF02070101", // msg09-test-reply
        "CC01412402010105000111000107325476F8FFFFFFFFFF040A9415325476FFFFFFFFFFFF01FF5141"
            + "03500200FFFFFFFF", // msg1.1-called-number-received
        "CC01422402010105000111000107325476F8FFFFFFFFFF040A9415325476FFFFFFFFFFFF01FF5141"
            + "03210200FFFFFFFF", // msg1.2-answer
        "CC01432402010105000111000107325476F8FFFFFFFFFF040A9415325476FFFFFFFFFFFF01FF5141"
            + "53040205FFFFFFFF", // msg1.3-release
        "CC01442402010105000111050107325476F8FFFFFFFFFF040A9415325476FFFFFFFFFFFF01FF5141"
            + "33000200FFFF4200", // msg1.4-service-used
        "CC012A2D01000100FF0223015350422D5452554E4BFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF"
            + "FFFFFFFFFFFFFFFFFFFFFFFFFFFFFF", // msg10-trunk-group-name
        "CC012B2D01000100FF02454353532D313020332E31342E3134FFFFFFFFFFFFFFFFFFFFFFFFFFFFFF"
            + "FFFFFFFFFFFFFFFFFFFFFFFFFFFF03", // msg11-software-version
        "CC012C3A01000100FF02050002040B9710325476F8FFFFFF010051410350040B9761214365F7FFFF"
            + "FF070F52001132547698F0FFFF00FFFFFFFFFFFFFFFFFF48656C6C6F", // msg12-telecom-message
        "CC01512402010105000111000107325476F8FFFFFFFFFF040A9415325476FFFFFFFFFFFF01FF5141"
            + "03600200FFFFFFFF", // msg2.1-ksl-connected
        "CC01522402010105000111000107325476F8FFFFFFFFFF040A9415325476FFFFFFFFFFFF01FF5141"
            + "53040201FFFFFFFF", // msg2.2-ksl-released
        "CC015303FFFFFFFFFFFFFFFF070101", // msg2.3-test-reply
        "CC01300200000000FF02ABCD", // unknown-0x30
        "CC024501FFFFFFFFFFFFFFFF99", // unknown-0x45
        "CC010C0B313233343536040AA415325476FFFFFFFF", // digit 0 sent as A (4A51234567 -> 4051234567)
        "CC010C0B313233343536FFFFFFFFFFFFFFFFFFFFFF", // no number with count FF
        "CC010C0B313233343536040AA415325476FFFFFFFF" + "CC010C0B313233343536FFFFFFFFFFFFFFFFFFFFFF");
  }

  @ParameterizedTest
  @MethodSource("frames")
  void decodeJsonThenEncodeJsonGivesBackTheBytes(String hex, @TempDir Path dir) throws Exception {
    Run decoded = run("sorm", "decode", "--json", hex);
    assertThat(decoded.err()).isEmpty();
    assertThat(decoded.code()).isZero();
    Path json = dir.resolve("frames.json");
    Files.writeString(json, decoded.out());
    Run encoded = run("sorm", "encode", "--json", json.toString());
    assertThat(encoded.err()).isEmpty();
    assertThat(encoded.code()).isZero();
    assertThat(encoded.out().replace("\n", "")).isEqualTo(hex);
  }

  @Test
  void decodeJsonWarnsAboutAFrameMixingZeroStyles() {
    Run r = run("sorm", "decode", "--json", "CC010C0B3132333435360404A405FFFFFFFFFFFFFF");
    assertThat(r.code()).isZero();
    assertThat(r.out()).contains("\"digits\" : \"4050\"");
    assertThat(r.err())
        .isEqualTo(
            "ecss sorm decode: warning: the frame at offset 0 writes digit 0 both as 0 and as A;"
                + " encode will write it as 0\n");
  }

  @Test
  void decodePrintsAFieldDump() {
    Run r = run("sorm", "decode", "CC 01 27 02 00 00 00 00 FF 02 05 33");
    assertThat(r.code()).isZero();
    assertThat(r.out())
        .isEqualTo(
            """
            frame at offset 0, 12 bytes: message 7 (command receipt)
              hex: CC 01 27 02 00 00 00 00 FF 02 05 33
              sormNumber: 1
              messageCount: 0
              messageNumber: 0
              commandCode: 5
              status: OBJECT_ALREADY_SET(0x33) object already set
            """);
  }

  @Test
  void decodeSplitsSeveralFramesInOneString() {
    Run r = run("sorm", "decode", "CC010100313233343536CC010E0131323334353607");
    assertThat(r.code()).isZero();
    assertThat(r.out())
        .contains("frame at offset 0, 10 bytes: command 1 (start SORM)")
        .contains("frame at offset 10, 11 bytes: command 14 (data channel test)")
        .contains("  testNumber: 7");
  }

  @Test
  void decodeJsonHasCodeNameAndNumbers() throws Exception {
    Run r = run("sorm", "decode", "--json", "CC010C0B313233343536040A9415325476FFFFFFFF");
    var node = SormJson.MAPPER.readTree(r.out());
    assertThat(node.isArray()).isTrue();
    assertThat(node.get(0).get("code").intValue()).isEqualTo(12);
    assertThat(node.get(0).get("name").textValue()).isEqualTo("SERVICE_LIST_REQUEST");
    assertThat(node.get(0).get("number").get("indicator").textValue()).isEqualTo("RUSSIAN_PSTN");
    assertThat(node.get(0).get("number").get("digits").textValue()).isEqualTo("4951234567");
    assertThat(node.get(0).get("password").textValue()).isEqualTo("123456");
  }

  @Test
  void decodeReadsRawBytesFromAFile(@TempDir Path dir) throws Exception {
    Path f = dir.resolve("frames.bin");
    Files.write(f, io.ecss.sorm.Bytes.fromHex("CC010100313233343536").toByteArray());
    Run r = run("sorm", "decode", "--file", f.toString());
    assertThat(r.code()).isZero();
    assertThat(r.out()).startsWith("frame at offset 0, 10 bytes: command 1 (start SORM)");
  }

  @Test
  void decodeErrorsNameTheOffset() {
    Run truncated = run("sorm", "decode", "CC 01 0E 01 31 32 33");
    assertThat(truncated.code()).isEqualTo(1);
    assertThat(truncated.err())
        .isEqualTo("ecss sorm decode: length: stream ended inside a frame: 7 of 11 bytes at offset 7\n");
    Run stray = run("sorm", "decode", "CC010100313233343536 00");
    assertThat(stray.code()).isEqualTo(1);
    assertThat(stray.err())
        .isEqualTo("ecss sorm decode: preamble: byte 0x00 (expected 0xCC) at offset 10\n");
    Run badHex = run("sorm", "decode", "CC 0G");
    assertThat(badHex.code()).isEqualTo(1);
    assertThat(badHex.err())
        .isEqualTo(
            "ecss sorm decode: hex: unexpected character 'G' at index 4 (expected 0-9, A-F) in the"
                + " HEX arguments\n");
  }

  @Test
  void decodeResyncReportsDroppedBytes() {
    Run r = run("sorm", "decode", "--resync", "00 11 CC010100313233343536");
    assertThat(r.code()).isZero();
    assertThat(r.err())
        .isEqualTo(
            "ecss sorm decode: dropped 2 byte(s) at offset 0: preamble: byte 0x00 (expected 0xCC)"
                + " at offset 0\n");
    assertThat(r.out()).startsWith("frame at offset 2, 10 bytes: command 1 (start SORM)");
  }

  @Test
  void decodeUsageErrors() {
    assertThat(run("sorm", "decode").code()).isEqualTo(2);
    Run encode = run("sorm", "encode");
    assertThat(encode.code()).isEqualTo(2);
    assertThat(encode.err()).startsWith("Missing required option: '--json=FILE'");
    Run unknown = run("sorm", "encode", "--no-such-option");
    assertThat(unknown.code()).isEqualTo(2);
    assertThat(unknown.err()).contains("--no-such-option");
    assertThat(run("sorm", "decode", "--file", "x", "CC").code()).isEqualTo(2);
  }

  @Test
  void encodeRejectsBadJsonWithItsLocation(@TempDir Path dir) throws Exception {
    Path f = dir.resolve("bad.json");
    Files.writeString(f, "{\"code\": 1,\n \"sormNumber\": }");
    Run r = run("sorm", "encode", "--json", f.toString());
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err()).startsWith("ecss sorm encode: " + f + ": not valid JSON at line 2, column");
  }

  @Test
  void encodeRejectsUnrepresentableValuesNamingTheField(@TempDir Path dir) throws Exception {
    Path f = dir.resolve("cmd5.json");
    Files.writeString(
        f,
        "[{\"code\":14,\"sormNumber\":1,\"password\":\"123456\",\"testNumber\":7},"
            + "{\"code\":5,\"sormNumber\":1,\"password\":\"123456\",\"objectNumber\":70000,"
            + "\"objectType\":\"NODE_SUBSCRIBER\",\"number\":{\"indicator\":\"NODE_SUBSCRIBER\","
            + "\"digits\":\"2345678\"},\"trunkGroup\":65535,\"category\":1,\"kslGroup\":1,"
            + "\"priority\":\"NORMAL\"}]");
    Run r = run("sorm", "encode", "--json", f.toString());
    assertThat(r.code()).isEqualTo(1);
    assertThat(r.err())
        .isEqualTo(
            "ecss sorm encode: " + f + ": frame 2: objectNumber: 70000 (expected 0..65535)\n");
    Files.writeString(
        f, "{\"code\":12,\"sormNumber\":1,\"password\":\"123456\",\"number\":{\"indicator\":4,\"digits\":\"1234567890123456789\"}}");
    r = run("sorm", "encode", "--json", f.toString());
    assertThat(r.err())
        .isEqualTo(
            "ecss sorm encode: "
                + f
                + ": frame 1: digits: \"1234567890123456789\" has 19 digits (expected at most 18)\n");
    Files.writeString(f, "{\"code\":14,\"sormNumber\":1,\"password\":\"123456\"}");
    r = run("sorm", "encode", "--json", f.toString());
    assertThat(r.err())
        .isEqualTo("ecss sorm encode: " + f + ": frame 1: missing field \"testNumber\"\n");
    Files.writeString(f, "{\"code\":14,\"sormNumber\":1,\"password\":\"123456\",\"testNumber\":1,\"x\":1}");
    r = run("sorm", "encode", "--json", f.toString());
    assertThat(r.err()).isEqualTo("ecss sorm encode: " + f + ": frame 1: unknown field \"x\"\n");
  }

  @Test
  void encodeNamesANumberThatIsNoInteger(@TempDir Path dir) throws Exception {
    Path f = dir.resolve("bad.json");
    for (String v : new String[] {"1.5", "1e3", "4294967296"}) {
      Files.writeString(f, "{\"code\":14,\"sormNumber\":" + v + ",\"password\":\"123456\",\"testNumber\":1}");
      Run r = run("sorm", "encode", "--json", f.toString());
      assertThat(r.code()).isEqualTo(1);
      assertThat(r.err()).isEqualTo("ecss sorm encode: " + f + ": frame 1: sormNumber: "
          + new com.fasterxml.jackson.databind.ObjectMapper().readTree(v).asText() + " is not an integer in the 32-bit range\n");
    }
  }

  @Test
  void encodeAcceptsHandWrittenJsonWithCodesOrNames(@TempDir Path dir) throws Exception {
    Path f = dir.resolve("cmd.json");
    Files.writeString(
        f,
        "{\"code\":\"0x05\",\"sormNumber\":1,\"password\":\"123456\",\"objectNumber\":5,"
            + "\"objectType\":1,\"number\":{\"indicator\":\"node_subscriber\",\"digits\":\"2345678\"},"
            + "\"trunkGroup\":\"0xFFFF\",\"category\":\"FULL_COMBINED\",\"kslGroup\":1,\"priority\":2}");
    Run r = run("sorm", "encode", "--json", f.toString());
    assertThat(r.err()).isEmpty();
    assertThat(r.out()).isEqualTo("CC0105133132333435360500010107325476F8FFFFFFFFFFFFFF010102\n");
  }

  @Test
  void codesListsStandardAndVendorCodesInBothLanguages() {
    Run r = run("sorm", "codes");
    assertThat(r.code()).isZero();
    assertThat(r.out())
        .contains("0x00  OK ")
        .contains("0x33  OBJECT_ALREADY_SET              object already set")
        .contains("объект уже задан")
        .contains("0x73  KSL_ALLOCATION_ERROR")
        .contains("-- vendor (Eltex) codes");
    Run json = run("sorm", "codes", "--json");
    assertThat(json.out()).contains("\"code\" : 51").contains("\"ru\" : \"объект уже задан\"");
  }

  @Test
  void demoSectionEncodesAndDecodesCommandFive() {
    StringWriter w = new StringWriter();
    new SormDemo().run(new PrintWriter(w));
    assertThat(w.toString())
        .contains("CC 01 05 13 31 32 33 34 35 36 05 00 01 01 07 32 54 76 F8 FF FF FF FF FF FF FF 01 01 02")
        .contains("Round trip equal: true")
        .contains("04 0A 94 A5 AA A1 A2 FF FF FF FF");
    assertThat(new SormDemo().module()).isEqualTo("ecss-sorm-codec");
  }
}
