package io.ecss.csta;

import static io.ecss.csta.SimFixture.assertNoLeakedThreads;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every PEM private-key form, generated at test time with BouncyCastle. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class CstaPemKeysTest {
  private static final char[] PASSWORD = "correct horse".toCharArray();
  private static final char[] WRONG = "battery staple".toCharArray();

  @TempDir Path dir;
  private TestCerts ca;

  @BeforeEach
  void setUp() throws Exception {
    ca = TestCerts.generate(dir, "keys");
  }

  @AfterEach
  void noLeaks() throws Exception {
    assertNoLeakedThreads();
  }

  /** Writes {@code keys} in one PEM form. */
  interface Form {
    Path write(TestCerts ca, String name, KeyPair keys) throws Exception;
  }

  static Stream<Arguments> forms() {
    return Stream.of(
        Arguments.of("EC", "PRIVATE KEY", false, (Form) (c, n, k) -> c.pkcs8(n, k.getPrivate())),
        Arguments.of("RSA", "PRIVATE KEY", false, (Form) (c, n, k) -> c.pkcs8(n, k.getPrivate())),
        Arguments.of("EC", "EC PRIVATE KEY", false, (Form) (c, n, k) -> c.traditional(n, k.getPrivate())),
        Arguments.of("RSA", "RSA PRIVATE KEY", false, (Form) (c, n, k) -> c.traditional(n, k.getPrivate())),
        Arguments.of("EC", "EC PRIVATE KEY", false, (Form) (c, n, k) -> c.sec1WithoutCurve(n, k.getPrivate())),
        Arguments.of("EC", "ENCRYPTED PRIVATE KEY", true,
            (Form) (c, n, k) -> c.encryptedPkcs8(n, k.getPrivate(), PASSWORD)),
        Arguments.of("RSA", "ENCRYPTED PRIVATE KEY", true,
            (Form) (c, n, k) -> c.encryptedPkcs8(n, k.getPrivate(), PASSWORD)),
        Arguments.of("EC", "EC PRIVATE KEY", true,
            (Form) (c, n, k) -> c.traditionalEncrypted(n, k.getPrivate(), "AES-256-CBC", PASSWORD)),
        Arguments.of("RSA", "RSA PRIVATE KEY", true,
            (Form) (c, n, k) -> c.traditionalEncrypted(n, k.getPrivate(), "AES-128-CBC", PASSWORD)),
        Arguments.of("RSA", "RSA PRIVATE KEY", true,
            (Form) (c, n, k) -> c.traditionalEncrypted(n, k.getPrivate(), "DES-EDE3-CBC", PASSWORD)));
  }

  private static KeyPair keys(String alg) throws Exception {
    return alg.equals("RSA") ? TestCerts.rsa() : TestCerts.ec();
  }

  @ParameterizedTest(name = "{0} {1} encrypted={2}")
  @MethodSource("forms")
  void eachFormLoadsWithTheRightPasswordAndIsRefusedOtherwise(String alg, String header, boolean encrypted, Form form)
      throws Exception {
    KeyPair keys = keys(alg);
    Path cert = ca.issueClient("client", keys);
    Path key = form.write(ca, "client-key.pem", keys);
    String text = Files.readString(key);
    assertThat(text).startsWith("-----BEGIN " + header + "-----");
    assertThat(text.contains("Proc-Type: 4,ENCRYPTED")).isEqualTo(encrypted && !header.equals("ENCRYPTED PRIVATE KEY"));

    CstaTls withPassword = CstaTls.trustPem(ca.caPem).withClientCertificate(cert, key, PASSWORD);
    assertThat(withPassword.hasClientCertificate()).isTrue();
    if (encrypted) {
      assertThatThrownBy(() -> CstaTls.trustPem(ca.caPem).withClientCertificate(cert, key))
          .isInstanceOf(CstaException.class)
          .hasMessage("the private key in " + key + " is encrypted ("
              + (header.equals("ENCRYPTED PRIVATE KEY") ? header : "Proc-Type: 4,ENCRYPTED") + "); give its password");
      assertThatThrownBy(() -> CstaTls.trustPem(ca.caPem).withClientCertificate(cert, key, WRONG))
          .isInstanceOf(CstaException.class)
          .hasMessageStartingWith("cannot decrypt the private key in " + key + ": wrong password or damaged key (");
    } else {
      assertThat(CstaTls.trustPem(ca.caPem).withClientCertificate(cert, key).hasClientCertificate()).isTrue();
    }
  }

  @Test
  void encryptedKeysWorkEndToEndOnBothSidesOfMutualTls() throws Exception {
    KeyPair serverKeys = TestCerts.ec();
    Path serverCert = ca.issueServer("server2", serverKeys);
    Path serverKey = ca.traditionalEncrypted("server2-key.pem", serverKeys.getPrivate(), "AES-128-CBC", PASSWORD);
    KeyPair clientKeys = TestCerts.rsa();
    Path clientCert = ca.issueClient("crm", clientKeys);
    Path clientKey = ca.encryptedPkcs8("crm-key.pem", clientKeys.getPrivate(), PASSWORD);
    try (CstaSimulator sim = CstaSimulator.builder()
            .port(-1)
            .tls(0, serverCert, serverKey, PASSWORD)
            .clientCa(ca.caPem)
            .devices(List.of("101"))
            .build()
            .start();
        CstaClient c = CstaClient.builder("localhost", sim.tlsPort())
            .tls(CstaTls.trustPem(ca.caPem).withClientCertificate(clientCert, clientKey, PASSWORD))
            .connectTimeout(Duration.ofSeconds(5))
            .noReconnect()
            .build()) {
      c.connect().get(10, TimeUnit.SECONDS);
      assertThat(c.requestSystemStatus().get(5, TimeUnit.SECONDS).systemStatus()).isEqualTo("normal");
      assertThat(sim.rejectedHandshakes()).isZero();
    }
  }

  @Test
  void aSec1KeyWithoutCurveTakesItFromTheCertificateAndServes() throws Exception {
    KeyPair serverKeys = TestCerts.ec();
    Path serverCert = ca.issueServer("server3", serverKeys);
    Path bare = ca.sec1WithoutCurve("server3-key.pem", serverKeys.getPrivate());
    try (CstaSimulator sim = CstaSimulator.builder().port(-1).tls(0, serverCert, bare).devices(List.of("101")).build().start();
        CstaClient c = CstaClient.builder("127.0.0.1", sim.tlsPort())
            .tls(CstaTls.trustPem(ca.caPem))
            .connectTimeout(Duration.ofSeconds(5))
            .noReconnect()
            .build()) {
      c.connect().get(10, TimeUnit.SECONDS);
    }
  }

  @Test
  void aSec1KeyWithoutCurveAndAnRsaCertificateSaysWhatIsMissing() throws Exception {
    KeyPair ec = TestCerts.ec();
    Path bare = ca.sec1WithoutCurve("bare.pem", ec.getPrivate());
    Path rsaCert = ca.issueClient("rsa-holder", TestCerts.rsa());
    assertThatThrownBy(() -> CstaTls.trustPem(ca.caPem).withClientCertificate(rsaCert, bare))
        .isInstanceOf(CstaException.class)
        .hasMessage("the EC private key in " + bare
            + " has no curve parameters and the certificate (CN=rsa-holder) has no EC public key to take them from");
  }

  @Test
  void aKeyThatDoesNotMatchTheCertificateIsRefused() throws Exception {
    Path cert = ca.issueClient("someone", TestCerts.ec());
    Path otherKey = ca.pkcs8("other.pem", TestCerts.ec().getPrivate());
    assertThatThrownBy(() -> CstaTls.trustPem(ca.caPem).withClientCertificate(cert, otherKey))
        .isInstanceOf(CstaException.class)
        .hasMessage("the private key in " + otherKey + " (EC) does not match the certificate CN=someone (EC)");
    Path rsaKey = ca.pkcs8("rsa.pem", TestCerts.rsa().getPrivate());
    assertThatThrownBy(() -> CstaSimulator.builder().tls(0, cert, rsaKey))
        .hasMessage("the private key in " + rsaKey + " (RSA) does not match the certificate CN=someone (EC)");
  }

  @Test
  void garbageInsideAKeyBlockIsReported() throws Exception {
    Path cert = ca.issueClient("g", TestCerts.ec());
    Path bad = Files.writeString(dir.resolve("bad.pem"),
        "-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n");
    assertThatThrownBy(() -> CstaTls.trustPem(ca.caPem).withClientCertificate(cert, bad))
        .isInstanceOf(CstaException.class)
        .hasMessageStartingWith("cannot read PEM private key from " + bad + ": ");
  }
}
