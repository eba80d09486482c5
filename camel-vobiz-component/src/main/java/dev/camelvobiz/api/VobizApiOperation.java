package dev.camelvobiz.api;

/** The Audio Streams REST operations of {@code vobiz:api} (protocol §8). */
public enum VobizApiOperation {
    /** {@code DELETE …/Call/{callId}/Stream/{streamId}/}: 204; a 404 counts as already stopped. */
    stopStream("DELETE", true, true),
    /** {@code DELETE …/Call/{callId}/Stream/}: 204, also when nothing was streaming. */
    stopAllStreams("DELETE", false, true),
    /** {@code POST …/Call/{callId}/Stream/}: 202 with the new stream id. Never retried (not idempotent). */
    startStream("POST", false, false),
    /** {@code GET …/Call/{callId}/Stream/{streamId}/}: the stream. */
    getStream("GET", true, true),
    /** {@code GET …/Call/{callId}/Stream/}: the call's streams, active and stopped. */
    listStreams("GET", false, true),
    /** {@code DELETE …/Call/{callId}/}: 204; a 404 counts as already ended. */
    hangupCall("DELETE", false, true);

    private final String method;
    private final boolean needsStreamId;
    private final boolean safeToRetry;

    VobizApiOperation(String method, boolean needsStreamId, boolean safeToRetry) {
        this.method = method;
        this.needsStreamId = needsStreamId;
        this.safeToRetry = safeToRetry;
    }

    public String method() {
        return method;
    }

    public boolean needsStreamId() {
        return needsStreamId;
    }

    /** Whether repeating it after an unknown outcome (429, 5xx) cannot do harm. */
    public boolean safeToRetry() {
        return safeToRetry;
    }

    /** Whether a 404 means the goal is already reached (stopped or hung up). */
    public boolean notFoundIsDone() {
        return this == stopStream || this == hangupCall;
    }
}
