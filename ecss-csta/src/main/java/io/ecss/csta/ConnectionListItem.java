package io.ecss.csta;

import org.jspecify.annotations.Nullable;

/**
 * One entry of a {@code connectionListItem} list in {@code TransferedEvent}, {@code
 * ConferencedEvent} and the transfer/conference responses: how an old connection maps to a new one
 * after the switch re-keyed the calls.
 *
 * <p>Immutable and thread-safe.
 *
 * @param newConnection the connection in the resulting call, or {@code null} when the party left
 * @param oldConnection the connection in the call it came from, or {@code null} when it is new
 * @param endpoint the device at this connection, or {@code null} when not reported
 */
public record ConnectionListItem(
    @Nullable ConnectionId newConnection,
    @Nullable ConnectionId oldConnection,
    @Nullable String endpoint) {}
