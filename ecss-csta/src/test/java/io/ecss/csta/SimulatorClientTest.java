package io.ecss.csta;

import static io.ecss.csta.SimFixture.assertNoLeakedThreads;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Timeout;

/**
 * Base of the tests that run clients against a fresh simulator: it starts the simulator, closes
 * every client made with {@link #connected} and the simulator after each test, and then checks
 * that no client thread is left.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
abstract class SimulatorClientTest {
  CstaSimulator sim;
  final List<CstaClient> clients = new ArrayList<>();

  @BeforeEach
  void startSimulator() throws Exception {
    sim = SimFixture.simulator();
  }

  @AfterEach
  void closeClientsAndSimulator() throws Exception {
    for (CstaClient c : clients) {
      c.close();
    }
    sim.close();
    assertNoLeakedThreads();
  }

  /** Builds a client, registers it for closing and waits until it is connected. */
  CstaClient connected(CstaClient.Builder b) {
    CstaClient c = b.build();
    clients.add(c);
    c.connect().join();
    return c;
  }
}
