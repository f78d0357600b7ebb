package io.ecss.routing;

import static java.util.Objects.requireNonNull;

import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/** Attribute maps of the model: unmodifiable and sorted by name, the writer's canonical order. */
final class Attributes {
  private Attributes() {}

  static SortedMap<String, String> copy(Map<String, String> attributes) {
    TreeMap<String, String> copy = new TreeMap<>();
    for (Map.Entry<String, String> e : attributes.entrySet()) {
      copy.put(requireNonNull(e.getKey(), "attribute name"), requireNonNull(e.getValue(), "attribute value"));
    }
    return Collections.unmodifiableSortedMap(copy);
  }

  static Map<String, Map<String, String>> copyNested(Map<String, Map<String, String>> nested) {
    TreeMap<String, Map<String, String>> copy = new TreeMap<>();
    for (Map.Entry<String, Map<String, String>> e : nested.entrySet()) {
      if (!e.getValue().isEmpty()) {
        copy.put(requireNonNull(e.getKey(), "element name"), copy(e.getValue()));
      }
    }
    return Collections.unmodifiableSortedMap(copy);
  }
}
