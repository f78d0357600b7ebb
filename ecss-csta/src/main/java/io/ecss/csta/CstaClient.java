package io.ecss.csta;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An asynchronous CSTA (ECMA-323 XML over TCP/TLS, ECMA-354 session) client for ECSS-10 and other
 * switches that use the 8-byte-header framing.
 *
 * <pre>{@code
 * try (CstaClient client = CstaClient.builder("pbx.example", 4721)
 *     .credentials("p.city", "secret")
 *     .build()) {
 *   client.connect().join();
 *   client.monitor("101", event -> System.out.println(event.name())).join();
 *   ConnectionId call = client.makeCall("101", "102").join().callingDevice();
 *   client.clearConnection(call).join();
 * }
 * }</pre>
 *
 * <p><b>Requests</b> return {@link CompletableFuture}s. A future completes exceptionally with
 * {@link CstaServiceException} when the switch refuses ({@code CSTAErrorCode} or a
 * NegResponse), {@link CstaTimeoutException} after the request timeout, and {@link
 * CstaConnectionException} when the client is not connected, the link drops while the request
 * is pending, or the client closes. Invoke ids 0001..9998 are allocated skipping pending ones; after
 * a timeout the id is quarantined so a late reply is dropped, never delivered to a newer request.
 *
 * <p><b>Session</b>: {@code connect()} opens the socket, starts an ECMA-354 session with the
 * vendor login and keeps it alive with {@code ResetApplicationSessionTimer} at half the granted
 * duration (at least every 250 ms). {@code SystemStatus} from the switch is answered with the switch's invoke id. {@link
 * #close()} stops the session and releases every thread; it is idempotent.
 *
 * <p><b>Reconnect</b> (unless disabled): when the link drops, every pending request fails, the
 * state becomes {@code RECONNECTING}, and the client reconnects with {@link CstaBackoff}, starts a
 * new session, restarts every monitor (mapping old to new {@code monitorCrossRefID}s) and calls
 * {@link CstaMonitorListener#onResynchronized} with a fresh {@code SnapshotDevice}. Requests made
 * while not {@code CONNECTED} fail at once.
 *
 * <p><b>Threads</b>: one reader thread per connection decodes frames and never runs user code; one
 * writer thread per connection writes; a timer thread runs timeouts and keep-alive; a connector
 * thread connects. Futures complete and listeners run on the callback executor (by default a
 * single client-owned thread), one task at a time in wire order. See CONCURRENCY.md.
 *
 * <p>Thread-safe.
 */
public final class CstaClient implements AutoCloseable {

  /** Client life cycle. */
  public enum State {
    /** Built, {@link #connect()} not yet called. */
    NEW,
    /** First connection and session being set up. */
    CONNECTING,
    /** Session up; requests are accepted. */
    CONNECTED,
    /** The link dropped; reconnecting with backoff. */
    RECONNECTING,
    /** Closed by {@link #close()}, by a failed first connect, or after giving up; final. */
    CLOSED
  }

  private static final Logger log = LoggerFactory.getLogger(CstaClient.class);
  private static final long CLOSE_WAIT_MILLIS = 2_000;

  private final String host;
  private final int port;
  private final String peer;
  private final @Nullable CstaTls tls;
  private final @Nullable SSLContext sslContext;
  private final String userName;
  private final String password;
  private final String applicationId;
  private final Duration sessionDuration;
  private final Duration connectTimeout;
  private final Duration requestTimeout;
  private final Duration idQuarantine;
  private final @Nullable CstaBackoff backoff;
  private final SerialExecutor callbacks;
  private final @Nullable ExecutorService ownedCallbacks;
  private volatile @Nullable Thread ownedCallbackThread;
  private final List<CstaClientListener> listeners = new CopyOnWriteArrayList<>();

  private final ScheduledExecutorService timer;
  private final ExecutorService connector;
  private final InvokeIds ids = new InvokeIds();
  private static final int MAX_SNAPSHOT_CALLS = 100_000;
  private static final int MAX_EARLY = 16;

  private final Map<Integer, Pending> pending = new ConcurrentHashMap<>();
  private final Map<String, CstaMonitor> byXref = new ConcurrentHashMap<>();
  /** Segmented SnapshotDevice answers being collected, by serviceCrossRefID. */
  private final Map<String, Assembly> assemblies = new ConcurrentHashMap<>();
  /**
   * Segments that arrived before their SnapshotDeviceResponse (a switch may send them first), by
   * serviceCrossRefID; at most {@link #MAX_EARLY} ids, oldest dropped first. Guarded by itself.
   */
  private final Map<String, Early> early = new java.util.LinkedHashMap<>();
  private final CompletableFuture<Void> connected;
  private final AtomicBoolean closeStarted = new AtomicBoolean();
  private final Connection.Handler handler = new Handler();

  // Guarded by lock. Lock order: lock -> InvokeIds -> SerialExecutor (both leaves).
  private final Object lock = new Object();
  private State state = State.NEW;
  private @Nullable Connection conn;
  private @Nullable String sessionId;
  private final List<CstaMonitor> monitors = new ArrayList<>();
  /**
   * Monitors stopped by their user while {@code RECONNECTING}: the reconnect in progress may
   * already have restarted them on the new link, where it must then stop them.
   */
  private final Set<CstaMonitor> stoppedWhileDown = new HashSet<>();
  private @Nullable ScheduledFuture<?> keepAlive;
  private @Nullable ScheduledFuture<?> reconnectTask;
  /** The socket the connector is connecting or handshaking on; close() closes it to wake it. */
  private @Nullable Socket connecting;

  private CstaClient(Builder b) {
    this.host = b.host;
    this.port = b.port;
    this.peer = b.host + ":" + b.port;
    this.tls = b.tls;
    this.sslContext = b.tls == null ? null : b.tls.sslContext();
    this.userName = b.userName;
    this.password = b.password;
    this.applicationId = b.applicationId;
    this.sessionDuration = b.sessionDuration;
    this.connectTimeout = b.connectTimeout;
    this.requestTimeout = b.requestTimeout;
    this.idQuarantine = b.idQuarantine;
    this.backoff = b.backoff;
    this.listeners.addAll(b.listeners);
    if (b.callbackExecutor == null) {
      this.ownedCallbacks =
          Executors.newSingleThreadExecutor(
              r -> {
                Thread t = new Thread(r, "ecss-csta-callbacks " + peer);
                t.setDaemon(true);
                ownedCallbackThread = t;
                return t;
              });
      this.callbacks = new SerialExecutor(ownedCallbacks);
    } else {
      this.ownedCallbacks = null;
      this.callbacks = new SerialExecutor(b.callbackExecutor);
    }
    this.connected = new CallbackFuture<>(callbacks);
    ScheduledThreadPoolExecutor t0 =
        new ScheduledThreadPoolExecutor(
            1,
            r -> {
              Thread t = new Thread(r, "ecss-csta-timer " + peer);
              t.setDaemon(true);
              return t;
            });
    // Every request schedules a timeout that is cancelled when the answer comes: remove
    // cancelled ones at once instead of keeping them queued for the whole timeout.
    t0.setRemoveOnCancelPolicy(true);
    this.timer = t0;
    this.connector =
        Executors.newSingleThreadExecutor(
            r -> {
              Thread t = new Thread(r, "ecss-csta-connect " + peer);
              t.setDaemon(true);
              return t;
            });
  }

  /**
   * Starts building a client for a switch.
   *
   * @param host the switch's host name or address
   * @param port the CSTA port (ECSS-10: 4721 plain, 4722 TLS)
   * @return a builder
   */
  public static Builder builder(String host, int port) {
    return new Builder(host, port);
  }

  // ---------------------------------------------------------------------------------------------
  // life cycle

  /**
   * Connects and starts the session. Call once.
   *
   * @return completes when the session is up; fails with {@link CstaConnectionException} (socket,
   *     TLS or timeout) or {@link CstaServiceException} (login refused), after which the client is
   *     {@code CLOSED}
   * @throws IllegalStateException if called twice
   */
  public CompletableFuture<Void> connect() {
    synchronized (lock) {
      if (state != State.NEW) {
        throw new IllegalStateException("connect() already called (state " + state + ")");
      }
      state = State.CONNECTING;
      queueState(State.CONNECTING, null);
    }
    callbacks.flush();
    try {
      connector.execute(this::firstConnect);
    } catch (RejectedExecutionException e) {
      fail(connected, new CstaConnectionException("client closed"));
    }
    return connected.whenCompleteAsync((v, e) -> {}, callbacks);
  }

  /**
   * The current state.
   *
   * @return the state
   */
  public State state() {
    synchronized (lock) {
      return state;
    }
  }

  /**
   * Adds a client-wide listener.
   *
   * @param listener the listener
   */
  public void addListener(CstaClientListener listener) {
    listeners.add(requireNonNull(listener, "listener"));
  }

  /**
   * Stops the session ({@code StopApplicationSession}, bounded by the request timeout and 2 s),
   * closes the connection, fails pending requests with {@link CstaConnectionException}, ends the
   * monitors and stops every thread the client owns. Idempotent; safe to call from a callback.
   */
  @Override
  public void close() {
    if (!closeStarted.compareAndSet(false, true)) {
      return;
    }
    Connection c;
    String sid;
    State prev;
    List<CstaMonitor> ended;
    Socket opening;
    synchronized (lock) {
      prev = state;
      state = State.CLOSED;
      c = conn;
      conn = null;
      opening = connecting;
      connecting = null;
      sid = sessionId;
      sessionId = null;
      cancel(keepAlive);
      cancel(reconnectTask);
      ended = new ArrayList<>(monitors);
      monitors.clear();
      stoppedWhileDown.clear();
      if (prev != State.CLOSED) {
        queueState(State.CLOSED, null);
      }
    }
    callbacks.flush();
    CstaConnectionException closed = new CstaConnectionException("client closed");
    if (c != null && sid != null && prev == State.CONNECTED) {
      Duration t = requestTimeout.compareTo(Duration.ofSeconds(2)) < 0 ? requestTimeout : Duration.ofSeconds(2);
      try {
        send(c, new CstaRequest.StopApplicationSession(sid, "normal"), t, null, true)
            .get(t.toMillis() + 100, TimeUnit.MILLISECONDS);
      } catch (ExecutionException | TimeoutException e) {
        log.debug("CSTA {}: StopApplicationSession not confirmed: {}", peer, e.getClass().getSimpleName());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    if (c != null) {
      c.abort(closed);
    }
    failPending(null, closed);
    byXref.clear();
    for (CstaMonitor m : ended) {
      if (m.deactivate()) {
        dispatch(() -> m.listener.onMonitorEnded(closed));
      }
    }
    fail(connected, closed);
    if (prev != State.CLOSED) {
      log.info("CSTA {}: closed", peer);
    }
    if (opening != null) {
      // The connector is blocked in a TCP connect or TLS handshake, which an interrupt does not
      // end: closing the socket does, instead of waiting for the connect timeout.
      try {
        opening.close();
      } catch (IOException ignored) {
        // closing anyway
      }
    }
    connector.shutdownNow();
    timer.shutdownNow();
    try {
      if (c != null) {
        c.awaitThreads(CLOSE_WAIT_MILLIS);
      }
      if (Thread.currentThread().getName().startsWith("ecss-csta-connect ")) {
        // called from our own connector (after giving up): it ends when this returns
      } else {
        connector.awaitTermination(CLOSE_WAIT_MILLIS, TimeUnit.MILLISECONDS);
      }
      timer.awaitTermination(CLOSE_WAIT_MILLIS, TimeUnit.MILLISECONDS);
      if (ownedCallbacks != null) {
        ownedCallbacks.shutdown();
        if (Thread.currentThread() != ownedCallbackThread) {
          ownedCallbacks.awaitTermination(CLOSE_WAIT_MILLIS, TimeUnit.MILLISECONDS);
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  // ---------------------------------------------------------------------------------------------
  // services

  /**
   * Sends any request with the default request timeout.
   *
   * @param request the request
   * @param <R> the response type
   * @return the positive response; see the class Javadoc for exceptional completion
   */
  public <R extends CstaResponse> CompletableFuture<R> invoke(CstaRequest<R> request) {
    return invoke(request, requestTimeout);
  }

  /**
   * Sends any request with its own timeout.
   *
   * @param request the request
   * @param timeout how long to wait for the response, counted from this call (queueing and
   *     writing included); a request still not written after the client's request timeout means
   *     the peer stopped reading, and the link is dropped as stalled
   * @param <R> the response type
   * @return the positive response; see the class Javadoc for exceptional completion
   * @throws IllegalArgumentException if the timeout is not positive
   */
  public <R extends CstaResponse> CompletableFuture<R> invoke(CstaRequest<R> request, Duration timeout) {
    requireNonNull(request, "request");
    checkPositive(timeout, "timeout");
    Class<R> type = request.responseType();
    return invokeMapped(request, timeout, null).thenApply(type::cast);
  }

  private CompletableFuture<Object> invokeMapped(
      CstaRequest<?> request, Duration timeout, @Nullable Function<CstaMessage, Object> hook) {
    Connection c;
    State s;
    synchronized (lock) {
      c = conn;
      s = state;
    }
    if (c == null || s != State.CONNECTED) {
      CompletableFuture<Object> f = new CompletableFuture<>();
      f.completeExceptionally(
          new CstaConnectionException(request.name() + " not sent: client is " + s));
      return f;
    }
    return send(c, request, timeout, hook, false);
  }

  /**
   * {@code MakeCall}: click-to-call.
   *
   * @param callingDevice the device that places the call (it rings first or goes off-hook,
   *     depending on the switch)
   * @param calledNumber the number to call
   * @return the calling connection
   */
  public CompletableFuture<CstaResponse.MakeCallResponse> makeCall(String callingDevice, String calledNumber) {
    return invoke(CstaRequest.MakeCall.of(callingDevice, calledNumber));
  }

  /**
   * {@code AnswerCall}.
   *
   * @param alerting the alerting connection (from {@link CstaEvent.Delivered})
   * @return completes when the switch accepted the request
   */
  public CompletableFuture<CstaResponse.AnswerCallResponse> answerCall(ConnectionId alerting) {
    return invoke(new CstaRequest.AnswerCall(alerting));
  }

  /**
   * {@code ClearConnection}: hang up one leg.
   *
   * @param connection the connection
   * @return completes when the switch accepted the request
   */
  public CompletableFuture<CstaResponse.ClearConnectionResponse> clearConnection(ConnectionId connection) {
    return invoke(new CstaRequest.ClearConnection(connection));
  }

  /**
   * {@code ClearCall}: tear down the whole call.
   *
   * @param call the call
   * @return completes when the switch accepted the request
   */
  public CompletableFuture<CstaResponse.ClearCallResponse> clearCall(ConnectionId call) {
    return invoke(new CstaRequest.ClearCall(call));
  }

  /**
   * {@code DeflectCall}: send a ringing call elsewhere.
   *
   * @param alerting the alerting connection
   * @param newDestination where to send it
   * @return completes when the switch accepted the request
   */
  public CompletableFuture<CstaResponse.DeflectCallResponse> deflectCall(ConnectionId alerting, String newDestination) {
    return invoke(new CstaRequest.DeflectCall(alerting, newDestination));
  }

  /**
   * {@code HoldCall}.
   *
   * @param connection the connection to hold
   * @return completes when the switch accepted the request
   */
  public CompletableFuture<CstaResponse.HoldCallResponse> holdCall(ConnectionId connection) {
    return invoke(new CstaRequest.HoldCall(connection));
  }

  /**
   * {@code RetrieveCall}.
   *
   * @param connection the held connection
   * @return completes when the switch accepted the request
   */
  public CompletableFuture<CstaResponse.RetrieveCallResponse> retrieveCall(ConnectionId connection) {
    return invoke(new CstaRequest.RetrieveCall(connection));
  }

  /**
   * {@code ConsultationCall}: hold the active call and call another device.
   *
   * @param activeCall the connection to hold
   * @param consultedDevice who to call
   * @return the new call's connection
   */
  public CompletableFuture<CstaResponse.ConsultationCallResponse> consultationCall(
      ConnectionId activeCall, String consultedDevice) {
    return invoke(new CstaRequest.ConsultationCall(activeCall, consultedDevice));
  }

  /**
   * {@code TransferCall}: connect the held and the active call's other parties and drop out.
   *
   * @param heldCall the held connection
   * @param activeCall the active connection
   * @return the resulting call
   */
  public CompletableFuture<CstaResponse.TransferCallResponse> transferCall(
      ConnectionId heldCall, ConnectionId activeCall) {
    return invoke(new CstaRequest.TransferCall(heldCall, activeCall));
  }

  /**
   * {@code SingleStepTransferCall}: blind transfer.
   *
   * @param activeCall the active connection
   * @param transferredTo the new destination
   * @return the resulting call
   */
  public CompletableFuture<CstaResponse.SingleStepTransferCallResponse> singleStepTransferCall(
      ConnectionId activeCall, String transferredTo) {
    return invoke(new CstaRequest.SingleStepTransferCall(activeCall, transferredTo));
  }

  /**
   * {@code ConferenceCall}: join the held and the active call.
   *
   * @param heldCall the held connection
   * @param activeCall the active connection
   * @return the conference call
   */
  public CompletableFuture<CstaResponse.ConferenceCallResponse> conferenceCall(
      ConnectionId heldCall, ConnectionId activeCall) {
    return invoke(new CstaRequest.ConferenceCall(heldCall, activeCall));
  }

  /**
   * {@code SnapshotDevice}: the calls a device is in.
   *
   * @param deviceId the device
   * @return the snapshot
   */
  public CompletableFuture<CstaResponse.SnapshotDeviceResponse> snapshotDevice(String deviceId) {
    return invoke(new CstaRequest.SnapshotDevice(deviceId));
  }

  /**
   * {@code RequestSystemStatus}.
   *
   * @return the switch's status
   */
  public CompletableFuture<CstaResponse.RequestSystemStatusResponse> requestSystemStatus() {
    return invoke(new CstaRequest.RequestSystemStatus());
  }

  /**
   * Starts a device monitor ({@code MonitorStart}). Events are routed by {@code
   * monitorCrossRefID}; the monitor is restarted after a reconnect until {@link CstaMonitor#stop()}.
   *
   * @param deviceId the device
   * @param listener receives the events, on the callback executor
   * @return the monitor; fails like any request
   */
  public CompletableFuture<CstaMonitor> monitor(String deviceId, CstaMonitorListener listener) {
    return monitor(new CstaRequest.MonitorStart(deviceId), listener);
  }

  /**
   * Starts a monitor from a full request: a device or a call ({@code callObject}), an event
   * filter ({@link CstaMonitorFilter}: the events the switch must not send) and a monitor type.
   * The monitor is restarted with the same request after a reconnect; a call monitor whose call
   * is gone by then ends with {@link CstaMonitorListener#onMonitorEnded}.
   *
   * @param request the {@code MonitorStart}, e.g. {@code MonitorStart.device("101",
   *     CstaMonitorFilter.onlyCallControl(DELIVERED, ESTABLISHED, CONNECTION_CLEARED), null)} or
   *     {@code MonitorStart.call(connection, CstaMonitorFilter.NONE)}
   * @param listener receives the events, on the callback executor
   * @return the monitor; fails like any request
   */
  public CompletableFuture<CstaMonitor> monitor(CstaRequest.MonitorStart request, CstaMonitorListener listener) {
    requireNonNull(request, "request");
    requireNonNull(listener, "listener");
    // The hook runs on the reader thread, so events that follow the response are routed.
    return invokeMapped(
            request,
            requestTimeout,
            m -> {
              CstaResponse.MonitorStartResponse r = (CstaResponse.MonitorStartResponse) m;
              CstaMonitor mon = new CstaMonitor(this, request, r, listener);
              synchronized (lock) {
                if (state == State.CLOSED) {
                  // close() already ended the monitors and is stopping the session: a monitor
                  // registered now would stay active and never see onMonitorEnded
                  throw new CstaConnectionException("MonitorStart of " + request.deviceId()
                      + " answered while the client was closing");
                }
                monitors.add(mon);
              }
              byXref.put(r.monitorCrossRefId(), mon);
              return mon;
            })
        .thenApply(CstaMonitor.class::cast);
  }

  CompletableFuture<Void> stopMonitor(CstaMonitor m) {
    if (!m.deactivate()) {
      return CompletableFuture.completedFuture(null);
    }
    Connection c;
    String xref;
    synchronized (lock) {
      monitors.remove(m);
      xref = m.monitorCrossRefId();
      c = state == State.CONNECTED ? conn : null;
      if (state == State.RECONNECTING) {
        // The monitor on the lost link is gone; if the reconnect in progress has already started
        // it again on the new link, the reconnect stops it there (see establishAndResync).
        stoppedWhileDown.add(m);
      }
    }
    byXref.remove(xref, m);
    if (c == null) {
      return CompletableFuture.completedFuture(null);
    }
    CompletableFuture<Object> f = send(c, new CstaRequest.MonitorStop(xref), requestTimeout, null, false);
    return f.handle(
        (v, e) -> {
          if (e != null && !(unwrap(e) instanceof CstaConnectionException)) {
            throw e instanceof RuntimeException re ? re : new CstaException(e.getMessage(), e);
          }
          return null;
        });
  }

  // ---------------------------------------------------------------------------------------------
  // connecting

  private void firstConnect() {
    try {
      Connection c = establishAndResync(false);
      log.info("CSTA {}: connected", peer);
      connected.complete(null);
      if (c.isClosed()) {
        log.debug("CSTA {}: link dropped right after connect", peer);
      }
    } catch (Exception e) {
      Throwable cause = tlsFailure(unwrap(e));
      log.info("CSTA {}: connect failed: {}", peer, cause.getClass().getSimpleName());
      fail(connected, cause instanceof CstaException ? cause : new CstaConnectionException("connect to " + peer + " failed: " + cause, cause));
      closeInBackground();
    }
  }

  /** Opens socket + session; on reconnect also restarts monitors. Runs on the connector thread. */
  private Connection establishAndResync(boolean resync) throws Exception {
    Socket[] sockets = openSocket();
    Socket s = sockets[0];
    Connection c;
    try {
      c = new Connection(s, sockets[1], peer, handler);
    } catch (IOException e) {
      s.close();
      throw e;
    }
    c.start();
    try {
      CstaResponse.StartApplicationSessionResponse session =
          (CstaResponse.StartApplicationSessionResponse)
              await(
                  send(
                      c,
                      new CstaRequest.StartApplicationSession(
                          applicationId,
                          userName,
                          password,
                          CstaCodec.NS_ED3,
                          (int) Math.max(1, sessionDuration.toSeconds())),
                      requestTimeout,
                      null,
                      true));
      List<Map.Entry<CstaMonitor, List<CstaResponse.SnapshotCall>>> resynced = new ArrayList<>();
      List<Map.Entry<CstaMonitor, Throwable>> lost = new ArrayList<>();
      List<CstaMonitor> restarted = new ArrayList<>();
      if (resync) {
        List<CstaMonitor> current;
        synchronized (lock) {
          current = new ArrayList<>(monitors);
        }
        for (CstaMonitor m : current) {
          try {
            Object started = await(
                send(
                    c,
                    m.request(),
                    requestTimeout,
                    r -> {
                      CstaResponse.MonitorStartResponse msr = (CstaResponse.MonitorStartResponse) r;
                      byXref.remove(m.monitorCrossRefId(), m);
                      if (!m.isActive()) {
                        // stopped by its user while the reconnect re-issued it: stop it on the
                        // switch too instead of keeping a monitor nobody listens to
                        CompletableFuture<?> unused = send(
                            c, new CstaRequest.MonitorStop(msr.monitorCrossRefId()), requestTimeout, null, true);
                        return false;
                      }
                      m.restarted(msr);
                      byXref.put(msr.monitorCrossRefId(), m);
                      return true;
                    },
                    true));
            if (Boolean.TRUE.equals(started)) {
              restarted.add(m);
            }
            if (m.isActive()) {
              resynced.add(Map.entry(m, resyncSnapshot(c, m.request())));
            }
          } catch (CstaServiceException e) {
            lost.add(Map.entry(m, e));
          }
        }
      }
      int granted = session.actualSessionDurationSeconds() > 0
          ? session.actualSessionDurationSeconds()
          : (int) sessionDuration.toSeconds();
      synchronized (lock) {
        if (state == State.CLOSED || c.isClosed()) {
          c.abort(new CstaConnectionException("connection to " + peer + " closed during setup"));
          throw new CstaConnectionException("connection to " + peer + " closed during setup");
        }
        conn = c;
        sessionId = session.sessionId();
        state = State.CONNECTED;
        scheduleKeepAlive(c, session.sessionId(), granted);
        // Stopped by their users after their restart on c but before c was usable (stop()
        // could not send MonitorStop then): stop them on the switch now, in this block, so the
        // MonitorStop is queued before any request a user can send on c.
        for (CstaMonitor m : restarted) {
          if (stoppedWhileDown.contains(m)) {
            String xref = m.monitorCrossRefId();
            byXref.remove(xref, m);
            CompletableFuture<?> unused = send(c, new CstaRequest.MonitorStop(xref), requestTimeout, null, true);
          }
        }
        stoppedWhileDown.clear();
        // Queued in this block so that they precede CONNECTED, and a RECONNECTING of a link
        // that drops at once follows it.
        for (Map.Entry<CstaMonitor, Throwable> e : lost) {
          CstaMonitor m = e.getKey();
          monitors.remove(m);
          byXref.remove(m.monitorCrossRefId(), m);
          if (m.deactivate()) {
            callbacks.enqueue(() -> m.listener.onMonitorEnded(e.getValue()));
          }
        }
        for (Map.Entry<CstaMonitor, List<CstaResponse.SnapshotCall>> e : resynced) {
          CstaMonitor m = e.getKey();
          callbacks.enqueue(() -> {
            if (m.isActive()) {
              m.listener.onResynchronized(e.getValue());
            }
          });
        }
        queueState(State.CONNECTED, null);
      }
      callbacks.flush();
      return c;
    } catch (Exception e) {
      c.abort(e instanceof CstaConnectionException ? e : new CstaConnectionException("session setup failed", e));
      throw e;
    }
  }

  /**
   * The state to hand {@code onResynchronized}: a device monitor's {@code SnapshotDevice}; for a
   * call monitor, that call's entries in the snapshot of the device its connection names (none if
   * the call object has no device).
   */
  private List<CstaResponse.SnapshotCall> resyncSnapshot(Connection c, CstaRequest.MonitorStart req) throws Exception {
    ConnectionId call = req.callObject();
    String device = call == null ? req.deviceId() : call.deviceId();
    if (device == null) {
      return List.of();
    }
    CstaResponse.SnapshotDeviceResponse snap =
        (CstaResponse.SnapshotDeviceResponse)
            await(send(c, new CstaRequest.SnapshotDevice(device), requestTimeout, null, true));
    if (call == null) {
      return snap.calls();
    }
    List<CstaResponse.SnapshotCall> mine = new ArrayList<>();
    for (CstaResponse.SnapshotCall s : snap.calls()) {
      if (s.connection().callId().equals(call.callId())) {
        mine.add(s);
      }
    }
    return mine;
  }

  /** Returns the socket to use and the underlying TCP socket (the same one without TLS). */
  private Socket[] openSocket() throws IOException {
    Socket raw = new Socket();
    synchronized (lock) {
      if (state == State.CLOSED) {
        throw new CstaConnectionException("client closed");
      }
      connecting = raw;
    }
    try {
      raw.connect(new InetSocketAddress(host, port), (int) connectTimeout.toMillis());
      raw.setTcpNoDelay(true);
      if (sslContext == null) {
        return new Socket[] {raw, raw};
      }
      SSLSocket s = (SSLSocket) sslContext.getSocketFactory().createSocket(raw, host, port, true);
      SSLParameters p = s.getSSLParameters();
      if (tls != null && tls.verifiesHostname()) {
        p.setEndpointIdentificationAlgorithm("HTTPS");
      }
      s.setSSLParameters(p);
      s.setSoTimeout((int) connectTimeout.toMillis());
      try {
        s.startHandshake();
      } catch (SSLException e) {
        throw CstaTlsException.of(peer, e, tls != null && tls.hasClientCertificate());
      }
      s.setSoTimeout(0);
      return new Socket[] {s, raw};
    } catch (IOException | RuntimeException e) {
      raw.close();
      throw e;
    } finally {
      synchronized (lock) {
        if (connecting == raw) {
          connecting = null;
        }
      }
    }
  }

  /**
   * A TLS failure anywhere in the chain becomes a {@link CstaTlsException}: with TLS 1.3 the
   * server's refusal of the client certificate arrives as an alert on the first read, i.e. while
   * the login is pending.
   */
  private Throwable tlsFailure(Throwable cause) {
    if (tls == null || cause instanceof CstaTlsException) {
      return cause;
    }
    for (Throwable t = cause; t != null; t = t.getCause()) {
      if (t instanceof SSLException ssl) {
        return CstaTlsException.of(peer, ssl, tls.hasClientCertificate());
      }
    }
    return cause;
  }

  /** (Re)starts the keep-alive at half of {@code seconds}; call with {@link #lock} held. */
  private void scheduleKeepAlive(Connection c, String sid, int seconds) {
    cancel(keepAlive);
    long periodMs = Math.max(250L, seconds * 1_000L / 2);
    keepAlive =
        timer.scheduleAtFixedRate(
            () -> keepAlive(c, sid, seconds), periodMs, periodMs, TimeUnit.MILLISECONDS);
  }

  private void keepAlive(Connection c, String sid, int seconds) {
    CompletableFuture<?> unused =
        send(c, new CstaRequest.ResetApplicationSessionTimer(sid, seconds), requestTimeout, null, true)
        .whenComplete(
            (r, e) -> {
              if (e != null) {
                log.info("CSTA {}: keep-alive failed ({}); dropping the link", peer, unwrap(e).getClass().getSimpleName());
                c.abort(new CstaConnectionException("keep-alive failed", unwrap(e)));
                return;
              }
              // ECMA-354: the switch may grant a different duration than asked for; follow it,
              // or a shorter grant would expire the session between two keep-alives.
              int granted = ((CstaResponse.ResetApplicationSessionTimerResponse) r).actualSessionDurationSeconds();
              if (granted > 0 && granted != seconds) {
                synchronized (lock) {
                  if (conn == c && state == State.CONNECTED && sid.equals(sessionId)) {
                    log.debug("CSTA {}: session duration now {} s", peer, granted);
                    try {
                      scheduleKeepAlive(c, sid, granted);
                    } catch (RejectedExecutionException closing) {
                      // close() is shutting the timer down
                    }
                  }
                }
              }
            });
  }

  private void onLinkLost(Connection c, Throwable cause) {
    boolean reconnect;
    synchronized (lock) {
      if (conn != c) {
        reconnect = false;
      } else {
        conn = null;
        sessionId = null;
        cancel(keepAlive);
        keepAlive = null;
        reconnect = state == State.CONNECTED;
        if (reconnect) {
          state = backoff == null ? State.CLOSED : State.RECONNECTING;
          queueState(state, cause);
        }
      }
    }
    callbacks.flush();
    failPending(c, cause);
    if (!reconnect) {
      return;
    }
    if (backoff == null) {
      log.info("CSTA {}: link lost, reconnect disabled", peer);
      closeInBackground();
      return;
    }
    log.info("CSTA {}: link lost, reconnecting", peer);
    scheduleReconnect(1);
  }

  private void scheduleReconnect(int attempt) {
    CstaBackoff b = requireNonNull(backoff);
    Duration delay = b.delay(attempt);
    synchronized (lock) {
      if (state != State.RECONNECTING) {
        return;
      }
      try {
        reconnectTask =
            timer.schedule(
                () -> connector.execute(() -> reconnect(attempt)),
                delay.toNanos(),
                TimeUnit.NANOSECONDS);
      } catch (RejectedExecutionException e) {
        // closing
      }
    }
  }

  private void reconnect(int attempt) {
    synchronized (lock) {
      if (state != State.RECONNECTING) {
        return;
      }
    }
    log.info("CSTA {}: reconnect attempt {}", peer, attempt);
    try {
      establishAndResync(true);
      log.info("CSTA {}: reconnected", peer);
    } catch (Exception e) {
      CstaBackoff b = requireNonNull(backoff);
      if (b.maxAttempts() > 0 && attempt >= b.maxAttempts()) {
        log.info("CSTA {}: giving up after {} attempts", peer, attempt);
        synchronized (lock) {
          if (state != State.RECONNECTING) {
            return;
          }
          state = State.CLOSED;
          queueState(State.CLOSED, tlsFailure(unwrap(e)));
        }
        callbacks.flush();
        closeInBackground();
      } else {
        scheduleReconnect(attempt + 1);
      }
    }
  }

  private void closeInBackground() {
    Thread t = new Thread(this::close, "ecss-csta-close " + peer);
    t.setDaemon(true);
    t.start();
  }

  // ---------------------------------------------------------------------------------------------
  // correlation

  /** A request waiting for its response. */
  private static final class Pending {
    final String request;
    final Class<?> type;
    final CompletableFuture<Object> future;
    final Connection conn;
    final @Nullable Function<CstaMessage, Object> hook;
    final boolean internal;
    volatile @Nullable ScheduledFuture<?> timeout;
    /** Set once the frame's bytes were handed to the socket. */
    volatile boolean written;

    Pending(String request, Class<?> type, Connection conn, @Nullable Function<CstaMessage, Object> hook,
        boolean internal, SerialExecutor callbacks) {
      // A user's future refuses a blocking wait inside a callback (it would never complete);
      // internal ones are awaited by the client itself, also from close() in a callback.
      this.future = internal ? new CompletableFuture<>() : new CallbackFuture<>(callbacks);
      this.request = request;
      this.type = type;
      this.conn = conn;
      this.hook = hook;
      this.internal = internal;
    }
  }

  private CompletableFuture<Object> send(
      Connection c,
      CstaRequest<?> request,
      Duration timeout,
      @Nullable Function<CstaMessage, Object> hook,
      boolean internal) {
    Pending p = new Pending(request.name(), request.responseType(), c, hook, internal, callbacks);
    int id;
    String xml;
    try {
      xml = CstaCodec.encode(request);
      checkFrameSize(request, xml);
      id = ids.allocate(System.nanoTime());
    } catch (RuntimeException e) {
      p.future.completeExceptionally(e);
      return p.future;
    }
    pending.put(id, p);
    if (log.isTraceEnabled()) {
      log.trace("CSTA {}: -> {} invokeID {}", peer, request.name(), id);
    }
    // The timeout runs from now, not from the write: a write that blocks (the peer stopped
    // reading and the socket buffers are full) must not leave the request, and every request
    // queued behind it, pending for ever.
    try {
      p.timeout = timer.schedule(() -> timedOut(id, p, timeout), timeout.toNanos(), TimeUnit.NANOSECONDS);
    } catch (RejectedExecutionException e) {
      // client closing: close() fails every pending request
    }
    if (p.future.isDone()) {
      cancel(p.timeout);
    }
    CompletableFuture<?> unused =
        c.write(id, xml)
        .whenComplete(
            (ok, err) -> {
              if (err == null) {
                p.written = true;
                return;
              }
              if (pending.remove(id, p)) {
                cancel(p.timeout);
                ids.release(id);
                complete(p, null, err instanceof CstaException ? err
                    : new CstaConnectionException(request.name() + " invokeID " + id + " not written", err));
              }
            });
    return p.future;
  }

  /**
   * Refuses a request whose frame cannot be sent (over 65,535 bytes) before an invoke id is taken:
   * a caller mistake, not a link failure.
   */
  private static void checkFrameSize(CstaRequest<?> request, String xml) {
    if (CstaFrames.HEADER_LENGTH + 3L * xml.length() <= CstaFrames.MAX_FRAME_LENGTH) {
      return; // cannot be too large even if every char took 3 bytes
    }
    long total = CstaFrames.HEADER_LENGTH + (long) xml.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
    if (total > CstaFrames.MAX_FRAME_LENGTH) {
      throw new IllegalArgumentException(request.name() + " not sent: frame length " + total
          + " bytes (expected <= " + CstaFrames.MAX_FRAME_LENGTH + ")");
    }
  }

  private void timedOut(int id, Pending p, Duration timeout) {
    if (pending.remove(id, p)) {
      ids.quarantine(id, System.nanoTime() + idQuarantine.toNanos());
      boolean stalled = !p.written;
      complete(
          p,
          null,
          new CstaTimeoutException(
              p.request + " invokeID " + CstaFrames.formatInvokeId(id) + " timed out after "
                  + timeout.toMillis() + " ms"
                  + (stalled ? " (not yet written: the link to " + peer + " is stalled)" : "")));
      if (stalled && !p.conn.isClosed()) {
        // The writer is blocked or far behind: the peer is not reading. Drop the link so the
        // requests behind it fail and (if enabled) the client reconnects. A short per-request
        // timeout alone is no proof: wait until the client's request timeout has passed.
        long grace = Math.max(0, requestTimeout.toNanos() - timeout.toNanos());
        Runnable check = () -> {
          if (!p.written && !p.conn.isClosed()) {
            long ms = Math.max(timeout.toMillis(), requestTimeout.toMillis());
            log.info("CSTA {}: {} could not be written within {} ms; dropping the link", peer, p.request, ms);
            p.conn.abort(new CstaConnectionException(
                "write to " + peer + " stalled: " + p.request + " not written within " + ms + " ms"));
          }
        };
        if (grace == 0) {
          check.run();
        } else {
          try {
            ScheduledFuture<?> unused = timer.schedule(check, grace, TimeUnit.NANOSECONDS);
          } catch (RejectedExecutionException closing) {
            // close() drops the link anyway
          }
        }
      }
      return;
    }
    for (Assembly a : List.copyOf(assemblies.values())) {
      if (a.pending == p && assemblies.remove(a.serviceCrossRefId, a)) {
        complete(
            p,
            null,
            new CstaTimeoutException(
                p.request + " invokeID " + CstaFrames.formatInvokeId(id) + " timed out after "
                    + timeout.toMillis() + " ms waiting for the last SnapshotDeviceData segment of serviceCrossRefID "
                    + a.serviceCrossRefId + " (" + a.segments + " received)"));
      }
    }
  }

  /** One segment of a segmented snapshot; runs on the reader thread. */
  private void onSnapshotData(Connection c, CstaMessage.SnapshotDeviceData d) {
    String xref = d.serviceCrossRefId();
    Assembly a = assemblies.get(xref);
    if (a == null || a.conn != c) {
      keepEarly(c, d);
      return;
    }
    Long seg = d.segmentId();
    String problem = null;
    if (seg != null && a.lastSegmentId != null && seg != a.lastSegmentId + 1) {
      problem = "segment " + seg + " of serviceCrossRefID " + xref + " arrived after segment " + a.lastSegmentId
          + " (a segment is missing or repeated)";
    } else if (a.calls.size() + d.calls().size() > MAX_SNAPSHOT_CALLS) {
      problem = "serviceCrossRefID " + xref + " has more than " + MAX_SNAPSHOT_CALLS + " calls";
    }
    if (problem != null) {
      if (assemblies.remove(xref, a)) {
        cancel(a.pending.timeout);
        complete(a.pending, null, new CstaException(
            a.pending.request + " invokeID " + CstaFrames.formatInvokeId(a.invokeId) + ": " + problem));
      }
      return;
    }
    if (seg != null) {
      a.lastSegmentId = seg;
    }
    a.calls.addAll(d.calls());
    a.segments++;
    if (d.lastSegment() && assemblies.remove(xref, a)) {
      cancel(a.pending.timeout);
      Object v = new CstaResponse.SnapshotDeviceResponse(a.calls, xref);
      if (a.pending.hook != null) {
        try {
          v = a.pending.hook.apply((CstaMessage) v);
        } catch (RuntimeException e) {
          complete(a.pending, null, e);
          return;
        }
      }
      complete(a.pending, v, null);
    }
  }

  /**
   * Keeps a segment whose response has not arrived (yet): the response may follow. Segments of a
   * finished or failed snapshot end up here too and age out.
   */
  private void keepEarly(Connection c, CstaMessage.SnapshotDeviceData d) {
    String xref = d.serviceCrossRefId();
    synchronized (early) {
      Early e = early.get(xref);
      if (e == null || e.conn != c) {
        e = new Early(c);
        early.put(xref, e);
        if (early.size() > MAX_EARLY) {
          String oldest = early.keySet().iterator().next();
          early.remove(oldest);
          log.debug("CSTA {}: dropping unclaimed SnapshotDeviceData of serviceCrossRefID {}", peer, oldest);
        }
      }
      if (e.calls + d.calls().size() <= MAX_SNAPSHOT_CALLS) {
        e.segments.add(d);
        e.calls += d.calls().size();
      }
    }
  }

  /** Segments waiting for their response; guarded by {@link #early}. */
  private static final class Early {
    final Connection conn;
    final List<CstaMessage.SnapshotDeviceData> segments = new ArrayList<>();
    int calls;

    Early(Connection conn) {
      this.conn = conn;
    }
  }

  /** A segmented snapshot being collected; fields other than the finals belong to the reader. */
  private static final class Assembly {
    final Pending pending;
    final Connection conn;
    final int invokeId;
    final String serviceCrossRefId;
    final List<CstaResponse.SnapshotCall> calls = new ArrayList<>();
    @Nullable Long lastSegmentId;
    int segments;

    Assembly(Pending pending, Connection conn, int invokeId, String serviceCrossRefId) {
      this.pending = pending;
      this.conn = conn;
      this.invokeId = invokeId;
      this.serviceCrossRefId = serviceCrossRefId;
    }
  }

  private void failPending(@Nullable Connection c, Throwable cause) {
    synchronized (early) {
      early.values().removeIf(e -> c == null || e.conn == c);
    }
    for (Assembly a : List.copyOf(assemblies.values())) {
      if ((c == null || a.conn == c) && assemblies.remove(a.serviceCrossRefId, a)) {
        cancel(a.pending.timeout);
        complete(
            a.pending,
            null,
            new CstaConnectionException(
                a.pending.request + " invokeID " + CstaFrames.formatInvokeId(a.invokeId)
                    + " failed while its SnapshotDeviceData segments arrived: " + cause.getMessage(), cause));
      }
    }
    for (Map.Entry<Integer, Pending> e : List.copyOf(pending.entrySet())) {
      Pending p = e.getValue();
      if ((c == null || p.conn == c) && pending.remove(e.getKey(), p)) {
        cancel(p.timeout);
        ids.release(e.getKey());
        complete(
            p,
            null,
            new CstaConnectionException(
                p.request + " invokeID " + CstaFrames.formatInvokeId(e.getKey()) + " failed: "
                    + cause.getMessage(), cause));
      }
    }
  }

  /** Completes on the callback executor (user futures) or inline (internal ones). */
  private void complete(Pending p, @Nullable Object value, @Nullable Throwable error) {
    Runnable r = error == null ? () -> p.future.complete(value) : () -> p.future.completeExceptionally(error);
    if (p.internal) {
      r.run();
    } else {
      dispatch(r);
    }
  }

  private void dispatch(Runnable r) {
    callbacks.execute(r);
  }

  private void onResponse(Connection c, int id, CstaMessage m) {
    Pending p = pending.get(id);
    if (p == null || p.conn != c || !pending.remove(id, p)) {
      log.debug("CSTA {}: dropping late or unmatched {} invokeID {}", peer, m.name(), id);
      if (m instanceof CstaResponse.MonitorStartResponse late && !byXref.containsKey(late.monitorCrossRefId())) {
        // The MonitorStart timed out (its caller got CstaTimeoutException) but the switch did
        // start the monitor: stop it, or it would use up the switch's monitor limit and send
        // events nobody listens to for the rest of the session.
        CompletableFuture<?> unused =
            send(c, new CstaRequest.MonitorStop(late.monitorCrossRefId()), requestTimeout, null, true);
      }
      return;
    }
    if (m instanceof CstaResponse.SnapshotDeviceResponse snap
        && snap.serviceCrossRefId() != null
        && snap.calls().isEmpty()
        && p.type == CstaResponse.SnapshotDeviceResponse.class) {
      // The data follow in SnapshotDeviceData segments; the request's timeout keeps running.
      ids.release(id);
      String xref = snap.serviceCrossRefId();
      Assembly a = new Assembly(p, c, id, xref);
      Assembly prev = assemblies.putIfAbsent(xref, a);
      if (prev != null) {
        cancel(p.timeout);
        complete(p, null, new CstaException(p.request + " invokeID " + CstaFrames.formatInvokeId(id)
            + ": serviceCrossRefID " + xref + " is already collecting for invokeID "
            + CstaFrames.formatInvokeId(prev.invokeId)));
        return;
      }
      Early e;
      synchronized (early) {
        e = early.remove(xref);
      }
      if (e != null && e.conn == c) {
        for (CstaMessage.SnapshotDeviceData d : e.segments) {
          onSnapshotData(c, d);
        }
      }
      return;
    }
    cancel(p.timeout);
    ids.release(id);
    if (m instanceof CstaError err) {
      complete(p, null, new CstaServiceException(p.request, id, err));
    } else if (!p.type.isInstance(m)) {
      complete(p, null, new CstaException(
          "unexpected " + m.name() + " in reply to " + p.request + " invokeID " + CstaFrames.formatInvokeId(id)));
    } else {
      Object v = m;
      if (p.hook != null) {
        try {
          v = p.hook.apply(m);
        } catch (RuntimeException e) {
          complete(p, null, e);
          return;
        }
      }
      complete(p, v, null);
    }
  }

  private void onEvent(CstaEvent e) {
    String xref = e.monitorCrossRefId();
    CstaMonitor m = xref == null ? null : byXref.get(xref);
    if (m != null && m.isActive() && e.name().equals("MonitorEndedEvent")) {
      // The switch ended the monitor (e.g. a call monitor whose call cleared): the listener gets
      // the event, then onMonitorEnded; the monitor is not restarted after a reconnect.
      byXref.remove(xref, m);
      synchronized (lock) {
        monitors.remove(m);
      }
      CstaException why = new CstaException("monitor " + xref + " ended by the switch (MonitorEndedEvent)");
      dispatch(() -> {
        if (m.deactivate()) {
          m.listener.onEvent(e);
          m.listener.onMonitorEnded(why);
        }
      });
    } else if (m != null && m.isActive()) {
      dispatch(() -> {
        if (m.isActive()) {
          m.listener.onEvent(e);
        }
      });
    } else {
      for (CstaClientListener l : listeners) {
        dispatch(() -> l.onUnroutedEvent(e));
      }
    }
  }

  private final class Handler implements Connection.Handler {
    @Override
    public void onFrame(Connection c, CstaFrame frame) {
      int id = frame.invokeId();
      CstaMessage m;
      try {
        m = CstaCodec.decode(frame.xml());
      } catch (CstaParseException e) {
        Pending p = id == CstaFrames.EVENT_INVOKE_ID ? null : pending.get(id);
        if (p != null && p.conn == c && pending.remove(id, p)) {
          cancel(p.timeout);
          ids.release(id);
          complete(p, null, e);
        } else {
          log.warn("CSTA {}: dropping unreadable frame invokeID {} ({} chars) at line {}, column {}",
              peer, id, frame.xml().length(), e.line(), e.column());
        }
        return;
      }
      if (log.isTraceEnabled()) {
        log.trace("CSTA {}: <- {} invokeID {}", peer, m.name(), id);
      }
      if (m instanceof CstaEvent e) {
        onEvent(e);
      } else if (m instanceof CstaResponse || m instanceof CstaError
          || (m instanceof CstaMessage.Unknown && m.name().endsWith("Response"))) {
        // A response of a kind we do not type (...Response, ...PosResponse) is still a response:
        // it completes (as unexpected) or is dropped, never answered.
        onResponse(c, id, m);
      } else if (m instanceof CstaRequest.SystemStatus s) {
        CompletableFuture<?> unused = c.write(id, CstaCodec.encode(new CstaResponse.SystemStatusResponse()));
        for (CstaClientListener l : listeners) {
          dispatch(() -> l.onSystemStatus(s.systemStatus()));
        }
      } else if (m instanceof CstaMessage.SnapshotDeviceData d) {
        onSnapshotData(c, d); // a one-way message: never answered
      } else if (m instanceof CstaMessage.SessionTerminated t) {
        log.info("CSTA {}: session terminated by the switch", peer);
        c.abort(new CstaConnectionException("session terminated by the switch: " + t.reason()));
      } else if (m instanceof CstaRequest<?>
          || (id != CstaFrames.EVENT_INVOKE_ID && pending.get(id) == null)) {
        // A request we do not serve: refuse it with the switch's invoke id.
        CompletableFuture<?> unused = c.write(id, CstaCodec.encode(CstaError.of("operation", "generic")));
      } else {
        onResponse(c, id, m);
      }
    }

    @Override
    public void onClosed(Connection c, Throwable cause) {
      onLinkLost(c, cause);
    }
  }

  // ---------------------------------------------------------------------------------------------
  // helpers

  /**
   * Queues the state listeners' calls; call with {@link #lock} held, in the same block that
   * changes {@link #state}, then {@code callbacks.flush()} after releasing it. Listeners thus see
   * the changes in the order they happened (a link lost right after a reconnect is reported after
   * its {@code CONNECTED}, never before).
   */
  private void queueState(State s, @Nullable Throwable cause) {
    for (CstaClientListener l : listeners) {
      callbacks.enqueue(() -> l.onStateChanged(s, cause));
    }
  }

  private static Object await(CompletableFuture<Object> f) throws Exception {
    try {
      return f.get();
    } catch (ExecutionException e) {
      Throwable c = e.getCause();
      if (c instanceof Exception ex) {
        throw ex;
      }
      throw e;
    }
  }

  private static Throwable unwrap(Throwable e) {
    Throwable t = e;
    while ((t instanceof java.util.concurrent.CompletionException || t instanceof ExecutionException)
        && t.getCause() != null) {
      t = t.getCause();
    }
    return t;
  }

  private static void fail(CompletableFuture<?> f, Throwable e) {
    f.completeExceptionally(e);
  }

  private static void cancel(@Nullable ScheduledFuture<?> f) {
    if (f != null) {
      f.cancel(false);
    }
  }

  private static void checkPositive(Duration d, String name) {
    requireNonNull(d, name);
    if (d.isNegative() || d.isZero()) {
      throw new IllegalArgumentException(name + ": " + d + " (expected > 0)");
    }
  }

  int invokeIdsInUse() {
    return ids.inUse();
  }

  @Override
  public String toString() {
    return "CstaClient[" + peer + (tls == null ? "" : " " + tls) + ", " + state() + "]";
  }

  /**
   * Configures a {@link CstaClient}. Defaults: no TLS, empty credentials, application id {@code
   * ecss-sdk}, session 300 s, connect timeout 5 s, request timeout 10 s, id quarantine 60 s,
   * reconnect with {@link CstaBackoff#DEFAULT}, a client-owned callback thread.
   *
   * <p>Not thread-safe; confine to one thread.
   */
  public static final class Builder {
    private final String host;
    private final int port;
    private @Nullable CstaTls tls;
    private String userName = "";
    private String password = "";
    private String applicationId = "ecss-sdk";
    private Duration sessionDuration = Duration.ofMinutes(5);
    private Duration connectTimeout = Duration.ofSeconds(5);
    private Duration requestTimeout = Duration.ofSeconds(10);
    private Duration idQuarantine = Duration.ofMinutes(1);
    private @Nullable CstaBackoff backoff = CstaBackoff.DEFAULT;
    private @Nullable Executor callbackExecutor;
    private final List<CstaClientListener> listeners = new ArrayList<>();

    private Builder(String host, int port) {
      this.host = requireNonNull(host, "host");
      if (host.isEmpty()) {
        throw new IllegalArgumentException("host: empty");
      }
      if (port < 1 || port > 65_535) {
        throw new IllegalArgumentException("port: " + port + " (expected 1..65535)");
      }
      this.port = port;
    }

    /**
     * Uses TLS.
     *
     * @param tls the TLS settings
     * @return this builder
     */
    public Builder tls(CstaTls tls) {
      this.tls = requireNonNull(tls, "tls");
      return this;
    }

    /**
     * Sets the login of {@code StartApplicationSession} (ECSS-10: the domain and its CSTA
     * password from {@code /api/csta auth}).
     *
     * @param userName the user name
     * @param password the password
     * @return this builder
     */
    public Builder credentials(String userName, String password) {
      this.userName = requireNonNull(userName, "userName");
      this.password = requireNonNull(password, "password");
      return this;
    }

    /**
     * Sets the application identifier sent at login (element {@code <applicationID>}).
     *
     * @param applicationId the id
     * @return this builder
     */
    public Builder applicationId(String applicationId) {
      requireNonNull(applicationId, "applicationId");
      if (applicationId.isEmpty()) {
        throw new IllegalArgumentException("applicationId: empty");
      }
      this.applicationId = applicationId;
      return this;
    }

    /**
     * Sets the requested session duration; keep-alive runs at half the granted one.
     *
     * @param duration at least 1 s
     * @return this builder
     */
    public Builder sessionDuration(Duration duration) {
      checkPositive(duration, "sessionDuration");
      if (duration.toSeconds() < 1) {
        throw new IllegalArgumentException("sessionDuration: " + duration + " (expected >= 1 s)");
      }
      this.sessionDuration = duration;
      return this;
    }

    /**
     * Sets the TCP connect and TLS handshake timeout.
     *
     * @param timeout the timeout
     * @return this builder
     */
    public Builder connectTimeout(Duration timeout) {
      checkPositive(timeout, "connectTimeout");
      this.connectTimeout = timeout;
      return this;
    }

    /**
     * Sets the default per-request timeout.
     *
     * @param timeout the timeout
     * @return this builder
     */
    public Builder requestTimeout(Duration timeout) {
      checkPositive(timeout, "requestTimeout");
      this.requestTimeout = timeout;
      return this;
    }

    /**
     * Sets how long an invoke id stays unused after its request timed out.
     *
     * @param quarantine the quarantine
     * @return this builder
     */
    public Builder invokeIdQuarantine(Duration quarantine) {
      checkPositive(quarantine, "invokeIdQuarantine");
      this.idQuarantine = quarantine;
      return this;
    }

    /**
     * Sets the reconnect schedule.
     *
     * @param backoff the schedule
     * @return this builder
     */
    public Builder reconnect(CstaBackoff backoff) {
      this.backoff = requireNonNull(backoff, "backoff");
      return this;
    }

    /**
     * Disables reconnect: a lost link closes the client.
     *
     * @return this builder
     */
    public Builder noReconnect() {
      this.backoff = null;
      return this;
    }

    /**
     * Runs future completions and listeners on this executor (one task at a time, in order). The
     * client does not shut it down. When the executor refuses a task or throws, the queued
     * callbacks run on the client thread that delivered them (with a WARN unless it was a
     * {@code RejectedExecutionException}), so none is lost.
     *
     * @param executor the executor
     * @return this builder
     */
    public Builder callbackExecutor(Executor executor) {
      this.callbackExecutor = requireNonNull(executor, "executor");
      return this;
    }

    /**
     * Adds a client-wide listener.
     *
     * @param listener the listener
     * @return this builder
     */
    public Builder listener(CstaClientListener listener) {
      listeners.add(requireNonNull(listener, "listener"));
      return this;
    }

    /**
     * Builds the client (no I/O happens until {@link CstaClient#connect()}).
     *
     * @return the client
     * @throws CstaException if the TLS settings cannot produce a context
     */
    public CstaClient build() {
      return new CstaClient(this);
    }
  }
}
