package io.ecss.sorm;

/**
 * A command from the SORM console to the station, on КПД1 (notes §2): a 10-byte header — {@code
 * 0xCC}, SORM number, code, body length, 6-byte password — and a body whose layout the code
 * fixes. One record per command 1–17; each validates its components so that {@link SormCodec}
 * can always encode it.
 *
 * <p>All implementations are immutable and thread-safe.
 */
public sealed interface SormCommand extends SormMessage
    permits SormCommand.Start,
        SormCommand.Stop,
        SormCommand.SetPassword,
        SormCommand.AssignKslGroup,
        SormCommand.AddObject,
        SormCommand.RemoveObject,
        SormCommand.ConnectKsl,
        SormCommand.ReleaseKsl,
        SormCommand.RemoveKslFromGroup,
        SormCommand.ObjectTableRequest,
        SormCommand.KslGroupTableRequest,
        SormCommand.ServiceListRequest,
        SormCommand.AbortTableOutput,
        SormCommand.ChannelTest,
        SormCommand.ChangeObject,
        SormCommand.TrunkGroupNameRequest,
        SormCommand.SoftwareVersionRequest {

  /**
   * Returns the kind of command.
   *
   * @return the frame type
   */
  SormFrameType type();

  /**
   * Returns the password of the header: 6 single-byte characters.
   *
   * @return the password
   */
  String password();

  @Override
  default int code() {
    return type().code();
  }

  /**
   * Command 1: start SORM (запуск ТС ОРМ).
   *
   * @param sormNumber the SORM number (номер ТС ОРМ), 0 to 255
   * @param password the 6-character password (single-byte characters)
   */
  record Start(int sormNumber, String password) implements SormCommand {
    /**
     * Validates the components.
     *
     * @param sormNumber the SORM number (номер ТС ОРМ), 0 to 255
     * @param password the 6-character password (single-byte characters)
     * @throws IllegalArgumentException if a value cannot be represented on the wire
     */
    public Start {
      Checks.u8("sormNumber", sormNumber);
      Checks.password("password", password);
    }

    @Override
    public SormFrameType type() {
      return SormFrameType.START;
    }

  }

  /**
   * Command 2: stop SORM (останов ТС ОРМ).
   *
   * @param sormNumber the SORM number (номер ТС ОРМ), 0 to 255
   * @param password the 6-character password (single-byte characters)
   */
  record Stop(int sormNumber, String password) implements SormCommand {
    /**
     * Validates the components.
     *
     * @param sormNumber the SORM number (номер ТС ОРМ), 0 to 255
     * @param password the 6-character password (single-byte characters)
     * @throws IllegalArgumentException if a value cannot be represented on the wire
     */
    public Stop {
      Checks.u8("sormNumber", sormNumber);
      Checks.password("password", password);
    }

    @Override
    public SormFrameType type() {
      return SormFrameType.STOP;
    }

  }

  /**
   * Command 3: set a new password (задание пароля).
   *
   * @param sormNumber the SORM number (номер ТС ОРМ), 0 to 255
   * @param password the 6-character password (single-byte characters)
   * @param newPassword the new 6-character password
   */
  record SetPassword(int sormNumber, String password, String newPassword) implements SormCommand {
    /**
     * Validates the components.
     *
     * @param sormNumber the SORM number (номер ТС ОРМ), 0 to 255
     * @param password the 6-character password (single-byte characters)
     * @param newPassword the new 6-character password
     * @throws IllegalArgumentException if a value cannot be represented on the wire
     */
    public SetPassword {
      Checks.u8("sormNumber", sormNumber);
      Checks.password("password", password);
      Checks.password("newPassword", newPassword);
    }

    @Override
    public SormFrameType type() {
      return SormFrameType.SET_PASSWORD;
    }

  }

  /**
   * Command 4: assign a KSL pair to a KSL group (закрепление КСЛ за группой).
   *
   * @param sormNumber the SORM number (номер ТС ОРМ), 0 to 255
   * @param password the 6-character password (single-byte characters)
   * @param group the KSL group number, 0 to 255
   * @param groupType the group type
   * @param kslA the KSL for direction A (the only one for combined control)
   * @param kslB the KSL for direction B, or {@link Ksl#NONE}
   */
  record AssignKslGroup(int sormNumber, String password, int group, KslGroupType groupType, Ksl kslA, Ksl kslB) implements SormCommand {
    /**
     * Validates the components.
     *
     * @param sormNumber the SORM number (номер ТС ОРМ), 0 to 255
     * @param password the 6-character password (single-byte characters)
     * @param group the KSL group number, 0 to 255
     * @param groupType the group type
     * @param kslA the KSL for direction A (the only one for combined control)
     * @param kslB the KSL for direction B, or {@link Ksl#NONE}
     * @throws IllegalArgumentException if a value cannot be represented on the wire
     */
    public AssignKslGroup {
      Checks.u8("sormNumber", sormNumber);
      Checks.password("password", password);
      Checks.u8("group", group);
      Checks.notNull("groupType", groupType);
      Checks.notNull("kslA", kslA);
      Checks.notNull("kslB", kslB);
    }

    @Override
    public SormFrameType type() {
      return SormFrameType.ASSIGN_KSL_GROUP;
    }

  }

  /**
   * Command 5: put an object on control (постановка объекта на контроль).
   *
   * @param sormNumber the SORM number (номер ТС ОРМ), 0 to 255
   * @param password the 6-character password (single-byte characters)
   * @param objectNumber the object number (условный номер объекта), 0 to 65535
   * @param objectType the object type
   * @param number the subscriber number, or {@link PhoneNumber#NONE} for a trunk group
   * @param trunkGroup the trunk-group number, 0 to 65535 ({@code 0xFFFF} when the object is not a trunk group)
   * @param category the control category
   * @param kslGroup the KSL group for the audio, 0 to 255
   * @param priority the priority
   */
  record AddObject(int sormNumber, String password, int objectNumber, ObjectType objectType, PhoneNumber number, int trunkGroup, ControlCategory category, int kslGroup, Priority priority) implements SormCommand {
    /**
     * Validates the components.
     *
     * @param sormNumber the SORM number (номер ТС ОРМ), 0 to 255
     * @param password the 6-character password (single-byte characters)
     * @param objectNumber the object number (условный номер объекта), 0 to 65535
     * @param objectType the object type
     * @param number the subscriber number, or {@link PhoneNumber#NONE} for a trunk group
     * @param trunkGroup the trunk-group number, 0 to 65535 ({@code 0xFFFF} when the object is not a trunk group)
     * @param category the control category
     * @param kslGroup the KSL group for the audio, 0 to 255
     * @param priority the priority
     * @throws IllegalArgumentException if a value cannot be represented on the wire
     */
    public AddObject {
      Checks.u8("sormNumber", sormNumber);
      Checks.password("password", password);
      Checks.u16("objectNumber", objectNumber);
      Checks.notNull("objectType", objectType);
      Checks.notNull("number", number);
      Checks.u16("trunkGroup", trunkGroup);
      Checks.notNull("category", category);
      Checks.u8("kslGroup", kslGroup);
      Checks.notNull("priority", priority);
    }

    @Override
    public SormFrameType type() {
      return SormFrameType.ADD_OBJECT;
    }

  }

  /**
   * Command 6: remove an object from control (снятие объекта с контроля).
   *
   * @param sormNumber the SORM number (номер ТС ОРМ), 0 to 255
   * @param password the 6-character password (single-byte characters)
   * @param objectNumber the object number, 0 to 65535
   * @param objectType the object type
   * @param number the subscriber number, or {@link PhoneNumber#NONE}
   * @param trunkGroup the trunk-group number, 0 to 65535 ({@code 0xFFFF} unused)
   */
  record RemoveObject(int sormNumber, String password, int objectNumber, ObjectType objectType, PhoneNumber number, int trunkGroup) implements SormCommand {
    /**
     * Validates the components.
     *
     * @param sormNumber the SORM number (номер ТС ОРМ), 0 to 255
     * @param password the 6-character password (single-byte characters)
     * @param objectNumber the object number, 0 to 65535
     * @param objectType the object type
     * @param number the subscriber number, or {@link PhoneNumber#NONE}
     * @param trunkGroup the trunk-group number, 0 to 65535 ({@code 0xFFFF} unused)
     * @throws IllegalArgumentException if a value cannot be represented on the wire
     */
    public RemoveObject {
      Checks.u8("sormNumber", sormNumber);
      Checks.password("password", password);
      Checks.u16("objectNumber", objectNumber);
      Checks.notNull("objectType", objectType);
      Checks.notNull("number", number);
      Checks.u16("trunkGroup", trunkGroup);
    }

    @Override
    public SormFrameType type() {
      return SormFrameType.REMOVE_OBJECT;
    }

  }

  /**
   * Command 7: connect a KSL to the speech path of a call (подключение к разговорному тракту).
   *
   * @param sormNumber the SORM number (номер ТС ОРМ), 0 to 255
   * @param password the 6-character password (single-byte characters)
   * @param callNumber the call number from the КПД2 header of the call, 0 to 65535
   * @param objectType the object type
   * @param objectNumber the object number, 0 to 65535
   * @param kslGroup the KSL group to take a KSL from, 0 to 255
   */
  record ConnectKsl(int sormNumber, String password, int callNumber, ObjectType objectType, int objectNumber, int kslGroup) implements SormCommand {
    /**
     * Validates the components.
     *
     * @param sormNumber the SORM number (номер ТС ОРМ), 0 to 255
     * @param password the 6-character password (single-byte characters)
     * @param callNumber the call number from the КПД2 header of the call, 0 to 65535
     * @param objectType the object type
     * @param objectNumber the object number, 0 to 65535
     * @param kslGroup the KSL group to take a KSL from, 0 to 255
     * @throws IllegalArgumentException if a value cannot be represented on the wire
     */
    public ConnectKsl {
      Checks.u8("sormNumber", sormNumber);
      Checks.password("password", password);
      Checks.u16("callNumber", callNumber);
      Checks.notNull("objectType", objectType);
      Checks.u16("objectNumber", objectNumber);
      Checks.u8("kslGroup", kslGroup);
    }

    @Override
    public SormFrameType type() {
      return SormFrameType.CONNECT_KSL;
    }

  }

  /**
   * Command 8: release the KSL of a call (освобождение КСЛ).
   *
   * @param sormNumber the SORM number (номер ТС ОРМ), 0 to 255
   * @param password the 6-character password (single-byte characters)
   * @param callNumber the call number, 0 to 65535
   * @param objectType the object type
   * @param objectNumber the object number, 0 to 65535
   * @param kslA the KSL for direction A
   * @param kslB the KSL for direction B, or {@link Ksl#NONE}
   */
  record ReleaseKsl(int sormNumber, String password, int callNumber, ObjectType objectType, int objectNumber, Ksl kslA, Ksl kslB) implements SormCommand {
    /**
     * Validates the components.
     *
     * @param sormNumber the SORM number (номер ТС ОРМ), 0 to 255
     * @param password the 6-character password (single-byte characters)
     * @param callNumber the call number, 0 to 65535
     * @param objectType the object type
     * @param objectNumber the object number, 0 to 65535
     * @param kslA the KSL for direction A
     * @param kslB the KSL for direction B, or {@link Ksl#NONE}
     * @throws IllegalArgumentException if a value cannot be represented on the wire
     */
    public ReleaseKsl {
      Checks.u8("sormNumber", sormNumber);
      Checks.password("password", password);
      Checks.u16("callNumber", callNumber);
      Checks.notNull("objectType", objectType);
      Checks.u16("objectNumber", objectNumber);
      Checks.notNull("kslA", kslA);
      Checks.notNull("kslB", kslB);
    }

    @Override
    public SormFrameType type() {
      return SormFrameType.RELEASE_KSL;
    }

  }

  /**
   * Command 9: remove a KSL pair from a KSL group (исключение КСЛ из группы).
   *
   * @param sormNumber the SORM number (номер ТС ОРМ), 0 to 255
   * @param password the 6-character password (single-byte characters)
   * @param group the KSL group number, 0 to 255
   * @param kslA the KSL for direction A
   * @param kslB the KSL for direction B, or {@link Ksl#NONE}
   */
  record RemoveKslFromGroup(int sormNumber, String password, int group, Ksl kslA, Ksl kslB) implements SormCommand {
    /**
     * Validates the components.
     *
     * @param sormNumber the SORM number (номер ТС ОРМ), 0 to 255
     * @param password the 6-character password (single-byte characters)
     * @param group the KSL group number, 0 to 255
     * @param kslA the KSL for direction A
     * @param kslB the KSL for direction B, or {@link Ksl#NONE}
     * @throws IllegalArgumentException if a value cannot be represented on the wire
     */
    public RemoveKslFromGroup {
      Checks.u8("sormNumber", sormNumber);
      Checks.password("password", password);
      Checks.u8("group", group);
      Checks.notNull("kslA", kslA);
      Checks.notNull("kslB", kslB);
    }

    @Override
    public SormFrameType type() {
      return SormFrameType.REMOVE_KSL_FROM_GROUP;
    }

  }

  /**
   * Command 10: request the object table (запрос данных об объектах контроля); the fields act as a filter, answered by one message 3 per object.
   *
   * @param sormNumber the SORM number (номер ТС ОРМ), 0 to 255
   * @param password the 6-character password (single-byte characters)
   * @param objectNumber the object number, 0 to 65535
   * @param objectType the object type
   * @param number the subscriber number, or {@link PhoneNumber#NONE}
   * @param trunkGroup the trunk-group number, 0 to 65535 ({@code 0xFFFF} unused)
   */
  record ObjectTableRequest(int sormNumber, String password, int objectNumber, ObjectType objectType, PhoneNumber number, int trunkGroup) implements SormCommand {
    /**
     * Validates the components.
     *
     * @param sormNumber the SORM number (номер ТС ОРМ), 0 to 255
     * @param password the 6-character password (single-byte characters)
     * @param objectNumber the object number, 0 to 65535
     * @param objectType the object type
     * @param number the subscriber number, or {@link PhoneNumber#NONE}
     * @param trunkGroup the trunk-group number, 0 to 65535 ({@code 0xFFFF} unused)
     * @throws IllegalArgumentException if a value cannot be represented on the wire
     */
    public ObjectTableRequest {
      Checks.u8("sormNumber", sormNumber);
      Checks.password("password", password);
      Checks.u16("objectNumber", objectNumber);
      Checks.notNull("objectType", objectType);
      Checks.notNull("number", number);
      Checks.u16("trunkGroup", trunkGroup);
    }

    @Override
    public SormFrameType type() {
      return SormFrameType.OBJECT_TABLE_REQUEST;
    }

  }

  /**
   * Command 11: request the KSL-group table (запрос соответствия КСЛ и групп), answered by message 4.
   *
   * @param sormNumber the SORM number (номер ТС ОРМ), 0 to 255
   * @param password the 6-character password (single-byte characters)
   * @param group the KSL group number, 0 to 255
   * @param groupType the group type
   * @param kslA the KSL for direction A
   * @param kslB the KSL for direction B, or {@link Ksl#NONE}
   */
  record KslGroupTableRequest(int sormNumber, String password, int group, KslGroupType groupType, Ksl kslA, Ksl kslB) implements SormCommand {
    /**
     * Validates the components.
     *
     * @param sormNumber the SORM number (номер ТС ОРМ), 0 to 255
     * @param password the 6-character password (single-byte characters)
     * @param group the KSL group number, 0 to 255
     * @param groupType the group type
     * @param kslA the KSL for direction A
     * @param kslB the KSL for direction B, or {@link Ksl#NONE}
     * @throws IllegalArgumentException if a value cannot be represented on the wire
     */
    public KslGroupTableRequest {
      Checks.u8("sormNumber", sormNumber);
      Checks.password("password", password);
      Checks.u8("group", group);
      Checks.notNull("groupType", groupType);
      Checks.notNull("kslA", kslA);
      Checks.notNull("kslB", kslB);
    }

    @Override
    public SormFrameType type() {
      return SormFrameType.KSL_GROUP_TABLE_REQUEST;
    }

  }

  /**
   * Command 12: request the supplementary services of a subscriber (запрос списка услуг связи), answered by message 5.
   *
   * @param sormNumber the SORM number (номер ТС ОРМ), 0 to 255
   * @param password the 6-character password (single-byte characters)
   * @param number the subscriber number
   */
  record ServiceListRequest(int sormNumber, String password, PhoneNumber number) implements SormCommand {
    /**
     * Validates the components.
     *
     * @param sormNumber the SORM number (номер ТС ОРМ), 0 to 255
     * @param password the 6-character password (single-byte characters)
     * @param number the subscriber number
     * @throws IllegalArgumentException if a value cannot be represented on the wire
     */
    public ServiceListRequest {
      Checks.u8("sormNumber", sormNumber);
      Checks.password("password", password);
      Checks.notNull("number", number);
    }

    @Override
    public SormFrameType type() {
      return SormFrameType.SERVICE_LIST_REQUEST;
    }

  }

  /**
   * Command 13: abort the output of a table (прерывание выдачи сообщений на запросы таблиц).
   *
   * @param sormNumber the SORM number (номер ТС ОРМ), 0 to 255
   * @param password the 6-character password (single-byte characters)
   */
  record AbortTableOutput(int sormNumber, String password) implements SormCommand {
    /**
     * Validates the components.
     *
     * @param sormNumber the SORM number (номер ТС ОРМ), 0 to 255
     * @param password the 6-character password (single-byte characters)
     * @throws IllegalArgumentException if a value cannot be represented on the wire
     */
    public AbortTableOutput {
      Checks.u8("sormNumber", sormNumber);
      Checks.password("password", password);
    }

    @Override
    public SormFrameType type() {
      return SormFrameType.ABORT_TABLE_OUTPUT;
    }

  }

  /**
   * Command 14: test the data channels (тестирование каналов передачи данных); answered by message 9 on КПД1 and message 2.3 on every КПД2.
   *
   * @param sormNumber the SORM number (номер ТС ОРМ), 0 to 255
   * @param password the 6-character password (single-byte characters)
   * @param testNumber the test number, echoed in the replies, 0 to 255
   */
  record ChannelTest(int sormNumber, String password, int testNumber) implements SormCommand {
    /**
     * Validates the components.
     *
     * @param sormNumber the SORM number (номер ТС ОРМ), 0 to 255
     * @param password the 6-character password (single-byte characters)
     * @param testNumber the test number, echoed in the replies, 0 to 255
     * @throws IllegalArgumentException if a value cannot be represented on the wire
     */
    public ChannelTest {
      Checks.u8("sormNumber", sormNumber);
      Checks.password("password", password);
      Checks.u8("testNumber", testNumber);
    }

    @Override
    public SormFrameType type() {
      return SormFrameType.CHANNEL_TEST;
    }

  }

  /**
   * Command 15: change the control parameters of an object (изменение параметров объекта контроля).
   *
   * @param sormNumber the SORM number (номер ТС ОРМ), 0 to 255
   * @param password the 6-character password (single-byte characters)
   * @param objectNumber the object number, 0 to 65535
   * @param category the control category
   * @param kslGroup the KSL group, 0 to 255
   * @param priority the priority
   */
  record ChangeObject(int sormNumber, String password, int objectNumber, ControlCategory category, int kslGroup, Priority priority) implements SormCommand {
    /**
     * Validates the components.
     *
     * @param sormNumber the SORM number (номер ТС ОРМ), 0 to 255
     * @param password the 6-character password (single-byte characters)
     * @param objectNumber the object number, 0 to 65535
     * @param category the control category
     * @param kslGroup the KSL group, 0 to 255
     * @param priority the priority
     * @throws IllegalArgumentException if a value cannot be represented on the wire
     */
    public ChangeObject {
      Checks.u8("sormNumber", sormNumber);
      Checks.password("password", password);
      Checks.u16("objectNumber", objectNumber);
      Checks.notNull("category", category);
      Checks.u8("kslGroup", kslGroup);
      Checks.notNull("priority", priority);
    }

    @Override
    public SormFrameType type() {
      return SormFrameType.CHANGE_OBJECT;
    }

  }

  /**
   * Command 16: request the station name of a trunk group (запрос соответствия имени пучка и его условного номера), answered by message 10.
   *
   * @param sormNumber the SORM number (номер ТС ОРМ), 0 to 255
   * @param password the 6-character password (single-byte characters)
   * @param trunkGroup the trunk-group number, 0 to 65535
   */
  record TrunkGroupNameRequest(int sormNumber, String password, int trunkGroup) implements SormCommand {
    /**
     * Validates the components.
     *
     * @param sormNumber the SORM number (номер ТС ОРМ), 0 to 255
     * @param password the 6-character password (single-byte characters)
     * @param trunkGroup the trunk-group number, 0 to 65535
     * @throws IllegalArgumentException if a value cannot be represented on the wire
     */
    public TrunkGroupNameRequest {
      Checks.u8("sormNumber", sormNumber);
      Checks.password("password", password);
      Checks.u16("trunkGroup", trunkGroup);
    }

    @Override
    public SormFrameType type() {
      return SormFrameType.TRUNK_GROUP_NAME_REQUEST;
    }

  }

  /**
   * Command 17: request the software version of the node (запрос версии ПО узла связи), answered by message 11.
   *
   * @param sormNumber the SORM number (номер ТС ОРМ), 0 to 255
   * @param password the 6-character password (single-byte characters)
   */
  record SoftwareVersionRequest(int sormNumber, String password) implements SormCommand {
    /**
     * Validates the components.
     *
     * @param sormNumber the SORM number (номер ТС ОРМ), 0 to 255
     * @param password the 6-character password (single-byte characters)
     * @throws IllegalArgumentException if a value cannot be represented on the wire
     */
    public SoftwareVersionRequest {
      Checks.u8("sormNumber", sormNumber);
      Checks.password("password", password);
    }

    @Override
    public SormFrameType type() {
      return SormFrameType.SOFTWARE_VERSION_REQUEST;
    }

  }
}
