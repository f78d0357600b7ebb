/**
 * SORM console protocol codec (Orders 70/268): commands, replies, interception messages, stream framing, station/console over TCP, RADIUS accounting bridge.
 *
 * <p>See the module README for a quick start, the error model and the limits.
 */
@NullMarked
package io.ecss.sorm;

import org.jspecify.annotations.NullMarked;
