package io.ecss.sorm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SormStationTest {
  static final String PW = "123456";
  static final int S = 7;

  /** A clock the test moves by hand. */
  static final class ManualClock extends Clock {
    private Instant now = Instant.parse("2026-11-27T10:15:30Z");

    void advance(Duration d) {
      now = now.plus(d);
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  final ManualClock clock = new ManualClock();

  SormStation station(boolean ext) {
    return new SormStation(StationConfig.defaults().withSormNumber(S).withPassword(PW).withExtendedErrorCodes(ext), clock);
  }

  static StatusCode st(int code) {
    return StatusCode.of(code);
  }

  static List<Kpd1Message> expect(int code, int r, int e) {
    return List.of(new Kpd1Message.Receipt(S, 1, 1, code, st(r)), new Kpd1Message.Execution(S, 1, 1, code, st(e)));
  }

  static SormCommand.AddObject add(int object, String digits) {
    return new SormCommand.AddObject(S, PW, object, ObjectType.NODE_SUBSCRIBER, PhoneNumber.of(NumberIndicator.NODE_SUBSCRIBER, digits), 0xFFFF, ControlCategory.FULL_COMBINED, 0xFF, Priority.NORMAL);
  }

  static SormCommand.ObjectTableRequest allObjects() {
    return new SormCommand.ObjectTableRequest(S, PW, 0xFFFF, ObjectType.NONE, PhoneNumber.NONE, 0xFFFF);
  }

  static List<Kpd1Message> drain(SormStation s) {
    List<Kpd1Message> out = new ArrayList<>();
    for (Kpd1Message m = s.pollTableOutput(); m != null; m = s.pollTableOutput()) {
      out.add(m);
    }
    return out;
  }

  static SormStation started(SormStation s) {
    assertThat(s.handle(new SormCommand.Start(S, PW)).kpd1()).isEqualTo(expect(1, 0, 0));
    return s;
  }

  @Test
  void startStopAndAlreadyStarted() {
    SormStation s = station(true);
    assertThat(s.isStarted()).isFalse();
    started(s);
    assertThat(s.isStarted()).isTrue();
    StationReply again = s.handle(new SormCommand.Start(S, PW));
    assertThat(again.kpd1()).isEqualTo(expect(1, 0x16, 0x16));
    assertThat(again.kpd2()).isEmpty();
    assertThat(again.receipt().status()).isEqualTo(StatusCode.START_REFUSED_ALREADY_STARTED);
    assertThat(again.execution().status()).isEqualTo(StatusCode.START_REFUSED_ALREADY_STARTED);
    assertThat(s.handle(new SormCommand.Stop(S, PW)).kpd1()).isEqualTo(expect(2, 0, 0));
    assertThat(s.isStarted()).isFalse();
    assertThat(s.handle(new SormCommand.Stop(S, PW)).kpd1()).isEqualTo(expect(2, 0x17, 0x17));
  }

  @Test
  void standardCodesWhenExtendedOff() {
    SormStation s = station(false);
    assertThat(s.handle(add(1, "1234")).kpd1()).isEqualTo(expect(5, 0x02, 0x01));
    started(s);
    assertThat(s.handle(new SormCommand.Start(S, PW)).kpd1()).isEqualTo(expect(1, 0x00, 0x07));
    assertThat(s.handle(add(1, "1234")).kpd1()).isEqualTo(expect(5, 0, 0));
    assertThat(s.handle(add(1, "5678")).kpd1()).isEqualTo(expect(5, 0x00, 0x01));
    StationReply wrongSorm = s.handle(new SormCommand.Stop(9, PW));
    assertThat(wrongSorm.kpd1().subList(0, 2)).isEqualTo(expect(2, 0x01, 0x05));
    assertThat(s.handleUndecodable(0x05).kpd1()).isEqualTo(expect(5, 0x01, 0x01));
  }

  @Test
  void wrongSormNumberRaisesIntrusion() {
    SormStation s = station(true);
    StationReply r = s.handle(new SormCommand.Start(8, PW));
    assertThat(r.kpd1()).hasSize(3);
    assertThat(r.kpd1().subList(0, 2)).isEqualTo(expect(1, 0x18, 0x18));
    assertThat(r.kpd1().get(2)).isEqualTo(new Kpd1Message.Intrusion(S, 1, 1, IntrusionType.WRONG_SORM_NUMBER, new EventTime(27, 10, 15, 30), "wrong SORM number 8, command 1"));
    assertThat(s.isStarted()).isFalse();
  }

  @ParameterizedTest
  @ValueSource(booleans = {true, false})
  void wrongPasswordRaisesIntrusion(boolean ext) {
    SormStation s = station(ext);
    StationReply r = s.handle(new SormCommand.Start(S, "654321"));
    assertThat(r.kpd1()).containsExactly(
        new Kpd1Message.Receipt(S, 1, 1, 1, StatusCode.REJECTED),
        new Kpd1Message.Execution(S, 1, 1, 1, StatusCode.WRONG_PASSWORD),
        new Kpd1Message.Intrusion(S, 1, 1, IntrusionType.WRONG_PASSWORD, new EventTime(27, 10, 15, 30), "wrong password, command 1"));
    assertThat(s.isStarted()).isFalse();
  }

  @Test
  void passwordChangeTakesEffect() {
    SormStation s = station(true);
    assertThat(s.handle(new SormCommand.SetPassword(S, PW, "abcdef")).kpd1()).isEqualTo(expect(3, 0, 0));
    assertThat(s.handle(new SormCommand.Start(S, PW)).execution().status()).isEqualTo(StatusCode.WRONG_PASSWORD);
    assertThat(s.handle(new SormCommand.Start(S, "abcdef")).kpd1()).isEqualTo(expect(1, 0, 0));
  }

  @Test
  void objectTableCapacityDuplicatesAndRemoval() {
    SormStation s = started(new SormStation(StationConfig.defaults().withSormNumber(S).withPassword(PW).withObjectCapacity(2), clock));
    assertThat(s.handle(add(1, "1001")).kpd1()).isEqualTo(expect(5, 0, 0));
    assertThat(s.handle(add(1, "1002")).kpd1()).isEqualTo(expect(5, 0, 0x33));
    assertThat(s.handle(add(2, "1001")).kpd1()).isEqualTo(expect(5, 0, 0x36));
    assertThat(s.handle(add(2, "1002")).kpd1()).isEqualTo(expect(5, 0, 0));
    assertThat(s.handle(add(3, "1003")).kpd1()).isEqualTo(expect(5, 0, 0x31));
    assertThat(s.objectCount()).isEqualTo(2);
    SormCommand.RemoveObject unknown = new SormCommand.RemoveObject(S, PW, 9, ObjectType.NONE, PhoneNumber.NONE, 0xFFFF);
    assertThat(s.handle(unknown).kpd1()).isEqualTo(expect(6, 0, 0x34));
    SormCommand.RemoveObject wrongType = new SormCommand.RemoveObject(S, PW, 1, ObjectType.TRUNK_GROUP, PhoneNumber.NONE, 0xFFFF);
    assertThat(s.handle(wrongType).kpd1()).isEqualTo(expect(6, 0, 0x38));
    SormCommand.RemoveObject wrongNumber = new SormCommand.RemoveObject(S, PW, 1, ObjectType.NONE, PhoneNumber.of(NumberIndicator.NODE_SUBSCRIBER, "999"), 0xFFFF);
    assertThat(s.handle(wrongNumber).kpd1()).isEqualTo(expect(6, 0, 0x35));
    SormCommand.RemoveObject ok = new SormCommand.RemoveObject(S, PW, 1, ObjectType.NODE_SUBSCRIBER, PhoneNumber.of(NumberIndicator.NODE_SUBSCRIBER, "1001"), 0xFFFF);
    assertThat(s.handle(ok).kpd1()).isEqualTo(expect(6, 0, 0));
    assertThat(s.objectCount()).isEqualTo(1);
    assertThat(s.handle(add(3, "1003")).kpd1()).isEqualTo(expect(5, 0, 0));
  }

  @Test
  void addObjectParameterChecks() {
    SormStation s = started(station(true));
    PhoneNumber n = PhoneNumber.of(NumberIndicator.NODE_SUBSCRIBER, "1001");
    assertThat(s.handle(new SormCommand.AddObject(S, PW, 1, ObjectType.NONE, n, 0xFFFF, ControlCategory.FULL_COMBINED, 0xFF, Priority.NORMAL)).execution().status()).isEqualTo(StatusCode.BAD_OBJECT_TYPE);
    assertThat(s.handle(new SormCommand.AddObject(S, PW, 0xFFFF, ObjectType.NODE_SUBSCRIBER, n, 0xFFFF, ControlCategory.FULL_COMBINED, 0xFF, Priority.NORMAL)).execution().status()).isEqualTo(StatusCode.BAD_OBJECT_NUMBER);
    assertThat(s.handle(new SormCommand.AddObject(S, PW, 1, ObjectType.TRUNK_GROUP, PhoneNumber.NONE, 0xFFFF, ControlCategory.FULL_COMBINED, 0xFF, Priority.NORMAL)).execution().status()).isEqualTo(StatusCode.TRUNK_GROUP_NOT_SET);
    assertThat(s.handle(new SormCommand.AddObject(S, PW, 1, ObjectType.NODE_SUBSCRIBER, PhoneNumber.NONE, 0xFFFF, ControlCategory.FULL_COMBINED, 0xFF, Priority.NORMAL)).execution().status()).isEqualTo(StatusCode.NO_NUMBER_OR_TRUNK);
    assertThat(s.handle(new SormCommand.AddObject(S, PW, 1, ObjectType.NODE_SUBSCRIBER, PhoneNumber.of(NumberIndicator.of(0x09), "1"), 0xFFFF, ControlCategory.FULL_COMBINED, 0xFF, Priority.NORMAL)).execution().status()).isEqualTo(StatusCode.BAD_NUMBER_INDICATOR);
    assertThat(s.handle(new SormCommand.AddObject(S, PW, 1, ObjectType.NODE_SUBSCRIBER, n, 0xFFFF, ControlCategory.NONE, 0xFF, Priority.NORMAL)).execution().status()).isEqualTo(StatusCode.BAD_CATEGORY);
    assertThat(s.handle(new SormCommand.AddObject(S, PW, 1, ObjectType.NODE_SUBSCRIBER, n, 0xFFFF, ControlCategory.FULL_COMBINED, 0xFF, Priority.of(0x09))).execution().status()).isEqualTo(StatusCode.BAD_PRIORITY);
    assertThat(s.handle(new SormCommand.AddObject(S, PW, 1, ObjectType.NODE_SUBSCRIBER, n, 0xFFFF, ControlCategory.FULL_COMBINED, 3, Priority.NORMAL)).execution().status()).isEqualTo(StatusCode.BAD_KSL_GROUP);
    SormCommand.AddObject trunk = new SormCommand.AddObject(S, PW, 5, ObjectType.TRUNK_GROUP, PhoneNumber.NONE, 12, ControlCategory.STATISTICAL, 0xFF, Priority.STATISTICAL);
    assertThat(s.handle(trunk).kpd1()).isEqualTo(expect(5, 0, 0));
    SormCommand.AddObject trunkAgain = new SormCommand.AddObject(S, PW, 6, ObjectType.TRUNK_GROUP, PhoneNumber.NONE, 12, ControlCategory.STATISTICAL, 0xFF, Priority.STATISTICAL);
    assertThat(s.handle(trunkAgain).execution().status()).isEqualTo(StatusCode.TRUNK_ALREADY_MONITORED);
    assertThat(s.objectCount()).isEqualTo(1);
  }

  @Test
  void changeObject() {
    SormStation s = started(station(true));
    s.handle(add(4, "4444"));
    assertThat(s.handle(new SormCommand.ChangeObject(S, PW, 9, ControlCategory.STATISTICAL, 0xFF, Priority.NORMAL)).kpd1()).isEqualTo(expect(15, 0, 0x34));
    assertThat(s.handle(new SormCommand.ChangeObject(S, PW, 4, ControlCategory.STATISTICAL, 2, Priority.NORMAL)).kpd1()).isEqualTo(expect(15, 0, 0x3E));
    assertThat(s.handle(new SormCommand.ChangeObject(S, PW, 4, ControlCategory.STATISTICAL, 0xFF, Priority.PRIORITY)).kpd1()).isEqualTo(expect(15, 0, 0));
    s.handle(allObjects());
    assertThat(drain(s)).containsExactly(new Kpd1Message.ObjectRecord(S, 1, 1, 4, ObjectType.NODE_SUBSCRIBER, PhoneNumber.of(NumberIndicator.NODE_SUBSCRIBER, "4444"), 0xFFFF, ControlCategory.STATISTICAL, 0xFF, Priority.PRIORITY, LineState.UNKNOWN));
  }

  @Test
  void objectTableIsPagedOneBasedAndFiltered() {
    SormStation s = started(station(true));
    for (int i = 3; i >= 1; i--) {
      s.handle(add(i, "100" + i));
    }
    assertThat(s.handle(allObjects()).kpd1()).isEqualTo(expect(10, 0, 0));
    assertThat(s.pendingTableOutput()).isEqualTo(3);
    List<Kpd1Message> out = drain(s);
    assertThat(out).hasSize(3);
    for (int k = 0; k < 3; k++) {
      Kpd1Message.ObjectRecord r = (Kpd1Message.ObjectRecord) out.get(k);
      assertThat(r.messageCount()).isEqualTo(3);
      assertThat(r.messageNumber()).isEqualTo(k + 1);
      assertThat(r.objectNumber()).isEqualTo(k + 1);
      assertThat(r.number().digits()).isEqualTo("100" + (k + 1));
    }
    SormCommand.ObjectTableRequest one = new SormCommand.ObjectTableRequest(S, PW, 0xFFFF, ObjectType.NODE_SUBSCRIBER, PhoneNumber.of(NumberIndicator.NODE_SUBSCRIBER, "1002"), 0xFFFF);
    assertThat(s.handle(one).kpd1()).isEqualTo(expect(10, 0, 0));
    assertThat(drain(s)).extracting(m -> ((Kpd1Message.ObjectRecord) m).objectNumber()).containsExactly(2);
    assertThat(drain(s)).isEmpty();
    SormCommand.ObjectTableRequest none = new SormCommand.ObjectTableRequest(S, PW, 9, ObjectType.NONE, PhoneNumber.NONE, 0xFFFF);
    assertThat(s.handle(none).kpd1()).isEqualTo(expect(10, 0, 0x35));
    assertThat(s.pendingTableOutput()).isZero();
  }

  @Test
  void abortTableOutput() {
    SormStation s = started(station(true));
    for (int i = 1; i <= 5; i++) {
      s.handle(add(i, "200" + i));
    }
    s.handle(allObjects());
    assertThat(s.pollTableOutput()).isNotNull();
    assertThat(s.handle(new SormCommand.AbortTableOutput(S, PW)).kpd1()).isEqualTo(expect(13, 0, 0));
    assertThat(s.pollTableOutput()).isNull();
    assertThat(s.handle(new SormCommand.AbortTableOutput(S, PW)).kpd1()).isEqualTo(expect(13, 0, 0x39));
  }

  @Test
  void kslGroupsAssignListPageAndRemove() {
    SormStation s = started(station(true));
    assertThat(s.handle(new SormCommand.KslGroupTableRequest(S, PW, 0xFF, KslGroupType.NONE, Ksl.NONE, Ksl.NONE)).kpd1()).isEqualTo(expect(11, 0, 0));
    assertThat(drain(s)).containsExactly(new Kpd1Message.KslGroupTable(S, 1, 1, List.of()));
    for (int i = 0; i < 12; i++) {
      SormCommand.AssignKslGroup a = new SormCommand.AssignKslGroup(S, PW, 1 + i / 6, KslGroupType.SEPARATE, new Ksl(0, 2 * i), new Ksl(0, 2 * i + 1));
      assertThat(s.handle(a).kpd1()).isEqualTo(expect(4, 0, 0));
    }
    assertThat(s.handle(new SormCommand.AssignKslGroup(S, PW, 1, KslGroupType.COMBINED, new Ksl(1, 0), Ksl.NONE)).kpd1()).isEqualTo(expect(4, 0, 0x30));
    assertThat(s.handle(new SormCommand.AssignKslGroup(S, PW, 3, KslGroupType.COMBINED, new Ksl(0, 0), Ksl.NONE)).kpd1()).isEqualTo(expect(4, 0, 0x3A));
    assertThat(s.handle(new SormCommand.AssignKslGroup(S, PW, 3, KslGroupType.COMBINED, new Ksl(1, 0), new Ksl(0, 3))).kpd1()).isEqualTo(expect(4, 0, 0x3F + 1));
    assertThat(s.handle(new SormCommand.AssignKslGroup(S, PW, 0xFF, KslGroupType.COMBINED, new Ksl(1, 0), Ksl.NONE)).kpd1()).isEqualTo(expect(4, 0, 0x3E));
    assertThat(s.handle(new SormCommand.AssignKslGroup(S, PW, 3, KslGroupType.COMBINED, Ksl.NONE, Ksl.NONE)).kpd1()).isEqualTo(expect(4, 0, 0x3F));
    s.handle(new SormCommand.KslGroupTableRequest(S, PW, 0xFF, KslGroupType.NONE, Ksl.NONE, Ksl.NONE));
    List<Kpd1Message> pages = drain(s);
    assertThat(pages).hasSize(2);
    Kpd1Message.KslGroupTable p1 = (Kpd1Message.KslGroupTable) pages.get(0);
    Kpd1Message.KslGroupTable p2 = (Kpd1Message.KslGroupTable) pages.get(1);
    assertThat(List.of(p1.messageNumber(), p1.messageCount(), p1.entries().size())).containsExactly(1, 2, 11);
    assertThat(List.of(p2.messageNumber(), p2.messageCount(), p2.entries().size())).containsExactly(2, 2, 1);
    assertThat(p2.entries().get(0)).isEqualTo(new KslGroupEntry(2, KslGroupType.SEPARATE, new Ksl(0, 22), new Ksl(0, 23)));
    s.handle(new SormCommand.KslGroupTableRequest(S, PW, 2, KslGroupType.NONE, Ksl.NONE, Ksl.NONE));
    assertThat(((Kpd1Message.KslGroupTable) drain(s).get(0)).entries()).hasSize(6);
    assertThat(s.handle(new SormCommand.KslGroupTableRequest(S, PW, 5, KslGroupType.NONE, Ksl.NONE, Ksl.NONE)).kpd1()).isEqualTo(expect(11, 0, 0x3E));
    assertThat(s.handle(new SormCommand.RemoveKslFromGroup(S, PW, 5, new Ksl(0, 0), new Ksl(0, 1))).kpd1()).isEqualTo(expect(9, 0, 0x3E));
    assertThat(s.handle(new SormCommand.RemoveKslFromGroup(S, PW, 1, new Ksl(0, 0), new Ksl(0, 3))).kpd1()).isEqualTo(expect(9, 0, 0x32));
    for (int i = 0; i < 6; i++) {
      assertThat(s.handle(new SormCommand.RemoveKslFromGroup(S, PW, 1, new Ksl(0, 2 * i), new Ksl(0, 2 * i + 1))).kpd1()).isEqualTo(expect(9, 0, 0));
    }
    // group 1 is gone, so it may be redefined with another type
    assertThat(s.handle(new SormCommand.AssignKslGroup(S, PW, 1, KslGroupType.COMBINED, new Ksl(1, 0), Ksl.NONE)).kpd1()).isEqualTo(expect(4, 0, 0));
    assertThat(s.handle(new SormCommand.AddObject(S, PW, 1, ObjectType.NODE_SUBSCRIBER, PhoneNumber.of(NumberIndicator.NODE_SUBSCRIBER, "1"), 0xFFFF, ControlCategory.FULL_COMBINED, 1, Priority.NORMAL)).kpd1()).isEqualTo(expect(5, 0, 0));
  }

  @Test
  void channelTestAnswersKpd1AndKpd2EvenWhenStopped() {
    SormStation s = station(true);
    s.setLinkStates(0x01, 0x03);
    StationReply r = s.handle(new SormCommand.ChannelTest(S, PW, 42));
    assertThat(r.kpd1()).containsExactly(
        new Kpd1Message.Receipt(S, 1, 1, 14, StatusCode.OK),
        new Kpd1Message.Execution(S, 1, 1, 14, StatusCode.OK),
        new Kpd1Message.TestReply(S, 1, 1, 42, 0x01, 0x03));
    assertThat(r.kpd2()).containsExactly(new Kpd2Message.TestReply(S, 42, 0x01, 0x03));
    assertThatThrownBy(() -> s.setLinkStates(256, 0)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void versionServicesAndTrunkNames() {
    SormStation s = station(true);
    assertThat(s.handle(new SormCommand.SoftwareVersionRequest(S, PW)).kpd1()).isEqualTo(expect(17, 0, 0));
    assertThat(drain(s)).containsExactly(new Kpd1Message.SoftwareVersion(S, 1, 1, "ECSS SDK SORM station", NodeType.TERMINAL_TRANSIT));
    started(s);
    PhoneNumber n = PhoneNumber.of(NumberIndicator.NODE_SUBSCRIBER, "5551");
    assertThat(s.handle(new SormCommand.ServiceListRequest(S, PW, n)).kpd1()).isEqualTo(expect(12, 0, 0x61));
    s.setServices(n, List.of(ServiceCode.of(0x21)));
    assertThat(s.handle(new SormCommand.ServiceListRequest(S, PW, n)).kpd1()).isEqualTo(expect(12, 0, 0));
    assertThat(drain(s)).containsExactly(new Kpd1Message.ServiceList(S, 1, 1, n, List.of(ServiceCode.of(0x21))));
    assertThat(s.handle(new SormCommand.TrunkGroupNameRequest(S, PW, 12)).kpd1()).isEqualTo(expect(16, 0, 0x49));
    s.setTrunkGroupName(12, "MSK-1");
    assertThat(s.handle(new SormCommand.TrunkGroupNameRequest(S, PW, 12)).kpd1()).isEqualTo(expect(16, 0, 0));
    assertThat(drain(s)).containsExactly(new Kpd1Message.TrunkGroupName(S, 1, 1, 12, "MSK-1"));
    assertThatThrownBy(() -> s.setServices(n, java.util.Collections.nCopies(12, ServiceCode.of(0x21)))).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void kslToCallCommandsWithoutCalls() {
    SormStation s = started(station(true));
    s.handle(add(1, "1"));
    assertThat(s.handle(new SormCommand.ConnectKsl(S, PW, 10, ObjectType.NODE_SUBSCRIBER, 1, 1)).kpd1()).isEqualTo(expect(7, 0, 0x3D));
    assertThat(s.handle(new SormCommand.ConnectKsl(S, PW, 10, ObjectType.NODE_SUBSCRIBER, 2, 1)).kpd1()).isEqualTo(expect(7, 0, 0x34));
    assertThat(s.handle(new SormCommand.ReleaseKsl(S, PW, 10, ObjectType.NODE_SUBSCRIBER, 1, new Ksl(0, 0), Ksl.NONE)).kpd1()).isEqualTo(expect(8, 0, 0x3D));
    assertThat(s.handle(new SormCommand.ReleaseKsl(S, PW, 10, ObjectType.NODE_SUBSCRIBER, 2, new Ksl(0, 0), Ksl.NONE)).kpd1()).isEqualTo(expect(8, 0, 0x34));
  }

  @Test
  void idleTimeoutDiscardsAndReports() {
    SormStation s = started(new SormStation(StationConfig.defaults().withSormNumber(S).withPassword(PW).withIdleTimeout(Duration.ofSeconds(30)), clock));
    s.handle(add(1, "1"));
    s.handle(add(2, "2"));
    s.handle(allObjects());
    clock.advance(Duration.ofSeconds(29));
    assertThat(s.checkIdle()).isEqualTo(-1);
    clock.advance(Duration.ofSeconds(1));
    assertThat(s.checkIdle()).isEqualTo(2);
    assertThat(s.isLinkFaulty()).isTrue();
    assertThat(s.discardedMessages()).isEqualTo(2);
    assertThat(s.pollTableOutput()).isNull();
    assertThat(s.checkIdle()).isEqualTo(-1);
    s.handle(allObjects());
    assertThat(s.isLinkFaulty()).isFalse();
    assertThat(drain(s)).hasSize(2);
    SormStation off = station(true);
    clock.advance(Duration.ofDays(1));
    assertThat(off.checkIdle()).isEqualTo(-1);
  }

  @Test
  void configValidation() {
    StationConfig d = StationConfig.defaults();
    assertThat(d.objectCapacity()).isEqualTo(1024);
    assertThat(d.extendedErrorCodes()).isTrue();
    assertThatThrownBy(() -> d.withObjectCapacity(0)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("objectCapacity");
    assertThatThrownBy(() -> d.withIdleTimeout(Duration.ofSeconds(-1))).isInstanceOf(IllegalArgumentException.class).hasMessage("idleTimeout: PT-1S (expected zero or positive)");
    assertThatThrownBy(() -> d.withPassword("12345")).isInstanceOf(IllegalArgumentException.class);
    assertThat(d.withCodec(SormCodec.DEFAULT.withDigitZero(DigitZero.A)).codec().digitZero()).isEqualTo(DigitZero.A);
    assertThat(new SormStation(d).config()).isEqualTo(d);
  }
}
