package io.ecss.routing;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The outcome of routing one call, with how it got there.
 *
 * <p>{@link #format()} renders it in the vendor's trace layout:
 *
 * <pre>
 * Routing result: external
 * A: "3832728331"(ni=private, nai=nationalNumber)
 * B: "9001758964"(ni=intercity, nai=nationalNumber)
 * Options: [{sorm_ni_a,private},
 *           {sorm_digits_a,"28331"},
 *           {sorm_ni_b,intercity},
 *           {sorm_digits_b,"89001758964"}]
 * </pre>
 *
 * @param outcome how routing ended
 * @param trunk the trunk of an {@code external} result, else null
 * @param direction the direction of an {@code external} result, else null
 * @param context the last context routing was in; for {@code loop}, and for an {@code error} on an
 *     unknown context, the context it was about to enter (the one visited twice, or the unknown
 *     name)
 * @param a the final calling number
 * @param b the final called number
 * @param sorm the SORM options that were set, in the order {@code sorm_ni_a}, {@code
 *     sorm_digits_a}, {@code sorm_ni_b}, {@code sorm_digits_b}
 * @param path the rules that matched, one per context visited
 * @param message why routing ended for {@code error}, {@code loop} and {@code no_route}; else null
 * @param notes how the called number was collected in overlap mode; empty in enblock mode
 */
public record Trace(
    Outcome outcome,
    @Nullable String trunk,
    @Nullable String direction,
    String context,
    PartyNumber a,
    PartyNumber b,
    Map<String, String> sorm,
    List<Step> path,
    @Nullable String message,
    List<String> notes) {

  /** SORM option keys in trace order. */
  public static final List<String> SORM_KEYS =
      List.of("sorm_ni_a", "sorm_digits_a", "sorm_ni_b", "sorm_digits_b");

  /**
   * Creates a trace, copying the collections; {@code sorm} keeps {@link #SORM_KEYS} order.
   *
   * @param outcome how routing ended
   * @param trunk the trunk of an {@code external} result, else null
   * @param direction the direction of an {@code external} result, else null
   * @param context the last context routing was in; for {@code loop}, and for an {@code error} on an unknown context, the context it was about to enter (the one visited twice, or the unknown name)
   * @param a the final calling number
   * @param b the final called number
   * @param sorm the SORM options that were set, in the order {@code sorm_ni_a}, {@code sorm_digits_a}, {@code sorm_ni_b}, {@code sorm_digits_b}
   * @param path the rules that matched, one per context visited
   * @param message why routing ended for {@code error}, {@code loop} and {@code no_route}; else null
   * @param notes how the called number was collected in overlap mode; empty in enblock mode
   * @throws NullPointerException when a non-null argument is null
   * @throws IllegalArgumentException when {@code sorm} has a key outside {@link #SORM_KEYS}
   */
  public Trace {
    requireNonNull(outcome, "outcome");
    requireNonNull(context, "context");
    requireNonNull(a, "a");
    requireNonNull(b, "b");
    Map<String, String> ordered = new LinkedHashMap<>();
    for (String k : SORM_KEYS) {
      String v = sorm.get(k);
      if (v != null) {
        ordered.put(k, v);
      }
    }
    if (ordered.size() != sorm.size()) {
      throw new IllegalArgumentException("sorm: " + sorm.keySet() + " (expected keys among " + SORM_KEYS + ")");
    }
    sorm = Collections.unmodifiableMap(ordered);
    path = List.copyOf(path);
    notes = List.copyOf(notes);
  }

  /**
   * One matched rule on the way.
   *
   * @param context the context
   * @param rule the rule that matched
   * @param effects what each action did, e.g. {@code cdpn "89001758964" -> "9001758964"}
   */
  public record Step(String context, String rule, List<String> effects) {
    /**
     * Creates a step.
     *
     * @param context the context
     * @param rule the rule that matched
     * @param effects what each action did, e.g. {@code cdpn "89001758964" -> "9001758964"}
     * @throws NullPointerException when an argument is null
     */
    public Step {
      requireNonNull(context, "context");
      requireNonNull(rule, "rule");
      effects = List.copyOf(effects);
    }

    /**
     * Returns {@code context/rule}.
     *
     * @return the step as a path element
     */
    @Override
    public String toString() {
      return context + "/" + rule;
    }
  }

  /**
   * The path as {@code context/rule} strings.
   *
   * @return one string per step
   */
  public List<String> pathNames() {
    List<String> out = new ArrayList<>(path.size());
    for (Step s : path) {
      out.add(s.toString());
    }
    return out;
  }

  /**
   * Renders the result part in the vendor's layout ({@code Routing result:}, {@code A:}, {@code B:},
   * {@code Options:}); between the result line and {@code A:} come the target ({@code Trunk:} or
   * {@code Direction:}), {@code Context:} and, for {@code error}, {@code loop} and {@code
   * no_route}, {@code Reason:}.
   *
   * @return the lines, each ending with a newline
   */
  public String format() {
    StringBuilder sb = new StringBuilder();
    sb.append("Routing result: ").append(outcome.label()).append('\n');
    if (trunk != null) {
      sb.append("Trunk: \"").append(trunk).append("\"\n");
    }
    if (direction != null) {
      sb.append("Direction: \"").append(direction).append("\"\n");
    }
    sb.append("Context: ").append(context).append('\n');
    if (message != null) {
      sb.append("Reason: ").append(message).append('\n');
    }
    sb.append("A: ").append(a).append('\n');
    sb.append("B: ").append(b).append('\n');
    sb.append("Options: [");
    boolean first = true;
    for (Map.Entry<String, String> e : sorm.entrySet()) {
      if (!first) {
        sb.append(",\n          ");
      }
      first = false;
      boolean quoted = e.getKey().startsWith("sorm_digits");
      sb.append('{').append(e.getKey()).append(',');
      sb.append(quoted ? "\"" + e.getValue() + "\"" : e.getValue()).append('}');
    }
    sb.append("]\n");
    return sb.toString();
  }
}
