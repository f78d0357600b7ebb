package io.ecss.benchmarks.csta;

import io.ecss.csta.CstaClient;
import io.ecss.csta.CstaSimulator;
import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * {@code RequestSystemStatus} round trips against {@link CstaSimulator} on loopback (client and
 * simulator in the same JVM, sharing the CPUs), with 1 and with 64 requests in flight. Each
 * benchmark runs in Throughput (requests/s) and SampleTime (p50/p99 latency per request) mode.
 *
 * <ul>
 *   <li>{@code ours1} / {@code ours64}: {@link CstaClient} shared by 1 or 64 threads, each
 *       waiting for its own future ({@code requestSystemStatus().join()}); with 64 threads the
 *       requests are pipelined on the one connection.
 *   <li>{@code baseline1} / {@code baseline64}: the blocking client one writes first — one
 *       socket, a lock held for write-request-then-read-response, {@code DocumentBuilder} parsing
 *       of the answer (outside the lock, one builder per thread), invoke id checked. With 64
 *       threads they queue on the lock: one request on the wire at a time.
 *   <li>{@code oursPipelined64}: one thread issues 64 requests and waits for all (throughput
 *       only).
 * </ul>
 */
@State(Scope.Benchmark)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@BenchmarkMode({Mode.Throughput, Mode.SampleTime})
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class CstaRoundTripBenchmark {
  static final int IN_FLIGHT = 64;

  CstaSimulator sim;
  CstaClient client;
  BlockingCstaClient baseline;

  @Setup(Level.Trial)
  public void setup() throws Exception {
    sim = CstaSimulator.builder().port(0).devices(List.of("101", "102")).build().start();
    client = CstaClient.builder("127.0.0.1", sim.port()).requestTimeout(Duration.ofSeconds(30)).build();
    client.connect().get(5, TimeUnit.SECONDS);
    baseline = new BlockingCstaClient("127.0.0.1", sim.port());
  }

  @TearDown(Level.Trial)
  public void tearDown() throws IOException {
    baseline.close();
    client.close();
    sim.close();
  }

  @Benchmark
  @Threads(1)
  public String ours1() {
    return client.requestSystemStatus().join().systemStatus();
  }

  @Benchmark
  @Threads(IN_FLIGHT)
  public String ours64() {
    return client.requestSystemStatus().join().systemStatus();
  }

  @Benchmark
  @Threads(1)
  public String baseline1() throws Exception {
    return baseline.requestSystemStatus();
  }

  @Benchmark
  @Threads(IN_FLIGHT)
  public String baseline64() throws Exception {
    return baseline.requestSystemStatus();
  }

  @Benchmark
  @Threads(1)
  @BenchmarkMode(Mode.Throughput)
  @OperationsPerInvocation(IN_FLIGHT)
  public Object oursPipelined64() {
    CompletableFuture<?>[] f = new CompletableFuture<?>[IN_FLIGHT];
    for (int i = 0; i < IN_FLIGHT; i++) {
      f[i] = client.requestSystemStatus();
    }
    return CompletableFuture.allOf(f).join();
  }

  /**
   * The straightforward blocking CSTA client: synchronous socket I/O under a lock, frames built
   * from UTF-8 bytes, the answer parsed with a (secure) {@code DocumentBuilder}.
   */
  static final class BlockingCstaClient implements AutoCloseable {
    private static final String NS = "http://www.ecma-international.org/standards/ecma-323/csta/ed3";
    private final Socket socket;
    private final DataInputStream in;
    private final OutputStream out;
    private final ThreadLocal<DocumentBuilder> parsers = ThreadLocal.withInitial(BlockingCstaClient::newParser);
    private int nextInvokeId; // guarded by this

    BlockingCstaClient(String host, int port) throws IOException, SAXException {
      socket = new Socket();
      socket.connect(new InetSocketAddress(host, port), 5_000);
      socket.setTcpNoDelay(true);
      in = new DataInputStream(socket.getInputStream());
      out = socket.getOutputStream();
      byte[] login = exchange(
          "<?xml version=\"1.0\" encoding=\"UTF-8\"?><StartApplicationSession "
              + "xmlns=\"http://www.ecma-international.org/standards/ecma-354/appl_session\"><applicationInfo>"
              + "<applicationID>baseline</applicationID></applicationInfo><requestedProtocolVersions>"
              + "<protocolVersion>" + NS + "</protocolVersion></requestedProtocolVersions>"
              + "<requestedSessionDuration>300</requestedSessionDuration></StartApplicationSession>");
      Document d = parse(login);
      if (!d.getDocumentElement().getLocalName().equals("StartApplicationSessionPosResponse")) {
        throw new IOException("login refused: " + d.getDocumentElement().getLocalName());
      }
    }

    private static DocumentBuilder newParser() {
      try {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return f.newDocumentBuilder();
      } catch (ParserConfigurationException e) {
        throw new IllegalStateException(e);
      }
    }

    String requestSystemStatus() throws IOException, SAXException {
      byte[] body = exchange("<?xml version=\"1.0\" encoding=\"UTF-8\"?><RequestSystemStatus xmlns=\"" + NS + "\"/>");
      Document d = parse(body);
      NodeList n = d.getElementsByTagNameNS("*", "systemStatus");
      if (n.getLength() == 0) {
        throw new IOException("no systemStatus in " + d.getDocumentElement().getLocalName());
      }
      return n.item(0).getTextContent();
    }

    private Document parse(byte[] body) throws IOException, SAXException {
      return parsers.get().parse(new ByteArrayInputStream(body));
    }

    /** Writes one request frame and reads frames until the one with the same invoke id. */
    private synchronized byte[] exchange(String xml) throws IOException {
      nextInvokeId = nextInvokeId % 9998 + 1;
      int id = nextInvokeId;
      byte[] body = xml.getBytes(StandardCharsets.UTF_8);
      byte[] frame = new byte[8 + body.length];
      frame[2] = (byte) (frame.length >>> 8);
      frame[3] = (byte) frame.length;
      byte[] digits = String.format("%04d", id).getBytes(StandardCharsets.US_ASCII);
      System.arraycopy(digits, 0, frame, 4, 4);
      System.arraycopy(body, 0, frame, 8, body.length);
      out.write(frame);
      out.flush();
      while (true) {
        byte[] header = new byte[8];
        in.readFully(header);
        int length = ((header[2] & 0xff) << 8) | (header[3] & 0xff);
        byte[] answer = new byte[length - 8];
        in.readFully(answer);
        int got = Integer.parseInt(new String(header, 4, 4, StandardCharsets.US_ASCII));
        if (got == id) {
          return answer;
        }
        // an event (9999) or a stray answer: not ours, skip it
      }
    }

    @Override
    public void close() throws IOException {
      socket.close();
    }
  }
}
