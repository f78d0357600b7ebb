package io.ecss.csta;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import org.jspecify.annotations.Nullable;

/**
 * TLS settings for {@link CstaClient} (ECSS-10 listens for CSTA over TLS on port 4722).
 *
 * <p>Verifying by default: the server's certificate must chain to a trust anchor (the JDK's, or
 * the ones from a PEM file) and match the host name the client connects to. {@link
 * #trustAllForLabsOnly()} switches every check off; it is meant for labs with self-signed
 * certificates and says so in its name.
 *
 * <p>Immutable and thread-safe.
 */
public final class CstaTls {
  private final @Nullable List<X509Certificate> anchors;
  private final boolean trustAll;
  private final @Nullable List<X509Certificate> clientChain;
  private final @Nullable PrivateKey clientKey;

  private CstaTls(
      @Nullable List<X509Certificate> anchors,
      boolean trustAll,
      @Nullable List<X509Certificate> clientChain,
      @Nullable PrivateKey clientKey) {
    this.anchors = anchors;
    this.trustAll = trustAll;
    this.clientChain = clientChain;
    this.clientKey = clientKey;
  }

  /**
   * Verifies the server against the JDK's default trust store and its host name.
   *
   * @return the settings
   */
  public static CstaTls systemTrust() {
    return new CstaTls(null, false, null, null);
  }

  /**
   * Verifies the server against the certificates in a PEM file (one or more {@code CERTIFICATE}
   * blocks) and its host name.
   *
   * @param trustAnchorsPem the PEM file
   * @return the settings
   * @throws CstaException if the file cannot be read or holds no certificate
   */
  public static CstaTls trustPem(Path trustAnchorsPem) {
    return new CstaTls(List.copyOf(Pem.certificates(requireNonNull(trustAnchorsPem))), false, null, null);
  }

  /**
   * Accepts any server certificate and host name. Anyone on the path can read and change the
   * traffic; use only in a lab.
   *
   * @return the settings
   */
  public static CstaTls trustAllForLabsOnly() {
    return new CstaTls(null, true, null, null);
  }

  /**
   * Returns a copy that also presents a client certificate (for switches that require mutual
   * TLS), with an unencrypted private key.
   *
   * @param certificateChainPem the client certificate first, then any intermediates, in PEM
   * @param privateKeyPem the private key: {@code PRIVATE KEY} (PKCS#8), {@code RSA PRIVATE KEY}
   *     (PKCS#1) or {@code EC PRIVATE KEY} (SEC1; without curve parameters the curve is taken from
   *     the certificate)
   * @return the settings
   * @throws CstaException if a file cannot be read, the key is encrypted, or the key does not match
   *     the certificate
   */
  public CstaTls withClientCertificate(Path certificateChainPem, Path privateKeyPem) {
    return clientCertificate(certificateChainPem, privateKeyPem, null);
  }

  /**
   * Returns a copy that also presents a client certificate whose private key may be encrypted:
   * {@code ENCRYPTED PRIVATE KEY} (PKCS#8, PBES2 with PBKDF2 and AES or 3DES, or PBES1) or an
   * OpenSSL-encrypted {@code RSA/EC PRIVATE KEY} ({@code Proc-Type: 4,ENCRYPTED}, {@code
   * DEK-Info}). An unencrypted key is accepted as well and the password ignored. The password is
   * used once here and not kept.
   *
   * @param certificateChainPem the client certificate first, then any intermediates, in PEM
   * @param privateKeyPem the private key
   * @param password the key's password
   * @return the settings
   * @throws CstaException if a file cannot be read, the password is wrong, or the key does not
   *     match the certificate
   */
  public CstaTls withClientCertificate(Path certificateChainPem, Path privateKeyPem, char[] password) {
    return clientCertificate(certificateChainPem, privateKeyPem, requireNonNull(password, "password"));
  }

  private CstaTls clientCertificate(Path chainPem, Path keyPem, char @Nullable [] password) {
    List<X509Certificate> chain = List.copyOf(Pem.certificates(requireNonNull(chainPem, "certificateChainPem")));
    PrivateKey key = Pem.privateKey(requireNonNull(keyPem, "privateKeyPem"), password, chain.get(0));
    return new CstaTls(anchors, trustAll, chain, key);
  }

  boolean hasClientCertificate() {
    return clientChain != null;
  }

  /**
   * Whether the host name is checked against the server certificate.
   *
   * @return {@code false} only for {@link #trustAllForLabsOnly()}
   */
  public boolean verifiesHostname() {
    return !trustAll;
  }

  SSLContext sslContext() {
    return Pem.context(anchors, trustAll ? new TrustManager[] {new TrustAll()} : null, clientChain, clientKey);
  }

  @Override
  public String toString() {
    return trustAll
        ? "CstaTls[trustAllForLabsOnly]"
        : "CstaTls[" + (anchors == null ? "systemTrust" : anchors.size() + " PEM anchors")
            + (clientChain == null ? "" : ", client certificate") + "]";
  }

  /** Accepts everything; only reachable through {@link #trustAllForLabsOnly()}. */
  @SuppressWarnings("CustomX509TrustManager") // deliberate: the documented lab-only switch
  private static final class TrustAll implements X509TrustManager {
    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) {}

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) {}

    @Override
    public X509Certificate[] getAcceptedIssuers() {
      return new X509Certificate[0];
    }
  }
}
