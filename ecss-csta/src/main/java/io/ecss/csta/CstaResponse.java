package io.ecss.csta;

import static java.util.Objects.requireNonNull;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A positive response to a {@link CstaRequest} (ECMA-323 {@code ...Response}, ECMA-354 {@code
 * ...PosResponse}).
 *
 * <p>All implementations are immutable records and thread-safe.
 */
public sealed interface CstaResponse extends CstaMessage {

  /**
   * ECMA-354 {@code StartApplicationSessionPosResponse}.
   *
   * @param sessionId the session id to use in later session requests
   * @param actualProtocolVersion the protocol version the server chose
   * @param actualSessionDurationSeconds the granted session duration in seconds
   */
  record StartApplicationSessionResponse(
      String sessionId, String actualProtocolVersion, int actualSessionDurationSeconds)
      implements CstaResponse {
    /**
     * Validates the fields.
     *
     * @param sessionId the session id to use in later session requests
     * @param actualProtocolVersion the protocol version the server chose
     * @param actualSessionDurationSeconds the granted session duration in seconds
     */
    public StartApplicationSessionResponse {
      requireNonNull(sessionId, "sessionId");
      requireNonNull(actualProtocolVersion, "actualProtocolVersion");
    }

    @Override
    public String name() {
      return "StartApplicationSessionPosResponse";
    }
  }

  /**
   * ECMA-354 {@code ResetApplicationSessionTimerPosResponse}.
   *
   * @param actualSessionDurationSeconds the granted duration in seconds
   */
  record ResetApplicationSessionTimerResponse(int actualSessionDurationSeconds)
      implements CstaResponse {
    @Override
    public String name() {
      return "ResetApplicationSessionTimerPosResponse";
    }
  }

  /**
   * {@code MonitorStartResponse}.
   *
   * @param monitorCrossRefId the id that events of this monitor carry
   * @param actualMonitorFilter the filter the switch applies ({@code actualMonitorFilter}), or null
   *     if it did not say (then the requested one is assumed)
   */
  record MonitorStartResponse(String monitorCrossRefId, @Nullable CstaMonitorFilter actualMonitorFilter)
      implements CstaResponse {
    /**
     * Validates the fields.
     *
     * @param monitorCrossRefId the id that events of this monitor carry
     * @param actualMonitorFilter the filter the switch applies, or null
     */
    public MonitorStartResponse {
      requireNonNull(monitorCrossRefId, "monitorCrossRefId");
    }

    /**
     * A response without {@code actualMonitorFilter}.
     *
     * @param monitorCrossRefId the id that events of this monitor carry
     */
    public MonitorStartResponse(String monitorCrossRefId) {
      this(monitorCrossRefId, null);
    }

    @Override
    public String name() {
      return "MonitorStartResponse";
    }
  }

  /**
   * {@code MakeCallResponse}.
   *
   * @param callingDevice the calling device's connection in the new call
   */
  record MakeCallResponse(ConnectionId callingDevice) implements CstaResponse {
    /**
     * Validates the fields.
     *
     * @param callingDevice the calling device's connection in the new call
     */
    public MakeCallResponse {
      requireNonNull(callingDevice, "callingDevice");
    }

    @Override
    public String name() {
      return "MakeCallResponse";
    }
  }

  /**
   * {@code ConsultationCallResponse}.
   *
   * @param initiatedCall the consulting device's connection in the new call
   */
  record ConsultationCallResponse(ConnectionId initiatedCall) implements CstaResponse {
    /**
     * Validates the fields.
     *
     * @param initiatedCall the consulting device's connection in the new call
     */
    public ConsultationCallResponse {
      requireNonNull(initiatedCall, "initiatedCall");
    }

    @Override
    public String name() {
      return "ConsultationCallResponse";
    }
  }

  /**
   * {@code TransferCallResponse}.
   *
   * @param transferredCall the resulting call
   * @param connections how old connections map to new ones (may be empty)
   */
  record TransferCallResponse(ConnectionId transferredCall, List<ConnectionListItem> connections)
      implements CstaResponse {
    /**
     * Validates and copies the fields.
     *
     * @param transferredCall the resulting call
     * @param connections how old connections map to new ones (may be empty)
     */
    public TransferCallResponse {
      requireNonNull(transferredCall, "transferredCall");
      connections = List.copyOf(connections);
    }

    @Override
    public String name() {
      return "TransferCallResponse";
    }
  }

  /**
   * {@code SingleStepTransferCallResponse}.
   *
   * @param transferredCall the resulting call
   * @param connections how old connections map to new ones (may be empty)
   */
  record SingleStepTransferCallResponse(
      ConnectionId transferredCall, List<ConnectionListItem> connections) implements CstaResponse {
    /**
     * Validates and copies the fields.
     *
     * @param transferredCall the resulting call
     * @param connections how old connections map to new ones (may be empty)
     */
    public SingleStepTransferCallResponse {
      requireNonNull(transferredCall, "transferredCall");
      connections = List.copyOf(connections);
    }

    @Override
    public String name() {
      return "SingleStepTransferCallResponse";
    }
  }

  /**
   * {@code ConferenceCallResponse}.
   *
   * @param conferenceCall the resulting call
   * @param connections how old connections map to new ones (may be empty)
   */
  record ConferenceCallResponse(ConnectionId conferenceCall, List<ConnectionListItem> connections)
      implements CstaResponse {
    /**
     * Validates and copies the fields.
     *
     * @param conferenceCall the resulting call
     * @param connections how old connections map to new ones (may be empty)
     */
    public ConferenceCallResponse {
      requireNonNull(conferenceCall, "conferenceCall");
      connections = List.copyOf(connections);
    }

    @Override
    public String name() {
      return "ConferenceCallResponse";
    }
  }

  /**
   * {@code SnapshotDeviceResponse}: the calls a device is in. ECMA-323 lets the switch either
   * answer inline ({@code crossRefIDorSnapshotData/snapshotData}) or answer with a {@code
   * serviceCrossRefID} and send the data in {@code SnapshotDeviceData} segments; {@link
   * CstaClient} reassembles the segments and completes the request with one response holding every
   * call, in segment order.
   *
   * @param calls one entry per call the device is in (all segments, once reassembled)
   * @param serviceCrossRefId the service cross-reference id when the data came in segments, else
   *     null
   */
  record SnapshotDeviceResponse(List<SnapshotCall> calls, @Nullable String serviceCrossRefId)
      implements CstaResponse {
    /**
     * Copies the list.
     *
     * @param calls one entry per call the device is in
     * @param serviceCrossRefId the service cross-reference id of a segmented answer, or null
     */
    public SnapshotDeviceResponse {
      calls = List.copyOf(calls);
    }

    /**
     * An inline answer.
     *
     * @param calls one entry per call the device is in
     */
    public SnapshotDeviceResponse(List<SnapshotCall> calls) {
      this(calls, null);
    }

    @Override
    public String name() {
      return "SnapshotDeviceResponse";
    }
  }

  /**
   * One {@code snapshotDeviceResponseInfo} entry.
   *
   * @param connection the device's connection in the call ({@code connectionIdentifier})
   * @param endpointDevice the far end when reported ({@code endpointDevice}), else {@code null}
   * @param localConnectionStates the {@code compoundCallState} connection states, or the single
   *     {@code simpleCallState}; the first entry is this device's connection
   */
  record SnapshotCall(
      ConnectionId connection, @Nullable String endpointDevice, List<String> localConnectionStates) {
    /**
     * Validates and copies the fields.
     *
     * @param connection the device's connection in the call ({@code connectionIdentifier})
     * @param endpointDevice the far end when reported ({@code endpointDevice}), else {@code null}
     * @param localConnectionStates the {@code compoundCallState} connection states, or the single {@code simpleCallState}; the first entry is this device's connection
     */
    public SnapshotCall {
      requireNonNull(connection, "connection");
      localConnectionStates = List.copyOf(localConnectionStates);
    }
  }

  /**
   * {@code RequestSystemStatusResponse}.
   *
   * @param systemStatus e.g. {@code normal}
   */
  record RequestSystemStatusResponse(String systemStatus) implements CstaResponse {
    /**
     * Validates the fields.
     *
     * @param systemStatus e.g. {@code normal}
     */
    public RequestSystemStatusResponse {
      requireNonNull(systemStatus, "systemStatus");
    }

    @Override
    public String name() {
      return "RequestSystemStatusResponse";
    }
  }

  /** {@code AnswerCallResponse}: the positive answer to {@code AnswerCall} (no content). */
  record AnswerCallResponse() implements CstaResponse {
    @Override
    public String name() {
      return "AnswerCallResponse";
    }
  }

  /** {@code ClearConnectionResponse}: the positive answer to {@code ClearConnection} (no content). */
  record ClearConnectionResponse() implements CstaResponse {
    @Override
    public String name() {
      return "ClearConnectionResponse";
    }
  }

  /** {@code ClearCallResponse}: the positive answer to {@code ClearCall} (no content). */
  record ClearCallResponse() implements CstaResponse {
    @Override
    public String name() {
      return "ClearCallResponse";
    }
  }

  /** {@code DeflectCallResponse}: the positive answer to {@code DeflectCall} (no content). */
  record DeflectCallResponse() implements CstaResponse {
    @Override
    public String name() {
      return "DeflectCallResponse";
    }
  }

  /** {@code HoldCallResponse}: the positive answer to {@code HoldCall} (no content). */
  record HoldCallResponse() implements CstaResponse {
    @Override
    public String name() {
      return "HoldCallResponse";
    }
  }

  /** {@code RetrieveCallResponse}: the positive answer to {@code RetrieveCall} (no content). */
  record RetrieveCallResponse() implements CstaResponse {
    @Override
    public String name() {
      return "RetrieveCallResponse";
    }
  }

  /** {@code MonitorStopResponse}: the positive answer to {@code MonitorStop} (no content). */
  record MonitorStopResponse() implements CstaResponse {
    @Override
    public String name() {
      return "MonitorStopResponse";
    }
  }

  /** {@code StopApplicationSessionPosResponse}: the positive answer to {@code StopApplicationSession} (no content). */
  record StopApplicationSessionResponse() implements CstaResponse {
    @Override
    public String name() {
      return "StopApplicationSessionPosResponse";
    }
  }

  /** {@code SystemStatusResponse}: the positive answer to {@code SystemStatus} (no content). */
  record SystemStatusResponse() implements CstaResponse {
    @Override
    public String name() {
      return "SystemStatusResponse";
    }
  }
}
