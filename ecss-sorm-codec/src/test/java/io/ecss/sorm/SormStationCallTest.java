package io.ecss.sorm;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SormStationCallTest {
  static final String PW = "000000";
  final SormStationTest.ManualClock clock = new SormStationTest.ManualClock();
  final SormStation s = new SormStation(StationConfig.defaults(), clock);

  static PhoneNumber n(String digits) {
    return PhoneNumber.of(NumberIndicator.NODE_SUBSCRIBER, digits);
  }

  void add(int object, String digits, ControlCategory category) {
    StationReply r = s.handle(new SormCommand.AddObject(1, PW, object, ObjectType.NODE_SUBSCRIBER, n(digits), 0xFFFF, category, 0xFF,
        category.equals(ControlCategory.STATISTICAL) ? Priority.STATISTICAL : Priority.NORMAL));
    assertThat(r.execution().status()).isEqualTo(StatusCode.OK);
  }

  @Test
  void callOfObjectsOnControlProducesOneTwoThree() {
    assertThat(s.callStarted(1, n("100"), n("200"))).isEmpty();
    s.handle(new SormCommand.Start(1, PW));
    add(1, "100", ControlCategory.FULL_COMBINED);
    add(2, "200", ControlCategory.STATISTICAL);
    assertThat(s.callStarted(5, n("300"), n("400"))).isEmpty();
    List<Kpd2Message> start = s.callStarted(7, n("100"), n("200"));
    CallEvent ea = new CallEvent(7, ObjectType.NODE_SUBSCRIBER, 1, SelectionFlag.of(0x01), CallParameters.OUTGOING, ServicePhase.CALL,
        n("100"), n("200"), 0xFFFF, Ksl.NONE, Ksl.NONE, new EventTime(27, 10, 15, 30), Priority.NORMAL, CallEvent.NO_SERVICE, 0xFF);
    CallEvent eb = new CallEvent(7, ObjectType.NODE_SUBSCRIBER, 2, SelectionFlag.of(0x08), CallParameters.INCOMING, ServicePhase.CALL,
        n("100"), n("200"), 0xFFFF, Ksl.NONE, Ksl.NONE, new EventTime(27, 10, 15, 30), Priority.STATISTICAL, CallEvent.NO_SERVICE, 0xFF);
    assertThat(start).containsExactly(
        new Kpd2Message.CalledNumberReceived(0x01, ea, KslState.NO_FREE_KSL),
        new Kpd2Message.CalledNumberReceived(0x01, eb, KslState.STATISTICAL));
    assertThat(s.activeCalls()).isEqualTo(1);
    clock.advance(java.time.Duration.ofSeconds(2));
    EventTime t2 = new EventTime(27, 10, 15, 32);
    assertThat(s.callAnswered(7)).containsExactly(
        new Kpd2Message.Answer(1, ea.withTime(t2), KslState.NO_FREE_KSL),
        new Kpd2Message.Answer(1, eb.withTime(t2), KslState.STATISTICAL));
    assertThat(s.callReleased(7, ReleaseCause.AFTER_CONVERSATION)).containsExactly(
        new Kpd2Message.Release(1, ea.withTime(t2), ReleaseCause.AFTER_CONVERSATION),
        new Kpd2Message.Release(1, eb.withTime(t2), ReleaseCause.AFTER_CONVERSATION));
    assertThat(s.activeCalls()).isZero();
    assertThat(s.callAnswered(7)).isEmpty();
    assertThat(s.callReleased(7, ReleaseCause.TECHNICAL)).isEmpty();
  }

  @Test
  void indexFollowsRemoveChangeAndStop() {
    s.handle(new SormCommand.Start(1, PW));
    add(1, "100", ControlCategory.FULL_COMBINED);
    s.handle(new SormCommand.ChangeObject(1, PW, 1, ControlCategory.FULL_SEPARATE, 0xFF, Priority.PRIORITY));
    List<Kpd2Message> m = s.callStarted(1, PhoneNumber.NONE, n("100"));
    assertThat(((Kpd2Message.CalledNumberReceived) m.get(0)).event().selection()).isEqualTo(SelectionFlag.of(0x0C));
    assertThat(((Kpd2Message.CalledNumberReceived) m.get(0)).event().priority()).isEqualTo(Priority.PRIORITY);
    s.handle(new SormCommand.RemoveObject(1, PW, 1, ObjectType.NONE, PhoneNumber.NONE, 0xFFFF));
    assertThat(s.callStarted(2, n("100"), n("100"))).isEmpty();
    add(2, "100", ControlCategory.FULL_COMBINED);
    assertThat(s.callStarted(3, n("100"), PhoneNumber.NONE)).hasSize(1);
    s.handle(new SormCommand.Stop(1, PW));
    assertThat(s.activeCalls()).isZero();
    assertThat(s.callAnswered(3)).isEmpty();
  }
}
