/**
 * Answers for the answer_url: the typed VobizXML builder ({@link dev.camelvobiz.answer.VobizXml}), MiniVoice
 * JSON actions ({@link dev.camelvobiz.answer.MiniVoice}), the YAML/Map data form, and the {@code vobiz:answer}
 * consumer. <b>Public API</b> (the consumer class is machinery).
 */
package dev.camelvobiz.answer;
