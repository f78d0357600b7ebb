package io.ecss.benchmarks.sorm;

import io.ecss.sorm.ControlCategory;
import io.ecss.sorm.Kpd2Message;
import io.ecss.sorm.NumberAdaptation;
import io.ecss.sorm.NumberIndicator;
import io.ecss.sorm.ObjectType;
import io.ecss.sorm.PhoneNumber;
import io.ecss.sorm.Priority;
import io.ecss.sorm.SormCodec;
import io.ecss.sorm.SormCommand;
import io.ecss.sorm.SormConsole;
import io.ecss.sorm.SormRadiusBridge;
import io.ecss.sorm.SormStation;
import io.ecss.sorm.SormStationServer;
import io.ecss.sorm.StationConfig;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * One mediator (station server with 1,000 objects on control + RADIUS bridge), one console on its
 * КПД1/КПД2 ports, and a softswitch stand-in that sends hand-encoded Accounting-Requests over UDP
 * (a template plus MD5, so the sender costs little of the shared CPUs) and drains the
 * Accounting-Responses on its own thread. Every call's A number is an object, so every call is
 * intercepted. Used by {@link SormRadiusBenchmark} and {@link SormRadiusLoad}.
 */
final class RadiusPath {
  static final int OBJECTS = 1000;
  static final int WINDOW = 32;
  static final String SECRET = "bench-secret";
  static final String PW = "000000";

  SormStationServer server;
  SormConsole console;
  SormRadiusBridge bridge;
  DatagramChannel socket;
  final ByteBuffer out = ByteBuffer.allocateDirect(512);
  InetSocketAddress target;
  Thread drain;
  final Semaphore window = new Semaphore(WINDOW);
  final Semaphore started = new Semaphore(0);
  final MessageDigest md5;
  final byte[] secret = SECRET.getBytes(StandardCharsets.UTF_8);
  final ByteArrayOutputStream buf = new ByteArrayOutputStream(128);
  volatile boolean closing;
  /** When set, send times of Starts by sequence number (a ring), for the load harness. */
  volatile long[] sentAt;
  /** Start → 1.1 latencies in nanoseconds by sequence number (a ring), when {@link #sentAt} is set. */
  long[] latencies = new long[0];
  long seq;
  /** Calls started so far (the B number and session id carry it). */
  long calls;

  private final StationConfig.CallLookup lookup;

  RadiusPath(StationConfig.CallLookup lookup) {
    this.lookup = lookup;
    try {
      md5 = MessageDigest.getInstance("MD5");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  StationConfig.CallLookup lookup() {
    return lookup;
  }

  /** Starts the station with 1,000 objects, the console, the bridge and the sender. */
  void open() throws Exception {
    InetSocketAddress any = new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
    SormStation station = new SormStation(StationConfig.defaults().withObjectCapacity(OBJECTS).withCallLookup(lookup()));
    station.handle(new SormCommand.Start(1, PW));
    for (int i = 0; i < OBJECTS; i++) {
      station.handle(new SormCommand.AddObject(1, PW, i + 1, ObjectType.NODE_SUBSCRIBER,
          PhoneNumber.of(NumberIndicator.NODE_SUBSCRIBER, objectNumber(i)), 0xFFFF, ControlCategory.FULL_COMBINED, 0xFF, Priority.NORMAL));
    }
    if (station.objectCount() != OBJECTS) {
      throw new IllegalStateException("objects on control: " + station.objectCount());
    }
    server = SormStationServer.start(station, any, any);
    console = SormConsole.connect(server.kpd1Address(), server.kpd2Address(), SormCodec.DEFAULT, Duration.ofSeconds(5));
    console.onKpd2(m -> {
      if (m instanceof Kpd2Message.CalledNumberReceived c) {
        long[] times = sentAt;
        if (times != null) {
          long n = Long.parseLong(c.event().b().digits().substring(4));
          latencies[(int) (n % latencies.length)] = System.nanoTime() - times[(int) (n % times.length)];
        }
        started.release();
      } else if (m instanceof Kpd2Message.Release) {
        window.release();
      }
    });
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (server.kpd2Count() == 0) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("console КПД2 did not connect");
      }
      Thread.sleep(1);
    }
    bridge = SormRadiusBridge.start(server, any, SECRET, NumberAdaptation.NONE);
    target = bridge.address();
    // A softswitch talks to one mediator: a connected channel (no per-send address handling).
    socket = DatagramChannel.open();
    socket.setOption(StandardSocketOptions.SO_RCVBUF, 1 << 20);
    socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
    socket.connect(target);
    drain = new Thread(this::drainResponses, "bench-radius-responses");
    drain.setDaemon(true);
    drain.start();
  }

  static String objectNumber(int i) {
    return "7495" + String.format("%07d", 1_000_000 + i * 7);
  }

  private void drainResponses() {
    ByteBuffer b = ByteBuffer.allocateDirect(64);
    while (!closing) {
      try {
        b.clear();
        socket.read(b);
      } catch (IOException e) {
        return;
      }
    }
  }

  /** Closes everything and checks that nothing was lost. */
  void close() throws InterruptedException {
    // Let in-flight calls finish so the counters below are final.
    window.tryAcquire(WINDOW, 5, TimeUnit.SECONDS);
    closing = true;
    try {
      socket.close();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    drain.join(2000);
    long accepted = bridge.accepted();
    long dropped = bridge.wrongSecret() + bridge.malformed() + bridge.callOverflow();
    bridge.close();
    console.close();
    server.close();
    if (dropped != 0) {
      throw new IllegalStateException("bridge dropped " + dropped + " of " + (accepted + dropped) + " requests");
    }
  }

  void send(int status, String session, String a, String b, int extra) throws IOException {
    buf.reset();
    buf.write(4);
    buf.write((int) (seq & 0xFF));
    buf.write(0);
    buf.write(0);
    buf.write(new byte[16], 0, 16);
    attr(40, new byte[] {0, 0, 0, (byte) status});
    attr(44, session.getBytes(StandardCharsets.US_ASCII));
    if (a != null) {
      attr(31, a.getBytes(StandardCharsets.US_ASCII));
      attr(30, b.getBytes(StandardCharsets.US_ASCII));
    }
    if (extra == 1) {
      byte[] pair = "phase=answer".getBytes(StandardCharsets.US_ASCII);
      vsa(1, pair);
    } else if (extra == 2) {
      vsa(11, new byte[] {0, 0, 0, 1});
    }
    byte[] p = buf.toByteArray();
    p[2] = (byte) (p.length >>> 8);
    p[3] = (byte) p.length;
    md5.reset();
    md5.update(p);
    md5.update(secret);
    System.arraycopy(md5.digest(), 0, p, 4, 16);
    out.clear();
    out.put(p).flip();
    socket.write(out);
    seq++;
  }

  private void attr(int type, byte[] value) {
    buf.write(type);
    buf.write(value.length + 2);
    buf.write(value, 0, value.length);
  }

  private void vsa(int subType, byte[] value) {
    buf.write(26);
    buf.write(value.length + 8);
    buf.write(0);
    buf.write(0);
    buf.write(0x89);
    buf.write(0xC1); // 35265
    buf.write(subType);
    buf.write(value.length + 2);
    buf.write(value, 0, value.length);
  }

  /** One whole call, pipelined: waits only for a free slot in the window. */
  long call() throws Exception {
    if (!window.tryAcquire(5, TimeUnit.SECONDS)) {
      throw new IllegalStateException("no message 1.3 for 5 s: requests or messages lost");
    }
    long n = calls++;
    String session = "c" + n;
    long[] times = sentAt;
    if (times != null) {
      times[(int) (n % times.length)] = System.nanoTime();
    }
    send(1, session, objectNumber((int) (n % OBJECTS)), "8800" + n, 0);
    send(3, session, null, null, 1);
    send(2, session, null, null, 2);
    return n;
  }

  /** Start, wait for message 1.1 at the console, then Stop (not measured by the caller's wait). */
  long startToMessage11() throws Exception {
    started.drainPermits();
    long n = calls++;
    String session = "l" + n;
    send(1, session, objectNumber((int) (n % OBJECTS)), "8800" + n, 0);
    if (!started.tryAcquire(5, TimeUnit.SECONDS)) {
      throw new IllegalStateException("no message 1.1 for 5 s");
    }
    if (!window.tryAcquire(5, TimeUnit.SECONDS)) {
      throw new IllegalStateException("window exhausted");
    }
    send(2, session, null, null, 2);
    return n;
  }
}
