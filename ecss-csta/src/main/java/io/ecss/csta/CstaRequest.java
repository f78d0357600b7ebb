package io.ecss.csta;

import static java.util.Objects.requireNonNull;

import org.jspecify.annotations.Nullable;

/**
 * A CSTA service request (ECMA-323 ed3, ECMA-354 for the session services). The type parameter is
 * the positive response the request expects, so a client returns a typed future.
 *
 * <p>All implementations are immutable records and thread-safe.
 *
 * @param <R> the positive response type
 */
public sealed interface CstaRequest<R extends CstaResponse> extends CstaMessage {

  /**
   * The class of the positive response.
   *
   * @return the response type
   */
  Class<R> responseType();

  private static String nonEmpty(String value, String name) {
    requireNonNull(value, name);
    if (value.isEmpty()) {
      throw new IllegalArgumentException(name + ": empty");
    }
    return value;
  }

  /**
   * ECMA-354 {@code StartApplicationSession} with the vendor {@code SessionLoginInfo}
   * ({@code http://www.eltex.org/csta}).
   *
   * @param applicationId the application identifier (element {@code <applicationID>})
   * @param userName the login user (on ECSS-10 the domain)
   * @param password the login password
   * @param protocolVersion the requested protocol version URI (ed3 by default)
   * @param requestedDurationSeconds the requested session duration in seconds
   */
  record StartApplicationSession(
      String applicationId,
      String userName,
      String password,
      String protocolVersion,
      int requestedDurationSeconds)
      implements CstaRequest<CstaResponse.StartApplicationSessionResponse> {
    /**
     * Validates the fields.
     *
     * @param applicationId the application identifier (element {@code <applicationID>})
     * @param userName the login user (on ECSS-10 the domain)
     * @param password the login password
     * @param protocolVersion the requested protocol version URI (ed3 by default)
     * @param requestedDurationSeconds the requested session duration in seconds
     */
    public StartApplicationSession {
      nonEmpty(applicationId, "applicationId");
      requireNonNull(userName, "userName");
      requireNonNull(password, "password");
      nonEmpty(protocolVersion, "protocolVersion");
      if (requestedDurationSeconds <= 0) {
        throw new IllegalArgumentException(
            "requestedDurationSeconds: " + requestedDurationSeconds + " (expected > 0)");
      }
    }

    @Override
    public String name() {
      return "StartApplicationSession";
    }

    @Override
    public Class<CstaResponse.StartApplicationSessionResponse> responseType() {
      return CstaResponse.StartApplicationSessionResponse.class;
    }

    @Override
    public String toString() {
      // Never print the password.
      return "StartApplicationSession[applicationId="
          + applicationId
          + ", protocolVersion="
          + protocolVersion
          + ", requestedDurationSeconds="
          + requestedDurationSeconds
          + "]";
    }
  }

  /**
   * ECMA-354 {@code ResetApplicationSessionTimer}: the keep-alive.
   *
   * @param sessionId the session
   * @param requestedDurationSeconds the requested new duration in seconds
   */
  record ResetApplicationSessionTimer(String sessionId, int requestedDurationSeconds)
      implements CstaRequest<CstaResponse.ResetApplicationSessionTimerResponse> {
    /**
     * Validates the fields.
     *
     * @param sessionId the session
     * @param requestedDurationSeconds the requested new duration in seconds
     */
    public ResetApplicationSessionTimer {
      requireNonNull(sessionId, "sessionId");
      if (requestedDurationSeconds <= 0) {
        throw new IllegalArgumentException(
            "requestedDurationSeconds: " + requestedDurationSeconds + " (expected > 0)");
      }
    }

    @Override
    public String name() {
      return "ResetApplicationSessionTimer";
    }

    @Override
    public Class<CstaResponse.ResetApplicationSessionTimerResponse> responseType() {
      return CstaResponse.ResetApplicationSessionTimerResponse.class;
    }
  }

  /**
   * ECMA-354 {@code StopApplicationSession}.
   *
   * @param sessionId the session
   * @param endReason {@code normal} (sent as {@code definedEndReason}) or the application's own
   *     text (sent as {@code appEndReason})
   */
  record StopApplicationSession(String sessionId, String endReason)
      implements CstaRequest<CstaResponse.StopApplicationSessionResponse> {
    /**
     * Validates the fields.
     *
     * @param sessionId the session
     * @param endReason {@code normal} (sent as {@code definedEndReason}) or the application's own
   *     text (sent as {@code appEndReason})
     */
    public StopApplicationSession {
      requireNonNull(sessionId, "sessionId");
      requireNonNull(endReason, "endReason");
    }

    @Override
    public String name() {
      return "StopApplicationSession";
    }

    @Override
    public Class<CstaResponse.StopApplicationSessionResponse> responseType() {
      return CstaResponse.StopApplicationSessionResponse.class;
    }
  }

  /**
   * {@code MonitorStart}: a monitor on a device ({@code monitorObject/deviceObject}) or on a call
   * ({@code monitorObject/callObject}), with an optional event filter ({@code
   * requestedMonitorFilter}) and monitor type.
   *
   * @param deviceId the device to monitor, or null for a call monitor
   * @param callObject the call to monitor (its call id, optionally the device of
   *     the connection it was seen at), or null for a device monitor
   * @param filter the events the switch must not send ({@link CstaMonitorFilter#NONE}: all)
   * @param monitorType {@code call} or {@code device}, or null to leave it to the switch
   */
  record MonitorStart(
      @Nullable String deviceId,
      @Nullable ConnectionId callObject,
      CstaMonitorFilter filter,
      @Nullable CstaMonitorType monitorType)
      implements CstaRequest<CstaResponse.MonitorStartResponse> {
    /**
     * Validates the fields.
     *
     * @param deviceId the device to monitor, or null for a call monitor
     * @param callObject the call to monitor, or null for a device monitor
     * @param filter the events the switch must not send
     * @param monitorType the monitor type, or null
     * @throws IllegalArgumentException unless exactly one of {@code deviceId} and {@code
     *     callObject} is given
     */
    public MonitorStart {
      requireNonNull(filter, "filter");
      if ((deviceId == null) == (callObject == null)) {
        throw new IllegalArgumentException("MonitorStart: give exactly one of deviceId and callObject");
      }
      if (deviceId != null) {
        nonEmpty(deviceId, "deviceId");
      }
    }

    /**
     * A device monitor with no filter and the switch's default type.
     *
     * @param deviceId the device to monitor
     */
    public MonitorStart(String deviceId) {
      this(deviceId, null, CstaMonitorFilter.NONE, null);
    }

    /**
     * A device monitor.
     *
     * @param deviceId the device to monitor
     * @param filter the events the switch must not send
     * @param monitorType the monitor type, or null
     * @return the request
     */
    public static MonitorStart device(String deviceId, CstaMonitorFilter filter, @Nullable CstaMonitorType monitorType) {
      return new MonitorStart(requireNonNull(deviceId, "deviceId"), null, filter, monitorType);
    }

    /**
     * A call monitor ({@code monitorObject/callObject}, {@code monitorType} {@code call}).
     *
     * @param call the call; its device part may be null
     * @param filter the events the switch must not send
     * @return the request
     */
    public static MonitorStart call(ConnectionId call, CstaMonitorFilter filter) {
      return new MonitorStart(null, requireNonNull(call, "call"), filter, CstaMonitorType.CALL);
    }

    @Override
    public String name() {
      return "MonitorStart";
    }

    @Override
    public Class<CstaResponse.MonitorStartResponse> responseType() {
      return CstaResponse.MonitorStartResponse.class;
    }
  }

  /**
   * {@code MonitorStop}.
   *
   * @param monitorCrossRefId the monitor to stop
   */
  record MonitorStop(String monitorCrossRefId)
      implements CstaRequest<CstaResponse.MonitorStopResponse> {
    /**
     * Validates the fields.
     *
     * @param monitorCrossRefId the monitor to stop
     */
    public MonitorStop {
      nonEmpty(monitorCrossRefId, "monitorCrossRefId");
    }

    @Override
    public String name() {
      return "MonitorStop";
    }

    @Override
    public Class<CstaResponse.MonitorStopResponse> responseType() {
      return CstaResponse.MonitorStopResponse.class;
    }
  }

  /**
   * {@code MakeCall}: click-to-call from {@code callingDevice} to {@code calledDirectoryNumber}.
   *
   * @param callingDevice the device that places the call
   * @param calledDirectoryNumber the number to call
   * @param autoOriginate {@code prompt} or {@code doNotPrompt}; {@code null} leaves it to the switch
   */
  record MakeCall(
      String callingDevice, String calledDirectoryNumber, @Nullable String autoOriginate)
      implements CstaRequest<CstaResponse.MakeCallResponse> {
    /**
     * Validates the fields.
     *
     * @param callingDevice the device that places the call
     * @param calledDirectoryNumber the number to call
     * @param autoOriginate {@code prompt} or {@code doNotPrompt}; {@code null} leaves it to the switch
     */
    public MakeCall {
      nonEmpty(callingDevice, "callingDevice");
      nonEmpty(calledDirectoryNumber, "calledDirectoryNumber");
      if (autoOriginate != null
          && !autoOriginate.equals("prompt")
          && !autoOriginate.equals("doNotPrompt")) {
        throw new IllegalArgumentException(
            "autoOriginate: " + autoOriginate + " (expected prompt or doNotPrompt)");
      }
    }

    /**
     * Returns a MakeCall that leaves {@code autoOriginate} to the switch.
     *
     * @param callingDevice the device that places the call
     * @param calledDirectoryNumber the number to call
     * @return the request
     */
    public static MakeCall of(String callingDevice, String calledDirectoryNumber) {
      return new MakeCall(callingDevice, calledDirectoryNumber, null);
    }

    @Override
    public String name() {
      return "MakeCall";
    }

    @Override
    public Class<CstaResponse.MakeCallResponse> responseType() {
      return CstaResponse.MakeCallResponse.class;
    }
  }

  /**
   * {@code AnswerCall}.
   *
   * @param callToBeAnswered the alerting connection
   */
  record AnswerCall(ConnectionId callToBeAnswered)
      implements CstaRequest<CstaResponse.AnswerCallResponse> {
    /**
     * Validates the fields.
     *
     * @param callToBeAnswered the alerting connection
     */
    public AnswerCall {
      requireNonNull(callToBeAnswered, "callToBeAnswered");
    }

    @Override
    public String name() {
      return "AnswerCall";
    }

    @Override
    public Class<CstaResponse.AnswerCallResponse> responseType() {
      return CstaResponse.AnswerCallResponse.class;
    }
  }

  /**
   * {@code ClearConnection}: hang up one leg.
   *
   * @param connectionToBeCleared the connection
   */
  record ClearConnection(ConnectionId connectionToBeCleared)
      implements CstaRequest<CstaResponse.ClearConnectionResponse> {
    /**
     * Validates the fields.
     *
     * @param connectionToBeCleared the connection
     */
    public ClearConnection {
      requireNonNull(connectionToBeCleared, "connectionToBeCleared");
    }

    @Override
    public String name() {
      return "ClearConnection";
    }

    @Override
    public Class<CstaResponse.ClearConnectionResponse> responseType() {
      return CstaResponse.ClearConnectionResponse.class;
    }
  }

  /**
   * {@code ClearCall}: tear down the whole call.
   *
   * @param callToBeCleared the call (the device part may be {@code null})
   */
  record ClearCall(ConnectionId callToBeCleared)
      implements CstaRequest<CstaResponse.ClearCallResponse> {
    /**
     * Validates the fields.
     *
     * @param callToBeCleared the call (the device part may be {@code null})
     */
    public ClearCall {
      requireNonNull(callToBeCleared, "callToBeCleared");
    }

    @Override
    public String name() {
      return "ClearCall";
    }

    @Override
    public Class<CstaResponse.ClearCallResponse> responseType() {
      return CstaResponse.ClearCallResponse.class;
    }
  }

  /**
   * {@code DeflectCall}: send an alerting call elsewhere.
   *
   * @param callToBeDiverted the alerting connection
   * @param newDestination where the call goes
   */
  record DeflectCall(ConnectionId callToBeDiverted, String newDestination)
      implements CstaRequest<CstaResponse.DeflectCallResponse> {
    /**
     * Validates the fields.
     *
     * @param callToBeDiverted the alerting connection
     * @param newDestination where the call goes
     */
    public DeflectCall {
      requireNonNull(callToBeDiverted, "callToBeDiverted");
      nonEmpty(newDestination, "newDestination");
    }

    @Override
    public String name() {
      return "DeflectCall";
    }

    @Override
    public Class<CstaResponse.DeflectCallResponse> responseType() {
      return CstaResponse.DeflectCallResponse.class;
    }
  }

  /**
   * {@code HoldCall}.
   *
   * @param callToBeHeld the connection to put on hold
   */
  record HoldCall(ConnectionId callToBeHeld) implements CstaRequest<CstaResponse.HoldCallResponse> {
    /**
     * Validates the fields.
     *
     * @param callToBeHeld the connection to put on hold
     */
    public HoldCall {
      requireNonNull(callToBeHeld, "callToBeHeld");
    }

    @Override
    public String name() {
      return "HoldCall";
    }

    @Override
    public Class<CstaResponse.HoldCallResponse> responseType() {
      return CstaResponse.HoldCallResponse.class;
    }
  }

  /**
   * {@code RetrieveCall}.
   *
   * @param callToBeRetrieved the held connection
   */
  record RetrieveCall(ConnectionId callToBeRetrieved)
      implements CstaRequest<CstaResponse.RetrieveCallResponse> {
    /**
     * Validates the fields.
     *
     * @param callToBeRetrieved the held connection
     */
    public RetrieveCall {
      requireNonNull(callToBeRetrieved, "callToBeRetrieved");
    }

    @Override
    public String name() {
      return "RetrieveCall";
    }

    @Override
    public Class<CstaResponse.RetrieveCallResponse> responseType() {
      return CstaResponse.RetrieveCallResponse.class;
    }
  }

  /**
   * {@code ConsultationCall}: hold the existing call and call another device.
   *
   * @param existingCall the active connection to hold
   * @param consultedDevice the device to consult
   */
  record ConsultationCall(ConnectionId existingCall, String consultedDevice)
      implements CstaRequest<CstaResponse.ConsultationCallResponse> {
    /**
     * Validates the fields.
     *
     * @param existingCall the active connection to hold
     * @param consultedDevice the device to consult
     */
    public ConsultationCall {
      requireNonNull(existingCall, "existingCall");
      nonEmpty(consultedDevice, "consultedDevice");
    }

    @Override
    public String name() {
      return "ConsultationCall";
    }

    @Override
    public Class<CstaResponse.ConsultationCallResponse> responseType() {
      return CstaResponse.ConsultationCallResponse.class;
    }
  }

  /**
   * {@code TransferCall}: join the other parties of the held and the active call and drop out.
   *
   * @param heldCall the held connection
   * @param activeCall the active connection
   */
  record TransferCall(ConnectionId heldCall, ConnectionId activeCall)
      implements CstaRequest<CstaResponse.TransferCallResponse> {
    /**
     * Validates the fields.
     *
     * @param heldCall the held connection
     * @param activeCall the active connection
     */
    public TransferCall {
      requireNonNull(heldCall, "heldCall");
      requireNonNull(activeCall, "activeCall");
    }

    @Override
    public String name() {
      return "TransferCall";
    }

    @Override
    public Class<CstaResponse.TransferCallResponse> responseType() {
      return CstaResponse.TransferCallResponse.class;
    }
  }

  /**
   * {@code SingleStepTransferCall}: blind transfer.
   *
   * @param activeCall the active connection
   * @param transferredTo the new destination
   */
  record SingleStepTransferCall(ConnectionId activeCall, String transferredTo)
      implements CstaRequest<CstaResponse.SingleStepTransferCallResponse> {
    /**
     * Validates the fields.
     *
     * @param activeCall the active connection
     * @param transferredTo the new destination
     */
    public SingleStepTransferCall {
      requireNonNull(activeCall, "activeCall");
      nonEmpty(transferredTo, "transferredTo");
    }

    @Override
    public String name() {
      return "SingleStepTransferCall";
    }

    @Override
    public Class<CstaResponse.SingleStepTransferCallResponse> responseType() {
      return CstaResponse.SingleStepTransferCallResponse.class;
    }
  }

  /**
   * {@code ConferenceCall}: join the held and the active call into one.
   *
   * @param heldCall the held connection
   * @param activeCall the active connection
   */
  record ConferenceCall(ConnectionId heldCall, ConnectionId activeCall)
      implements CstaRequest<CstaResponse.ConferenceCallResponse> {
    /**
     * Validates the fields.
     *
     * @param heldCall the held connection
     * @param activeCall the active connection
     */
    public ConferenceCall {
      requireNonNull(heldCall, "heldCall");
      requireNonNull(activeCall, "activeCall");
    }

    @Override
    public String name() {
      return "ConferenceCall";
    }

    @Override
    public Class<CstaResponse.ConferenceCallResponse> responseType() {
      return CstaResponse.ConferenceCallResponse.class;
    }
  }

  /**
   * {@code SnapshotDevice}: the calls a device is in right now.
   *
   * @param snapshotObject the device
   */
  record SnapshotDevice(String snapshotObject)
      implements CstaRequest<CstaResponse.SnapshotDeviceResponse> {
    /**
     * Validates the fields.
     *
     * @param snapshotObject the device
     */
    public SnapshotDevice {
      nonEmpty(snapshotObject, "snapshotObject");
    }

    @Override
    public String name() {
      return "SnapshotDevice";
    }

    @Override
    public Class<CstaResponse.SnapshotDeviceResponse> responseType() {
      return CstaResponse.SnapshotDeviceResponse.class;
    }
  }

  /** {@code RequestSystemStatus}: ask the switch for its status. */
  record RequestSystemStatus() implements CstaRequest<CstaResponse.RequestSystemStatusResponse> {
    @Override
    public String name() {
      return "RequestSystemStatus";
    }

    @Override
    public Class<CstaResponse.RequestSystemStatusResponse> responseType() {
      return CstaResponse.RequestSystemStatusResponse.class;
    }
  }

  /**
   * {@code SystemStatus}: in practice sent by the switch; the client answers {@code
   * SystemStatusResponse} with the same invoke id.
   *
   * @param systemStatus e.g. {@code normal}, {@code messagesLost}, {@code disabled}
   */
  record SystemStatus(String systemStatus)
      implements CstaRequest<CstaResponse.SystemStatusResponse> {
    /**
     * Validates the fields.
     *
     * @param systemStatus e.g. {@code normal}, {@code messagesLost}, {@code disabled}
     */
    public SystemStatus {
      nonEmpty(systemStatus, "systemStatus");
    }

    @Override
    public String name() {
      return "SystemStatus";
    }

    @Override
    public Class<CstaResponse.SystemStatusResponse> responseType() {
      return CstaResponse.SystemStatusResponse.class;
    }
  }
}
