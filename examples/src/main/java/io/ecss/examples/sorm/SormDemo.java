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
import java.io.PrintWriter;
import java.util.Locale;

/** The {@code ecss demo} section of ecss-sorm-codec: command 5 built, encoded and decoded back. */
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
  }
}
