package io.ecss.sorm;

import java.util.Optional;

/**
 * The kinds of frame this codec knows: commands 1–17 (console → station on КПД1), КПД1 messages
 * 1–12 and КПД2 messages 1.1–2.3 (station → console), with their code, number, names and body
 * length (notes §2.1, §3.1, §4.1).
 */
public enum SormFrameType {
  /** {@code 0x01}: command 1, start SORM (Запуск ТС ОРМ). */
  START(0x01, Channel.COMMAND, "1", "start SORM", "Запуск ТС ОРМ", 0),
  /** {@code 0x02}: command 2, stop SORM (Останов ТС ОРМ). */
  STOP(0x02, Channel.COMMAND, "2", "stop SORM", "Останов ТС ОРМ", 0),
  /** {@code 0x03}: command 3, set password (Задание пароля). */
  SET_PASSWORD(0x03, Channel.COMMAND, "3", "set password", "Задание пароля", 6),
  /** {@code 0x04}: command 4, assign a KSL to a group (Закрепление КСЛ за группой). */
  ASSIGN_KSL_GROUP(0x04, Channel.COMMAND, "4", "assign a KSL to a group", "Закрепление КСЛ за группой", 4),
  /** {@code 0x05}: command 5, put an object on control (Постановка объекта на контроль). */
  ADD_OBJECT(0x05, Channel.COMMAND, "5", "put an object on control", "Постановка объекта на контроль", 19),
  /** {@code 0x06}: command 6, remove an object from control (Снятие объекта с контроля). */
  REMOVE_OBJECT(0x06, Channel.COMMAND, "6", "remove an object from control", "Снятие объекта с контроля", 16),
  /** {@code 0x07}: command 7, connect a KSL to a call (Подключение к разговорному тракту). */
  CONNECT_KSL(0x07, Channel.COMMAND, "7", "connect a KSL to a call", "Подключение к разговорному тракту", 6),
  /** {@code 0x08}: command 8, release a KSL (Освобождение КСЛ). */
  RELEASE_KSL(0x08, Channel.COMMAND, "8", "release a KSL", "Освобождение КСЛ", 7),
  /** {@code 0x09}: command 9, remove a KSL from a group (Исключение КСЛ из группы). */
  REMOVE_KSL_FROM_GROUP(0x09, Channel.COMMAND, "9", "remove a KSL from a group", "Исключение КСЛ из группы", 3),
  /** {@code 0x0A}: command 10, object table request (Запрос данных об объектах контроля). */
  OBJECT_TABLE_REQUEST(0x0A, Channel.COMMAND, "10", "object table request", "Запрос данных об объектах контроля", 16),
  /** {@code 0x0B}: command 11, KSL-group table request (Запрос соответствия КСЛ и групп). */
  KSL_GROUP_TABLE_REQUEST(0x0B, Channel.COMMAND, "11", "KSL-group table request", "Запрос соответствия КСЛ и групп", 4),
  /** {@code 0x0C}: command 12, subscriber services request (Запрос списка услуг связи). */
  SERVICE_LIST_REQUEST(0x0C, Channel.COMMAND, "12", "subscriber services request", "Запрос списка услуг связи", 11),
  /** {@code 0x0D}: command 13, abort table output (Прерывание выдачи сообщений на запросы таблиц). */
  ABORT_TABLE_OUTPUT(0x0D, Channel.COMMAND, "13", "abort table output", "Прерывание выдачи сообщений на запросы таблиц", 0),
  /** {@code 0x0E}: command 14, data channel test (Тестирование каналов передачи данных). */
  CHANNEL_TEST(0x0E, Channel.COMMAND, "14", "data channel test", "Тестирование каналов передачи данных", 1),
  /** {@code 0x0F}: command 15, change object parameters (Изменение параметров объекта контроля). */
  CHANGE_OBJECT(0x0F, Channel.COMMAND, "15", "change object parameters", "Изменение параметров объекта контроля", 5),
  /** {@code 0x10}: command 16, trunk-group name request (Запрос соответствия имени пучка и его условного номера). */
  TRUNK_GROUP_NAME_REQUEST(0x10, Channel.COMMAND, "16", "trunk-group name request", "Запрос соответствия имени пучка и его условного номера", 2),
  /** {@code 0x11}: command 17, software version request (Запрос версии ПО узла связи). */
  SOFTWARE_VERSION_REQUEST(0x11, Channel.COMMAND, "17", "software version request", "Запрос версии ПО узла связи", 0),
  /** {@code 0x21}: message 1, failure (Авария). */
  FAILURE(0x21, Channel.KPD1, "1", "failure", "Авария", 2),
  /** {@code 0x22}: message 2, station software restart (Перезапуск ПО станции). */
  RESTART(0x22, Channel.KPD1, "2", "station software restart", "Перезапуск ПО станции", 0),
  /** {@code 0x23}: message 3, object record (Данные об объектах контроля). */
  OBJECT_RECORD(0x23, Channel.KPD1, "3", "object record", "Данные об объектах контроля", 20),
  /** {@code 0x24}: message 4, KSL-group table (Соответствие КСЛ и групп). */
  KSL_GROUP_TABLE(0x24, Channel.KPD1, "4", "KSL-group table", "Соответствие КСЛ и групп", 45),
  /** {@code 0x25}: message 5, service list (Список услуг связи). */
  SERVICE_LIST(0x25, Channel.KPD1, "5", "service list", "Список услуг связи", 45),
  /** {@code 0x26}: message 6, unauthorised access (Несанкционированный доступ). */
  INTRUSION(0x26, Channel.KPD1, "6", "unauthorised access", "Несанкционированный доступ", 45),
  /** {@code 0x27}: message 7, command receipt (Подтверждение приёма команды). */
  RECEIPT(0x27, Channel.KPD1, "7", "command receipt", "Подтверждение приёма команды", 2),
  /** {@code 0x28}: message 8, command execution (Подтверждение выполнения команды). */
  EXECUTION(0x28, Channel.KPD1, "8", "command execution", "Подтверждение выполнения команды", 2),
  /** {@code 0x29}: message 9, test reply (Ответное тестовое сообщение). */
  TEST_REPLY(0x29, Channel.KPD1, "9", "test reply", "Ответное тестовое сообщение", 3),
  /** {@code 0x2A}: message 10, trunk-group name (Соответствие условных номеров пучков и станционных имён). */
  TRUNK_GROUP_NAME(0x2A, Channel.KPD1, "10", "trunk-group name", "Соответствие условных номеров пучков и станционных имён", 45),
  /** {@code 0x2B}: message 11, software version (Версия ПО станции). */
  SOFTWARE_VERSION(0x2B, Channel.KPD1, "11", "software version", "Версия ПО станции", 45),
  /** {@code 0x2C}: message 12, telecom message (Передача сообщений электросвязи). */
  TELECOM_MESSAGE(0x2C, Channel.KPD1, "12", "telecom message", "Передача сообщений электросвязи", -53),
  /** {@code 0x41}: message 1.1, complete called number received (Приём полного номера вызываемого абонента). */
  CALLED_NUMBER_RECEIVED(0x41, Channel.KPD2, "1.1", "complete called number received", "Приём полного номера вызываемого абонента", 36),
  /** {@code 0x42}: message 1.2, answer (Ответ вызываемого абонента). */
  ANSWER(0x42, Channel.KPD2, "1.2", "answer", "Ответ вызываемого абонента", 36),
  /** {@code 0x43}: message 1.3, release (Разъединение). */
  RELEASE(0x43, Channel.KPD2, "1.3", "release", "Разъединение", 36),
  /** {@code 0x44}: message 1.4, supplementary service used (Использование услуг связи). */
  SERVICE_USED(0x44, Channel.KPD2, "1.4", "supplementary service used", "Использование услуг связи", 36),
  /** {@code 0x51}: message 2.1, KSL connected (Подключение КСЛ). */
  KSL_CONNECTED(0x51, Channel.KPD2, "2.1", "KSL connected", "Подключение КСЛ", 36),
  /** {@code 0x52}: message 2.2, KSL released (Освобождение КСЛ). */
  KSL_RELEASED(0x52, Channel.KPD2, "2.2", "KSL released", "Освобождение КСЛ", 36),
  /** {@code 0x53}: message 2.3, test reply on КПД2 (Ответное тестовое сообщение). */
  KPD2_TEST_REPLY(0x53, Channel.KPD2, "2.3", "test reply on КПД2", "Ответное тестовое сообщение", 3);

  /** Which way a frame travels and on which data channel. */
  public enum Channel {
    /** A command, console to station, on КПД1; 10-byte header with the password. */
    COMMAND,
    /** A station message on КПД1; 10-byte header with message count and number. */
    KPD1,
    /** A station message on КПД2; 12-byte header with call number and object. */
    KPD2
  }

  private static final SormFrameType[] BY_CODE = new SormFrameType[256];

  static {
    for (SormFrameType t : values()) {
      BY_CODE[t.code] = t;
    }
  }

  private final int code;
  private final Channel channel;
  private final String number;
  private final String english;
  private final String russian;
  private final int bodyLength;

  SormFrameType(int code, Channel channel, String number, String english, String russian, int body) {
    this.code = code;
    this.channel = channel;
    this.number = number;
    this.english = english;
    this.russian = russian;
    this.bodyLength = body;
  }

  /**
   * Returns the type for a code byte.
   *
   * @param code the frame code (byte 2)
   * @return the type, or empty for a code this library does not know
   */
  public static Optional<SormFrameType> forCode(int code) {
    return code >= 0 && code < 256 ? Optional.ofNullable(BY_CODE[code]) : Optional.empty();
  }

  static SormFrameType[] byCode() {
    return BY_CODE;
  }

  /**
   * Returns the code byte.
   *
   * @return 0x01 to 0x53
   */
  public int code() {
    return code;
  }

  /**
   * Returns the channel and direction.
   *
   * @return the channel
   */
  public Channel channel() {
    return channel;
  }

  /**
   * Returns the number the orders use, e.g. {@code "5"} for command 5 or {@code "1.1"}.
   *
   * @return the number
   */
  public String number() {
    return number;
  }

  /**
   * Returns the English name.
   *
   * @return the name
   */
  public String english() {
    return english;
  }

  /**
   * Returns the Russian name used by the orders.
   *
   * @return the name
   */
  public String russian() {
    return russian;
  }

  /**
   * Returns the header size: 10 for commands and КПД1 messages, 12 for КПД2 messages.
   *
   * @return the header size in bytes
   */
  public int headerLength() {
    return channel == Channel.KPD2 ? 12 : 10;
  }

  /**
   * Returns the body length the layout requires; for message 12, whose text is variable, the
   * minimum (53).
   *
   * @return the body length in bytes
   */
  public int bodyLength() {
    return Math.abs(bodyLength);
  }

  /**
   * Returns whether the body length is fixed (every type but message 12).
   *
   * @return true for a fixed-length body
   */
  public boolean fixedLength() {
    return bodyLength >= 0;
  }

  /** Returns a label such as {@code "command 5 (put an object on control)"}. */
  @Override
  public String toString() {
    return (channel == Channel.COMMAND ? "command " : "message ") + number + " (" + english + ")";
  }
}
