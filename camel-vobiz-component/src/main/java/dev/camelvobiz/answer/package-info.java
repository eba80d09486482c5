/**
 * Answers for the answer_url: the typed VobizXML builder ({@link dev.camelvobiz.answer.VobizXml}), MiniVoice
 * JSON actions ({@link dev.camelvobiz.answer.MiniVoice}) and the YAML/Map data form. <b>Public API</b>; the
 * {@code vobiz:answer} consumer is in {@code dev.camelvobiz.internal.answer}.
 */
package dev.camelvobiz.answer;
