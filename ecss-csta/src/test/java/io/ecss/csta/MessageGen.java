package io.ecss.csta;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.jspecify.annotations.Nullable;

/** Seeded generator of every typed message, for round-trip properties. */
final class MessageGen {
  private static final String ALPHABET = "0123456789abcXYZ+@.:;_-ИвановЖ&<>\"' ";
  private static final String[] STATES = {"initiated", "alerting", "connected", "hold", "queued", "fail"};
  private static final String[] CAUSES = {"newCall", "makeCall", "normalClearing", "transfer", "busy"};
  private static final String[] CATEGORIES = {
    "operation", "security", "stateIncompatibility", "systemResourceAvailibility",
    "subscribedResourceAvailability", "performanceManagement", "unspecified"
  };
  static final int KINDS = 50;

  private final Random r;

  MessageGen(long seed) {
    r = new Random(seed);
  }

  String s() {
    int n = 1 + r.nextInt(12);
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < n; i++) {
      b.append(ALPHABET.charAt(r.nextInt(ALPHABET.length())));
    }
    String v = b.toString().strip();
    return v.isEmpty() ? "x" : v;
  }

  @Nullable String ns() {
    return r.nextInt(4) == 0 ? null : s();
  }

  @Nullable String state() {
    return r.nextInt(5) == 0 ? null : STATES[r.nextInt(STATES.length)];
  }

  @Nullable String cause() {
    return r.nextInt(5) == 0 ? null : CAUSES[r.nextInt(CAUSES.length)];
  }

  ConnectionId c() {
    return new ConnectionId(s(), r.nextInt(5) == 0 ? null : s());
  }

  @Nullable ConnectionId nc() {
    return r.nextInt(3) == 0 ? null : c();
  }

  List<ConnectionListItem> items() {
    List<ConnectionListItem> out = new ArrayList<>();
    int n = r.nextInt(4);
    for (int i = 0; i < n; i++) {
      out.add(new ConnectionListItem(nc(), nc(), ns()));
    }
    return out;
  }

  int pos() {
    return 1 + r.nextInt(100_000);
  }

  CstaMessage next() {
    return of(r.nextInt(KINDS));
  }

  CstaMessage of(int kind) {
    return switch (kind) {
      case 0 -> new CstaRequest.StartApplicationSession(s(), s(), r.nextBoolean() ? "" : s(), CstaCodec.NS_ED3, pos());
      case 1 -> new CstaResponse.StartApplicationSessionResponse(s(), s(), pos());
      case 2 -> new CstaRequest.ResetApplicationSessionTimer(s(), pos());
      case 3 -> new CstaResponse.ResetApplicationSessionTimerResponse(pos());
      case 4 -> new CstaRequest.StopApplicationSession(s(), s());
      case 5 -> new CstaResponse.StopApplicationSessionResponse();
      case 6 -> new CstaMessage.SessionTerminated(s(), s());
      case 7 -> new CstaRequest.MonitorStart(s());
      case 8 -> new CstaResponse.MonitorStartResponse(s());
      case 9 -> new CstaRequest.MonitorStop(s());
      case 10 -> new CstaResponse.MonitorStopResponse();
      case 11 -> new CstaRequest.MakeCall(s(), s(), new String[] {null, "prompt", "doNotPrompt"}[r.nextInt(3)]);
      case 12 -> new CstaResponse.MakeCallResponse(c());
      case 13 -> new CstaRequest.AnswerCall(c());
      case 14 -> new CstaResponse.AnswerCallResponse();
      case 15 -> new CstaRequest.ClearConnection(c());
      case 16 -> new CstaResponse.ClearConnectionResponse();
      case 17 -> new CstaRequest.ClearCall(c());
      case 18 -> new CstaResponse.ClearCallResponse();
      case 19 -> new CstaRequest.DeflectCall(c(), s());
      case 20 -> new CstaResponse.DeflectCallResponse();
      case 21 -> new CstaRequest.HoldCall(c());
      case 22 -> new CstaResponse.HoldCallResponse();
      case 23 -> new CstaRequest.RetrieveCall(c());
      case 24 -> new CstaResponse.RetrieveCallResponse();
      case 25 -> new CstaRequest.ConsultationCall(c(), s());
      case 26 -> new CstaResponse.ConsultationCallResponse(c());
      case 27 -> new CstaRequest.TransferCall(c(), c());
      case 28 -> new CstaResponse.TransferCallResponse(c(), items());
      case 29 -> new CstaRequest.SingleStepTransferCall(c(), s());
      case 30 -> new CstaResponse.SingleStepTransferCallResponse(c(), items());
      case 31 -> new CstaRequest.ConferenceCall(c(), c());
      case 32 -> new CstaResponse.ConferenceCallResponse(c(), items());
      case 33 -> new CstaRequest.SnapshotDevice(s());
      case 34 -> {
        List<CstaResponse.SnapshotCall> calls = new ArrayList<>();
        for (int i = r.nextInt(4); i > 0; i--) {
          List<String> st = new ArrayList<>();
          for (int j = r.nextInt(3); j > 0; j--) {
            st.add(STATES[r.nextInt(STATES.length)]);
          }
          calls.add(new CstaResponse.SnapshotCall(c(), ns(), st));
        }
        yield new CstaResponse.SnapshotDeviceResponse(calls);
      }
      case 35 -> new CstaRequest.RequestSystemStatus();
      case 36 -> new CstaResponse.RequestSystemStatusResponse(s());
      case 37 -> new CstaRequest.SystemStatus(s());
      case 38 -> new CstaResponse.SystemStatusResponse();
      case 39 -> r.nextBoolean()
            ? CstaError.of(CATEGORIES[r.nextInt(CATEGORIES.length)], s())
            : new CstaError("StartApplicationSessionNegResponse", r.nextBoolean() ? "definedError" : "applError", s());
      case 40 -> new CstaEvent.ServiceInitiated(s(), c(), ns(), state(), cause());
      case 41 -> new CstaEvent.Originated(s(), c(), ns(), ns(), state(), cause());
      case 42 -> new CstaEvent.Delivered(s(), c(), ns(), ns(), ns(), ns(), state(), cause());
      case 43 -> new CstaEvent.Established(s(), c(), ns(), ns(), ns(), ns(), state(), cause());
      case 44 -> new CstaEvent.ConnectionCleared(s(), c(), ns(), state(), cause());
      case 45 -> new CstaEvent.CallCleared(s(), c(), state(), cause());
      case 46 -> r.nextBoolean()
            ? new CstaEvent.Held(s(), c(), ns(), state(), cause())
            : new CstaEvent.Retrieved(s(), c(), ns(), state(), cause());
      case 47 -> new CstaEvent.Diverted(s(), c(), ns(), ns(), ns(), ns(), ns(), state(), cause());
      case 48 -> r.nextBoolean()
            ? new CstaEvent.Transfered(s(), c(), nc(), ns(), ns(), items(), state(), cause())
            : new CstaEvent.Conferenced(s(), c(), nc(), ns(), ns(), items(), state(), cause());
      case 49 -> new CstaEvent.Failed(s(), c(), ns(), ns(), ns(), state(), cause());
      default -> throw new IllegalArgumentException("kind " + kind);
    };
  }
}
