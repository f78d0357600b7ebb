package io.ecss.csta;

import static java.util.Objects.requireNonNull;

import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;

/**
 * The ECMA-323 {@code MonitorFilter} of a {@code MonitorStart}: the events the switch must
 * <em>not</em> send for this monitor. CSTA filters are negative: a flag set to {@code true} filters
 * the event out, an absent or {@code false} flag lets it through, and the empty filter ({@link
 * #NONE}) reports everything.
 *
 * <p>Call-control flags are typed ({@link CallControl}, the ed3 list; note the flag {@code
 * transferred} is the event {@code TransferedEvent}). Flags of the other categories ({@code
 * callAssociated}, {@code mediaAttachment}, {@code physicalDeviceFeature}, {@code
 * logicalDeviceFeature} — the agent-state events such as {@code agentReady} — {@code maintenance},
 * {@code voice}) are given by their schema element name, e.g. {@code
 * filterOut(Category.LOGICAL_DEVICE_FEATURE, "agentBusy")}; the event a flag stands for is the flag
 * name capitalised plus {@code Event} ({@code agentBusy} → {@code AgentBusyEvent}).
 *
 * <p>Immutable and thread-safe; {@code with...} methods return new filters.
 */
public final class CstaMonitorFilter {
  /** Reports every event (no {@code requestedMonitorFilter} is sent). */
  public static final CstaMonitorFilter NONE = new CstaMonitorFilter(new EnumMap<>(Category.class));

  /** The filter categories of ECMA-323 ed3, by their XML element name. */
  public enum Category {
    /** {@code callcontrol}: the call events (see {@link CallControl}). */
    CALL_CONTROL("callcontrol"),
    /** {@code callAssociated}: e.g. {@code charging}, {@code callInformation}. */
    CALL_ASSOCIATED("callAssociated"),
    /** {@code mediaAttachment}. */
    MEDIA_ATTACHMENT("mediaAttachment"),
    /** {@code physicalDeviceFeature}: e.g. {@code hookswitch}, {@code displayUpdated}. */
    PHYSICAL_DEVICE_FEATURE("physicalDeviceFeature"),
    /** {@code logicalDeviceFeature}: agent states, {@code doNotDisturb}, {@code forwarding}. */
    LOGICAL_DEVICE_FEATURE("logicalDeviceFeature"),
    /** {@code maintenance}: e.g. {@code outOfService}, {@code backInService}. */
    MAINTENANCE("maintenance"),
    /** {@code voice}: voice-unit events. */
    VOICE("voice");

    private final String element;

    Category(String element) {
      this.element = element;
    }

    /**
     * The XML element name.
     *
     * @return e.g. {@code callcontrol}
     */
    public String element() {
      return element;
    }

    static @Nullable Category of(String element) {
      for (Category c : values()) {
        if (c.element.equals(element)) {
          return c;
        }
      }
      return null;
    }
  }

  /** The call-control flags of ECMA-323 ed3 ({@code MonitorFilter/callcontrol}). */
  public enum CallControl {
    /** {@code bridged} → {@code BridgedEvent}. */
    BRIDGED("bridged", "BridgedEvent"),
    /** {@code callCleared} → {@code CallClearedEvent}. */
    CALL_CLEARED("callCleared", "CallClearedEvent"),
    /** {@code conferenced} → {@code ConferencedEvent}. */
    CONFERENCED("conferenced", "ConferencedEvent"),
    /** {@code connectionCleared} → {@code ConnectionClearedEvent}. */
    CONNECTION_CLEARED("connectionCleared", "ConnectionClearedEvent"),
    /** {@code delivered} → {@code DeliveredEvent}. */
    DELIVERED("delivered", "DeliveredEvent"),
    /** {@code digitsDialed} → {@code DigitsDialedEvent}. */
    DIGITS_DIALED("digitsDialed", "DigitsDialedEvent"),
    /** {@code diverted} → {@code DivertedEvent}. */
    DIVERTED("diverted", "DivertedEvent"),
    /** {@code established} → {@code EstablishedEvent}. */
    ESTABLISHED("established", "EstablishedEvent"),
    /** {@code failed} → {@code FailedEvent}. */
    FAILED("failed", "FailedEvent"),
    /** {@code held} → {@code HeldEvent}. */
    HELD("held", "HeldEvent"),
    /** {@code networkCapabilitiesChanged} → {@code NetworkCapabilitiesChangedEvent}. */
    NETWORK_CAPABILITIES_CHANGED("networkCapabilitiesChanged", "NetworkCapabilitiesChangedEvent"),
    /** {@code networkReached} → {@code NetworkReachedEvent}. */
    NETWORK_REACHED("networkReached", "NetworkReachedEvent"),
    /** {@code offered} → {@code OfferedEvent}. */
    OFFERED("offered", "OfferedEvent"),
    /** {@code originated} → {@code OriginatedEvent}. */
    ORIGINATED("originated", "OriginatedEvent"),
    /** {@code queued} → {@code QueuedEvent}. */
    QUEUED("queued", "QueuedEvent"),
    /** {@code retrieved} → {@code RetrievedEvent}. */
    RETRIEVED("retrieved", "RetrievedEvent"),
    /** {@code serviceInitiated} → {@code ServiceInitiatedEvent}. */
    SERVICE_INITIATED("serviceInitiated", "ServiceInitiatedEvent"),
    /** {@code transferred} → {@code TransferedEvent} (the schema's spelling). */
    TRANSFERRED("transferred", "TransferedEvent");

    private final String flag;
    private final String eventName;

    CallControl(String flag, String eventName) {
      this.flag = flag;
      this.eventName = eventName;
    }

    /**
     * The flag's XML element name.
     *
     * @return e.g. {@code connectionCleared}
     */
    public String flag() {
      return flag;
    }

    /**
     * The root element of the event this flag filters.
     *
     * @return e.g. {@code ConnectionClearedEvent}
     */
    public String eventName() {
      return eventName;
    }
  }

  private final Map<Category, Set<String>> filtered; // unmodifiable sets, no empty entries

  private CstaMonitorFilter(EnumMap<Category, Set<String>> filtered) {
    this.filtered = Collections.unmodifiableMap(filtered);
  }

  /**
   * Filters out the given call-control events.
   *
   * @param events the events the switch must not send
   * @return the filter
   */
  public static CstaMonitorFilter filterOut(CallControl... events) {
    CstaMonitorFilter f = NONE;
    for (CallControl e : events) {
      f = f.withFilteredOut(Category.CALL_CONTROL, requireNonNull(e, "event").flag);
    }
    return f;
  }

  /**
   * Lets only the given call-control events through: filters out every other call-control event
   * (other categories are not touched).
   *
   * @param wanted the call-control events to receive
   * @return the filter
   */
  public static CstaMonitorFilter onlyCallControl(CallControl... wanted) {
    EnumSet<CallControl> out = EnumSet.allOf(CallControl.class);
    for (CallControl w : wanted) {
      out.remove(requireNonNull(w, "wanted"));
    }
    return filterOut(out.toArray(new CallControl[0]));
  }

  /**
   * Returns a copy that also filters out one flag of a category.
   *
   * @param category the category
   * @param flag the flag's element name, e.g. {@code agentBusy} in {@link
   *     Category#LOGICAL_DEVICE_FEATURE}
   * @return the new filter
   * @throws IllegalArgumentException if the flag is not an XML name, or is not a call-control flag
   *     of ed3 when the category is {@link Category#CALL_CONTROL}
   */
  public CstaMonitorFilter withFilteredOut(Category category, String flag) {
    requireNonNull(category, "category");
    requireNonNull(flag, "flag");
    if (flag.isEmpty() || !Character.isLetter(flag.charAt(0)) || !flag.chars().allMatch(Character::isLetterOrDigit)) {
      throw new IllegalArgumentException("flag: '" + flag + "' (expected an element name such as agentBusy)");
    }
    if (category == Category.CALL_CONTROL && callControl(flag) == null) {
      throw new IllegalArgumentException("flag: '" + flag + "' is not an ECMA-323 callcontrol filter flag");
    }
    return plus(category, flag);
  }

  private CstaMonitorFilter plus(Category category, String flag) {
    EnumMap<Category, Set<String>> copy = new EnumMap<>(Category.class);
    copy.putAll(filtered);
    Set<String> s = new TreeSet<>(copy.getOrDefault(category, Set.of()));
    s.add(flag);
    copy.put(category, Collections.unmodifiableSet(s));
    return new CstaMonitorFilter(copy);
  }

  private static @Nullable CallControl callControl(String flag) {
    for (CallControl c : CallControl.values()) {
      if (c.flag.equals(flag)) {
        return c;
      }
    }
    return null;
  }

  /**
   * The filtered flags per category (element names, sorted).
   *
   * @return an unmodifiable map without empty entries
   */
  public Map<Category, Set<String>> filtered() {
    return filtered;
  }

  /**
   * The filtered call-control events.
   *
   * @return a new set
   */
  public Set<CallControl> filteredCallControl() {
    EnumSet<CallControl> out = EnumSet.noneOf(CallControl.class);
    for (String f : filtered.getOrDefault(Category.CALL_CONTROL, Set.of())) {
      CallControl c = callControl(f);
      if (c != null) {
        out.add(c);
      }
    }
    return out;
  }

  /**
   * Whether this filter suppresses an event.
   *
   * @param eventName the event's root element, e.g. {@code DeliveredEvent}, {@code
   *     AgentReadyEvent}
   * @return true if the switch must not send it
   */
  public boolean filters(String eventName) {
    requireNonNull(eventName, "eventName");
    for (CallControl c : filteredCallControl()) {
      if (c.eventName.equals(eventName)) {
        return true;
      }
    }
    for (Map.Entry<Category, Set<String>> e : filtered.entrySet()) {
      if (e.getKey() == Category.CALL_CONTROL) {
        continue;
      }
      for (String flag : e.getValue()) {
        if (eventName.equals(flag.substring(0, 1).toUpperCase(Locale.ROOT) + flag.substring(1) + "Event")) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * Whether nothing is filtered.
   *
   * @return true for a filter equal to {@link #NONE}
   */
  public boolean isEmpty() {
    return filtered.isEmpty();
  }

  /** Reads {@code requestedMonitorFilter} / {@code actualMonitorFilter}; unknown categories are ignored. */
  static CstaMonitorFilter fromXml(XmlNode node) {
    CstaMonitorFilter f = NONE;
    for (XmlNode cat : node.children()) {
      Category c = Category.of(cat.name);
      if (c == null) {
        continue;
      }
      for (XmlNode flag : cat.children()) {
        String v = flag.text.trim();
        if (v.equals("true") || v.equals("1")) {
          f = f.plus(c, flag.name); // flags of later editions are kept as they are
        }
      }
    }
    return f;
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof CstaMonitorFilter other && filtered.equals(other.filtered);
  }

  @Override
  public int hashCode() {
    return filtered.hashCode();
  }

  @Override
  public String toString() {
    if (filtered.isEmpty()) {
      return "CstaMonitorFilter[none]";
    }
    StringBuilder b = new StringBuilder("CstaMonitorFilter[filtered out: ");
    String sep = "";
    for (Map.Entry<Category, Set<String>> e : filtered.entrySet()) {
      for (String flag : e.getValue()) {
        b.append(sep).append(e.getKey().element).append('/').append(flag);
        sep = ", ";
      }
    }
    return b.append(']').toString();
  }
}
