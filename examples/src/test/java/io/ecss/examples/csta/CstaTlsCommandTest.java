package io.ecss.examples.csta;

import static org.assertj.core.api.Assertions.assertThat;

import io.ecss.csta.CstaSimulator;
import io.ecss.examples.Ecss;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code ecss csta call} with client certificates against a simulator that requires them. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class CstaTlsCommandTest {
  @TempDir Path dir;
  private CstaSimulator sim;
  private Path ca;
  private Path clientCert;
  private Path clientKey;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  @BeforeEach
  void start() throws Exception {
    KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
    g.initialize(256);
    KeyPair caKeys = g.generateKeyPair();
    X500Name caName = new X500Name("CN=cli test CA");
    JcaX509v3CertificateBuilder b = builder(caName, 1, caName, caKeys);
    b.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
    ca = write("ca.pem", b.build(new JcaContentSignerBuilder("SHA256withECDSA").build(caKeys.getPrivate())));
    KeyPair serverKeys = g.generateKeyPair();
    JcaX509v3CertificateBuilder s = builder(caName, 2, new X500Name("CN=localhost"), serverKeys);
    s.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(
        new GeneralName(GeneralName.iPAddress, "127.0.0.1")));
    Path serverCert = write("server.pem", s.build(new JcaContentSignerBuilder("SHA256withECDSA").build(caKeys.getPrivate())));
    Path serverKey = write("server-key.pem", serverKeys.getPrivate());
    KeyPair clientKeys = g.generateKeyPair();
    clientCert = write("client.pem", builder(caName, 3, new X500Name("CN=crm"), clientKeys)
        .build(new JcaContentSignerBuilder("SHA256withECDSA").build(caKeys.getPrivate())));
    clientKey = write("client-key.pem", clientKeys.getPrivate());
    sim = CstaSimulator.builder().port(-1).tls(0, serverCert, serverKey).clientCa(ca)
        .onRejectedHandshake(m -> { })
        .devices(List.of("101", "102")).credentials("dom", "pw").build().start();
  }

  private static JcaX509v3CertificateBuilder builder(X500Name issuer, int serial, X500Name subject, KeyPair keys) {
    Instant now = Instant.now();
    return new JcaX509v3CertificateBuilder(issuer, BigInteger.valueOf(serial), Date.from(now.minus(Duration.ofHours(1))),
        Date.from(now.plus(Duration.ofDays(1))), subject, keys.getPublic());
  }

  private Path write(String name, Object pem) throws Exception {
    Path p = dir.resolve(name);
    try (Writer w = Files.newBufferedWriter(p, StandardCharsets.US_ASCII); JcaPEMWriter pw = new JcaPEMWriter(w)) {
      pw.writeObject(pem);
    }
    return p;
  }

  @AfterEach
  void stop() {
    sim.close();
  }

  private int run(String... args) {
    return Ecss.run(new PrintWriter(out), new PrintWriter(err), args);
  }

  @Test
  void callWithAClientCertificate() {
    int code = run("csta", "call", "--host", "127.0.0.1", "--port", Integer.toString(sim.tlsPort()),
        "--user", "dom", "--password", "pw", "--tls", "--trust", ca.toString(),
        "--client-cert", clientCert.toString(), "--client-key", clientKey.toString(), "--timeout", "10", "101", "999");
    assertThat(out.toString()).startsWith("response MakeCallResponse callID=C1 deviceID=101\n")
        .contains("event FailedEvent callID=C1 deviceID=999 cause=destNotObtainable");
    assertThat(code).isEqualTo(1);
    assertThat(sim.rejectedHandshakes()).isZero();
  }

  @Test
  void callWithoutAClientCertificateIsATypedErrorLine() {
    int code = run("csta", "call", "--host", "127.0.0.1", "--port", Integer.toString(sim.tlsPort()),
        "--user", "dom", "--password", "pw", "--tls", "--trust", ca.toString(), "--json", "101", "102");
    assertThat(out.toString()).startsWith(
        "{\"type\":\"error\",\"name\":\"CstaTlsException\",\"reason\":\"CLIENT_CERTIFICATE_REQUIRED\","
            + "\"message\":\"TLS handshake with 127.0.0.1:" + sim.tlsPort()
            + " failed: the server requires a client certificate and none is configured");
    assertThat(code).isEqualTo(1);
  }

  @Test
  void clientCertificateOptionsGoTogether() {
    assertThat(run("csta", "call", "--host", "127.0.0.1", "--tls", "--client-cert", clientCert.toString(), "101", "102"))
        .isEqualTo(2);
    assertThat(err.toString()).contains("--client-cert and --client-key go together");
    assertThat(run("csta", "call", "--host", "127.0.0.1", "--client-cert", clientCert.toString(),
        "--client-key", clientKey.toString(), "101", "102")).isEqualTo(2);
    assertThat(err.toString()).contains("--client-cert needs --tls");
    assertThat(run("csta", "simulator", "--port", "0", "--devices", "101", "--client-ca", ca.toString())).isEqualTo(2);
    assertThat(err.toString()).contains("--client-ca and --key-password-env need --tls-port");
    assertThat(run("csta", "simulator", "--port", "0", "--tls-port", "0", "--cert", dir.resolve("server.pem").toString(),
        "--key", dir.resolve("server-key.pem").toString(), "--key-password-env", "ECSS_TEST_SURELY_UNSET_VAR",
        "--devices", "101")).isEqualTo(1);
    assertThat(err.toString()).contains(
        "ecss csta simulator: environment variable ECSS_TEST_SURELY_UNSET_VAR (key password) is not set");
  }

  @Test
  void simulatorReportsRejectedHandshakesOnStderr() throws Exception {
    StringWriter simOut = new StringWriter();
    StringWriter simErr = new StringWriter();
    PrintWriter so = new PrintWriter(simOut);
    PrintWriter se = new PrintWriter(simErr);
    int[] code = new int[1];
    Thread t = new Thread(() -> code[0] = Ecss.run(so, se, "csta", "simulator", "--port", "-1", "--tls-port", "0",
        "--cert", dir.resolve("server.pem").toString(), "--key", dir.resolve("server-key.pem").toString(),
        "--client-ca", ca.toString(), "--devices", "101", "--duration", "3"));
    t.start();
    java.util.regex.Matcher m = null;
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (System.nanoTime() < end) {
      synchronized (so) {
        m = java.util.regex.Pattern.compile("TLS on 127\\.0\\.0\\.1:(\\d+)").matcher(simOut.toString());
      }
      if (m.find()) {
        break;
      }
      m = null;
      Thread.sleep(20);
    }
    assertThat(m).as("the banner").isNotNull();
    int port = Integer.parseInt(m.group(1));
    assertThat(run("csta", "call", "--host", "127.0.0.1", "--port", Integer.toString(port), "--tls",
        "--trust", ca.toString(), "101", "101")).isEqualTo(1);
    assertThat(out.toString()).startsWith("error CstaTlsException reason=CLIENT_CERTIFICATE_REQUIRED message=TLS handshake");
    t.join();
    assertThat(code[0]).isZero();
    assertThat(simErr.toString()).startsWith("ecss csta simulator: rejected TLS handshake from /127.0.0.1:");
  }

  @Test
  void simulatorWithClientCa() {
    assertThat(run("csta", "simulator", "--port", "-1", "--tls-port", "0", "--cert", dir.resolve("server.pem").toString(),
        "--key", dir.resolve("server-key.pem").toString(), "--client-ca", ca.toString(), "--devices", "101-102",
        "--duration", "1")).isZero();
    assertThat(out.toString()).matches(
        "CSTA simulator, TLS on 127\\.0\\.0\\.1:\\d+ \\(client certificates required\\), 2 devices, no login check\n");
  }
}
