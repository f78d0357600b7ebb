package io.ecss.csta;

import static io.ecss.csta.SimFixture.assertNoLeakedThreads;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLException;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The simulator requires and verifies client certificates (mutual TLS). */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class CstaMutualTlsTest {
  @TempDir Path dir;
  private TestCerts ca;
  private @Nullable CstaSimulator sim;
  private final List<String> rejected = new CopyOnWriteArrayList<>();

  @BeforeEach
  void start() throws Exception {
    ca = TestCerts.generate(dir, "ca");
    sim = CstaSimulator.builder()
        .port(-1)
        .tls(0, ca.serverCertPem, ca.serverKeyPem)
        .clientCa(ca.caPem)
        .onRejectedHandshake(rejected::add)
        .devices(SimFixture.devices())
        .credentials(SimFixture.USER, SimFixture.PASSWORD)
        .build()
        .start();
  }

  @AfterEach
  void stop() throws Exception {
    if (sim != null) {
      sim.close();
    }
    assertNoLeakedThreads();
  }

  private CstaClient client(CstaTls tls) {
    return CstaClient.builder("127.0.0.1", sim.tlsPort())
        .tls(tls)
        .credentials(SimFixture.USER, SimFixture.PASSWORD)
        .connectTimeout(Duration.ofSeconds(5))
        .requestTimeout(Duration.ofSeconds(5))
        .noReconnect()
        .build();
  }

  private static CstaTlsException connectFails(CstaClient c) {
    try {
      c.connect().join();
    } catch (CompletionException e) {
      assertThat(e.getCause()).isInstanceOf(CstaTlsException.class);
      assertThat(e.getCause().getCause()).isInstanceOf(SSLException.class);
      return (CstaTlsException) e.getCause();
    }
    throw new AssertionError("connect() succeeded");
  }

  @Test
  void aClientCertificateFromTheTrustedCaIsAccepted() throws Exception {
    KeyPair keys = TestCerts.ec();
    Path cert = ca.issueClient("crm-1", keys);
    Path key = ca.pkcs8("crm-1-key.pem", keys.getPrivate());
    try (CstaClient c = client(CstaTls.trustPem(ca.caPem).withClientCertificate(cert, key))) {
      c.connect().get(10, TimeUnit.SECONDS);
      assertThat(c.requestSystemStatus().get(5, TimeUnit.SECONDS).systemStatus()).isEqualTo("normal");
    }
    assertThat(sim.rejectedHandshakes()).isZero();
    assertThat(rejected).isEmpty();
  }

  @Test
  void aClientWithoutCertificateIsRefusedWithATypedError() throws Exception {
    try (CstaClient c = client(CstaTls.trustPem(ca.caPem))) {
      CstaTlsException e = connectFails(c);
      assertThat(e.reason()).isEqualTo(CstaTlsException.Reason.CLIENT_CERTIFICATE_REQUIRED);
      assertThat(e.getMessage()).startsWith(
          "TLS handshake with 127.0.0.1:" + sim.tlsPort()
              + " failed: the server requires a client certificate and none is configured"
              + " (CstaTls.withClientCertificate) (alert ");
      SimFixture.await(() -> c.state() == CstaClient.State.CLOSED, "the client to close");
    }
    SimFixture.await(() -> sim.rejectedHandshakes() == 1, "the rejection to be counted");
    assertThat(rejected).singleElement().asString()
        .startsWith("rejected TLS handshake from /127.0.0.1:")
        .contains("Empty client certificate chain");
    assertThat(sim.connectionCount()).isZero();
  }

  @Test
  void aClientCertificateFromAnotherCaIsRejected() throws Exception {
    TestCerts other = TestCerts.generate(dir, "other");
    KeyPair keys = TestCerts.ec();
    Path cert = other.issueClient("intruder", keys);
    Path key = other.pkcs8("intruder-key.pem", keys.getPrivate());
    try (CstaClient c = client(CstaTls.trustPem(ca.caPem).withClientCertificate(cert, key))) {
      CstaTlsException e = connectFails(c);
      assertThat(e.reason()).isEqualTo(CstaTlsException.Reason.CLIENT_CERTIFICATE_REJECTED);
      assertThat(e.alert()).isIn("certificate_unknown", "bad_certificate", "unknown_ca");
      assertThat(e.getMessage()).isEqualTo(
          "TLS handshake with 127.0.0.1:" + sim.tlsPort()
              + " failed: the server rejected the client certificate (alert " + e.alert() + ")");
    }
    SimFixture.await(() -> sim.rejectedHandshakes() == 1, "the rejection to be counted");
    assertThat(rejected).singleElement().asString().startsWith("rejected TLS handshake from /127.0.0.1:");
  }

  @Test
  void acceptedAndRejectedClientsSideBySide() throws Exception {
    KeyPair keys = TestCerts.ec();
    Path cert = ca.issueClient("crm-2", keys);
    Path key = ca.traditional("crm-2-key.pem", keys.getPrivate());
    try (CstaClient good = client(CstaTls.trustPem(ca.caPem).withClientCertificate(cert, key));
        CstaClient bad = client(CstaTls.trustPem(ca.caPem))) {
      good.connect().get(10, TimeUnit.SECONDS);
      connectFails(bad);
      assertThat(good.requestSystemStatus().get(5, TimeUnit.SECONDS).systemStatus()).isEqualTo("normal");
      assertThat(sim.connectionCount()).isEqualTo(1);
    }
    assertThat(sim.rejectedHandshakes()).isEqualTo(1);
  }

  @Test
  void clientCaNeedsTls() {
    assertThatThrownBy(() -> CstaSimulator.builder().clientCa(ca.caPem).build())
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("clientCa(...) needs tls(...)");
  }
}
