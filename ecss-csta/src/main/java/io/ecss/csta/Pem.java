package io.ecss.csta;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.PublicKey;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Null;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.openssl.PEMEncryptedKeyPair;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8DecryptorProviderBuilder;
import org.bouncycastle.openssl.jcajce.JcePEMDecryptorProviderBuilder;
import org.bouncycastle.operator.InputDecryptorProvider;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;
import org.jspecify.annotations.Nullable;

/**
 * PEM certificates and keys via BouncyCastle (its provider is used for key decryption only and
 * never registered globally), and SSLContexts built from them.
 *
 * <p>Private keys: {@code PRIVATE KEY} (PKCS#8), {@code ENCRYPTED PRIVATE KEY} (PKCS#8 PBES2 or
 * PBES1, with a password), {@code RSA PRIVATE KEY} (PKCS#1), {@code EC PRIVATE KEY} (SEC1), the
 * last two also OpenSSL-encrypted ({@code Proc-Type: 4,ENCRYPTED} / {@code DEK-Info}). A SEC1 key
 * without its curve takes the curve from the certificate's public key. Every key is checked
 * against the certificate it is used with.
 */
final class Pem {
  private Pem() {}

  /**
   * BouncyCastle's provider, used only for key decryption (OpenSSL's key derivation and
   * PKCS#7-padded ciphers are not in the JDK) and never registered with {@code Security}.
   */
  private static final class Bc {
    static final Provider PROVIDER = new BouncyCastleProvider();
  }

  static List<X509Certificate> certificates(Path file) {
    List<X509Certificate> out = new ArrayList<>();
    try (Reader r = Files.newBufferedReader(file, StandardCharsets.US_ASCII);
        PEMParser p = new PEMParser(r)) {
      JcaX509CertificateConverter conv = new JcaX509CertificateConverter();
      Object o;
      while ((o = p.readObject()) != null) {
        if (o instanceof X509CertificateHolder h) {
          out.add(conv.getCertificate(h));
        }
      }
    } catch (IOException | GeneralSecurityException | RuntimeException e) {
      throw new CstaException("cannot read PEM certificates from " + file + ": " + e.getMessage(), e);
    }
    if (out.isEmpty()) {
      throw new CstaException("no CERTIFICATE block in " + file);
    }
    return out;
  }

  /**
   * Reads the first private key of a PEM file and checks it against the certificate.
   *
   * @param file the PEM file
   * @param password the password of an encrypted key, or null
   * @param certificate the certificate the key belongs to (its public key must match)
   */
  static PrivateKey privateKey(Path file, char @Nullable [] password, X509Certificate certificate) {
    Object block = null;
    try (Reader r = Files.newBufferedReader(file, StandardCharsets.US_ASCII);
        PEMParser p = new PEMParser(r)) {
      Object o;
      while ((o = p.readObject()) != null) {
        if (o instanceof PrivateKeyInfo
            || o instanceof PEMKeyPair
            || o instanceof PKCS8EncryptedPrivateKeyInfo
            || o instanceof PEMEncryptedKeyPair) {
          block = o;
          break;
        }
      }
    } catch (IOException | RuntimeException e) {
      throw new CstaException("cannot read PEM private key from " + file + ": " + e.getMessage(), e);
    }
    if (block == null) {
      throw new CstaException(
          "no private key in " + file
              + " (expected a PRIVATE KEY, ENCRYPTED PRIVATE KEY, RSA PRIVATE KEY or EC PRIVATE KEY block)");
    }
    PrivateKeyInfo info;
    if (block instanceof PKCS8EncryptedPrivateKeyInfo enc) {
      char[] pw = requirePassword(file, password, "ENCRYPTED PRIVATE KEY");
      try {
        InputDecryptorProvider d = new JceOpenSSLPKCS8DecryptorProviderBuilder().setProvider(Bc.PROVIDER).build(pw);
        info = enc.decryptPrivateKeyInfo(d);
      } catch (Exception e) {
        throw wrongPassword(file, e);
      }
    } else if (block instanceof PEMEncryptedKeyPair enc) {
      char[] pw = requirePassword(file, password, "Proc-Type: 4,ENCRYPTED");
      try {
        info = keyPairInfo(enc.decryptKeyPair(new JcePEMDecryptorProviderBuilder().setProvider(Bc.PROVIDER).build(pw)));
      } catch (Exception e) {
        throw wrongPassword(file, e);
      }
    } else if (block instanceof PEMKeyPair kp) {
      try {
        info = keyPairInfo(kp);
      } catch (IOException | RuntimeException e) {
        throw new CstaException("cannot read the private key in " + file + ": " + e.getMessage(), e);
      }
    } else {
      info = (PrivateKeyInfo) block;
    }
    info = withCurveFromCertificate(file, info, certificate);
    PrivateKey key;
    try {
      key = new JcaPEMKeyConverter().getPrivateKey(info);
    } catch (IOException | RuntimeException e) {
      throw new CstaException("cannot use the private key in " + file + ": " + e.getMessage(), e);
    }
    checkMatches(file, key, certificate);
    return key;
  }

  private static char[] requirePassword(Path file, char @Nullable [] password, String what) {
    if (password == null) {
      throw new CstaException(
          "the private key in " + file + " is encrypted (" + what + "); give its password");
    }
    return password;
  }

  private static CstaException wrongPassword(Path file, Exception e) {
    return new CstaException(
        "cannot decrypt the private key in " + file + ": wrong password or damaged key ("
            + e.getClass().getSimpleName() + ")",
        e);
  }

  /** The private part of a PKCS#1/SEC1 pair; a SEC1 key missing its curve borrows the public part's. */
  private static PrivateKeyInfo keyPairInfo(PEMKeyPair kp) throws IOException {
    PrivateKeyInfo info = kp.getPrivateKeyInfo();
    SubjectPublicKeyInfo pub = kp.getPublicKeyInfo();
    if (pub != null && !hasParameters(info.getPrivateKeyAlgorithm()) && hasParameters(pub.getAlgorithm())) {
      info = new PrivateKeyInfo(pub.getAlgorithm(), info.parsePrivateKey());
    }
    return info;
  }

  /**
   * SEC1 lets {@code ECPrivateKey.parameters} be absent ("known from context"); the context here
   * is the certificate, whose public key carries the curve.
   */
  private static PrivateKeyInfo withCurveFromCertificate(Path file, PrivateKeyInfo info, X509Certificate cert) {
    AlgorithmIdentifier alg = info.getPrivateKeyAlgorithm();
    if (!X9ObjectIdentifiers.id_ecPublicKey.equals(alg.getAlgorithm()) || hasParameters(alg)) {
      return info;
    }
    AlgorithmIdentifier certAlg =
        SubjectPublicKeyInfo.getInstance(cert.getPublicKey().getEncoded()).getAlgorithm();
    if (!X9ObjectIdentifiers.id_ecPublicKey.equals(certAlg.getAlgorithm()) || !hasParameters(certAlg)) {
      throw new CstaException(
          "the EC private key in " + file + " has no curve parameters and the certificate ("
              + cert.getSubjectX500Principal().getName() + ") has no EC public key to take them from");
    }
    try {
      return new PrivateKeyInfo(certAlg, info.parsePrivateKey());
    } catch (IOException e) {
      throw new CstaException("cannot read the EC private key in " + file + ": " + e.getMessage(), e);
    }
  }

  private static boolean hasParameters(AlgorithmIdentifier alg) {
    ASN1Encodable p = alg.getParameters();
    return p != null && !(p instanceof ASN1Null);
  }

  /** Signs a probe with the key and verifies it with the certificate's public key. */
  private static void checkMatches(Path file, PrivateKey key, X509Certificate cert) {
    PublicKey pub = cert.getPublicKey();
    String alg =
        switch (key.getAlgorithm()) {
          case "RSA" -> "SHA256withRSA";
          case "EC" -> "SHA256withECDSA";
          case "EdDSA", "Ed25519", "Ed448" -> "EdDSA";
          case "DSA" -> "SHA256withDSA";
          default -> null;
        };
    if (alg == null) {
      return; // e.g. RSASSA-PSS: left to the handshake
    }
    boolean ok;
    try {
      byte[] probe = "ecss-csta key check".getBytes(StandardCharsets.US_ASCII);
      Signature s = Signature.getInstance(alg);
      s.initSign(key);
      s.update(probe);
      byte[] sig = s.sign();
      Signature v = Signature.getInstance(alg);
      v.initVerify(pub);
      v.update(probe);
      ok = v.verify(sig);
    } catch (GeneralSecurityException | RuntimeException e) {
      ok = false;
    }
    if (!ok) {
      throw new CstaException(
          "the private key in " + file + " (" + key.getAlgorithm() + ") does not match the certificate "
              + cert.getSubjectX500Principal().getName() + " (" + pub.getAlgorithm() + ")");
    }
  }

  static KeyStore trustStore(List<X509Certificate> anchors) throws GeneralSecurityException, IOException {
    KeyStore ks = KeyStore.getInstance(KeyStore.getDefaultType());
    ks.load(null, null);
    int i = 0;
    for (X509Certificate c : anchors) {
      ks.setCertificateEntry("anchor-" + i++, c);
    }
    return ks;
  }

  static SSLContext context(
      @Nullable List<X509Certificate> anchors,
      TrustManager @Nullable [] trustAll,
      @Nullable List<X509Certificate> chain,
      @Nullable PrivateKey key) {
    try {
      TrustManager[] tms = trustAll;
      if (tms == null) {
        TrustManagerFactory tmf =
            TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(anchors == null ? null : trustStore(anchors));
        tms = tmf.getTrustManagers();
      }
      KeyManagerFactory kmf = null;
      if (chain != null && key != null) {
        KeyStore ks = KeyStore.getInstance(KeyStore.getDefaultType());
        ks.load(null, null);
        char[] pw = new char[0];
        ks.setKeyEntry("key", key, pw, chain.toArray(new X509Certificate[0]));
        kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(ks, pw);
      }
      SSLContext ctx = SSLContext.getInstance("TLS");
      ctx.init(kmf == null ? null : kmf.getKeyManagers(), tms, null);
      return ctx;
    } catch (GeneralSecurityException | IOException e) {
      throw new CstaException("cannot build a TLS context: " + e.getMessage(), e);
    }
  }
}
