package io.ecss.sorm;

import static io.ecss.sorm.SormCommand.*;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The golden vectors under {@code src/test/resources/vectors/sorm/}: commented hex files, each
 * paired here with the message it must decode to and encode from.
 */
final class Vectors {
  static final String PW = "123456";
  static final PhoneNumber N7 = PhoneNumber.of(NumberIndicator.NODE_SUBSCRIBER, "2345678");
  static final PhoneNumber N10 = PhoneNumber.of(NumberIndicator.RUSSIAN_PSTN, "4951234567");
  static final CallEvent CALL =
      new CallEvent(
          0x0102,
          ObjectType.NODE_SUBSCRIBER,
          5,
          SelectionFlag.A_FULL_COMBINED,
          CallParameters.OUTGOING,
          ServicePhase.CALL,
          N7,
          N10,
          0xFFFF,
          Ksl.of(0x01),
          Ksl.NONE,
          new EventTime(15, 14, 30, 5),
          Priority.NORMAL,
          0xFFFFFF,
          0xFF);

  private Vectors() {}

  /** Every vector name → the message it holds, in file order (commands, КПД1, КПД2, unknown). */
  static Map<String, SormMessage> all() {
    Map<String, SormMessage> m = new LinkedHashMap<>();
    m.put("cmd01-start", new Start(1, PW));
    m.put("cmd02-stop", new Stop(1, PW));
    m.put("cmd03-set-password", new SetPassword(1, PW, "654321"));
    m.put(
        "cmd04-assign-ksl-group",
        new AssignKslGroup(1, PW, 2, KslGroupType.SEPARATE, new Ksl(1, 5), new Ksl(1, 6)));
    m.put(
        "cmd05-add-object",
        new AddObject(
            1, PW, 5, ObjectType.NODE_SUBSCRIBER, N7, 0xFFFF, ControlCategory.FULL_COMBINED, 1,
            Priority.NORMAL));
    m.put(
        "cmd05-add-object-pstn",
        new AddObject(
            1, PW, 6, ObjectType.NETWORK_SUBSCRIBER, N10, 0xFFFF, ControlCategory.FULL_SEPARATE, 2,
            Priority.PRIORITY));
    m.put(
        "cmd06-remove-object", new RemoveObject(1, PW, 5, ObjectType.NODE_SUBSCRIBER, N7, 0xFFFF));
    m.put("cmd07-connect-ksl", new ConnectKsl(1, PW, 0x0102, ObjectType.NODE_SUBSCRIBER, 5, 1));
    m.put(
        "cmd08-release-ksl",
        new ReleaseKsl(1, PW, 0x0102, ObjectType.NODE_SUBSCRIBER, 5, new Ksl(0, 1), Ksl.NONE));
    m.put("cmd09-remove-ksl-from-group", new RemoveKslFromGroup(1, PW, 2, new Ksl(1, 5), new Ksl(1, 6)));
    m.put(
        "cmd10-object-table-request",
        new ObjectTableRequest(1, PW, 6, ObjectType.NETWORK_SUBSCRIBER, N10, 0xFFFF));
    m.put(
        "cmd11-ksl-group-table-request",
        new KslGroupTableRequest(1, PW, 2, KslGroupType.SEPARATE, new Ksl(1, 5), new Ksl(1, 6)));
    m.put("cmd12-service-list-request", new ServiceListRequest(1, PW, N10));
    m.put("cmd13-abort-table-output", new AbortTableOutput(1, PW));
    m.put("cmd14-channel-test", new ChannelTest(1, PW, 7));
    m.put(
        "cmd15-change-object",
        new ChangeObject(1, PW, 5, ControlCategory.FULL_SEPARATE, 2, Priority.PRIORITY));
    m.put("cmd16-trunk-group-name-request", new TrunkGroupNameRequest(1, PW, 0x0123));
    m.put("cmd17-software-version-request", new SoftwareVersionRequest(1, PW));
    m.put(
        "msg01-failure",
        new Kpd1Message.Failure(1, 1, 1, FailureType.OPERATOR_ACTION_NEEDED, FailureCode.E1_LOS));
    m.put("msg02-restart", new Kpd1Message.Restart(1, 1, 1));
    m.put(
        "msg03-object-record",
        new Kpd1Message.ObjectRecord(
            1, 2, 1, 5, ObjectType.NODE_SUBSCRIBER, N7, 0xFFFF, ControlCategory.FULL_COMBINED, 1,
            Priority.NORMAL, LineState.OK));
    m.put(
        "msg04-ksl-group-table",
        new Kpd1Message.KslGroupTable(
            1,
            1,
            1,
            List.of(
                new KslGroupEntry(1, KslGroupType.COMBINED, new Ksl(0, 1), Ksl.NONE),
                new KslGroupEntry(2, KslGroupType.SEPARATE, new Ksl(1, 5), new Ksl(1, 6)))));
    m.put(
        "msg05-service-list",
        new Kpd1Message.ServiceList(1, 1, 1, N7, List.of(ServiceCode.CFU, ServiceCode.CFB)));
    m.put(
        "msg06-intrusion",
        new Kpd1Message.Intrusion(
            1, 1, 1, IntrusionType.WRONG_PASSWORD, new EventTime(15, 14, 30, 5), "bad password"));
    m.put("msg07-receipt", new Kpd1Message.Receipt(1, 0, 0, 5, StatusCode.OK));
    m.put("msg08-execution", new Kpd1Message.Execution(1, 0, 0, 5, StatusCode.OBJECT_ALREADY_SET));
    m.put("msg09-test-reply", new Kpd1Message.TestReply(1, 0, 0, 7, 1, 1));
    m.put("msg10-trunk-group-name", new Kpd1Message.TrunkGroupName(1, 1, 1, 0x0123, "SPB-TRUNK"));
    m.put(
        "msg11-software-version",
        new Kpd1Message.SoftwareVersion(1, 1, 1, "ECSS-10 3.14.14", NodeType.TERMINAL_TRANSIT));
    m.put(
        "msg12-telecom-message",
        new Kpd1Message.TelecomMessage(
            1,
            1,
            1,
            5,
            ObjectType.NETWORK_SUBSCRIBER,
            PhoneNumber.of(NumberIndicator.RUSSIAN_PSTN, "79012345678"),
            1,
            0,
            new EventTime(15, 14, 30, 5),
            PhoneNumber.of(NumberIndicator.RUSSIAN_PSTN, "79161234567"),
            PhoneNumber.of(NumberIndicator.MOBILE_ID, "250011234567890"),
            PhoneNumber.NONE,
            Bytes.of("Hello".getBytes(StandardCharsets.US_ASCII))));
    m.put("msg1.1-called-number-received", new Kpd2Message.CalledNumberReceived(1, CALL, KslState.CONNECTED));
    m.put(
        "msg1.2-answer",
        new Kpd2Message.Answer(1, CALL.withTime(new EventTime(15, 14, 30, 12)), KslState.CONNECTED));
    m.put(
        "msg1.3-release",
        new Kpd2Message.Release(
            1, CALL.withTime(new EventTime(15, 14, 35, 40)), ReleaseCause.AFTER_CONVERSATION));
    CallEvent svc =
        new CallEvent(
            0x0102, ObjectType.NODE_SUBSCRIBER, 5, SelectionFlag.A_FULL_COMBINED,
            CallParameters.OUTGOING, ServicePhase.IN_CALL, N7, N10, 0xFFFF, new Ksl(0, 1), Ksl.NONE,
            new EventTime(15, 14, 33, 0), Priority.NORMAL, 0xFFFF42, 0x00);
    m.put("msg1.4-service-used", new Kpd2Message.ServiceUsed(1, svc, KslState.CONNECTED));
    m.put(
        "msg2.1-ksl-connected",
        new Kpd2Message.KslConnected(1, CALL.withTime(new EventTime(15, 14, 30, 6)), KslState.CONNECTED));
    m.put(
        "msg2.2-ksl-released",
        new Kpd2Message.KslReleased(
            1, CALL.withTime(new EventTime(15, 14, 35, 40)), KslReleaseReason.COMMAND_8));
    m.put("msg2.3-test-reply", new Kpd2Message.TestReply(1, 7, 1, 1));
    m.put("unknown-0x30", new UnknownFrame(Bytes.fromHex("CC 01 30 02 00 00 00 00 FF 02 AB CD")));
    m.put(
        "unknown-0x45",
        new UnknownFrame(Bytes.fromHex("CC 02 45 01 FF FF FF FF FF FF FF FF 99")));
    return m;
  }

  /** Reads a vector file: hex pairs, {@code #} comments to the end of a line. */
  static byte[] bytes(String name) {
    String path = "/vectors/sorm/" + name + ".hex";
    try (InputStream in = Vectors.class.getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalArgumentException("no vector " + path);
      }
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      StringBuilder hex = new StringBuilder();
      for (String line : text.split("\n", -1)) {
        int hash = line.indexOf('#');
        hex.append(hash >= 0 ? line.substring(0, hash) : line).append(' ');
      }
      return Bytes.fromHex(hex).toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The "# source:" line of a vector file. */
  static String source(String name) {
    try (InputStream in = Vectors.class.getResourceAsStream("/vectors/sorm/" + name + ".hex")) {
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      for (String line : text.split("\n", -1)) {
        if (line.startsWith("# source: ")) {
          return line.substring(10);
        }
      }
      return "";
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
