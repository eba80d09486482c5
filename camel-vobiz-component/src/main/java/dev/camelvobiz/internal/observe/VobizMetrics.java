package dev.camelvobiz.internal.observe;

import java.util.function.IntSupplier;

/**
 * What camel-vobiz measures, called on the per-frame path: every method must be cheap and must not
 * block. {@link #NONE} when Micrometer is not there; {@link MicrometerMetrics} when it is.
 */
public interface VobizMetrics {

    VobizMetrics NONE = new VobizMetrics() {};

    /** Publishes the number of live streams, read when the meters are scraped. */
    default void activeCalls(IntSupplier liveStreams) {}

    /** The component stops: let go of what refers to it (the gauge), so a new one can take its place. */
    default void close() {}

    /** A {@code media} frame received. */
    default void frameIn() {}

    /** A {@code playAudio} frame sent; {@code leadNanos}: how far ahead of the caller's ear audio now is. */
    default void frameOut(long leadNanos) {}

    /** A {@code media} or {@code dtmf} frame that arrived after our {@code stop} (not routed). */
    default void frameAfterStop() {}

    /** A frame that could not be read (reported to the exception handler). */
    default void badFrame() {}

    /** A peer turned away before it reached a route. */
    default void refused(Refusal reason) {}

    /** From sending a checkpoint to its {@code playedStream}. */
    default void checkpointRoundTrip(long nanos) {}

    /** From sending {@code clearAudio} to {@code clearedAudio}. */
    default void clearRoundTrip(long nanos) {}

    /** From the end of the caller's turn to the first frame of the answer. */
    default void turnLatency(long nanos) {}

    /** One REST operation, retries included; {@code status} is the HTTP status or {@code "error"}. */
    default void restCall(String operation, String status, long nanos) {}
}
