package io.ecss.csta;

import static java.util.Objects.requireNonNull;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * An unsolicited CSTA event (ECMA-323 ed3 clause 17 call-control events), sent by the switch with
 * invoke id {@code 9999}. The twelve events a CRM needs are typed; every other event arrives as
 * {@link Raw} with its XML, never dropped.
 *
 * <p>Device fields hold the {@code deviceIdentifier} (or {@code numberDialed}) text and are {@code
 * null} when the switch sent {@code notKnown}, {@code restricted} or nothing. {@code
 * localConnectionInfo} is one of {@code null}, {@code initiated}, {@code alerting}, {@code
 * connected}, {@code hold}, {@code queued}, {@code fail}; {@code cause} is the ECMA-323 {@code
 * EventCause} text (e.g. {@code newCall}, {@code normalClearing}, {@code transfer}).
 *
 * <p>All implementations are immutable records and thread-safe.
 */
public sealed interface CstaEvent extends CstaMessage {

  /**
   * The monitor that produced the event; {@code null} only for a {@link Raw} event without one.
   *
   * @return the {@code monitorCrossRefID}
   */
  @Nullable String monitorCrossRefId();

  /**
   * The event's main connection: the connection that changed state, or the primary old call of a
   * transfer or conference.
   *
   * @return the connection, or {@code null} for a {@link Raw} event
   */
  @Nullable ConnectionId connection();

  /**
   * The state of the monitored device's connection after the event.
   *
   * @return the {@code localConnectionInfo}, or {@code null} when absent
   */
  @Nullable String localConnectionInfo();

  /**
   * Why the event happened.
   *
   * @return the {@code cause}, or {@code null} when absent
   */
  @Nullable String cause();

  /**
   * Returns a copy of this event carrying another monitor id (used when a monitor was restarted).
   *
   * @param monitorCrossRefId the new id
   * @return the copy
   */
  CstaEvent withMonitorCrossRefId(String monitorCrossRefId);

  /**
   * {@code ServiceInitiatedEvent}: a device went off-hook or MakeCall started.
   *
   * @param monitorCrossRefId the monitor
   * @param initiatedConnection the new connection
   * @param initiatingDevice the device
   * @param localConnectionInfo the connection state
   * @param cause the cause
   */
  record ServiceInitiated(
      String monitorCrossRefId,
      ConnectionId initiatedConnection,
      @Nullable String initiatingDevice,
      @Nullable String localConnectionInfo,
      @Nullable String cause)
      implements CstaEvent {
    /**
     * Validates the fields.
     *
     * @param monitorCrossRefId the monitor
     * @param initiatedConnection the new connection
     * @param initiatingDevice the device
     * @param localConnectionInfo the connection state
     * @param cause the cause
     */
    public ServiceInitiated {
      requireNonNull(monitorCrossRefId, "monitorCrossRefId");
      requireNonNull(initiatedConnection, "initiatedConnection");
    }

    @Override
    public String name() {
      return "ServiceInitiatedEvent";
    }

    @Override
    public ConnectionId connection() {
      return initiatedConnection;
    }

    @Override
    public ServiceInitiated withMonitorCrossRefId(String id) {
      return new ServiceInitiated(id, initiatedConnection, initiatingDevice, localConnectionInfo, cause);
    }
  }

  /**
   * {@code OriginatedEvent}: the call left the calling device.
   *
   * @param monitorCrossRefId the monitor
   * @param originatedConnection the calling connection
   * @param callingDevice the caller
   * @param calledDevice the called number
   * @param localConnectionInfo the connection state
   * @param cause the cause
   */
  record Originated(
      String monitorCrossRefId,
      ConnectionId originatedConnection,
      @Nullable String callingDevice,
      @Nullable String calledDevice,
      @Nullable String localConnectionInfo,
      @Nullable String cause)
      implements CstaEvent {
    /**
     * Validates the fields.
     *
     * @param monitorCrossRefId the monitor
     * @param originatedConnection the calling connection
     * @param callingDevice the caller
     * @param calledDevice the called number
     * @param localConnectionInfo the connection state
     * @param cause the cause
     */
    public Originated {
      requireNonNull(monitorCrossRefId, "monitorCrossRefId");
      requireNonNull(originatedConnection, "originatedConnection");
    }

    @Override
    public String name() {
      return "OriginatedEvent";
    }

    @Override
    public ConnectionId connection() {
      return originatedConnection;
    }

    @Override
    public Originated withMonitorCrossRefId(String id) {
      return new Originated(
          id, originatedConnection, callingDevice, calledDevice, localConnectionInfo, cause);
    }
  }

  /**
   * {@code DeliveredEvent}: a device is ringing (the CRM pop-up moment).
   *
   * @param monitorCrossRefId the monitor
   * @param connection the alerting connection
   * @param alertingDevice the ringing device
   * @param callingDevice the caller
   * @param calledDevice the called number
   * @param lastRedirectionDevice the last redirecting device
   * @param localConnectionInfo the connection state
   * @param cause the cause
   */
  record Delivered(
      String monitorCrossRefId,
      ConnectionId connection,
      @Nullable String alertingDevice,
      @Nullable String callingDevice,
      @Nullable String calledDevice,
      @Nullable String lastRedirectionDevice,
      @Nullable String localConnectionInfo,
      @Nullable String cause)
      implements CstaEvent {
    /**
     * Validates the fields.
     *
     * @param monitorCrossRefId the monitor
     * @param connection the alerting connection
     * @param alertingDevice the ringing device
     * @param callingDevice the caller
     * @param calledDevice the called number
     * @param lastRedirectionDevice the last redirecting device
     * @param localConnectionInfo the connection state
     * @param cause the cause
     */
    public Delivered {
      requireNonNull(monitorCrossRefId, "monitorCrossRefId");
      requireNonNull(connection, "connection");
    }

    @Override
    public String name() {
      return "DeliveredEvent";
    }

    @Override
    public Delivered withMonitorCrossRefId(String id) {
      return new Delivered(
          id,
          connection,
          alertingDevice,
          callingDevice,
          calledDevice,
          lastRedirectionDevice,
          localConnectionInfo,
          cause);
    }
  }

  /**
   * {@code EstablishedEvent}: the call was answered.
   *
   * @param monitorCrossRefId the monitor
   * @param establishedConnection the answering connection
   * @param answeringDevice the device that answered
   * @param callingDevice the caller
   * @param calledDevice the called number
   * @param lastRedirectionDevice the last redirecting device
   * @param localConnectionInfo the connection state
   * @param cause the cause
   */
  record Established(
      String monitorCrossRefId,
      ConnectionId establishedConnection,
      @Nullable String answeringDevice,
      @Nullable String callingDevice,
      @Nullable String calledDevice,
      @Nullable String lastRedirectionDevice,
      @Nullable String localConnectionInfo,
      @Nullable String cause)
      implements CstaEvent {
    /**
     * Validates the fields.
     *
     * @param monitorCrossRefId the monitor
     * @param establishedConnection the answering connection
     * @param answeringDevice the device that answered
     * @param callingDevice the caller
     * @param calledDevice the called number
     * @param lastRedirectionDevice the last redirecting device
     * @param localConnectionInfo the connection state
     * @param cause the cause
     */
    public Established {
      requireNonNull(monitorCrossRefId, "monitorCrossRefId");
      requireNonNull(establishedConnection, "establishedConnection");
    }

    @Override
    public String name() {
      return "EstablishedEvent";
    }

    @Override
    public ConnectionId connection() {
      return establishedConnection;
    }

    @Override
    public Established withMonitorCrossRefId(String id) {
      return new Established(
          id,
          establishedConnection,
          answeringDevice,
          callingDevice,
          calledDevice,
          lastRedirectionDevice,
          localConnectionInfo,
          cause);
    }
  }

  /**
   * {@code ConnectionClearedEvent}: one leg hung up.
   *
   * @param monitorCrossRefId the monitor
   * @param droppedConnection the cleared connection
   * @param releasingDevice the device that left
   * @param localConnectionInfo the connection state
   * @param cause the cause
   */
  record ConnectionCleared(
      String monitorCrossRefId,
      ConnectionId droppedConnection,
      @Nullable String releasingDevice,
      @Nullable String localConnectionInfo,
      @Nullable String cause)
      implements CstaEvent {
    /**
     * Validates the fields.
     *
     * @param monitorCrossRefId the monitor
     * @param droppedConnection the cleared connection
     * @param releasingDevice the device that left
     * @param localConnectionInfo the connection state
     * @param cause the cause
     */
    public ConnectionCleared {
      requireNonNull(monitorCrossRefId, "monitorCrossRefId");
      requireNonNull(droppedConnection, "droppedConnection");
    }

    @Override
    public String name() {
      return "ConnectionClearedEvent";
    }

    @Override
    public ConnectionId connection() {
      return droppedConnection;
    }

    @Override
    public ConnectionCleared withMonitorCrossRefId(String id) {
      return new ConnectionCleared(id, droppedConnection, releasingDevice, localConnectionInfo, cause);
    }
  }

  /**
   * {@code CallClearedEvent}: the whole call is gone.
   *
   * @param monitorCrossRefId the monitor
   * @param clearedCall the call
   * @param localConnectionInfo the connection state
   * @param cause the cause
   */
  record CallCleared(
      String monitorCrossRefId,
      ConnectionId clearedCall,
      @Nullable String localConnectionInfo,
      @Nullable String cause)
      implements CstaEvent {
    /**
     * Validates the fields.
     *
     * @param monitorCrossRefId the monitor
     * @param clearedCall the call
     * @param localConnectionInfo the connection state
     * @param cause the cause
     */
    public CallCleared {
      requireNonNull(monitorCrossRefId, "monitorCrossRefId");
      requireNonNull(clearedCall, "clearedCall");
    }

    @Override
    public String name() {
      return "CallClearedEvent";
    }

    @Override
    public ConnectionId connection() {
      return clearedCall;
    }

    @Override
    public CallCleared withMonitorCrossRefId(String id) {
      return new CallCleared(id, clearedCall, localConnectionInfo, cause);
    }
  }

  /**
   * {@code HeldEvent}.
   *
   * @param monitorCrossRefId the monitor
   * @param heldConnection the held connection
   * @param holdingDevice the device that held
   * @param localConnectionInfo the connection state
   * @param cause the cause
   */
  record Held(
      String monitorCrossRefId,
      ConnectionId heldConnection,
      @Nullable String holdingDevice,
      @Nullable String localConnectionInfo,
      @Nullable String cause)
      implements CstaEvent {
    /**
     * Validates the fields.
     *
     * @param monitorCrossRefId the monitor
     * @param heldConnection the held connection
     * @param holdingDevice the device that held
     * @param localConnectionInfo the connection state
     * @param cause the cause
     */
    public Held {
      requireNonNull(monitorCrossRefId, "monitorCrossRefId");
      requireNonNull(heldConnection, "heldConnection");
    }

    @Override
    public String name() {
      return "HeldEvent";
    }

    @Override
    public ConnectionId connection() {
      return heldConnection;
    }

    @Override
    public Held withMonitorCrossRefId(String id) {
      return new Held(id, heldConnection, holdingDevice, localConnectionInfo, cause);
    }
  }

  /**
   * {@code RetrievedEvent}.
   *
   * @param monitorCrossRefId the monitor
   * @param retrievedConnection the retrieved connection
   * @param retrievingDevice the device that retrieved
   * @param localConnectionInfo the connection state
   * @param cause the cause
   */
  record Retrieved(
      String monitorCrossRefId,
      ConnectionId retrievedConnection,
      @Nullable String retrievingDevice,
      @Nullable String localConnectionInfo,
      @Nullable String cause)
      implements CstaEvent {
    /**
     * Validates the fields.
     *
     * @param monitorCrossRefId the monitor
     * @param retrievedConnection the retrieved connection
     * @param retrievingDevice the device that retrieved
     * @param localConnectionInfo the connection state
     * @param cause the cause
     */
    public Retrieved {
      requireNonNull(monitorCrossRefId, "monitorCrossRefId");
      requireNonNull(retrievedConnection, "retrievedConnection");
    }

    @Override
    public String name() {
      return "RetrievedEvent";
    }

    @Override
    public ConnectionId connection() {
      return retrievedConnection;
    }

    @Override
    public Retrieved withMonitorCrossRefId(String id) {
      return new Retrieved(id, retrievedConnection, retrievingDevice, localConnectionInfo, cause);
    }
  }

  /**
   * {@code DivertedEvent}: deflect, forward or pickup.
   *
   * @param monitorCrossRefId the monitor
   * @param connection the diverted connection
   * @param divertingDevice the device the call left
   * @param newDestination where the call went
   * @param callingDevice the caller
   * @param calledDevice the called number
   * @param lastRedirectionDevice the last redirecting device
   * @param localConnectionInfo the connection state
   * @param cause the cause
   */
  record Diverted(
      String monitorCrossRefId,
      ConnectionId connection,
      @Nullable String divertingDevice,
      @Nullable String newDestination,
      @Nullable String callingDevice,
      @Nullable String calledDevice,
      @Nullable String lastRedirectionDevice,
      @Nullable String localConnectionInfo,
      @Nullable String cause)
      implements CstaEvent {
    /**
     * Validates the fields.
     *
     * @param monitorCrossRefId the monitor
     * @param connection the diverted connection
     * @param divertingDevice the device the call left
     * @param newDestination where the call went
     * @param callingDevice the caller
     * @param calledDevice the called number
     * @param lastRedirectionDevice the last redirecting device
     * @param localConnectionInfo the connection state
     * @param cause the cause
     */
    public Diverted {
      requireNonNull(monitorCrossRefId, "monitorCrossRefId");
      requireNonNull(connection, "connection");
    }

    @Override
    public String name() {
      return "DivertedEvent";
    }

    @Override
    public Diverted withMonitorCrossRefId(String id) {
      return new Diverted(
          id,
          connection,
          divertingDevice,
          newDestination,
          callingDevice,
          calledDevice,
          lastRedirectionDevice,
          localConnectionInfo,
          cause);
    }
  }

  /**
   * {@code TransferedEvent} (one "r": the schema's spelling): call ids changed; re-key state
   * through {@code transferredConnections}.
   *
   * @param monitorCrossRefId the monitor
   * @param primaryOldCall the transferring device's connection in the first call
   * @param secondaryOldCall its connection in the second call, if any
   * @param transferringDevice the device that transferred
   * @param transferredToDevice the device the call went to
   * @param transferredConnections old to new connection map
   * @param localConnectionInfo the connection state
   * @param cause the cause
   */
  record Transfered(
      String monitorCrossRefId,
      ConnectionId primaryOldCall,
      @Nullable ConnectionId secondaryOldCall,
      @Nullable String transferringDevice,
      @Nullable String transferredToDevice,
      List<ConnectionListItem> transferredConnections,
      @Nullable String localConnectionInfo,
      @Nullable String cause)
      implements CstaEvent {
    /**
     * Validates and copies the fields.
     *
     * @param monitorCrossRefId the monitor
     * @param primaryOldCall the transferring device's connection in the first call
     * @param secondaryOldCall its connection in the second call, if any
     * @param transferringDevice the device that transferred
     * @param transferredToDevice the device the call went to
     * @param transferredConnections old to new connection map
     * @param localConnectionInfo the connection state
     * @param cause the cause
     */
    public Transfered {
      requireNonNull(monitorCrossRefId, "monitorCrossRefId");
      requireNonNull(primaryOldCall, "primaryOldCall");
      transferredConnections = List.copyOf(transferredConnections);
    }

    @Override
    public String name() {
      return "TransferedEvent";
    }

    @Override
    public ConnectionId connection() {
      return primaryOldCall;
    }

    @Override
    public Transfered withMonitorCrossRefId(String id) {
      return new Transfered(
          id,
          primaryOldCall,
          secondaryOldCall,
          transferringDevice,
          transferredToDevice,
          transferredConnections,
          localConnectionInfo,
          cause);
    }
  }

  /**
   * {@code ConferencedEvent}: 3-way or conference.
   *
   * @param monitorCrossRefId the monitor
   * @param primaryOldCall the conferencing device's connection in the first call
   * @param secondaryOldCall its connection in the second call, if any
   * @param conferencingDevice the device that joined the calls
   * @param addedParty the party added
   * @param conferenceConnections old to new connection map
   * @param localConnectionInfo the connection state
   * @param cause the cause
   */
  record Conferenced(
      String monitorCrossRefId,
      ConnectionId primaryOldCall,
      @Nullable ConnectionId secondaryOldCall,
      @Nullable String conferencingDevice,
      @Nullable String addedParty,
      List<ConnectionListItem> conferenceConnections,
      @Nullable String localConnectionInfo,
      @Nullable String cause)
      implements CstaEvent {
    /**
     * Validates and copies the fields.
     *
     * @param monitorCrossRefId the monitor
     * @param primaryOldCall the conferencing device's connection in the first call
     * @param secondaryOldCall its connection in the second call, if any
     * @param conferencingDevice the device that joined the calls
     * @param addedParty the party added
     * @param conferenceConnections old to new connection map
     * @param localConnectionInfo the connection state
     * @param cause the cause
     */
    public Conferenced {
      requireNonNull(monitorCrossRefId, "monitorCrossRefId");
      requireNonNull(primaryOldCall, "primaryOldCall");
      conferenceConnections = List.copyOf(conferenceConnections);
    }

    @Override
    public String name() {
      return "ConferencedEvent";
    }

    @Override
    public ConnectionId connection() {
      return primaryOldCall;
    }

    @Override
    public Conferenced withMonitorCrossRefId(String id) {
      return new Conferenced(
          id,
          primaryOldCall,
          secondaryOldCall,
          conferencingDevice,
          addedParty,
          conferenceConnections,
          localConnectionInfo,
          cause);
    }
  }

  /**
   * {@code FailedEvent}: busy, unreachable and similar (see {@code cause}).
   *
   * @param monitorCrossRefId the monitor
   * @param failedConnection the failed connection
   * @param failingDevice the device that failed
   * @param callingDevice the caller
   * @param calledDevice the called number
   * @param localConnectionInfo the connection state
   * @param cause the cause
   */
  record Failed(
      String monitorCrossRefId,
      ConnectionId failedConnection,
      @Nullable String failingDevice,
      @Nullable String callingDevice,
      @Nullable String calledDevice,
      @Nullable String localConnectionInfo,
      @Nullable String cause)
      implements CstaEvent {
    /**
     * Validates the fields.
     *
     * @param monitorCrossRefId the monitor
     * @param failedConnection the failed connection
     * @param failingDevice the device that failed
     * @param callingDevice the caller
     * @param calledDevice the called number
     * @param localConnectionInfo the connection state
     * @param cause the cause
     */
    public Failed {
      requireNonNull(monitorCrossRefId, "monitorCrossRefId");
      requireNonNull(failedConnection, "failedConnection");
    }

    @Override
    public String name() {
      return "FailedEvent";
    }

    @Override
    public ConnectionId connection() {
      return failedConnection;
    }

    @Override
    public Failed withMonitorCrossRefId(String id) {
      return new Failed(
          id, failedConnection, failingDevice, callingDevice, calledDevice, localConnectionInfo, cause);
    }
  }

  /**
   * Any other event (the ed3 schema has 76 event roots): kept as XML with its monitor id.
   *
   * @param name the root element's local name, ending in {@code Event}
   * @param monitorCrossRefId the {@code <monitorCrossRefID>} child's text, if present
   * @param xml the whole XML document as received
   */
  record Raw(String name, @Nullable String monitorCrossRefId, String xml) implements CstaEvent {
    /**
     * Validates the fields.
     *
     * @param name the root element's local name, ending in {@code Event}
     * @param monitorCrossRefId the {@code <monitorCrossRefID>} child's text, if present
     * @param xml the whole XML document as received
     */
    public Raw {
      requireNonNull(name, "name");
      requireNonNull(xml, "xml");
    }

    @Override
    public @Nullable ConnectionId connection() {
      return null;
    }

    @Override
    public @Nullable String localConnectionInfo() {
      return null;
    }

    @Override
    public @Nullable String cause() {
      return null;
    }

    /**
     * {@inheritDoc}
     *
     * <p>The XML is kept unchanged; only the record field changes.
     */
    @Override
    public Raw withMonitorCrossRefId(String id) {
      return new Raw(name, id, xml);
    }
  }
}
