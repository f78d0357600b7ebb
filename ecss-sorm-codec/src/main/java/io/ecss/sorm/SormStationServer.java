package io.ecss.sorm;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A SORM mediator on TCP: it listens on two ports, one for the КПД1 command link and one for
 * the КПД2 call-data links, and runs a {@link SormStation} (notes §6: each КПД is a separate TCP
 * port; frames are self-delimiting).
 *
 * <p>One console holds КПД1 at a time; a new КПД1 connection replaces the old one, and the
 * station state (started, object table, password) carries over, so a console that disconnects
 * and reconnects continues. Any number of КПД2 links may connect; message 2.3 and {@link
 * #sendKpd2(Kpd2Message)} go to every one of them.
 *
 * <p>Bad input never stops the server: a frame with a known header size that does not decode as a
 * command is answered by messages 7 and 8 refusing it ({@link SormStation#handleUndecodable}); bytes
 * that do not start a frame are skipped up to the next {@code 0xCC} and counted in {@link
 * #droppedBytes()}. With an idle timeout configured, a faulty link (no command within the period)
 * is logged at WARN with the number of discarded messages. A link whose peer stops reading is
 * closed once a write to it has made no progress for {@link #WRITE_TIMEOUT} (logged at WARN,
 * counted in {@link #stalledLinks()}), so one stuck console cannot stall the others.
 *
 * <p>Changes of what the server serves (consoles connecting and disconnecting, SORM started or
 * stopped, objects put on or taken off control, the idle timeout declaring the link faulty, the
 * counters of an attached {@link SormRadiusBridge}) go to {@link Listener}s added with {@link
 * #addListener}; they run on the server's event thread, never on a thread that reads or writes a
 * link.
 *
 * <p>Threads: an acceptor per port, a reader per connection (it reads through a buffer, so a
 * segment carrying many frames costs one read call), one output thread that sends queued table
 * messages (so command 13 can overtake them), one timer thread for the idle and write checks and, once a
 * listener is added, one event thread for the listeners. All stop on {@link #close()}.
 *
 * <p>Order: every КПД2 link receives the КПД2 messages of commands (2.1, 2.2, 2.3) and of calls
 * reported by a {@link SormRadiusBridge} (1.1, 1.2, 1.3, 2.2) in the order the station produced
 * them, whichever thread produced them; on КПД1, messages 7 and 8 of a command come before its
 * table data.
 *
 * <p>Thread-safe.
 */
public final class SormStationServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(SormStationServer.class);

  /**
   * How long a write to a link may block without any write to that link completing before the
   * link is closed (ten seconds): TCP has no write timeout of its own, and a КПД2 or КПД1 peer that
   * stops reading would otherwise block every thread that writes to it — the RADIUS bridge and
   * the КПД1 reader among them — for ever.
   */
  public static final Duration WRITE_TIMEOUT = Duration.ofSeconds(10);

  private final SormStation station;
  private final SormCodec codec;
  private final ServerSocket kpd1Server;
  private final ServerSocket kpd2Server;
  private final Set<Thread> threads = ConcurrentHashMap.newKeySet();
  private final List<Link> kpd2Links = new CopyOnWriteArrayList<>();
  private final ExecutorService output;
  private final ScheduledExecutorService timer;
  private final AtomicLong droppedBytes = new AtomicLong();
  private final AtomicLong undecodable = new AtomicLong();
  private final AtomicLong stalledLinks = new AtomicLong();
  private final Duration writeTimeout;
  private volatile @Nullable Link kpd1;
  private volatile boolean closed;
  private volatile @Nullable ScheduledFuture<?> idleTask;
  private final List<Listener> listeners = new CopyOnWriteArrayList<>();
  private final ExecutorService events;
  /** The listeners' thread, so close() called by a listener does not wait for itself. */
  private volatile @Nullable Thread eventThread;
  /** Guards the link fields' transitions and the last reported state, so events keep their order. */
  private final Object stateLock = new Object();
  /**
   * Orders КПД1 output: held while a command is handled and its messages 7 and 8 are written, and
   * while the output thread takes a table message, so a table is never sent before the execution
   * of the command that asked for it.
   */
  private final Object kpd1Order = new Object();
  /**
   * Orders КПД2 output, part 1: held while the station produces КПД2 messages (a command on КПД1,
   * a call reported by a {@link SormRadiusBridge}) and they are added to {@link #kpd2Queue}, so the
   * queue holds them in the order the station produced them, whichever thread produced them.
   */
  private final Object kpd2QueueLock = new Object();
  /** КПД2 messages produced and not yet taken for writing; guarded by {@link #kpd2QueueLock}. */
  private ArrayList<Kpd2Message> kpd2Queue = new ArrayList<>();
  /**
   * Orders КПД2 output, part 2: held while queued messages are taken and written to the links, so
   * batches taken one after the other are written in that order to every link.
   */
  private final Object kpd2Write = new Object();
  /** The batch being written (swapped with {@link #kpd2Queue}); guarded by {@link #kpd2Write}. */
  private ArrayList<Kpd2Message> kpd2Sending = new ArrayList<>();
  private boolean reportedStarted;
  private int reportedObjects;
  private boolean reportedFaulty;

  /**
   * Receives changes of what a {@link SormStationServer} serves. Every method has an empty default,
   * so a listener implements only what it needs.
   *
   * <p>Listeners run on the server's event thread ({@code ecss-sorm-station-events <КПД1 port>}),
   * one call at a time, in the order the changes happened — never on a thread that reads or writes
   * a link, so a slow listener delays later events, not the links. A {@link RuntimeException}
   * thrown by a listener is logged at WARN and ignored: the server and the other listeners go on.
   *
   * <p>Station changes (started, objects, link faulty) are the ones made through this server: by
   * commands on КПД1 and by its idle timer. A listener learns the changes from the moment it is
   * added; read the current state from {@link #hasKpd1()}, {@link #kpd2Count()} and {@link
   * #station()} after adding it.
   */
  public interface Listener {
    /**
     * A console took the КПД1 link. A console replacing the previous one is reported by this alone
     * (the link stays held, so no {@link #kpd1Disconnected} comes in between).
     *
     * @param remote the console's address
     */
    default void kpd1Connected(InetSocketAddress remote) {}

    /**
     * The console holding the КПД1 link went away (or its link failed); no console holds КПД1 now.
     *
     * @param remote the console's address
     */
    default void kpd1Disconnected(InetSocketAddress remote) {}

    /**
     * A КПД2 link connected.
     *
     * @param remote the peer's address
     * @param links how many КПД2 links are connected now
     */
    default void kpd2Connected(InetSocketAddress remote, int links) {}

    /**
     * A КПД2 link went away.
     *
     * @param remote the peer's address
     * @param links how many КПД2 links are connected now
     */
    default void kpd2Disconnected(InetSocketAddress remote, int links) {}

    /** SORM was started (command 1 accepted). */
    default void sormStarted() {}

    /** SORM was stopped (command 2 accepted). */
    default void sormStopped() {}

    /**
     * The number of objects on control changed (command 5 put one on control, command 6 took one off).
     *
     * @param count how many objects are on control now
     */
    default void objectsChanged(int count) {}

    /**
     * The idle timeout declared the КПД1 link faulty: output is blocked and the queued output was
     * discarded.
     *
     * @param discardedSoFar how many messages the idle timeout discarded since the station was
     *     created ({@link SormStation#discardedMessages()})
     */
    default void linkFaulty(long discardedSoFar) {}

    /** A frame (a command, even an undecodable one) arrived on the faulty КПД1 link: output flows again. */
    default void linkRestored() {}

    /**
     * The counters of a {@link SormRadiusBridge} serving this server changed. Coalesced: one call
     * may stand for many datagrams, so read the bridge's counters (they are current) rather than
     * counting calls.
     *
     * @param bridge the bridge
     */
    default void radiusCountersChanged(SormRadiusBridge bridge) {}
  }

  /** One accepted connection and its writer. */
  private static final class Link {
    final Socket socket;
    final SormFrameWriter writer;
    final String name;
    final InetSocketAddress remote;
    /** Threads inside a write on this link (holding or waiting for the writer's lock). */
    final AtomicInteger writing = new AtomicInteger();
    /** Writes completed on this link; the write watchdog looks for progress here. */
    final AtomicLong writesDone = new AtomicLong();
    /** Watchdog state, touched only by the timer thread. */
    long seenDone;
    long stalledSince = System.nanoTime();
    /** The watchdog closed this link (it stays listed until its reader ends; counted once). */
    boolean stalled;

    Link(Socket socket, SormCodec codec, String name) throws IOException {
      this.socket = socket;
      this.writer = SormFrameWriter.of(socket.getOutputStream(), codec);
      this.name = name;
      this.remote = (InetSocketAddress) socket.getRemoteSocketAddress();
    }

    void close() {
      try {
        socket.close();
      } catch (IOException e) {
        LOG.debug("closing {}: {}", name, e.toString());
      }
    }
  }

  private SormStationServer(SormStation station, ServerSocket kpd1Server, ServerSocket kpd2Server, Duration writeTimeout) {
    this.station = station;
    this.writeTimeout = writeTimeout;
    this.codec = station.config().codec();
    this.kpd1Server = kpd1Server;
    this.kpd2Server = kpd2Server;
    String port = String.valueOf(kpd1Server.getLocalPort());
    this.output = Executors.newSingleThreadExecutor(r -> daemon(r, "ecss-sorm-station-output " + port));
    this.timer = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "ecss-sorm-station-timer " + port));
    this.events = Executors.newSingleThreadExecutor(r -> {
      Thread t = daemon(r, "ecss-sorm-station-events " + port);
      eventThread = t;
      return t;
    });
    this.reportedStarted = station.isStarted();
    this.reportedObjects = station.objectCount();
    this.reportedFaulty = station.isLinkFaulty();
  }

  private static Thread daemon(Runnable r, String name) {
    Thread t = new Thread(r, name);
    t.setDaemon(true);
    return t;
  }

  /**
   * Binds both ports and starts serving.
   *
   * @param station the state machine to run
   * @param kpd1 where to listen for the КПД1 command link (port 0 picks a free port)
   * @param kpd2 where to listen for КПД2 links (port 0 picks a free port)
   * @return the running server
   * @throws IOException if a port cannot be bound
   */
  public static SormStationServer start(SormStation station, InetSocketAddress kpd1, InetSocketAddress kpd2)
      throws IOException {
    return start(station, kpd1, kpd2, WRITE_TIMEOUT);
  }

  /** {@link #start(SormStation, InetSocketAddress, InetSocketAddress)} with another write timeout (tests). */
  static SormStationServer start(
      SormStation station, InetSocketAddress kpd1, InetSocketAddress kpd2, Duration writeTimeout) throws IOException {
    Objects.requireNonNull(station, "station");
    if (writeTimeout.isNegative() || writeTimeout.isZero()) {
      throw new IllegalArgumentException("writeTimeout: " + writeTimeout + " (expected positive)");
    }
    ServerSocket s1 = new ServerSocket();
    ServerSocket s2 = new ServerSocket();
    try {
      s1.setReuseAddress(true);
      s2.setReuseAddress(true);
      s1.bind(kpd1);
      s2.bind(kpd2);
    } catch (IOException e) {
      s1.close();
      s2.close();
      throw e;
    }
    SormStationServer server = new SormStationServer(station, s1, s2, writeTimeout);
    server.startThreads();
    return server;
  }

  private void startThreads() {
    spawn(() -> acceptLoop(kpd1Server, true), "ecss-sorm-station-accept КПД1 " + kpd1Server.getLocalPort());
    spawn(() -> acceptLoop(kpd2Server, false), "ecss-sorm-station-accept КПД2 " + kpd2Server.getLocalPort());
    long idle = station.config().idleTimeout().toMillis();
    if (idle > 0) {
      long period = Math.max(10, Math.min(1000, idle / 4));
      idleTask = timer.scheduleWithFixedDelay(this::checkIdle, period, period, TimeUnit.MILLISECONDS);
    }
    long check = Math.max(10, Math.min(1000, writeTimeout.toMillis() / 4));
    var unused = timer.scheduleWithFixedDelay(this::checkWrites, check, check, TimeUnit.MILLISECONDS);
    LOG.info("SORM station listening: КПД1 {}, КПД2 {}", kpd1Server.getLocalSocketAddress(), kpd2Server.getLocalSocketAddress());
  }

  private void spawn(Runnable body, String name) {
    Thread t = daemon(() -> {
      try {
        body.run();
      } finally {
        threads.remove(Thread.currentThread());
      }
    }, name);
    threads.add(t);
    t.start();
  }

  /**
   * Returns the station this server runs.
   *
   * @return the station
   */
  public SormStation station() {
    return station;
  }

  /**
   * Returns the bound КПД1 address.
   *
   * @return the local address of the КПД1 port
   */
  public InetSocketAddress kpd1Address() {
    return (InetSocketAddress) kpd1Server.getLocalSocketAddress();
  }

  /**
   * Returns the bound КПД2 address.
   *
   * @return the local address of the КПД2 port
   */
  public InetSocketAddress kpd2Address() {
    return (InetSocketAddress) kpd2Server.getLocalSocketAddress();
  }

  /**
   * Returns whether a console holds the КПД1 link.
   *
   * @return {@code true} if connected
   */
  public boolean hasKpd1() {
    return kpd1 != null;
  }

  /**
   * Returns how many КПД2 links are connected.
   *
   * @return the count
   */
  public int kpd2Count() {
    return kpd2Links.size();
  }

  /**
   * Returns how many received bytes were skipped because they did not start a frame.
   *
   * @return the count
   */
  public long droppedBytes() {
    return droppedBytes.get();
  }

  /**
   * Returns how many frames could not be decoded as commands (and were refused).
   *
   * @return the count
   */
  public long undecodableFrames() {
    return undecodable.get();
  }

  /**
   * Returns how many links were closed because a write to them made no progress for {@link
   * #WRITE_TIMEOUT} (a peer that stopped reading while its TCP buffers were full).
   *
   * @return the count
   */
  public long stalledLinks() {
    return stalledLinks.get();
  }

  /**
   * Adds a listener for the changes from now on (see {@link Listener} for the thread it runs on).
   *
   * @param listener the listener
   */
  public void addListener(Listener listener) {
    listeners.add(Objects.requireNonNull(listener, "listener"));
  }

  /**
   * Removes a listener; an event already being delivered may still reach it.
   *
   * @param listener the listener
   * @return whether it was added before
   */
  public boolean removeListener(Listener listener) {
    return listeners.remove(listener);
  }

  /** Queues an event for the listeners; called under {@link #stateLock} so events keep their order. */
  private void fire(Consumer<Listener> event) {
    if (listeners.isEmpty()) {
      return;
    }
    try {
      events.execute(() -> deliver(event));
    } catch (RejectedExecutionException e) {
      LOG.debug("SORM station closed; event not delivered");
    }
  }

  private void deliver(Consumer<Listener> event) {
    for (Listener l : listeners) {
      try {
        event.accept(l);
      } catch (RuntimeException e) {
        LOG.warn("SORM station listener failed: {}", e.toString(), e);
      }
    }
  }

  /**
   * Tells the listeners that a bridge's counters changed, once per run of changes: {@code pending}
   * (the bridge's own flag) stays set until the event is delivered, so a busy bridge costs one
   * volatile read per batch.
   */
  void radiusCountersChanged(SormRadiusBridge bridge, AtomicBoolean pending) {
    if (listeners.isEmpty() || pending.get() || !pending.compareAndSet(false, true)) {
      return;
    }
    try {
      events.execute(() -> {
        pending.set(false);
        deliver(l -> l.radiusCountersChanged(bridge));
      });
    } catch (RejectedExecutionException e) {
      pending.set(false);
    }
  }

  /** Reports what a command or the idle timer changed in the station. */
  private void stationChanged() {
    synchronized (stateLock) {
      boolean started = station.isStarted();
      int objects = station.objectCount();
      boolean faulty = station.isLinkFaulty();
      if (faulty != reportedFaulty && !faulty) {
        reportedFaulty = false;
        fire(Listener::linkRestored);
      }
      if (started != reportedStarted) {
        reportedStarted = started;
        fire(started ? Listener::sormStarted : Listener::sormStopped);
      }
      if (objects != reportedObjects) {
        reportedObjects = objects;
        fire(l -> l.objectsChanged(objects));
      }
      if (faulty != reportedFaulty) {
        reportedFaulty = true;
        long discarded = station.discardedMessages();
        fire(l -> l.linkFaulty(discarded));
      }
    }
  }

  /**
   * Sends a КПД2 message (a call event) to every connected КПД2 link; a link whose write fails is
   * closed.
   *
   * @param message the message
   * @return how many links it was written to
   */
  public int sendKpd2(Kpd2Message message) {
    Objects.requireNonNull(message, "message");
    synchronized (kpd2Write) {
      int n = 0;
      for (Link l : kpd2Links) {
        if (write(l, message)) {
          n++;
        }
      }
      return n;
    }
  }

  /**
   * Sends several КПД2 messages to every connected КПД2 link, in order, with as few TCP writes as
   * possible ({@link SormFrameWriter#writeAll}: whole frames, at most 1,400 bytes per write); a
   * link whose write fails is closed.
   *
   * @param messages the messages
   * @return how many links they were written to
   */
  public int sendKpd2(List<Kpd2Message> messages) {
    Objects.requireNonNull(messages, "messages");
    if (messages.isEmpty()) {
      return 0;
    }
    synchronized (kpd2Write) {
      return writeKpd2(messages);
    }
  }

  /**
   * Runs {@code producer} (a station call that produces КПД2 messages) and queues what it returns,
   * both under {@link #kpd2QueueLock}, so the messages are queued in the station's order; {@link
   * #flushKpd2()} writes them.
   *
   * @return what the producer returned
   */
  List<Kpd2Message> queueKpd2(Supplier<List<Kpd2Message>> producer) {
    synchronized (kpd2QueueLock) {
      List<Kpd2Message> out = producer.get();
      kpd2Queue.addAll(out);
      return out;
    }
  }

  /**
   * Writes every queued КПД2 message to every КПД2 link, in the order they were queued.
   *
   * @return how many messages were taken from the queue
   */
  int flushKpd2() {
    synchronized (kpd2Write) {
      ArrayList<Kpd2Message> batch = kpd2Sending;
      synchronized (kpd2QueueLock) {
        if (kpd2Queue.isEmpty()) {
          return 0;
        }
        kpd2Sending = kpd2Queue;
        kpd2Queue = batch;
      }
      batch = kpd2Sending;
      try {
        writeKpd2(batch);
        return batch.size();
      } finally {
        batch.clear();
      }
    }
  }

  /** Writes messages to every КПД2 link (caller holds {@link #kpd2Write}). */
  private int writeKpd2(List<Kpd2Message> messages) {
    int n = 0;
    for (Link l : kpd2Links) {
      l.writing.incrementAndGet();
      try {
        l.writer.writeAll(messages);
        l.writesDone.incrementAndGet();
        n++;
      } catch (IOException e) {
        LOG.info("SORM {} write failed, closing: {}", l.name, e.toString());
        l.close();
      } finally {
        l.writing.decrementAndGet();
      }
    }
    return n;
  }

  private boolean write(Link link, SormMessage m) {
    link.writing.incrementAndGet();
    try {
      link.writer.write(m);
      link.writesDone.incrementAndGet();
      return true;
    } catch (IOException e) {
      LOG.info("SORM {} write failed, closing: {}", link.name, e.toString());
      link.close();
      return false;
    } finally {
      link.writing.decrementAndGet();
    }
  }

  /**
   * The write watchdog (timer thread): a link with a write in progress and no write completed for
   * {@link #writeTimeout} is closed, which fails the blocked write, so a peer that stops reading
   * cannot hold the threads that write to it (the RADIUS bridge, the КПД1 reader) for ever.
   */
  private void checkWrites() {
    long now = System.nanoTime();
    Link l1 = kpd1;
    if (l1 != null) {
      checkWrite(l1, now);
    }
    for (Link l : kpd2Links) {
      checkWrite(l, now);
    }
  }

  private void checkWrite(Link link, long now) {
    long done = link.writesDone.get();
    if (link.writing.get() == 0 || done != link.seenDone) {
      link.seenDone = done;
      link.stalledSince = now;
      return;
    }
    if (!link.stalled && now - link.stalledSince >= writeTimeout.toNanos()) {
      link.stalled = true;
      stalledLinks.incrementAndGet();
      LOG.warn("SORM {}: no write completed for {} ms (the peer does not read): closing the link",
          link.name, TimeUnit.NANOSECONDS.toMillis(now - link.stalledSince));
      link.close();
    }
  }

  private void acceptLoop(ServerSocket server, boolean isKpd1) {
    while (!closed) {
      Socket s;
      try {
        s = server.accept();
      } catch (IOException e) {
        if (!closed) {
          LOG.warn("SORM station accept failed on {}: {}", server.getLocalSocketAddress(), e.toString());
        }
        return;
      }
      try {
        s.setTcpNoDelay(true);
        String name = (isKpd1 ? "КПД1 " : "КПД2 ") + s.getRemoteSocketAddress();
        Link link = new Link(s, codec, name);
        Link old = null;
        synchronized (stateLock) {
          // Checked under the lock close() takes to close the links, so a link is either closed
          // there or never registered.
          if (closed) {
            link.close();
            return;
          }
          if (isKpd1) {
            old = kpd1;
            kpd1 = link;
            fire(l -> l.kpd1Connected(link.remote));
          } else {
            kpd2Links.add(link);
            int n = kpd2Links.size();
            fire(l -> l.kpd2Connected(link.remote, n));
          }
          updateLinkStates();
        }
        if (old != null) {
          LOG.info("SORM {} replaces {}", name, old.name);
          old.close();
        }
        LOG.info("SORM station: {} connected", name);
        spawn(() -> readLoop(link, isKpd1), "ecss-sorm-station-reader " + name);
      } catch (IOException e) {
        LOG.info("SORM station: setting up a connection failed: {}", e.toString());
        closeQuietly(s);
      }
    }
  }

  private static void closeQuietly(Socket s) {
    try {
      s.close();
    } catch (IOException e) {
      LOG.debug("close: {}", e.toString());
    }
  }

  /**
   * Tells the station which links are connected (messages 9 and 2.3 report it). Called under
   * {@link #stateLock} with the change, so a link connecting while another disconnects cannot
   * leave the older count set last.
   */
  private void updateLinkStates() {
    int n = Math.min(8, kpd2Links.size());
    station.setLinkStates(kpd1 != null ? 0x01 : 0x00, (1 << n) - 1);
  }

  private void readLoop(Link link, boolean isKpd1) {
    try (InputStream stream = link.socket.getInputStream()) {
      LinkInput in = new LinkInput(stream);
      byte[] frame = new byte[SormCodec.MAX_FRAME_LENGTH];
      while (true) {
        int b = in.read();
        if (b < 0) {
          break;
        }
        if (b != SormCodec.PREAMBLE) {
          droppedBytes.incrementAndGet();
          continue;
        }
        frame[0] = (byte) b;
        in.readFully(frame, 1, 3);
        int code = frame[2] & 0xFF;
        int header = SormCodec.headerLength(code);
        if (header < 0) {
          // Cannot delimit the frame: skip to the next preamble.
          droppedBytes.addAndGet(4);
          undecodable.incrementAndGet();
          if (isKpd1) {
            reply(link, () -> station.handleUndecodable(code));
            stationChanged();
          }
          continue;
        }
        int length = header + (frame[3] & 0xFF);
        in.readFully(frame, 4, length - 4);
        if (isKpd1) {
          onKpd1Frame(link, frame, length, code);
        } else if (LOG.isTraceEnabled()) {
          LOG.trace("SORM {}: ignoring frame code {} on КПД2", link.name, CodeTable.hex(code));
        }
      }
    } catch (EOFException e) {
      LOG.debug("SORM {}: stream ended inside a frame", link.name);
    } catch (SocketException e) {
      LOG.debug("SORM {}: {}", link.name, e.toString());
    } catch (IOException e) {
      LOG.info("SORM {} read failed: {}", link.name, e.toString());
    } finally {
      link.close();
      synchronized (stateLock) {
        if (isKpd1) {
          if (kpd1 == link) {
            kpd1 = null;
            fire(l -> l.kpd1Disconnected(link.remote));
          }
        } else if (kpd2Links.remove(link)) {
          int n = kpd2Links.size();
          fire(l -> l.kpd2Disconnected(link.remote, n));
        }
        updateLinkStates();
      }
      LOG.info("SORM station: {} disconnected", link.name);
    }
  }

  /**
   * A link's input read through a buffer: one read call takes whatever TCP delivered (a frame in
   * pieces or many frames), and the frame loop takes its bytes from memory.
   */
  private static final class LinkInput {
    private final InputStream in;
    private final byte[] buf = new byte[8192];
    private int pos;
    private int limit;

    LinkInput(InputStream in) {
      this.in = in;
    }

    /** The next byte, or -1 at the end of the stream. */
    int read() throws IOException {
      if (pos == limit && !fill()) {
        return -1;
      }
      return buf[pos++] & 0xFF;
    }

    /** Reads exactly {@code len} bytes; {@link EOFException} if the stream ends first. */
    void readFully(byte[] dst, int off, int len) throws IOException {
      int at = off;
      int left = len;
      while (left > 0) {
        if (pos == limit && !fill()) {
          throw new EOFException();
        }
        int n = Math.min(left, limit - pos);
        System.arraycopy(buf, pos, dst, at, n);
        pos += n;
        at += n;
        left -= n;
      }
    }

    private boolean fill() throws IOException {
      int n = in.read(buf, 0, buf.length);
      if (n < 0) {
        return false;
      }
      pos = 0;
      limit = n;
      return true;
    }
  }

  private void onKpd1Frame(Link link, byte[] frame, int length, int code) {
    SormMessage m;
    try {
      m = codec.decode(frame, 0, length);
    } catch (SormException e) {
      undecodable.incrementAndGet();
      LOG.debug("SORM {}: undecodable frame code {}: {}", link.name, CodeTable.hex(code), e.getMessage());
      reply(link, () -> station.handleUndecodable(code));
      stationChanged();
      return;
    }
    if (m instanceof SormCommand c) {
      if (LOG.isTraceEnabled()) {
        LOG.trace("SORM {}: command {} ({} bytes)", link.name, CodeTable.hex(code), length);
      }
      reply(link, () -> station.handle(c));
    } else {
      undecodable.incrementAndGet();
      reply(link, () -> station.handleUndecodable(code));
    }
    stationChanged();
  }

  /**
   * Runs {@code handler} (the station's answer to one frame) and writes its КПД1 messages under
   * {@link #kpd1Order}, then sends its КПД2 messages and wakes the output thread for a table.
   */
  private void reply(Link link, Supplier<StationReply> handler) {
    StationReply r;
    boolean written = true;
    synchronized (kpd1Order) {
      synchronized (kpd2QueueLock) {
        r = handler.get();
        kpd2Queue.addAll(r.kpd2());
      }
      for (Kpd1Message m : r.kpd1()) {
        if (!write(link, m)) {
          written = false;
          break;
        }
      }
    }
    if (!r.kpd2().isEmpty()) {
      flushKpd2();
    }
    if (written && station.pendingTableOutput() > 0) {
      try {
        output.execute(this::drainOutput);
      } catch (RejectedExecutionException closing) {
        LOG.debug("SORM {}: server closing, table output not sent", link.name);
      }
    }
  }

  private void drainOutput() {
    while (true) {
      Kpd1Message m;
      synchronized (kpd1Order) {
        m = station.pollTableOutput();
      }
      Link link = kpd1;
      if (m == null || link == null || !write(link, m)) {
        return;
      }
    }
  }

  private void checkIdle() {
    int discarded = station.checkIdle();
    if (discarded >= 0) {
      LOG.warn("SORM link idle for {} ms: declared faulty, output blocked, {} queued messages discarded",
          station.config().idleTimeout().toMillis(), discarded);
      stationChanged();
    }
  }

  /**
   * Stops listening, closes every link and stops all threads of the server; waits up to five
   * seconds for them. Events already queued (the links' disconnections among them) are delivered
   * to the listeners before the event thread stops (when a listener calls this, they are delivered
   * after it returns). Idempotent.
   */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    try {
      kpd1Server.close();
      kpd2Server.close();
    } catch (IOException e) {
      LOG.debug("close: {}", e.toString());
    }
    Link l;
    List<Link> links;
    synchronized (stateLock) {
      // An acceptor registers a link under this lock after checking closed, so every link is here.
      l = kpd1;
      links = List.copyOf(kpd2Links);
    }
    if (l != null) {
      l.close();
    }
    for (Link k : links) {
      k.close();
    }
    ScheduledFuture<?> idle = idleTask;
    if (idle != null) {
      idle.cancel(false);
    }
    output.shutdownNow();
    timer.shutdownNow();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    try {
      for (Thread t : List.copyOf(threads)) {
        t.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
      }
      output.awaitTermination(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
      timer.awaitTermination(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
      // The readers are gone: deliver their last events (disconnections), then stop.
      events.shutdown();
      if (Thread.currentThread() != eventThread && !events.awaitTermination(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
        events.shutdownNow();
      }
    } catch (InterruptedException e) {
      events.shutdownNow();
      Thread.currentThread().interrupt();
    }
    LOG.info("SORM station closed");
  }
}
