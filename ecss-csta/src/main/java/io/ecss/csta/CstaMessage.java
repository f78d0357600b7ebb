package io.ecss.csta;

import static java.util.Objects.requireNonNull;

/**
 * Any message that travels in a CSTA frame body: a request, a response, an error, an event or a
 * session notification. {@link CstaCodec} turns each into ECMA-323 ed3 XML and back.
 *
 * <p>All implementations are immutable records and thread-safe.
 */
public sealed interface CstaMessage
    permits CstaRequest, CstaResponse, CstaEvent, CstaError, CstaMessage.SessionTerminated,
        CstaMessage.Unknown {

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
