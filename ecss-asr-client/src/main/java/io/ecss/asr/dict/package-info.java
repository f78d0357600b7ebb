/**
 * Pronunciation dictionaries in the CMU Sphinx {@code .dic} format (the {@code ru.dic} of the ECSS
 * ASR service), and the report of grammar words missing from one.
 *
 * <p>See {@link io.ecss.asr.dict.PronunciationDictionary}.
 */
@NullMarked
package io.ecss.asr.dict;

import org.jspecify.annotations.NullMarked;
