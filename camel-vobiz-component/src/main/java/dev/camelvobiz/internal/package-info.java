/**
 * Machinery behind the public API, which may change in any release: the component's
 * {@link dev.camelvobiz.internal.VobizRuntime} (what its endpoints share while it runs) and, in the packages
 * below, the event-loop servers, the stream consumer and its playout, the webhook and answer consumers, the
 * REST client, the forwarding of commands and the observability.
 */
package dev.camelvobiz.internal;
