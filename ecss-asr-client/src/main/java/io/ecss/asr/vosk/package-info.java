/**
 * Speech recognition with Vosk (Kaldi) through its Java binding: {@link
 * io.ecss.asr.vosk.VoskModel} loads a model once and makes recognisers for free speech or phrase
 * lists.
 */
@NullMarked
package io.ecss.asr.vosk;

import org.jspecify.annotations.NullMarked;
