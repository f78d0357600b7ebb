package io.ecss.sorm;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** Seeded generators of valid messages, one per frame type; unknown enum codes included. */
final class Gen {
  private final SplittableRandom r;

  Gen(long seed) {
    this.r = new SplittableRandom(seed);
  }

  int u8() {
    return r.nextInt(256);
  }

  int u16() {
    // favour the edges, where LE and sign bugs live
    return switch (r.nextInt(6)) {
      case 0 -> 0;
      case 1 -> 0xFFFF;
      case 2 -> 0xFF;
      case 3 -> 0x100;
      default -> r.nextInt(0x10000);
    };
  }

  String digits(int n) {
    StringBuilder sb = new StringBuilder(n);
    for (int i = 0; i < n; i++) {
      sb.append((char) ('0' + r.nextInt(10)));
    }
    return sb.toString();
  }

  PhoneNumber number() {
    return switch (r.nextInt(8)) {
      case 0 -> PhoneNumber.NONE;
      case 1 -> PhoneNumber.of(NumberIndicator.of(u8()), "");
      case 2 -> PhoneNumber.of(NumberIndicator.of(u8()), digits(18));
      default -> PhoneNumber.of(NumberIndicator.of(u8()), digits(1 + r.nextInt(18)));
    };
  }

  String latin1(int max, boolean allowFf) {
    int n = r.nextInt(max + 1);
    StringBuilder sb = new StringBuilder(n);
    for (int i = 0; i < n; i++) {
      sb.append((char) r.nextInt(allowFf ? 256 : 255));
    }
    return sb.toString();
  }

  String password() {
    StringBuilder sb = new StringBuilder(6);
    for (int i = 0; i < 6; i++) {
      sb.append((char) r.nextInt(256));
    }
    return sb.toString();
  }

  Ksl ksl() {
    return Ksl.of(u8());
  }

  EventTime time() {
    return new EventTime(1 + r.nextInt(31), r.nextInt(24), r.nextInt(60), r.nextInt(60));
  }

  CallEvent call() {
    return new CallEvent(
        u16(),
        ObjectType.of(u8()),
        u16(),
        new SelectionFlag(u8()),
        new CallParameters(u8()),
        ServicePhase.of(u8()),
        number(),
        number(),
        u16(),
        ksl(),
        ksl(),
        time(),
        Priority.of(u8()),
        r.nextInt(0x1000000),
        u8());
  }

  /** A random valid message of type {@code t}. */
  SormMessage message(SormFrameType t) {
    int s = u8();
    String pw = password();
    int c = u16();
    int n = u16();
    return switch (t) {
      case START -> new SormCommand.Start(s, pw);
      case STOP -> new SormCommand.Stop(s, pw);
      case SET_PASSWORD -> new SormCommand.SetPassword(s, pw, password());
      case ASSIGN_KSL_GROUP ->
          new SormCommand.AssignKslGroup(s, pw, u8(), KslGroupType.of(u8()), ksl(), ksl());
      case ADD_OBJECT ->
          new SormCommand.AddObject(
              s, pw, u16(), ObjectType.of(u8()), number(), u16(), ControlCategory.of(u8()), u8(),
              Priority.of(u8()));
      case REMOVE_OBJECT ->
          new SormCommand.RemoveObject(s, pw, u16(), ObjectType.of(u8()), number(), u16());
      case CONNECT_KSL -> new SormCommand.ConnectKsl(s, pw, u16(), ObjectType.of(u8()), u16(), u8());
      case RELEASE_KSL ->
          new SormCommand.ReleaseKsl(s, pw, u16(), ObjectType.of(u8()), u16(), ksl(), ksl());
      case REMOVE_KSL_FROM_GROUP -> new SormCommand.RemoveKslFromGroup(s, pw, u8(), ksl(), ksl());
      case OBJECT_TABLE_REQUEST ->
          new SormCommand.ObjectTableRequest(s, pw, u16(), ObjectType.of(u8()), number(), u16());
      case KSL_GROUP_TABLE_REQUEST ->
          new SormCommand.KslGroupTableRequest(s, pw, u8(), KslGroupType.of(u8()), ksl(), ksl());
      case SERVICE_LIST_REQUEST -> new SormCommand.ServiceListRequest(s, pw, number());
      case ABORT_TABLE_OUTPUT -> new SormCommand.AbortTableOutput(s, pw);
      case CHANNEL_TEST -> new SormCommand.ChannelTest(s, pw, u8());
      case CHANGE_OBJECT ->
          new SormCommand.ChangeObject(
              s, pw, u16(), ControlCategory.of(u8()), u8(), Priority.of(u8()));
      case TRUNK_GROUP_NAME_REQUEST -> new SormCommand.TrunkGroupNameRequest(s, pw, u16());
      case SOFTWARE_VERSION_REQUEST -> new SormCommand.SoftwareVersionRequest(s, pw);
      case FAILURE -> new Kpd1Message.Failure(s, c, n, FailureType.of(u8()), FailureCode.of(u8()));
      case RESTART -> new Kpd1Message.Restart(s, c, n);
      case OBJECT_RECORD ->
          new Kpd1Message.ObjectRecord(
              s, c, n, u16(), ObjectType.of(u8()), number(), u16(), ControlCategory.of(u8()), u8(),
              Priority.of(u8()), LineState.of(u8()));
      case KSL_GROUP_TABLE -> new Kpd1Message.KslGroupTable(s, c, n, entries());
      case SERVICE_LIST -> new Kpd1Message.ServiceList(s, c, n, number(), services());
      case INTRUSION ->
          new Kpd1Message.Intrusion(s, c, n, IntrusionType.of(u8()), time(), latin1(40, false));
      case RECEIPT -> new Kpd1Message.Receipt(s, c, n, u8(), StatusCode.of(u8()));
      case EXECUTION -> new Kpd1Message.Execution(s, c, n, u8(), StatusCode.of(u8()));
      case TEST_REPLY -> new Kpd1Message.TestReply(s, c, n, u8(), u8(), u8());
      case TRUNK_GROUP_NAME -> new Kpd1Message.TrunkGroupName(s, c, n, u16(), latin1(43, false));
      case SOFTWARE_VERSION ->
          new Kpd1Message.SoftwareVersion(s, c, n, latin1(44, false), NodeType.of(u8()));
      case TELECOM_MESSAGE ->
          new Kpd1Message.TelecomMessage(
              s, c, n, u16(), ObjectType.of(u8()), number(), u8(), u8(), time(), number(),
              number(), number(), content());
      case CALLED_NUMBER_RECEIVED ->
          new Kpd2Message.CalledNumberReceived(s, call(), KslState.of(u8()));
      case ANSWER -> new Kpd2Message.Answer(s, call(), KslState.of(u8()));
      case RELEASE -> new Kpd2Message.Release(s, call(), ReleaseCause.of(u8()));
      case SERVICE_USED -> new Kpd2Message.ServiceUsed(s, call(), KslState.of(u8()));
      case KSL_CONNECTED -> new Kpd2Message.KslConnected(s, call(), KslState.of(u8()));
      case KSL_RELEASED -> new Kpd2Message.KslReleased(s, call(), KslReleaseReason.of(u8()));
      case KPD2_TEST_REPLY -> new Kpd2Message.TestReply(s, u8(), u8(), u8());
    };
  }

  private Bytes content() {
    byte[] b = new byte[r.nextInt(203)];
    for (int i = 0; i < b.length; i++) {
      b[i] = (byte) r.nextInt(256);
    }
    return Bytes.of(b);
  }

  private List<KslGroupEntry> entries() {
    int count = r.nextInt(12);
    List<KslGroupEntry> out = new ArrayList<>();
    while (out.size() < count) {
      int g = u8();
      KslGroupType t = KslGroupType.of(u8());
      Ksl a = ksl();
      Ksl b = ksl();
      if (g == 0xFF && t.code() == 0xFF && a.isNone() && b.isNone()) {
        continue;
      }
      out.add(new KslGroupEntry(g, t, a, b));
    }
    return out;
  }

  private List<ServiceCode> services() {
    int count = r.nextInt(12);
    List<ServiceCode> out = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      out.add(ServiceCode.of(u8()));
    }
    return out;
  }

  /** An unknown frame with a code in an unused slot of 0x00..0x5F. */
  UnknownFrame unknown() {
    int code;
    do {
      code = r.nextInt(0x60);
    } while (SormFrameType.forCode(code).isPresent());
    int header = code >= 0x40 ? 12 : 10;
    byte[] b = new byte[header + r.nextInt(256)];
    for (int i = 1; i < b.length; i++) {
      b[i] = (byte) r.nextInt(256);
    }
    b[0] = (byte) 0xCC;
    b[2] = (byte) code;
    b[3] = (byte) (b.length - header);
    return new UnknownFrame(Bytes.of(b));
  }
}
