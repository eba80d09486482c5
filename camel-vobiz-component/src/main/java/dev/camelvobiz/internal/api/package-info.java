/** {@code vobiz:api}: the producer and the REST client it shares per component (retries, timeouts). Machinery. */
package dev.camelvobiz.internal.api;
