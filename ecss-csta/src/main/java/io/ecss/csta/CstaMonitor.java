package io.ecss.csta;

import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;

/**
 * An active {@code MonitorStart} on one device or call, returned by {@link CstaClient#monitor}.
 * After a reconnect the client starts the monitor again with the same request (filter and type
 * included); {@link #monitorCrossRefId()} then returns the new id.
 *
 * <p>Thread-safe.
 */
public final class CstaMonitor {
  private final CstaClient client;
  private final CstaRequest.MonitorStart request;
  final CstaMonitorListener listener;
  private volatile @Nullable CstaMonitorFilter actualFilter;
  private volatile String monitorCrossRefId;
  private volatile boolean active = true;

  CstaMonitor(
      CstaClient client,
      CstaRequest.MonitorStart request,
      CstaResponse.MonitorStartResponse response,
      CstaMonitorListener listener) {
    this.client = client;
    this.request = request;
    this.actualFilter = response.actualMonitorFilter();
    String monitorCrossRefId = response.monitorCrossRefId();
    this.monitorCrossRefId = monitorCrossRefId;
    this.listener = listener;
  }

  /**
   * The monitored device.
   *
   * @return the device id, or null for a call monitor
   */
  public @Nullable String deviceId() {
    return request.deviceId();
  }

  /**
   * The request that started the monitor (and starts it again after a reconnect).
   *
   * @return the {@code MonitorStart}
   */
  public CstaRequest.MonitorStart request() {
    return request;
  }

  /**
   * The filter in effect: the switch's {@code actualMonitorFilter} if it sent one, else the
   * requested filter.
   *
   * @return the filter
   */
  public CstaMonitorFilter filter() {
    CstaMonitorFilter a = actualFilter;
    return a != null ? a : request.filter();
  }

  /**
   * The switch's id for this monitor; changes when the monitor is restarted after a reconnect.
   *
   * @return the current {@code monitorCrossRefID}
   */
  public String monitorCrossRefId() {
    return monitorCrossRefId;
  }

  /**
   * Whether the monitor still delivers events.
   *
   * @return {@code false} after {@link #stop()}, a failed restart, or {@link CstaClient#close()}
   */
  public boolean isActive() {
    return active;
  }

  /**
   * Stops the monitor: no more events are delivered from now on, and {@code MonitorStop} is sent.
   * Idempotent.
   *
   * @return completes when the switch confirmed (or at once if the link is down); fails like any
   *     request
   */
  public CompletableFuture<Void> stop() {
    return client.stopMonitor(this);
  }

  void restarted(CstaResponse.MonitorStartResponse response) {
    this.monitorCrossRefId = response.monitorCrossRefId();
    this.actualFilter = response.actualMonitorFilter();
  }

  /** True for exactly one caller (close, stop, MonitorEndedEvent and resync may race). */
  synchronized boolean deactivate() {
    boolean was = active;
    active = false;
    return was;
  }

  @Override
  public String toString() {
    return "CstaMonitor[" + (request.deviceId() != null ? "device " + request.deviceId()
        : "call " + request.callObject()) + ", monitorCrossRefId=" + monitorCrossRefId + ", active=" + active + "]";
  }
}
