package io.ecss.sorm;

import java.util.List;

/**
 * A message from the station to the console on КПД1 (notes §3): a 10-byte header — {@code 0xCC},
 * SORM number, code, body length, message count (LE16), message number (LE16), reserve {@code FF},
 * requirements version {@code 02} — and a body whose layout the code fixes. One record per
 * message 1–12.
 *
 * <p>All implementations are immutable and thread-safe.
 */
public sealed interface Kpd1Message extends SormMessage
    permits Kpd1Message.Failure,
        Kpd1Message.Restart,
        Kpd1Message.ObjectRecord,
        Kpd1Message.KslGroupTable,
        Kpd1Message.ServiceList,
        Kpd1Message.Intrusion,
        Kpd1Message.Receipt,
        Kpd1Message.Execution,
        Kpd1Message.TestReply,
        Kpd1Message.TrunkGroupName,
        Kpd1Message.SoftwareVersion,
        Kpd1Message.TelecomMessage {

  /**
   * Returns the kind of message.
   *
   * @return the frame type
   */
  SormFrameType type();

  /**
   * Returns how many messages make up this reply (количество сообщений); table replies are paged.
   *
   * @return 0 to 65535
   */
  int messageCount();

  /**
   * Returns the number of this message within the reply (номер сообщения).
   *
   * @return 0 to 65535
   */
  int messageNumber();

  @Override
  default int code() {
    return type().code();
  }

  /**
   * Message 1: failure (авария).
   *
   * @param sormNumber the SORM number (номер ТС ОРМ), 0 to 255
   * @param messageCount the number of messages of this reply (количество сообщений), 0 to 65535
   * @param messageNumber the number of this message in the reply (номер сообщения), 0 to 65535
   * @param failureType the kind of failure
   * @param failureCode the failure code
   */
  record Failure(int sormNumber, int messageCount, int messageNumber, FailureType failureType, FailureCode failureCode) implements Kpd1Message {
    /**
     * Validates the components.
     *
     * @param sormNumber the SORM number (номер ТС ОРМ), 0 to 255
     * @param messageCount the number of messages of this reply (количество сообщений), 0 to 65535
     * @param messageNumber the number of this message in the reply (номер сообщения), 0 to 65535
     * @param failureType the kind of failure
     * @param failureCode the failure code
     * @throws IllegalArgumentException if a value cannot be represented on the wire
     */
    public Failure {
      Checks.u8("sormNumber", sormNumber);
      Checks.u16("messageCount", messageCount);
      Checks.u16("messageNumber", messageNumber);
      Checks.notNull("failureType", failureType);
      Checks.notNull("failureCode", failureCode);
    }

    @Override
    public SormFrameType type() {
      return SormFrameType.FAILURE;
    }

  }

  /**
   * Message 2: the station software restarted (перезапуск ПО станции).
   *
   * @param sormNumber the SORM number (номер ТС ОРМ), 0 to 255
   * @param messageCount the number of messages of this reply (количество сообщений), 0 to 65535
   * @param messageNumber the number of this message in the reply (номер сообщения), 0 to 65535
   */
  record Restart(int sormNumber, int messageCount, int messageNumber) implements Kpd1Message {
    /**
     * Validates the components.
     *
     * @param sormNumber the SORM number (номер ТС ОРМ), 0 to 255
     * @param messageCount the number of messages of this reply (количество сообщений), 0 to 65535
     * @param messageNumber the number of this message in the reply (номер сообщения), 0 to 65535
     * @throws IllegalArgumentException if a value cannot be represented on the wire
     */
    public Restart {
      Checks.u8("sormNumber", sormNumber);
      Checks.u16("messageCount", messageCount);
      Checks.u16("messageNumber", messageNumber);
    }

    @Override
    public SormFrameType type() {
      return SormFrameType.RESTART;
    }

  }

  /**
   * Message 3: one object of the object table (данные об объектах контроля), a reply to command 10.
   *
   * @param sormNumber the SORM number (номер ТС ОРМ), 0 to 255
   * @param messageCount the number of messages of this reply (количество сообщений), 0 to 65535
   * @param messageNumber the number of this message in the reply (номер сообщения), 0 to 65535
   * @param objectNumber the object number, 0 to 65535
   * @param objectType the object type
   * @param number the subscriber number, or {@link PhoneNumber#NONE}
   * @param trunkGroup the trunk-group number, 0 to 65535 ({@code 0xFFFF} unused)
   * @param category the control category
   * @param kslGroup the KSL group, 0 to 255
   * @param priority the priority
   * @param lineState the state of the subscriber line
   */
  record ObjectRecord(int sormNumber, int messageCount, int messageNumber, int objectNumber, ObjectType objectType, PhoneNumber number, int trunkGroup, ControlCategory category, int kslGroup, Priority priority, LineState lineState) implements Kpd1Message {
    /**
     * Validates the components.
     *
     * @param sormNumber the SORM number (номер ТС ОРМ), 0 to 255
     * @param messageCount the number of messages of this reply (количество сообщений), 0 to 65535
     * @param messageNumber the number of this message in the reply (номер сообщения), 0 to 65535
     * @param objectNumber the object number, 0 to 65535
     * @param objectType the object type
     * @param number the subscriber number, or {@link PhoneNumber#NONE}
     * @param trunkGroup the trunk-group number, 0 to 65535 ({@code 0xFFFF} unused)
     * @param category the control category
     * @param kslGroup the KSL group, 0 to 255
     * @param priority the priority
     * @param lineState the state of the subscriber line
     * @throws IllegalArgumentException if a value cannot be represented on the wire
     */
    public ObjectRecord {
      Checks.u8("sormNumber", sormNumber);
      Checks.u16("messageCount", messageCount);
      Checks.u16("messageNumber", messageNumber);
      Checks.u16("objectNumber", objectNumber);
      Checks.notNull("objectType", objectType);
      Checks.notNull("number", number);
      Checks.u16("trunkGroup", trunkGroup);
      Checks.notNull("category", category);
      Checks.u8("kslGroup", kslGroup);
      Checks.notNull("priority", priority);
      Checks.notNull("lineState", lineState);
    }

    @Override
    public SormFrameType type() {
      return SormFrameType.OBJECT_RECORD;
    }

  }

  /**
   * Message 4: the KSL-group table (соответствие КСЛ и групп), a reply to command 11: up to 11 records of 4 bytes, unused records {@code FF}, then a final {@code FF}.
   *
   * @param sormNumber the SORM number (номер ТС ОРМ), 0 to 255
   * @param messageCount the number of messages of this reply (количество сообщений), 0 to 65535
   * @param messageNumber the number of this message in the reply (номер сообщения), 0 to 65535
   * @param entries the used records, at most 11
   */
  record KslGroupTable(int sormNumber, int messageCount, int messageNumber, List<KslGroupEntry> entries) implements Kpd1Message {
    /**
     * Validates the components.
     *
     * @param sormNumber the SORM number (номер ТС ОРМ), 0 to 255
     * @param messageCount the number of messages of this reply (количество сообщений), 0 to 65535
     * @param messageNumber the number of this message in the reply (номер сообщения), 0 to 65535
     * @param entries the used records, at most 11
     * @throws IllegalArgumentException if a value cannot be represented on the wire
     */
    public KslGroupTable {
      Checks.u8("sormNumber", sormNumber);
      Checks.u16("messageCount", messageCount);
      Checks.u16("messageNumber", messageNumber);
      entries = List.copyOf(Checks.notNull("entries", entries));
      if (entries.size() > 11) {
        throw new IllegalArgumentException("entries: " + entries.size() + " records (expected at most 11)");
      }
    }

    @Override
    public SormFrameType type() {
      return SormFrameType.KSL_GROUP_TABLE;
    }

  }

  /**
   * Message 5: the supplementary services of a subscriber (список услуг связи), a reply to command 12: the number, a count, then 11 three-byte entries {@code FF FF code} (unused entries {@code FF FF FF}).
   *
   * @param sormNumber the SORM number (номер ТС ОРМ), 0 to 255
   * @param messageCount the number of messages of this reply (количество сообщений), 0 to 65535
   * @param messageNumber the number of this message in the reply (номер сообщения), 0 to 65535
   * @param number the subscriber number
   * @param services the services, at most 11
   */
  record ServiceList(int sormNumber, int messageCount, int messageNumber, PhoneNumber number, List<ServiceCode> services) implements Kpd1Message {
    /**
     * Validates the components.
     *
     * @param sormNumber the SORM number (номер ТС ОРМ), 0 to 255
     * @param messageCount the number of messages of this reply (количество сообщений), 0 to 65535
     * @param messageNumber the number of this message in the reply (номер сообщения), 0 to 65535
     * @param number the subscriber number
     * @param services the services, at most 11
     * @throws IllegalArgumentException if a value cannot be represented on the wire
     */
    public ServiceList {
      Checks.u8("sormNumber", sormNumber);
      Checks.u16("messageCount", messageCount);
      Checks.u16("messageNumber", messageNumber);
      Checks.notNull("number", number);
      services = List.copyOf(Checks.notNull("services", services));
      if (services.size() > 11) {
        throw new IllegalArgumentException("services: " + services.size() + " services (expected at most 11)");
      }
    }

    @Override
    public SormFrameType type() {
      return SormFrameType.SERVICE_LIST;
    }

  }

  /**
   * Message 6: unauthorised access (несанкционированный доступ).
   *
   * @param sormNumber the SORM number (номер ТС ОРМ), 0 to 255
   * @param messageCount the number of messages of this reply (количество сообщений), 0 to 65535
   * @param messageNumber the number of this message in the reply (номер сообщения), 0 to 65535
   * @param intrusionType what happened
   * @param time when it happened
   * @param text a free text of at most 40 single-byte characters (padded with {@code FF} on the wire)
   */
  record Intrusion(int sormNumber, int messageCount, int messageNumber, IntrusionType intrusionType, EventTime time, String text) implements Kpd1Message {
    /**
     * Validates the components.
     *
     * @param sormNumber the SORM number (номер ТС ОРМ), 0 to 255
     * @param messageCount the number of messages of this reply (количество сообщений), 0 to 65535
     * @param messageNumber the number of this message in the reply (номер сообщения), 0 to 65535
     * @param intrusionType what happened
     * @param time when it happened
     * @param text a free text of at most 40 single-byte characters (padded with {@code FF} on the wire)
     * @throws IllegalArgumentException if a value cannot be represented on the wire
     */
    public Intrusion {
      Checks.u8("sormNumber", sormNumber);
      Checks.u16("messageCount", messageCount);
      Checks.u16("messageNumber", messageNumber);
      Checks.notNull("intrusionType", intrusionType);
      Checks.notNull("time", time);
      Checks.text("text", text, 40);
    }

    @Override
    public SormFrameType type() {
      return SormFrameType.INTRUSION;
    }

  }

  /**
   * Message 7: receipt of a command (подтверждение приёма команды), sent for every command before message 8.
   *
   * @param sormNumber the SORM number (номер ТС ОРМ), 0 to 255
   * @param messageCount the number of messages of this reply (количество сообщений), 0 to 65535
   * @param messageNumber the number of this message in the reply (номер сообщения), 0 to 65535
   * @param commandCode the code of the command acknowledged, 0 to 255
   * @param status accepted, or why it was refused
   */
  record Receipt(int sormNumber, int messageCount, int messageNumber, int commandCode, StatusCode status) implements Kpd1Message {
    /**
     * Validates the components.
     *
     * @param sormNumber the SORM number (номер ТС ОРМ), 0 to 255
     * @param messageCount the number of messages of this reply (количество сообщений), 0 to 65535
     * @param messageNumber the number of this message in the reply (номер сообщения), 0 to 65535
     * @param commandCode the code of the command acknowledged, 0 to 255
     * @param status accepted, or why it was refused
     * @throws IllegalArgumentException if a value cannot be represented on the wire
     */
    public Receipt {
      Checks.u8("sormNumber", sormNumber);
      Checks.u16("messageCount", messageCount);
      Checks.u16("messageNumber", messageNumber);
      Checks.u8("commandCode", commandCode);
      Checks.notNull("status", status);
    }

    @Override
    public SormFrameType type() {
      return SormFrameType.RECEIPT;
    }

  }

  /**
   * Message 8: execution result of a command (подтверждение выполнения команды).
   *
   * @param sormNumber the SORM number (номер ТС ОРМ), 0 to 255
   * @param messageCount the number of messages of this reply (количество сообщений), 0 to 65535
   * @param messageNumber the number of this message in the reply (номер сообщения), 0 to 65535
   * @param commandCode the code of the command, 0 to 255
   * @param status executed, or why not
   */
  record Execution(int sormNumber, int messageCount, int messageNumber, int commandCode, StatusCode status) implements Kpd1Message {
    /**
     * Validates the components.
     *
     * @param sormNumber the SORM number (номер ТС ОРМ), 0 to 255
     * @param messageCount the number of messages of this reply (количество сообщений), 0 to 65535
     * @param messageNumber the number of this message in the reply (номер сообщения), 0 to 65535
     * @param commandCode the code of the command, 0 to 255
     * @param status executed, or why not
     * @throws IllegalArgumentException if a value cannot be represented on the wire
     */
    public Execution {
      Checks.u8("sormNumber", sormNumber);
      Checks.u16("messageCount", messageCount);
      Checks.u16("messageNumber", messageNumber);
      Checks.u8("commandCode", commandCode);
      Checks.notNull("status", status);
    }

    @Override
    public SormFrameType type() {
      return SormFrameType.EXECUTION;
    }

  }

  /**
   * Message 9: the КПД1 reply to command 14 (ответное тестовое сообщение).
   *
   * @param sormNumber the SORM number (номер ТС ОРМ), 0 to 255
   * @param messageCount the number of messages of this reply (количество сообщений), 0 to 65535
   * @param messageNumber the number of this message in the reply (номер сообщения), 0 to 65535
   * @param testNumber the test number of the command, 0 to 255
   * @param kpd1State the КПД1 state byte, one bit per channel instance, 0 to 255
   * @param kpd2State the КПД2 state byte, one bit per channel instance, 0 to 255
   */
  record TestReply(int sormNumber, int messageCount, int messageNumber, int testNumber, int kpd1State, int kpd2State) implements Kpd1Message {
    /**
     * Validates the components.
     *
     * @param sormNumber the SORM number (номер ТС ОРМ), 0 to 255
     * @param messageCount the number of messages of this reply (количество сообщений), 0 to 65535
     * @param messageNumber the number of this message in the reply (номер сообщения), 0 to 65535
     * @param testNumber the test number of the command, 0 to 255
     * @param kpd1State the КПД1 state byte, one bit per channel instance, 0 to 255
     * @param kpd2State the КПД2 state byte, one bit per channel instance, 0 to 255
     * @throws IllegalArgumentException if a value cannot be represented on the wire
     */
    public TestReply {
      Checks.u8("sormNumber", sormNumber);
      Checks.u16("messageCount", messageCount);
      Checks.u16("messageNumber", messageNumber);
      Checks.u8("testNumber", testNumber);
      Checks.u8("kpd1State", kpd1State);
      Checks.u8("kpd2State", kpd2State);
    }

    @Override
    public SormFrameType type() {
      return SormFrameType.TEST_REPLY;
    }

  }

  /**
   * Message 10: station name of a trunk group (соответствие условных номеров пучков и станционных имён), a reply to command 16.
   *
   * @param sormNumber the SORM number (номер ТС ОРМ), 0 to 255
   * @param messageCount the number of messages of this reply (количество сообщений), 0 to 65535
   * @param messageNumber the number of this message in the reply (номер сообщения), 0 to 65535
   * @param trunkGroup the trunk-group number, 0 to 65535
   * @param name the station name, at most 43 single-byte characters (padded with {@code FF} on the wire)
   */
  record TrunkGroupName(int sormNumber, int messageCount, int messageNumber, int trunkGroup, String name) implements Kpd1Message {
    /**
     * Validates the components.
     *
     * @param sormNumber the SORM number (номер ТС ОРМ), 0 to 255
     * @param messageCount the number of messages of this reply (количество сообщений), 0 to 65535
     * @param messageNumber the number of this message in the reply (номер сообщения), 0 to 65535
     * @param trunkGroup the trunk-group number, 0 to 65535
     * @param name the station name, at most 43 single-byte characters (padded with {@code FF} on the wire)
     * @throws IllegalArgumentException if a value cannot be represented on the wire
     */
    public TrunkGroupName {
      Checks.u8("sormNumber", sormNumber);
      Checks.u16("messageCount", messageCount);
      Checks.u16("messageNumber", messageNumber);
      Checks.u16("trunkGroup", trunkGroup);
      Checks.text("name", name, 43);
    }

    @Override
    public SormFrameType type() {
      return SormFrameType.TRUNK_GROUP_NAME;
    }

  }

  /**
   * Message 11: software version of the node (версия ПО станции), a reply to command 17.
   *
   * @param sormNumber the SORM number (номер ТС ОРМ), 0 to 255
   * @param messageCount the number of messages of this reply (количество сообщений), 0 to 65535
   * @param messageNumber the number of this message in the reply (номер сообщения), 0 to 65535
   * @param version the version text, at most 44 single-byte characters (padded with {@code FF} on the wire)
   * @param nodeType the type of node
   */
  record SoftwareVersion(int sormNumber, int messageCount, int messageNumber, String version, NodeType nodeType) implements Kpd1Message {
    /**
     * Validates the components.
     *
     * @param sormNumber the SORM number (номер ТС ОРМ), 0 to 255
     * @param messageCount the number of messages of this reply (количество сообщений), 0 to 65535
     * @param messageNumber the number of this message in the reply (номер сообщения), 0 to 65535
     * @param version the version text, at most 44 single-byte characters (padded with {@code FF} on the wire)
     * @param nodeType the type of node
     * @throws IllegalArgumentException if a value cannot be represented on the wire
     */
    public SoftwareVersion {
      Checks.u8("sormNumber", sormNumber);
      Checks.u16("messageCount", messageCount);
      Checks.u16("messageNumber", messageNumber);
      Checks.text("version", version, 44);
      Checks.notNull("nodeType", nodeType);
    }

    @Override
    public SormFrameType type() {
      return SormFrameType.SOFTWARE_VERSION;
    }

  }

  /**
   * Message 12: a telecom message (SMS or similar) of an object on control (передача сообщений электросвязи): 53 fixed bytes and the content. The layout is inferred (notes §3.1, open question 7).
   *
   * @param sormNumber the SORM number (номер ТС ОРМ), 0 to 255
   * @param messageCount the number of messages of this reply (количество сообщений), 0 to 65535
   * @param messageNumber the number of this message in the reply (номер сообщения), 0 to 65535
   * @param objectNumber the object number, 0 to 65535
   * @param objectType the object type
   * @param sender the sender number
   * @param deliveryState the delivery state, 0 to 255
   * @param deliveryCode the delivery code, 0 to 255
   * @param time the transmission time
   * @param receiver the receiver number
   * @param senderImsi the sender IMSI, or {@link PhoneNumber#NONE}
   * @param receiverImsi the receiver IMSI, or {@link PhoneNumber#NONE}
   * @param content the message content as sent, at most 202 bytes
   */
  record TelecomMessage(int sormNumber, int messageCount, int messageNumber, int objectNumber, ObjectType objectType, PhoneNumber sender, int deliveryState, int deliveryCode, EventTime time, PhoneNumber receiver, PhoneNumber senderImsi, PhoneNumber receiverImsi, Bytes content) implements Kpd1Message {
    /**
     * Validates the components.
     *
     * @param sormNumber the SORM number (номер ТС ОРМ), 0 to 255
     * @param messageCount the number of messages of this reply (количество сообщений), 0 to 65535
     * @param messageNumber the number of this message in the reply (номер сообщения), 0 to 65535
     * @param objectNumber the object number, 0 to 65535
     * @param objectType the object type
     * @param sender the sender number
     * @param deliveryState the delivery state, 0 to 255
     * @param deliveryCode the delivery code, 0 to 255
     * @param time the transmission time
     * @param receiver the receiver number
     * @param senderImsi the sender IMSI, or {@link PhoneNumber#NONE}
     * @param receiverImsi the receiver IMSI, or {@link PhoneNumber#NONE}
     * @param content the message content as sent, at most 202 bytes
     * @throws IllegalArgumentException if a value cannot be represented on the wire
     */
    public TelecomMessage {
      Checks.u8("sormNumber", sormNumber);
      Checks.u16("messageCount", messageCount);
      Checks.u16("messageNumber", messageNumber);
      Checks.u16("objectNumber", objectNumber);
      Checks.notNull("objectType", objectType);
      Checks.notNull("sender", sender);
      Checks.u8("deliveryState", deliveryState);
      Checks.u8("deliveryCode", deliveryCode);
      Checks.notNull("time", time);
      Checks.notNull("receiver", receiver);
      Checks.notNull("senderImsi", senderImsi);
      Checks.notNull("receiverImsi", receiverImsi);
      Checks.notNull("content", content);
      if (content.length() > 202) {
        throw new IllegalArgumentException("content: " + content.length() + " bytes (expected at most 202)");
      }
    }

    @Override
    public SormFrameType type() {
      return SormFrameType.TELECOM_MESSAGE;
    }

  }
}
