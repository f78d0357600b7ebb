package io.ecss.asr.jsgf;

import java.util.Arrays;
import java.util.IdentityHashMap;
import org.jspecify.annotations.Nullable;

/**
 * Where each parsed node started in the source text. Nodes are looked up by identity, so equal
 * nodes at different places keep their own positions; the map never takes part in equality.
 *
 * <p>The parser only appends (node, offset) records; the identity map is built on the first
 * lookup (checks and error messages need it, parsing does not), so parsing never hashes nodes.
 */
final class SourceMap {
  private final String text;
  private final Object[] nodes;

  /** Offsets; {@code ~offset} for a record that must not replace an earlier one. */
  private final int[] offsets;

  private final int count;
  private volatile @Nullable IdentityHashMap<Object, Integer> map;
  private volatile int @Nullable [] lineStarts;

  private SourceMap(String text, Object[] nodes, int[] offsets, int count) {
    this.text = text;
    this.nodes = nodes;
    this.offsets = offsets;
    this.count = count;
  }

  static SourceMap empty() {
    return new SourceMap("", new Object[0], new int[0], 0);
  }

  /** Collects records while parsing. */
  static final class Recorder {
    private Object[] nodes = new Object[256];
    private int[] offsets = new int[256];
    private int count;

    /** Records a node's offset, replacing an earlier record of the same node. */
    void put(Object node, int offset) {
      add(node, offset);
    }

    /** Records a node's offset unless the node already has one. */
    void putIfAbsent(Object node, int offset) {
      add(node, ~offset);
    }

    private void add(Object node, int encoded) {
      if (count == nodes.length) {
        nodes = Arrays.copyOf(nodes, count * 2);
        offsets = Arrays.copyOf(offsets, count * 2);
      }
      nodes[count] = node;
      offsets[count++] = encoded;
    }

    SourceMap build(String text) {
      return new SourceMap(text, nodes, offsets, count);
    }
  }

  private IdentityHashMap<Object, Integer> map() {
    IdentityHashMap<Object, Integer> m = map;
    if (m == null) {
      m = new IdentityHashMap<>(count);
      for (int i = 0; i < count; i++) {
        int o = offsets[i];
        if (o >= 0) {
          m.put(nodes[i], o);
        } else {
          m.putIfAbsent(nodes[i], ~o);
        }
      }
      map = m;
    }
    return m;
  }

  static int[] lineStarts(String text) {
    int[] starts = new int[16];
    int n = 1;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\n' || (c == '\r' && (i + 1 >= text.length() || text.charAt(i + 1) != '\n'))) {
        if (n == starts.length) {
          starts = Arrays.copyOf(starts, n * 2);
        }
        starts[n++] = i + 1;
      }
    }
    return Arrays.copyOf(starts, n);
  }

  /** Returns {line, column} (1-based, column in code points) of an offset. */
  static int[] lineColumn(String text, int[] lineStarts, int offset) {
    int idx = Arrays.binarySearch(lineStarts, offset);
    int line = idx >= 0 ? idx : -idx - 2;
    int start = lineStarts[line];
    int end = Math.min(offset, text.length());
    return new int[] {line + 1, text.codePointCount(start, Math.max(start, end)) + 1};
  }

  /** Returns {line, column} of a node, or {0, 0} when the node was not parsed from text. */
  int[] position(Object node) {
    Integer off = map().get(node);
    if (off == null) {
      return new int[] {0, 0};
    }
    int[] ls = lineStarts;
    if (ls == null) {
      ls = lineStarts(text);
      lineStarts = ls;
    }
    return lineColumn(text, ls, off);
  }
}
