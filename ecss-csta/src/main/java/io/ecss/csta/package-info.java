/**
 * CSTA phase III (ECMA-323 XML) client over TCP/TLS with monitors, events and call-state tracking.
 *
 * <p>See the module README for a quick start, the error model and the limits.
 */
@NullMarked
package io.ecss.csta;

import org.jspecify.annotations.NullMarked;
