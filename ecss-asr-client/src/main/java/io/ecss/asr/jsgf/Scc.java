package io.ecss.asr.jsgf;

import java.util.Arrays;

/** Strongly connected components (Tarjan, iterative so deep graphs cannot overflow the stack). */
final class Scc {
  private Scc() {}

  /** Returns the component id of each node; nodes on a common cycle share an id. */
  static int[] components(int[][] edges) {
    int n = edges.length;
    int[] index = new int[n];
    int[] low = new int[n];
    int[] comp = new int[n];
    boolean[] onStack = new boolean[n];
    Arrays.fill(index, -1);
    int[] stack = new int[n];
    int sp = 0;
    int[] callNode = new int[n];
    int[] callEdge = new int[n];
    int next = 0;
    int comps = 0;
    for (int root = 0; root < n; root++) {
      if (index[root] >= 0) {
        continue;
      }
      int depth = 0;
      callNode[0] = root;
      callEdge[0] = 0;
      index[root] = low[root] = next++;
      stack[sp++] = root;
      onStack[root] = true;
      while (depth >= 0) {
        int v = callNode[depth];
        if (callEdge[depth] < edges[v].length) {
          int w = edges[v][callEdge[depth]++];
          if (index[w] < 0) {
            index[w] = low[w] = next++;
            stack[sp++] = w;
            onStack[w] = true;
            depth++;
            callNode[depth] = w;
            callEdge[depth] = 0;
          } else if (onStack[w]) {
            low[v] = Math.min(low[v], index[w]);
          }
        } else {
          if (low[v] == index[v]) {
            int w;
            do {
              w = stack[--sp];
              onStack[w] = false;
              comp[w] = comps;
            } while (w != v);
            comps++;
          }
          depth--;
          if (depth >= 0) {
            int u = callNode[depth];
            low[u] = Math.min(low[u], low[v]);
          }
        }
      }
    }
    return comp;
  }
}
