package dev.camelvobiz.internal.stream;

import java.util.concurrent.CompletableFuture;

/**
 * The socket under one stream, as a {@link StreamConnection} uses it: Vert.x's WebSocket in
 * production ({@link VertxStreamSocket}), a stand-in where a benchmark hands frames in itself.
 */
interface StreamSocket {

    /** Writes one text message behind those written before it; {@code written} learns the outcome. */
    void writeText(byte[] utf8, WriteCallback written);

    /** Stops reading frames (back-pressure); safe from any thread. */
    void pauseReading();

    /** Reads frames again; safe from any thread. */
    void resumeReading();

    /** Sends a close frame; completes when it is written, or could not be. */
    CompletableFuture<Void> close(short code, String reason);
}
