package io.ecss.csta;

import java.util.List;

/**
 * Receives the events of one monitored device. Called on the client's callback executor, one call
 * at a time, in the order the switch sent the events; never on the network reader thread.
 */
@FunctionalInterface
public interface CstaMonitorListener {

  /**
   * One event of the monitor: a typed event, or {@link CstaEvent.Raw} for events this library does
   * not model.
   *
   * @param event the event
   */
  void onEvent(CstaEvent event);

  /**
   * The link was lost and restored, and the monitor was started again (possibly under a new
   * {@code monitorCrossRefID}). Events of the gap may have been lost; {@code calls} is the
   * device's state now, from {@code SnapshotDevice}.
   *
   * @param calls the device's calls after the reconnect
   */
  default void onResynchronized(List<CstaResponse.SnapshotCall> calls) {}

  /**
   * The monitor ended without {@link CstaMonitor#stop()}: restarting it after a reconnect failed,
   * or the client was closed.
   *
   * @param cause why
   */
  default void onMonitorEnded(Throwable cause) {}
}
