package dev.camelvobiz.stream;

import java.util.Locale;

/** How an awaited checkpoint ended: header {@code CamelVobizCheckpointOutcome}. */
public enum CheckpointOutcome {
    /** playedStream arrived: everything before it played. */
    PLAYED,
    /** A clearAudio voided it first. */
    CLEARED,
    /** The stream closed first. */
    CLOSED,
    /** Neither within the timeout. */
    TIMEOUT;

    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }
}
