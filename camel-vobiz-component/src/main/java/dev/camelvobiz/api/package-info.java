/**
 * {@code vobiz:api}: the Audio Streams REST API (protocol §8): its request, response and exception types and
 * {@link dev.camelvobiz.api.VobizApiOperation}. <b>Public API</b>; the client and producer are in
 * {@code dev.camelvobiz.internal.api}.
 */
package dev.camelvobiz.api;
