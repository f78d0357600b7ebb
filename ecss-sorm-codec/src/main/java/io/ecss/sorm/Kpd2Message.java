package io.ecss.sorm;

/**
 * A message from the station to the console on КПД2 (notes §4): a 12-byte header — {@code 0xCC},
 * SORM number, code, body length, call number (LE16), object type, object number (LE16),
 * selection flag, call parameters, service phase — and a body. Messages 1.1 to 2.2 share one
 * 36-byte body ({@link CallMessage}); message 2.3 is the test reply.
 *
 * <p>All implementations are immutable and thread-safe.
 */
public sealed interface Kpd2Message extends SormMessage
    permits Kpd2Message.CallMessage, Kpd2Message.TestReply {

  /**
   * Returns the kind of message.
   *
   * @return the frame type
   */
  SormFrameType type();

  @Override
  default int code() {
    return type().code();
  }

  /**
   * A message about a monitored call (1.1 to 2.2): the call event and an operation code whose
   * meaning depends on the message.
   */
  sealed interface CallMessage extends Kpd2Message
      permits Kpd2Message.CalledNumberReceived,
          Kpd2Message.Answer,
          Kpd2Message.Release,
          Kpd2Message.ServiceUsed,
          Kpd2Message.KslConnected,
          Kpd2Message.KslReleased {

    /**
     * Returns the call event.
     *
     * @return the event
     */
    CallEvent event();

    /**
     * Returns the operation code byte (body offset 31).
     *
     * @return 0 to 255
     */
    int operationCode();
  }

  /**
   * Message 1.1: the complete called number was received (приём полного номера вызываемого абонента).
   *
   * @param sormNumber the SORM number (номер ТС ОРМ), 0 to 255
   * @param event the call: header fields, numbers, KSLs, time, priority and codes
   * @param operation the operation code: how the KSL was attached
   */
  record CalledNumberReceived(int sormNumber, CallEvent event, KslState operation) implements CallMessage {
    /**
     * Validates the components.
     *
     * @param sormNumber the SORM number (номер ТС ОРМ), 0 to 255
     * @param event the call: header fields, numbers, KSLs, time, priority and codes
     * @param operation the operation code: how the KSL was attached
     * @throws IllegalArgumentException if {@code sormNumber} is not 0 to 255
     */
    public CalledNumberReceived {
      Checks.u8("sormNumber", sormNumber);
      Checks.notNull("event", event);
      Checks.notNull("operation", operation);
    }

    @Override
    public SormFrameType type() {
      return SormFrameType.CALLED_NUMBER_RECEIVED;
    }

    @Override
    public int operationCode() {
      return operation.code();
    }
  }

  /**
   * Message 1.2: the called party answered (ответ вызываемого абонента).
   *
   * @param sormNumber the SORM number (номер ТС ОРМ), 0 to 255
   * @param event the call: header fields, numbers, KSLs, time, priority and codes
   * @param operation the operation code: how the KSL was attached
   */
  record Answer(int sormNumber, CallEvent event, KslState operation) implements CallMessage {
    /**
     * Validates the components.
     *
     * @param sormNumber the SORM number (номер ТС ОРМ), 0 to 255
     * @param event the call: header fields, numbers, KSLs, time, priority and codes
     * @param operation the operation code: how the KSL was attached
     * @throws IllegalArgumentException if {@code sormNumber} is not 0 to 255
     */
    public Answer {
      Checks.u8("sormNumber", sormNumber);
      Checks.notNull("event", event);
      Checks.notNull("operation", operation);
    }

    @Override
    public SormFrameType type() {
      return SormFrameType.ANSWER;
    }

    @Override
    public int operationCode() {
      return operation.code();
    }
  }

  /**
   * Message 1.3: the call was released (разъединение).
   *
   * @param sormNumber the SORM number (номер ТС ОРМ), 0 to 255
   * @param event the call: header fields, numbers, KSLs, time, priority and codes
   * @param operation the operation code: why the call was released
   */
  record Release(int sormNumber, CallEvent event, ReleaseCause operation) implements CallMessage {
    /**
     * Validates the components.
     *
     * @param sormNumber the SORM number (номер ТС ОРМ), 0 to 255
     * @param event the call: header fields, numbers, KSLs, time, priority and codes
     * @param operation the operation code: why the call was released
     * @throws IllegalArgumentException if {@code sormNumber} is not 0 to 255
     */
    public Release {
      Checks.u8("sormNumber", sormNumber);
      Checks.notNull("event", event);
      Checks.notNull("operation", operation);
    }

    @Override
    public SormFrameType type() {
      return SormFrameType.RELEASE;
    }

    @Override
    public int operationCode() {
      return operation.code();
    }
  }

  /**
   * Message 1.4: a supplementary service was used (использование услуг связи).
   *
   * @param sormNumber the SORM number (номер ТС ОРМ), 0 to 255
   * @param event the call: header fields, numbers, KSLs, time, priority and codes
   * @param operation the operation code: how the KSL was attached
   */
  record ServiceUsed(int sormNumber, CallEvent event, KslState operation) implements CallMessage {
    /**
     * Validates the components.
     *
     * @param sormNumber the SORM number (номер ТС ОРМ), 0 to 255
     * @param event the call: header fields, numbers, KSLs, time, priority and codes
     * @param operation the operation code: how the KSL was attached
     * @throws IllegalArgumentException if {@code sormNumber} is not 0 to 255
     */
    public ServiceUsed {
      Checks.u8("sormNumber", sormNumber);
      Checks.notNull("event", event);
      Checks.notNull("operation", operation);
    }

    @Override
    public SormFrameType type() {
      return SormFrameType.SERVICE_USED;
    }

    @Override
    public int operationCode() {
      return operation.code();
    }
  }

  /**
   * Message 2.1: a KSL was connected to the call (подключение КСЛ).
   *
   * @param sormNumber the SORM number (номер ТС ОРМ), 0 to 255
   * @param event the call: header fields, numbers, KSLs, time, priority and codes
   * @param operation the operation code: how the KSL was connected
   */
  record KslConnected(int sormNumber, CallEvent event, KslState operation) implements CallMessage {
    /**
     * Validates the components.
     *
     * @param sormNumber the SORM number (номер ТС ОРМ), 0 to 255
     * @param event the call: header fields, numbers, KSLs, time, priority and codes
     * @param operation the operation code: how the KSL was connected
     * @throws IllegalArgumentException if {@code sormNumber} is not 0 to 255
     */
    public KslConnected {
      Checks.u8("sormNumber", sormNumber);
      Checks.notNull("event", event);
      Checks.notNull("operation", operation);
    }

    @Override
    public SormFrameType type() {
      return SormFrameType.KSL_CONNECTED;
    }

    @Override
    public int operationCode() {
      return operation.code();
    }
  }

  /**
   * Message 2.2: the KSL of the call was released (освобождение КСЛ).
   *
   * @param sormNumber the SORM number (номер ТС ОРМ), 0 to 255
   * @param event the call: header fields, numbers, KSLs, time, priority and codes
   * @param operation the operation code: why the KSL was released
   */
  record KslReleased(int sormNumber, CallEvent event, KslReleaseReason operation) implements CallMessage {
    /**
     * Validates the components.
     *
     * @param sormNumber the SORM number (номер ТС ОРМ), 0 to 255
     * @param event the call: header fields, numbers, KSLs, time, priority and codes
     * @param operation the operation code: why the KSL was released
     * @throws IllegalArgumentException if {@code sormNumber} is not 0 to 255
     */
    public KslReleased {
      Checks.u8("sormNumber", sormNumber);
      Checks.notNull("event", event);
      Checks.notNull("operation", operation);
    }

    @Override
    public SormFrameType type() {
      return SormFrameType.KSL_RELEASED;
    }

    @Override
    public int operationCode() {
      return operation.code();
    }
  }

  /**
   * Message 2.3: the КПД2 reply to command 14 (ответное тестовое сообщение), sent on every КПД2; header bytes 4–11 are {@code FF}.
   *
   * @param sormNumber the SORM number (номер ТС ОРМ), 0 to 255
   * @param testNumber the test number of the command, 0 to 255
   * @param kpd1State the КПД1 state byte, 0 to 255
   * @param kpd2State the КПД2 state byte, 0 to 255
   */
  record TestReply(int sormNumber, int testNumber, int kpd1State, int kpd2State) implements Kpd2Message {
    /**
     * Validates the components.
     *
     * @param sormNumber the SORM number (номер ТС ОРМ), 0 to 255
     * @param testNumber the test number of the command, 0 to 255
     * @param kpd1State the КПД1 state byte, 0 to 255
     * @param kpd2State the КПД2 state byte, 0 to 255
     * @throws IllegalArgumentException if a value cannot be represented on the wire
     */
    public TestReply {
      Checks.u8("sormNumber", sormNumber);
      Checks.u8("testNumber", testNumber);
      Checks.u8("kpd1State", kpd1State);
      Checks.u8("kpd2State", kpd2State);
    }

    @Override
    public SormFrameType type() {
      return SormFrameType.KPD2_TEST_REPLY;
    }

  }
}
