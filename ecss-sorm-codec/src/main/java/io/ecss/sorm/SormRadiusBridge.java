package io.ecss.sorm;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.ClosedSelectorException;
import java.nio.channels.DatagramChannel;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The mediator side of the RADIUS link from the softswitch (spec item 11): a UDP accounting
 * server that turns the Accounting-Requests of calls whose A or B number is on control into КПД2
 * messages 1.1, 1.2 and 1.3 and sends them to every КПД2 link of a {@link SormStationServer}.
 *
 * <h2>API</h2>
 *
 * <pre>{@code
 * SormRadiusBridge bridge = SormRadiusBridge.start(server, new InetSocketAddress(1813), "secret",
 *     NumberAdaptation.of(NumberAdaptation.Rule.LONG_DISTANCE_8_TO_7));
 * // or: SormRadiusBridge.builder(server, "secret").listen(addr).adaptation(a).maxCalls(n)
 * //         .defaultIndicator(NumberIndicator.RUSSIAN_PSTN).start();
 * bridge.address();        // the bound UDP address (the real port when 0 was asked)
 * bridge.accepted();       // requests with the right secret, processed and answered
 * bridge.wrongSecret();    // requests whose Request Authenticator did not verify: dropped
 * bridge.malformed();      // datagrams that are not a usable Accounting-Request: dropped
 * bridge.intercepted();    // calls that matched an object on control (1.1 sent)
 * bridge.callOverflow();   // intercepted calls refused because the call table was full
 * bridge.duplicates();     // retransmissions answered again without processing
 * bridge.activeCalls();    // intercepted calls not stopped yet
 * bridge.close();          // idempotent: frees the socket and the thread
 * }</pre>
 *
 * <h2>Attribute mapping</h2>
 *
 * <table>
 *   <caption>Accounting-Request attributes the bridge reads</caption>
 *   <tr><th>Attribute</th><th>Use</th></tr>
 *   <tr><td>Acct-Status-Type (40)</td><td>Start (1) → message 1.1; Interim-Update (3) with
 *       {@code phase=answer} → 1.2 (once per call); Stop (2) → 1.3; Accounting-On/Off (7/8) →
 *       1.3 "technical reasons" for every active call; other values are answered and ignored;
 *       missing → malformed</td></tr>
 *   <tr><td>Acct-Session-Id (44)</td><td>the call id; mapped to a call number (0 to 65534)
 *       while the call is active; required for Start, Interim-Update and Stop</td></tr>
 *   <tr><td>Calling-Station-Id (31) / Called-Station-Id (30)</td><td>routing A / B number
 *       (a leading {@code +} is dropped; anything other than 1 to 18 digits means "no
 *       number")</td></tr>
 *   <tr><td>Eltex-AVPair (26/35265/1) {@code sorm_digits_a=…}, {@code sorm_digits_b=…}</td>
 *       <td>the SORM A / B number of the routing actions; preferred over the station ids</td></tr>
 *   <tr><td>Eltex-AVPair {@code sorm_ni_a=…}, {@code sorm_ni_b=…}</td><td>the indicator of that
 *       number via {@link SormNi} (private → 01, local/zone/intercity → 04, international → 05,
 *       emergency → 06); without it the {@linkplain Builder#defaultIndicator default indicator}
 *       (04)</td></tr>
 *   <tr><td>Eltex-AVPair {@code phase=answer}</td><td>marks the Interim-Update that reports the
 *       answer</td></tr>
 *   <tr><td>Eltex-Disconnect-Code-Local (26/35265/11)</td><td>on Stop: the release cause, see
 *       {@link #releaseCause(int)}</td></tr>
 *   <tr><td>Event-Timestamp (55)</td><td>the event time of the message (the station's time
 *       zone); without it the time of arrival</td></tr>
 * </table>
 *
 * <p>Objects are matched on the A and B numbers as reported; the configured {@link
 * NumberAdaptation} then rewrites the B number each message carries (the "leading 7" rules only
 * for objects selected by the A number), see {@link SormStation#callStarted(int, PhoneNumber,
 * PhoneNumber, NumberAdaptation)}.
 *
 * <h2>Security and robustness</h2>
 *
 * <p>Every datagram is checked before anything is decoded: RADIUS header, Length field, the
 * attribute list, code 4 (Accounting-Request) — else it counts as {@link #malformed()} — then the
 * Request Authenticator (MD5 over the packet and the shared secret, RFC 2866 §3) — else it counts
 * as {@link #wrongSecret()}. Both are dropped silently (no answer, nothing processed). Only then
 * are the attributes read (RFC 2865 §5 layout, Vendor-Specific per §5.26; a malformed Eltex
 * sub-attribute list also counts as malformed). The bridge parses the verified bytes itself
 * rather than through tinyradius' decoder, which allocates a 4 KB buffer and reflective attribute
 * objects per packet and dominated the profile; {@link SormRadiusReporter} and the tests use
 * tinyradius, so both implementations check each other. A retransmission (same source, identifier and
 * authenticator as one of the last 4096 requests) gets the same Accounting-Response again and is
 * not processed twice. A Start for a call id that is already active is answered and ignored.
 *
 * <p>Call numbers: a call id gets a call number only when its Start matched an object on control;
 * the number is freed at Stop. The table holds {@link Builder#maxCalls} calls (at most 65535,
 * numbers 0 to 65534; {@code FFFF} is the header filler): when it is full, a matching Start is
 * answered, produces no message, counts in {@link #callOverflow()} and is logged at WARN.
 *
 * <p>Threads: one receiver thread ({@code ecss-sorm-radius <port>}) reads, checks, processes and
 * answers every datagram in arrival order, so the messages of a call keep their order. It drains
 * every datagram that is ready before it writes the resulting КПД2 messages, so under load several
 * messages share one TCP write (whole frames, at most 1,400 bytes, as {@link
 * SormStationServer#sendKpd2(List)}) while a lone request is forwarded at once. The messages are
 * queued on the server in the order the station produced them, together with those of КПД1
 * commands (2.1, 2.2, 2.3), so every console receives them in that order. The
 * counters may be read from any thread; after each batch of datagrams the server's listeners get
 * {@link SormStationServer.Listener#radiusCountersChanged} (coalesced, on the server's event
 * thread). Thread-safe.
 */
public final class SormRadiusBridge implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(SormRadiusBridge.class);

  /** The Eltex RADIUS vendor id. */
  public static final int ELTEX_VENDOR_ID = EltexRadius.VENDOR_ID;

  /** The usual RADIUS accounting port (the manual: "обычно используется порт 1813"). */
  public static final int DEFAULT_PORT = 1813;

  /** The most calls the call table can hold: call numbers 0 to 65534. */
  public static final int MAX_CALLS = 0xFFFF;

  private static final int HEADER = 20;
  private static final byte[] ZERO_AUTHENTICATOR = new byte[16];
  private static final int ACCOUNTING_REQUEST = 4;
  private static final int ACCOUNTING_RESPONSE = 5;
  private static final int MAX_PACKET = 4096;
  private static final int DUPLICATE_CACHE = 4096;

  private final SormStationServer server;
  private final SormStation station;
  private final byte[] secret;
  private final NumberAdaptation adaptation;
  private final NumberIndicator defaultIndicator;
  private final int maxCalls;
  private final DatagramChannel channel;
  private final Selector selector;
  /** КПД2 messages this bridge queued on the server since its last flush. */
  private int queuedKpd2;
  private final InetSocketAddress bound;
  private final Thread thread;
  private final MessageDigest md5;
  private final AtomicLong accepted = new AtomicLong();
  private final AtomicLong wrongSecret = new AtomicLong();
  private final AtomicLong malformed = new AtomicLong();
  private final AtomicLong intercepted = new AtomicLong();
  private final AtomicLong overflow = new AtomicLong();
  private final AtomicLong duplicates = new AtomicLong();
  /** Set while a counters event for the server's listeners is queued (coalesces them). */
  private final AtomicBoolean changePending = new AtomicBoolean();
  private final Map<String, Integer> sessions = new HashMap<>();
  private final boolean[] answered = new boolean[MAX_CALLS];
  private final boolean[] used = new boolean[MAX_CALLS];
  private int nextNumber;
  private final Map<RequestKey, CachedResponse> recent =
      new LinkedHashMap<>(DUPLICATE_CACHE * 2, 0.75f, false) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<RequestKey, CachedResponse> eldest) {
          return size() > DUPLICATE_CACHE;
        }
      };
  private volatile boolean closed;
  private volatile int activeCount;

  private record RequestKey(InetAddress address, int port, int identifier) {}

  /** The answer sent to a request, kept to answer a retransmission of it. */
  private static final class CachedResponse {
    final byte[] authenticator;
    final byte[] response;

    CachedResponse(byte[] authenticator, byte[] response) {
      this.authenticator = authenticator;
      this.response = response;
    }
  }

  /**
   * Settings of a bridge; {@link #start()} binds it. Not thread-safe (build on one thread).
   */
  public static final class Builder {
    private final SormStationServer server;
    private final String sharedSecret;
    private InetSocketAddress listen = new InetSocketAddress(DEFAULT_PORT);
    private NumberAdaptation adaptation = NumberAdaptation.NONE;
    private int maxCalls = MAX_CALLS;
    private NumberIndicator defaultIndicator = NumberIndicator.RUSSIAN_PSTN;

    private Builder(SormStationServer server, String sharedSecret) {
      this.server = Objects.requireNonNull(server, "server");
      this.sharedSecret = checkSecret(sharedSecret);
    }

    /**
     * Sets the UDP address to listen on (default: every interface, port 1813; port 0 picks a free
     * port).
     *
     * @param address the address
     * @return this builder
     */
    public Builder listen(InetSocketAddress address) {
      this.listen = Objects.requireNonNull(address, "address");
      return this;
    }

    /**
     * Sets the B-number adaptation (default {@link NumberAdaptation#NONE}).
     *
     * @param value the adaptation
     * @return this builder
     */
    public Builder adaptation(NumberAdaptation value) {
      this.adaptation = Objects.requireNonNull(value, "adaptation");
      return this;
    }

    /**
     * Sets how many intercepted calls may be active at once (default and maximum 65535).
     *
     * @param value 1 to 65535
     * @return this builder
     * @throws IllegalArgumentException if {@code value} is out of range
     */
    public Builder maxCalls(int value) {
      this.maxCalls = Checks.range("maxCalls", value, 1, MAX_CALLS);
      return this;
    }

    /**
     * Sets the indicator of a number reported without {@code sorm_ni} (default {@link
     * NumberIndicator#RUSSIAN_PSTN}, 04).
     *
     * @param value a known indicator other than {@link NumberIndicator#NONE}
     * @return this builder
     * @throws IllegalArgumentException if {@code value} is unknown or NONE
     */
    public Builder defaultIndicator(NumberIndicator value) {
      Objects.requireNonNull(value, "defaultIndicator");
      if (!value.isKnown() || value.equals(NumberIndicator.NONE)) {
        throw new IllegalArgumentException("defaultIndicator: " + value + " (expected a known indicator other than NONE)");
      }
      this.defaultIndicator = value;
      return this;
    }

    /**
     * Binds the UDP socket and starts the receiver thread.
     *
     * @return the running bridge
     * @throws IOException if the address cannot be bound
     */
    public SormRadiusBridge start() throws IOException {
      return new SormRadiusBridge(this);
    }
  }

  /**
   * Returns a builder for a bridge that feeds {@code server}.
   *
   * @param server the station server whose station matches calls and whose КПД2 links get the
   *     messages
   * @param sharedSecret the RADIUS shared secret, 1 to 128 characters
   * @return the builder
   * @throws IllegalArgumentException if the secret is empty or too long
   */
  public static Builder builder(SormStationServer server, String sharedSecret) {
    return new Builder(server, sharedSecret);
  }

  /**
   * Starts a bridge with the default call table and default indicator.
   *
   * @param server the station server whose station matches calls and whose КПД2 links get the
   *     messages
   * @param listen the UDP address to listen on (port 0 picks a free port; see {@link #address()})
   * @param sharedSecret the RADIUS shared secret, 1 to 128 characters
   * @param adaptation the B-number adaptation
   * @return the running bridge
   * @throws IOException if the address cannot be bound
   * @throws IllegalArgumentException if the secret is empty or too long
   */
  public static SormRadiusBridge start(SormStationServer server, InetSocketAddress listen, String sharedSecret, NumberAdaptation adaptation)
      throws IOException {
    return builder(server, sharedSecret).listen(listen).adaptation(adaptation).start();
  }

  static String checkSecret(String secret) {
    Objects.requireNonNull(secret, "sharedSecret");
    if (secret.isEmpty() || secret.length() > 128) {
      throw new IllegalArgumentException("sharedSecret: " + secret.length() + " characters (expected 1 to 128)");
    }
    return secret;
  }

  private SormRadiusBridge(Builder b) throws IOException {
    this.server = b.server;
    this.station = b.server.station();
    this.secret = b.sharedSecret.getBytes(StandardCharsets.UTF_8);
    this.adaptation = b.adaptation;
    this.defaultIndicator = b.defaultIndicator;
    this.maxCalls = b.maxCalls;
    try {
      this.md5 = MessageDigest.getInstance("MD5");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("MD5 is not available", e);
    }
    DatagramChannel ch = DatagramChannel.open();
    Selector sel = null;
    try {
      ch.setOption(StandardSocketOptions.SO_REUSEADDR, true);
      ch.setOption(StandardSocketOptions.SO_RCVBUF, 4 << 20);
      ch.bind(b.listen);
      ch.configureBlocking(false);
      sel = Selector.open();
      ch.register(sel, SelectionKey.OP_READ);
    } catch (IOException e) {
      ch.close();
      if (sel != null) {
        sel.close();
      }
      throw e;
    }
    this.channel = ch;
    this.selector = sel;
    this.bound = (InetSocketAddress) ch.getLocalAddress();
    this.thread = new Thread(this::receiveLoop, "ecss-sorm-radius " + bound.getPort());
    thread.setDaemon(true);
    thread.start();
    LOG.info("SORM RADIUS bridge listening on {}", bound);
  }

  /**
   * Returns the bound UDP address.
   *
   * @return the local address (the real port when port 0 was asked); still the same after
   *     {@link #close()}
   */
  public InetSocketAddress address() {
    return bound;
  }

  /**
   * Returns how many requests had the right secret and were processed and answered.
   *
   * @return the count
   */
  public long accepted() {
    return accepted.get();
  }

  /**
   * Returns how many requests were dropped because their Request Authenticator did not verify
   * with the shared secret.
   *
   * @return the count
   */
  public long wrongSecret() {
    return wrongSecret.get();
  }

  /**
   * Returns how many datagrams were dropped as malformed: not a well-formed RADIUS packet, not an
   * Accounting-Request, no Acct-Status-Type, or no Acct-Session-Id where one is required.
   *
   * @return the count
   */
  public long malformed() {
    return malformed.get();
  }

  /**
   * Returns how many calls matched an object on control (message 1.1 sent).
   *
   * @return the count
   */
  public long intercepted() {
    return intercepted.get();
  }

  /**
   * Returns how many matching calls were refused because the call table was full.
   *
   * @return the count
   */
  public long callOverflow() {
    return overflow.get();
  }

  /**
   * Returns how many retransmitted requests were answered again without being processed.
   *
   * @return the count
   */
  public long duplicates() {
    return duplicates.get();
  }

  /**
   * Returns how many intercepted calls are active (started, not stopped).
   *
   * @return the count
   */
  public int activeCalls() {
    return activeCount;
  }

  /**
   * Maps the Eltex disconnect code of a Stop to the release cause of message 1.3.
   *
   * <table>
   *   <caption>Eltex-Disconnect-Code-Local → release cause</caption>
   *   <tr><th>Code</th><th>Meaning (FreeRADIUS dictionary.eltex)</th><th>Release cause</th></tr>
   *   <tr><td>1</td><td>user answer</td><td>05 after conversation</td></tr>
   *   <tr><td>2</td><td>incomplete number</td><td>02 after incomplete dialling</td></tr>
   *   <tr><td>3</td><td>unassigned number</td><td>02 after incomplete dialling</td></tr>
   *   <tr><td>4</td><td>other unsuccessful</td><td>01 technical reasons</td></tr>
   *   <tr><td>5</td><td>user busy</td><td>03 called party busy</td></tr>
   *   <tr><td>6</td><td>out of order</td><td>01 technical reasons</td></tr>
   *   <tr><td>7</td><td>no answer</td><td>04 no answer</td></tr>
   *   <tr><td>8</td><td>unavailable trunk</td><td>01 technical reasons</td></tr>
   *   <tr><td>9</td><td>access denied</td><td>01 technical reasons</td></tr>
   *   <tr><td>10</td><td>unavailable voice channel</td><td>01 technical reasons</td></tr>
   *   <tr><td>11</td><td>RADIUS server unavailable</td><td>01 technical reasons</td></tr>
   *   <tr><td>any other</td><td>unknown</td><td>01 technical reasons</td></tr>
   * </table>
   *
   * <p>A Stop without the attribute is released "after conversation" (05) if the call was
   * answered, else "no answer" (04).
   *
   * @param disconnectCode the attribute value (unsigned 32 bits)
   * @return the release cause
   */
  public static ReleaseCause releaseCause(long disconnectCode) {
    if (disconnectCode == 1) {
      return ReleaseCause.AFTER_CONVERSATION;
    }
    if (disconnectCode == 2 || disconnectCode == 3) {
      return ReleaseCause.INCOMPLETE_DIALLING;
    }
    if (disconnectCode == 5) {
      return ReleaseCause.BUSY;
    }
    if (disconnectCode == 7) {
      return ReleaseCause.NO_ANSWER;
    }
    return ReleaseCause.TECHNICAL;
  }

  /**
   * Waits for datagrams, processes every one that is ready (at most 256 in a row), then sends the
   * КПД2 messages they produced with as few TCP writes as possible; so under load several
   * messages share a write, and a lone request is sent at once.
   */
  private void receiveLoop() {
    ByteBuffer in = ByteBuffer.allocate(MAX_PACKET + 1);
    byte[] buf = in.array();
    while (!closed) {
      try {
        selector.select();
        selector.selectedKeys().clear();
        for (int i = 0; i < 256 && !closed; i++) {
          in.clear();
          InetSocketAddress from = (InetSocketAddress) channel.receive(in);
          if (from == null) {
            break;
          }
          try {
            onDatagram(buf, in.position(), from.getAddress(), from.getPort());
          } catch (RuntimeException e) {
            // A bug must not stop the mediator: count the datagram and go on.
            malformed.incrementAndGet();
            LOG.warn("SORM RADIUS bridge: request from {} failed: {}", from, e.toString(), e);
          }
          if (queuedKpd2 >= 64) {
            flushKpd2();
          }
        }
        flushKpd2();
        server.radiusCountersChanged(this, changePending);
      } catch (ClosedChannelException | ClosedSelectorException e) {
        return;
      } catch (IOException e) {
        if (closed) {
          return;
        }
        LOG.info("SORM RADIUS bridge: receive failed: {}", e.toString());
      }
    }
  }

  /**
   * Sends the КПД2 messages the processed requests produced (the server writes everything queued,
   * in the station's order, with the messages of commands handled meanwhile).
   */
  void flushKpd2() {
    if (queuedKpd2 > 0) {
      queuedKpd2 = 0;
      server.flushKpd2();
    }
  }

  void onDatagram(byte[] buf, int length, InetAddress from, int port) {
    int declared = structureLength(buf, length);
    if (declared < 0) {
      malformed.incrementAndGet();
      LOG.debug("SORM RADIUS bridge: malformed datagram of {} bytes from {}:{}", length, from, port);
      return;
    }
    if (!authenticatorValid(buf, declared)) {
      wrongSecret.incrementAndGet();
      LOG.debug("SORM RADIUS bridge: wrong shared secret in a request from {}:{}", from, port);
      return;
    }
    int identifier = buf[1] & 0xFF;
    byte[] authenticator = Arrays.copyOfRange(buf, 4, HEADER);
    RequestKey key = new RequestKey(from, port, identifier);
    CachedResponse cached = recent.get(key);
    if (cached != null && Arrays.equals(cached.authenticator, authenticator)) {
      duplicates.incrementAndGet();
      send(cached.response, from, port);
      return;
    }
    if (!process(buf, declared)) {
      malformed.incrementAndGet();
      return;
    }
    accepted.incrementAndGet();
    byte[] response = response(identifier, authenticator);
    recent.put(key, new CachedResponse(authenticator, response));
    send(response, from, port);
  }

  /** Returns the RADIUS Length if the datagram is a structurally valid Accounting-Request, else -1. */
  private static int structureLength(byte[] buf, int length) {
    if (length < HEADER || length > MAX_PACKET) {
      return -1;
    }
    int declared = ((buf[2] & 0xFF) << 8) | (buf[3] & 0xFF);
    if (declared < HEADER || declared > length || (buf[0] & 0xFF) != ACCOUNTING_REQUEST) {
      return -1;
    }
    int i = HEADER;
    while (i < declared) {
      if (i + 2 > declared) {
        return -1;
      }
      int alen = buf[i + 1] & 0xFF;
      if (alen < 2 || i + alen > declared) {
        return -1;
      }
      i += alen;
    }
    return declared;
  }

  /** RFC 2866 §3: MD5(Code + Identifier + Length + 16 zero octets + Attributes + Secret). */
  private boolean authenticatorValid(byte[] buf, int declared) {
    md5.reset();
    md5.update(buf, 0, 4);
    md5.update(ZERO_AUTHENTICATOR);
    md5.update(buf, HEADER, declared - HEADER);
    md5.update(secret);
    byte[] digest = md5.digest();
    return MessageDigest.isEqual(digest, Arrays.copyOfRange(buf, 4, HEADER));
  }

  /**
   * An Accounting-Response without attributes (RFC 2866 §4.2): Response Authenticator =
   * MD5(Code + Identifier + Length + Request Authenticator + Secret).
   */
  private byte[] response(int identifier, byte[] requestAuthenticator) {
    byte[] r = new byte[HEADER];
    r[0] = (byte) ACCOUNTING_RESPONSE;
    r[1] = (byte) identifier;
    r[3] = (byte) HEADER;
    md5.reset();
    md5.update(r, 0, 4);
    md5.update(requestAuthenticator);
    md5.update(secret);
    System.arraycopy(md5.digest(), 0, r, 4, 16);
    return r;
  }

  private void send(byte[] response, InetAddress to, int port) {
    try {
      if (channel.send(ByteBuffer.wrap(response), new InetSocketAddress(to, port)) == 0) {
        LOG.debug("SORM RADIUS bridge: send buffer full, response to {}:{} dropped (the client retransmits)", to, port);
      }
    } catch (IOException e) {
      if (!closed) {
        LOG.info("SORM RADIUS bridge: sending a response to {}:{} failed: {}", to, port, e.toString());
      }
    }
  }

  /** What one request says about a call. */
  private static final class Request {
    @Nullable String sessionId;
    @Nullable String calling;
    @Nullable String called;
    @Nullable String sormDigitsA;
    @Nullable String sormNiA;
    @Nullable String sormDigitsB;
    @Nullable String sormNiB;
    boolean answerPhase;
    long disconnectCode = -1;
    long timestamp = -1;
  }

  /**
   * Processes a request with a verified secret (attributes already walked by {@link
   * #structureLength}); returns false if it is unusable (malformed).
   */
  private boolean process(byte[] buf, int declared) {
    long status = -1;
    Request r = new Request();
    for (int i = HEADER; i < declared; i += buf[i + 1] & 0xFF) {
      int from = i + 2;
      int len = (buf[i + 1] & 0xFF) - 2;
      switch (buf[i] & 0xFF) {
        case EltexRadius.ACCT_STATUS_TYPE -> status = unsigned(buf, from, len);
        case EltexRadius.ACCT_SESSION_ID -> r.sessionId = utf8(buf, from, len);
        case EltexRadius.CALLING_STATION_ID -> r.calling = utf8(buf, from, len);
        case EltexRadius.CALLED_STATION_ID -> r.called = utf8(buf, from, len);
        case EltexRadius.EVENT_TIMESTAMP -> r.timestamp = unsigned(buf, from, len);
        case EltexRadius.VENDOR_SPECIFIC -> {
          if (!vendor(buf, from, len, r)) {
            LOG.debug("SORM RADIUS bridge: malformed Vendor-Specific attribute");
            return false;
          }
        }
        default -> { }
      }
    }
    if (status < 0) {
      LOG.debug("SORM RADIUS bridge: request without Acct-Status-Type");
      return false;
    }
    if (status == EltexRadius.STATUS_ACCOUNTING_ON || status == EltexRadius.STATUS_ACCOUNTING_OFF) {
      releaseAll(r);
      return true;
    }
    if (status != EltexRadius.STATUS_START && status != EltexRadius.STATUS_STOP && status != EltexRadius.STATUS_INTERIM_UPDATE) {
      return true;
    }
    String session = r.sessionId;
    if (session == null || session.isEmpty()) {
      LOG.debug("SORM RADIUS bridge: accounting {} without Acct-Session-Id", status);
      return false;
    }
    if (status == EltexRadius.STATUS_START) {
      start(session, r);
    } else if (status == EltexRadius.STATUS_INTERIM_UPDATE) {
      if (r.answerPhase) {
        answer(session, r);
      }
    } else {
      stop(session, r);
    }
    return true;
  }

  /** Reads an RFC 2865 §5.26 Vendor-Specific attribute; false if its sub-attributes are malformed. */
  private static boolean vendor(byte[] buf, int from, int len, Request r) {
    if (len < 4) {
      return false;
    }
    long vendor = unsigned(buf, from, 4);
    if (vendor != EltexRadius.VENDOR_ID) {
      return true;
    }
    int end = from + len;
    for (int i = from + 4; i < end; ) {
      if (i + 2 > end || (buf[i + 1] & 0xFF) < 2 || i + (buf[i + 1] & 0xFF) > end) {
        return false;
      }
      int type = buf[i] & 0xFF;
      int dataFrom = i + 2;
      int dataLen = (buf[i + 1] & 0xFF) - 2;
      i += dataLen + 2;
      if (type == EltexRadius.DISCONNECT_CODE_LOCAL) {
        r.disconnectCode = unsigned(buf, dataFrom, dataLen);
      } else if (type == EltexRadius.AVPAIR) {
        String pair = utf8(buf, dataFrom, dataLen);
        int eq = pair.indexOf('=');
        if (eq <= 0) {
          continue;
        }
        String name = pair.substring(0, eq).trim();
        String value = pair.substring(eq + 1).trim();
        switch (name) {
          case EltexRadius.SORM_DIGITS_A -> r.sormDigitsA = value;
          case EltexRadius.SORM_NI_A -> r.sormNiA = value;
          case EltexRadius.SORM_DIGITS_B -> r.sormDigitsB = value;
          case EltexRadius.SORM_NI_B -> r.sormNiB = value;
          case EltexRadius.PHASE -> r.answerPhase |= EltexRadius.PHASE_ANSWER.equals(value);
          default -> { }
        }
      }
    }
    return true;
  }

  private static String utf8(byte[] buf, int from, int len) {
    return new String(buf, from, len, StandardCharsets.UTF_8);
  }

  /** A 4-byte unsigned integer, or -1 if the length is not 4. */
  private static long unsigned(byte[] buf, int from, int len) {
    if (len != 4) {
      return -1;
    }
    return ((buf[from] & 0xFFL) << 24) | ((buf[from + 1] & 0xFFL) << 16) | ((buf[from + 2] & 0xFFL) << 8) | (buf[from + 3] & 0xFFL);
  }

  private void start(String session, Request r) {
    if (sessions.containsKey(session)) {
      return;
    }
    PhoneNumber a = number(r.sormDigitsA, r.sormNiA, r.calling);
    PhoneNumber b = number(r.sormDigitsB, r.sormNiB, r.called);
    if (!a.isPresent() && !b.isPresent()) {
      return;
    }
    @Nullable LocalDateTime at = time(r);
    if (sessions.size() >= maxCalls) {
      if (station.matches(a, b)) {
        long n = overflow.incrementAndGet();
        if (n == 1 || n % 1000 == 0) {
          LOG.warn("SORM RADIUS bridge: call table full ({} calls): call {} not intercepted ({} refused so far)", maxCalls, session, n);
        }
      }
      return;
    }
    int number = allocate();
    List<Kpd2Message> out = queue(() -> station.callStarted(number, a, b, adaptation, at));
    if (out.isEmpty()) {
      used[number] = false;
      return;
    }
    sessions.put(session, number);
    activeCount = sessions.size();
    answered[number] = false;
    intercepted.incrementAndGet();
  }

  private int allocate() {
    for (int i = 0; i < MAX_CALLS; i++) {
      int n = nextNumber;
      nextNumber = n + 1 == MAX_CALLS ? 0 : n + 1;
      if (!used[n]) {
        used[n] = true;
        return n;
      }
    }
    throw new IllegalStateException("no free call number with " + sessions.size() + " active calls");
  }

  private void answer(String session, Request r) {
    Integer number = sessions.get(session);
    if (number == null || answered[number]) {
      return;
    }
    answered[number] = true;
    @Nullable LocalDateTime at = time(r);
    queue(() -> station.callAnswered(number, at));
  }

  private void stop(String session, Request r) {
    Integer number = sessions.remove(session);
    if (number == null) {
      return;
    }
    activeCount = sessions.size();
    used[number] = false;
    ReleaseCause cause = r.disconnectCode >= 0
        ? releaseCause(r.disconnectCode)
        : answered[number] ? ReleaseCause.AFTER_CONVERSATION : ReleaseCause.NO_ANSWER;
    @Nullable LocalDateTime at = time(r);
    queue(() -> station.callReleased(number, cause, at));
  }

  private void releaseAll(Request r) {
    if (sessions.isEmpty()) {
      return;
    }
    LOG.info("SORM RADIUS bridge: accounting on/off: releasing {} active calls", sessions.size());
    @Nullable LocalDateTime at = time(r);
    for (Integer number : new ArrayList<>(sessions.values())) {
      used[number] = false;
      queue(() -> station.callReleased(number, ReleaseCause.TECHNICAL, at));
    }
    sessions.clear();
    activeCount = 0;
  }

  /**
   * Runs a station call and queues its КПД2 messages on the server under the server's КПД2 order
   * lock, so they keep the station's order relative to the messages of КПД1 commands (a command 6
   * handled after a call started must not reach the consoles before that call's message 1.1).
   */
  private List<Kpd2Message> queue(java.util.function.Supplier<List<Kpd2Message>> call) {
    List<Kpd2Message> out = server.queueKpd2(call);
    queuedKpd2 += out.size();
    return out;
  }

  private @Nullable LocalDateTime time(Request r) {
    return r.timestamp >= 0 ? LocalDateTime.ofInstant(Instant.ofEpochSecond(r.timestamp), station.zone()) : null;
  }

  private PhoneNumber number(@Nullable String sormDigits, @Nullable String sormNi, @Nullable String stationId) {
    NumberIndicator indicator = defaultIndicator;
    if (sormNi != null) {
      try {
        indicator = SormNi.parse(sormNi).indicator();
      } catch (IllegalArgumentException e) {
        LOG.debug("SORM RADIUS bridge: ignoring {}", e.getMessage());
      }
    }
    String digits = digits(sormDigits, false);
    if (digits == null) {
      digits = digits(stationId, true);
    }
    return digits == null ? PhoneNumber.NONE : PhoneNumber.of(indicator, digits);
  }

  /** Returns 1 to 18 digits, or null. */
  private static @Nullable String digits(@Nullable String text, boolean allowPlus) {
    if (text == null) {
      return null;
    }
    String t = allowPlus && text.startsWith("+") ? text.substring(1) : text;
    if (t.isEmpty() || t.length() > PhoneNumber.MAX_DIGITS) {
      return null;
    }
    for (int i = 0; i < t.length(); i++) {
      char c = t.charAt(i);
      if (c < '0' || c > '9') {
        return null;
      }
    }
    return t;
  }

  /**
   * Stops the receiver thread and closes the UDP socket; waits up to five seconds for the thread.
   * Idempotent. Active calls are forgotten (no message 1.3 is sent).
   */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    selector.wakeup();
    try {
      thread.join(TimeUnit.SECONDS.toMillis(5));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    try {
      channel.close();
      selector.close();
    } catch (IOException e) {
      LOG.debug("SORM RADIUS bridge close: {}", e.toString());
    }
    LOG.info("SORM RADIUS bridge closed");
  }
}
