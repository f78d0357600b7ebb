package io.ecss.csta;

import static java.util.Objects.requireNonNull;

import org.jspecify.annotations.Nullable;

/**
 * A CSTA connection: one device's leg of one call (ECMA-323 {@code ConnectionID}). Both parts are
 * opaque strings chosen by the switch; compare them, never parse them.
 *
 * <p>Immutable and thread-safe.
 *
 * @param callId the call (element {@code <callID>}); never empty
 * @param deviceId the device of this leg (element {@code <deviceID>}), or {@code null} when the switch names
 *     only the call (allowed by the schema, e.g. in {@code clearedCall})
 */
public record ConnectionId(String callId, @Nullable String deviceId) {

  /**
   * Validates the parts.
   *
   * @param callId the call (element {@code <callID>}); never empty
   * @param deviceId the device of this leg (element {@code <deviceID>}), or {@code null} when the switch names only the call (allowed by the schema, e.g. in {@code clearedCall})
   * @throws IllegalArgumentException if {@code callId} is empty
   */
  public ConnectionId {
    requireNonNull(callId, "callId");
    if (callId.isEmpty()) {
      throw new IllegalArgumentException("callId: empty (expected a call identifier)");
    }
  }

  /**
   * Returns a connection of {@code callId} at {@code deviceId}.
   *
   * @param callId the call
   * @param deviceId the device
   * @return the connection
   */
  public static ConnectionId of(String callId, String deviceId) {
    return new ConnectionId(callId, requireNonNull(deviceId, "deviceId"));
  }

  @Override
  public String toString() {
    return deviceId == null ? callId : callId + "/" + deviceId;
  }
}
