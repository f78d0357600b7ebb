/**
 * IVR menus with speech input: build a JSGF grammar from menu items (key digit, description and
 * the "recognised phrases" of the ECSS IVR editor) with one tag per item, and map a recognised
 * text or a DTMF digit back to the item.
 *
 * <p>See {@link io.ecss.asr.ivr.IvrMenu}.
 */
@NullMarked
package io.ecss.asr.ivr;

import org.jspecify.annotations.NullMarked;
