package io.ecss.sorm;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** KSL allocation: automatic at call start, commands 7 and 8, pre-emption, release by 6, 2 and 9. */
class SormStationKslTest {
  static final String PW = "000000";
  static final Ksl K1 = new Ksl(0, 1);
  static final Ksl K5 = new Ksl(0, 5);
  static final Ksl K6 = new Ksl(0, 6);
  static final EventTime T0 = new EventTime(27, 10, 15, 30);

  final SormStationTest.ManualClock clock = new SormStationTest.ManualClock();
  SormStation s;

  static PhoneNumber n(String digits) {
    return PhoneNumber.of(NumberIndicator.NODE_SUBSCRIBER, digits);
  }

  StationReply ok(SormCommand c) {
    StationReply r = s.handle(c);
    assertThat(r.execution().status()).as("command %d", c.code()).isEqualTo(StatusCode.OK);
    return r;
  }

  StatusCode fails(SormCommand c) {
    StationReply r = s.handle(c);
    assertThat(r.receipt().status()).isEqualTo(StatusCode.OK);
    assertThat(r.kpd2()).isEmpty();
    return r.execution().status();
  }

  void add(int object, String digits, ControlCategory category, int group, Priority priority) {
    ok(new SormCommand.AddObject(1, PW, object, ObjectType.NODE_SUBSCRIBER, n(digits), 0xFFFF, category, group, priority));
  }

  @BeforeEach
  void setUp() {
    s = new SormStation(StationConfig.defaults(), clock);
    ok(new SormCommand.Start(1, PW));
    ok(new SormCommand.AssignKslGroup(1, PW, 1, KslGroupType.COMBINED, K1, Ksl.NONE));
    ok(new SormCommand.AssignKslGroup(1, PW, 2, KslGroupType.SEPARATE, K5, K6));
    add(1, "100", ControlCategory.FULL_COMBINED, 1, Priority.NORMAL);
    add(2, "200", ControlCategory.FULL_SEPARATE, 2, Priority.PRIORITY);
    add(3, "300", ControlCategory.STATISTICAL, 0xFF, Priority.STATISTICAL);
    add(4, "400", ControlCategory.FULL_COMBINED, 1, Priority.PRIORITY);
    add(5, "500", ControlCategory.FULL_COMBINED, 0xFF, Priority.NORMAL);
  }

  static CallEvent ev(int call, int object, CallParameters p, String a, String b, Ksl ka, Ksl kb, Priority priority) {
    int sel = p.equals(CallParameters.OUTGOING) ? 0x01 : 0x04;
    if (object == 2) {
      sel = p.equals(CallParameters.OUTGOING) ? 0x03 : 0x0C;
    }
    return new CallEvent(call, ObjectType.NODE_SUBSCRIBER, object, SelectionFlag.of(sel), p, ServicePhase.CALL, n(a), n(b), 0xFFFF,
        ka, kb, T0, priority, CallEvent.NO_SERVICE, 0xFF);
  }

  @Test
  void kslAttachedAtCallStartAndFreedSilentlyAtRelease() {
    CallEvent e1 = ev(1, 1, CallParameters.OUTGOING, "100", "200", K1, Ksl.NONE, Priority.NORMAL);
    CallEvent e2 = ev(1, 2, CallParameters.INCOMING, "100", "200", K5, K6, Priority.PRIORITY);
    assertThat(s.callStarted(1, n("100"), n("200"))).containsExactly(
        new Kpd2Message.CalledNumberReceived(1, e1, KslState.CONNECTED),
        new Kpd2Message.CalledNumberReceived(1, e2, KslState.CONNECTED));
    // Group 1 has one KSL: a second call of a normal object gets none.
    assertThat(s.callStarted(2, n("100"), n("999"))).containsExactly(
        new Kpd2Message.CalledNumberReceived(1, ev(2, 1, CallParameters.OUTGOING, "100", "999", Ksl.NONE, Ksl.NONE, Priority.NORMAL), KslState.NO_FREE_KSL));
    // No group on the object (FF): no KSL either.
    assertThat(((Kpd2Message.CalledNumberReceived) s.callStarted(3, n("500"), n("999")).get(0)).operation()).isEqualTo(KslState.NO_FREE_KSL);
    assertThat(s.callAnswered(1)).containsExactly(
        new Kpd2Message.Answer(1, e1, KslState.CONNECTED), new Kpd2Message.Answer(1, e2, KslState.CONNECTED));
    assertThat(s.callReleased(1, ReleaseCause.AFTER_CONVERSATION)).containsExactly(
        new Kpd2Message.Release(1, e1, ReleaseCause.AFTER_CONVERSATION), new Kpd2Message.Release(1, e2, ReleaseCause.AFTER_CONVERSATION));
    // Freed: the next call gets it again.
    assertThat(((Kpd2Message.CallMessage) s.callStarted(4, n("100"), n("1")).get(0)).event().kslA()).isEqualTo(K1);
  }

  @Test
  void priorityObjectPreemptsAtCallStart() {
    s.callStarted(1, n("100"), n("1"));
    List<Kpd2Message> out = s.callStarted(2, n("400"), n("1"));
    assertThat(out).containsExactly(
        new Kpd2Message.KslReleased(1, ev(1, 1, CallParameters.OUTGOING, "100", "1", K1, Ksl.NONE, Priority.NORMAL), KslReleaseReason.PREEMPTED_BY_PRIORITY),
        new Kpd2Message.CalledNumberReceived(1, ev(2, 4, CallParameters.OUTGOING, "400", "1", K1, Ksl.NONE, Priority.PRIORITY), KslState.CONNECTED));
    assertThat(s.callAnswered(1)).containsExactly(
        new Kpd2Message.Answer(1, ev(1, 1, CallParameters.OUTGOING, "100", "1", Ksl.NONE, Ksl.NONE, Priority.NORMAL), KslState.NO_FREE_KSL));
    // A priority holder is never pre-empted.
    assertThat(((Kpd2Message.CallMessage) s.callStarted(3, n("400"), n("2")).get(0)).event().kslA()).isEqualTo(Ksl.NONE);
  }

  @Test
  void command7ConnectsAndCommand8Releases() {
    s.callStarted(9, n("500"), n("1"));
    CallEvent base = ev(9, 5, CallParameters.OUTGOING, "500", "1", Ksl.NONE, Ksl.NONE, Priority.NORMAL);
    StationReply c = ok(new SormCommand.ConnectKsl(1, PW, 9, ObjectType.NODE_SUBSCRIBER, 5, 1));
    assertThat(c.kpd2()).containsExactly(new Kpd2Message.KslConnected(1, base.withKsl(K1, Ksl.NONE), KslState.CONNECTED));
    assertThat(fails(new SormCommand.ConnectKsl(1, PW, 9, ObjectType.NODE_SUBSCRIBER, 5, 1))).isEqualTo(StatusCode.KSL_A_ALREADY_ASSIGNED);
    assertThat(s.callAnswered(9)).containsExactly(new Kpd2Message.Answer(1, base.withKsl(K1, Ksl.NONE), KslState.CONNECTED));
    assertThat(fails(new SormCommand.ReleaseKsl(1, PW, 9, ObjectType.NODE_SUBSCRIBER, 5, K5, Ksl.NONE))).isEqualTo(StatusCode.BAD_KSL_A);
    assertThat(fails(new SormCommand.ReleaseKsl(1, PW, 9, ObjectType.NODE_SUBSCRIBER, 5, K1, K6))).isEqualTo(StatusCode.BAD_KSL_B);
    assertThat(fails(new SormCommand.ReleaseKsl(1, PW, 9, ObjectType.NODE_SUBSCRIBER, 5, K5, K6))).isEqualTo(StatusCode.BAD_KSL_A_AND_B);
    StationReply r = ok(new SormCommand.ReleaseKsl(1, PW, 9, ObjectType.NODE_SUBSCRIBER, 5, K1, Ksl.NONE));
    assertThat(r.kpd2()).containsExactly(new Kpd2Message.KslReleased(1, base.withKsl(K1, Ksl.NONE), KslReleaseReason.COMMAND_8));
    assertThat(fails(new SormCommand.ReleaseKsl(1, PW, 9, ObjectType.NODE_SUBSCRIBER, 5, K1, Ksl.NONE))).isEqualTo(StatusCode.KSL_NOT_SET);
    assertThat(s.callReleased(9, ReleaseCause.NO_ANSWER)).containsExactly(new Kpd2Message.Release(1, base, ReleaseCause.NO_ANSWER));
  }

  @Test
  void command7UsesTheObjectsGroupAndPreemptsANormalHolder() {
    s.callStarted(1, n("100"), n("1")); // object 1 holds K1
    s.callStarted(2, n("999"), n("100")); // object 1 again, call 2: no KSL
    StationReply r = ok(new SormCommand.ConnectKsl(1, PW, 2, ObjectType.NODE_SUBSCRIBER, 1, 0xFF));
    assertThat(r.kpd2()).containsExactly(
        new Kpd2Message.KslReleased(1, ev(1, 1, CallParameters.OUTGOING, "100", "1", K1, Ksl.NONE, Priority.NORMAL), KslReleaseReason.PREEMPTED_BY_COMMAND_7),
        new Kpd2Message.KslConnected(1, ev(2, 1, CallParameters.INCOMING, "999", "100", K1, Ksl.NONE, Priority.NORMAL), KslState.CONNECTED));
  }

  static Stream<Arguments> command7Failures() {
    return Stream.of(
        Arguments.of(7, ObjectType.NODE_SUBSCRIBER, 77, 1, StatusCode.BAD_OBJECT_NUMBER),
        Arguments.of(7, ObjectType.NETWORK_SUBSCRIBER, 5, 1, StatusCode.BAD_OBJECT_TYPE),
        Arguments.of(8, ObjectType.NODE_SUBSCRIBER, 5, 1, StatusCode.BAD_CALL_OBJECT_NUMBER),
        Arguments.of(7, ObjectType.NODE_SUBSCRIBER, 1, 1, StatusCode.BAD_CALL_OBJECT_NUMBER),
        Arguments.of(7, ObjectType.NODE_SUBSCRIBER, 3, 1, StatusCode.OBJECT_NUMBER_UNSUITABLE),
        Arguments.of(7, ObjectType.NODE_SUBSCRIBER, 5, 0xFF, StatusCode.BAD_KSL_GROUP),
        Arguments.of(7, ObjectType.NODE_SUBSCRIBER, 5, 9, StatusCode.BAD_KSL_GROUP),
        Arguments.of(7, ObjectType.NODE_SUBSCRIBER, 5, 2, StatusCode.GROUP_TYPE_MISMATCH),
        Arguments.of(6, ObjectType.NODE_SUBSCRIBER, 4, 1, StatusCode.KSL_A_ALREADY_ASSIGNED));
  }

  @ParameterizedTest
  @MethodSource("command7Failures")
  void command7Failure(int call, ObjectType type, int object, int group, StatusCode expected) {
    s.callStarted(7, n("500"), n("300")); // objects 5 (no KSL) and 3 (statistical)
    s.callStarted(6, n("400"), n("1")); // object 4, priority, holds K1
    assertThat(fails(new SormCommand.ConnectKsl(1, PW, call, type, object, group))).isEqualTo(expected);
  }

  @Test
  void noFreeKslWhenOnlyPriorityObjectsHoldThem() {
    s.callStarted(6, n("400"), n("1")); // priority holder of K1
    s.callStarted(7, n("500"), n("1"));
    assertThat(fails(new SormCommand.ConnectKsl(1, PW, 7, ObjectType.NODE_SUBSCRIBER, 5, 1))).isEqualTo(StatusCode.KSL_ALLOCATION_ERROR);
  }

  @Test
  void standardCodesWhenExtendedCodesAreOff() {
    s = new SormStation(StationConfig.defaults().withExtendedErrorCodes(false), clock);
    ok(new SormCommand.Start(1, PW));
    StationReply r = s.handle(new SormCommand.ConnectKsl(1, PW, 1, ObjectType.NODE_SUBSCRIBER, 1, 1));
    assertThat(r.kpd1()).containsExactly(
        new Kpd1Message.Receipt(1, 1, 1, 7, StatusCode.OK), new Kpd1Message.Execution(1, 1, 1, 7, StatusCode.REJECTED));
    r = s.handle(new SormCommand.ReleaseKsl(1, PW, 1, ObjectType.NODE_SUBSCRIBER, 1, K1, Ksl.NONE));
    assertThat(r.execution().status()).isEqualTo(StatusCode.REJECTED);
  }

  @Test
  void removingTheObjectOrStoppingFreesKsls() {
    s.callStarted(1, n("100"), n("200")); // object 1: K1, object 2: K5/K6
    StationReply removed = ok(new SormCommand.RemoveObject(1, PW, 1, ObjectType.NONE, PhoneNumber.NONE, 0xFFFF));
    assertThat(removed.kpd2()).containsExactly(
        new Kpd2Message.KslReleased(1, ev(1, 1, CallParameters.OUTGOING, "100", "200", K1, Ksl.NONE, Priority.NORMAL), KslReleaseReason.COMMAND_6));
    assertThat(s.callAnswered(1)).extracting(m -> ((Kpd2Message.CallMessage) m).event().objectNumber()).containsExactly(2);
    assertThat(fails(new SormCommand.RemoveKslFromGroup(1, PW, 2, K5, K6))).isEqualTo(StatusCode.KSL_A_ALREADY_ASSIGNED);
    ok(new SormCommand.RemoveKslFromGroup(1, PW, 1, K1, Ksl.NONE));
    StationReply stopped = ok(new SormCommand.Stop(1, PW));
    assertThat(stopped.kpd2()).containsExactly(
        new Kpd2Message.KslReleased(1, ev(1, 2, CallParameters.INCOMING, "100", "200", K5, K6, Priority.PRIORITY), KslReleaseReason.COMMAND_2));
    assertThat(s.activeCalls()).isZero();
    ok(new SormCommand.Start(1, PW));
    ok(new SormCommand.RemoveKslFromGroup(1, PW, 2, K5, K6));
  }

  @Test
  void anObjectCallingItselfHoldsOneKslAndAReusedCallNumberFreesTheOldOne() {
    List<Kpd2Message> self = s.callStarted(1, n("100"), n("100"));
    assertThat(self).hasSize(2);
    assertThat(((Kpd2Message.CallMessage) self.get(0)).event().kslA()).isEqualTo(K1);
    assertThat(((Kpd2Message.CallMessage) self.get(1)).event().kslA()).isEqualTo(Ksl.NONE);
    s.callReleased(1, ReleaseCause.TECHNICAL);
    assertThat(((Kpd2Message.CallMessage) s.callStarted(2, n("100"), n("1")).get(0)).event().kslA()).isEqualTo(K1);
    // Call number 2 reused without a release: its KSL is free again for the new call.
    assertThat(((Kpd2Message.CallMessage) s.callStarted(2, n("100"), n("2")).get(0)).event().kslA()).isEqualTo(K1);
    assertThat(s.activeCalls()).isEqualTo(1);
  }

  @Test
  void removingTheOnlyObjectOfACallForgetsTheCall() {
    s.callStarted(1, n("500"), n("1"));
    ok(new SormCommand.RemoveObject(1, PW, 5, ObjectType.NONE, PhoneNumber.NONE, 0xFFFF));
    assertThat(s.activeCalls()).isZero();
    assertThat(s.callReleased(1, ReleaseCause.TECHNICAL)).isEmpty();
  }
}
