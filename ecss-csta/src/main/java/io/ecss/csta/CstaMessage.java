package io.ecss.csta;

import static java.util.Objects.requireNonNull;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Any message that travels in a CSTA frame body: a request, a response, an error, an event or a
 * session notification. {@link CstaCodec} turns each into ECMA-323 ed3 XML and back.
 *
 * <p>All implementations are immutable records and thread-safe.
 */
public sealed interface CstaMessage
    permits CstaRequest, CstaResponse, CstaEvent, CstaError, CstaMessage.SessionTerminated,
        CstaMessage.SnapshotDeviceData, CstaMessage.Unknown {

  /**
   * The XML root element's local name of this message, e.g. {@code MakeCall}.
   *
   * @return the root element name
   */
  String name();

  /**
   * ECMA-354 {@code ApplicationSessionTerminated}: the server ended the session. The client drops
   * the link and, when reconnect is enabled, starts a new session.
   *
   * @param sessionId the session that ended
   * @param reason the {@code sessionTermReason} text (e.g. {@code sessionTimerExpired}), or empty
   */
  record SessionTerminated(String sessionId, String reason) implements CstaMessage {
    /**
     * Validates the fields.
     *
     * @param sessionId the session that ended
     * @param reason the {@code sessionTermReason} text (e.g. {@code sessionTimerExpired}), or empty
     */
    public SessionTerminated {
      requireNonNull(sessionId, "sessionId");
      requireNonNull(reason, "reason");
    }

    @Override
    public String name() {
      return "ApplicationSessionTerminated";
    }
  }

  /**
   * ECMA-323 {@code SnapshotDeviceData}: one segment of a snapshot the switch answered with a
   * service cross-reference id instead of inline data. Sent by the switch after the {@code
   * SnapshotDeviceResponse}; it has no response. {@link CstaClient} collects the segments of a
   * pending {@code SnapshotDevice} until {@code lastSegment}.
   *
   * @param serviceCrossRefId the service cross-reference id of the {@code SnapshotDeviceResponse}
   * @param segmentId the segment number (1, 2, ...), or null if the switch does not number
   *     segments
   * @param lastSegment whether this is the last segment
   * @param calls this segment's {@code snapshotData} entries
   */
  record SnapshotDeviceData(
      String serviceCrossRefId,
      @Nullable Long segmentId,
      boolean lastSegment,
      List<CstaResponse.SnapshotCall> calls)
      implements CstaMessage {
    /**
     * Validates and copies the fields.
     *
     * @param serviceCrossRefId the service cross-reference id
     * @param segmentId the segment number, or null
     * @param lastSegment whether this is the last segment
     * @param calls this segment's entries
     */
    public SnapshotDeviceData {
      requireNonNull(serviceCrossRefId, "serviceCrossRefId");
      calls = List.copyOf(calls);
    }

    @Override
    public String name() {
      return "SnapshotDeviceData";
    }
  }

  /**
   * A message whose root element this library does not model (neither an event, nor a response
   * or request it knows). The XML is kept as received.
   *
   * @param name the root element's local name
   * @param xml the whole XML document as received
   */
  record Unknown(String name, String xml) implements CstaMessage {
    /**
     * Validates the fields.
     *
     * @param name the root element's local name
     * @param xml the whole XML document as received
     */
    public Unknown {
      requireNonNull(name, "name");
      requireNonNull(xml, "xml");
    }
  }
}
