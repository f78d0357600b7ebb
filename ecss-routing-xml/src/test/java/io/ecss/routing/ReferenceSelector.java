package io.ecss.routing;

/**
 * A deliberately simple rule selector: scans the rules in document order and tests every number
 * condition with a backtracking matcher written from the pattern text, independent of the
 * compiled trie and of {@link DigitPattern}'s own matching.
 */
final class ReferenceSelector implements Router.Selector {
  static final ReferenceSelector INSTANCE = new ReferenceSelector();

  @Override
  public int select(CompiledContext ctx, CharSequence a, CharSequence b) {
    for (int i = 0; i < ctx.context().rules().size(); i++) {
      boolean all = true;
      for (Condition c : ctx.context().rules().get(i).conditions()) {
        if (c instanceof Condition.Digits d) {
          CharSequence n = d.field() == Field.CGPN ? a : b;
          if (!matches(d.pattern().source(), 0, n.toString(), 0)) {
            all = false;
            break;
          }
        }
      }
      if (all) {
        return i;
      }
    }
    return -1;
  }

  /** Backtracking match of pattern text {@code p} from {@code pi} against {@code s} from {@code si}. */
  static boolean matches(String p, int pi, String s, int si) {
    if (pi == p.length()) {
      return si == s.length();
    }
    char c = p.charAt(pi);
    if (c == '%') {
      for (int k = si; k <= s.length(); k++) {
        if (matches(p, pi + 1, s, k)) {
          return true;
        }
      }
      return false;
    }
    if (si == s.length()) {
      return false;
    }
    char x = s.charAt(si);
    if (c == '?') {
      return "0123456789*#ABCD".indexOf(x) >= 0 && matches(p, pi + 1, s, si + 1);
    }
    if (c == '(') {
      int close = p.indexOf(')', pi);
      boolean in = false;
      for (String item : java.util.regex.Pattern.compile(",").split(p.substring(pi + 1, close), -1)) {
        if (item.length() == 3) {
          String order = "0123456789*#ABCD";
          int lo = order.indexOf(item.charAt(0));
          int hi = order.indexOf(item.charAt(2));
          int v = order.indexOf(x);
          in |= v >= lo && v <= hi;
        } else {
          in |= item.charAt(0) == x;
        }
      }
      return in && matches(p, close + 1, s, si + 1);
    }
    return c == x && matches(p, pi + 1, s, si + 1);
  }
}
