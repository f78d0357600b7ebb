package io.ecss.csta;

import static io.ecss.csta.SimFixture.assertNoLeakedThreads;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class CstaTlsTest {
  @TempDir Path dir;
  private TestCerts good;
  private @org.jspecify.annotations.Nullable CstaSimulator sim;

  @BeforeEach
  void start() throws Exception {
    good = TestCerts.generate(dir, "good");
    sim = CstaSimulator.builder()
        .port(-1)
        .tls(0, good.serverCertPem, good.serverKeyPem)
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

  private CstaClient.Builder client(String host, CstaTls tls) {
    return CstaClient.builder(host, sim.tlsPort())
        .tls(tls)
        .credentials(SimFixture.USER, SimFixture.PASSWORD)
        .connectTimeout(Duration.ofSeconds(3))
        .noReconnect();
  }

  @Test
  void verifiesAgainstThePemCaAndTheHostName() throws Exception {
    try (CstaClient c = client("127.0.0.1", CstaTls.trustPem(good.caPem)).build()) {
      c.connect().get(10, TimeUnit.SECONDS);
      assertThat(c.requestSystemStatus().get(5, TimeUnit.SECONDS).systemStatus()).isEqualTo("normal");
      assertThat(c.toString()).contains("CstaTls[1 PEM anchors]");
    }
    try (CstaClient c = client("localhost", CstaTls.trustPem(good.caPem)).build()) {
      c.connect().get(10, TimeUnit.SECONDS);
    }
    assertThatThrownBy(sim::port).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void aWrongCaFailsTheHandshake() throws Exception {
    TestCerts other = TestCerts.generate(dir, "other");
    try (CstaClient c = client("127.0.0.1", CstaTls.trustPem(other.caPem)).build()) {
      Throwable t = null;
      try {
        c.connect().join();
      } catch (CompletionException e) {
        t = e.getCause();
      }
      assertThat(t).isInstanceOf(CstaTlsException.class);
      assertThat(((CstaTlsException) t).reason()).isEqualTo(CstaTlsException.Reason.SERVER_CERTIFICATE_UNTRUSTED);
      assertThat(((CstaTlsException) t).alert()).isNull();
      assertThat(t).hasMessageStartingWith(
          "TLS handshake with 127.0.0.1:" + sim.tlsPort() + " failed: the server certificate is not trusted: PKIX");
      assertThat(t.getCause()).isInstanceOf(SSLException.class);
    }
  }

  @Test
  void theSystemTrustStoreDoesNotKnowTheTestCa() {
    try (CstaClient c = client("127.0.0.1", CstaTls.systemTrust()).build()) {
      assertThatThrownBy(() -> c.connect().join()).hasCauseInstanceOf(CstaConnectionException.class);
    }
  }

  @Test
  void trustAllIsExplicitAndWorks() throws Exception {
    CstaTls tls = CstaTls.trustAllForLabsOnly();
    assertThat(tls.verifiesHostname()).isFalse();
    assertThat(tls.toString()).isEqualTo("CstaTls[trustAllForLabsOnly]");
    try (CstaClient c = client("127.0.0.1", tls).build()) {
      c.connect().get(10, TimeUnit.SECONDS);
    }
  }

  @Test
  void clientCertificateIsLoadedAndOffered() throws Exception {
    CstaTls tls = CstaTls.trustPem(good.caPem).withClientCertificate(good.serverCertPem, good.serverKeyPem);
    assertThat(tls.toString()).isEqualTo("CstaTls[1 PEM anchors, client certificate]");
    try (CstaClient c = client("127.0.0.1", tls).build()) {
      c.connect().get(10, TimeUnit.SECONDS);
    }
  }

  @Test
  void badPemFilesAreReported() throws Exception {
    Path empty = Files.writeString(dir.resolve("empty.pem"), "nothing here\n");
    assertThatThrownBy(() -> CstaTls.trustPem(empty)).isInstanceOf(CstaException.class)
        .hasMessage("no CERTIFICATE block in " + empty);
    assertThatThrownBy(() -> CstaTls.trustPem(dir.resolve("missing.pem"))).isInstanceOf(CstaException.class)
        .hasMessageStartingWith("cannot read PEM certificates from ");
    assertThatThrownBy(() -> CstaTls.trustPem(good.caPem).withClientCertificate(good.serverCertPem, good.caPem))
        .hasMessage("no private key in " + good.caPem
            + " (expected a PRIVATE KEY, ENCRYPTED PRIVATE KEY, RSA PRIVATE KEY or EC PRIVATE KEY block)");
  }
}
