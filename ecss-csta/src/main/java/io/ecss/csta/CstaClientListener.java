package io.ecss.csta;

import org.jspecify.annotations.Nullable;

/**
 * Receives client-wide notifications. Called on the client's callback executor, never on the
 * network reader thread. All methods have empty defaults.
 */
public interface CstaClientListener {

  /**
   * The client moved to another state.
   *
   * @param state the new state
   * @param cause the failure that caused a move to {@code RECONNECTING} or {@code CLOSED}, else
   *     {@code null}
   */
  default void onStateChanged(CstaClient.State state, @Nullable Throwable cause) {}

  /**
   * The switch sent {@code SystemStatus} (the client has already answered it).
   *
   * @param systemStatus e.g. {@code normal}, {@code messagesLost}
   */
  default void onSystemStatus(String systemStatus) {}

  /**
   * An event arrived that no active monitor claims (its {@code monitorCrossRefID} is unknown or
   * missing). Such events are reported here instead of being dropped.
   *
   * @param event the event
   */
  default void onUnroutedEvent(CstaEvent event) {}
}
