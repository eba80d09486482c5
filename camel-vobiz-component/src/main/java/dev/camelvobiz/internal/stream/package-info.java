/**
 * The call's stream: the {@code vobiz:stream} consumer, one connection per socket (reading frames in place,
 * wire order, back-pressure), the playout (conversion, framing, pacing, checkpoints, barge-in), the registry
 * of live streams and the command producers. Machinery.
 */
package dev.camelvobiz.internal.stream;
