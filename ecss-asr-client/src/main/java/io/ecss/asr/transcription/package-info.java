/**
 * Call transcription as the ECSS service does it: {@link
 * io.ecss.asr.transcription.Transcriber} (WAV channels to words), the word-line format ({@link
 * io.ecss.asr.transcription.WordLines}), an embeddable HTTP server with {@code /trans},
 * {@code /trans/vtt}, {@code /trans/mono}, {@code /trans/mono/vtt} ({@link
 * io.ecss.asr.transcription.TranscriptionServer}) and its client ({@link
 * io.ecss.asr.transcription.TranscriptionClient}).
 */
@NullMarked
package io.ecss.asr.transcription;

import org.jspecify.annotations.NullMarked;
