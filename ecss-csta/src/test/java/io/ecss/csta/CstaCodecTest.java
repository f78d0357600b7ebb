package io.ecss.csta;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class CstaCodecTest {
  private static final String ED3 = CstaCodec.NS_ED3;

  static Stream<Long> seeds() {
    return IntStream.range(0, 20).mapToObj(i -> 0xC5_7A00L + i);
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void decodeOfEncodeIsIdentityFor100GeneratedMessages(long seed) {
    MessageGen gen = new MessageGen(seed);
    for (int i = 0; i < 100; i++) {
      CstaMessage m = gen.next();
      String xml = CstaCodec.encode(m);
      assertThat(CstaCodec.decode(xml)).as("seed %d #%d: %s", seed, i, xml).isEqualTo(m);
      // Every encoded message also survives framing.
      byte[] wire = CstaFrames.encode(i, xml);
      assertThat(new CstaFrameDecoder().feed(wire, 0, wire.length).get(0).xml()).isEqualTo(xml);
    }
  }

  @Test
  void everyKindRoundTrips() {
    MessageGen gen = new MessageGen(42);
    for (int k = 0; k < MessageGen.KINDS; k++) {
      CstaMessage m = gen.of(k);
      assertThat(CstaCodec.decode(CstaCodec.encode(m))).as("kind %d", k).isEqualTo(m);
    }
  }

  @Test
  void startApplicationSessionHasTheEcssShape() {
    String xml =
        CstaCodec.encode(
            new CstaRequest.StartApplicationSession("ecss-sdk", "p.city", "1234", ED3, 300));
    assertThat(xml)
        .isEqualTo(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                + "<StartApplicationSession xmlns=\"http://www.ecma-international.org/standards/ecma-354/appl_session\">"
                + "<applicationInfo><applicationID>ecss-sdk</applicationID>"
                + "<applicationSpecificInfo><e:SessionLoginInfo xmlns:e=\"http://www.eltex.org/csta\">"
                + "<e:userName>p.city</e:userName><e:password>1234</e:password></e:SessionLoginInfo>"
                + "</applicationSpecificInfo></applicationInfo>"
                + "<requestedProtocolVersions><protocolVersion>" + ED3 + "</protocolVersion>"
                + "</requestedProtocolVersions><requestedSessionDuration>300</requestedSessionDuration>"
                + "</StartApplicationSession>");
    assertThat(new CstaRequest.StartApplicationSession("a", "u", "secret", ED3, 1).toString())
        .doesNotContain("secret");
  }

  @Test
  void emptyResponsesAreSelfClosing() {
    assertThat(CstaCodec.encode(new CstaResponse.AnswerCallResponse()))
        .isEqualTo("<?xml version=\"1.0\" encoding=\"UTF-8\"?><AnswerCallResponse xmlns=\"" + ED3 + "\"/>");
    assertThat(CstaCodec.encode(new CstaResponse.StopApplicationSessionResponse()))
        .endsWith("<StopApplicationSessionPosResponse xmlns=\"" + CstaCodec.NS_354 + "\"/>");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "http://www.ecma-international.org/standards/ecma-323/csta/ed3",
        "http://www.ecma-international.org/standards/ecma-323/csta/ed4",
        "http://www.ecma-international.org/standards/ecma-323/csta/ed5",
        "http://www.ecma-international.org/standards/ecma-323/csta/ed6",
        ""
      })
  void acceptsEd3ToEd6AndUnqualified(String ns) {
    String xml =
        "<EstablishedEvent xmlns=\"" + ns + "\"><monitorCrossRefID>5</monitorCrossRefID>"
            + "<establishedConnection><callID>C1</callID><deviceID>102</deviceID></establishedConnection>"
            + "<answeringDevice><deviceIdentifier>102</deviceIdentifier></answeringDevice>"
            + "<cause>newCall</cause></EstablishedEvent>";
    assertThat(CstaCodec.decode(xml))
        .isEqualTo(
            new CstaEvent.Established("5", ConnectionId.of("C1", "102"), "102", null, null, null, null, "newCall"));
  }

  @Test
  void ignoresUnknownElementsAttributesOrderAndPrefixes() {
    String xml =
        "<?xml version='1.0'?>\n<csta:ConnectionClearedEvent xmlns:csta=\"" + ED3 + "\" xmlns:x=\"urn:x\">\n"
            + "  <csta:cause>normalClearing</csta:cause>\n"
            + "  <x:vendor a=\"1\"><x:deep><x:deeper>ignored</x:deeper></x:deep></x:vendor>\n"
            + "  <csta:releasingDevice><csta:notKnown/></csta:releasingDevice>\n"
            + "  <csta:droppedConnection typeOfNumber=\"x\"><csta:deviceID typeOfNumber=\"dynamic\">101</csta:deviceID>"
            + "<csta:callID>C9</csta:callID></csta:droppedConnection>\n"
            + "  <csta:monitorCrossRefID>1</csta:monitorCrossRefID>\n"
            + "</csta:ConnectionClearedEvent>";
    assertThat(CstaCodec.decode(xml))
        .isEqualTo(new CstaEvent.ConnectionCleared("1", ConnectionId.of("C9", "101"), null, null, "normalClearing"));
  }

  @Test
  void unknownEventIsKeptRawWithItsMonitor() {
    String xml = "<DigitsDialedEvent xmlns=\"" + ED3 + "\"><monitorCrossRefID>3</monitorCrossRefID><digits>5</digits></DigitsDialedEvent>";
    assertThat(CstaCodec.decode(xml)).isEqualTo(new CstaEvent.Raw("DigitsDialedEvent", "3", xml));
    CstaEvent.Raw raw = (CstaEvent.Raw) CstaCodec.decode(xml);
    assertThat(raw.connection()).isNull();
    assertThat(raw.cause()).isNull();
    assertThat(raw.localConnectionInfo()).isNull();
    assertThat(raw.withMonitorCrossRefId("9").monitorCrossRefId()).isEqualTo("9");
    assertThat(CstaCodec.encode(raw)).isEqualTo(xml);
  }

  @Test
  void unknownNonEventIsUnknown() {
    String xml = "<GetDeviceId><switchName>x</switchName></GetDeviceId>";
    assertThat(CstaCodec.decode(xml)).isEqualTo(new CstaMessage.Unknown("GetDeviceId", xml));
    assertThat(CstaCodec.encode(new CstaMessage.Unknown("GetDeviceId", xml))).isEqualTo(xml);
  }

  @Test
  void cstaErrorCodeIsTyped() {
    assertThat(CstaCodec.decode("<CSTAErrorCode xmlns=\"" + ED3 + "\"><stateIncompatibility>noCallToAnswer</stateIncompatibility></CSTAErrorCode>"))
        .isEqualTo(CstaError.of("stateIncompatibility", "noCallToAnswer"));
    // The schema's misspelling is kept as the category.
    assertThat(CstaCodec.decode("<CSTAErrorCode><systemResourceAvailibility>resourceBusy</systemResourceAvailibility></CSTAErrorCode>"))
        .isEqualTo(CstaError.of("systemResourceAvailibility", "resourceBusy"));
    assertThat(CstaCodec.decode("<CSTAErrorCode>odd</CSTAErrorCode>")).isEqualTo(CstaError.of("unspecified", "odd"));
  }

  @Test
  void negResponsesAreErrors() {
    assertThat(CstaCodec.decode("<StartApplicationSessionNegResponse xmlns=\"" + CstaCodec.NS_354 + "\"><errorCode><definedError>invalidApplicationInfo</definedError></errorCode></StartApplicationSessionNegResponse>"))
        .isEqualTo(new CstaError("StartApplicationSessionNegResponse", "definedError", "invalidApplicationInfo"));
    assertThat(CstaCodec.decode("<ResetApplicationSessionTimerNegResponse><errorCode>gone</errorCode></ResetApplicationSessionTimerNegResponse>"))
        .isEqualTo(new CstaError("ResetApplicationSessionTimerNegResponse", "applError", "gone"));
  }

  @Test
  void sessionTerminatedIsDecoded() {
    assertThat(CstaCodec.decode("<ApplicationSessionTerminated><sessionID>S1</sessionID><sessionTermReason><definedTermReason>sessionTimerExpired</definedTermReason></sessionTermReason></ApplicationSessionTerminated>"))
        .isEqualTo(new CstaMessage.SessionTerminated("S1", "sessionTimerExpired"));
    // ECMA-354 DefinedEndReason is normal (what close() sends); other text goes in appEndReason
    assertThat(CstaCodec.encode(new CstaRequest.StopApplicationSession("S1", "normal")))
        .contains("<sessionEndReason><definedEndReason>normal</definedEndReason></sessionEndReason>");
    assertThat(CstaCodec.encode(new CstaRequest.StopApplicationSession("S1", "crm restart")))
        .contains("<sessionEndReason><appEndReason>crm restart</appEndReason></sessionEndReason>");
    // ECMA-354 DefinedTermReason has two values; other text goes in serverTermReason
    assertThat(CstaCodec.encode(new CstaMessage.SessionTerminated("S1", "resourceLimitation")))
        .contains("<sessionTermReason><definedTermReason>resourceLimitation</definedTermReason></sessionTermReason>");
    assertThat(CstaCodec.encode(new CstaMessage.SessionTerminated("S1", "maintenance window")))
        .contains("<sessionTermReason><serverTermReason>maintenance window</serverTermReason></sessionTermReason>");
  }

  @Test
  void osvStyleDeviceIdentifiersAndSnapshotVariants() {
    String snap = "<SnapshotDeviceResponse><crossRefIDorSnapshotData><snapshotData>"
        + "<snapshotDeviceResponseInfo><connectionIdentifier><callID>C1</callID><deviceID><staticID>101</staticID></deviceID></connectionIdentifier>"
        + "<localCallState><simpleCallState>callActive</simpleCallState></localCallState></snapshotDeviceResponseInfo>"
        + "</snapshotData></crossRefIDorSnapshotData></SnapshotDeviceResponse>";
    assertThat(CstaCodec.decode(snap))
        .isEqualTo(new CstaResponse.SnapshotDeviceResponse(
            List.of(new CstaResponse.SnapshotCall(ConnectionId.of("C1", "101"), null, List.of("callActive")))));
    assertThat(CstaCodec.decode("<MakeCall><callingDevice>101</callingDevice><calledDirectoryNumber><deviceIdentifier>102</deviceIdentifier></calledDirectoryNumber></MakeCall>"))
        .isEqualTo(CstaRequest.MakeCall.of("101", "102"));
  }

  @Test
  void doctypeIsRejected() {
    String xxe = "<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
        + "<MonitorStop><monitorCrossRefID>&x;</monitorCrossRefID></MonitorStop>";
    assertThatThrownBy(() -> CstaCodec.decode(xxe))
        .isInstanceOf(CstaParseException.class)
        .hasMessageNotContaining("root:");
  }

  @Test
  void malformedXmlCarriesLineAndColumn() {
    assertThatThrownBy(() -> CstaCodec.decode("<MonitorStop>\n<monitorCrossRefID>1</monitorCrossRef></MonitorStop>"))
        .isInstanceOf(CstaParseException.class)
        .hasMessageStartingWith("malformed XML: ")
        .satisfies(e -> assertThat(((CstaParseException) e).line()).isEqualTo(2));
    assertThatThrownBy(() -> CstaCodec.decode("")).isInstanceOf(CstaParseException.class);
  }

  @Test
  void missingRequiredElementIsNamed() {
    assertThatThrownBy(() -> CstaCodec.decode("<DeliveredEvent>\n  <connection><callID>C</callID></connection></DeliveredEvent>"))
        .isInstanceOf(CstaParseException.class)
        .hasMessage("DeliveredEvent lacks required element monitorCrossRefID at line 1, column 17");
    assertThatThrownBy(() -> CstaCodec.decode("<AnswerCall><callToBeAnswered><deviceID>1</deviceID></callToBeAnswered></AnswerCall>"))
        .hasMessage("callToBeAnswered lacks callID at line 1, column 31");
    assertThatThrownBy(() -> CstaCodec.decode("<MonitorStartResponse><monitorCrossRefID/></MonitorStartResponse>"))
        .hasMessage("MonitorStartResponse/monitorCrossRefID is empty at line 1, column 43");
    assertThatThrownBy(() -> CstaCodec.decode("<ResetApplicationSessionTimerPosResponse><actualSessionDuration>x</actualSessionDuration></ResetApplicationSessionTimerPosResponse>"))
        .hasMessageStartingWith("ResetApplicationSessionTimerPosResponse/actualSessionDuration is not an integer: 'x'");
    assertThatThrownBy(() -> CstaCodec.decode("<MonitorStart><monitorObject><callObject>1</callObject></monitorObject></MonitorStart>"))
        .hasMessage("callObject lacks callID at line 1, column 42");
    assertThatThrownBy(() -> CstaCodec.decode("<SnapshotDevice><snapshotObject><notKnown/></snapshotObject></SnapshotDevice>"))
        .hasMessageStartingWith("snapshotObject has no device identifier");
  }

  @Test
  void valuesARecordRefusesAreParseErrorsNotIllegalArgument() {
    assertThatThrownBy(() -> CstaCodec.decode(
            "<MakeCall><callingDevice>101</callingDevice><calledDirectoryNumber>102</calledDirectoryNumber>"
                + "<autoOriginate>x</autoOriginate></MakeCall>"))
        .isInstanceOf(CstaParseException.class)
        .hasMessage("MakeCall: autoOriginate: x (expected prompt or doNotPrompt) at line 1, column 11");
    assertThatThrownBy(() -> CstaCodec.decode(
            "<ResetApplicationSessionTimer><sessionID>s</sessionID>"
                + "<requestedSessionDuration>-1</requestedSessionDuration></ResetApplicationSessionTimer>"))
        .isInstanceOf(CstaParseException.class)
        .hasMessageStartingWith("ResetApplicationSessionTimer: ");
  }

  @Test
  void nestingIsLimited() {
    String deep = "<a>".repeat(XmlNode.MAX_DEPTH + 1) + "</a>".repeat(XmlNode.MAX_DEPTH + 1);
    assertThatThrownBy(() -> CstaCodec.decode(deep)).hasMessageStartingWith("element nesting exceeds 64 levels");
  }

  @Test
  void textIsEscapedAndControlCharactersRefused() {
    String xml = CstaCodec.encode(CstaRequest.MakeCall.of("a<b&c\"", "Иванов"));
    assertThat(xml).contains("<callingDevice>a&lt;b&amp;c&quot;</callingDevice>");
    assertThatThrownBy(() -> CstaCodec.encode(CstaRequest.MakeCall.of("a\u0001", "1")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("text contains control character U+0001 (not allowed in XML 1.0)");
  }

  @Test
  void recordsValidate() {
    assertThatThrownBy(() -> new ConnectionId("", "1")).hasMessage("callId: empty (expected a call identifier)");
    assertThatThrownBy(() -> CstaRequest.MakeCall.of("", "1")).hasMessage("callingDevice: empty");
    assertThatThrownBy(() -> new CstaRequest.MakeCall("1", "2", "later"))
        .hasMessage("autoOriginate: later (expected prompt or doNotPrompt)");
    assertThatThrownBy(() -> new CstaRequest.ResetApplicationSessionTimer("s", 0))
        .hasMessage("requestedDurationSeconds: 0 (expected > 0)");
    assertThat(ConnectionId.of("C1", "101").toString()).isEqualTo("C1/101");
    assertThat(new ConnectionId("C1", null).toString()).isEqualTo("C1");
    assertThat(CstaError.of("operation", "generic").toString()).isEqualTo("CSTAErrorCode{operation=generic}");
  }

  @Test
  void withMonitorCrossRefIdKeepsEverythingElse() {
    MessageGen gen = new MessageGen(7);
    for (int k = 40; k < MessageGen.KINDS; k++) {
      CstaEvent e = (CstaEvent) gen.of(k);
      CstaEvent moved = e.withMonitorCrossRefId("new");
      assertThat(moved.monitorCrossRefId()).isEqualTo("new");
      assertThat(moved.withMonitorCrossRefId(e.monitorCrossRefId())).isEqualTo(e);
      assertThat(moved.connection()).isEqualTo(e.connection());
    }
  }
}
