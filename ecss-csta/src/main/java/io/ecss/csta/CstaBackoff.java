package io.ecss.csta;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Reconnect schedule: capped exponential backoff with jitter. Attempt {@code n} (from 1) waits
 * {@code min(max, initial * 2^(n-1))}, then a random share of up to {@code jitter} of that is
 * subtracted, so clients that lost the same switch do not return in lockstep.
 *
 * <p>Immutable and thread-safe.
 *
 * @param initial the first delay
 * @param max the cap
 * @param jitter the random share subtracted, 0.0 to 1.0
 * @param maxAttempts attempts before giving up (the client then closes); 0 means forever
 */
public record CstaBackoff(Duration initial, Duration max, double jitter, int maxAttempts) {

  /** 0.5 s, doubling up to 30 s, 20 % jitter, forever. */
  public static final CstaBackoff DEFAULT =
      new CstaBackoff(Duration.ofMillis(500), Duration.ofSeconds(30), 0.2, 0);

  /**
   * Validates the fields.
   *
   * @param initial the first delay
   * @param max the cap
   * @param jitter the random share subtracted, 0.0 to 1.0
   * @param maxAttempts attempts before giving up (the client then closes); 0 means forever
   * @throws IllegalArgumentException if a value is out of range
   */
  public CstaBackoff {
    requireNonNull(initial, "initial");
    requireNonNull(max, "max");
    if (initial.isNegative() || initial.isZero()) {
      throw new IllegalArgumentException("initial: " + initial + " (expected > 0)");
    }
    if (max.compareTo(initial) < 0) {
      throw new IllegalArgumentException("max: " + max + " (expected >= initial " + initial + ")");
    }
    if (!(jitter >= 0.0 && jitter <= 1.0)) {
      throw new IllegalArgumentException("jitter: " + jitter + " (expected 0.0..1.0)");
    }
    if (maxAttempts < 0) {
      throw new IllegalArgumentException("maxAttempts: " + maxAttempts + " (expected >= 0)");
    }
  }

  /**
   * The delay before attempt {@code attempt}.
   *
   * @param attempt 1 for the first attempt
   * @return the delay
   */
  public Duration delay(int attempt) {
    if (attempt < 1) {
      throw new IllegalArgumentException("attempt: " + attempt + " (expected >= 1)");
    }
    long base = initial.toNanos();
    long cap = max.toNanos();
    long d = base;
    for (int i = 1; i < attempt && d < cap; i++) {
      d = d > cap / 2 ? cap : d * 2;
    }
    d = Math.min(d, cap);
    long minus = (long) (d * jitter * ThreadLocalRandom.current().nextDouble());
    return Duration.ofNanos(d - minus);
  }
}
