package io.ecss.sorm;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.Objects;
import org.tinyradius.attribute.RadiusAttribute;
import org.tinyradius.attribute.VendorSpecificAttribute;
import org.tinyradius.packet.AccountingRequest;
import org.tinyradius.packet.RadiusPacket;
import org.tinyradius.util.RadiusClient;
import org.tinyradius.util.RadiusException;

/**
 * The softswitch side of the RADIUS link to a SORM mediator (spec item 11): it reports the calls
 * of a switch as Accounting-Requests that {@link SormRadiusBridge} understands, one blocking
 * request/response exchange per event, through tinyradius' {@link RadiusClient}.
 *
 * <h2>API</h2>
 *
 * <pre>{@code
 * try (SormRadiusReporter r = SormRadiusReporter.create(new InetSocketAddress("10.0.0.5", 1813), "secret")) {
 *   r.start("call-1", "74951234567", "74957654321");          // Start → message 1.1
 *   r.start(RadiusCall.of("call-2", "2001", "84951112233")    // with the routing SORM numbers
 *       .withSormA("74950002001", SormNi.PRIVATE).withSormB("84951112233", SormNi.INTERCITY));
 *   r.answer("call-1");                                       // Interim-Update phase=answer → 1.2
 *   r.stop("call-1", 1);                                      // Stop, disconnect code 1 → 1.3
 *   r.stop("call-2");                                         // Stop without a disconnect code
 * }
 * // SormRadiusReporter.create(mediator, secret, Duration.ofMillis(500), 3): timeout per attempt,
 * // retransmissions after the first attempt.
 * }</pre>
 *
 * <p>Each request carries: User-Name = the call id (tinyradius requires one), Acct-Status-Type,
 * Acct-Session-Id = the call id, Event-Timestamp = now; Start adds Calling-Station-Id = A,
 * Called-Station-Id = B and an Eltex-AVPair ({@code 26/35265/1}) per SORM value ({@code
 * sorm_digits_a=…}, {@code sorm_ni_a=…}, {@code sorm_digits_b=…}, {@code sorm_ni_b=…}); the
 * answer is an Interim-Update with {@code Eltex-AVPair = phase=answer}; Stop may add
 * Eltex-Disconnect-Code-Local ({@code 26/35265/11}).
 *
 * <p>Errors: no Accounting-Response after every attempt → {@link SormTimeoutException} (a mediator
 * with another shared secret drops the requests, so a wrong secret looks like this); a socket
 * error or an invalid response (wrong response authenticator, wrong type) → {@link
 * SormConnectionException}; a closed reporter → {@link IllegalStateException}.
 *
 * <p>Thread-safe: exchanges are serialised (one outstanding request at a time; tinyradius opens a
 * fresh UDP socket for each exchange). Creates no threads.
 */
public final class SormRadiusReporter implements AutoCloseable {
  /** The default time to wait for an answer to one attempt. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(1);

  /** The default number of retransmissions after the first attempt. */
  public static final int DEFAULT_RETRIES = 2;

  private final RadiusClient client;
  private final InetSocketAddress mediator;
  private final Duration timeout;
  private final int attempts;
  private boolean closed;

  private SormRadiusReporter(InetSocketAddress mediator, String sharedSecret, Duration timeout, int retries) {
    this.mediator = mediator;
    this.timeout = timeout;
    this.attempts = retries + 1;
    this.client = new RadiusClient(mediator.getAddress().getHostAddress(), sharedSecret);
    client.setAcctPort(mediator.getPort());
    client.setRetryCount(attempts);
    try {
      client.setSocketTimeout((int) timeout.toMillis());
    } catch (java.net.SocketException e) {
      // No socket exists yet, so tinyradius only stores the value.
      throw new SormConnectionException("RADIUS: setting the timeout failed: " + e.getMessage(), e);
    }
  }

  /**
   * Returns a reporter with the default timeout (1 s) and retransmissions (2).
   *
   * @param mediator the mediator's RADIUS accounting address (usually port 1813)
   * @param sharedSecret the shared secret, 1 to 128 characters
   * @return the reporter
   * @throws IllegalArgumentException if the address is unresolved or the secret is empty or too
   *     long
   */
  public static SormRadiusReporter create(InetSocketAddress mediator, String sharedSecret) {
    return create(mediator, sharedSecret, DEFAULT_TIMEOUT, DEFAULT_RETRIES);
  }

  /**
   * Returns a reporter.
   *
   * @param mediator the mediator's RADIUS accounting address (usually port 1813)
   * @param sharedSecret the shared secret, 1 to 128 characters
   * @param timeout how long to wait for an answer to one attempt, 1 ms to 1 hour
   * @param retries how many times to retransmit after the first attempt, 0 to 10
   * @return the reporter
   * @throws IllegalArgumentException if a value is out of range or the address is unresolved
   */
  public static SormRadiusReporter create(InetSocketAddress mediator, String sharedSecret, Duration timeout, int retries) {
    Objects.requireNonNull(mediator, "mediator");
    if (mediator.isUnresolved()) {
      throw new IllegalArgumentException("mediator: " + mediator + " is unresolved");
    }
    SormRadiusBridge.checkSecret(sharedSecret);
    Objects.requireNonNull(timeout, "timeout");
    if (timeout.toMillis() < 1 || timeout.compareTo(Duration.ofHours(1)) > 0) {
      throw new IllegalArgumentException("timeout: " + timeout + " (expected 1 ms to 1 hour)");
    }
    Checks.range("retries", retries, 0, 10);
    return new SormRadiusReporter(mediator, sharedSecret, timeout, retries);
  }

  /**
   * Reports the start of a call with routing numbers only (Accounting Start).
   *
   * @param callId the call id (Acct-Session-Id)
   * @param a the routing A number
   * @param b the routing B number
   * @throws SormTimeoutException if the mediator does not answer
   * @throws SormConnectionException on a socket error or an invalid answer
   */
  public void start(String callId, String a, String b) {
    start(RadiusCall.of(callId, a, b));
  }

  /**
   * Reports the start of a call (Accounting Start).
   *
   * @param call the call
   * @throws SormTimeoutException if the mediator does not answer
   * @throws SormConnectionException on a socket error or an invalid answer
   */
  public void start(RadiusCall call) {
    Objects.requireNonNull(call, "call");
    AccountingRequest r = request(call.callId(), AccountingRequest.ACCT_STATUS_TYPE_START);
    r.addAttribute(EltexRadius.string(EltexRadius.CALLING_STATION_ID, call.a()));
    r.addAttribute(EltexRadius.string(EltexRadius.CALLED_STATION_ID, call.b()));
    VendorSpecificAttribute vsa = new VendorSpecificAttribute(EltexRadius.VENDOR_ID);
    pair(vsa, EltexRadius.SORM_DIGITS_A, call.sormDigitsA());
    pair(vsa, EltexRadius.SORM_NI_A, call.sormNiA() == null ? null : call.sormNiA().value());
    pair(vsa, EltexRadius.SORM_DIGITS_B, call.sormDigitsB());
    pair(vsa, EltexRadius.SORM_NI_B, call.sormNiB() == null ? null : call.sormNiB().value());
    if (!vsa.getSubAttributes().isEmpty()) {
      r.addAttribute(vsa);
    }
    exchange(r, "Start " + call.callId());
  }

  private static void pair(VendorSpecificAttribute vsa, String name, @org.jspecify.annotations.Nullable String value) {
    if (value != null) {
      RadiusAttribute a = EltexRadius.string(EltexRadius.AVPAIR, name + "=" + value);
      a.setVendorId(EltexRadius.VENDOR_ID);
      vsa.addSubAttribute(a);
    }
  }

  /**
   * Reports that a call was answered (Interim-Update with {@code phase=answer}).
   *
   * @param callId the call id given to {@link #start}
   * @throws SormTimeoutException if the mediator does not answer
   * @throws SormConnectionException on a socket error or an invalid answer
   */
  public void answer(String callId) {
    AccountingRequest r = request(callId, AccountingRequest.ACCT_STATUS_TYPE_INTERIM_UPDATE);
    VendorSpecificAttribute vsa = new VendorSpecificAttribute(EltexRadius.VENDOR_ID);
    pair(vsa, EltexRadius.PHASE, EltexRadius.PHASE_ANSWER);
    r.addAttribute(vsa);
    exchange(r, "Interim-Update (answer) " + callId);
  }

  /**
   * Reports the end of a call with the Eltex disconnect code (see {@link
   * SormRadiusBridge#releaseCause(long)} for what the mediator makes of it).
   *
   * @param callId the call id given to {@link #start}
   * @param disconnectCode Eltex-Disconnect-Code-Local, 0 or more (1 user answer, 2 incomplete
   *     number, 5 user busy, 7 no answer, …)
   * @throws IllegalArgumentException if {@code disconnectCode} is negative
   * @throws SormTimeoutException if the mediator does not answer
   * @throws SormConnectionException on a socket error or an invalid answer
   */
  public void stop(String callId, int disconnectCode) {
    Checks.range("disconnectCode", disconnectCode, 0, Integer.MAX_VALUE);
    AccountingRequest r = request(callId, AccountingRequest.ACCT_STATUS_TYPE_STOP);
    VendorSpecificAttribute vsa = new VendorSpecificAttribute(EltexRadius.VENDOR_ID);
    RadiusAttribute code = EltexRadius.integer(EltexRadius.DISCONNECT_CODE_LOCAL, disconnectCode);
    code.setVendorId(EltexRadius.VENDOR_ID);
    vsa.addSubAttribute(code);
    r.addAttribute(vsa);
    exchange(r, "Stop " + callId);
  }

  /**
   * Reports the end of a call without a disconnect code.
   *
   * @param callId the call id given to {@link #start}
   * @throws SormTimeoutException if the mediator does not answer
   * @throws SormConnectionException on a socket error or an invalid answer
   */
  public void stop(String callId) {
    exchange(request(callId, AccountingRequest.ACCT_STATUS_TYPE_STOP), "Stop " + callId);
  }

  private static AccountingRequest request(String callId, int status) {
    RadiusCall.of(callId, "", "");
    AccountingRequest r = new AccountingRequest(callId, status);
    r.setDictionary(EltexRadius.DICTIONARY);
    r.addAttribute(EltexRadius.string(EltexRadius.ACCT_SESSION_ID, callId));
    r.addAttribute(EltexRadius.integer(EltexRadius.EVENT_TIMESTAMP, System.currentTimeMillis() / 1000));
    return r;
  }

  private synchronized void exchange(AccountingRequest request, String what) {
    if (closed) {
      throw new IllegalStateException("reporter is closed");
    }
    RadiusPacket response;
    try {
      response = client.account(request);
    } catch (SocketTimeoutException e) {
      throw new SormTimeoutException("RADIUS " + what + ": no Accounting-Response from " + mediator + " within "
          + timeout.toMillis() + " ms (" + attempts + (attempts == 1 ? " attempt)" : " attempts)"));
    } catch (IOException e) {
      throw new SormConnectionException("RADIUS " + what + " to " + mediator + ": " + e.getMessage(), e);
    } catch (RadiusException e) {
      throw new SormConnectionException("RADIUS " + what + ": invalid response from " + mediator + ": " + e.getMessage(), e);
    }
    if (response.getPacketType() != RadiusPacket.ACCOUNTING_RESPONSE) {
      throw new SormConnectionException("RADIUS " + what + ": " + mediator + " answered " + response.getPacketTypeName()
          + " (expected Accounting-Response)");
    }
  }

  /** Closes the UDP socket. Idempotent; later calls throw {@link IllegalStateException}. */
  @Override
  public synchronized void close() {
    if (!closed) {
      closed = true;
      client.close();
    }
  }
}
