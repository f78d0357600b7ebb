package io.ecss.sorm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MultiSormTest {
  static final String PW = "000000";
  static final List<String> ALL = List.of("central", "a", "b", "test");

  @Test
  void templates() {
    assertThat(MultiSorm.resolveDomains(List.of("*"), ALL)).containsExactly("central", "a", "b", "test");
    assertThat(MultiSorm.resolveDomains(List.of("*", "-test"), ALL)).containsExactly("central", "a", "b");
    assertThat(MultiSorm.resolveDomains(List.of("b", "a", "b"), ALL)).containsExactly("b", "a");
    assertThat(MultiSorm.resolveDomains(List.of("x", "*", "-a"), ALL)).containsExactly("x", "central", "b", "test");
    assertThatThrownBy(() -> MultiSorm.resolveDomains(List.of("*", "*"), ALL)).isInstanceOf(SormException.class)
        .hasMessage("MultiSORM domain template: '*' appears 2 times in [*, *] (expected at most once)");
    assertThatThrownBy(() -> MultiSorm.resolveDomains(List.of("a", "-b"), ALL)).isInstanceOf(SormException.class)
        .hasMessage("MultiSORM domain template: exclusion [b] without '*' in [a, -b]");
    assertThatThrownBy(() -> MultiSorm.resolveDomains(List.of(""), ALL)).isInstanceOf(SormException.class);
  }

  static Map<String, SormStation> stations(int capacityOfA) {
    Map<String, SormStation> m = new LinkedHashMap<>();
    m.put("central", new SormStation(StationConfig.defaults().withObjectCapacity(1)));
    m.put("a", new SormStation(StationConfig.defaults().withObjectCapacity(capacityOfA)));
    return m;
  }

  @Test
  void loginChecksEveryDomain() {
    Map<String, SormStation> m = stations(1);
    assertThat(MultiSorm.login(List.of("*"), m, Set.of()).domains()).containsExactly("central", "a");
    assertThatThrownBy(() -> MultiSorm.login(List.of("central", "x", "a"), m, Set.of("a"))).isInstanceOf(SormException.class)
        .hasMessage("MultiSORM login refused: missing domains [x], misconfigured domains [a]");
    assertThatThrownBy(() -> MultiSorm.login(List.of("*", "-central", "-a"), m, Set.of())).isInstanceOf(SormException.class)
        .hasMessageContaining("selects no domain");
  }

  static SormCommand.AddObject add(int object, String digits) {
    return new SormCommand.AddObject(1, PW, object, ObjectType.NODE_SUBSCRIBER, PhoneNumber.of(NumberIndicator.NODE_SUBSCRIBER, digits), 0xFFFF, ControlCategory.FULL_COMBINED, 0xFF, Priority.NORMAL);
  }

  @Test
  void fanOutPositiveIfAnyDomainAccepts() {
    Map<String, SormStation> m = stations(2);
    MultiSorm multi = MultiSorm.login(List.of("*"), m, Set.of());
    assertThat(multi.handle(new SormCommand.Start(1, PW)).execution().status()).isEqualTo(StatusCode.OK);
    assertThat(m.get("central").isStarted()).isTrue();
    assertThat(m.get("a").isStarted()).isTrue();
    assertThat(multi.handle(add(1, "1001")).execution().status()).isEqualTo(StatusCode.OK);
    // central is full now, a still accepts
    assertThat(multi.handle(add(2, "1002")).execution().status()).isEqualTo(StatusCode.OK);
    assertThat(m.get("central").objectCount()).isEqualTo(1);
    assertThat(m.get("a").objectCount()).isEqualTo(2);
    // both refuse: the first negative reply (central: table full) is returned
    StationReply r = multi.handle(add(3, "1003"));
    assertThat(r.execution().status()).isEqualTo(StatusCode.OBJECT_TABLE_FULL);
    assertThat(multi.handle(new SormCommand.Start(1, "wrong!")).execution().status()).isEqualTo(StatusCode.WRONG_PASSWORD);
  }

  @Test
  void everyDuplicateLocalNumberIsReported() {
    Map<String, List<String>> numbers = new LinkedHashMap<>();
    numbers.put("a", List.of("100", "101", "102", "100"));
    numbers.put("b", List.of("200", "101"));
    numbers.put("c", List.of("102", "101", "300"));
    assertThat(MultiSorm.duplicateLocalNumbers(numbers)).containsExactly(
        Map.entry("101", List.of("a", "b", "c")), Map.entry("102", List.of("a", "c")));
    assertThat(MultiSorm.duplicateLocalNumbers(Map.of("a", List.of("1"), "b", List.of("2")))).isEmpty();
  }

  /**
   * Two commands fanned out at the same time reach every domain in the same order. They used to
   * be fanned out independently: "a" got add-then-remove, "central" (held here by the test until
   * both were waiting) could get remove-then-add, and the domains disagreed about the object.
   */
  @Test
  void concurrentCommandsReachEveryDomainInTheSameOrder() throws Exception {
    Map<String, SormStation> m = new LinkedHashMap<>();
    m.put("a", new SormStation(StationConfig.defaults().withPassword(PW)));
    m.put("central", new SormStation(StationConfig.defaults().withPassword(PW)));
    MultiSorm multi = MultiSorm.login(List.of("*"), m, Set.of());
    assertThat(multi.handle(new SormCommand.Start(1, PW)).execution().status()).isEqualTo(StatusCode.OK);
    SormStation central = m.get("central");
    Thread adder = new Thread(() -> multi.handle(add(5, "5555")), "test-add");
    Thread remover = new Thread(() -> multi.handle(new SormCommand.RemoveObject(1, PW, 5, ObjectType.NODE_SUBSCRIBER,
        PhoneNumber.of(NumberIndicator.NODE_SUBSCRIBER, "5555"), 0xFFFF)), "test-remove");
    synchronized (central) {
      adder.start();
      SormLinkStateTest.awaitBlocked(adder); // added in "a", waits for "central"
      remover.start();
      long deadline = System.nanoTime() + 20_000_000_000L;
      while (remover.getState() != Thread.State.BLOCKED && remover.isAlive()) {
        assertThat(System.nanoTime()).as("remover did not get to wait").isLessThan(deadline);
        Thread.onSpinWait();
      }
    }
    adder.join(20_000);
    remover.join(20_000);
    assertThat(m.get("a").objectCount()).as("objects in a").isEqualTo(central.objectCount());
  }
}
