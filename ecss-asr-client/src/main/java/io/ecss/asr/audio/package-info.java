/**
 * Audio for recognition: streaming WAV reading and writing ({@link io.ecss.asr.audio.WavReader},
 * {@link io.ecss.asr.audio.WavWriter}) of 16-bit PCM, channel handling ({@link
 * io.ecss.asr.audio.Pcm}) and band-limited sample-rate conversion ({@link
 * io.ecss.asr.audio.Resampler}).
 */
@NullMarked
package io.ecss.asr.audio;

import org.jspecify.annotations.NullMarked;
