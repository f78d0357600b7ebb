package io.ecss.sorm;

import java.util.Locale;

/**
 * The time of an event as the protocol carries it: day of month, hour, minute and second, each a
 * two-digit BCD byte with the tens digit in the <em>low</em> nibble (15 is {@code 0x51}); no
 * month, year or fraction (notes §1.3).
 *
 * <p>Immutable and thread-safe.
 *
 * @param day day of month, 1 to 31
 * @param hour 0 to 23
 * @param minute 0 to 59
 * @param second 0 to 59
 */
public record EventTime(int day, int hour, int minute, int second) {
  /**
   * Validates the components.
   *
   * @param day day of month, 1 to 31
   * @param hour 0 to 23
   * @param minute 0 to 59
   * @param second 0 to 59
   * @throws IllegalArgumentException if a component is out of range
   */
  public EventTime {
    Checks.range("time.day", day, 1, 31);
    Checks.range("time.hour", hour, 0, 23);
    Checks.range("time.minute", minute, 0, 59);
    Checks.range("time.second", second, 0, 59);
  }

  /**
   * Returns the time of an instant as seen in a time zone.
   *
   * @param dateTime the date and time
   * @return day of month, hour, minute and second of {@code dateTime}
   */
  public static EventTime of(java.time.temporal.TemporalAccessor dateTime) {
    java.time.LocalDateTime t = java.time.LocalDateTime.from(dateTime);
    return new EventTime(t.getDayOfMonth(), t.getHour(), t.getMinute(), t.getSecond());
  }

  /** Returns {@code dd hh:mm:ss}, e.g. {@code 15 14:30:05}. */
  @Override
  public String toString() {
    return String.format(Locale.ROOT, "%02d %02d:%02d:%02d", day, hour, minute, second);
  }
}
