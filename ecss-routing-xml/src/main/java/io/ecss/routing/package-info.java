/**
 * ECSS-10 routing-context XML: parse, validate, write, compile and evaluate routing contexts; routing trace.
 *
 * <p>See the module README for a quick start, the error model and the limits.
 */
@NullMarked
package io.ecss.routing;

import org.jspecify.annotations.NullMarked;
