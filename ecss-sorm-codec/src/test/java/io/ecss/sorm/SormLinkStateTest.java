package io.ecss.sorm;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The link states the station reports (messages 9 and 2.3) follow the links that are connected. */
@Timeout(60)
class SormLinkStateTest {
  static final String PW = "secret";
  static final InetSocketAddress ANY = new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);

  /** The КПД2 state byte the station would report now (message 9 of command 14). */
  static int kpd2State(SormStation station) {
    StationReply r = station.handle(new SormCommand.ChannelTest(1, PW, 1));
    return ((Kpd1Message.TestReply) r.kpd1().get(2)).kpd2State();
  }

  static Thread thread(Predicate<String> name) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (true) {
      for (Thread t : Thread.getAllStackTraces().keySet()) {
        if (name.test(t.getName())) {
          return t;
        }
      }
      assertThat(System.nanoTime()).as("thread not found").isLessThan(deadline);
      Thread.onSpinWait();
    }
  }

  static void awaitBlocked(Thread t) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (t.getState() != Thread.State.BLOCKED) {
      assertThat(System.nanoTime()).as("%s not blocked: %s", t.getName(), t.getState()).isLessThan(deadline);
      Thread.onSpinWait();
    }
  }

  /**
   * A КПД2 link connects while another one disconnects (a console reconnecting its КПД2): the
   * acceptor counted two links and the reader of the closed one counted one, and each then set the
   * station's link states outside any lock, so the older count could be set last — the station
   * went on reporting КПД2 state 0x03 with one link connected. The test holds the station's
   * monitor so that both threads have counted before either sets its count.
   */
  @Test
  void aLinkConnectingWhileAnotherDisconnectsLeavesTheRightState() throws Exception {
    SormStation station = new SormStation(StationConfig.defaults().withPassword(PW));
    try (SormStationServer server = SormStationServer.start(station, ANY, ANY)) {
      int port = server.kpd2Address().getPort();
      Socket first = new Socket();
      first.connect(server.kpd2Address());
      SormStationServerTest.awaitTrue(() -> server.kpd2Count() == 1);
      SormStationServerTest.awaitTrue(() -> kpd2State(station) == 0x01);
      String firstReader = "ecss-sorm-station-reader КПД2 /127.0.0.1:" + first.getLocalPort();
      Thread reader = thread(firstReader::equals);
      Thread acceptor = thread(("ecss-sorm-station-accept КПД2 " + port)::equals);
      try (Socket second = new Socket()) {
        synchronized (station) {
          second.connect(server.kpd2Address());
          awaitBlocked(acceptor); // registered the second link, waits to set the state
          first.close();
          awaitBlocked(reader); // the first link's reader ends, waits likewise (or for the acceptor)
        }
        SormStationServerTest.awaitTrue(() -> server.kpd2Count() == 1);
        SormStationServerTest.awaitTrue(() -> !reader.isAlive());
        assertThat(kpd2State(station)).as("КПД2 state with one link connected").isEqualTo(0x01);
      }
    }
  }

  /**
   * close() racing a connection being accepted: the acceptor checked {@code closed} before close()
   * and registered the link after close() had closed the links it knew, so the new link's socket
   * stayed open and its reader ran on after close() returned (a leaked thread and socket). The
   * test holds the station's monitor so that the closing reader of another link holds the
   * server's state lock while the acceptor waits for it.
   */
  @Test
  void aLinkAcceptedWhileTheServerClosesIsClosedToo() throws Exception {
    SormStation station = new SormStation(StationConfig.defaults().withPassword(PW));
    SormStationServer server = SormStationServer.start(station, ANY, ANY);
    Thread closer = new Thread(server::close, "test-closer");
    try (Socket first = new Socket(); Socket second = new Socket()) {
      int port = server.kpd2Address().getPort();
      first.connect(server.kpd2Address());
      SormStationServerTest.awaitTrue(() -> server.kpd2Count() == 1);
      Thread reader = thread(("ecss-sorm-station-reader КПД2 /127.0.0.1:" + first.getLocalPort())::equals);
      Thread acceptor = thread(("ecss-sorm-station-accept КПД2 " + port)::equals);
      synchronized (station) {
        first.shutdownOutput(); // the server's reader sees the end of the stream
        awaitBlocked(reader); // holds the state lock, waits for the station
        second.connect(server.kpd2Address());
        awaitBlocked(acceptor); // accepted the second link, waits for the state lock
        closer.start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (closer.getState() != Thread.State.TIMED_WAITING && closer.getState() != Thread.State.BLOCKED) {
          assertThat(System.nanoTime()).as("close() did not get to wait").isLessThan(deadline);
          Thread.onSpinWait();
        }
      }
      closer.join(TimeUnit.SECONDS.toMillis(20));
      assertThat(closer.isAlive()).isFalse();
      second.setSoTimeout(5000);
      assertThat(second.getInputStream().read()).as("the link accepted during close() is closed").isEqualTo(-1);
      SormStationServerTest.awaitTrue(() -> SormStationServerTest.sormThreads().isEmpty());
    } finally {
      server.close();
    }
  }
}
