package io.ecss.sorm;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * The mediator side of SORM-1 as a socket-free state machine (spec items 7, notes §5): it consumes
 * decoded commands and produces the replies the order requires. {@link SormStationServer} puts it
 * on TCP; tests and simulators drive it directly.
 *
 * <p>Every command is answered by message 7 (receipt) then message 8 (execution), both "1 of 1".
 * Checks run in this order, and the first that fails decides the answer:
 *
 * <table>
 *   <caption>Refusals (standard codes / extended codes)</caption>
 *   <tr><th>Case</th><th>7 / 8, extended codes off</th><th>7 / 8, extended codes on</th></tr>
 *   <tr><td>wrong SORM number (also message 6, code 05)</td><td>01 / 05</td><td>18 / 18</td></tr>
 *   <tr><td>wrong password (also message 6, code 02)</td><td>01 / 03</td><td>01 / 03</td></tr>
 *   <tr><td>SORM not started (commands other than 1, 3, 14, 17)</td><td>02 / 01</td><td>17 / 17</td></tr>
 *   <tr><td>command 1 while started</td><td>00 / 07</td><td>16 / 16</td></tr>
 *   <tr><td>command accepted but failed (object already set, table full, unknown object, bad KSL group…)</td>
 *       <td>00 / 01</td><td>00 / vendor code</td></tr>
 * </table>
 *
 * <p>Table commands 10, 11, 12, 16 and 17 answer 7 and 8, then queue their data messages (3, 4,
 * 5, 10, 11) paged 1-based ("message k of N"; a single message is 1 of 1); the transport takes
 * them with {@link #pollTableOutput()}, and must not take a command's data before it wrote that
 * command's 7 and 8 (handling a command queues its data at once; {@link SormStationServer} takes
 * table output and handles commands under one lock for this). Command 13 discards the queued rest (without pending output
 * it fails with vendor code {@code 39} "output already finished"). A command 10 that matches no
 * object fails ({@code 35} "number not found"), so a successful table command always has data.
 * Command 14 answers message 9 after 7 and 8 and message 2.3 for every КПД2.
 *
 * <p>Idle timeout: {@link #checkIdle()} declares the link faulty once no command arrived within
 * {@link StationConfig#idleTimeout()}; queued output is then discarded and the count returned so
 * the caller reports it. The next command clears the fault.
 *
 * <p>Calls come from the softswitch side ({@link #callStarted}, {@link #callAnswered}, {@link
 * #callReleased}, fed for example by {@link SormRadiusBridge}). KSLs (monitoring lines) are
 * allocated from the KSL groups of command 4:
 *
 * <ul>
 *   <li>At call start, an object under full control whose KSL group (set by command 5 or 15) has
 *       the matching type (combined control → group type 01, separate → 11) gets the first free
 *       KSL entry of the group; message 1.1 then names it with operation {@code 00}, else {@code
 *       01} "no free KSL" ({@code FF} for statistical control). A priority object ({@code 01})
 *       with no free KSL pre-empts one held by a non-priority object: message 2.2, reason {@code
 *       02}, for the loser first.
 *   <li>Command 7 connects a KSL of the given group ({@code FF}: the object's group) to the call:
 *       message 2.1 (operation {@code 00}) on every КПД2; without a free KSL it pre-empts one held
 *       by a non-priority object of another call (2.2, reason {@code 03}).
 *   <li>Command 8 frees the KSL pair it names: message 2.2, reason {@code 01}. Command 6 frees the
 *       KSLs of the removed object (2.2, reason {@code 05}; the object's calls report nothing
 *       more), command 2 every KSL (2.2, reason {@code 06}).
 *   <li>When a call is released its KSLs are freed silently: message 1.3 names them, and 2.2 is
 *       only for a KSL freed while the call goes on (every 2.2 reason is such a case).
 *   <li>Command 9 refuses to remove a KSL that is in use ({@code 3A}).
 * </ul>
 *
 * <table>
 *   <caption>Failures of commands 7 and 8 (vendor codes; standard codes: 00 / 01)</caption>
 *   <tr><th>Case</th><th>Code</th></tr>
 *   <tr><td>object not on control</td><td>{@code 34}</td></tr>
 *   <tr><td>object type differs from the object's</td><td>{@code 12}</td></tr>
 *   <tr><td>no active call with that number for that object</td><td>{@code 3D}</td></tr>
 *   <tr><td>7: object under statistical control</td><td>{@code 37}</td></tr>
 *   <tr><td>7: KSL group not defined (or {@code FF} and the object has none)</td><td>{@code 3E}</td></tr>
 *   <tr><td>7: group type does not fit the control category</td><td>{@code 30}</td></tr>
 *   <tr><td>7: the call's object already has a KSL</td><td>{@code 3A}</td></tr>
 *   <tr><td>7: no free KSL in the group and none can be pre-empted</td><td>{@code 73}</td></tr>
 *   <tr><td>8: the object has no KSL in that call</td><td>{@code 5F}</td></tr>
 *   <tr><td>8: KSL-A / KSL-B / both differ from the held pair</td><td>{@code 3F} / {@code 40} / {@code 41}</td></tr>
 * </table>
 *
 * <p>Thread-safe: all methods are synchronized on the station.
 */
public final class SormStation {
  private static final int ANY_GROUP = 0xFF;
  private static final int ANY_OBJECT = 0xFFFF;
  private static final int MAX_ENTRIES_PER_MESSAGE = 11;

  private final StationConfig config;
  private final Clock clock;
  private final int sorm;
  private String password;
  private boolean started;
  private final TreeMap<Integer, ControlledObject> objects = new TreeMap<>();
  private final TreeMap<Integer, KslGroupType> groupTypes = new TreeMap<>();
  private final List<KslGroupEntry> kslEntries = new ArrayList<>();
  private final Map<String, List<ServiceCode>> services = new HashMap<>();
  private final Map<Integer, String> trunkNames = new HashMap<>();
  private final ArrayDeque<Kpd1Message> output = new ArrayDeque<>();
  private final Map<String, List<ControlledObject>> byNumber = new HashMap<>();
  private final Map<Integer, List<CallEvent>> calls = new HashMap<>();
  private final Map<KslGroupEntry, Holder> busy = new HashMap<>();
  private final Map<Holder, KslGroupEntry> held = new HashMap<>();
  private final List<Kpd2Message> pendingKpd2 = new ArrayList<>();
  private int kpd1State = 0x01;
  private int kpd2State = 0x01;
  private long lastActivityMillis;
  private boolean linkFaulty;
  private long discarded;

  /** A call and an object of it that holds a KSL. */
  private record Holder(int callNumber, int objectNumber) {}

  /** One object on control. */
  private record ControlledObject(
      int objectNumber,
      ObjectType type,
      PhoneNumber number,
      int trunkGroup,
      ControlCategory category,
      int kslGroup,
      Priority priority) {}

  /**
   * Creates a stopped station with an empty object table, using the system clock in the default time zone (message 6 times are local).
   *
   * @param config the settings
   */
  public SormStation(StationConfig config) {
    this(config, Clock.system(java.time.ZoneId.systemDefault()));
  }

  /**
   * Creates a stopped station with an empty object table.
   *
   * @param config the settings
   * @param clock the clock for message times and the idle timeout
   */
  public SormStation(StationConfig config, Clock clock) {
    this.config = Objects.requireNonNull(config, "config");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.sorm = config.sormNumber();
    this.password = config.password();
    this.lastActivityMillis = clock.millis();
  }

  /**
   * Returns the settings.
   *
   * @return the settings
   */
  public StationConfig config() {
    return config;
  }

  /**
   * Returns whether SORM is started (command 1 executed, command 2 not since).
   *
   * @return {@code true} if started
   */
  public synchronized boolean isStarted() {
    return started;
  }

  /**
   * Returns how many objects are on control.
   *
   * @return 0 to the capacity
   */
  public synchronized int objectCount() {
    return objects.size();
  }

  /**
   * Returns whether the idle timeout declared the link faulty and no command arrived since.
   *
   * @return {@code true} while the link is faulty
   */
  public synchronized boolean isLinkFaulty() {
    return linkFaulty;
  }

  /**
   * Returns how many queued messages the idle timeout discarded so far.
   *
   * @return the count
   */
  public synchronized long discardedMessages() {
    return discarded;
  }

  /**
   * Sets the state bytes that messages 9 and 2.3 report: one bit per channel instance, 1 =
   * working. The transport keeps them current; both default to {@code 0x01}.
   *
   * @param kpd1 the КПД1 state byte, 0 to 255
   * @param kpd2 the КПД2 state byte, 0 to 255
   */
  public synchronized void setLinkStates(int kpd1, int kpd2) {
    this.kpd1State = Checks.u8("kpd1", kpd1);
    this.kpd2State = Checks.u8("kpd2", kpd2);
  }

  /**
   * Declares the supplementary services of a subscriber, which command 12 reports.
   *
   * @param number the subscriber number
   * @param codes at most 11 services
   */
  public synchronized void setServices(PhoneNumber number, List<ServiceCode> codes) {
    Objects.requireNonNull(number, "number");
    if (codes.size() > MAX_ENTRIES_PER_MESSAGE) {
      throw new IllegalArgumentException("codes: " + codes.size() + " services (expected at most 11)");
    }
    services.put(number.digits(), List.copyOf(codes));
  }

  /**
   * Declares the station name of a trunk group, which command 16 reports.
   *
   * @param trunkGroup 0 to 65534
   * @param name at most 43 single-byte characters
   */
  public synchronized void setTrunkGroupName(int trunkGroup, String name) {
    Checks.range("trunkGroup", trunkGroup, 0, 0xFFFE);
    trunkNames.put(trunkGroup, Checks.text("name", name, 43));
  }

  /**
   * Handles one command and returns the immediate reply.
   *
   * @param command the decoded command
   * @return messages 7 and 8 (and 9 or 6) for КПД1 and message 2.3 for every КПД2 if any
   */
  public synchronized StationReply handle(SormCommand command) {
    Objects.requireNonNull(command, "command");
    lastActivityMillis = clock.millis();
    linkFaulty = false;
    int code = command.code();
    boolean ext = config.extendedErrorCodes();
    if (command.sormNumber() != sorm) {
      return refuse(code, StatusCode.REJECTED, StatusCode.WRONG_SORM_NUMBER, StatusCode.REFUSED_WRONG_SORM_NUMBER,
          intrusion(IntrusionType.WRONG_SORM_NUMBER, "wrong SORM number " + command.sormNumber() + ", command " + code));
    }
    if (!command.password().equals(password)) {
      return new StationReply(
          List.of(receipt(code, StatusCode.REJECTED), execution(code, StatusCode.WRONG_PASSWORD),
              intrusion(IntrusionType.WRONG_PASSWORD, "wrong password, command " + code)),
          List.of());
    }
    if (command instanceof SormCommand.Start) {
      if (started) {
        return ext
            ? refuse(code, StatusCode.START_REFUSED_ALREADY_STARTED, StatusCode.START_REFUSED_ALREADY_STARTED, StatusCode.START_REFUSED_ALREADY_STARTED, null)
            : replyOf(code, StatusCode.OK, StatusCode.ALREADY_STARTED);
      }
      started = true;
      return ok(code);
    }
    if (command instanceof SormCommand.SetPassword p) {
      password = p.newPassword();
      return ok(code);
    }
    if (command instanceof SormCommand.ChannelTest t) {
      return new StationReply(
          List.of(receipt(code, StatusCode.OK), execution(code, StatusCode.OK),
              new Kpd1Message.TestReply(sorm, 1, 1, t.testNumber(), kpd1State, kpd2State)),
          List.of(new Kpd2Message.TestReply(sorm, t.testNumber(), kpd1State, kpd2State)));
    }
    if (command instanceof SormCommand.SoftwareVersionRequest) {
      output.add(new Kpd1Message.SoftwareVersion(sorm, 1, 1, config.softwareVersion(), config.nodeType()));
      return ok(code);
    }
    if (!started) {
      return refuse(code, StatusCode.NOT_STARTED, StatusCode.REJECTED, StatusCode.REFUSED_NOT_STARTED, null);
    }
    StatusCode failure = execute(command);
    if (failure != null) {
      pendingKpd2.clear();
      return replyOf(code, StatusCode.OK, ext ? failure : StatusCode.REJECTED);
    }
    List<Kpd2Message> kpd2 = List.copyOf(pendingKpd2);
    pendingKpd2.clear();
    return new StationReply(List.of(receipt(code, StatusCode.OK), execution(code, StatusCode.OK)), kpd2);
  }

  /**
   * Answers a frame that could not be decoded as a command (an undecodable body, a message code or
   * an unknown code): message 7 and 8 refusing it with {@code 01} (extended codes: {@code 11}
   * parameter error).
   *
   * @param code the code byte of the frame, 0 to 255
   * @return the reply
   */
  public synchronized StationReply handleUndecodable(int code) {
    Checks.u8("code", code);
    lastActivityMillis = clock.millis();
    linkFaulty = false;
    StatusCode s = config.extendedErrorCodes() ? StatusCode.PARAMETER_ERROR : StatusCode.REJECTED;
    return replyOf(code, s, s);
  }

  /**
   * Takes the next queued table message (3, 4, 5, 10 or 11).
   *
   * @return the message, or {@code null} if none is queued or the link is faulty
   */
  public synchronized @Nullable Kpd1Message pollTableOutput() {
    return linkFaulty ? null : output.poll();
  }

  /**
   * Returns how many table messages are queued.
   *
   * @return the count
   */
  public synchronized int pendingTableOutput() {
    return output.size();
  }

  /**
   * Applies the idle timeout: if it is on and no command arrived within it, declares the link
   * faulty (output blocked) and discards the queued output.
   *
   * @return the number of messages discarded when the link just became faulty, or -1 if nothing
   *     happened (timeout off, not expired, or already faulty)
   */
  public synchronized int checkIdle() {
    long timeout = config.idleTimeout().toMillis();
    if (timeout == 0 || linkFaulty || clock.millis() - lastActivityMillis < timeout) {
      return -1;
    }
    linkFaulty = true;
    int n = output.size();
    output.clear();
    discarded += n;
    return n;
  }

  private @Nullable StatusCode execute(SormCommand command) {
    if (command instanceof SormCommand.Stop) {
      for (Holder h : new ArrayList<>(held.keySet())) {
        releaseHeld(h, KslReleaseReason.COMMAND_2);
      }
      started = false;
      output.clear();
      calls.clear();
      return null;
    }
    if (command instanceof SormCommand.AssignKslGroup a) {
      return assignKsl(a);
    }
    if (command instanceof SormCommand.RemoveKslFromGroup r) {
      return removeKsl(r);
    }
    if (command instanceof SormCommand.AddObject a) {
      return addObject(a);
    }
    if (command instanceof SormCommand.RemoveObject r) {
      return removeObject(r);
    }
    if (command instanceof SormCommand.ChangeObject c) {
      return changeObject(c);
    }
    if (command instanceof SormCommand.ConnectKsl c) {
      return connectKsl(c);
    }
    if (command instanceof SormCommand.ReleaseKsl r) {
      return releaseKslCommand(r);
    }
    if (command instanceof SormCommand.ObjectTableRequest q) {
      return objectTable(q);
    }
    if (command instanceof SormCommand.KslGroupTableRequest q) {
      return kslTable(q);
    }
    if (command instanceof SormCommand.ServiceListRequest q) {
      List<ServiceCode> list = services.get(q.number().digits());
      if (list == null) {
        return StatusCode.SERVICES_NOT_SET;
      }
      output.add(new Kpd1Message.ServiceList(sorm, 1, 1, q.number(), list));
      return null;
    }
    if (command instanceof SormCommand.TrunkGroupNameRequest q) {
      String name = trunkNames.get(q.trunkGroup());
      if (name == null) {
        return StatusCode.NO_SUCH_TRUNK;
      }
      output.add(new Kpd1Message.TrunkGroupName(sorm, 1, 1, q.trunkGroup(), name));
      return null;
    }
    if (command instanceof SormCommand.AbortTableOutput) {
      if (output.isEmpty()) {
        return StatusCode.OUTPUT_ALREADY_FINISHED;
      }
      output.clear();
      return null;
    }
    // Start, SetPassword, ChannelTest and SoftwareVersionRequest are handled before the started
    // check; the sealed family has no other member.
    throw new IllegalStateException("command " + command.code() + " not dispatched");
  }

  private @Nullable StatusCode assignKsl(SormCommand.AssignKslGroup a) {
    if (a.group() == ANY_GROUP) {
      return StatusCode.BAD_KSL_GROUP;
    }
    if (a.kslA().isNone()) {
      return StatusCode.BAD_KSL_A;
    }
    KslGroupType existing = groupTypes.get(a.group());
    if (existing != null && !existing.equals(a.groupType())) {
      return StatusCode.GROUP_TYPE_MISMATCH;
    }
    for (KslGroupEntry e : kslEntries) {
      if (uses(e, a.kslA())) {
        return StatusCode.KSL_A_ALREADY_ASSIGNED;
      }
      if (!a.kslB().isNone() && uses(e, a.kslB())) {
        return StatusCode.BAD_KSL_B;
      }
    }
    groupTypes.put(a.group(), a.groupType());
    kslEntries.add(new KslGroupEntry(a.group(), a.groupType(), a.kslA(), a.kslB()));
    return null;
  }

  private static boolean uses(KslGroupEntry e, Ksl ksl) {
    return e.kslA().equals(ksl) || (!e.kslB().isNone() && e.kslB().equals(ksl));
  }

  private @Nullable StatusCode removeKsl(SormCommand.RemoveKslFromGroup r) {
    if (!groupTypes.containsKey(r.group())) {
      return StatusCode.BAD_KSL_GROUP;
    }
    for (int i = 0; i < kslEntries.size(); i++) {
      KslGroupEntry e = kslEntries.get(i);
      if (e.group() == r.group() && e.kslA().equals(r.kslA()) && e.kslB().equals(r.kslB())) {
        if (busy.containsKey(e)) {
          return StatusCode.KSL_A_ALREADY_ASSIGNED;
        }
        kslEntries.remove(i);
        if (kslEntries.stream().noneMatch(x -> x.group() == r.group())) {
          groupTypes.remove(r.group());
        }
        return null;
      }
    }
    return StatusCode.NO_SUCH_KSL_IN_GROUP;
  }

  private @Nullable StatusCode checkParameters(ControlCategory category, int kslGroup, Priority priority) {
    if (!category.isKnown() || category.equals(ControlCategory.NONE)) {
      return StatusCode.BAD_CATEGORY;
    }
    if (!priority.isKnown()) {
      return StatusCode.BAD_PRIORITY;
    }
    if (kslGroup != ANY_GROUP && !groupTypes.containsKey(kslGroup)) {
      return StatusCode.BAD_KSL_GROUP;
    }
    return null;
  }

  private @Nullable StatusCode addObject(SormCommand.AddObject a) {
    ObjectType type = a.objectType();
    if (!type.isKnown() || type.equals(ObjectType.NONE)) {
      return StatusCode.BAD_OBJECT_TYPE;
    }
    if (a.objectNumber() == ANY_OBJECT) {
      return StatusCode.BAD_OBJECT_NUMBER;
    }
    if (type.equals(ObjectType.TRUNK_GROUP)) {
      if (a.trunkGroup() == CallEvent.NO_TRUNK_GROUP) {
        return StatusCode.TRUNK_GROUP_NOT_SET;
      }
    } else {
      if (!a.number().isPresent()) {
        return StatusCode.NO_NUMBER_OR_TRUNK;
      }
      if (!a.number().indicator().isKnown() || a.number().indicator().equals(NumberIndicator.NONE)) {
        return StatusCode.BAD_NUMBER_INDICATOR;
      }
    }
    StatusCode bad = checkParameters(a.category(), a.kslGroup(), a.priority());
    if (bad != null) {
      return bad;
    }
    if (objects.containsKey(a.objectNumber())) {
      return StatusCode.OBJECT_ALREADY_SET;
    }
    for (ControlledObject o : objects.values()) {
      if (type.equals(ObjectType.TRUNK_GROUP)
          ? o.type().equals(type) && o.trunkGroup() == a.trunkGroup()
          : a.number().equals(o.number()) && o.type().equals(type)) {
        return type.equals(ObjectType.TRUNK_GROUP) ? StatusCode.TRUNK_ALREADY_MONITORED : StatusCode.NUMBER_ALREADY_SET;
      }
    }
    if (objects.size() >= config.objectCapacity()) {
      return StatusCode.OBJECT_TABLE_FULL;
    }
    ControlledObject added = new ControlledObject(a.objectNumber(), type, a.number(), a.trunkGroup(), a.category(), a.kslGroup(), a.priority());
    objects.put(a.objectNumber(), added);
    index(added);
    return null;
  }

  private @Nullable StatusCode removeObject(SormCommand.RemoveObject r) {
    ControlledObject o = objects.get(r.objectNumber());
    if (o == null) {
      return StatusCode.BAD_OBJECT_NUMBER;
    }
    if (!r.objectType().equals(ObjectType.NONE) && !r.objectType().equals(o.type())) {
      return StatusCode.BAD_OBJECT_OR_NUMBER_TYPE;
    }
    if (r.number().isPresent() && !r.number().equals(o.number())) {
      return StatusCode.NUMBER_NOT_FOUND;
    }
    objects.remove(r.objectNumber());
    unindex(o);
    forgetObjectInCalls(r.objectNumber());
    return null;
  }

  private @Nullable StatusCode changeObject(SormCommand.ChangeObject c) {
    ControlledObject o = objects.get(c.objectNumber());
    if (o == null) {
      return StatusCode.BAD_OBJECT_NUMBER;
    }
    StatusCode bad = checkParameters(c.category(), c.kslGroup(), c.priority());
    if (bad != null) {
      return bad;
    }
    ControlledObject changed = new ControlledObject(o.objectNumber(), o.type(), o.number(), o.trunkGroup(), c.category(), c.kslGroup(), c.priority());
    unindex(o);
    objects.put(o.objectNumber(), changed);
    index(changed);
    return null;
  }

  private @Nullable StatusCode objectTable(SormCommand.ObjectTableRequest q) {
    List<ControlledObject> hits = new ArrayList<>();
    for (ControlledObject o : objects.values()) {
      if ((q.objectNumber() == ANY_OBJECT || q.objectNumber() == o.objectNumber())
          && (q.objectType().equals(ObjectType.NONE) || q.objectType().equals(o.type()))
          && (!q.number().isPresent() || q.number().equals(o.number()))
          && (q.trunkGroup() == CallEvent.NO_TRUNK_GROUP || q.trunkGroup() == o.trunkGroup())) {
        hits.add(o);
      }
    }
    if (hits.isEmpty()) {
      return StatusCode.NUMBER_NOT_FOUND;
    }
    int n = hits.size();
    for (int k = 0; k < n; k++) {
      ControlledObject o = hits.get(k);
      output.add(new Kpd1Message.ObjectRecord(sorm, n, k + 1, o.objectNumber(), o.type(), o.number(), o.trunkGroup(), o.category(), o.kslGroup(), o.priority(), LineState.UNKNOWN));
    }
    return null;
  }

  private @Nullable StatusCode kslTable(SormCommand.KslGroupTableRequest q) {
    List<KslGroupEntry> hits = new ArrayList<>();
    for (KslGroupEntry e : kslEntries) {
      if (q.group() == ANY_GROUP || q.group() == e.group()) {
        hits.add(e);
      }
    }
    hits.sort((x, y) -> Integer.compare(x.group(), y.group()));
    if (hits.isEmpty() && q.group() != ANY_GROUP) {
      return StatusCode.BAD_KSL_GROUP;
    }
    int n = Math.max(1, (hits.size() + MAX_ENTRIES_PER_MESSAGE - 1) / MAX_ENTRIES_PER_MESSAGE);
    for (int k = 0; k < n; k++) {
      int from = k * MAX_ENTRIES_PER_MESSAGE;
      List<KslGroupEntry> page = hits.subList(from, Math.min(hits.size(), from + MAX_ENTRIES_PER_MESSAGE));
      output.add(new Kpd1Message.KslGroupTable(sorm, n, k + 1, List.copyOf(page)));
    }
    return null;
  }

  private void index(ControlledObject o) {
    if (o.number().isPresent()) {
      byNumber.computeIfAbsent(o.number().digits(), k -> new ArrayList<>(1)).add(o);
    }
  }

  private void unindex(ControlledObject o) {
    List<ControlledObject> list = byNumber.get(o.number().digits());
    if (list != null) {
      list.remove(o);
      if (list.isEmpty()) {
        byNumber.remove(o.number().digits());
      }
    }
  }

  /**
   * Reports that a call reached the complete called number (the softswitch side, for example a
   * RADIUS Accounting Start): for every object on control whose number equals the A number
   * (outgoing) or the B number (incoming) — a hash lookup, not a table scan (unless {@link
   * StationConfig.CallLookup#LINEAR_SCAN} is configured for comparison) — it returns message 1.1,
   * with a KSL attached where the object's KSL group has a free one (operation {@code 00}; else
   * {@code 01} "no free KSL", {@code FF} for statistical control; see the class description),
   * preceded by message 2.2 for a KSL a priority object pre-empted. Nothing is returned while SORM
   * is stopped or no object matches. A call number that is still active is taken over (the old
   * call is forgotten and its KSLs freed).
   *
   * @param callNumber the call number commands 7 and 8 will refer to, 0 to 65535
   * @param a the calling number, as adapted for output
   * @param b the called number, as adapted for output
   * @return the КПД2 messages to send on every КПД2 link
   */
  public List<Kpd2Message> callStarted(int callNumber, PhoneNumber a, PhoneNumber b) {
    return callStarted(callNumber, a, b, NumberAdaptation.NONE);
  }

  /**
   * Like {@link #callStarted(int, PhoneNumber, PhoneNumber)}, and applies the mediator's B-number
   * adaptation to the B number each message carries: objects are matched on the numbers as given;
   * for an object selected by the A number the B number is adapted as "intercepted by A", for one
   * selected by the B number as not (so the "leading 7" rules apply only to the former).
   *
   * @param callNumber the call number commands 7 and 8 will refer to, 0 to 65535
   * @param a the calling number
   * @param b the called number
   * @param adaptation the B-number adaptation
   * @return the КПД2 messages to send on every КПД2 link
   */
  public List<Kpd2Message> callStarted(int callNumber, PhoneNumber a, PhoneNumber b, NumberAdaptation adaptation) {
    return callStarted(callNumber, a, b, adaptation, null);
  }

  synchronized List<Kpd2Message> callStarted(int callNumber, PhoneNumber a, PhoneNumber b, NumberAdaptation adaptation, @Nullable LocalDateTime at) {
    Checks.u16("callNumber", callNumber);
    Objects.requireNonNull(a, "a");
    Objects.requireNonNull(b, "b");
    Objects.requireNonNull(adaptation, "adaptation");
    if (!started) {
      return List.of();
    }
    List<ControlledObject> byA = lookup(a);
    List<ControlledObject> byB = lookup(b);
    if (byA.isEmpty() && byB.isEmpty()) {
      return List.of();
    }
    EventTime now = time(at);
    List<CallEvent> previous = calls.remove(callNumber);
    if (previous != null) {
      // The call number is reused without a release: the old call is gone, free its KSLs.
      freeCall(callNumber, previous);
    }
    List<CallEvent> events = new ArrayList<>(byA.size() + byB.size());
    addEvents(events, byA, callNumber, a, adaptation.adaptB(b, true), 0, CallParameters.OUTGOING, now);
    addEvents(events, byB, callNumber, a, adaptation.adaptB(b, false), 2, CallParameters.INCOMING, now);
    calls.put(callNumber, events);
    if (!kslEntries.isEmpty()) {
      for (int i = 0; i < events.size(); i++) {
        allocateAtStart(events, i);
      }
    }
    List<Kpd2Message> out = new ArrayList<>(pendingKpd2.size() + events.size());
    out.addAll(pendingKpd2);
    pendingKpd2.clear();
    for (CallEvent e : events) {
      out.add(new Kpd2Message.CalledNumberReceived(sorm, e, operation(e)));
    }
    return out;
  }

  /**
   * Returns whether a call with these numbers would be reported (SORM started and an object on
   * control has the A or the B number).
   */
  synchronized boolean matches(PhoneNumber a, PhoneNumber b) {
    return started && (!lookup(a).isEmpty() || !lookup(b).isEmpty());
  }

  private EventTime time(@Nullable LocalDateTime at) {
    return EventTime.of(at != null ? at : LocalDateTime.now(clock));
  }

  /**
   * Returns the clock's zone, for turning a reported instant into the local event time.
   *
   * @return the zone
   */
  java.time.ZoneId zone() {
    return clock.getZone();
  }

  private List<ControlledObject> lookup(PhoneNumber key) {
    if (!key.isPresent()) {
      return List.of();
    }
    if (config.callLookup() == StationConfig.CallLookup.LINEAR_SCAN) {
      List<ControlledObject> hits = List.of();
      for (ControlledObject o : objects.values()) {
        if (o.number().digits().equals(key.digits())) {
          if (hits.isEmpty()) {
            hits = new ArrayList<>(1);
          }
          hits.add(o);
        }
      }
      return hits;
    }
    List<ControlledObject> hits = byNumber.get(key.digits());
    return hits == null ? List.of() : hits;
  }

  private static void addEvents(List<CallEvent> events, List<ControlledObject> hits, int callNumber, PhoneNumber a, PhoneNumber b, int shift, CallParameters parameters, EventTime now) {
    for (ControlledObject o : hits) {
      int kind = o.category().equals(ControlCategory.STATISTICAL) ? 0x02 : o.category().equals(ControlCategory.FULL_SEPARATE) ? 0x03 : 0x01;
      events.add(new CallEvent(callNumber, o.type(), o.objectNumber(), SelectionFlag.of(kind << shift), parameters, ServicePhase.CALL,
          a, b, CallEvent.NO_TRUNK_GROUP, Ksl.NONE, Ksl.NONE, now, o.priority(), CallEvent.NO_SERVICE, 0xFF));
    }
  }

  private static KslState operation(CallEvent e) {
    if (statistical(e)) {
      return KslState.STATISTICAL;
    }
    return e.kslA().isNone() ? KslState.NO_FREE_KSL : KslState.CONNECTED;
  }

  private static boolean statistical(CallEvent e) {
    int sel = e.selection().code();
    return (sel & 0x03) == 0x02 || (sel & 0x0C) == 0x08;
  }

  // --- KSL allocation (commands 7, 8 and automatic at call start) ---

  /** The group type a control category needs: combined → 01, separate → 11. */
  private static KslGroupType groupTypeFor(ControlCategory category) {
    return category.equals(ControlCategory.FULL_SEPARATE) ? KslGroupType.SEPARATE : KslGroupType.COMBINED;
  }

  private void allocateAtStart(List<CallEvent> events, int index) {
    CallEvent e = events.get(index);
    ControlledObject o = objects.get(e.objectNumber());
    if (o == null || statistical(e) || o.kslGroup() == ANY_GROUP || !groupTypeFor(o.category()).equals(groupTypes.get(o.kslGroup()))
        || held.containsKey(new Holder(e.callNumber(), e.objectNumber()))) {
      // (The last case: the object is both A and B of the call; one KSL serves it.)
      return;
    }
    KslGroupEntry entry = freeEntry(o.kslGroup());
    if (entry == null && o.priority().equals(Priority.PRIORITY)) {
      entry = preempt(o.kslGroup(), e.callNumber(), KslReleaseReason.PREEMPTED_BY_PRIORITY);
    }
    if (entry != null) {
      attach(events, index, entry);
    }
  }

  private @Nullable KslGroupEntry freeEntry(int group) {
    for (KslGroupEntry entry : kslEntries) {
      if (entry.group() == group && !busy.containsKey(entry)) {
        return entry;
      }
    }
    return null;
  }

  /**
   * Takes the KSL of the group held by an object that is not a priority object (and not by call
   * {@code exceptCall}), reporting message 2.2 with {@code reason} for it.
   */
  private @Nullable KslGroupEntry preempt(int group, int exceptCall, KslReleaseReason reason) {
    for (KslGroupEntry entry : kslEntries) {
      Holder h = busy.get(entry);
      if (entry.group() != group || h == null || h.callNumber() == exceptCall) {
        continue;
      }
      CallEvent victim = eventOf(h);
      if (victim != null && !victim.priority().equals(Priority.PRIORITY)) {
        releaseHeld(h, reason);
        return entry;
      }
    }
    return null;
  }

  private void attach(List<CallEvent> events, int index, KslGroupEntry entry) {
    CallEvent e = events.get(index);
    events.set(index, e.withKsl(entry.kslA(), entry.kslB()));
    Holder h = new Holder(e.callNumber(), e.objectNumber());
    busy.put(entry, h);
    held.put(h, entry);
  }

  private @Nullable CallEvent eventOf(Holder h) {
    List<CallEvent> events = calls.get(h.callNumber());
    int i = events == null ? -1 : indexOf(events, h.objectNumber());
    return i < 0 ? null : events.get(i);
  }

  private static int indexOf(List<CallEvent> events, int objectNumber) {
    for (int i = 0; i < events.size(); i++) {
      if (events.get(i).objectNumber() == objectNumber) {
        return i;
      }
    }
    return -1;
  }

  /** Frees the KSL {@code h} holds and queues message 2.2 (naming the freed KSL) for it. */
  private void releaseHeld(Holder h, KslReleaseReason reason) {
    KslGroupEntry entry = held.remove(h);
    if (entry == null) {
      return;
    }
    busy.remove(entry);
    List<CallEvent> events = calls.get(h.callNumber());
    int i = events == null ? -1 : indexOf(events, h.objectNumber());
    if (i >= 0) {
      CallEvent e = events.get(i);
      pendingKpd2.add(new Kpd2Message.KslReleased(sorm, e.withTime(time(null)), reason));
      events.set(i, e.withKsl(Ksl.NONE, Ksl.NONE));
    }
  }

  /** Frees, without a message, every KSL a call holds (the call ended: message 1.3 names them). */
  private void freeCall(int callNumber, List<CallEvent> events) {
    for (CallEvent e : events) {
      KslGroupEntry entry = held.remove(new Holder(callNumber, e.objectNumber()));
      if (entry != null) {
        busy.remove(entry);
      }
    }
  }

  /** Command 6 removed an object: its KSLs are freed (2.2, reason 05) and its calls forgotten. */
  private void forgetObjectInCalls(int objectNumber) {
    if (calls.isEmpty()) {
      return;
    }
    for (Holder h : new ArrayList<>(held.keySet())) {
      if (h.objectNumber() == objectNumber) {
        releaseHeld(h, KslReleaseReason.COMMAND_6);
      }
    }
    calls.values().forEach(events -> events.removeIf(e -> e.objectNumber() == objectNumber));
    calls.values().removeIf(List::isEmpty);
  }

  private @Nullable StatusCode callCheck(int callNumber, ObjectType type, int objectNumber) {
    ControlledObject o = objects.get(objectNumber);
    if (o == null) {
      return StatusCode.BAD_OBJECT_NUMBER;
    }
    if (!type.equals(o.type())) {
      return StatusCode.BAD_OBJECT_TYPE;
    }
    List<CallEvent> events = calls.get(callNumber);
    if (events == null || indexOf(events, objectNumber) < 0) {
      return StatusCode.BAD_CALL_OBJECT_NUMBER;
    }
    return null;
  }

  private @Nullable StatusCode connectKsl(SormCommand.ConnectKsl c) {
    StatusCode bad = callCheck(c.callNumber(), c.objectType(), c.objectNumber());
    if (bad != null) {
      return bad;
    }
    ControlledObject o = objects.get(c.objectNumber());
    List<CallEvent> events = calls.get(c.callNumber());
    int index = indexOf(events, c.objectNumber());
    if (statistical(events.get(index)) || o.category().equals(ControlCategory.STATISTICAL)) {
      return StatusCode.OBJECT_NUMBER_UNSUITABLE;
    }
    int group = c.kslGroup() == ANY_GROUP ? o.kslGroup() : c.kslGroup();
    KslGroupType type = groupTypes.get(group);
    if (type == null) {
      return StatusCode.BAD_KSL_GROUP;
    }
    if (!type.equals(groupTypeFor(o.category()))) {
      return StatusCode.GROUP_TYPE_MISMATCH;
    }
    if (held.containsKey(new Holder(c.callNumber(), c.objectNumber()))) {
      return StatusCode.KSL_A_ALREADY_ASSIGNED;
    }
    KslGroupEntry entry = freeEntry(group);
    if (entry == null) {
      entry = preempt(group, c.callNumber(), KslReleaseReason.PREEMPTED_BY_COMMAND_7);
    }
    if (entry == null) {
      return StatusCode.KSL_ALLOCATION_ERROR;
    }
    attach(events, index, entry);
    CallEvent e = events.get(index);
    pendingKpd2.add(new Kpd2Message.KslConnected(sorm, e.withTime(time(null)), KslState.CONNECTED));
    return null;
  }

  private @Nullable StatusCode releaseKslCommand(SormCommand.ReleaseKsl r) {
    StatusCode bad = callCheck(r.callNumber(), r.objectType(), r.objectNumber());
    if (bad != null) {
      return bad;
    }
    Holder h = new Holder(r.callNumber(), r.objectNumber());
    KslGroupEntry entry = held.get(h);
    if (entry == null) {
      return StatusCode.KSL_NOT_SET;
    }
    boolean badA = !entry.kslA().equals(r.kslA());
    boolean badB = !entry.kslB().equals(r.kslB());
    if (badA || badB) {
      return badA && badB ? StatusCode.BAD_KSL_A_AND_B : badA ? StatusCode.BAD_KSL_A : StatusCode.BAD_KSL_B;
    }
    releaseHeld(h, KslReleaseReason.COMMAND_8);
    return null;
  }

  /**
   * Reports that a call reported by {@link #callStarted} was answered.
   *
   * @param callNumber the call number
   * @return message 1.2 for each object the call matched, or an empty list for an unknown call
   */
  public List<Kpd2Message> callAnswered(int callNumber) {
    return callAnswered(callNumber, null);
  }

  synchronized List<Kpd2Message> callAnswered(int callNumber, @Nullable LocalDateTime at) {
    List<CallEvent> events = calls.get(callNumber);
    if (events == null || !started) {
      return List.of();
    }
    EventTime now = time(at);
    List<Kpd2Message> out = new ArrayList<>(events.size());
    for (CallEvent e : events) {
      CallEvent t = e.withTime(now);
      out.add(new Kpd2Message.Answer(sorm, t, operation(t)));
    }
    return out;
  }

  /**
   * Reports that a call reported by {@link #callStarted} was released, and forgets it.
   *
   * @param callNumber the call number
   * @param cause the release cause
   * @return message 1.3 for each object the call matched, or an empty list for an unknown call
   */
  public List<Kpd2Message> callReleased(int callNumber, ReleaseCause cause) {
    return callReleased(callNumber, cause, null);
  }

  synchronized List<Kpd2Message> callReleased(int callNumber, ReleaseCause cause, @Nullable LocalDateTime at) {
    Objects.requireNonNull(cause, "cause");
    List<CallEvent> events = calls.remove(callNumber);
    if (events == null || !started) {
      return List.of();
    }
    freeCall(callNumber, events);
    EventTime now = time(at);
    List<Kpd2Message> out = new ArrayList<>(events.size());
    for (CallEvent e : events) {
      out.add(new Kpd2Message.Release(sorm, e.withTime(now), cause));
    }
    return out;
  }

  /**
   * Returns how many calls reported by {@link #callStarted} are not released yet.
   *
   * @return the count
   */
  public synchronized int activeCalls() {
    return calls.size();
  }

  private Kpd1Message.Receipt receipt(int code, StatusCode s) {
    return new Kpd1Message.Receipt(sorm, 1, 1, code, s);
  }

  private Kpd1Message.Execution execution(int code, StatusCode s) {
    return new Kpd1Message.Execution(sorm, 1, 1, code, s);
  }

  private Kpd1Message.Intrusion intrusion(IntrusionType type, String text) {
    return new Kpd1Message.Intrusion(sorm, 1, 1, type, EventTime.of(LocalDateTime.now(clock)), text);
  }

  private StationReply ok(int code) {
    return replyOf(code, StatusCode.OK, StatusCode.OK);
  }

  private StationReply replyOf(int code, StatusCode r, StatusCode e) {
    return new StationReply(List.of(receipt(code, r), execution(code, e)), List.of());
  }

  private StationReply refuse(int code, StatusCode std7, StatusCode std8, StatusCode vendor, Kpd1Message.@Nullable Intrusion alarm) {
    boolean ext = config.extendedErrorCodes();
    List<Kpd1Message> out = new ArrayList<>(3);
    out.add(receipt(code, ext ? vendor : std7));
    out.add(execution(code, ext ? vendor : std8));
    if (alarm != null) {
      out.add(alarm);
    }
    return new StationReply(out, List.of());
  }
}
