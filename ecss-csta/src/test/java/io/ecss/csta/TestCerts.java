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
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
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
import org.bouncycastle.openssl.PKCS8Generator;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8EncryptorBuilder;
import org.bouncycastle.openssl.jcajce.JcePEMEncryptorBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.util.io.pem.PemObject;

/**
 * A CA and certificates for 127.0.0.1/localhost (server) and for clients, generated at test time;
 * private keys written in every PEM form the library reads. Nothing is checked in.
 */
final class TestCerts {
  private static final java.security.Provider BC = new org.bouncycastle.jce.provider.BouncyCastleProvider();
  final Path dir;
  final String prefix;
  final Path caPem;
  final Path serverCertPem;
  final Path serverKeyPem;
  private final X500Name caName;
  private final KeyPair caKeys;
  private int serial = 2;

  private TestCerts(Path dir, String prefix, X500Name caName, KeyPair caKeys, Path caPem, Path serverCertPem, Path serverKeyPem) {
    this.dir = dir;
    this.prefix = prefix;
    this.caName = caName;
    this.caKeys = caKeys;
    this.caPem = caPem;
    this.serverCertPem = serverCertPem;
    this.serverKeyPem = serverKeyPem;
  }

  static KeyPair ec() throws GeneralSecurityException {
    KeyPairGenerator kpg = KeyPairGenerator.getInstance("EC");
    kpg.initialize(256);
    return kpg.generateKeyPair();
  }

  static KeyPair rsa() throws GeneralSecurityException {
    KeyPairGenerator kpg = KeyPairGenerator.getInstance("RSA");
    kpg.initialize(2048);
    return kpg.generateKeyPair();
  }

  static TestCerts generate(Path dir, String prefix) throws GeneralSecurityException, IOException, OperatorCreationException {
    KeyPair caKeys = ec();
    KeyPair serverKeys = ec();
    X500Name caName = new X500Name("CN=" + prefix + " test CA");
    JcaX509v3CertificateBuilder ca =
        new JcaX509v3CertificateBuilder(caName, BigInteger.ONE, from(), to(), caName, caKeys.getPublic());
    ca.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
    ca.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
    X509CertificateHolder caCert =
        ca.build(new JcaContentSignerBuilder("SHA256withECDSA").build(caKeys.getPrivate()));
    Path caPem = dir.resolve(prefix + "-ca.pem");
    write(caPem, caCert);
    Path certPem = dir.resolve(prefix + "-server.pem");
    Path keyPem = dir.resolve(prefix + "-server-key.pem");
    TestCerts t = new TestCerts(dir, prefix, caName, caKeys, caPem, certPem, keyPem);
    write(certPem, t.issue("localhost", serverKeys.getPublic(), KeyPurposeId.id_kp_serverAuth, true));
    write(keyPem, new JcaPKCS8Generator(serverKeys.getPrivate(), null));
    return t;
  }

  /** Issues a certificate for {@code keys}; writes it to {@code <prefix>-<name>.pem}. */
  Path issueClient(String name, KeyPair keys) throws GeneralSecurityException, IOException, OperatorCreationException {
    Path p = dir.resolve(prefix + "-" + name + ".pem");
    write(p, issue(name, keys.getPublic(), KeyPurposeId.id_kp_clientAuth, false));
    return p;
  }

  /** Issues a server certificate for localhost/127.0.0.1 with {@code keys}. */
  Path issueServer(String name, KeyPair keys) throws GeneralSecurityException, IOException, OperatorCreationException {
    Path p = dir.resolve(prefix + "-" + name + ".pem");
    write(p, issue("localhost", keys.getPublic(), KeyPurposeId.id_kp_serverAuth, true));
    return p;
  }

  private X509CertificateHolder issue(String cn, PublicKey key, KeyPurposeId usage, boolean server)
      throws IOException, OperatorCreationException {
    JcaX509v3CertificateBuilder b =
        new JcaX509v3CertificateBuilder(
            caName, BigInteger.valueOf(serial++), from(), to(), new X500Name("CN=" + cn), key);
    if (server) {
      b.addExtension(
          Extension.subjectAlternativeName,
          false,
          new GeneralNames(
              new GeneralName[] {
                new GeneralName(GeneralName.dNSName, "localhost"),
                new GeneralName(GeneralName.iPAddress, "127.0.0.1")
              }));
    }
    b.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(usage));
    return b.build(new JcaContentSignerBuilder("SHA256withECDSA").build(caKeys.getPrivate()));
  }

  private static Date from() {
    return Date.from(Instant.now().minus(Duration.ofHours(1)));
  }

  private static Date to() {
    return Date.from(Instant.now().plus(Duration.ofDays(1)));
  }

  // --- private keys in every PEM form ---------------------------------------------------------

  /** {@code PRIVATE KEY} (PKCS#8, unencrypted). */
  Path pkcs8(String name, PrivateKey key) throws IOException {
    Path p = dir.resolve(name);
    write(p, new JcaPKCS8Generator(key, null));
    return p;
  }

  /** {@code ENCRYPTED PRIVATE KEY} (PKCS#8 PBES2, PBKDF2-HMAC-SHA256, AES-256-CBC). */
  Path encryptedPkcs8(String name, PrivateKey key, char[] password) throws IOException, OperatorCreationException {
    Path p = dir.resolve(name);
    write(
        p,
        new JcaPKCS8Generator(
            key,
            new JceOpenSSLPKCS8EncryptorBuilder(PKCS8Generator.AES_256_CBC)
                .setPRF(PKCS8Generator.PRF_HMACSHA256)
                .setIterationCount(2048)
                .setRandom(new SecureRandom())
                .setProvider(BC)
                .setPassword(password)
                .build()));
    return p;
  }

  /** Traditional OpenSSL form ({@code RSA/EC PRIVATE KEY}), unencrypted. */
  Path traditional(String name, PrivateKey key) throws IOException {
    Path p = dir.resolve(name);
    write(p, key);
    return p;
  }

  /** Traditional OpenSSL form with {@code Proc-Type: 4,ENCRYPTED} and {@code DEK-Info}. */
  Path traditionalEncrypted(String name, PrivateKey key, String cipher, char[] password) throws IOException {
    Path p = dir.resolve(name);
    try (Writer w = Files.newBufferedWriter(p, StandardCharsets.US_ASCII);
        JcaPEMWriter pem = new JcaPEMWriter(w)) {
      pem.writeObject(key, new JcePEMEncryptorBuilder(cipher).setProvider(BC).setSecureRandom(new SecureRandom()).build(password));
    }
    return p;
  }

  /** {@code EC PRIVATE KEY} (SEC1) without the optional curve parameters and public key. */
  Path sec1WithoutCurve(String name, PrivateKey key) throws IOException {
    org.bouncycastle.asn1.sec.ECPrivateKey full =
        org.bouncycastle.asn1.sec.ECPrivateKey.getInstance(PrivateKeyInfo.getInstance(key.getEncoded()).parsePrivateKey());
    org.bouncycastle.asn1.sec.ECPrivateKey bare =
        new org.bouncycastle.asn1.sec.ECPrivateKey(256, full.getKey());
    Path p = dir.resolve(name);
    write(p, new PemObject("EC PRIVATE KEY", bare.getEncoded()));
    return p;
  }

  static void write(Path p, Object o) throws IOException {
    try (Writer w = Files.newBufferedWriter(p, StandardCharsets.US_ASCII);
        JcaPEMWriter pem = new JcaPEMWriter(w)) {
      pem.writeObject(o);
    }
  }
}
