package io.ecss.csta;

/**
 * Allocates request invoke ids 0001..9998 round-robin, skipping ids still pending and ids in
 * quarantine after a timeout (so a late reply cannot reach a newer request). {@code 9999} is the
 * event id and {@code 0000} is never used for requests.
 *
 * <p>Thread-safe; its monitor is a leaf lock (nothing else is acquired while holding it).
 */
final class InvokeIds {
  static final int FIRST = 1;
  static final int LAST = 9998;

  private final boolean[] busy = new boolean[LAST + 1];
  private final boolean[] quarantined = new boolean[LAST + 1];
  private final long[] quarantineEnd = new long[LAST + 1];
  private int next = FIRST;
  private int inUse;

  /** Returns a free id; throws {@link CstaException} when all 9998 are pending or quarantined. */
  synchronized int allocate(long nowNanos) {
    for (int n = 0; n < LAST; n++) {
      int id = next;
      next = next == LAST ? FIRST : next + 1;
      if (busy[id]) {
        continue;
      }
      if (quarantined[id]) {
        if (nowNanos - quarantineEnd[id] < 0) {
          continue;
        }
        quarantined[id] = false;
      }
      busy[id] = true;
      inUse++;
      return id;
    }
    throw new CstaException(
        "no free invoke id: all " + LAST + " are pending or quarantined after a timeout");
  }

  /** Frees an id whose request completed. */
  synchronized void release(int id) {
    if (busy[id]) {
      busy[id] = false;
      inUse--;
    }
  }

  /** Frees an id but keeps it out of use until {@code untilNanos}. */
  synchronized void quarantine(int id, long untilNanos) {
    release(id);
    quarantined[id] = true;
    quarantineEnd[id] = untilNanos;
  }

  synchronized boolean isQuarantined(int id, long nowNanos) {
    return quarantined[id] && nowNanos - quarantineEnd[id] < 0;
  }

  synchronized int inUse() {
    return inUse;
  }
}
