package io.ecss.csta;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.jspecify.annotations.Nullable;

/** PEM certificates and keys via BouncyCastle, and SSLContexts built from them. */
final class Pem {
  private Pem() {}

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
    } catch (IOException | GeneralSecurityException e) {
      throw new CstaException("cannot read PEM certificates from " + file + ": " + e.getMessage(), e);
    }
    if (out.isEmpty()) {
      throw new CstaException("no CERTIFICATE block in " + file);
    }
    return out;
  }

  static PrivateKey privateKey(Path file) {
    try (Reader r = Files.newBufferedReader(file, StandardCharsets.US_ASCII);
        PEMParser p = new PEMParser(r)) {
      JcaPEMKeyConverter conv = new JcaPEMKeyConverter();
      Object o;
      while ((o = p.readObject()) != null) {
        if (o instanceof PEMKeyPair kp) {
          // SEC1 "EC PRIVATE KEY" blocks may omit the curve in the private part; take the
          // algorithm identifier (with the curve) from the public part.
          PrivateKeyInfo info = kp.getPrivateKeyInfo();
          if (kp.getPublicKeyInfo() != null) {
            info = new PrivateKeyInfo(kp.getPublicKeyInfo().getAlgorithm(), info.parsePrivateKey());
          }
          return conv.getPrivateKey(info);
        }
        if (o instanceof PrivateKeyInfo ki) {
          return conv.getPrivateKey(ki);
        }
      }
    } catch (IOException e) {
      throw new CstaException("cannot read PEM private key from " + file + ": " + e.getMessage(), e);
    }
    throw new CstaException(
        "no unencrypted PRIVATE KEY block in " + file + " (encrypted keys are not supported)");
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
      @Nullable TrustManager[] trustAll,
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
