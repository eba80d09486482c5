/** {@code vobiz:answer}: the consumer that serves the answer_url, and its default answer. Machinery. */
package dev.camelvobiz.internal.answer;
