package io.ecss.clerk;

import static java.util.Objects.requireNonNull;

/**
 * One phonebook entry: a display name and the number to call.
 *
 * <p>The name is kept as imported (whitespace collapsed) for display; searches compare its
 * {@linkplain Names#normalize normalised} form.
 *
 * <p>Immutable and thread-safe.
 *
 * @param name the display name, e.g. {@code Евгений Казарцев}; not blank
 * @param number the number to dial, e.g. {@code 4819}; not blank
 */
public record PhonebookEntry(String name, String number) {
  /**
   * Validates and copies the components, as the type's description says.
   *
   * @param name the {@code name} component
   * @param number the {@code number} component
   */
  public PhonebookEntry {
    requireNonNull(name, "name");
    requireNonNull(number, "number");
    name = Names.collapseWhitespace(name);
    number = Names.collapseWhitespace(number);
    if (Names.normalize(name).isEmpty()) {
      throw new IllegalArgumentException("name: '" + name + "' (expected letters or digits)");
    }
    if (number.isEmpty()) {
      throw new IllegalArgumentException("number: blank (expected a number to dial)");
    }
  }
}
