package io.ecss.csta;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Classification of the JDK's handshake failures (messages as JDK 17 words them). */
class CstaTlsExceptionTest {
  static Stream<Arguments> cases() {
    return Stream.of(
        Arguments.of("Received fatal alert: certificate_required", true,
            CstaTlsException.Reason.CLIENT_CERTIFICATE_REQUIRED, "certificate_required",
            "the server requires a client certificate and none is configured (CstaTls.withClientCertificate)"
                + " (alert certificate_required)"),
        Arguments.of("Received fatal alert: bad_certificate", false,
            CstaTlsException.Reason.CLIENT_CERTIFICATE_REQUIRED, "bad_certificate",
            "the server requires a client certificate and none is configured (CstaTls.withClientCertificate)"
                + " (alert bad_certificate)"),
        Arguments.of("Received fatal alert: handshake_failure", false,
            CstaTlsException.Reason.CLIENT_CERTIFICATE_REQUIRED, "handshake_failure",
            "the server requires a client certificate and none is configured (CstaTls.withClientCertificate)"
                + " (alert handshake_failure)"),
        Arguments.of("Received fatal alert: unknown_ca", true,
            CstaTlsException.Reason.CLIENT_CERTIFICATE_REJECTED, "unknown_ca",
            "the server rejected the client certificate (alert unknown_ca)"),
        Arguments.of("Received fatal alert: certificate_expired", true,
            CstaTlsException.Reason.CLIENT_CERTIFICATE_REJECTED, "certificate_expired",
            "the server rejected the client certificate (alert certificate_expired)"),
        Arguments.of("Received fatal alert: protocol_version", true,
            CstaTlsException.Reason.HANDSHAKE_FAILED, "protocol_version",
            "the server aborted the handshake (alert protocol_version)"),
        Arguments.of("No subject alternative names matching IP address 10.0.0.7 found", false,
            CstaTlsException.Reason.HOST_NAME_MISMATCH, null,
            "the server certificate does not name this host: No subject alternative names matching IP address 10.0.0.7 found"),
        Arguments.of("No name matching ecss.example found", false,
            CstaTlsException.Reason.HOST_NAME_MISMATCH, null,
            "the server certificate does not name this host: No name matching ecss.example found"),
        Arguments.of("PKIX path building failed: unable to find valid certification path to requested target", false,
            CstaTlsException.Reason.SERVER_CERTIFICATE_UNTRUSTED, null,
            "the server certificate is not trusted: PKIX path building failed: unable to find valid certification"
                + " path to requested target"),
        Arguments.of("No appropriate protocol (protocol is disabled or cipher suites are inappropriate)", false,
            CstaTlsException.Reason.HANDSHAKE_FAILED, null,
            "No appropriate protocol (protocol is disabled or cipher suites are inappropriate)"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void classifies(String jdkMessage, boolean haveClientCert, CstaTlsException.Reason reason, String alert, String text) {
    SSLException cause = new SSLHandshakeException(jdkMessage);
    CstaTlsException e = CstaTlsException.of("ecss.example:4722", cause, haveClientCert);
    assertThat(e.reason()).isEqualTo(reason);
    assertThat(e.alert()).isEqualTo(alert);
    assertThat(e).hasMessage("TLS handshake with ecss.example:4722 failed: " + text).hasCause(cause);
    assertThat(e).isInstanceOf(CstaConnectionException.class);
  }
}
