package io.ecss.routing;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * First-match rule selection without scanning every rule: a trie over the leading symbols of each
 * rule's indexed cdpn pattern, up to its last literal symbol before any {@code %}. Trailing wildcard
 * runs ({@code ????}, ranges) and the {@code %} part are not expanded into nodes: the rule sits in
 * the list of the node where its literal part ends and the rest of its pattern is checked there.
 * A lookup walks the called number through the trie (literal edges by array index, {@code ?} and
 * set edges that precede a literal by mask), checks each list it passes in rule order, and keeps
 * the lowest rule index whose conditions all hold. Subtrees whose lowest rule index cannot beat the
 * best found so far are skipped, and a list is left at the first index not below the best. No
 * allocation per lookup.
 *
 * <p>Immutable and thread-safe once built.
 */
final class TrieMatcher {

  private static final class Node {
    Node[] lit; // 16 slots or null
    int[] setMasks = new int[0];
    Node[] setKids = new Node[0];
    int[] here = new int[0]; // ascending rule indices whose indexed part ends at this node
    int minRule = Integer.MAX_VALUE;

    private final List<Integer> hereB = new ArrayList<>();

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
      here = new int[hereB.size()];
      for (int i = 0; i < here.length; i++) {
        here[i] = hereB.get(i);
      }
      hereB.clear();
      int min = here.length > 0 ? here[0] : Integer.MAX_VALUE;
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
  }

  private final Node root = new Node();
  private final CompiledRule[] rules;
  /** Per rule: how many leading tokens of its indexed pattern the trie consumed. */
  private final int[] depth;

  TrieMatcher(CompiledRule[] rules) {
    this.rules = rules;
    this.depth = new int[rules.length];
    for (CompiledRule r : rules) {
      Node n = root;
      DigitPattern p = r.indexed;
      int d = 0;
      if (p != null) {
        int lastLiteral = -1;
        for (int t = 0; t < p.prefixLength(); t++) {
          if (Integer.bitCount(p.mask(t)) == 1) {
            lastLiteral = t;
          }
        }
        for (int t = 0; t <= lastLiteral; t++) {
          n = n.child(p.mask(t));
        }
        d = lastLiteral + 1;
      }
      n.hereB.add(r.index);
      depth[r.index] = d;
    }
    root.freeze();
  }

  /** Index of the first rule whose conditions hold, or -1. */
  int firstMatch(CharSequence a, CharSequence b) {
    int best = walk(root, a, b, 0, Integer.MAX_VALUE);
    return best == Integer.MAX_VALUE ? -1 : best;
  }

  /** Every rule below {@code limit} whose conditions hold, ascending (for analysis, not routing). */
  int[] allMatches(CharSequence a, CharSequence b, int limit) {
    java.util.BitSet found = new java.util.BitSet();
    collect(root, a, b, 0, limit, found);
    return found.stream().toArray();
  }

  private void collect(Node node, CharSequence a, CharSequence b, int at, int limit, java.util.BitSet found) {
    if (node.minRule >= limit) {
      return;
    }
    for (int r : node.here) {
      if (r >= limit) {
        break;
      }
      CompiledRule cr = rules[r];
      DigitPattern p = cr.indexed;
      if ((p == null || p.matchesFrom(b, depth[r])) && cr.residualMatches(a, b)) {
        found.set(r);
      }
    }
    if (at == b.length()) {
      return;
    }
    int sym = Symbols.index(b.charAt(at));
    if (sym < 0) {
      return;
    }
    if (node.lit != null && node.lit[sym] != null) {
      collect(node.lit[sym], a, b, at + 1, limit, found);
    }
    for (int i = 0; i < node.setMasks.length; i++) {
      if ((node.setMasks[i] & (1 << sym)) != 0) {
        collect(node.setKids[i], a, b, at + 1, limit, found);
      }
    }
  }

  private int walk(Node node, CharSequence a, CharSequence b, int at, int bestSoFar) {
    int best = bestSoFar;
    if (node.minRule >= best) {
      return best;
    }
    for (int r : node.here) {
      if (r >= best) {
        break;
      }
      CompiledRule cr = rules[r];
      DigitPattern p = cr.indexed;
      if ((p == null || p.matchesFrom(b, depth[r])) && cr.residualMatches(a, b)) {
        best = r;
        break;
      }
    }
    if (at == b.length()) {
      return best;
    }
    int sym = Symbols.index(b.charAt(at));
    if (sym < 0) {
      return best;
    }
    if (node.lit != null) {
      Node next = node.lit[sym];
      if (next != null) {
        best = walk(next, a, b, at + 1, best);
      }
    }
    int bit = 1 << sym;
    int[] masks = node.setMasks;
    for (int i = 0; i < masks.length; i++) {
      if ((masks[i] & bit) != 0) {
        best = walk(node.setKids[i], a, b, at + 1, best);
      }
    }
    return best;
  }
}
