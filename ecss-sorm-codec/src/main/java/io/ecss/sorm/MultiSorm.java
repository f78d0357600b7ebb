package io.ecss.sorm;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * The MultiSORM aggregator of the manual (spec item 12): one console login covers several
 * domains (virtual PBXs), each running its own {@link SormStation}; a command is fanned out to
 * every domain and succeeds if at least one domain accepts it, else the first negative reply is
 * returned.
 *
 * <p>Domain lists are templates: explicit names, {@code *} for every domain, and {@code -name}
 * after {@code *} to exclude one ({@code * -test}); {@code *} may appear at most once. A login
 * fails if any listed domain is missing or misconfigured, even with the right name and password.
 * {@link #duplicateLocalNumbers(Map)} checks the MultiSORM restriction that local numbers are
 * unique across domains and reports every duplicate.
 *
 * <p>Table output (messages 3, 4, 5, 10, 11) is not merged across domains yet: take it from each
 * domain's station.
 *
 * <p>Thread-safe: {@link #handle} fans one command out at a time, so every domain gets concurrent
 * commands in the same order (a command put on control in one domain and taken off in another
 * would otherwise leave the domains disagreeing).
 */
public final class MultiSorm {
  private final Map<String, SormStation> domains;

  private MultiSorm(Map<String, SormStation> domains) {
    this.domains = domains;
  }

  /**
   * Expands a domain template against the domains that exist.
   *
   * @param template names, {@code *} (at most once) and {@code -name} exclusions
   * @param existing the names of the existing domains, in the order to use for {@code *}
   * @return the domain names, in template order, without repeats
   * @throws SormException if {@code *} appears more than once, an item is empty, or an exclusion
   *     is given without {@code *}
   */
  public static List<String> resolveDomains(List<String> template, List<String> existing) {
    Objects.requireNonNull(existing, "existing");
    int stars = 0;
    Set<String> excluded = new LinkedHashSet<>();
    for (String item : template) {
      if (item.equals("*")) {
        stars++;
      } else if (item.startsWith("-") && item.length() > 1) {
        excluded.add(item.substring(1));
      } else if (item.isEmpty() || item.equals("-")) {
        throw new SormException("MultiSORM domain template: empty item in " + template);
      }
    }
    if (stars > 1) {
      throw new SormException("MultiSORM domain template: '*' appears " + stars + " times in " + template + " (expected at most once)");
    }
    if (stars == 0 && !excluded.isEmpty()) {
      throw new SormException("MultiSORM domain template: exclusion " + excluded + " without '*' in " + template);
    }
    Set<String> out = new LinkedHashSet<>();
    for (String item : template) {
      if (item.equals("*")) {
        for (String d : existing) {
          if (!excluded.contains(d)) {
            out.add(d);
          }
        }
      } else if (!item.startsWith("-")) {
        out.add(item);
      }
    }
    return List.copyOf(out);
  }

  /**
   * Logs a console in: expands the template and checks that every listed domain exists and is
   * configured for SORM.
   *
   * @param template the user's domain template
   * @param stations the existing domains and their stations, in {@code *} order
   * @param misconfigured domains that exist but whose SORM settings are incomplete
   * @return the aggregator over the listed domains
   * @throws SormException naming every missing and every misconfigured domain if any
   */
  public static MultiSorm login(List<String> template, Map<String, SormStation> stations, Set<String> misconfigured) {
    List<String> names = resolveDomains(template, List.copyOf(stations.keySet()));
    List<String> missing = new ArrayList<>();
    List<String> bad = new ArrayList<>();
    Map<String, SormStation> chosen = new LinkedHashMap<>();
    for (String n : names) {
      SormStation s = stations.get(n);
      if (s == null) {
        missing.add(n);
      } else if (misconfigured.contains(n)) {
        bad.add(n);
      } else {
        chosen.put(n, s);
      }
    }
    if (!missing.isEmpty() || !bad.isEmpty()) {
      throw new SormException("MultiSORM login refused: missing domains " + missing + ", misconfigured domains " + bad);
    }
    if (chosen.isEmpty()) {
      throw new SormException("MultiSORM login refused: template " + template + " selects no domain");
    }
    return new MultiSorm(chosen);
  }

  /**
   * Returns the domains this login covers.
   *
   * @return the names, in fan-out order
   */
  public List<String> domains() {
    return List.copyOf(domains.keySet());
  }

  /**
   * Fans a command out to every domain.
   *
   * @param command the command
   * @return the first reply whose message 8 says executed, else the first (negative) reply
   */
  public synchronized StationReply handle(SormCommand command) {
    StationReply first = null;
    StationReply positive = null;
    for (SormStation s : domains.values()) {
      StationReply r = s.handle(command);
      if (first == null) {
        first = r;
      }
      if (positive == null && r.receipt().status().equals(StatusCode.OK) && r.execution().status().equals(StatusCode.OK)) {
        positive = r;
      }
    }
    return positive != null ? positive : Objects.requireNonNull(first);
  }

  /**
   * Finds local numbers used in more than one domain.
   *
   * @param localNumbers each domain's local numbers
   * @return every duplicated number (sorted) with the domains that use it, in map order; empty if
   *     the numbering is valid
   */
  public static Map<String, List<String>> duplicateLocalNumbers(Map<String, ? extends Iterable<String>> localNumbers) {
    Map<String, List<String>> users = new TreeMap<>();
    for (Map.Entry<String, ? extends Iterable<String>> e : localNumbers.entrySet()) {
      for (String number : e.getValue()) {
        List<String> ds = users.computeIfAbsent(number, k -> new ArrayList<>());
        if (!ds.contains(e.getKey())) {
          ds.add(e.getKey());
        }
      }
    }
    Map<String, List<String>> dup = new TreeMap<>();
    users.forEach((n, ds) -> {
      if (ds.size() > 1) {
        dup.put(n, List.copyOf(ds));
      }
    });
    return dup;
  }
}
