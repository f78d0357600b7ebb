package io.ecss.csta;

import static java.util.Objects.requireNonNull;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLException;
import org.jspecify.annotations.Nullable;

/**
 * The TLS handshake with the switch failed. {@link #reason()} says which side refused what; the
 * cause is the JDK's {@link SSLException} (with the TLS alert, if one was received).
 *
 * <p>With TLS 1.3 a server that refuses the client certificate does so after the client has
 * finished its part of the handshake, so the refusal arrives as an alert on the first read; the
 * client reports it here all the same, as a failed {@code connect()}.
 */
public final class CstaTlsException extends CstaConnectionException {
  private static final long serialVersionUID = 1L;
  private static final Pattern ALERT = Pattern.compile("Received fatal alert: (\\w+)");

  /** Why the handshake failed. */
  public enum Reason {
    /** The server's certificate does not chain to a trust anchor (or is expired or revoked). */
    SERVER_CERTIFICATE_UNTRUSTED,
    /** The server's certificate is trusted but names another host. */
    HOST_NAME_MISMATCH,
    /** The server requires a client certificate and this client has none configured. */
    CLIENT_CERTIFICATE_REQUIRED,
    /** The server refused the client certificate (unknown CA, expired, wrong usage, ...). */
    CLIENT_CERTIFICATE_REJECTED,
    /** Anything else: no common protocol version or cipher suite, a broken peer. */
    HANDSHAKE_FAILED
  }

  /** Why the handshake failed. */
  private final Reason reason;

  /** The TLS alert received from the server, or null. */
  private final @Nullable String alert;

  /**
   * Creates the exception.
   *
   * @param message what failed, with the peer
   * @param reason the classified reason
   * @param alert the TLS alert received from the server (e.g. {@code certificate_required}), or
   *     null
   * @param cause the JDK's exception
   */
  public CstaTlsException(String message, Reason reason, @Nullable String alert, SSLException cause) {
    super(message, cause);
    this.reason = requireNonNull(reason, "reason");
    this.alert = alert;
  }

  /**
   * Why the handshake failed.
   *
   * @return the reason
   */
  public Reason reason() {
    return reason;
  }

  /**
   * The TLS alert the server sent, if the failure was the server's decision.
   *
   * @return the alert description such as {@code bad_certificate}, or null
   */
  public @Nullable String alert() {
    return alert;
  }

  /** Classifies a JDK handshake failure. */
  static CstaTlsException of(String peer, SSLException e, boolean clientCertificateConfigured) {
    String msg = String.valueOf(e.getMessage());
    Matcher m = ALERT.matcher(msg);
    String alert = m.find() ? m.group(1) : null;
    Reason reason;
    String text;
    if (alert != null) {
      boolean certAlert =
          alert.equals("certificate_required")
              || alert.equals("bad_certificate")
              || alert.equals("unknown_ca")
              || alert.equals("certificate_unknown")
              || alert.equals("certificate_expired")
              || alert.equals("certificate_revoked")
              || alert.equals("unsupported_certificate")
              || alert.equals("access_denied");
      if (alert.equals("certificate_required")
          || (!clientCertificateConfigured && (certAlert || alert.equals("handshake_failure")))) {
        reason = Reason.CLIENT_CERTIFICATE_REQUIRED;
        text = "the server requires a client certificate and none is configured (CstaTls.withClientCertificate)";
      } else if (certAlert) {
        reason = Reason.CLIENT_CERTIFICATE_REJECTED;
        text = "the server rejected the client certificate";
      } else {
        reason = Reason.HANDSHAKE_FAILED;
        text = "the server aborted the handshake";
      }
      text += " (alert " + alert + ")";
    } else {
      String lower = msg.toLowerCase(Locale.ROOT);
      if (lower.contains("no subject alternative") || lower.contains("no name matching")) {
        reason = Reason.HOST_NAME_MISMATCH;
        text = "the server certificate does not name this host: " + msg;
      } else if (lower.contains("pkix") || lower.contains("certification path")
          || lower.contains("certificate expired") || lower.contains("validity")) {
        reason = Reason.SERVER_CERTIFICATE_UNTRUSTED;
        text = "the server certificate is not trusted: " + msg;
      } else {
        reason = Reason.HANDSHAKE_FAILED;
        text = msg;
      }
    }
    return new CstaTlsException("TLS handshake with " + peer + " failed: " + text, reason, alert, e);
  }
}
