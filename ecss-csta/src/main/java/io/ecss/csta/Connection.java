package io.ecss.csta;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jspecify.annotations.Nullable;

/**
 * One TCP/TLS link: a reader thread that decodes frames and hands them to a {@link Handler} (never
 * user code), and a single writer thread that owns the output stream. Neither holds a lock while
 * blocked on the network.
 */
final class Connection {

  interface Handler {
    /** Called on the reader thread for each frame, in order. */
    void onFrame(Connection c, CstaFrame frame);

    /** Called once, on the reader thread, when the link ends for any reason. */
    void onClosed(Connection c, Throwable cause);
  }

  private static final long WRITE_FAILURE_GRACE_MILLIS = 500;

  final String peer;
  private final Socket socket;
  private final Socket raw;
  private final OutputStream out;
  private final InputStream in;
  private final Handler handler;
  private final ExecutorService writer;
  private final Thread reader;
  private final AtomicBoolean closed = new AtomicBoolean();
  private volatile @Nullable Throwable closeCause;
  /** Why the reader stopped (set before {@link #closed}); explains later write failures. */
  private volatile @Nullable Throwable readEnd;

  Connection(Socket socket, Socket raw, String peer, Handler handler) throws IOException {
    this.socket = socket;
    this.raw = raw;
    this.peer = peer;
    this.handler = handler;
    this.out = socket.getOutputStream();
    this.in = socket.getInputStream();
    this.writer =
        Executors.newSingleThreadExecutor(
            r -> {
              Thread t = new Thread(r, "ecss-csta-writer " + peer);
              t.setDaemon(true);
              return t;
            });
    this.reader = new Thread(this::readLoop, "ecss-csta-reader " + peer);
    this.reader.setDaemon(true);
  }

  void start() {
    reader.start();
  }

  /** Queues one frame; the future completes when its bytes were handed to the socket. */
  CompletableFuture<Void> write(int invokeId, String xml) {
    CompletableFuture<Void> done = new CompletableFuture<>();
    byte[] frame;
    try {
      frame = CstaFrames.encode(invokeId, xml);
    } catch (IllegalArgumentException e) {
      done.completeExceptionally(e);
      return done;
    }
    return writeBytes(frame, done);
  }

  /** Writes raw bytes (already framed), optionally split into the given chunk sizes. */
  CompletableFuture<Void> writeBytes(byte[] frame, CompletableFuture<Void> done) {
    if (closed.get()) {
      done.completeExceptionally(closedException());
      return done;
    }
    try {
      writer.execute(
          () -> {
            try {
              out.write(frame);
              out.flush();
              done.complete(null);
            } catch (IOException e) {
              // The peer usually said why before it went away (a TLS alert such as
              // certificate_required): give the reader a moment to read it, and report that.
              try {
                reader.join(WRITE_FAILURE_GRACE_MILLIS);
              } catch (InterruptedException ie) {
                Thread.currentThread().interrupt();
              }
              Throwable why = readEnd;
              CstaConnectionException ex =
                  new CstaConnectionException("write to " + peer + " failed", why != null ? why : e);
              if (why != null) {
                ex.addSuppressed(e);
              }
              done.completeExceptionally(ex);
              abort(ex);
            }
          });
    } catch (RejectedExecutionException e) {
      done.completeExceptionally(closedException());
    }
    return done;
  }

  private CstaConnectionException closedException() {
    Throwable why = readEnd;
    String msg = "connection to " + peer + " is closed";
    return why == null ? new CstaConnectionException(msg) : new CstaConnectionException(msg, why);
  }

  private void readLoop() {
    CstaFrameDecoder decoder = new CstaFrameDecoder();
    byte[] buf = new byte[16 * 1024];
    Throwable cause;
    try {
      while (true) {
        int n = in.read(buf);
        if (n < 0) {
          cause = new CstaConnectionException("connection to " + peer + " closed by the peer");
          break;
        }
        List<CstaFrame> frames = decoder.feed(buf, 0, n);
        for (CstaFrame f : frames) {
          handler.onFrame(this, f);
        }
      }
    } catch (IOException | RuntimeException e) {
      cause = e;
    }
    readEnd = cause;
    Throwable given = closeCause;
    closeQuietly();
    handler.onClosed(
        this,
        given != null
            ? given
            : cause instanceof CstaConnectionException
                ? cause
                : new CstaConnectionException("connection to " + peer + " lost: " + cause, cause));
  }

  /** Closes the link; the reader reports {@code cause} to the handler. Idempotent. */
  void abort(Throwable cause) {
    if (closeCause == null) {
      closeCause = cause instanceof CstaConnectionException
          ? cause
          : new CstaConnectionException("connection to " + peer + " aborted: " + cause, cause);
    }
    closeQuietly();
  }

  private void closeQuietly() {
    if (closed.compareAndSet(false, true)) {
      writer.shutdown();
      try {
        // Close the TCP socket first: closing an SSLSocket while the reader is blocked in read()
        // would wait for the reader to give up its lock.
        raw.close();
        socket.close();
      } catch (IOException ignored) {
        // the socket is gone either way
      }
    }
  }

  boolean isClosed() {
    return closed.get();
  }

  /** Waits for the reader and writer threads to end (after {@link #abort}). */
  void awaitThreads(long millis) throws InterruptedException {
    if (Thread.currentThread() != reader) {
      reader.join(millis);
    }
    writer.awaitTermination(millis, TimeUnit.MILLISECONDS);
  }
}
