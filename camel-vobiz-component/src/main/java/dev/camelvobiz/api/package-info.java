/**
 * {@code vobiz:api}: the Audio Streams REST API (protocol §8). The request, response and exception types and
 * {@link dev.camelvobiz.api.VobizApiOperation} are <b>public API</b>; the client and producer are machinery.
 */
package dev.camelvobiz.api;
