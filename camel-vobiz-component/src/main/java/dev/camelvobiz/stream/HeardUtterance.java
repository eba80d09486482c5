package dev.camelvobiz.stream;

/**
 * What the caller heard of one utterance (the audio played between two checkpoints): how much was
 * queued and sent, and how it ended. {@code heardMillis} is exact for {@code PLAYED}, an estimate
 * from our playout clock for {@code CLEARED} (cut by a barge-in) and {@code UNCONFIRMED} (the
 * stream ended first). Lets a route keep an LLM's context true to what the caller actually heard.
 */
public record HeardUtterance(
        int sequence, String checkpoint, long queuedMillis, long sentMillis, Outcome outcome, long heardMillis) {

    public enum Outcome {
        /** Still queued or playing. */
        PENDING,
        /** Its checkpoint came back: the caller heard all of it. */
        PLAYED,
        /** Cut by clearAudio: the caller heard about {@code heardMillis}. */
        CLEARED,
        /** The stream ended before it was confirmed. */
        UNCONFIRMED
    }
}
