/**
 * The call's stream: the {@code vobiz:stream} consumer, one connection per socket (reading frames in place,
 * wire order, back-pressure), the playout (conversion, framing, pacing, checkpoints, barge-in) and the
 * command producers. The exceptions (those of forwarded commands among them), {@link dev.camelvobiz.stream.CheckpointOutcome},
 * {@link dev.camelvobiz.stream.HeardUtterance} and {@link dev.camelvobiz.stream.CallSnapshot} are
 * <b>public API</b>; the rest is machinery.
 */
package dev.camelvobiz.stream;
