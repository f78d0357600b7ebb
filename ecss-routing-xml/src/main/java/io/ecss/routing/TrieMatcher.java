package io.ecss.routing;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * First-match rule selection without scanning every rule: a trie over the symbols of each rule's
 * indexed cdpn pattern up to its {@code %} (or its end). A lookup walks the called number through
 * the trie (literal edges by array index, {@code ?} and set edges by mask), collecting at each node
 * the rules whose pattern ends there (exact length) or continues with {@code %} + suffix, and keeps
 * the lowest rule index whose remaining conditions hold. Subtrees whose lowest rule index cannot
 * beat the best found so far are skipped. No allocation per lookup.
 *
 * <p>Immutable and thread-safe once built.
 */
final class TrieMatcher {

  private static final class Node {
    Node[] lit; // 16 slots or null
    int[] setMasks = new int[0];
    Node[] setKids = new Node[0];
    int[] exact = new int[0]; // ascending rule indices
    int[] percent = new int[0]; // ascending rule indices
    int minRule = Integer.MAX_VALUE;

    private final List<Integer> exactB = new ArrayList<>();
    private final List<Integer> percentB = new ArrayList<>();

    Node child(int mask) {
      if (Integer.bitCount(mask) == 1) {
        if (lit == null) {
          lit = new Node[16];
        }
        int s = Integer.numberOfTrailingZeros(mask);
        if (lit[s] == null) {
          lit[s] = new Node();
        }
        return lit[s];
      }
      for (int i = 0; i < setMasks.length; i++) {
        if (setMasks[i] == mask) {
          return setKids[i];
        }
      }
      setMasks = Arrays.copyOf(setMasks, setMasks.length + 1);
      setKids = Arrays.copyOf(setKids, setKids.length + 1);
      setMasks[setMasks.length - 1] = mask;
      Node n = new Node();
      setKids[setKids.length - 1] = n;
      return n;
    }

    int freeze() {
      exact = toArray(exactB);
      percent = toArray(percentB);
      exactB.clear();
      percentB.clear();
      int min = Integer.MAX_VALUE;
      if (exact.length > 0) {
        min = exact[0];
      }
      if (percent.length > 0) {
        min = Math.min(min, percent[0]);
      }
      if (lit != null) {
        for (Node n : lit) {
          if (n != null) {
            min = Math.min(min, n.freeze());
          }
        }
      }
      for (Node n : setKids) {
        min = Math.min(min, n.freeze());
      }
      minRule = min;
      return min;
    }

    private static int[] toArray(List<Integer> l) {
      int[] a = new int[l.size()];
      for (int i = 0; i < a.length; i++) {
        a[i] = l.get(i);
      }
      return a;
    }
  }

  private final Node root = new Node();
  private final CompiledRule[] rules;

  TrieMatcher(CompiledRule[] rules) {
    this.rules = rules;
    for (CompiledRule r : rules) {
      Node n = root;
      DigitPattern p = r.indexed;
      if (p == null) {
        n.percentB.add(r.index);
        continue;
      }
      for (int t = 0; t < p.prefixLength(); t++) {
        n = n.child(p.mask(t));
      }
      (p.hasPercent() ? n.percentB : n.exactB).add(r.index);
    }
    root.freeze();
  }

  /** Index of the first rule whose conditions hold, or -1. */
  int firstMatch(CharSequence a, CharSequence b) {
    int best = walk(root, a, b, 0, Integer.MAX_VALUE);
    return best == Integer.MAX_VALUE ? -1 : best;
  }

  private int walk(Node node, CharSequence a, CharSequence b, int depth, int bestSoFar) {
    int best = bestSoFar;
    if (node.minRule >= best) {
      return best;
    }
    int len = b.length();
    for (int r : node.percent) {
      if (r >= best) {
        break;
      }
      CompiledRule cr = rules[r];
      DigitPattern p = cr.indexed;
      if (p == null
          || (len - depth >= p.suffixLength() && p.suffixMatches(b, len - p.suffixLength()))) {
        if (cr.residualMatches(a, b)) {
          best = r;
          break;
        }
      }
    }
    if (depth == len) {
      for (int r : node.exact) {
        if (r >= best) {
          break;
        }
        if (rules[r].residualMatches(a, b)) {
          best = r;
          break;
        }
      }
      return best;
    }
    int sym = Symbols.index(b.charAt(depth));
    if (sym < 0) {
      return best;
    }
    if (node.lit != null) {
      Node next = node.lit[sym];
      if (next != null) {
        best = walk(next, a, b, depth + 1, best);
      }
    }
    int bit = 1 << sym;
    int[] masks = node.setMasks;
    for (int i = 0; i < masks.length; i++) {
      if ((masks[i] & bit) != 0) {
        best = walk(node.setKids[i], a, b, depth + 1, best);
      }
    }
    return best;
  }
}
