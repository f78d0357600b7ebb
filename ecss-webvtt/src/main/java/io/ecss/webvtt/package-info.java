/**
 * WebVTT writer and parser (W3C WebVTT 1) and call transcripts to speaker cues. No runtime dependencies.
 *
 * <p>See the module README for a quick start, the error model and the limits.
 */
@NullMarked
package io.ecss.webvtt;

import org.jspecify.annotations.NullMarked;
