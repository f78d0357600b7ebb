/**
 * JSGF 1.0 grammars (W3C Note 2000-06-05, "JSpeech Grammar Format"): parser into an immutable
 * syntax tree, canonical writer, import resolution, checks, bounded expansion to phrase lists and
 * to Vosk grammar JSON, and a token automaton that decides whether a recognised word sequence
 * belongs to a rule's language and returns the tags on the accepting path.
 *
 * <ul>
 *   <li>{@link io.ecss.asr.jsgf.JsgfGrammar} — parse, format, the tree ({@link
 *       io.ecss.asr.jsgf.JsgfHeader}, {@link io.ecss.asr.jsgf.JsgfImport}, {@link
 *       io.ecss.asr.jsgf.JsgfRule}, {@link io.ecss.asr.jsgf.Expansion});
 *   <li>{@link io.ecss.asr.jsgf.JsgfLoader} and {@link io.ecss.asr.jsgf.JsgfGrammarSet} — imports;
 *   <li>{@link io.ecss.asr.jsgf.JsgfChecker} — all problems of a grammar as {@link
 *       io.ecss.asr.jsgf.JsgfProblem}s;
 *   <li>{@link io.ecss.asr.jsgf.JsgfExpander} — phrase lists and Vosk grammar JSON;
 *   <li>{@link io.ecss.asr.jsgf.JsgfMatcher} — membership and tags.
 * </ul>
 *
 * <p>Bad input is reported with {@link io.ecss.asr.jsgf.JsgfException} (line and column); caller
 * mistakes with the JDK's {@link java.lang.IllegalArgumentException} and {@link
 * java.lang.NullPointerException}.
 */
@NullMarked
package io.ecss.asr.jsgf;

import org.jspecify.annotations.NullMarked;
