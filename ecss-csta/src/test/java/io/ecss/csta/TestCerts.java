package io.ecss.csta;

import java.io.IOException;
import java.io.Writer;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/** A CA and a server certificate for 127.0.0.1/localhost, generated at test time. */
final class TestCerts {
  final Path caPem;
  final Path serverCertPem;
  final Path serverKeyPem;

  private TestCerts(Path caPem, Path serverCertPem, Path serverKeyPem) {
    this.caPem = caPem;
    this.serverCertPem = serverCertPem;
    this.serverKeyPem = serverKeyPem;
  }

  static TestCerts generate(Path dir, String prefix) throws GeneralSecurityException, IOException, OperatorCreationException {
    KeyPairGenerator kpg = KeyPairGenerator.getInstance("EC");
    kpg.initialize(256);
    KeyPair caKeys = kpg.generateKeyPair();
    KeyPair serverKeys = kpg.generateKeyPair();
    Instant now = Instant.now();
    Date from = Date.from(now.minus(Duration.ofHours(1)));
    Date to = Date.from(now.plus(Duration.ofDays(1)));
    X500Name caName = new X500Name("CN=" + prefix + " test CA");
    JcaX509v3CertificateBuilder ca =
        new JcaX509v3CertificateBuilder(caName, BigInteger.ONE, from, to, caName, caKeys.getPublic());
    ca.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
    ca.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
    X509CertificateHolder caCert =
        ca.build(new JcaContentSignerBuilder("SHA256withECDSA").build(caKeys.getPrivate()));
    JcaX509v3CertificateBuilder srv =
        new JcaX509v3CertificateBuilder(
            caName, BigInteger.TWO, from, to, new X500Name("CN=localhost"), serverKeys.getPublic());
    srv.addExtension(
        Extension.subjectAlternativeName,
        false,
        new GeneralNames(
            new GeneralName[] {
              new GeneralName(GeneralName.dNSName, "localhost"),
              new GeneralName(GeneralName.iPAddress, "127.0.0.1")
            }));
    srv.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth));
    X509CertificateHolder srvCert =
        srv.build(new JcaContentSignerBuilder("SHA256withECDSA").build(caKeys.getPrivate()));
    Path caPem = dir.resolve(prefix + "-ca.pem");
    Path certPem = dir.resolve(prefix + "-server.pem");
    Path keyPem = dir.resolve(prefix + "-server-key.pem");
    write(caPem, caCert);
    write(certPem, srvCert);
    write(keyPem, new org.bouncycastle.openssl.jcajce.JcaPKCS8Generator(serverKeys.getPrivate(), null));
    return new TestCerts(caPem, certPem, keyPem);
  }

  private static void write(Path p, Object o) throws IOException {
    try (Writer w = Files.newBufferedWriter(p, StandardCharsets.US_ASCII);
        JcaPEMWriter pem = new JcaPEMWriter(w)) {
      pem.writeObject(o);
    }
  }
}
