package io.ecss.benchmarks.csta;

import io.ecss.csta.ConnectionId;
import io.ecss.csta.CstaCodec;
import io.ecss.csta.CstaEvent;
import io.ecss.csta.CstaFrame;
import io.ecss.csta.CstaFrameDecoder;
import io.ecss.csta.CstaFrames;
import io.ecss.csta.CstaMessage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathExpression;
import javax.xml.xpath.XPathFactory;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * CSTA event decoding: frames off the wire (header + XML) to typed events. Ours: {@link
 * CstaFrameDecoder} + {@link CstaCodec} (StAX into a small element tree). Baseline: the same
 * frames through a secure {@code DocumentBuilder} and precompiled XPath expressions that pick the
 * same fields into the same records.
 */
@State(Scope.Benchmark)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class CstaDecodeBenchmark {
  static final int EVENTS = 6;

  byte[] stream;
  DocumentBuilder dom;
  XPathExpression root;
  XPathExpression xref;
  XPathExpression callId;
  XPathExpression deviceId;
  XPathExpression alerting;
  XPathExpression calling;
  XPathExpression called;
  XPathExpression answering;
  XPathExpression releasing;
  XPathExpression lci;
  XPathExpression cause;

  @Setup
  public void setup() throws Exception {
    ConnectionId c = ConnectionId.of("FF000100000000002D65C85C1C750000", "302118840100");
    List<CstaMessage> events =
        List.of(
            new CstaEvent.Delivered("12", c, "302118840100", "79001234567", "302118840100", null, "alerting", "newCall"),
            new CstaEvent.Established("12", c, "302118840100", "79001234567", "302118840100", null, "connected", "newCall"),
            new CstaEvent.ConnectionCleared("12", c, "79001234567", "connected", "normalClearing"),
            new CstaEvent.Delivered("13", ConnectionId.of("C2", "101"), "101", "Иванов", "101", "110", "alerting", "redirected"),
            new CstaEvent.Established("13", ConnectionId.of("C2", "101"), "101", "102", "101", null, "connected", "newCall"),
            new CstaEvent.ConnectionCleared("13", ConnectionId.of("C2", "102"), "102", "null", "normalClearing"));
    List<byte[]> frames = new ArrayList<>();
    int total = 0;
    for (CstaMessage m : events) {
      byte[] f = CstaFrames.encode(CstaFrames.EVENT_INVOKE_ID, CstaCodec.encode(m));
      frames.add(f);
      total += f.length;
    }
    stream = new byte[total];
    int pos = 0;
    for (byte[] f : frames) {
      System.arraycopy(f, 0, stream, pos, f.length);
      pos += f.length;
    }
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setNamespaceAware(true);
    f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
    f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    dom = f.newDocumentBuilder();
    XPath x = XPathFactory.newInstance().newXPath();
    root = x.compile("local-name(/*)");
    xref = x.compile("/*/*[local-name()='monitorCrossRefID']");
    callId = x.compile("/*/*[local-name()='connection' or local-name()='establishedConnection' or local-name()='droppedConnection']/*[local-name()='callID']");
    deviceId = x.compile("/*/*[local-name()='connection' or local-name()='establishedConnection' or local-name()='droppedConnection']/*[local-name()='deviceID']");
    alerting = x.compile("/*/*[local-name()='alertingDevice']/*[local-name()='deviceIdentifier']");
    calling = x.compile("/*/*[local-name()='callingDevice']/*[local-name()='deviceIdentifier']");
    called = x.compile("/*/*[local-name()='calledDevice']/*[local-name()='deviceIdentifier']");
    answering = x.compile("/*/*[local-name()='answeringDevice']/*[local-name()='deviceIdentifier']");
    releasing = x.compile("/*/*[local-name()='releasingDevice']/*[local-name()='deviceIdentifier']");
    lci = x.compile("/*/*[local-name()='localConnectionInfo']");
    cause = x.compile("/*/*[local-name()='cause']");
    // Both paths must agree before we time them.
    List<CstaMessage> a = new ArrayList<>();
    for (CstaFrame fr : new CstaFrameDecoder().feed(stream, 0, stream.length)) {
      a.add(CstaCodec.decode(fr.xml()));
    }
    List<CstaMessage> b = baselineDecode();
    if (!a.equals(events) || !b.equals(events)) {
      throw new IllegalStateException("decoders disagree:\n" + a + "\n" + b);
    }
  }

  @Benchmark
  @OperationsPerInvocation(EVENTS)
  public void ours(Blackhole bh) {
    for (CstaFrame f : new CstaFrameDecoder().feed(stream, 0, stream.length)) {
      bh.consume(CstaCodec.decode(f.xml()));
    }
  }

  @Benchmark
  @OperationsPerInvocation(EVENTS)
  public void domXPathBaseline(Blackhole bh) throws Exception {
    for (CstaMessage m : baselineDecode()) {
      bh.consume(m);
    }
  }

  private List<CstaMessage> baselineDecode() throws Exception {
    List<CstaMessage> out = new ArrayList<>(EVENTS);
    int pos = 0;
    while (pos < stream.length) {
      int len = ((stream[pos + 2] & 0xff) << 8) | (stream[pos + 3] & 0xff);
      Document d =
          dom.parse(new ByteArrayInputStream(stream, pos + CstaFrames.HEADER_LENGTH, len - CstaFrames.HEADER_LENGTH));
      pos += len;
      String name = root.evaluate(d);
      ConnectionId c = ConnectionId.of(callId.evaluate(d), deviceId.evaluate(d));
      String x = xref.evaluate(d);
      switch (name) {
        case "DeliveredEvent" -> out.add(new CstaEvent.Delivered(x, c, opt(alerting, d), opt(calling, d),
            opt(called, d), optRedirection(d), opt(lci, d), opt(cause, d)));
        case "EstablishedEvent" -> out.add(new CstaEvent.Established(x, c, opt(answering, d), opt(calling, d),
            opt(called, d), optRedirection(d), opt(lci, d), opt(cause, d)));
        case "ConnectionClearedEvent" -> out.add(new CstaEvent.ConnectionCleared(x, c, opt(releasing, d),
            opt(lci, d), opt(cause, d)));
        default -> throw new IllegalStateException(name);
      }
    }
    return out;
  }

  private static String opt(XPathExpression e, Document d) throws Exception {
    Element el = (Element) e.evaluate(d, XPathConstants.NODE);
    return el == null ? null : el.getTextContent().strip();
  }

  private static String optRedirection(Document d) {
    var nodes = d.getElementsByTagNameNS("*", "numberDialed");
    return nodes.getLength() == 0 ? null : nodes.item(0).getTextContent().strip();
  }

  static String utf8(byte[] b) {
    return new String(b, StandardCharsets.UTF_8);
  }
}
