package io.ecss.csta;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Function;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import org.jspecify.annotations.Nullable;
import org.slf4j.LoggerFactory;

/**
 * An in-memory CSTA switch on a real socket (plain and optionally TLS), for tests, examples and
 * demos: devices and calls, the ECMA-354 session with login check, and the ECMA-323 services and
 * events in the order a switch sends them. Scripted faults let tests exercise a client's error
 * paths: drop connections, delay, lose or fail a response, send {@code SystemStatus} or an unknown
 * event, split frames into small TCP writes, terminate sessions.
 *
 * <p>Behaviour in short: {@code MakeCall(A, B)} makes A connected (no prompt) and B alerting
 * ({@code ServiceInitiated}, {@code Originated}, {@code Delivered}); an unknown or busy B gives
 * {@code Failed} and the call is cleared. {@code AnswerCall} gives {@code Established}; {@code
 * ClearConnection} gives {@code ConnectionCleared} and, when fewer than two parties remain, the
 * rest's {@code ConnectionCleared} and {@code CallCleared}. Deflect, hold, retrieve, consultation,
 * transfer (new call id, {@code TransferedEvent} with the old-to-new map), single-step transfer,
 * conference and snapshot behave alike. Events go to every monitor of every device of the call.
 * A session that is not kept alive ends with {@code ApplicationSessionTerminated}.
 *
 * <p>Thread-safe. Binds to the loopback address unless told otherwise.
 */
public final class CstaSimulator implements AutoCloseable {
  private static final String NOT_LOGGED_IN = "generic";
  private static final int HANDSHAKE_TIMEOUT_MILLIS = 10_000;

  private final Set<String> devices;
  private final @Nullable String userName;
  private final @Nullable String password;
  private final Duration maxSessionDuration;
  private final InetAddress bind;
  private final int requestedPort;
  private final int requestedTlsPort;
  private final @Nullable SSLContext tlsContext;
  private final boolean requireClientCertificate;
  private final Consumer<String> rejectedHandshakeReporter;
  private final AtomicInteger rejectedHandshakes = new AtomicInteger();

  private final Object lock = new Object(); // guards the model and the fault scripts
  private final Map<String, SimCall> calls = new LinkedHashMap<>();
  private final List<Session> sessions = new ArrayList<>();
  private final Map<String, ArrayListQueue<Fault>> faults = new HashMap<>();
  private int nextCall;
  private int nextXref;
  private int nextSession;
  private int nextServerInvoke = 4999;
  private int nextServiceXref;
  private volatile int snapshotSegmentSize;
  private @Nullable Long skipSegment; // guarded by lock
  private volatile boolean splitFrames;
  private final AtomicInteger systemStatusAcks = new AtomicInteger();
  private final AtomicInteger requestsServed = new AtomicInteger();

  private final List<ServerSocket> servers = new ArrayList<>();
  private final List<Thread> acceptors = new ArrayList<>();
  private final ScheduledExecutorService timer;
  private volatile boolean closed;

  private CstaSimulator(Builder b) {
    this.devices = new LinkedHashSet<>(b.devices);
    this.userName = b.userName;
    this.password = b.password;
    this.maxSessionDuration = b.maxSessionDuration;
    this.bind = b.bind;
    this.requestedPort = b.port;
    this.requestedTlsPort = b.tlsPort;
    this.tlsContext =
        b.serverChain == null ? null : Pem.context(b.clientAnchors, null, b.serverChain, b.serverKey);
    this.requireClientCertificate = b.clientAnchors != null;
    Consumer<String> reporter = b.rejectedHandshakeReporter;
    this.rejectedHandshakeReporter =
        reporter != null ? reporter : msg -> LoggerFactory.getLogger(CstaSimulator.class).info("{}", msg);
    this.timer =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "ecss-csta-sim-timer");
              t.setDaemon(true);
              return t;
            });
  }

  /**
   * Starts configuring a simulator.
   *
   * @return a builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Binds the listening sockets and starts accepting.
   *
   * @return this simulator
   * @throws IOException if a port cannot be bound
   * @throws IllegalStateException if already started
   */
  public CstaSimulator start() throws IOException {
    synchronized (lock) {
      if (!servers.isEmpty() || closed) {
        throw new IllegalStateException("simulator already started or closed");
      }
      try {
        if (requestedPort >= 0) {
          ServerSocket s = new ServerSocket();
          s.setReuseAddress(true);
          s.bind(new InetSocketAddress(bind, requestedPort), 50);
          servers.add(s);
        }
        if (tlsContext != null) {
          SSLServerSocket s = (SSLServerSocket) tlsContext.getServerSocketFactory().createServerSocket();
          s.setNeedClientAuth(requireClientCertificate);
          s.setReuseAddress(true);
          s.bind(new InetSocketAddress(bind, requestedTlsPort), 50);
          servers.add(s);
        }
      } catch (IOException e) {
        for (ServerSocket s : servers) {
          s.close();
        }
        servers.clear();
        throw e;
      }
      for (ServerSocket s : servers) {
        Thread t = new Thread(() -> acceptLoop(s), "ecss-csta-sim-accept " + s.getLocalPort());
        t.setDaemon(true);
        acceptors.add(t);
        t.start();
      }
    }
    return this;
  }

  /**
   * The plain TCP port (useful with port 0).
   *
   * @return the bound port
   * @throws IllegalStateException if not started or no plain port was configured
   */
  public int port() {
    synchronized (lock) {
      for (ServerSocket s : servers) {
        if (!(s instanceof SSLServerSocket)) {
          return s.getLocalPort();
        }
      }
    }
    throw new IllegalStateException("no plain TCP listener");
  }

  /**
   * The TLS port (useful with port 0).
   *
   * @return the bound port
   * @throws IllegalStateException if not started or TLS was not configured
   */
  public int tlsPort() {
    synchronized (lock) {
      for (ServerSocket s : servers) {
        if (s instanceof SSLServerSocket) {
          return s.getLocalPort();
        }
      }
    }
    throw new IllegalStateException("no TLS listener");
  }

  /**
   * The configured devices.
   *
   * @return the device ids, in configuration order
   */
  public List<String> devices() {
    return List.copyOf(devices);
  }

  // ---------------------------------------------------------------------------------------------
  // faults and inspection

  /** Closes every client connection abruptly (calls stay up; monitors go away). */
  public void dropConnections() {
    List<Session> all;
    synchronized (lock) {
      all = new ArrayList<>(sessions);
    }
    for (Session s : all) {
      s.close();
    }
  }

  /**
   * Sends the response to the next {@code request} only after {@code delay} (events are sent at
   * once).
   *
   * @param request the request's root element, e.g. {@code MakeCall}
   * @param delay the delay
   */
  public void delayNextResponse(String request, Duration delay) {
    addFault(request, new Fault(requireNonNull(delay, "delay"), false, null));
  }

  /**
   * Processes the next {@code request} but never sends its response.
   *
   * @param request the request's root element
   */
  public void loseNextResponse(String request) {
    addFault(request, new Fault(null, true, null));
  }

  /**
   * Answers the next {@code request} with an error instead of processing it.
   *
   * @param request the request's root element
   * @param error the error to send
   */
  public void failNextRequest(String request, CstaError error) {
    addFault(request, new Fault(null, false, requireNonNull(error, "error")));
  }

  /**
   * Sends {@code SystemStatus} to every logged-in client, each with a server invoke id.
   *
   * @param systemStatus e.g. {@code normal}, {@code messagesLost}
   * @return how many clients it was sent to
   */
  public int sendSystemStatus(String systemStatus) {
    String xml = CstaCodec.encode(new CstaRequest.SystemStatus(systemStatus));
    synchronized (lock) {
      int n = 0;
      for (Session s : sessions) {
        if (s.sessionId != null) {
          nextServerInvoke = nextServerInvoke >= 9998 ? 5000 : nextServerInvoke + 1;
          s.send(nextServerInvoke, xml);
          n++;
        }
      }
      return n;
    }
  }

  /**
   * Sends an event this library does not type (e.g. {@code DoNotDisturbEvent}) to every monitor
   * of a device.
   *
   * @param deviceId the device
   * @param eventName the root element, ending in {@code Event}
   * @return how many monitors received it
   */
  public int sendUnknownEvent(String deviceId, String eventName) {
    synchronized (lock) {
      int n = 0;
      for (Session s : sessions) {
        for (Map.Entry<String, SimMonitor> m : s.monitors.entrySet()) {
          if (deviceId.equals(m.getValue().device) && !m.getValue().filter.filters(eventName)) {
            s.send(
                CstaFrames.EVENT_INVOKE_ID,
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?><" + eventName + " xmlns=\"" + CstaCodec.NS_ED3
                    + "\"><monitorCrossRefID>" + m.getKey() + "</monitorCrossRefID><device><deviceIdentifier>"
                    + deviceId + "</deviceIdentifier></device></" + eventName + ">");
            n++;
          }
        }
      }
      return n;
    }
  }

  /**
   * Sends {@code ApplicationSessionTerminated} to every logged-in client and closes its connection.
   *
   * @param reason {@code sessionTimerExpired} or {@code resourceLimitation} (sent as {@code
   *     definedTermReason}), or any other text (sent as {@code serverTermReason})
   */
  public void terminateSessions(String reason) {
    List<Session> all;
    synchronized (lock) {
      all = new ArrayList<>(sessions);
    }
    for (Session s : all) {
      s.terminate(reason);
    }
  }

  /**
   * Answers {@code SnapshotDevice} the segmented way of ECMA-323: a {@code SnapshotDeviceResponse}
   * with a {@code serviceCrossRefID}, then {@code SnapshotDeviceData} messages (invoke id 9999)
   * with {@code segmentID} 1, 2, ... and {@code lastSegment}, at most {@code callsPerSegment}
   * calls each (one empty segment for a device without calls). 0 (the default) answers inline.
   *
   * @param callsPerSegment calls per segment, or 0 for inline answers
   */
  public void segmentSnapshots(int callsPerSegment) {
    if (callsPerSegment < 0) {
      throw new IllegalArgumentException("callsPerSegment: " + callsPerSegment + " (expected >= 0)");
    }
    this.snapshotSegmentSize = callsPerSegment;
  }

  /**
   * Does not send the next {@code SnapshotDeviceData} segment with this segment number (a
   * client then sees a gap, or never gets the last segment).
   *
   * @param segmentId the segment to lose, from 1
   */
  public void loseSnapshotSegment(long segmentId) {
    synchronized (lock) {
      skipSegment = segmentId;
    }
  }

  /**
   * Writes every following frame in several small TCP writes (header split from body), to test
   * partial reads.
   *
   * @param split whether to split
   */
  public void splitFrames(boolean split) {
    this.splitFrames = split;
  }

  /**
   * The calls in progress, as {@code callID: device=state, ...} lines.
   *
   * @return one line per call
   */
  public List<String> calls() {
    synchronized (lock) {
      List<String> out = new ArrayList<>();
      for (SimCall c : calls.values()) {
        out.add(c.id + ": " + c.parties);
      }
      return out;
    }
  }

  /**
   * The number of client connections currently open.
   *
   * @return the count
   */
  public int connectionCount() {
    synchronized (lock) {
      return sessions.size();
    }
  }

  /**
   * How many {@code SystemStatusResponse}s clients sent back.
   *
   * @return the count
   */
  public int systemStatusAcks() {
    return systemStatusAcks.get();
  }

  /**
   * How many TLS handshakes were refused (no client certificate, an untrusted one, or any other
   * handshake failure), since start.
   *
   * @return the count
   */
  public int rejectedHandshakes() {
    return rejectedHandshakes.get();
  }

  /**
   * How many requests were processed.
   *
   * @return the count
   */
  public int requestsServed() {
    return requestsServed.get();
  }

  private void addFault(String request, Fault f) {
    requireNonNull(request, "request");
    synchronized (lock) {
      faults.computeIfAbsent(request, k -> new ArrayListQueue<>()).add(f);
    }
  }

  /** Stops listening, closes every connection and stops every thread. Idempotent. */
  @Override
  public void close() {
    List<Session> all;
    List<Thread> threads;
    synchronized (lock) {
      if (closed) {
        return;
      }
      closed = true;
      all = new ArrayList<>(sessions);
      threads = new ArrayList<>(acceptors);
      for (ServerSocket s : servers) {
        try {
          s.close();
        } catch (IOException ignored) {
          // closing anyway
        }
      }
    }
    for (Session s : all) {
      s.close();
    }
    timer.shutdownNow();
    try {
      for (Thread t : threads) {
        t.join(2_000);
      }
      for (Session s : all) {
        s.join();
      }
      timer.awaitTermination(2, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  // ---------------------------------------------------------------------------------------------
  // connections

  private void acceptLoop(ServerSocket server) {
    while (!closed) {
      Socket s;
      try {
        s = server.accept();
      } catch (IOException e) {
        return; // closed
      }
      try {
        s.setTcpNoDelay(true);
        Session session;
        synchronized (lock) {
          if (closed) {
            s.close();
            return;
          }
          session = new Session(s, ++nextSession);
          sessions.add(session);
        }
        session.start();
      } catch (IOException e) {
        try {
          s.close();
        } catch (IOException ignored) {
          // nothing to do
        }
      }
    }
  }

  /** One client connection. */
  private final class Session {
    final Socket socket;
    final int number;
    final OutputStream out;
    final InputStream in;
    final ExecutorService writer;
    final Thread reader;
    final Map<String, SimMonitor> monitors = new LinkedHashMap<>(); // by xref; guarded by lock
    @Nullable String sessionId; // guarded by lock
    @Nullable ScheduledFuture<?> expiry; // guarded by lock
    volatile boolean gone;

    Session(Socket socket, int number) throws IOException {
      this.socket = socket;
      this.number = number;
      this.out = socket.getOutputStream();
      this.in = socket.getInputStream();
      this.writer =
          Executors.newSingleThreadExecutor(
              r -> {
                Thread t = new Thread(r, "ecss-csta-sim-writer " + number);
                t.setDaemon(true);
                return t;
              });
      this.reader = new Thread(this::readLoop, "ecss-csta-sim-session " + number);
      this.reader.setDaemon(true);
    }

    void start() {
      reader.start();
    }

    void readLoop() {
      if (socket instanceof SSLSocket ssl && !handshake(ssl)) {
        close();
        return;
      }
      CstaFrameDecoder decoder = new CstaFrameDecoder();
      byte[] buf = new byte[16 * 1024];
      try {
        while (true) {
          int n = in.read(buf);
          if (n < 0) {
            break;
          }
          for (CstaFrame f : decoder.feed(buf, 0, n)) {
            onFrame(this, f);
          }
        }
      } catch (IOException | RuntimeException e) {
        // connection gone or garbage from the client: drop it
      }
      close();
    }

    /** Runs the TLS handshake on this session's thread; false (counted and reported) if refused. */
    boolean handshake(SSLSocket ssl) {
      try {
        ssl.setSoTimeout(HANDSHAKE_TIMEOUT_MILLIS);
        ssl.startHandshake();
        ssl.setSoTimeout(0);
        return true;
      } catch (IOException e) {
        if (closed || gone) {
          return false;
        }
        rejectedHandshakes.incrementAndGet();
        try {
          rejectedHandshakeReporter.accept(
              "rejected TLS handshake from " + socket.getRemoteSocketAddress() + ": " + e.getMessage());
        } catch (RuntimeException ignored) {
          // a reporter must not break the simulator
        }
        return false;
      }
    }

    /** Queues a frame; call with or without the lock held (never blocks). */
    void send(int invokeId, String xml) {
      byte[] frame = CstaFrames.encode(invokeId, xml);
      boolean split = splitFrames;
      try {
        writer.execute(
            () -> {
              try {
                if (split && frame.length > 9) {
                  int mid = CstaFrames.HEADER_LENGTH + (frame.length - CstaFrames.HEADER_LENGTH) / 2;
                  out.write(frame, 0, 3);
                  out.flush();
                  sleepBriefly();
                  out.write(frame, 3, mid - 3);
                  out.flush();
                  sleepBriefly();
                  out.write(frame, mid, frame.length - mid);
                } else {
                  out.write(frame);
                }
                out.flush();
              } catch (IOException e) {
                close();
              }
            });
      } catch (RejectedExecutionException e) {
        // closed
      }
    }

    void terminate(String reason) {
      String sid;
      synchronized (lock) {
        sid = sessionId;
      }
      if (sid != null) {
        send(CstaFrames.EVENT_INVOKE_ID, CstaCodec.encode(new CstaMessage.SessionTerminated(sid, reason)));
      }
      closeAfterWrites();
    }

    void closeAfterWrites() {
      try {
        writer.execute(this::close);
      } catch (RejectedExecutionException e) {
        close();
      }
    }

    void close() {
      synchronized (lock) {
        if (gone) {
          return;
        }
        gone = true;
        sessions.remove(this);
        monitors.clear();
        if (expiry != null) {
          expiry.cancel(false);
        }
      }
      writer.shutdown();
      try {
        socket.close();
      } catch (IOException ignored) {
        // closing anyway
      }
    }

    void join() throws InterruptedException {
      if (Thread.currentThread() != reader) {
        reader.join(2_000);
      }
      writer.awaitTermination(2, TimeUnit.SECONDS);
    }
  }

  private static void sleepBriefly() {
    try {
      Thread.sleep(2);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  // ---------------------------------------------------------------------------------------------
  // the switch

  private void onFrame(Session s, CstaFrame frame) {
    CstaMessage m;
    try {
      m = CstaCodec.decode(frame.xml());
    } catch (CstaParseException e) {
      s.send(frame.invokeId(), CstaCodec.encode(CstaError.of("operation", "generic")));
      return;
    }
    if (m instanceof CstaResponse.SystemStatusResponse) {
      systemStatusAcks.incrementAndGet();
      return;
    }
    if (!(m instanceof CstaRequest<?> req)) {
      return; // responses or events from a client are ignored
    }
    int id = frame.invokeId();
    synchronized (lock) {
      requestsServed.incrementAndGet();
      Fault f = null;
      ArrayListQueue<Fault> q = faults.get(req.name());
      if (q != null) {
        f = q.poll();
      }
      if (f != null && f.error != null) {
        s.send(id, CstaCodec.encode(f.error));
        return;
      }
      List<Out> events = new ArrayList<>();
      CstaMessage response;
      if (req instanceof CstaRequest.StartApplicationSession login) {
        response = login(s, login);
      } else if (s.sessionId == null) {
        response = CstaError.of("security", NOT_LOGGED_IN);
      } else {
        response = serve(s, req, events);
      }
      if (f != null && f.lose) {
        // processed, response lost
      } else if (f != null && f.delay != null) {
        String xml = CstaCodec.encode(response);
        try {
          ScheduledFuture<?> unused =
              timer.schedule(() -> s.send(id, xml), f.delay.toNanos(), TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException e) {
          // closing
        }
      } else {
        s.send(id, CstaCodec.encode(response));
      }
      for (Out o : events) {
        o.session.send(CstaFrames.EVENT_INVOKE_ID, CstaCodec.encode(o.event));
      }
      if (req instanceof CstaRequest.StopApplicationSession && response instanceof CstaResponse) {
        s.closeAfterWrites();
      }
    }
  }

  private CstaMessage login(Session s, CstaRequest.StartApplicationSession login) {
    if ((userName != null && !userName.equals(login.userName()))
        || (password != null
            && !java.security.MessageDigest.isEqual(
                password.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                login.password().getBytes(java.nio.charset.StandardCharsets.UTF_8)))) {
      return new CstaError("StartApplicationSessionNegResponse", "definedError", "invalidApplicationInfo");
    }
    int granted = (int) Math.min(login.requestedDurationSeconds(), maxSessionDuration.toSeconds());
    s.sessionId = "S" + s.number;
    armExpiry(s, granted);
    return new CstaResponse.StartApplicationSessionResponse(s.sessionId, CstaCodec.NS_ED3, granted);
  }

  private void armExpiry(Session s, int seconds) {
    if (s.expiry != null) {
      s.expiry.cancel(false);
    }
    try {
      s.expiry = timer.schedule(() -> s.terminate("sessionTimerExpired"), seconds, TimeUnit.SECONDS);
    } catch (RejectedExecutionException e) {
      s.expiry = null;
    }
  }

  /** A message sent after the response: an event, or a snapshot segment. */
  private record Out(Session session, CstaMessage event) {}

  private CstaMessage serve(Session s, CstaRequest<?> req, List<Out> events) {
    if (req instanceof CstaRequest.ResetApplicationSessionTimer r) {
      if (!r.sessionId().equals(s.sessionId)) {
        return new CstaError("ResetApplicationSessionTimerNegResponse", "definedError", "invalidSessionID");
      }
      int granted = (int) Math.min(r.requestedDurationSeconds(), maxSessionDuration.toSeconds());
      armExpiry(s, granted);
      return new CstaResponse.ResetApplicationSessionTimerResponse(granted);
    }
    if (req instanceof CstaRequest.StopApplicationSession) {
      s.sessionId = null;
      return new CstaResponse.StopApplicationSessionResponse();
    }
    if (req instanceof CstaRequest.RequestSystemStatus) {
      return new CstaResponse.RequestSystemStatusResponse("normal");
    }
    if (req instanceof CstaRequest.MonitorStart r) {
      String device = r.deviceId();
      ConnectionId call = r.callObject();
      if (device != null ? !devices.contains(device) : !calls.containsKey(requireNonNull(call).callId())) {
        return CstaError.of("operation", "invalidMonitorObject");
      }
      String xref = Integer.toString(++nextXref);
      s.monitors.put(xref, new SimMonitor(device, call == null ? null : call.callId(), r.filter()));
      return new CstaResponse.MonitorStartResponse(xref, r.filter());
    }
    if (req instanceof CstaRequest.MonitorStop r) {
      if (s.monitors.remove(r.monitorCrossRefId()) == null) {
        return CstaError.of("operation", "invalidMonitorCrossRefID");
      }
      return new CstaResponse.MonitorStopResponse();
    }
    if (req instanceof CstaRequest.SnapshotDevice r) {
      if (!devices.contains(r.snapshotObject())) {
        return CstaError.of("operation", "invalidDeviceID");
      }
      List<CstaResponse.SnapshotCall> out = new ArrayList<>();
      for (SimCall c : calls.values()) {
        String mine = c.parties.get(r.snapshotObject());
        if (mine != null) {
          List<String> states = new ArrayList<>();
          states.add(mine);
          String endpoint = null;
          for (Map.Entry<String, String> p : c.parties.entrySet()) {
            if (!p.getKey().equals(r.snapshotObject())) {
              states.add(p.getValue());
              if (endpoint == null) {
                endpoint = p.getKey();
              }
            }
          }
          out.add(new CstaResponse.SnapshotCall(ConnectionId.of(c.id, r.snapshotObject()), endpoint, states));
        }
      }
      int per = snapshotSegmentSize;
      if (per <= 0) {
        return new CstaResponse.SnapshotDeviceResponse(out);
      }
      String xref = "SX" + ++nextServiceXref;
      int segments = Math.max(1, (out.size() + per - 1) / per);
      for (int i = 0; i < segments; i++) {
        long segmentId = i + 1L;
        List<CstaResponse.SnapshotCall> chunk = out.subList(Math.min(out.size(), i * per), Math.min(out.size(), (i + 1) * per));
        if (skipSegment != null && skipSegment == segmentId) {
          skipSegment = null;
          continue;
        }
        events.add(new Out(s, new CstaMessage.SnapshotDeviceData(xref, segmentId, i == segments - 1, chunk)));
      }
      return new CstaResponse.SnapshotDeviceResponse(List.of(), xref);
    }
    if (req instanceof CstaRequest.MakeCall r) {
      return makeCall(r, events);
    }
    if (req instanceof CstaRequest.AnswerCall r) {
      return answer(r.callToBeAnswered(), events);
    }
    if (req instanceof CstaRequest.ClearConnection r) {
      return clearConnection(r.connectionToBeCleared(), events);
    }
    if (req instanceof CstaRequest.ClearCall r) {
      SimCall c = calls.get(r.callToBeCleared().callId());
      if (c == null) {
        return CstaError.of("operation", "invalidCallID");
      }
      clearAll(c, "normalClearing", events);
      return new CstaResponse.ClearCallResponse();
    }
    if (req instanceof CstaRequest.DeflectCall r) {
      return deflect(r, events);
    }
    if (req instanceof CstaRequest.HoldCall r) {
      return holdOrRetrieve(r.callToBeHeld(), true, events);
    }
    if (req instanceof CstaRequest.RetrieveCall r) {
      return holdOrRetrieve(r.callToBeRetrieved(), false, events);
    }
    if (req instanceof CstaRequest.ConsultationCall r) {
      return consult(r, events);
    }
    if (req instanceof CstaRequest.TransferCall r) {
      return transfer(r.heldCall(), r.activeCall(), events);
    }
    if (req instanceof CstaRequest.SingleStepTransferCall r) {
      return singleStepTransfer(r, events);
    }
    if (req instanceof CstaRequest.ConferenceCall r) {
      return conference(r.heldCall(), r.activeCall(), events);
    }
    return CstaError.of("operation", "generic");
  }

  /** One call of the model: parties in join order with their LocalConnectionState. */
  private static final class SimCall {
    final String id;
    final String calling;
    String called;
    final LinkedHashMap<String, String> parties = new LinkedHashMap<>();

    SimCall(String id, String calling, String called) {
      this.id = id;
      this.calling = calling;
      this.called = called;
    }
  }

  private String newCallId() {
    nextCall++;
    return "C" + nextCall;
  }

  /** A monitor of a session: on a device, or on a call (re-keyed when the call changes id). */
  private static final class SimMonitor {
    final @Nullable String device;
    @Nullable String callId;
    final CstaMonitorFilter filter;

    SimMonitor(@Nullable String device, @Nullable String callId, CstaMonitorFilter filter) {
      this.device = device;
      this.callId = callId;
      this.filter = filter;
    }
  }

  /**
   * Sends an event to every device monitor of each device (built per monitor and device) and once
   * to every call monitor of the call(s) it is about (seen from the first device), skipping
   * monitors whose filter suppresses it.
   */
  private void emit(Collection<String> toDevices, List<Out> events, Function<String, Function<String, CstaEvent>> perDevice) {
    Set<String> targets = new LinkedHashSet<>(toDevices);
    for (String d : targets) {
      Function<String, CstaEvent> make = perDevice.apply(d);
      for (Session s : sessions) {
        for (Map.Entry<String, SimMonitor> m : s.monitors.entrySet()) {
          if (d.equals(m.getValue().device)) {
            CstaEvent e = make.apply(m.getKey());
            if (!m.getValue().filter.filters(e.name())) {
              events.add(new Out(s, e));
            }
          }
        }
      }
    }
    if (targets.isEmpty()) {
      return;
    }
    Function<String, CstaEvent> make = perDevice.apply(targets.iterator().next());
    for (Session s : sessions) {
      for (Map.Entry<String, SimMonitor> m : s.monitors.entrySet()) {
        String callId = m.getValue().callId;
        if (callId != null) {
          CstaEvent e = make.apply(m.getKey());
          if (callIdsOf(e).contains(callId) && !m.getValue().filter.filters(e.name())) {
            events.add(new Out(s, e));
          }
        }
      }
    }
  }

  private static Set<String> callIdsOf(CstaEvent e) {
    Set<String> out = new LinkedHashSet<>();
    if (e.connection() != null) {
      out.add(e.connection().callId());
    }
    if (e instanceof CstaEvent.Transfered t && t.secondaryOldCall() != null) {
      out.add(t.secondaryOldCall().callId());
    }
    if (e instanceof CstaEvent.Conferenced c && c.secondaryOldCall() != null) {
      out.add(c.secondaryOldCall().callId());
    }
    return out;
  }

  /** Call monitors of {@code from} follow the call to its new id. */
  private void rekeyCallMonitors(Collection<String> from, String to) {
    for (Session s : sessions) {
      for (SimMonitor m : s.monitors.values()) {
        if (m.callId != null && from.contains(m.callId)) {
          m.callId = to;
        }
      }
    }
  }

  /** After {@code CallCleared}: call monitors of the call end with {@code MonitorEndedEvent}. */
  private void endCallMonitors(String callId, String cause, List<Out> events) {
    for (Session s : sessions) {
      for (java.util.Iterator<Map.Entry<String, SimMonitor>> it = s.monitors.entrySet().iterator(); it.hasNext(); ) {
        Map.Entry<String, SimMonitor> m = it.next();
        if (callId.equals(m.getValue().callId)) {
          it.remove();
          String xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><MonitorEndedEvent xmlns=\"" + CstaCodec.NS_ED3
              + "\"><monitorCrossRefID>" + m.getKey() + "</monitorCrossRefID><cause>" + cause
              + "</cause></MonitorEndedEvent>";
          events.add(new Out(s, new CstaEvent.Raw("MonitorEndedEvent", m.getKey(), xml)));
        }
      }
    }
  }

  private boolean busy(String device) {
    for (SimCall c : calls.values()) {
      String st = c.parties.get(device);
      if (st != null && !st.equals("hold")) {
        return true;
      }
    }
    return false;
  }

  private CstaMessage makeCall(CstaRequest.MakeCall r, List<Out> events) {
    String a = r.callingDevice();
    String b = r.calledDirectoryNumber();
    if (!devices.contains(a)) {
      return CstaError.of("operation", "invalidCallingDeviceID");
    }
    if (busy(a)) {
      return CstaError.of("stateIncompatibility", "invalidDeviceState");
    }
    SimCall c = new SimCall(newCallId(), a, b);
    ConnectionId ca = ConnectionId.of(c.id, a);
    ConnectionId cb = ConnectionId.of(c.id, b);
    List<String> self = List.of(a);
    emit(self, events, d -> x -> new CstaEvent.ServiceInitiated(x, ca, a, "initiated", "makeCall"));
    emit(self, events, d -> x -> new CstaEvent.Originated(x, ca, a, b, "connected", "makeCall"));
    if (!devices.contains(b) || busy(b) || a.equals(b)) {
      String cause = devices.contains(b) ? "busy" : "destNotObtainable";
      emit(self, events, d -> x -> new CstaEvent.Failed(x, cb, b, a, b, "fail", cause));
      emit(self, events, d -> x -> new CstaEvent.ConnectionCleared(x, ca, a, "null", cause));
      emit(self, events, d -> x -> new CstaEvent.CallCleared(x, new ConnectionId(c.id, null), "null", cause));
      return new CstaResponse.MakeCallResponse(ca);
    }
    c.parties.put(a, "connected");
    c.parties.put(b, "alerting");
    calls.put(c.id, c);
    emit(List.of(a, b), events, d -> x ->
        new CstaEvent.Delivered(x, cb, b, a, b, null, c.parties.get(d), "newCall"));
    return new CstaResponse.MakeCallResponse(ca);
  }

  private @Nullable CstaError checkParty(ConnectionId conn, @Nullable String requiredState, String stateError) {
    SimCall c = calls.get(conn.callId());
    if (c == null) {
      return CstaError.of("operation", "invalidCallID");
    }
    String st = conn.deviceId() == null ? null : c.parties.get(conn.deviceId());
    if (st == null) {
      return CstaError.of("operation", "invalidConnectionID");
    }
    if (requiredState != null && !requiredState.equals(st)) {
      return CstaError.of("stateIncompatibility", stateError);
    }
    return null;
  }

  private CstaMessage answer(ConnectionId conn, List<Out> events) {
    CstaError err = checkParty(conn, "alerting", "noCallToAnswer");
    if (err != null) {
      return err;
    }
    SimCall c = requireNonNull(calls.get(conn.callId()));
    String b = requireNonNull(conn.deviceId());
    c.parties.put(b, "connected");
    emit(c.parties.keySet(), events, d -> x ->
        new CstaEvent.Established(x, conn, b, c.calling, c.called, null, c.parties.get(d), "newCall"));
    return new CstaResponse.AnswerCallResponse();
  }

  private CstaMessage clearConnection(ConnectionId conn, List<Out> events) {
    CstaError err = checkParty(conn, null, "");
    if (err != null) {
      return err;
    }
    SimCall c = requireNonNull(calls.get(conn.callId()));
    String x0 = requireNonNull(conn.deviceId());
    List<String> everyone = new ArrayList<>(c.parties.keySet());
    c.parties.remove(x0);
    emit(everyone, events, d -> x ->
        new CstaEvent.ConnectionCleared(x, conn, x0, d.equals(x0) ? "null" : c.parties.get(d), "normalClearing"));
    if (c.parties.size() < 2) {
      for (String y : new ArrayList<>(c.parties.keySet())) {
        c.parties.remove(y);
        emit(everyone, events, d -> x ->
            new CstaEvent.ConnectionCleared(x, ConnectionId.of(c.id, y), y, "null", "normalClearing"));
      }
      calls.remove(c.id);
      emit(everyone, events, d -> x ->
          new CstaEvent.CallCleared(x, new ConnectionId(c.id, null), "null", "normalClearing"));
      endCallMonitors(c.id, "normalClearing", events);
    }
    return new CstaResponse.ClearConnectionResponse();
  }

  private void clearAll(SimCall c, String cause, List<Out> events) {
    List<String> everyone = new ArrayList<>(c.parties.keySet());
    for (String y : everyone) {
      c.parties.remove(y);
      emit(everyone, events, d -> x ->
          new CstaEvent.ConnectionCleared(x, ConnectionId.of(c.id, y), y, d.equals(y) ? "null" : c.parties.get(d), cause));
    }
    calls.remove(c.id);
    emit(everyone, events, d -> x -> new CstaEvent.CallCleared(x, new ConnectionId(c.id, null), "null", cause));
    endCallMonitors(c.id, cause, events);
  }

  private CstaMessage deflect(CstaRequest.DeflectCall r, List<Out> events) {
    ConnectionId conn = r.callToBeDiverted();
    CstaError err = checkParty(conn, "alerting", "invalidConnectionState");
    if (err != null) {
      return err;
    }
    String to = r.newDestination();
    if (!devices.contains(to) || busy(to)) {
      return CstaError.of("operation", "invalidDestination");
    }
    SimCall c = requireNonNull(calls.get(conn.callId()));
    String b = requireNonNull(conn.deviceId());
    List<String> notify = new ArrayList<>(c.parties.keySet());
    notify.add(to);
    c.parties.remove(b);
    c.parties.put(to, "alerting");
    c.called = to;
    emit(notify, events, d -> x ->
        new CstaEvent.Diverted(x, conn, b, to, c.calling, to, b, d.equals(b) ? "null" : c.parties.get(d), "redirected"));
    ConnectionId ct = ConnectionId.of(c.id, to);
    emit(c.parties.keySet(), events, d -> x ->
        new CstaEvent.Delivered(x, ct, to, c.calling, to, b, c.parties.get(d), "redirected"));
    return new CstaResponse.DeflectCallResponse();
  }

  private CstaMessage holdOrRetrieve(ConnectionId conn, boolean hold, List<Out> events) {
    CstaError err = checkParty(conn, hold ? "connected" : "hold", hold ? "invalidConnectionState" : "noHeldCall");
    if (err != null) {
      return err;
    }
    SimCall c = requireNonNull(calls.get(conn.callId()));
    String a = requireNonNull(conn.deviceId());
    c.parties.put(a, hold ? "hold" : "connected");
    if (hold) {
      emit(c.parties.keySet(), events, d -> x -> new CstaEvent.Held(x, conn, a, c.parties.get(d), null));
      return new CstaResponse.HoldCallResponse();
    }
    emit(c.parties.keySet(), events, d -> x -> new CstaEvent.Retrieved(x, conn, a, c.parties.get(d), null));
    return new CstaResponse.RetrieveCallResponse();
  }

  private CstaMessage consult(CstaRequest.ConsultationCall r, List<Out> events) {
    ConnectionId existing = r.existingCall();
    CstaError err = checkParty(existing, "connected", "invalidConnectionState");
    if (err != null) {
      return err;
    }
    String to = r.consultedDevice();
    String a = requireNonNull(existing.deviceId());
    if (!devices.contains(to) || busy(to) || to.equals(a)) {
      return CstaError.of("operation", "invalidDestination");
    }
    SimCall c1 = requireNonNull(calls.get(existing.callId()));
    c1.parties.put(a, "hold");
    emit(c1.parties.keySet(), events, d -> x -> new CstaEvent.Held(x, existing, a, c1.parties.get(d), "consultation"));
    SimCall c2 = new SimCall(newCallId(), a, to);
    c2.parties.put(a, "connected");
    c2.parties.put(to, "alerting");
    calls.put(c2.id, c2);
    ConnectionId c2a = ConnectionId.of(c2.id, a);
    ConnectionId c2t = ConnectionId.of(c2.id, to);
    emit(List.of(a), events, d -> x -> new CstaEvent.ServiceInitiated(x, c2a, a, "initiated", "consultation"));
    emit(List.of(a), events, d -> x -> new CstaEvent.Originated(x, c2a, a, to, "connected", "consultation"));
    emit(List.of(a, to), events, d -> x -> new CstaEvent.Delivered(x, c2t, to, a, to, null, c2.parties.get(d), "consultation"));
    return new CstaResponse.ConsultationCallResponse(c2a);
  }

  private CstaMessage transfer(ConnectionId held, ConnectionId active, List<Out> events) {
    CstaError err = checkParty(held, "hold", "noHeldCall");
    if (err == null) {
      err = checkParty(active, null, "");
    }
    if (err == null && !requireNonNull(held.deviceId()).equals(active.deviceId())) {
      err = CstaError.of("operation", "invalidConnectionID");
    }
    if (err != null) {
      return err;
    }
    String a = requireNonNull(held.deviceId());
    SimCall c1 = requireNonNull(calls.get(held.callId()));
    SimCall c2 = requireNonNull(calls.get(active.callId()));
    SimCall c3 = new SimCall(newCallId(), c1.calling.equals(a) ? c2.called : c1.calling, c2.called);
    List<ConnectionListItem> items = new ArrayList<>();
    String to = null;
    for (SimCall old : List.of(c1, c2)) {
      for (Map.Entry<String, String> p : old.parties.entrySet()) {
        if (!p.getKey().equals(a)) {
          c3.parties.put(p.getKey(), p.getValue());
          items.add(new ConnectionListItem(ConnectionId.of(c3.id, p.getKey()), ConnectionId.of(old.id, p.getKey()), p.getKey()));
          if (old == c2 && to == null) {
            to = p.getKey();
          }
        }
      }
    }
    List<String> notify = new ArrayList<>(c1.parties.keySet());
    notify.addAll(c2.parties.keySet());
    calls.remove(c1.id);
    calls.remove(c2.id);
    calls.put(c3.id, c3);
    String transferredTo = to;
    emit(notify, events, d -> x ->
        new CstaEvent.Transfered(x, held, active, a, transferredTo, items, d.equals(a) ? "null" : c3.parties.get(d), "transfer"));
    rekeyCallMonitors(List.of(c1.id, c2.id), c3.id);
    return new CstaResponse.TransferCallResponse(
        new ConnectionId(c3.id, transferredTo), items);
  }

  private CstaMessage singleStepTransfer(CstaRequest.SingleStepTransferCall r, List<Out> events) {
    ConnectionId active = r.activeCall();
    CstaError err = checkParty(active, null, "");
    if (err != null) {
      return err;
    }
    String to = r.transferredTo();
    String a = requireNonNull(active.deviceId());
    if (!devices.contains(to) || busy(to) || to.equals(a)) {
      return CstaError.of("operation", "invalidDestination");
    }
    SimCall c1 = requireNonNull(calls.get(active.callId()));
    String other = null;
    for (String p : c1.parties.keySet()) {
      if (!p.equals(a)) {
        other = p;
        break;
      }
    }
    SimCall c3 = new SimCall(newCallId(), other == null ? a : other, to);
    List<ConnectionListItem> items = new ArrayList<>();
    for (Map.Entry<String, String> p : c1.parties.entrySet()) {
      if (!p.getKey().equals(a)) {
        c3.parties.put(p.getKey(), p.getValue());
        items.add(new ConnectionListItem(ConnectionId.of(c3.id, p.getKey()), ConnectionId.of(c1.id, p.getKey()), p.getKey()));
      }
    }
    c3.parties.put(to, "alerting");
    items.add(new ConnectionListItem(ConnectionId.of(c3.id, to), null, to));
    List<String> notify = new ArrayList<>(c1.parties.keySet());
    notify.add(to);
    calls.remove(c1.id);
    calls.put(c3.id, c3);
    emit(notify, events, d -> x ->
        new CstaEvent.Transfered(x, active, null, a, to, items, d.equals(a) ? "null" : c3.parties.get(d), "singleStepTransfer"));
    rekeyCallMonitors(List.of(c1.id), c3.id);
    ConnectionId ct = ConnectionId.of(c3.id, to);
    emit(c3.parties.keySet(), events, d -> x ->
        new CstaEvent.Delivered(x, ct, to, c3.calling, to, a, c3.parties.get(d), "singleStepTransfer"));
    return new CstaResponse.SingleStepTransferCallResponse(ct, items);
  }

  private CstaMessage conference(ConnectionId held, ConnectionId active, List<Out> events) {
    CstaError err = checkParty(held, "hold", "noHeldCall");
    if (err == null) {
      err = checkParty(active, null, "");
    }
    if (err == null && !requireNonNull(held.deviceId()).equals(active.deviceId())) {
      err = CstaError.of("operation", "invalidConnectionID");
    }
    if (err != null) {
      return err;
    }
    String a = requireNonNull(held.deviceId());
    SimCall c1 = requireNonNull(calls.get(held.callId()));
    SimCall c2 = requireNonNull(calls.get(active.callId()));
    SimCall c3 = new SimCall(newCallId(), c1.calling, c1.called);
    List<ConnectionListItem> items = new ArrayList<>();
    c3.parties.put(a, "connected");
    items.add(new ConnectionListItem(ConnectionId.of(c3.id, a), held, a));
    String added = null;
    for (SimCall old : List.of(c1, c2)) {
      for (Map.Entry<String, String> p : old.parties.entrySet()) {
        if (!p.getKey().equals(a)) {
          c3.parties.put(p.getKey(), p.getValue());
          items.add(new ConnectionListItem(ConnectionId.of(c3.id, p.getKey()), ConnectionId.of(old.id, p.getKey()), p.getKey()));
          if (old == c2 && added == null) {
            added = p.getKey();
          }
        }
      }
    }
    calls.remove(c1.id);
    calls.remove(c2.id);
    calls.put(c3.id, c3);
    String addedParty = added;
    emit(c3.parties.keySet(), events, d -> x ->
        new CstaEvent.Conferenced(x, held, active, a, addedParty, items, c3.parties.get(d), "conference"));
    rekeyCallMonitors(List.of(c1.id, c2.id), c3.id);
    return new CstaResponse.ConferenceCallResponse(ConnectionId.of(c3.id, a), items);
  }

  /** A one-shot scripted fault. */
  private record Fault(@Nullable Duration delay, boolean lose, @Nullable CstaError error) {}

  /** A tiny FIFO (ArrayDeque would do; this keeps the generic type explicit). */
  private static final class ArrayListQueue<T> {
    private final java.util.ArrayDeque<T> q = new java.util.ArrayDeque<>();

    void add(T t) {
      q.add(t);
    }

    @Nullable T poll() {
      return q.poll();
    }
  }

  /**
   * Configures a {@link CstaSimulator}. Defaults: no devices, no login check, plain port 4721 on
   * the loopback address, no TLS, session durations capped at 300 s.
   *
   * <p>Not thread-safe; confine to one thread.
   */
  public static final class Builder {
    private final List<String> devices = new ArrayList<>();
    private @Nullable String userName;
    private @Nullable String password;
    private Duration maxSessionDuration = Duration.ofMinutes(5);
    private InetAddress bind = InetAddress.getLoopbackAddress();
    private int port = 4721;
    private int tlsPort = 4722;
    private @Nullable List<X509Certificate> serverChain;
    private @Nullable PrivateKey serverKey;
    private @Nullable List<X509Certificate> clientAnchors;
    private @Nullable Consumer<String> rejectedHandshakeReporter;

    private Builder() {}

    /**
     * Adds devices.
     *
     * @param deviceIds the device ids (e.g. from {@link CstaNumberList#expand(int)})
     * @return this builder
     */
    public Builder devices(Collection<String> deviceIds) {
      for (String d : deviceIds) {
        if (requireNonNull(d, "device").isEmpty()) {
          throw new IllegalArgumentException("device: empty");
        }
        devices.add(d);
      }
      return this;
    }

    /**
     * Requires this login in {@code StartApplicationSession}.
     *
     * @param userName the user (ECSS-10: the domain)
     * @param password the password
     * @return this builder
     */
    public Builder credentials(String userName, String password) {
      this.userName = requireNonNull(userName, "userName");
      this.password = requireNonNull(password, "password");
      return this;
    }

    /**
     * Sets the plain TCP port; 0 picks a free one, -1 disables plain TCP.
     *
     * @param port the port
     * @return this builder
     */
    public Builder port(int port) {
      if (port < -1 || port > 65_535) {
        throw new IllegalArgumentException("port: " + port + " (expected -1..65535)");
      }
      this.port = port;
      return this;
    }

    /**
     * Adds a TLS listener with a server certificate and an unencrypted key from PEM files.
     *
     * @param tlsPort the port; 0 picks a free one
     * @param certificateChainPem the server certificate (and intermediates)
     * @param privateKeyPem the private key ({@code PRIVATE KEY}, {@code RSA PRIVATE KEY} or {@code
     *     EC PRIVATE KEY})
     * @return this builder
     * @throws CstaException if the files cannot be read or the key does not match the certificate
     */
    public Builder tls(int tlsPort, Path certificateChainPem, Path privateKeyPem) {
      return tls(tlsPort, certificateChainPem, privateKeyPem, null);
    }

    /**
     * Adds a TLS listener with a server certificate and a possibly encrypted key from PEM files
     * (see {@link CstaTls#withClientCertificate(Path, Path, char[])} for the key formats).
     *
     * @param tlsPort the port; 0 picks a free one
     * @param certificateChainPem the server certificate (and intermediates)
     * @param privateKeyPem the private key
     * @param password the key's password, or null for an unencrypted key
     * @return this builder
     * @throws CstaException if the files cannot be read, the password is wrong or missing, or the
     *     key does not match the certificate
     */
    public Builder tls(int tlsPort, Path certificateChainPem, Path privateKeyPem, char @Nullable [] password) {
      if (tlsPort < 0 || tlsPort > 65_535) {
        throw new IllegalArgumentException("tlsPort: " + tlsPort + " (expected 0..65535)");
      }
      List<X509Certificate> chain = Pem.certificates(requireNonNull(certificateChainPem, "certificateChainPem"));
      this.serverKey = Pem.privateKey(requireNonNull(privateKeyPem, "privateKeyPem"), password, chain.get(0));
      this.serverChain = chain;
      this.tlsPort = tlsPort;
      return this;
    }

    /**
     * Requires mutual TLS: every TLS client must present a certificate that chains to one of these
     * anchors, or its handshake is refused (counted in {@link
     * CstaSimulator#rejectedHandshakes()} and reported to {@link #onRejectedHandshake}).
     *
     * @param trustAnchorsPem one or more {@code CERTIFICATE} blocks
     * @return this builder
     * @throws CstaException if the file cannot be read or holds no certificate
     */
    public Builder clientCa(Path trustAnchorsPem) {
      this.clientAnchors = List.copyOf(Pem.certificates(requireNonNull(trustAnchorsPem, "trustAnchorsPem")));
      return this;
    }

    /**
     * Receives a one-line description of every refused TLS handshake (peer address and the JDK's
     * reason), on the connection's thread. Default: logged at INFO.
     *
     * @param reporter the receiver; must not block
     * @return this builder
     */
    public Builder onRejectedHandshake(Consumer<String> reporter) {
      this.rejectedHandshakeReporter = requireNonNull(reporter, "reporter");
      return this;
    }

    /**
     * Sets the address to listen on (default: loopback).
     *
     * @param address the address
     * @return this builder
     */
    public Builder bindAddress(InetAddress address) {
      this.bind = requireNonNull(address, "address");
      return this;
    }

    /**
     * Caps the session durations the simulator grants; a session not kept alive within the
     * granted time is terminated.
     *
     * @param max at least 1 s
     * @return this builder
     */
    public Builder maxSessionDuration(Duration max) {
      requireNonNull(max, "max");
      if (max.toSeconds() < 1) {
        throw new IllegalArgumentException("maxSessionDuration: " + max + " (expected >= 1 s)");
      }
      this.maxSessionDuration = max;
      return this;
    }

    /**
     * Builds the simulator (call {@link CstaSimulator#start()} to listen).
     *
     * @return the simulator
     */
    public CstaSimulator build() {
      if (clientAnchors != null && serverChain == null) {
        throw new IllegalStateException("clientCa(...) needs tls(...)");
      }
      return new CstaSimulator(this);
    }
  }

  @Override
  public String toString() {
    return "CstaSimulator[devices=" + devices.size() + ", connections=" + connectionCount() + "]";
  }
}
