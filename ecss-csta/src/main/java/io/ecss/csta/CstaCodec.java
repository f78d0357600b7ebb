package io.ecss.csta;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Turns {@link CstaMessage}s into CSTA-XML and back.
 *
 * <p><b>Output</b> is ECMA-323 3rd edition: call-control messages in the {@value #NS_ED3}
 * namespace, session messages in the ECMA-354 {@value #NS_354} namespace, the vendor login in
 * {@value #NS_ELTEX}, always with an XML declaration and no indentation.
 *
 * <p><b>Input</b> is matched on local names only, so ed3 to ed6 namespaces, prefixed or
 * unqualified elements are all accepted; unknown elements and all attributes are ignored; element
 * order does not matter. DTDs and entity references are rejected (no XXE). The root element
 * decides the message kind: {@code ...Event} is an event ({@link CstaEvent.Raw} when not one of the
 * typed twelve), {@code CSTAErrorCode} and {@code ...NegResponse} are {@link CstaError}s, known
 * requests and responses are typed, anything else is {@link CstaMessage.Unknown}.
 *
 * <p>Stateless and thread-safe.
 */
public final class CstaCodec {

  /** ECMA-323 3rd edition namespace, used for all call-control output. */
  public static final String NS_ED3 = "http://www.ecma-international.org/standards/ecma-323/csta/ed3";

  /** ECMA-354 application session namespace. */
  public static final String NS_354 =
      "http://www.ecma-international.org/standards/ecma-354/appl_session";

  /** Eltex vendor namespace of {@code SessionLoginInfo}. */
  public static final String NS_ELTEX = "http://www.eltex.org/csta";

  /** Elements that wrap a device identifier, at any level of ExtendedDeviceID and kin. */
  private static final java.util.Set<String> IDENTIFIER_ELEMENTS =
      java.util.Set.of(
          "deviceIdentifier",
          "numberDialed",
          "deviceID",
          "staticID",
          "dynamicID",
          "explicitPublic",
          "implicitPublic",
          "explicitPrivate",
          "implicitPrivate",
          "other");

  private static final String PROLOGUE = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>";

  private CstaCodec() {}

  // ---------------------------------------------------------------------------------------------
  // decode

  /**
   * Decodes one XML document.
   *
   * @param xml a frame body
   * @return the message
   * @throws CstaParseException if the XML is malformed, uses a DTD, or a typed message lacks a
   *     required element or carries a value its record refuses (the message names it, with line
   *     and column)
   */
  public static CstaMessage decode(String xml) {
    XmlNode root = XmlNode.parse(requireNonNull(xml, "xml"));
    try {
      return typed(root, xml);
    } catch (IllegalArgumentException e) {
      // A value the typed record refuses (e.g. autoOriginate "x", a negative session duration):
      // bad input like any other, with the element it came from.
      throw new CstaParseException(root.name + ": " + e.getMessage(), root.line, root.column);
    }
  }

  private static CstaMessage typed(XmlNode root, String xml) {
    String n = root.name;
    switch (n) {
      case "ServiceInitiatedEvent" -> {
        return new CstaEvent.ServiceInitiated(
            xref(root),
            conn(root.required("initiatedConnection")),
            device(root.child("initiatingDevice")),
            root.text("localConnectionInfo"),
            root.text("cause"));
      }
      case "OriginatedEvent" -> {
        return new CstaEvent.Originated(
            xref(root),
            conn(root.required("originatedConnection")),
            device(root.child("callingDevice")),
            device(root.child("calledDevice")),
            root.text("localConnectionInfo"),
            root.text("cause"));
      }
      case "DeliveredEvent" -> {
        return new CstaEvent.Delivered(
            xref(root),
            conn(root.required("connection")),
            device(root.child("alertingDevice")),
            device(root.child("callingDevice")),
            device(root.child("calledDevice")),
            device(root.child("lastRedirectionDevice")),
            root.text("localConnectionInfo"),
            root.text("cause"));
      }
      case "EstablishedEvent" -> {
        return new CstaEvent.Established(
            xref(root),
            conn(root.required("establishedConnection")),
            device(root.child("answeringDevice")),
            device(root.child("callingDevice")),
            device(root.child("calledDevice")),
            device(root.child("lastRedirectionDevice")),
            root.text("localConnectionInfo"),
            root.text("cause"));
      }
      case "ConnectionClearedEvent" -> {
        return new CstaEvent.ConnectionCleared(
            xref(root),
            conn(root.required("droppedConnection")),
            device(root.child("releasingDevice")),
            root.text("localConnectionInfo"),
            root.text("cause"));
      }
      case "CallClearedEvent" -> {
        return new CstaEvent.CallCleared(
            xref(root),
            conn(root.required("clearedCall")),
            root.text("localConnectionInfo"),
            root.text("cause"));
      }
      case "HeldEvent" -> {
        return new CstaEvent.Held(
            xref(root),
            conn(root.required("heldConnection")),
            device(root.child("holdingDevice")),
            root.text("localConnectionInfo"),
            root.text("cause"));
      }
      case "RetrievedEvent" -> {
        return new CstaEvent.Retrieved(
            xref(root),
            conn(root.required("retrievedConnection")),
            device(root.child("retrievingDevice")),
            root.text("localConnectionInfo"),
            root.text("cause"));
      }
      case "DivertedEvent" -> {
        return new CstaEvent.Diverted(
            xref(root),
            conn(root.required("connection")),
            device(root.child("divertingDevice")),
            device(root.child("newDestination")),
            device(root.child("callingDevice")),
            device(root.child("calledDevice")),
            device(root.child("lastRedirectionDevice")),
            root.text("localConnectionInfo"),
            root.text("cause"));
      }
      case "TransferedEvent" -> {
        return new CstaEvent.Transfered(
            xref(root),
            conn(root.required("primaryOldCall")),
            optConn(root.child("secondaryOldCall")),
            device(root.child("transferringDevice")),
            device(root.child("transferredToDevice")),
            items(root.child("transferredConnections")),
            root.text("localConnectionInfo"),
            root.text("cause"));
      }
      case "ConferencedEvent" -> {
        return new CstaEvent.Conferenced(
            xref(root),
            conn(root.required("primaryOldCall")),
            optConn(root.child("secondaryOldCall")),
            device(root.child("conferencingDevice")),
            device(root.child("addedParty")),
            items(root.child("conferenceConnections")),
            root.text("localConnectionInfo"),
            root.text("cause"));
      }
      case "FailedEvent" -> {
        return new CstaEvent.Failed(
            xref(root),
            conn(root.required("failedConnection")),
            device(root.child("failingDevice")),
            device(root.child("callingDevice")),
            device(root.child("calledDevice")),
            root.text("localConnectionInfo"),
            root.text("cause"));
      }
      case CstaError.CSTA_ERROR_CODE -> {
          XmlNode c = root.firstChild();
          return c == null
              ? new CstaError(n, "unspecified", root.text)
              : new CstaError(n, c.name, leafText(c));
      }
      // ECMA-354 session
      case "StartApplicationSession" -> {
          XmlNode info = root.required("applicationInfo");
          XmlNode login = info.child("applicationSpecificInfo");
          XmlNode sli = login == null ? null : login.child("SessionLoginInfo");
          XmlNode versions = root.child("requestedProtocolVersions");
          String version = versions == null ? null : versions.text("protocolVersion");
          return new CstaRequest.StartApplicationSession(
              info.requiredText("applicationID"),
              sli == null ? "" : nz(sli.text("userName")),
              sli == null ? "" : nz(sli.text("password")),
              version == null ? NS_ED3 : version,
              intText(root, "requestedSessionDuration", 300));
      }
      case "StartApplicationSessionPosResponse" -> {
        return new CstaResponse.StartApplicationSessionResponse(
            root.requiredText("sessionID"),
            nz(root.text("actualProtocolVersion")),
            intText(root, "actualSessionDuration", 0));
      }
      case "ResetApplicationSessionTimer" -> {
        return new CstaRequest.ResetApplicationSessionTimer(
            root.requiredText("sessionID"), intText(root, "requestedSessionDuration", 300));
      }
      case "ResetApplicationSessionTimerPosResponse" -> {
        return new CstaResponse.ResetApplicationSessionTimerResponse(
            intText(root, "actualSessionDuration", 0));
      }
      case "StopApplicationSession" -> {
          XmlNode reason = root.child("sessionEndReason");
          XmlNode r = reason == null ? null : reason.firstChild();
          return new CstaRequest.StopApplicationSession(
              root.requiredText("sessionID"), r == null ? "" : r.text);
      }
      case "StopApplicationSessionPosResponse" -> {
        return new CstaResponse.StopApplicationSessionResponse();
      }
      case "ApplicationSessionTerminated" -> {
          XmlNode reason = root.child("sessionTermReason");
          XmlNode r = reason == null ? null : reason.firstChild();
          return new CstaMessage.SessionTerminated(
              nz(root.text("sessionID")), r == null ? (reason == null ? "" : reason.text) : r.text);
      }
      // ECMA-323 services
      case "MonitorStart" -> {
          XmlNode obj = root.required("monitorObject");
          XmlNode dev = obj.child("deviceObject");
          XmlNode call = obj.child("callObject");
          if (dev == null && call == null) {
            throw obj.missing("deviceObject or callObject");
          }
          XmlNode filter = root.child("requestedMonitorFilter");
          String type = root.text("monitorType");
          CstaMonitorType monitorType;
          try {
            monitorType = type == null ? null : CstaMonitorType.of(type.trim());
          } catch (IllegalArgumentException e) {
            XmlNode t = root.required("monitorType");
            throw new CstaParseException(e.getMessage(), t.line, t.column);
          }
          return new CstaRequest.MonitorStart(
              dev == null ? null : deviceText(dev),
              dev == null ? conn(requireNonNull(call)) : null,
              filter == null ? CstaMonitorFilter.NONE : CstaMonitorFilter.fromXml(filter),
              monitorType);
      }
      case "MonitorStartResponse" -> {
        XmlNode filter = root.child("actualMonitorFilter");
        return new CstaResponse.MonitorStartResponse(
            root.requiredText("monitorCrossRefID"),
            filter == null ? null : CstaMonitorFilter.fromXml(filter));
      }
      case "MonitorStop" -> {
        return new CstaRequest.MonitorStop(root.requiredText("monitorCrossRefID"));
      }
      case "MonitorStopResponse" -> {
        return new CstaResponse.MonitorStopResponse();
      }
      case "MakeCall" -> {
        return new CstaRequest.MakeCall(
            deviceText(root.required("callingDevice")),
            deviceText(root.required("calledDirectoryNumber")),
            root.text("autoOriginate"));
      }
      case "MakeCallResponse" -> {
        return new CstaResponse.MakeCallResponse(conn(root.required("callingDevice")));
      }
      case "AnswerCall" -> {
        return new CstaRequest.AnswerCall(conn(root.required("callToBeAnswered")));
      }
      case "AnswerCallResponse" -> {
        return new CstaResponse.AnswerCallResponse();
      }
      case "ClearConnection" -> {
        return new CstaRequest.ClearConnection(conn(root.required("connectionToBeCleared")));
      }
      case "ClearConnectionResponse" -> {
        return new CstaResponse.ClearConnectionResponse();
      }
      case "ClearCall" -> {
        return new CstaRequest.ClearCall(conn(root.required("callToBeCleared")));
      }
      case "ClearCallResponse" -> {
        return new CstaResponse.ClearCallResponse();
      }
      case "DeflectCall" -> {
        return new CstaRequest.DeflectCall(
            conn(root.required("callToBeDiverted")), deviceText(root.required("newDestination")));
      }
      case "DeflectCallResponse" -> {
        return new CstaResponse.DeflectCallResponse();
      }
      case "HoldCall" -> {
        return new CstaRequest.HoldCall(conn(root.required("callToBeHeld")));
      }
      case "HoldCallResponse" -> {
        return new CstaResponse.HoldCallResponse();
      }
      case "RetrieveCall" -> {
        return new CstaRequest.RetrieveCall(conn(root.required("callToBeRetrieved")));
      }
      case "RetrieveCallResponse" -> {
        return new CstaResponse.RetrieveCallResponse();
      }
      case "ConsultationCall" -> {
        return new CstaRequest.ConsultationCall(
            conn(root.required("existingCall")), deviceText(root.required("consultedDevice")));
      }
      case "ConsultationCallResponse" -> {
        return new CstaResponse.ConsultationCallResponse(conn(root.required("initiatedCall")));
      }
      case "TransferCall" -> {
        return new CstaRequest.TransferCall(
            conn(root.required("heldCall")), conn(root.required("activeCall")));
      }
      case "TransferCallResponse" -> {
        return new CstaResponse.TransferCallResponse(
            conn(root.required("transferredCall")), items(root.child("connections")));
      }
      case "SingleStepTransferCall" -> {
        return new CstaRequest.SingleStepTransferCall(
            conn(root.required("activeCall")), deviceText(root.required("transferredTo")));
      }
      case "SingleStepTransferCallResponse" -> {
        return new CstaResponse.SingleStepTransferCallResponse(
            conn(root.required("transferredCall")), items(root.child("connections")));
      }
      case "ConferenceCall" -> {
        return new CstaRequest.ConferenceCall(
            conn(root.required("heldCall")), conn(root.required("activeCall")));
      }
      case "ConferenceCallResponse" -> {
        return new CstaResponse.ConferenceCallResponse(
            conn(root.required("conferenceCall")), items(root.child("connections")));
      }
      case "SnapshotDevice" -> {
        return new CstaRequest.SnapshotDevice(deviceText(root.required("snapshotObject")));
      }
      case "SnapshotDeviceResponse" -> {
        return snapshot(root);
      }
      case "RequestSystemStatus" -> {
        return new CstaRequest.RequestSystemStatus();
      }
      case "RequestSystemStatusResponse" -> {
        return new CstaResponse.RequestSystemStatusResponse(root.requiredText("systemStatus"));
      }
      case "SystemStatus" -> {
        return new CstaRequest.SystemStatus(root.requiredText("systemStatus"));
      }
      case "SystemStatusResponse" -> {
        return new CstaResponse.SystemStatusResponse();
      }
      case "SnapshotDeviceData" -> {
        return snapshotData(root);
      }
      default -> {
        if (n.endsWith("NegResponse")) {
          XmlNode code = root.child("errorCode");
          XmlNode c = code == null ? null : code.firstChild();
          if (c != null) {
            return new CstaError(n, c.name, leafText(c));
          }
          return new CstaError(n, "applError", code == null ? root.text : code.text);
        }
        if (n.endsWith("Event")) {
          return new CstaEvent.Raw(n, root.text("monitorCrossRefID"), xml);
        }
        return new CstaMessage.Unknown(n, xml);
      }
    }
  }

  private static String nz(@Nullable String s) {
    return s == null ? "" : s;
  }

  private static String leafText(XmlNode n) {
    XmlNode c = n.firstChild();
    return c == null ? n.text : c.name.isEmpty() ? n.text : leafText(c);
  }

  private static String xref(XmlNode root) {
    return root.requiredText("monitorCrossRefID");
  }

  private static int intText(XmlNode root, String local, int dflt) {
    XmlNode c = root.child(local);
    if (c == null || c.text.isEmpty()) {
      return dflt;
    }
    try {
      return Integer.parseInt(c.text);
    } catch (NumberFormatException e) {
      throw new CstaParseException(
          root.name + "/" + local + " is not an integer: '" + c.text + "'", c.line, c.column);
    }
  }

  /** A DeviceID given as text, or wrapped (deviceIdentifier, staticID...) by lenient peers. */
  private static String deviceText(XmlNode n) {
    String d = device(n);
    if (d == null || d.isEmpty()) {
      throw new CstaParseException(n.name + " has no device identifier", n.line, n.column);
    }
    return d;
  }

  /** ExtendedDeviceID / RedirectionDeviceID / LocalDeviceID: the identifier or null. */
  private static @Nullable String device(@Nullable XmlNode n) {
    if (n == null) {
      return null;
    }
    List<XmlNode> cs = n.children();
    if (cs.isEmpty()) {
      return n.text.isEmpty() ? null : n.text;
    }
    for (XmlNode c : cs) {
      if (IDENTIFIER_ELEMENTS.contains(c.name)) {
        String inner = device(c);
        if (inner != null) {
          return inner;
        }
      }
    }
    return null; // notKnown, restricted, notRequired, notSpecified
  }

  private static ConnectionId conn(XmlNode n) {
    XmlNode call = n.child("callID");
    if (call == null || call.text.isEmpty()) {
      throw new CstaParseException(n.name + " lacks callID", n.line, n.column);
    }
    return new ConnectionId(call.text, device(n.child("deviceID")));
  }

  private static @Nullable ConnectionId optConn(@Nullable XmlNode n) {
    return n == null || n.child("callID") == null ? null : conn(n);
  }

  private static List<ConnectionListItem> items(@Nullable XmlNode list) {
    if (list == null) {
      return List.of();
    }
    List<ConnectionListItem> out = new ArrayList<>();
    for (XmlNode item : list.all("connectionListItem")) {
      out.add(
          new ConnectionListItem(
              optConn(item.child("newConnection")),
              optConn(item.child("oldConnection")),
              device(item.child("endpoint"))));
    }
    return out;
  }

  private static CstaResponse.SnapshotDeviceResponse snapshot(XmlNode root) {
    XmlNode holder = root.child("crossRefIDorSnapshotData");
    XmlNode where = holder == null ? root : holder;
    XmlNode xref = where.child("serviceCrossRefID");
    if (xref != null && where.child("snapshotData") == null) {
      if (xref.text.isEmpty()) {
        throw new CstaParseException(root.name + "/serviceCrossRefID is empty", xref.line, xref.column);
      }
      return new CstaResponse.SnapshotDeviceResponse(List.of(), xref.text);
    }
    return new CstaResponse.SnapshotDeviceResponse(snapshotCalls(where.child("snapshotData")));
  }

  private static CstaMessage.SnapshotDeviceData snapshotData(XmlNode root) {
    String xref = root.requiredText("serviceCrossRefID");
    XmlNode seg = root.child("segmentID");
    Long segmentId = null;
    if (seg != null) {
      try {
        segmentId = Long.parseLong(seg.text.trim());
      } catch (NumberFormatException e) {
        throw new CstaParseException(
            root.name + "/segmentID is not an integer: '" + seg.text + "'", seg.line, seg.column);
      }
    }
    XmlNode last = root.child("lastSegment");
    boolean lastSegment;
    if (last == null) {
      lastSegment = true; // an unnumbered, unmarked segment can only be the whole answer
    } else {
      String v = last.text.trim();
      if (!v.equals("true") && !v.equals("false") && !v.equals("1") && !v.equals("0")) {
        throw new CstaParseException(
            root.name + "/lastSegment is not a boolean: '" + last.text + "'", last.line, last.column);
      }
      lastSegment = v.equals("true") || v.equals("1");
    }
    return new CstaMessage.SnapshotDeviceData(xref, segmentId, lastSegment, snapshotCalls(root.child("snapshotData")));
  }

  private static List<CstaResponse.SnapshotCall> snapshotCalls(@Nullable XmlNode data) {
    List<CstaResponse.SnapshotCall> calls = new ArrayList<>();
    if (data != null) {
      for (XmlNode info : data.all("snapshotDeviceResponseInfo")) {
        List<String> states = new ArrayList<>();
        XmlNode lcs = info.child("localCallState");
        if (lcs != null) {
          XmlNode compound = lcs.child("compoundCallState");
          if (compound != null) {
            for (XmlNode s : compound.all("localConnectionState")) {
              states.add(s.text);
            }
          } else {
            XmlNode simple = lcs.child("simpleCallState");
            if (simple != null) {
              states.add(simple.text);
            }
          }
        }
        calls.add(
            new CstaResponse.SnapshotCall(
                conn(info.required("connectionIdentifier")),
                device(info.child("endpointDevice")),
                states));
      }
    }
    return calls;
  }

  // ---------------------------------------------------------------------------------------------
  // encode

  /**
   * Encodes a message as an ed3 XML document (with XML declaration). {@link CstaEvent.Raw} and
   * {@link CstaMessage.Unknown} are returned as kept.
   *
   * @param message the message
   * @return the XML body of a frame
   */
  public static String encode(CstaMessage message) {
    requireNonNull(message, "message");
    if (message instanceof CstaEvent.Raw v) {
      return v.xml();
    }
    if (message instanceof CstaMessage.Unknown v) {
      return v.xml();
    }
    Xml x = new Xml();
    String name = message.name();
    boolean session =
        message instanceof CstaRequest.StartApplicationSession
            || message instanceof CstaResponse.StartApplicationSessionResponse
            || message instanceof CstaRequest.ResetApplicationSessionTimer
            || message instanceof CstaResponse.ResetApplicationSessionTimerResponse
            || message instanceof CstaRequest.StopApplicationSession
            || message instanceof CstaResponse.StopApplicationSessionResponse
            || message instanceof CstaMessage.SessionTerminated
            || (message instanceof CstaError err && !err.name().equals(CstaError.CSTA_ERROR_CODE));
    x.sb.append('<').append(name).append(" xmlns=\"").append(session ? NS_354 : NS_ED3).append('"');
    int mark = x.sb.length();
    x.sb.append('>');
    body(x, message);
    if (x.sb.length() == mark + 1) {
      x.sb.setLength(mark);
      x.sb.append("/>");
    } else {
      x.sb.append("</").append(name).append('>');
    }
    return x.sb.toString();
  }

  private static void body(Xml x, CstaMessage m) {
    if (m instanceof CstaEvent e) {
      event(x, e);
    } else if (m instanceof CstaRequest<?> r) {
      request(x, r);
    } else if (m instanceof CstaResponse r) {
      response(x, r);
    } else if (m instanceof CstaError e) {
      if (e.name().equals(CstaError.CSTA_ERROR_CODE)) {
        x.leaf(e.category(), e.value());
      } else {
        x.open("errorCode").leaf(e.category(), e.value()).close("errorCode");
      }
    } else if (m instanceof CstaMessage.SessionTerminated t) {
      x.leaf("sessionID", t.sessionId());
      // ECMA-354 defines two reasons; any other text is the server's own (serverTermReason).
      boolean defined = t.reason().equals("sessionTimerExpired") || t.reason().equals("resourceLimitation");
      x.open("sessionTermReason")
          .leaf(defined ? "definedTermReason" : "serverTermReason", t.reason())
          .close("sessionTermReason");
    } else if (m instanceof CstaMessage.SnapshotDeviceData d) {
      x.leaf("serviceCrossRefID", d.serviceCrossRefId());
      if (d.segmentId() != null) {
        x.leaf("segmentID", Long.toString(d.segmentId()));
      }
      x.leaf("lastSegment", Boolean.toString(d.lastSegment()));
      snapshotCalls(x, d.calls());
    }
  }

  private static void request(Xml x, CstaRequest<?> r) {
    if (r instanceof CstaRequest.StartApplicationSession s) {
      x.open("applicationInfo").leaf("applicationID", s.applicationId());
      x.sb.append("<applicationSpecificInfo><e:SessionLoginInfo xmlns:e=\"")
          .append(NS_ELTEX)
          .append("\">");
      x.leaf("e:userName", s.userName()).leaf("e:password", s.password());
      x.sb.append("</e:SessionLoginInfo></applicationSpecificInfo>");
      x.close("applicationInfo");
      x.open("requestedProtocolVersions")
          .leaf("protocolVersion", s.protocolVersion())
          .close("requestedProtocolVersions");
      x.leaf("requestedSessionDuration", Integer.toString(s.requestedDurationSeconds()));
    } else if (r instanceof CstaRequest.ResetApplicationSessionTimer s) {
      x.leaf("sessionID", s.sessionId());
      x.leaf("requestedSessionDuration", Integer.toString(s.requestedDurationSeconds()));
    } else if (r instanceof CstaRequest.StopApplicationSession s) {
      x.leaf("sessionID", s.sessionId());
      // ECMA-354 DefinedEndReason has one value, normal; any other text is the application's own.
      x.open("sessionEndReason")
          .leaf(s.endReason().equals("normal") ? "definedEndReason" : "appEndReason", s.endReason())
          .close("sessionEndReason");
    } else if (r instanceof CstaRequest.MonitorStart v) {
      x.open("monitorObject");
      if (v.deviceId() != null) {
        x.leaf("deviceObject", v.deviceId());
      } else {
        conn(x, "callObject", requireNonNull(v.callObject()));
      }
      x.close("monitorObject");
      filter(x, "requestedMonitorFilter", v.filter());
      if (v.monitorType() != null) {
        x.leaf("monitorType", v.monitorType().xml());
      }
    } else if (r instanceof CstaRequest.MonitorStop v) {
      x.leaf("monitorCrossRefID", v.monitorCrossRefId());
    } else if (r instanceof CstaRequest.MakeCall c) {
      x.leaf("callingDevice", c.callingDevice());
      x.leaf("calledDirectoryNumber", c.calledDirectoryNumber());
      if (c.autoOriginate() != null) {
        x.leaf("autoOriginate", c.autoOriginate());
      }
    } else if (r instanceof CstaRequest.AnswerCall v) {
      conn(x, "callToBeAnswered", v.callToBeAnswered());
    } else if (r instanceof CstaRequest.ClearConnection v) {
      conn(x, "connectionToBeCleared", v.connectionToBeCleared());
    } else if (r instanceof CstaRequest.ClearCall v) {
      conn(x, "callToBeCleared", v.callToBeCleared());
    } else if (r instanceof CstaRequest.DeflectCall d) {
      conn(x, "callToBeDiverted", d.callToBeDiverted());
      x.leaf("newDestination", d.newDestination());
    } else if (r instanceof CstaRequest.HoldCall v) {
      conn(x, "callToBeHeld", v.callToBeHeld());
    } else if (r instanceof CstaRequest.RetrieveCall v) {
      conn(x, "callToBeRetrieved", v.callToBeRetrieved());
    } else if (r instanceof CstaRequest.ConsultationCall c) {
      conn(x, "existingCall", c.existingCall());
      x.leaf("consultedDevice", c.consultedDevice());
    } else if (r instanceof CstaRequest.TransferCall t) {
      conn(x, "heldCall", t.heldCall());
      conn(x, "activeCall", t.activeCall());
    } else if (r instanceof CstaRequest.SingleStepTransferCall t) {
      conn(x, "activeCall", t.activeCall());
      x.leaf("transferredTo", t.transferredTo());
    } else if (r instanceof CstaRequest.ConferenceCall t) {
      conn(x, "heldCall", t.heldCall());
      conn(x, "activeCall", t.activeCall());
    } else if (r instanceof CstaRequest.SnapshotDevice v) {
      x.leaf("snapshotObject", v.snapshotObject());
    } else if (r instanceof CstaRequest.SystemStatus v) {
      x.leaf("systemStatus", v.systemStatus());
    }
    // RequestSystemStatus has no content.
  }

  private static void response(Xml x, CstaResponse r) {
    if (r instanceof CstaResponse.StartApplicationSessionResponse s) {
      x.leaf("sessionID", s.sessionId());
      x.leaf("actualProtocolVersion", s.actualProtocolVersion());
      x.leaf("actualSessionDuration", Integer.toString(s.actualSessionDurationSeconds()));
    } else if (r instanceof CstaResponse.ResetApplicationSessionTimerResponse v) {
      x.leaf(
          "actualSessionDuration",
          Integer.toString(
              v
                  .actualSessionDurationSeconds()));
    } else if (r instanceof CstaResponse.MonitorStartResponse v) {
      x.leaf("monitorCrossRefID", v.monitorCrossRefId());
      if (v.actualMonitorFilter() != null) {
        filter(x, "actualMonitorFilter", v.actualMonitorFilter());
      }
    } else if (r instanceof CstaResponse.MakeCallResponse v) {
      conn(x, "callingDevice", v.callingDevice());
    } else if (r instanceof CstaResponse.ConsultationCallResponse v) {
      conn(x, "initiatedCall", v.initiatedCall());
    } else if (r instanceof CstaResponse.TransferCallResponse t) {
      conn(x, "transferredCall", t.transferredCall());
      items(x, "connections", t.connections());
    } else if (r instanceof CstaResponse.SingleStepTransferCallResponse t) {
      conn(x, "transferredCall", t.transferredCall());
      items(x, "connections", t.connections());
    } else if (r instanceof CstaResponse.ConferenceCallResponse t) {
      conn(x, "conferenceCall", t.conferenceCall());
      items(x, "connections", t.connections());
    } else if (r instanceof CstaResponse.SnapshotDeviceResponse v) {
      x.open("crossRefIDorSnapshotData");
      if (v.serviceCrossRefId() != null && v.calls().isEmpty()) {
        x.leaf("serviceCrossRefID", v.serviceCrossRefId());
      } else {
        snapshotCalls(x, v.calls());
      }
      x.close("crossRefIDorSnapshotData");
    } else if (r instanceof CstaResponse.RequestSystemStatusResponse v) {
      x.leaf("systemStatus", v.systemStatus());
    }
    // The other responses are empty.
  }

  private static void snapshotCalls(Xml x, List<CstaResponse.SnapshotCall> calls) {
    x.open("snapshotData");
    for (CstaResponse.SnapshotCall c : calls) {
      x.open("snapshotDeviceResponseInfo");
      conn(x, "connectionIdentifier", c.connection());
      if (c.endpointDevice() != null) {
        x.open("endpointDevice")
            .leaf("deviceIdentifier", c.endpointDevice())
            .close("endpointDevice");
      }
      x.open("localCallState").open("compoundCallState");
      for (String s : c.localConnectionStates()) {
        x.leaf("localConnectionState", s);
      }
      x.close("compoundCallState").close("localCallState");
      x.close("snapshotDeviceResponseInfo");
    }
    x.close("snapshotData");
  }

  /** Writes the filtered flags as {@code true}; nothing at all for an empty requested filter. */
  private static void filter(Xml x, String element, CstaMonitorFilter f) {
    if (f.isEmpty() && element.equals("requestedMonitorFilter")) {
      return;
    }
    x.open(element);
    for (java.util.Map.Entry<CstaMonitorFilter.Category, java.util.Set<String>> e : f.filtered().entrySet()) {
      x.open(e.getKey().element());
      for (String flag : e.getValue()) {
        x.leaf(flag, "true");
      }
      x.close(e.getKey().element());
    }
    x.close(element);
  }

  private static void event(Xml x, CstaEvent e) {
    x.leaf("monitorCrossRefID", requireNonNull(e.monitorCrossRefId()));
    if (e instanceof CstaEvent.ServiceInitiated v) {
      conn(x, "initiatedConnection", v.initiatedConnection());
      dev(x, "initiatingDevice", v.initiatingDevice());
    } else if (e instanceof CstaEvent.Originated v) {
      conn(x, "originatedConnection", v.originatedConnection());
      dev(x, "callingDevice", v.callingDevice());
      dev(x, "calledDevice", v.calledDevice());
    } else if (e instanceof CstaEvent.Delivered v) {
      conn(x, "connection", v.connection());
      dev(x, "alertingDevice", v.alertingDevice());
      dev(x, "callingDevice", v.callingDevice());
      dev(x, "calledDevice", v.calledDevice());
      redirection(x, v.lastRedirectionDevice());
    } else if (e instanceof CstaEvent.Established v) {
      conn(x, "establishedConnection", v.establishedConnection());
      dev(x, "answeringDevice", v.answeringDevice());
      dev(x, "callingDevice", v.callingDevice());
      dev(x, "calledDevice", v.calledDevice());
      redirection(x, v.lastRedirectionDevice());
    } else if (e instanceof CstaEvent.ConnectionCleared v) {
      conn(x, "droppedConnection", v.droppedConnection());
      dev(x, "releasingDevice", v.releasingDevice());
    } else if (e instanceof CstaEvent.CallCleared v) {
      conn(x, "clearedCall", v.clearedCall());
    } else if (e instanceof CstaEvent.Held v) {
      conn(x, "heldConnection", v.heldConnection());
      dev(x, "holdingDevice", v.holdingDevice());
    } else if (e instanceof CstaEvent.Retrieved v) {
      conn(x, "retrievedConnection", v.retrievedConnection());
      dev(x, "retrievingDevice", v.retrievingDevice());
    } else if (e instanceof CstaEvent.Diverted v) {
      conn(x, "connection", v.connection());
      dev(x, "divertingDevice", v.divertingDevice());
      dev(x, "newDestination", v.newDestination());
      dev(x, "callingDevice", v.callingDevice());
      dev(x, "calledDevice", v.calledDevice());
      redirection(x, v.lastRedirectionDevice());
    } else if (e instanceof CstaEvent.Transfered v) {
      conn(x, "primaryOldCall", v.primaryOldCall());
      if (v.secondaryOldCall() != null) {
        conn(x, "secondaryOldCall", v.secondaryOldCall());
      }
      dev(x, "transferringDevice", v.transferringDevice());
      dev(x, "transferredToDevice", v.transferredToDevice());
      items(x, "transferredConnections", v.transferredConnections());
    } else if (e instanceof CstaEvent.Conferenced v) {
      conn(x, "primaryOldCall", v.primaryOldCall());
      if (v.secondaryOldCall() != null) {
        conn(x, "secondaryOldCall", v.secondaryOldCall());
      }
      dev(x, "conferencingDevice", v.conferencingDevice());
      dev(x, "addedParty", v.addedParty());
      items(x, "conferenceConnections", v.conferenceConnections());
    } else if (e instanceof CstaEvent.Failed v) {
      conn(x, "failedConnection", v.failedConnection());
      dev(x, "failingDevice", v.failingDevice());
      dev(x, "callingDevice", v.callingDevice());
      dev(x, "calledDevice", v.calledDevice());
    }
    if (e.localConnectionInfo() != null) {
      x.leaf("localConnectionInfo", e.localConnectionInfo());
    }
    if (e.cause() != null) {
      x.leaf("cause", e.cause());
    }
  }

  private static void conn(Xml x, String name, ConnectionId c) {
    x.open(name).leaf("callID", c.callId());
    if (c.deviceId() != null) {
      x.leaf("deviceID", c.deviceId());
    }
    x.close(name);
  }

  private static void dev(Xml x, String name, @Nullable String device) {
    if (device != null) {
      x.open(name).leaf("deviceIdentifier", device).close(name);
    }
  }

  private static void redirection(Xml x, @Nullable String device) {
    if (device != null) {
      x.open("lastRedirectionDevice").leaf("numberDialed", device).close("lastRedirectionDevice");
    }
  }

  private static void items(Xml x, String name, List<ConnectionListItem> items) {
    if (items.isEmpty()) {
      return;
    }
    x.open(name);
    for (ConnectionListItem i : items) {
      x.open("connectionListItem");
      if (i.newConnection() != null) {
        conn(x, "newConnection", i.newConnection());
      }
      if (i.oldConnection() != null) {
        conn(x, "oldConnection", i.oldConnection());
      }
      if (i.endpoint() != null) {
        x.open("endpoint").leaf("deviceID", i.endpoint()).close("endpoint");
      }
      x.close("connectionListItem");
    }
    x.close(name);
  }

  /** Minimal XML text writer: element-only content, escaped text. */
  private static final class Xml {
    final StringBuilder sb = new StringBuilder(256).append(PROLOGUE);

    Xml open(String name) {
      sb.append('<').append(name).append('>');
      return this;
    }

    Xml close(String name) {
      sb.append("</").append(name).append('>');
      return this;
    }

    Xml leaf(String name, String text) {
      sb.append('<').append(name).append('>');
      escape(text);
      sb.append("</").append(name).append('>');
      return this;
    }

    private void escape(String s) {
      for (int i = 0; i < s.length(); i++) {
        char c = s.charAt(i);
        switch (c) {
          case '<' -> {
            sb.append("&lt;");
          }
          case '>' -> {
            sb.append("&gt;");
          }
          case '&' -> {
            sb.append("&amp;");
          }
          case '"' -> {
            sb.append("&quot;");
          }
          default -> {
            if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
              throw new IllegalArgumentException(
                  String.format("text contains control character U+%04X (not allowed in XML 1.0)", (int) c));
            }
            sb.append(c);
          }
        }
      }
    }
  }
}
