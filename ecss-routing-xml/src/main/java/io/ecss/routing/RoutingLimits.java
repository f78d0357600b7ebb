package io.ecss.routing;

/**
 * Read limits for routing XML, so hostile or broken input fails fast with a message naming the
 * limit instead of exhausting memory or the stack. DTDs and external entities are always off.
 *
 * <table>
 *   <caption>Defaults</caption>
 *   <tr><th>limit</th><th>default</th></tr>
 *   <tr><td>{@code maxBytes}</td><td>32 MiB per document</td></tr>
 *   <tr><td>{@code maxDepth}</td><td>64 nested elements</td></tr>
 *   <tr><td>{@code maxValueLength}</td><td>8,192 characters per attribute value or text</td></tr>
 *   <tr><td>{@code maxElements}</td><td>2,000,000 elements per document</td></tr>
 * </table>
 *
 * @param maxBytes largest document, in bytes (characters for text input)
 * @param maxDepth deepest element nesting
 * @param maxValueLength longest attribute value or text node, in characters
 * @param maxElements most elements in one document
 */
public record RoutingLimits(long maxBytes, int maxDepth, int maxValueLength, int maxElements) {

  /** The defaults listed above. */
  public static final RoutingLimits DEFAULT = new RoutingLimits(32L << 20, 64, 8192, 2_000_000);

  /**
   * Creates limits.
   *
   * @param maxBytes largest document, in bytes (characters for text input)
   * @param maxDepth deepest element nesting
   * @param maxValueLength longest attribute value or text node, in characters
   * @param maxElements most elements in one document
   * @throws IllegalArgumentException when a limit is not positive or the depth is below 5 (the
   *     supported language nests five deep: context/rule/result/external/trunk)
   */
  public RoutingLimits {
    if (maxBytes <= 0) {
      throw new IllegalArgumentException("maxBytes: " + maxBytes + " (expected > 0)");
    }
    if (maxDepth < 5) {
      throw new IllegalArgumentException("maxDepth: " + maxDepth
          + " (expected >= 5: context/rule/result/external/trunk)");
    }
    if (maxValueLength <= 0) {
      throw new IllegalArgumentException("maxValueLength: " + maxValueLength + " (expected > 0)");
    }
    if (maxElements <= 0) {
      throw new IllegalArgumentException("maxElements: " + maxElements + " (expected > 0)");
    }
  }
}
