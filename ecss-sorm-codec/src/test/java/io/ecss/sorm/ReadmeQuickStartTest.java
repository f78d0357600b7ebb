package io.ecss.sorm;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The README quick start, kept compiling and running. */
class ReadmeQuickStartTest {

  @Test
  void quickStartRuns() {
    byte[] stationBytes = Bytes.fromHex("CC 01 27 02 00 00 00 00 FF 02 05 00 CC 01 28 02 00 00 00 00 FF 02 05 33").toByteArray();
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    PrintStream saved = System.out;
    System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
    byte[] wire;
    try {
      // --- README quick start, verbatim ---
      SormCodec codec = SormCodec.DEFAULT;
      PhoneNumber subscriber = PhoneNumber.of(NumberIndicator.NODE_SUBSCRIBER, "2345678");
      wire = codec.encode(new SormCommand.AddObject(1, "123456", 5, ObjectType.NODE_SUBSCRIBER,
          subscriber, 0xFFFF, ControlCategory.FULL_COMBINED, 1, Priority.NORMAL));
      // CC 01 05 13 31 32 33 34 35 36 05 00 01 01 07 32 54 76 F8 FF FF FF FF FF FF FF 01 01 02
      SormFrameDecoder frames = SormFrameDecoder.of();
      frames.feed(stationBytes, (message, offset, length) -> {
        if (message instanceof Kpd1Message.Execution e && !e.status().isSuccess()) {
          System.out.println("command " + e.commandCode() + " failed: " + e.status().description());
        }
      });
      // --- end ---
    } finally {
      System.setOut(saved);
    }
    assertThat(Bytes.of(wire))
        .hasToString("CC 01 05 13 31 32 33 34 35 36 05 00 01 01 07 32 54 76 F8 FF FF FF FF FF FF FF 01 01 02");
    assertThat(printed.toString(StandardCharsets.UTF_8))
        .isEqualTo("command 5 failed: object already set" + System.lineSeparator());
  }
}
