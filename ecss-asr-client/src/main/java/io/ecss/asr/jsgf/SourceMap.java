package io.ecss.asr.jsgf;

import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * Where each parsed node started in the source text. Nodes are looked up by identity, so equal
 * nodes at different places keep their own positions; the map never takes part in equality.
 */
final class SourceMap {
  private final String text;
  private final IdentityHashMap<Object, Integer> offsets;
  private final int[] lineStarts;

  SourceMap(String text, IdentityHashMap<Object, Integer> offsets) {
    this.text = text;
    this.offsets = offsets;
    this.lineStarts = lineStarts(text);
  }

  static SourceMap empty() {
    return new SourceMap("", new IdentityHashMap<>());
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
    Integer off = offsets.get(node);
    if (off == null) {
      return new int[] {0, 0};
    }
    return lineColumn(text, lineStarts, off);
  }
}
