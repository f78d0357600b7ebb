package io.ecss.clerk;

import com.google.common.collect.ImmutableList;
import java.util.List;

/**
 * The result of a phonebook import: the entries and a report of what was read and skipped.
 *
 * <p>Immutable and thread-safe.
 *
 * @param source the file name or URL imported
 * @param format the format detected
 * @param entries the imported entries, in document order, duplicates (same name and number)
 *     removed
 * @param pages documents read (more than 1 only when paging links were followed)
 * @param skippedWithoutName entries skipped because the name was missing or blank
 * @param skippedWithoutNumber entries skipped because the number was missing or blank
 * @param skippedInvalid entries skipped because a field was longer than the importer's limit, or
 *     a menu item's URL was not a dial URI
 * @param duplicates entries dropped because the same name and number occurred before
 * @param ambiguousNames distinct names that occur with more than one number (kept; a search landing
 *     on one reports every candidate)
 * @param notes remarks for the operator: links not followed, limits reached
 */
public record PhonebookImport(
    String source,
    Format format,
    List<PhonebookEntry> entries,
    int pages,
    int skippedWithoutName,
    int skippedWithoutNumber,
    int skippedInvalid,
    int duplicates,
    int ambiguousNames,
    List<String> notes) {

  /** Formats a phonebook can be imported from. */
  public enum Format {
    /** Cisco IP Phone {@code CiscoIPPhoneDirectory} XML ({@code DirectoryEntry{Name, Telephone}}). */
    CISCO_DIRECTORY,
    /** Cisco IP Phone {@code CiscoIPPhoneMenu} XML ({@code MenuItem{Name, URL}} with dial URLs). */
    CISCO_MENU,
    /** Plain CSV, {@code name,number} per line (RFC 4180 quoting, optional header). */
    CSV
  }
  /**
   * Validates and copies the components, as the type's description says.
   *
   * @param source the {@code source} component
   * @param format the {@code format} component
   * @param entries the {@code entries} component
   * @param pages the {@code pages} component
   * @param skippedWithoutName the {@code skippedWithoutName} component
   * @param skippedWithoutNumber the {@code skippedWithoutNumber} component
   * @param skippedInvalid the {@code skippedInvalid} component
   * @param duplicates the {@code duplicates} component
   * @param ambiguousNames the {@code ambiguousNames} component
   * @param notes the {@code notes} component
   */
  public PhonebookImport {
    entries = ImmutableList.copyOf(entries);
    notes = ImmutableList.copyOf(notes);
  }

  /**
   * Returns the number of entries skipped for any reason.
   *
   * @return the sum of the skipped counters
   */
  public int skipped() {
    return skippedWithoutName + skippedWithoutNumber + skippedInvalid;
  }

  /**
   * Formats the import report for an operator, one fact per line.
   *
   * @return the report text, ending with a newline
   */
  public String report() {
    StringBuilder sb = new StringBuilder();
    sb.append("source: ").append(source).append('\n');
    sb.append("format: ").append(format).append('\n');
    sb.append("pages: ").append(pages).append('\n');
    sb.append("imported: ").append(entries.size()).append('\n');
    sb.append("skipped without name: ").append(skippedWithoutName).append('\n');
    sb.append("skipped without number: ").append(skippedWithoutNumber).append('\n');
    sb.append("skipped invalid: ").append(skippedInvalid).append('\n');
    sb.append("duplicates dropped: ").append(duplicates).append('\n');
    sb.append("ambiguous names: ").append(ambiguousNames).append('\n');
    for (String n : notes) {
      sb.append("note: ").append(n).append('\n');
    }
    return sb.toString();
  }
}
