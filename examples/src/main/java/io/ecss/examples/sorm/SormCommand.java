package io.ecss.examples.sorm;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.ecss.examples.CliInputException;
import io.ecss.examples.Inputs;
import io.ecss.sorm.Bytes;
import io.ecss.sorm.SormCodec;
import io.ecss.sorm.SormDecodeException;
import io.ecss.sorm.SormFrameDecoder;
import io.ecss.sorm.SormFrameType;
import io.ecss.sorm.SormMessage;
import io.ecss.sorm.StatusCode;
import io.ecss.sorm.UnknownFrame;
import java.io.IOException;
import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code ecss sorm}: decode, encode and explain SORM console protocol frames (Orders 70/268), and
 * run a mediator ({@code station}) or a control console ({@code console}) on TCP.
 */
@Command(
    name = "sorm",
    mixinStandardHelpOptions = true,
    description =
        "SORM console protocol: decode and encode frames, list status codes, run a mediator"
            + " (station) or a control console on TCP, report calls over RADIUS.",
    subcommands = {
      SormCommand.Decode.class,
      SormCommand.Encode.class,
      SormCommand.Codes.class,
      SormStationCommand.class,
      SormConsoleCommand.class,
      SormRadiusCommand.class,
    })
public final class SormCommand {

  /** Creates the command; picocli calls this. */
  public SormCommand() {}

  /** One frame found in the input, with where it was. */
  record Found(SormMessage message, long offset, int length) {}

  /** Splits {@code bytes} into frames with the stream decoder (strict, or resynchronising). */
  static List<Found> frames(byte[] bytes, boolean resync, PrintWriter err) {
    List<Found> out = new ArrayList<>();
    SormFrameDecoder d =
        SormFrameDecoder.of(
            SormCodec.DEFAULT,
            SormCodec.MAX_FRAME_LENGTH,
            resync ? SormFrameDecoder.Mode.RESYNC : SormFrameDecoder.Mode.STRICT);
    SormFrameDecoder.Listener l =
        new SormFrameDecoder.Listener() {
          @Override
          public void onFrame(SormMessage message, long offset, int length) {
            out.add(new Found(message, offset, length));
          }

          @Override
          public void onDropped(long offset, int count, String reason) {
            err.println(
                "ecss sorm decode: dropped " + count + " byte(s) at offset " + offset + ": " + reason);
          }
        };
    d.feed(bytes, l);
    d.finish(l);
    return out;
  }

  /** {@code ecss sorm decode}. */
  @Command(
      name = "decode",
      mixinStandardHelpOptions = true,
      description = {
        "Decode frames given as hex (with or without spaces; several frames are split by the"
            + " stream decoder) or read raw from a file.",
        "Text output is a field dump; --json prints an array with one object per frame."
      })
  static final class Decode implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--json", description = "Print a JSON array, one object per frame.")
    boolean json;

    @Option(names = "--file", paramLabel = "FILE", description = "Read raw frame bytes from FILE ('-' for stdin).")
    @Nullable String file;

    @Option(
        names = "--resync",
        description = "Skip bytes that do not start a valid frame (reported on stderr) instead of failing.")
    boolean resync;

    @Parameters(paramLabel = "HEX", arity = "0..*", description = "Frame bytes in hex.")
    List<String> hex = new ArrayList<>();

    @Override
    public Integer call() throws IOException {
      if (file != null && !hex.isEmpty()) {
        throw new CommandLine.ParameterException(spec.commandLine(), "give HEX or --file, not both");
      }
      if (file == null && hex.isEmpty()) {
        throw new CommandLine.ParameterException(spec.commandLine(), "give HEX or --file FILE");
      }
      byte[] bytes;
      if (file != null) {
        bytes = Inputs.readBytes(file);
      } else {
        try {
          bytes = Bytes.fromHex(String.join(" ", hex)).toByteArray();
        } catch (IllegalArgumentException e) {
          throw new CliInputException(e.getMessage() + " in the HEX arguments");
        }
      }
      if (bytes.length == 0) {
        throw new CliInputException((file != null ? Inputs.name(file) : "HEX") + ": no bytes");
      }
      PrintWriter out = spec.commandLine().getOut();
      List<Found> found;
      try {
        found = frames(bytes, resync, spec.commandLine().getErr());
      } catch (SormDecodeException e) {
        throw new CliInputException(
            (file != null ? Inputs.name(file) + ": " : "") + e.getMessage());
      }
      if (json) {
        ArrayNode a = SormJson.MAPPER.createArrayNode();
        for (Found f : found) {
          java.util.Optional<SormCodec> variant =
              SormJson.variantOf(f.message(), bytes, (int) f.offset(), f.length());
          if (variant.isEmpty()) {
            spec.commandLine()
                .getErr()
                .println(
                    "ecss sorm decode: warning: the frame at offset "
                        + f.offset()
                        + " writes digit 0 both as 0 and as A; encode will write it as 0");
          }
          a.add(SormJson.toJson(f.message(), variant.orElse(SormCodec.DEFAULT)));
        }
        out.println(SormJson.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(a));
      } else {
        int i = 0;
        for (Found f : found) {
          if (i++ > 0) {
            out.println();
          }
          dump(out, f, bytes);
        }
      }
      out.flush();
      return 0;
    }

    private static void dump(PrintWriter out, Found f, byte[] bytes) {
      SormMessage m = f.message();
      String what =
          m instanceof UnknownFrame
              ? "unknown frame, code " + String.format(Locale.ROOT, "0x%02X", m.code())
              : SormFrameType.forCode(m.code()).orElseThrow().toString();
      out.println(
          "frame at offset " + f.offset() + ", " + f.length() + " bytes: " + what);
      out.println("  hex: " + Bytes.copyOf(bytes, (int) f.offset(), f.length()));
      if (m instanceof UnknownFrame) {
        out.println("  sormNumber: " + m.sormNumber());
        return;
      }
      fields(out, (Record) m, "  ");
    }

    private static void fields(PrintWriter out, Record r, String indent) {
      for (RecordComponent rc : r.getClass().getRecordComponents()) {
        Object v;
        try {
          v = rc.getAccessor().invoke(r);
        } catch (IllegalAccessException | InvocationTargetException e) {
          throw new IllegalStateException(e);
        }
        if (v instanceof io.ecss.sorm.CallEvent e) {
          out.println(indent + rc.getName() + ":");
          fields(out, e, indent + "  ");
        } else if (v instanceof List<?> list) {
          out.println(indent + rc.getName() + ": " + list.size() + (list.size() == 1 ? " item" : " items"));
          for (Object item : list) {
            out.println(indent + "  - " + describe(item));
          }
        } else {
          out.println(indent + rc.getName() + ": " + describe(v));
        }
      }
    }

    private static String describe(Object v) {
      if (v instanceof String s) {
        return "\"" + s + "\"";
      }
      try {
        Object d = v.getClass().getMethod("description").invoke(v);
        return v + " " + d;
      } catch (NoSuchMethodException e) {
        return String.valueOf(v);
      } catch (IllegalAccessException | InvocationTargetException e) {
        throw new IllegalStateException(e);
      }
    }
  }

  /** {@code ecss sorm encode}. */
  @Command(
      name = "encode",
      mixinStandardHelpOptions = true,
      description = {
        "Encode frames from the JSON that 'decode --json' prints (an object or an array) and print"
            + " each frame as upper-case hex, one per line."
      })
  static final class Encode implements Callable<Integer> {
    @Spec CommandSpec spec;

    // Checked in call(), not with required = true: picocli reports a missing required option
    // before an unknown one, and the tool's contract is that an unknown option is named.
    @Option(
        names = "--json",
        paramLabel = "FILE",
        description = "JSON input file, or '-' for stdin (required).")
    @Nullable String json;

    @Override
    public Integer call() throws IOException {
      String input = json;
      if (input == null) {
        throw new CommandLine.ParameterException(
            spec.commandLine(), "Missing required option: '--json=FILE'");
      }
      String text = Inputs.readText(input);
      PrintWriter out = spec.commandLine().getOut();
      for (SormJson.Frame f : SormJson.parse(text, Inputs.name(input))) {
        out.println(Bytes.of(f.codec().encode(f.message())).hex());
      }
      out.flush();
      return 0;
    }
  }

  /** {@code ecss sorm codes}. */
  @Command(
      name = "codes",
      mixinStandardHelpOptions = true,
      description = {
        "List the status codes of messages 7 and 8: standard 00-07 and the Eltex vendor codes"
            + " 0x10-0x73, in English and Russian."
      })
  static final class Codes implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--json", description = "Print a JSON array of {code, name, en, ru, vendor}.")
    boolean json;

    @Override
    public Integer call() throws IOException {
      PrintWriter out = spec.commandLine().getOut();
      Locale ru = Locale.forLanguageTag("ru");
      if (json) {
        ArrayNode a = SormJson.MAPPER.createArrayNode();
        for (StatusCode c : StatusCode.known()) {
          ObjectNode o = a.addObject();
          o.put("code", c.code());
          o.put("name", c.name());
          o.put("vendor", c.isVendor());
          o.put("en", c.description(Locale.ENGLISH));
          o.put("ru", c.description(ru));
        }
        out.println(SormJson.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(a));
      } else {
        out.println("Status codes of messages 7 (receipt) and 8 (execution)");
        out.println("code  name                            description (EN / RU)");
        boolean vendorHeading = false;
        for (StatusCode c : StatusCode.known()) {
          if (c.isVendor() && !vendorHeading) {
            out.println("-- vendor (Eltex) codes, sent when \"extended error codes\" is on --");
            vendorHeading = true;
          }
          out.printf(
              Locale.ROOT,
              "0x%02X  %-30s  %s%n      %-30s  %s%n",
              c.code(),
              c.name(),
              c.description(Locale.ENGLISH),
              "",
              c.description(ru));
        }
      }
      out.flush();
      return 0;
    }
  }
}
