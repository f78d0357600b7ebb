package io.ecss.sorm;

import java.util.Locale;

/**
 * Receipt or execution status in messages 7 and 8: the standard codes {@code 00}–{@code 07} and the Eltex vendor codes {@code 0x10}–{@code 0x73} (the manual's "extended error codes", notes §3.2), with Russian and English descriptions.
 *
 * <p>An open enum: {@link #of(int)} returns the named constant for a known code and a new
 * instance for any other byte value, so codes this library does not know survive a decode/encode
 * round trip. Compare with {@code equals}, not {@code ==}.
 *
 * <p>Immutable and thread-safe.
 *
 * @param code the wire byte, 0 to 255
 */
public record StatusCode(int code) {
  /** {@code 0x00}: accepted for execution / executed (принята к исполнению / выполнена). */
  public static final StatusCode OK = new StatusCode(0x00);

  /** {@code 0x01}: refused (bad format or parameters) / not executed (не принята (ошибка формата или параметров) / не выполнена). */
  public static final StatusCode REJECTED = new StatusCode(0x01);

  /** {@code 0x02}: refused: SORM not started (не принята: ТС ОРМ не запущены). */
  public static final StatusCode NOT_STARTED = new StatusCode(0x02);

  /** {@code 0x03}: wrong password (неверный пароль). */
  public static final StatusCode WRONG_PASSWORD = new StatusCode(0x03);

  /** {@code 0x05}: wrong SORM number (неверный номер ТС ОРМ). */
  public static final StatusCode WRONG_SORM_NUMBER = new StatusCode(0x05);

  /** {@code 0x07}: SORM already running (ТС ОРМ уже запущены). */
  public static final StatusCode ALREADY_STARTED = new StatusCode(0x07);

  /** {@code 0x10}: refused: wrong command length or wrong number of digits (команда не принята, неверная длина или неверное количество знаков в номере). */
  public static final StatusCode BAD_LENGTH = new StatusCode(0x10);

  /** {@code 0x11}: parameter error (ошибка параметра(-ов)). */
  public static final StatusCode PARAMETER_ERROR = new StatusCode(0x11);

  /** {@code 0x12}: wrong object type (неверный тип объекта). */
  public static final StatusCode BAD_OBJECT_TYPE = new StatusCode(0x12);

  /** {@code 0x13}: wrong number type (неверный тип номера). */
  public static final StatusCode BAD_NUMBER_TYPE = new StatusCode(0x13);

  /** {@code 0x14}: wrong category (неверная категория). */
  public static final StatusCode BAD_CATEGORY = new StatusCode(0x14);

  /** {@code 0x15}: priority error (ошибка приоритета). */
  public static final StatusCode BAD_PRIORITY = new StatusCode(0x15);

  /** {@code 0x16}: "start SORM" refused: already started (команда «Старт СОРМ» не принята по причине «уже стартовал»). */
  public static final StatusCode START_REFUSED_ALREADY_STARTED = new StatusCode(0x16);

  /** {@code 0x17}: refused: SORM not started (команда не принята по причине «СОРМ не запущен»). */
  public static final StatusCode REFUSED_NOT_STARTED = new StatusCode(0x17);

  /** {@code 0x18}: refused: wrong SORM number (команда не принята по причине «неверный номер СОРМ»). */
  public static final StatusCode REFUSED_WRONG_SORM_NUMBER = new StatusCode(0x18);

  /** {@code 0x19}: wrong number length (неверная длина номера). */
  public static final StatusCode BAD_NUMBER_LENGTH = new StatusCode(0x19);

  /** {@code 0x20}: neither a number nor a trunk given (не задан ни номер, ни транк). */
  public static final StatusCode NO_NUMBER_OR_TRUNK = new StatusCode(0x20);

  /** {@code 0x21}: aborted by a console command (прервано командой пульта). */
  public static final StatusCode ABORTED_BY_CONSOLE = new StatusCode(0x21);

  /** {@code 0x25}: trunk group not set (транк-группа не задана). */
  public static final StatusCode TRUNK_GROUP_NOT_SET = new StatusCode(0x25);

  /** {@code 0x2D}: refused: previous command still executing (команда не принята: выполняется предыдущая команда). */
  public static final StatusCode PREVIOUS_COMMAND_EXECUTING = new StatusCode(0x2D);

  /** {@code 0x30}: KSL group defined with another type (группа КСЛ определена другим типом). */
  public static final StatusCode GROUP_TYPE_MISMATCH = new StatusCode(0x30);

  /** {@code 0x31}: object table full, monitoring not started (таблица объектов переполнена, мониторинг не начат). */
  public static final StatusCode OBJECT_TABLE_FULL = new StatusCode(0x31);

  /** {@code 0x32}: no such KSL in the given KSL group (в указанной группе КСЛ нет такой КСЛ). */
  public static final StatusCode NO_SUCH_KSL_IN_GROUP = new StatusCode(0x32);

  /** {@code 0x33}: object already set (объект уже задан). */
  public static final StatusCode OBJECT_ALREADY_SET = new StatusCode(0x33);

  /** {@code 0x34}: wrong object number (неверный номер объекта). */
  public static final StatusCode BAD_OBJECT_NUMBER = new StatusCode(0x34);

  /** {@code 0x35}: number not found (номер не найден). */
  public static final StatusCode NUMBER_NOT_FOUND = new StatusCode(0x35);

  /** {@code 0x36}: number already set (номер уже задан). */
  public static final StatusCode NUMBER_ALREADY_SET = new StatusCode(0x36);

  /** {@code 0x37}: object number unsuitable for the command (номер объекта не подходит для команды). */
  public static final StatusCode OBJECT_NUMBER_UNSUITABLE = new StatusCode(0x37);

  /** {@code 0x38}: wrong object type or wrong number type (неверный тип объекта или неверный тип номера). */
  public static final StatusCode BAD_OBJECT_OR_NUMBER_TYPE = new StatusCode(0x38);

  /** {@code 0x39}: output already finished (reply to a table request) (вывод информации уже завершен (ответ на команду «выдача таблиц»)). */
  public static final StatusCode OUTPUT_ALREADY_FINISHED = new StatusCode(0x39);

  /** {@code 0x3A}: KSL-A already assigned (КСЛ-А уже закреплена). */
  public static final StatusCode KSL_A_ALREADY_ASSIGNED = new StatusCode(0x3A);

  /** {@code 0x3B}: number coincides with another (номер совпадает с другим). */
  public static final StatusCode NUMBER_COINCIDES = new StatusCode(0x3B);

  /** {@code 0x3D}: wrong object number (connecting to or disconnecting from a call) (неверный номер объекта (при подключении к соединению, отключению от соединения)). */
  public static final StatusCode BAD_CALL_OBJECT_NUMBER = new StatusCode(0x3D);

  /** {@code 0x3E}: wrong KSL group number (неверный номер группы КСЛ). */
  public static final StatusCode BAD_KSL_GROUP = new StatusCode(0x3E);

  /** {@code 0x3F}: wrong KSL-A number (неверный номер КСЛ-А). */
  public static final StatusCode BAD_KSL_A = new StatusCode(0x3F);

  /** {@code 0x40}: wrong KSL-B number (неверный номер КСЛ-Б). */
  public static final StatusCode BAD_KSL_B = new StatusCode(0x40);

  /** {@code 0x41}: wrong KSL-A and KSL-B numbers (неверный номер КСЛ-А и КСЛ-Б). */
  public static final StatusCode BAD_KSL_A_AND_B = new StatusCode(0x41);

  /** {@code 0x44}: wrong number of digits (неверное количество цифр). */
  public static final StatusCode BAD_DIGIT_COUNT = new StatusCode(0x44);

  /** {@code 0x47}: no number for the trunk (нет номера для транка). */
  public static final StatusCode NO_NUMBER_FOR_TRUNK = new StatusCode(0x47);

  /** {@code 0x48}: both an object number and a trunk number given (заданы и номер объекта, и номер транка). */
  public static final StatusCode OBJECT_AND_TRUNK_GIVEN = new StatusCode(0x48);

  /** {@code 0x49}: no trunk with this number (нет транка с таким номером). */
  public static final StatusCode NO_SUCH_TRUNK = new StatusCode(0x49);

  /** {@code 0x4A}: trunk already monitored (транк уже на контроле). */
  public static final StatusCode TRUNK_ALREADY_MONITORED = new StatusCode(0x4A);

  /** {@code 0x4B}: ten trunks already monitored (limit) (на контроле уже десять транков). */
  public static final StatusCode TRUNK_LIMIT_REACHED = new StatusCode(0x4B);

  /** {@code 0x4C}: trunk number differs from the one set earlier (номер транка отличается от заданного ранее). */
  public static final StatusCode TRUNK_NUMBER_DIFFERS = new StatusCode(0x4C);

  /** {@code 0x4E}: trunk parameters not set (параметры транка не заданы). */
  public static final StatusCode TRUNK_PARAMETERS_NOT_SET = new StatusCode(0x4E);

  /** {@code 0x53}: neither the number nor the direction found (не найден ни номер ни направление). */
  public static final StatusCode NUMBER_OR_DIRECTION_NOT_FOUND = new StatusCode(0x53);

  /** {@code 0x54}: the subscriber number is not local (номер абонента не локальный). */
  public static final StatusCode NOT_LOCAL_SUBSCRIBER = new StatusCode(0x54);

  /** {@code 0x55}: wrong number indicator (признак номера неверный). */
  public static final StatusCode BAD_NUMBER_INDICATOR = new StatusCode(0x55);

  /** {@code 0x56}: wrong object type for a local number (неверный тип объекта для локального номера). */
  public static final StatusCode BAD_OBJECT_TYPE_FOR_LOCAL = new StatusCode(0x56);

  /** {@code 0x57}: the "local" indicator cannot be applied: the number is not local (признак локальный нельзя применить, поскольку номер не локальный). */
  public static final StatusCode LOCAL_INDICATOR_NOT_APPLICABLE = new StatusCode(0x57);

  /** {@code 0x5F}: KSL not set (none matches) (КСЛ не задана). */
  public static final StatusCode KSL_NOT_SET = new StatusCode(0x5F);

  /** {@code 0x61}: supplementary services not set (ДВО не заданы). */
  public static final StatusCode SERVICES_NOT_SET = new StatusCode(0x61);

  /** {@code 0x73}: KSL allocation error (ошибка выделения КСЛ). */
  public static final StatusCode KSL_ALLOCATION_ERROR = new StatusCode(0x73);

  private static final CodeTable<StatusCode> TABLE =
      new CodeTable<StatusCode>("StatusCode")
          .add(0x00, OK, "OK", "accepted for execution / executed", "принята к исполнению / выполнена")
          .add(0x01, REJECTED, "REJECTED", "refused (bad format or parameters) / not executed", "не принята (ошибка формата или параметров) / не выполнена")
          .add(0x02, NOT_STARTED, "NOT_STARTED", "refused: SORM not started", "не принята: ТС ОРМ не запущены")
          .add(0x03, WRONG_PASSWORD, "WRONG_PASSWORD", "wrong password", "неверный пароль")
          .add(0x05, WRONG_SORM_NUMBER, "WRONG_SORM_NUMBER", "wrong SORM number", "неверный номер ТС ОРМ")
          .add(0x07, ALREADY_STARTED, "ALREADY_STARTED", "SORM already running", "ТС ОРМ уже запущены")
          .add(0x10, BAD_LENGTH, "BAD_LENGTH", "refused: wrong command length or wrong number of digits", "команда не принята, неверная длина или неверное количество знаков в номере")
          .add(0x11, PARAMETER_ERROR, "PARAMETER_ERROR", "parameter error", "ошибка параметра(-ов)")
          .add(0x12, BAD_OBJECT_TYPE, "BAD_OBJECT_TYPE", "wrong object type", "неверный тип объекта")
          .add(0x13, BAD_NUMBER_TYPE, "BAD_NUMBER_TYPE", "wrong number type", "неверный тип номера")
          .add(0x14, BAD_CATEGORY, "BAD_CATEGORY", "wrong category", "неверная категория")
          .add(0x15, BAD_PRIORITY, "BAD_PRIORITY", "priority error", "ошибка приоритета")
          .add(0x16, START_REFUSED_ALREADY_STARTED, "START_REFUSED_ALREADY_STARTED", "\"start SORM\" refused: already started", "команда «Старт СОРМ» не принята по причине «уже стартовал»")
          .add(0x17, REFUSED_NOT_STARTED, "REFUSED_NOT_STARTED", "refused: SORM not started", "команда не принята по причине «СОРМ не запущен»")
          .add(0x18, REFUSED_WRONG_SORM_NUMBER, "REFUSED_WRONG_SORM_NUMBER", "refused: wrong SORM number", "команда не принята по причине «неверный номер СОРМ»")
          .add(0x19, BAD_NUMBER_LENGTH, "BAD_NUMBER_LENGTH", "wrong number length", "неверная длина номера")
          .add(0x20, NO_NUMBER_OR_TRUNK, "NO_NUMBER_OR_TRUNK", "neither a number nor a trunk given", "не задан ни номер, ни транк")
          .add(0x21, ABORTED_BY_CONSOLE, "ABORTED_BY_CONSOLE", "aborted by a console command", "прервано командой пульта")
          .add(0x25, TRUNK_GROUP_NOT_SET, "TRUNK_GROUP_NOT_SET", "trunk group not set", "транк-группа не задана")
          .add(0x2D, PREVIOUS_COMMAND_EXECUTING, "PREVIOUS_COMMAND_EXECUTING", "refused: previous command still executing", "команда не принята: выполняется предыдущая команда")
          .add(0x30, GROUP_TYPE_MISMATCH, "GROUP_TYPE_MISMATCH", "KSL group defined with another type", "группа КСЛ определена другим типом")
          .add(0x31, OBJECT_TABLE_FULL, "OBJECT_TABLE_FULL", "object table full, monitoring not started", "таблица объектов переполнена, мониторинг не начат")
          .add(0x32, NO_SUCH_KSL_IN_GROUP, "NO_SUCH_KSL_IN_GROUP", "no such KSL in the given KSL group", "в указанной группе КСЛ нет такой КСЛ")
          .add(0x33, OBJECT_ALREADY_SET, "OBJECT_ALREADY_SET", "object already set", "объект уже задан")
          .add(0x34, BAD_OBJECT_NUMBER, "BAD_OBJECT_NUMBER", "wrong object number", "неверный номер объекта")
          .add(0x35, NUMBER_NOT_FOUND, "NUMBER_NOT_FOUND", "number not found", "номер не найден")
          .add(0x36, NUMBER_ALREADY_SET, "NUMBER_ALREADY_SET", "number already set", "номер уже задан")
          .add(0x37, OBJECT_NUMBER_UNSUITABLE, "OBJECT_NUMBER_UNSUITABLE", "object number unsuitable for the command", "номер объекта не подходит для команды")
          .add(0x38, BAD_OBJECT_OR_NUMBER_TYPE, "BAD_OBJECT_OR_NUMBER_TYPE", "wrong object type or wrong number type", "неверный тип объекта или неверный тип номера")
          .add(0x39, OUTPUT_ALREADY_FINISHED, "OUTPUT_ALREADY_FINISHED", "output already finished (reply to a table request)", "вывод информации уже завершен (ответ на команду «выдача таблиц»)")
          .add(0x3A, KSL_A_ALREADY_ASSIGNED, "KSL_A_ALREADY_ASSIGNED", "KSL-A already assigned", "КСЛ-А уже закреплена")
          .add(0x3B, NUMBER_COINCIDES, "NUMBER_COINCIDES", "number coincides with another", "номер совпадает с другим")
          .add(0x3D, BAD_CALL_OBJECT_NUMBER, "BAD_CALL_OBJECT_NUMBER", "wrong object number (connecting to or disconnecting from a call)", "неверный номер объекта (при подключении к соединению, отключению от соединения)")
          .add(0x3E, BAD_KSL_GROUP, "BAD_KSL_GROUP", "wrong KSL group number", "неверный номер группы КСЛ")
          .add(0x3F, BAD_KSL_A, "BAD_KSL_A", "wrong KSL-A number", "неверный номер КСЛ-А")
          .add(0x40, BAD_KSL_B, "BAD_KSL_B", "wrong KSL-B number", "неверный номер КСЛ-Б")
          .add(0x41, BAD_KSL_A_AND_B, "BAD_KSL_A_AND_B", "wrong KSL-A and KSL-B numbers", "неверный номер КСЛ-А и КСЛ-Б")
          .add(0x44, BAD_DIGIT_COUNT, "BAD_DIGIT_COUNT", "wrong number of digits", "неверное количество цифр")
          .add(0x47, NO_NUMBER_FOR_TRUNK, "NO_NUMBER_FOR_TRUNK", "no number for the trunk", "нет номера для транка")
          .add(0x48, OBJECT_AND_TRUNK_GIVEN, "OBJECT_AND_TRUNK_GIVEN", "both an object number and a trunk number given", "заданы и номер объекта, и номер транка")
          .add(0x49, NO_SUCH_TRUNK, "NO_SUCH_TRUNK", "no trunk with this number", "нет транка с таким номером")
          .add(0x4A, TRUNK_ALREADY_MONITORED, "TRUNK_ALREADY_MONITORED", "trunk already monitored", "транк уже на контроле")
          .add(0x4B, TRUNK_LIMIT_REACHED, "TRUNK_LIMIT_REACHED", "ten trunks already monitored (limit)", "на контроле уже десять транков")
          .add(0x4C, TRUNK_NUMBER_DIFFERS, "TRUNK_NUMBER_DIFFERS", "trunk number differs from the one set earlier", "номер транка отличается от заданного ранее")
          .add(0x4E, TRUNK_PARAMETERS_NOT_SET, "TRUNK_PARAMETERS_NOT_SET", "trunk parameters not set", "параметры транка не заданы")
          .add(0x53, NUMBER_OR_DIRECTION_NOT_FOUND, "NUMBER_OR_DIRECTION_NOT_FOUND", "neither the number nor the direction found", "не найден ни номер ни направление")
          .add(0x54, NOT_LOCAL_SUBSCRIBER, "NOT_LOCAL_SUBSCRIBER", "the subscriber number is not local", "номер абонента не локальный")
          .add(0x55, BAD_NUMBER_INDICATOR, "BAD_NUMBER_INDICATOR", "wrong number indicator", "признак номера неверный")
          .add(0x56, BAD_OBJECT_TYPE_FOR_LOCAL, "BAD_OBJECT_TYPE_FOR_LOCAL", "wrong object type for a local number", "неверный тип объекта для локального номера")
          .add(0x57, LOCAL_INDICATOR_NOT_APPLICABLE, "LOCAL_INDICATOR_NOT_APPLICABLE", "the \"local\" indicator cannot be applied: the number is not local", "признак локальный нельзя применить, поскольку номер не локальный")
          .add(0x5F, KSL_NOT_SET, "KSL_NOT_SET", "KSL not set (none matches)", "КСЛ не задана")
          .add(0x61, SERVICES_NOT_SET, "SERVICES_NOT_SET", "supplementary services not set", "ДВО не заданы")
          .add(0x73, KSL_ALLOCATION_ERROR, "KSL_ALLOCATION_ERROR", "KSL allocation error", "ошибка выделения КСЛ");

  /**
   * Validates the code.
   *
   * @param code the wire byte, 0 to 255
   * @throws IllegalArgumentException if {@code code} is not 0 to 255
   */
  public StatusCode {
    CodeTable.checkByte("StatusCode", code);
  }

  /**
   * Returns the constant for a known code, or a new instance for an unknown one.
   *
   * @param code the wire byte, 0 to 255
   * @return the value for {@code code}
   * @throws IllegalArgumentException if {@code code} is not 0 to 255
   */
  public static StatusCode of(int code) {
    StatusCode known = TABLE.known(code);
    return known != null ? known : new StatusCode(code);
  }

  /**
   * Returns the value for a constant name (case-insensitive, e.g. {@code "OK"}) or a numeric
   * code ({@code "0x00"} or {@code "0"}).
   *
   * @param text a constant name or a code
   * @return the value
   * @throws IllegalArgumentException if {@code text} is neither a known name nor a code 0 to 255
   */
  public static StatusCode parse(String text) {
    return of(TABLE.parse(text));
  }

  /**
   * Returns whether this code has a named constant.
   *
   * @return true for a known code
   */
  public boolean isKnown() {
    return TABLE.known(code) != null;
  }

  /**
   * Returns the constant name, or {@code 0xNN} for an unknown code.
   *
   * @return the name
   */
  public String name() {
    return TABLE.name(code);
  }

  /**
   * Returns a description in English, or {@code "unknown"} for an unknown code.
   *
   * @return the English description
   */
  public String description() {
    return TABLE.description(code, Locale.ENGLISH);
  }

  /**
   * Returns a description in Russian when {@code locale}'s language is {@code ru}, else in English.
   *
   * @param locale the language wanted
   * @return the description
   */
  public String description(Locale locale) {
    return TABLE.description(code, locale);
  }

  /**
   * Returns whether this is an Eltex vendor code ({@code 0x10} and above) rather than a
   * standard one.
   *
   * @return true for a vendor code
   */
  public boolean isVendor() {
    return code >= 0x10;
  }

  /**
   * Returns whether the command was accepted or executed ({@code 00}).
   *
   * @return true for {@link #OK}
   */
  public boolean isSuccess() {
    return code == 0;
  }

  /**
   * Returns every known status code in code order.
   *
   * @return the known codes
   */
  public static java.util.List<StatusCode> known() {
    return TABLE.all();
  }

  /** Returns the name and the code, e.g. {@code OK(0x00)}. */
  @Override
  public String toString() {
    return TABLE.name(code) + "(" + CodeTable.hex(code) + ")";
  }
}
