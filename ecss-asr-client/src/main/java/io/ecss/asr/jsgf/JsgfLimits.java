package io.ecss.asr.jsgf;

/**
 * Read limits of the JSGF parser, so hostile or mistaken input fails with a clear message instead
 * of exhausting memory or the stack.
 *
 * <table class="striped">
 *   <caption>Defaults</caption>
 *   <thead><tr><th>limit</th><th>default</th><th>counts</th></tr></thead>
 *   <tbody>
 *     <tr><td>{@code maxChars}</td><td>16,777,216</td><td>characters of grammar text</td></tr>
 *     <tr><td>{@code maxDepth}</td><td>100</td><td>nested groups, optionals, operators and
 *     tags</td></tr>
 *     <tr><td>{@code maxImportedGrammars}</td><td>256</td><td>grammars loaded through imports
 *     </td></tr>
 *   </tbody>
 * </table>
 *
 * <p>Immutable and thread-safe.
 *
 * @param maxChars the largest grammar text accepted, in characters (at least 1)
 * @param maxDepth the deepest nesting of {@code ( )}, {@code [ ]}, {@code *}, {@code +} and tags
 *     (at least 1)
 * @param maxImportedGrammars the most grammars {@link JsgfGrammarSet#resolve} loads (at least 1)
 */
public record JsgfLimits(int maxChars, int maxDepth, int maxImportedGrammars) {
  /** The defaults listed above. */
  public static final JsgfLimits DEFAULT = new JsgfLimits(16 << 20, 100, 256);

  /**
   * Validates the limits.
   *
   * @param maxChars the largest grammar text accepted, in characters (at least 1)
   * @param maxDepth the deepest nesting of {@code ( )}, {@code [ ]}, {@code *}, {@code +} and tags (at least 1)
   * @param maxImportedGrammars the most grammars {@link JsgfGrammarSet#resolve} loads (at least 1)
   * @throws IllegalArgumentException when a limit is below 1
   */
  public JsgfLimits {
    if (maxChars < 1) {
      throw new IllegalArgumentException("maxChars: " + maxChars + " (expected >= 1)");
    }
    if (maxDepth < 1) {
      throw new IllegalArgumentException("maxDepth: " + maxDepth + " (expected >= 1)");
    }
    if (maxImportedGrammars < 1) {
      throw new IllegalArgumentException(
          "maxImportedGrammars: " + maxImportedGrammars + " (expected >= 1)");
    }
  }
}
