/**
 * What routes see of a call's stream: the exceptions a stream producer fails with (those of forwarded
 * commands among them), {@link dev.camelvobiz.stream.CheckpointOutcome}, {@link dev.camelvobiz.stream.HeardUtterance}
 * and {@link dev.camelvobiz.stream.CallSnapshot}. <b>Public API</b>; the consumer, playout and producers
 * behind them are in {@code dev.camelvobiz.internal.stream}.
 */
package dev.camelvobiz.stream;
