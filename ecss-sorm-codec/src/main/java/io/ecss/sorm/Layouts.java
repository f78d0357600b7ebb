package io.ecss.sorm;

import java.util.ArrayList;
import java.util.List;

/**
 * The body layouts of every known frame type (notes §2.1, §3.1, §4.1), as offsets from the body
 * start {@code p}. Generated from one table of field kinds and sizes, then edited by hand for the
 * composite fields (message 4 records, message 5 services, the КПД2 call event).
 *
 * <pre>
 * command   CC sorm code len | password(6)                                   | body
 * КПД1      CC sorm code len | count(LE16) number(LE16) FF 02                | body
 * КПД2      CC sorm code len | call(LE16) objType obj(LE16) select param phase | body
 * </pre>
 */
final class Layouts {
  private Layouts() {}

  /** Decodes the body of a frame of a known type whose header and length were validated. */
  static SormMessage read(byte[] b, int off, int code, int bodyLen) {
    int sorm = b[off + 1] & 0xFF;
    int p = off + (code >= 0x40 ? 12 : 10);
    String pw = code < 0x20 ? Wire.readLatin1(b, off + 4, 6) : "";
    int count = Wire.u16(b, off + 4);
    int number = Wire.u16(b, off + 6);
    return switch (code) {
      case 0x01 -> new SormCommand.Start(
          sorm,
          pw);
      case 0x02 -> new SormCommand.Stop(
          sorm,
          pw);
      case 0x03 -> new SormCommand.SetPassword(
          sorm,
          pw,
          Wire.readLatin1(b, p + 0, 6));
      case 0x04 -> new SormCommand.AssignKslGroup(
          sorm,
          pw,
          Wire.u8(b, p + 0),
          KslGroupType.of(Wire.u8(b, p + 1)),
          Ksl.of(Wire.u8(b, p + 2)),
          Ksl.of(Wire.u8(b, p + 3)));
      case 0x05 -> new SormCommand.AddObject(
          sorm,
          pw,
          Wire.u16(b, p + 0),
          ObjectType.of(Wire.u8(b, p + 2)),
          Wire.readNumber(b, p + 3, off, "number"),
          Wire.u16(b, p + 14),
          ControlCategory.of(Wire.u8(b, p + 16)),
          Wire.u8(b, p + 17),
          Priority.of(Wire.u8(b, p + 18)));
      case 0x06 -> new SormCommand.RemoveObject(
          sorm,
          pw,
          Wire.u16(b, p + 0),
          ObjectType.of(Wire.u8(b, p + 2)),
          Wire.readNumber(b, p + 3, off, "number"),
          Wire.u16(b, p + 14));
      case 0x07 -> new SormCommand.ConnectKsl(
          sorm,
          pw,
          Wire.u16(b, p + 0),
          ObjectType.of(Wire.u8(b, p + 2)),
          Wire.u16(b, p + 3),
          Wire.u8(b, p + 5));
      case 0x08 -> new SormCommand.ReleaseKsl(
          sorm,
          pw,
          Wire.u16(b, p + 0),
          ObjectType.of(Wire.u8(b, p + 2)),
          Wire.u16(b, p + 3),
          Ksl.of(Wire.u8(b, p + 5)),
          Ksl.of(Wire.u8(b, p + 6)));
      case 0x09 -> new SormCommand.RemoveKslFromGroup(
          sorm,
          pw,
          Wire.u8(b, p + 0),
          Ksl.of(Wire.u8(b, p + 1)),
          Ksl.of(Wire.u8(b, p + 2)));
      case 0x0A -> new SormCommand.ObjectTableRequest(
          sorm,
          pw,
          Wire.u16(b, p + 0),
          ObjectType.of(Wire.u8(b, p + 2)),
          Wire.readNumber(b, p + 3, off, "number"),
          Wire.u16(b, p + 14));
      case 0x0B -> new SormCommand.KslGroupTableRequest(
          sorm,
          pw,
          Wire.u8(b, p + 0),
          KslGroupType.of(Wire.u8(b, p + 1)),
          Ksl.of(Wire.u8(b, p + 2)),
          Ksl.of(Wire.u8(b, p + 3)));
      case 0x0C -> new SormCommand.ServiceListRequest(
          sorm,
          pw,
          Wire.readNumber(b, p + 0, off, "number"));
      case 0x0D -> new SormCommand.AbortTableOutput(
          sorm,
          pw);
      case 0x0E -> new SormCommand.ChannelTest(
          sorm,
          pw,
          Wire.u8(b, p + 0));
      case 0x0F -> new SormCommand.ChangeObject(
          sorm,
          pw,
          Wire.u16(b, p + 0),
          ControlCategory.of(Wire.u8(b, p + 2)),
          Wire.u8(b, p + 3),
          Priority.of(Wire.u8(b, p + 4)));
      case 0x10 -> new SormCommand.TrunkGroupNameRequest(
          sorm,
          pw,
          Wire.u16(b, p + 0));
      case 0x11 -> new SormCommand.SoftwareVersionRequest(
          sorm,
          pw);
      case 0x21 -> new Kpd1Message.Failure(
          sorm,
          count,
          number,
          FailureType.of(Wire.u8(b, p + 0)),
          FailureCode.of(Wire.u8(b, p + 1)));
      case 0x22 -> new Kpd1Message.Restart(
          sorm,
          count,
          number);
      case 0x23 -> new Kpd1Message.ObjectRecord(
          sorm,
          count,
          number,
          Wire.u16(b, p + 0),
          ObjectType.of(Wire.u8(b, p + 2)),
          Wire.readNumber(b, p + 3, off, "number"),
          Wire.u16(b, p + 14),
          ControlCategory.of(Wire.u8(b, p + 16)),
          Wire.u8(b, p + 17),
          Priority.of(Wire.u8(b, p + 18)),
          LineState.of(Wire.u8(b, p + 19)));
      case 0x24 -> new Kpd1Message.KslGroupTable(
          sorm,
          count,
          number,
          readEntries(b, p + 0, off));
      case 0x25 -> new Kpd1Message.ServiceList(
          sorm,
          count,
          number,
          Wire.readNumber(b, p + 0, off, "number"),
          readServices(b, p + 11, off));
      case 0x26 -> new Kpd1Message.Intrusion(
          sorm,
          count,
          number,
          IntrusionType.of(Wire.u8(b, p + 0)),
          Wire.readTime(b, p + 1, off, "time"),
          Wire.readText(b, p + 5, 40, off, "text"));
      case 0x27 -> new Kpd1Message.Receipt(
          sorm,
          count,
          number,
          Wire.u8(b, p + 0),
          StatusCode.of(Wire.u8(b, p + 1)));
      case 0x28 -> new Kpd1Message.Execution(
          sorm,
          count,
          number,
          Wire.u8(b, p + 0),
          StatusCode.of(Wire.u8(b, p + 1)));
      case 0x29 -> new Kpd1Message.TestReply(
          sorm,
          count,
          number,
          Wire.u8(b, p + 0),
          Wire.u8(b, p + 1),
          Wire.u8(b, p + 2));
      case 0x2A -> new Kpd1Message.TrunkGroupName(
          sorm,
          count,
          number,
          Wire.u16(b, p + 0),
          Wire.readText(b, p + 2, 43, off, "name"));
      case 0x2B -> new Kpd1Message.SoftwareVersion(
          sorm,
          count,
          number,
          Wire.readText(b, p + 0, 44, off, "version"),
          NodeType.of(Wire.u8(b, p + 44)));
      case 0x2C -> new Kpd1Message.TelecomMessage(
          sorm,
          count,
          number,
          Wire.u16(b, p + 0),
          ObjectType.of(Wire.u8(b, p + 2)),
          Wire.readNumber(b, p + 3, off, "sender"),
          Wire.u8(b, p + 14),
          Wire.u8(b, p + 15),
          Wire.readTime(b, p + 16, off, "time"),
          Wire.readNumber(b, p + 20, off, "receiver"),
          Wire.readNumber(b, p + 31, off, "senderImsi"),
          Wire.readNumber(b, p + 42, off, "receiverImsi"),
          Bytes.copyOf(b, p + 53, bodyLen - 53));
      case 0x41 -> new Kpd2Message.CalledNumberReceived(
          sorm,
          readCallEvent(b, off),
          KslState.of(Wire.u8(b, p + 31)));
      case 0x42 -> new Kpd2Message.Answer(
          sorm,
          readCallEvent(b, off),
          KslState.of(Wire.u8(b, p + 31)));
      case 0x43 -> new Kpd2Message.Release(
          sorm,
          readCallEvent(b, off),
          ReleaseCause.of(Wire.u8(b, p + 31)));
      case 0x44 -> new Kpd2Message.ServiceUsed(
          sorm,
          readCallEvent(b, off),
          KslState.of(Wire.u8(b, p + 31)));
      case 0x51 -> new Kpd2Message.KslConnected(
          sorm,
          readCallEvent(b, off),
          KslState.of(Wire.u8(b, p + 31)));
      case 0x52 -> new Kpd2Message.KslReleased(
          sorm,
          readCallEvent(b, off),
          KslReleaseReason.of(Wire.u8(b, p + 31)));
      case 0x53 -> new Kpd2Message.TestReply(
          sorm,
          Wire.u8(b, p),
          Wire.u8(b, p + 1),
          Wire.u8(b, p + 2));
      default -> throw new AssertionError("no layout for code " + code);
    };
  }

  /** Writes the body of {@code m} at {@code p}; the header is written by the caller. */
  static void write(SormMessage m, byte[] b, int off, int zero, int absent) {
    int p = off + (m.code() >= 0x40 ? 12 : 10);
    switch (m.code()) {
      case 0x01 -> {
        // header only
      }
      case 0x02 -> {
        // header only
      }
      case 0x03 -> {
        SormCommand.SetPassword x = (SormCommand.SetPassword) m;
        Wire.writeText(b, p + 0, 6, x.newPassword());
      }
      case 0x04 -> {
        SormCommand.AssignKslGroup x = (SormCommand.AssignKslGroup) m;
        b[p + 0] = (byte) x.group();
        b[p + 1] = (byte) x.groupType().code();
        b[p + 2] = (byte) x.kslA().code();
        b[p + 3] = (byte) x.kslB().code();
      }
      case 0x05 -> {
        SormCommand.AddObject x = (SormCommand.AddObject) m;
        Wire.put16(b, p + 0, x.objectNumber());
        b[p + 2] = (byte) x.objectType().code();
        Wire.writeNumber(b, p + 3, x.number(), zero, absent);
        Wire.put16(b, p + 14, x.trunkGroup());
        b[p + 16] = (byte) x.category().code();
        b[p + 17] = (byte) x.kslGroup();
        b[p + 18] = (byte) x.priority().code();
      }
      case 0x06 -> {
        SormCommand.RemoveObject x = (SormCommand.RemoveObject) m;
        Wire.put16(b, p + 0, x.objectNumber());
        b[p + 2] = (byte) x.objectType().code();
        Wire.writeNumber(b, p + 3, x.number(), zero, absent);
        Wire.put16(b, p + 14, x.trunkGroup());
      }
      case 0x07 -> {
        SormCommand.ConnectKsl x = (SormCommand.ConnectKsl) m;
        Wire.put16(b, p + 0, x.callNumber());
        b[p + 2] = (byte) x.objectType().code();
        Wire.put16(b, p + 3, x.objectNumber());
        b[p + 5] = (byte) x.kslGroup();
      }
      case 0x08 -> {
        SormCommand.ReleaseKsl x = (SormCommand.ReleaseKsl) m;
        Wire.put16(b, p + 0, x.callNumber());
        b[p + 2] = (byte) x.objectType().code();
        Wire.put16(b, p + 3, x.objectNumber());
        b[p + 5] = (byte) x.kslA().code();
        b[p + 6] = (byte) x.kslB().code();
      }
      case 0x09 -> {
        SormCommand.RemoveKslFromGroup x = (SormCommand.RemoveKslFromGroup) m;
        b[p + 0] = (byte) x.group();
        b[p + 1] = (byte) x.kslA().code();
        b[p + 2] = (byte) x.kslB().code();
      }
      case 0x0A -> {
        SormCommand.ObjectTableRequest x = (SormCommand.ObjectTableRequest) m;
        Wire.put16(b, p + 0, x.objectNumber());
        b[p + 2] = (byte) x.objectType().code();
        Wire.writeNumber(b, p + 3, x.number(), zero, absent);
        Wire.put16(b, p + 14, x.trunkGroup());
      }
      case 0x0B -> {
        SormCommand.KslGroupTableRequest x = (SormCommand.KslGroupTableRequest) m;
        b[p + 0] = (byte) x.group();
        b[p + 1] = (byte) x.groupType().code();
        b[p + 2] = (byte) x.kslA().code();
        b[p + 3] = (byte) x.kslB().code();
      }
      case 0x0C -> {
        SormCommand.ServiceListRequest x = (SormCommand.ServiceListRequest) m;
        Wire.writeNumber(b, p + 0, x.number(), zero, absent);
      }
      case 0x0D -> {
        // header only
      }
      case 0x0E -> {
        SormCommand.ChannelTest x = (SormCommand.ChannelTest) m;
        b[p + 0] = (byte) x.testNumber();
      }
      case 0x0F -> {
        SormCommand.ChangeObject x = (SormCommand.ChangeObject) m;
        Wire.put16(b, p + 0, x.objectNumber());
        b[p + 2] = (byte) x.category().code();
        b[p + 3] = (byte) x.kslGroup();
        b[p + 4] = (byte) x.priority().code();
      }
      case 0x10 -> {
        SormCommand.TrunkGroupNameRequest x = (SormCommand.TrunkGroupNameRequest) m;
        Wire.put16(b, p + 0, x.trunkGroup());
      }
      case 0x11 -> {
        // header only
      }
      case 0x21 -> {
        Kpd1Message.Failure x = (Kpd1Message.Failure) m;
        b[p + 0] = (byte) x.failureType().code();
        b[p + 1] = (byte) x.failureCode().code();
      }
      case 0x22 -> {
        // header only
      }
      case 0x23 -> {
        Kpd1Message.ObjectRecord x = (Kpd1Message.ObjectRecord) m;
        Wire.put16(b, p + 0, x.objectNumber());
        b[p + 2] = (byte) x.objectType().code();
        Wire.writeNumber(b, p + 3, x.number(), zero, absent);
        Wire.put16(b, p + 14, x.trunkGroup());
        b[p + 16] = (byte) x.category().code();
        b[p + 17] = (byte) x.kslGroup();
        b[p + 18] = (byte) x.priority().code();
        b[p + 19] = (byte) x.lineState().code();
      }
      case 0x24 -> {
        Kpd1Message.KslGroupTable x = (Kpd1Message.KslGroupTable) m;
        writeEntries(b, p + 0, x.entries());
      }
      case 0x25 -> {
        Kpd1Message.ServiceList x = (Kpd1Message.ServiceList) m;
        Wire.writeNumber(b, p + 0, x.number(), zero, absent);
        writeServices(b, p + 11, x.services());
      }
      case 0x26 -> {
        Kpd1Message.Intrusion x = (Kpd1Message.Intrusion) m;
        b[p + 0] = (byte) x.intrusionType().code();
        Wire.writeTime(b, p + 1, x.time());
        Wire.writeText(b, p + 5, 40, x.text());
      }
      case 0x27 -> {
        Kpd1Message.Receipt x = (Kpd1Message.Receipt) m;
        b[p + 0] = (byte) x.commandCode();
        b[p + 1] = (byte) x.status().code();
      }
      case 0x28 -> {
        Kpd1Message.Execution x = (Kpd1Message.Execution) m;
        b[p + 0] = (byte) x.commandCode();
        b[p + 1] = (byte) x.status().code();
      }
      case 0x29 -> {
        Kpd1Message.TestReply x = (Kpd1Message.TestReply) m;
        b[p + 0] = (byte) x.testNumber();
        b[p + 1] = (byte) x.kpd1State();
        b[p + 2] = (byte) x.kpd2State();
      }
      case 0x2A -> {
        Kpd1Message.TrunkGroupName x = (Kpd1Message.TrunkGroupName) m;
        Wire.put16(b, p + 0, x.trunkGroup());
        Wire.writeText(b, p + 2, 43, x.name());
      }
      case 0x2B -> {
        Kpd1Message.SoftwareVersion x = (Kpd1Message.SoftwareVersion) m;
        Wire.writeText(b, p + 0, 44, x.version());
        b[p + 44] = (byte) x.nodeType().code();
      }
      case 0x2C -> {
        Kpd1Message.TelecomMessage x = (Kpd1Message.TelecomMessage) m;
        Wire.put16(b, p + 0, x.objectNumber());
        b[p + 2] = (byte) x.objectType().code();
        Wire.writeNumber(b, p + 3, x.sender(), zero, absent);
        b[p + 14] = (byte) x.deliveryState();
        b[p + 15] = (byte) x.deliveryCode();
        Wire.writeTime(b, p + 16, x.time());
        Wire.writeNumber(b, p + 20, x.receiver(), zero, absent);
        Wire.writeNumber(b, p + 31, x.senderImsi(), zero, absent);
        Wire.writeNumber(b, p + 42, x.receiverImsi(), zero, absent);
        x.content().copyTo(b, p + 53);
      }
      case 0x41 -> {
        Kpd2Message.CalledNumberReceived x = (Kpd2Message.CalledNumberReceived) m;
        writeCallEvent(b, off, x.event(), zero, absent);
        b[p + 31] = (byte) x.operation().code();
      }
      case 0x42 -> {
        Kpd2Message.Answer x = (Kpd2Message.Answer) m;
        writeCallEvent(b, off, x.event(), zero, absent);
        b[p + 31] = (byte) x.operation().code();
      }
      case 0x43 -> {
        Kpd2Message.Release x = (Kpd2Message.Release) m;
        writeCallEvent(b, off, x.event(), zero, absent);
        b[p + 31] = (byte) x.operation().code();
      }
      case 0x44 -> {
        Kpd2Message.ServiceUsed x = (Kpd2Message.ServiceUsed) m;
        writeCallEvent(b, off, x.event(), zero, absent);
        b[p + 31] = (byte) x.operation().code();
      }
      case 0x51 -> {
        Kpd2Message.KslConnected x = (Kpd2Message.KslConnected) m;
        writeCallEvent(b, off, x.event(), zero, absent);
        b[p + 31] = (byte) x.operation().code();
      }
      case 0x52 -> {
        Kpd2Message.KslReleased x = (Kpd2Message.KslReleased) m;
        writeCallEvent(b, off, x.event(), zero, absent);
        b[p + 31] = (byte) x.operation().code();
      }
      case 0x53 -> {
        Kpd2Message.TestReply x = (Kpd2Message.TestReply) m;
        b[p] = (byte) x.testNumber();
        b[p + 1] = (byte) x.kpd1State();
        b[p + 2] = (byte) x.kpd2State();
      }
      default -> throw new AssertionError("no layout for " + m);
    }
  }

  // ---- message 4: 11 records of (group, type, KSL-A, KSL-B), unused records FF, final FF

  static List<KslGroupEntry> readEntries(byte[] b, int p, int off) {
    List<KslGroupEntry> out = new ArrayList<>();
    boolean unused = false;
    for (int r = 0; r < 11; r++) {
      int q = p + 4 * r;
      boolean allFf =
          b[q] == (byte) 0xFF && b[q + 1] == (byte) 0xFF && b[q + 2] == (byte) 0xFF
              && b[q + 3] == (byte) 0xFF;
      if (allFf) {
        unused = true;
      } else if (unused) {
        throw Wire.error(
            "entries[" + r + "]",
            "a used record after an unused (all 0xFF) one (expected used records first)",
            q,
            off);
      } else {
        out.add(
            new KslGroupEntry(
                Wire.u8(b, q), KslGroupType.of(Wire.u8(b, q + 1)), Ksl.of(Wire.u8(b, q + 2)),
                Ksl.of(Wire.u8(b, q + 3))));
      }
    }
    Wire.expectFf(b, p + 44, 1, off, "entries.end");
    return out;
  }

  static void writeEntries(byte[] b, int p, List<KslGroupEntry> entries) {
    java.util.Arrays.fill(b, p, p + 45, (byte) 0xFF);
    for (int r = 0; r < entries.size(); r++) {
      KslGroupEntry e = entries.get(r);
      int q = p + 4 * r;
      b[q] = (byte) e.group();
      b[q + 1] = (byte) e.type().code();
      b[q + 2] = (byte) e.kslA().code();
      b[q + 3] = (byte) e.kslB().code();
    }
  }

  // ---- message 5: number block (11), count (1), 11 entries FF FF code; unused FF FF FF

  static List<ServiceCode> readServices(byte[] b, int p, int off) {
    int n = Wire.u8(b, p);
    if (n > 11) {
      throw Wire.error("services.count", n + " services (expected 0..11)", p, off);
    }
    List<ServiceCode> out = new ArrayList<>(n);
    for (int r = 0; r < 11; r++) {
      int q = p + 1 + 3 * r;
      Wire.expectFf(b, q, r < n ? 2 : 3, off, "services[" + r + "]");
      if (r < n) {
        out.add(ServiceCode.of(Wire.u8(b, q + 2)));
      }
    }
    return out;
  }

  static void writeServices(byte[] b, int p, List<ServiceCode> services) {
    b[p] = (byte) services.size();
    java.util.Arrays.fill(b, p + 1, p + 34, (byte) 0xFF);
    for (int r = 0; r < services.size(); r++) {
      b[p + 1 + 3 * r + 2] = (byte) services.get(r).code();
    }
  }

  // ---- КПД2 call messages: header bytes 4-11 and the 36-byte body (operation code excluded)

  static CallEvent readCallEvent(byte[] b, int off) {
    int p = off + 12;
    return new CallEvent(
        Wire.u16(b, off + 4),
        ObjectType.of(Wire.u8(b, off + 6)),
        Wire.u16(b, off + 7),
        SelectionFlag.of(Wire.u8(b, off + 9)),
        CallParameters.of(Wire.u8(b, off + 10)),
        ServicePhase.of(Wire.u8(b, off + 11)),
        Wire.readNumber(b, p, off, "a"),
        Wire.readNumber(b, p + 11, off, "b"),
        Wire.u16(b, p + 22),
        Ksl.of(Wire.u8(b, p + 24)),
        Ksl.of(Wire.u8(b, p + 25)),
        Wire.readTime(b, p + 26, off, "time"),
        Priority.of(Wire.u8(b, p + 30)),
        Wire.u24be(b, p + 32),
        Wire.u8(b, p + 35));
  }

  static void writeCallEvent(byte[] b, int off, CallEvent e, int zero, int absent) {
    int p = off + 12;
    Wire.put16(b, off + 4, e.callNumber());
    b[off + 6] = (byte) e.objectType().code();
    Wire.put16(b, off + 7, e.objectNumber());
    b[off + 9] = (byte) e.selection().code();
    b[off + 10] = (byte) e.parameters().code();
    b[off + 11] = (byte) e.phase().code();
    Wire.writeNumber(b, p, e.a(), zero, absent);
    Wire.writeNumber(b, p + 11, e.b(), zero, absent);
    Wire.put16(b, p + 22, e.trunkGroup());
    b[p + 24] = (byte) e.kslA().code();
    b[p + 25] = (byte) e.kslB().code();
    Wire.writeTime(b, p + 26, e.time());
    b[p + 30] = (byte) e.priority().code();
    Wire.put24be(b, p + 32, e.serviceCode());
    b[p + 35] = (byte) e.additionalCode();
  }
}
