/**
 * JSGF grammars, pronunciation dictionary, Vosk recogniser and the call-transcription HTTP service and client.
 *
 * <p>See the module README for a quick start, the error model and the limits.
 */
@NullMarked
package io.ecss.asr;

import org.jspecify.annotations.NullMarked;
