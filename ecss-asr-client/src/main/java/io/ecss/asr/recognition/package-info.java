/**
 * The speech-recognition interface: {@link io.ecss.asr.recognition.SpeechRecognizer} (one audio
 * stream), {@link io.ecss.asr.recognition.RecognizerFactory} (a loaded model), and the results
 * {@link io.ecss.asr.recognition.Recognition} and {@link io.ecss.asr.recognition.RecognizedWord}.
 * The Vosk implementation is in {@code io.ecss.asr.vosk}; a scripted test double in
 * {@link io.ecss.asr.recognition.ScriptedRecognizer}.
 */
@NullMarked
package io.ecss.asr.recognition;

import org.jspecify.annotations.NullMarked;
