package io.ecss.csta;

import static java.util.Objects.requireNonNull;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The active calls of one monitored device, kept from its events: the CRM "list of active calls".
 * Pass it as the listener of {@link CstaClient#monitor}: it follows ServiceInitiated, Originated,
 * Delivered, Established, Held, Retrieved, Diverted, Failed, ConnectionCleared and CallCleared,
 * re-keys calls on {@code TransferedEvent} and {@code ConferencedEvent} through their connection
 * lists, and rebuilds itself from the snapshot after a reconnect.
 *
 * <p>Thread-safe.
 */
public final class CstaCallTracker implements CstaMonitorListener {

  /**
   * One call of the device.
   *
   * @param callId the call
   * @param state the device's {@code LocalConnectionState}: {@code initiated}, {@code alerting},
   *     {@code connected}, {@code hold}, {@code queued} or {@code fail}
   * @param parties the devices known to be in the call, the tracked device first
   * @param callingDevice the caller, if known
   * @param calledDevice the called number, if known
   * @param started when the tracker first saw the call
   * @param answered when it was first established, or {@code null}
   */
  public record ActiveCall(
      String callId,
      String state,
      List<String> parties,
      @Nullable String callingDevice,
      @Nullable String calledDevice,
      Instant started,
      @Nullable Instant answered) {
    /**
     * Validates and copies the fields.
     *
     * @param callId the call
     * @param state the device's connection state
     * @param parties the devices in the call
     * @param callingDevice the caller, if known
     * @param calledDevice the called number, if known
     * @param started when the tracker first saw the call
     * @param answered when it was first established, or {@code null}
     */
    public ActiveCall {
      requireNonNull(callId, "callId");
      requireNonNull(state, "state");
      parties = List.copyOf(parties);
      requireNonNull(started, "started");
    }
  }

  private static final class Call {
    String id;
    String state;
    final Set<String> parties = new LinkedHashSet<>();
    @Nullable String calling;
    @Nullable String called;
    Instant started;
    @Nullable Instant answered;

    Call(String id, String state, Instant started) {
      this.id = id;
      this.state = state;
      this.started = started;
    }
  }

  private final String deviceId;
  private final Clock clock;
  private final Map<String, Call> calls = new LinkedHashMap<>(); // guarded by this

  /**
   * Creates a tracker with the system clock.
   *
   * @param deviceId the monitored device
   */
  public CstaCallTracker(String deviceId) {
    this(deviceId, Clock.systemUTC());
  }

  /**
   * Creates a tracker.
   *
   * @param deviceId the monitored device
   * @param clock the clock for start and answer times
   */
  public CstaCallTracker(String deviceId, Clock clock) {
    this.deviceId = requireNonNull(deviceId, "deviceId");
    this.clock = requireNonNull(clock, "clock");
  }

  /**
   * The tracked device.
   *
   * @return the device id
   */
  public String deviceId() {
    return deviceId;
  }

  /**
   * The calls now, oldest first.
   *
   * @return an immutable snapshot
   */
  public synchronized List<ActiveCall> activeCalls() {
    List<ActiveCall> out = new ArrayList<>();
    for (Call c : calls.values()) {
      out.add(view(c));
    }
    out.sort(Comparator.comparing(ActiveCall::started));
    return List.copyOf(out);
  }

  /**
   * One call by id.
   *
   * @param callId the call
   * @return the call, if active
   */
  public synchronized Optional<ActiveCall> call(String callId) {
    Call c = calls.get(callId);
    return c == null ? Optional.empty() : Optional.of(view(c));
  }

  private ActiveCall view(Call c) {
    List<String> parties = new ArrayList<>();
    parties.add(deviceId);
    for (String p : c.parties) {
      if (!p.equals(deviceId)) {
        parties.add(p);
      }
    }
    return new ActiveCall(c.id, c.state, parties, c.calling, c.called, c.started, c.answered);
  }

  private boolean mine(@Nullable ConnectionId c) {
    return c != null && deviceId.equals(c.deviceId());
  }

  private Call call(String id, String state) {
    return calls.computeIfAbsent(id, k -> new Call(k, state, clock.instant()));
  }

  private static void add(Call c, @Nullable String party) {
    if (party != null) {
      c.parties.add(party);
    }
  }

  private void setState(Call c, @Nullable String lci) {
    if (lci == null) {
      return;
    }
    if (lci.equals("null")) {
      calls.remove(c.id);
    } else {
      c.state = lci;
    }
  }

  /**
   * Applies one event of the device's monitor.
   *
   * @param event the event
   */
  @Override
  public synchronized void onEvent(CstaEvent event) {
    if (event instanceof CstaEvent.ServiceInitiated e) {
      Call c = call(e.initiatedConnection().callId(), "initiated");
      setState(c, e.localConnectionInfo());
    } else if (event instanceof CstaEvent.Originated e) {
      Call c = call(e.originatedConnection().callId(), "connected");
      c.calling = e.callingDevice();
      c.called = e.calledDevice();
      add(c, e.calledDevice());
      setState(c, e.localConnectionInfo());
    } else if (event instanceof CstaEvent.Delivered e) {
      Call c = call(e.connection().callId(), "alerting");
      c.calling = e.callingDevice() == null ? c.calling : e.callingDevice();
      c.called = e.calledDevice() == null ? c.called : e.calledDevice();
      add(c, e.alertingDevice());
      add(c, e.callingDevice());
      setState(c, e.localConnectionInfo() != null ? e.localConnectionInfo()
          : mine(e.connection()) ? "alerting" : null);
    } else if (event instanceof CstaEvent.Established e) {
      Call c = call(e.establishedConnection().callId(), "connected");
      add(c, e.answeringDevice());
      add(c, e.callingDevice());
      if (c.answered == null) {
        c.answered = clock.instant();
      }
      setState(c, e.localConnectionInfo() != null ? e.localConnectionInfo() : "connected");
    } else if (event instanceof CstaEvent.Held e) {
      Call c = calls.get(e.heldConnection().callId());
      if (c != null && mine(e.heldConnection())) {
        setState(c, e.localConnectionInfo() != null ? e.localConnectionInfo() : "hold");
      }
    } else if (event instanceof CstaEvent.Retrieved e) {
      Call c = calls.get(e.retrievedConnection().callId());
      if (c != null && mine(e.retrievedConnection())) {
        setState(c, e.localConnectionInfo() != null ? e.localConnectionInfo() : "connected");
      }
    } else if (event instanceof CstaEvent.Diverted e) {
      if (deviceId.equals(e.divertingDevice())) {
        calls.remove(e.connection().callId());
      } else {
        Call c = calls.get(e.connection().callId());
        if (c != null) {
          if (e.divertingDevice() != null) {
            c.parties.remove(e.divertingDevice());
          }
          add(c, e.newDestination());
          c.called = e.newDestination() == null ? c.called : e.newDestination();
        }
      }
    } else if (event instanceof CstaEvent.Failed e) {
      Call c = calls.get(e.failedConnection().callId());
      if (c != null) {
        setState(c, e.localConnectionInfo() != null ? e.localConnectionInfo() : "fail");
      }
    } else if (event instanceof CstaEvent.ConnectionCleared e) {
      if (mine(e.droppedConnection()) || deviceId.equals(e.releasingDevice())) {
        calls.remove(e.droppedConnection().callId());
      } else {
        Call c = calls.get(e.droppedConnection().callId());
        if (c != null) {
          String gone = e.releasingDevice() != null ? e.releasingDevice() : e.droppedConnection().deviceId();
          if (gone != null) {
            c.parties.remove(gone);
          }
        }
      }
    } else if (event instanceof CstaEvent.CallCleared e) {
      calls.remove(e.clearedCall().callId());
    } else if (event instanceof CstaEvent.Transfered e) {
      rekey(e.primaryOldCall(), e.secondaryOldCall(), e.transferredConnections(),
          deviceId.equals(e.transferringDevice()), e.localConnectionInfo());
    } else if (event instanceof CstaEvent.Conferenced e) {
      rekey(e.primaryOldCall(), e.secondaryOldCall(), e.conferenceConnections(), false, e.localConnectionInfo());
    }
    // Raw events do not change call state.
  }

  /** Moves the device's calls from the old call ids to the new one given by the list. */
  private void rekey(
      ConnectionId primary,
      @Nullable ConnectionId secondary,
      List<ConnectionListItem> items,
      boolean iLeft,
      @Nullable String lci) {
    List<Call> old = new ArrayList<>();
    Set<String> oldIds = new LinkedHashSet<>();
    oldIds.add(primary.callId());
    if (secondary != null) {
      oldIds.add(secondary.callId());
    }
    for (ConnectionListItem i : items) {
      if (i.oldConnection() != null) {
        oldIds.add(i.oldConnection().callId());
      }
    }
    for (String id : oldIds) {
      Call c = calls.remove(id);
      if (c != null) {
        old.add(c);
      }
    }
    if (iLeft || "null".equals(lci)) {
      return;
    }
    String newId = null;
    for (ConnectionListItem i : items) {
      ConnectionId n = i.newConnection();
      if (n != null && (mine(n) || deviceId.equals(i.endpoint()))) {
        newId = n.callId();
        break;
      }
      if (n != null && newId == null) {
        newId = n.callId();
      }
    }
    if (newId == null) {
      return;
    }
    Call merged = new Call(newId, "connected", clock.instant());
    for (Call c : old) {
      if (c.started.isBefore(merged.started)) {
        merged.started = c.started;
      }
      if (c.answered != null && (merged.answered == null || c.answered.isBefore(merged.answered))) {
        merged.answered = c.answered;
      }
      merged.calling = merged.calling == null ? c.calling : merged.calling;
      merged.called = merged.called == null ? c.called : merged.called;
      merged.state = c.state;
    }
    for (ConnectionListItem i : items) {
      if (i.newConnection() != null && newId.equals(i.newConnection().callId())) {
        add(merged, i.endpoint() != null ? i.endpoint() : i.newConnection().deviceId());
      }
    }
    calls.put(newId, merged);
    setState(merged, lci);
  }

  /**
   * Replaces the state with a snapshot taken after a reconnect.
   *
   * @param snapshot the device's calls
   */
  @Override
  public synchronized void onResynchronized(List<CstaResponse.SnapshotCall> snapshot) {
    Map<String, Call> before = new LinkedHashMap<>(calls);
    calls.clear();
    for (CstaResponse.SnapshotCall s : snapshot) {
      String id = s.connection().callId();
      Call prev = before.get(id);
      String state = s.localConnectionStates().isEmpty() ? "connected" : s.localConnectionStates().get(0);
      Call c = new Call(id, state, prev == null ? clock.instant() : prev.started);
      if (prev != null) {
        c.parties.addAll(prev.parties);
        c.calling = prev.calling;
        c.called = prev.called;
        c.answered = prev.answered;
      }
      add(c, s.endpointDevice());
      if (c.answered == null && state.equals("connected")) {
        c.answered = clock.instant();
      }
      calls.put(id, c);
    }
  }

  @Override
  public synchronized String toString() {
    return "CstaCallTracker[" + calls.size() + " calls]";
  }
}
