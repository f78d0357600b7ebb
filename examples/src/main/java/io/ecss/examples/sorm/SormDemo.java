package io.ecss.examples.sorm;

import io.ecss.examples.DemoSection;
import io.ecss.sorm.Bytes;
import io.ecss.sorm.ControlCategory;
import io.ecss.sorm.Kpd1Message;
import io.ecss.sorm.NumberIndicator;
import io.ecss.sorm.ObjectType;
import io.ecss.sorm.PhoneNumber;
import io.ecss.sorm.Priority;
import io.ecss.sorm.SormCodec;
import io.ecss.sorm.SormMessage;
import io.ecss.sorm.StatusCode;
import io.ecss.sorm.Kpd2Message;
import io.ecss.sorm.NumberAdaptation;
import io.ecss.sorm.RadiusCall;
import io.ecss.sorm.SormConsole;
import io.ecss.sorm.SormNi;
import io.ecss.sorm.SormRadiusBridge;
import io.ecss.sorm.SormRadiusReporter;
import io.ecss.sorm.SormReply;
import io.ecss.sorm.SormStation;
import io.ecss.sorm.SormStationServer;
import io.ecss.sorm.SormTimeoutException;
import io.ecss.sorm.StationConfig;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The {@code ecss demo} section of ecss-sorm-codec: command 5 built, encoded and decoded back; then
 * a station and a console on loopback, SORM started, a number put on control, a call reported by
 * the softswitch through the RADIUS bridge and the КПД2 events the console receives. Ports are
 * chosen by the system and event times come from the RADIUS Event-Timestamp, so neither is printed.
 */
public final class SormDemo implements DemoSection {

  /** Creates the section. */
  public SormDemo() {}

  @Override
  public String module() {
    return "ecss-sorm-codec";
  }

  @Override
  public String title() {
    return "SORM console protocol";
  }

  @Override
  public void run(PrintWriter out) {
    SormCodec codec = SormCodec.DEFAULT;
    io.ecss.sorm.SormCommand.AddObject add =
        new io.ecss.sorm.SormCommand.AddObject(
            1,
            "123456",
            5,
            ObjectType.NODE_SUBSCRIBER,
            PhoneNumber.of(NumberIndicator.NODE_SUBSCRIBER, "2345678"),
            0xFFFF,
            ControlCategory.FULL_COMBINED,
            1,
            Priority.NORMAL);
    byte[] wire = codec.encode(add);
    out.println("Command 5 (put an object on control) for subscriber 2345678, object 5:");
    out.println("  " + Bytes.of(wire) + "  (" + wire.length + " bytes)");
    SormMessage back = codec.decode(wire);
    out.println("Decoded back: " + back);
    out.println("Round trip equal: " + back.equals(add));
    byte[] withA = codec.withDigitZero(io.ecss.sorm.DigitZero.A).encode(
        new io.ecss.sorm.SormCommand.ServiceListRequest(
            1, "123456", PhoneNumber.of(NumberIndicator.RUSSIAN_PSTN, "4950001020")));
    out.println("Command 12 with digit 0 sent as A: " + Bytes.of(withA));
    Kpd1Message.Execution reply =
        (Kpd1Message.Execution) codec.decode(Bytes.fromHex("CC 01 28 02 00 00 00 00 FF 02 05 33").toByteArray());
    StatusCode s = reply.status();
    out.println(
        "Station reply CC 01 28 02 00 00 00 00 FF 02 05 33: message 8 for command "
            + reply.commandCode()
            + ", status "
            + s
            + " \""
            + s.description(Locale.ENGLISH)
            + "\" / \""
            + s.description(Locale.forLanguageTag("ru"))
            + "\"");
    try {
      live(out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  private static final Duration WAIT = Duration.ofSeconds(2);
  private static final String PASSWORD = "123456";
  private static final String SECRET = "demo-secret";

  /** Station, console, RADIUS bridge and reporter on loopback. */
  private static void live(PrintWriter out) throws IOException, InterruptedException {
    SormText text = new SormText(Locale.ENGLISH, false);
    InetSocketAddress any = new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
    out.println();
    out.println("Station, console and RADIUS bridge on loopback (in-process; ports chosen by the system):");
    SormStation station = new SormStation(StationConfig.defaults().withPassword(PASSWORD));
    BlockingQueue<Kpd2Message> events = new LinkedBlockingQueue<>();
    try (SormStationServer server = SormStationServer.start(station, any, any);
        SormRadiusBridge bridge =
            SormRadiusBridge.start(
                server, any, SECRET, NumberAdaptation.of(NumberAdaptation.Rule.LONG_DISTANCE_8_TO_7));
        SormConsole console = SormConsole.connect(server.kpd1Address(), server.kpd2Address(), SormCodec.DEFAULT, WAIT);
        SormRadiusReporter softswitch = SormRadiusReporter.create(bridge.address(), SECRET)) {
      console.onKpd2(events::add);
      long deadline = System.nanoTime() + WAIT.toNanos();
      while (server.kpd2Count() == 0 && System.nanoTime() < deadline) {
        Thread.sleep(1);
      }
      out.println("  mediator: RADIUS bridge with adaptation " + NumberAdaptation.Rule.LONG_DISTANCE_8_TO_7
          + " (long-distance access code 8 -> 7 in B numbers)");
      command(out, text, console, new io.ecss.sorm.SormCommand.Start(1, PASSWORD));
      command(out, text, console, new io.ecss.sorm.SormCommand.Start(1, PASSWORD));
      command(out, text, console,
          new io.ecss.sorm.SormCommand.AddObject(1, PASSWORD, 5, ObjectType.NODE_SUBSCRIBER,
              PhoneNumber.of(NumberIndicator.NODE_SUBSCRIBER, "2345678"), 0xFFFF,
              ControlCategory.FULL_COMBINED, 0xFF, Priority.NORMAL));
      RadiusCall call =
          RadiusCall.of("call-1", "2345678", "84951234567")
              .withSormA("2345678", SormNi.PRIVATE)
              .withSormB("84951234567", SormNi.INTERCITY);
      out.println("  softswitch -> RADIUS Accounting Start, call \"call-1\", A 2345678 (sorm_ni private),"
          + " B 84951234567 (sorm_ni intercity)");
      softswitch.start(call);
      event(out, text, events);
      out.println("  softswitch -> RADIUS Interim-Update phase=answer, call \"call-1\"");
      softswitch.answer("call-1");
      event(out, text, events);
      out.println("  softswitch -> RADIUS Accounting Stop, call \"call-1\", Eltex-Disconnect-Code-Local 1 (user answer)");
      softswitch.stop("call-1", 1);
      event(out, text, events);
      softswitch.start("call-2", "3334455", "84957654321");
      softswitch.stop("call-2", 5);
      out.println("  softswitch -> RADIUS Start and Stop, call \"call-2\", A 3334455, B 84957654321:"
          + " no object on control, no КПД2 message");
      try (SormRadiusReporter intruder =
          SormRadiusReporter.create(bridge.address(), "not-the-secret", Duration.ofMillis(50), 0)) {
        intruder.start("call-3", "2345678", "84951234567");
        throw new IllegalStateException("a request with a wrong secret was answered");
      } catch (SormTimeoutException expected) {
        out.println("  intruder -> RADIUS Accounting Start with a wrong shared secret: dropped, no answer");
      }
      out.println("  RADIUS bridge: " + bridge.accepted() + " requests accepted, " + bridge.wrongSecret()
          + " with a wrong secret, " + bridge.intercepted() + " call intercepted, " + bridge.activeCalls()
          + " active");
      Kpd2Message extra = events.poll();
      if (extra != null) {
        throw new IllegalStateException("unexpected КПД2 message: " + text.kpd2(extra));
      }
    }
    out.println("  reporter, console, bridge and station closed");
  }

  private static void command(PrintWriter out, SormText text, SormConsole console, io.ecss.sorm.SormCommand c)
      throws InterruptedException {
    SormReply r;
    try {
      r = console.send(c, WAIT).get();
    } catch (ExecutionException e) {
      throw new IllegalStateException(text.title(c.type()) + ": " + e.getCause().getMessage(), e);
    }
    String what = text.title(c.type());
    if (c instanceof io.ecss.sorm.SormCommand.AddObject a) {
      what += ", object " + a.objectNumber() + ", " + SormText.number(a.number());
    }
    out.println("  console -> " + what + ": message 8 " + text.status(r.execution().status()));
  }

  private static void event(PrintWriter out, SormText text, BlockingQueue<Kpd2Message> events)
      throws InterruptedException {
    Kpd2Message m = events.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
    if (m == null) {
      throw new IllegalStateException("no КПД2 message within " + SormText.duration(WAIT));
    }
    out.println("  console <- КПД2 " + text.kpd2(m));
  }
}
