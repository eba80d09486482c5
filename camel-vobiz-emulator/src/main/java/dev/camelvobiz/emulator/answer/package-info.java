/**
 * The answer document as Vobiz reads it: VobizXML and MiniVoice JSON parsed into instructions, what Vobiz
 * refuses, and the attributes of a {@code <Stream>}. Machinery.
 */
package dev.camelvobiz.emulator.answer;
