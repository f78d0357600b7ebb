package io.ecss.csta;

import java.util.concurrent.CompletableFuture;

/**
 * An active {@code MonitorStart} on one device, returned by {@link CstaClient#monitor}. After a
 * reconnect the client starts the monitor again; {@link #monitorCrossRefId()} then returns the new
 * id.
 *
 * <p>Thread-safe.
 */
public final class CstaMonitor {
  private final CstaClient client;
  private final String deviceId;
  final CstaMonitorListener listener;
  private volatile String monitorCrossRefId;
  private volatile boolean active = true;

  CstaMonitor(CstaClient client, String deviceId, String monitorCrossRefId, CstaMonitorListener listener) {
    this.client = client;
    this.deviceId = deviceId;
    this.monitorCrossRefId = monitorCrossRefId;
    this.listener = listener;
  }

  /**
   * The monitored device.
   *
   * @return the device id
   */
  public String deviceId() {
    return deviceId;
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

  void crossRefId(String id) {
    this.monitorCrossRefId = id;
  }

  boolean deactivate() {
    boolean was = active;
    active = false;
    return was;
  }

  @Override
  public String toString() {
    return "CstaMonitor[monitorCrossRefId=" + monitorCrossRefId + ", active=" + active + "]";
  }
}
