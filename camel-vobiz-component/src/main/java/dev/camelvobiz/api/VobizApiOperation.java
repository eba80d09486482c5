package dev.camelvobiz.api;

import java.util.List;
import java.util.Locale;

/** The Audio Streams REST operations of {@code vobiz:api} (protocol §8). */
public enum VobizApiOperation {
    /** {@code DELETE …/Call/{callId}/Stream/{streamId}/}: 204; Vobiz's 404 "Stream not found" counts as already stopped. */
    stopStream("DELETE", true, true),
    /** {@code DELETE …/Call/{callId}/Stream/}: 204, also when nothing was streaming. */
    stopAllStreams("DELETE", false, true),
    /** {@code POST …/Call/{callId}/Stream/}: 202 with the new stream id. Never retried (not idempotent). */
    startStream("POST", false, false),
    /** {@code GET …/Call/{callId}/Stream/{streamId}/}: the stream. */
    getStream("GET", true, true),
    /** {@code GET …/Call/{callId}/Stream/}: the call's streams, active and stopped. */
    listStreams("GET", false, true),
    /** {@code DELETE …/Call/{callId}/}: 204; Vobiz's 404 "Call not found" counts as already ended. */
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

    /**
     * Vobiz's own 404 answers that mean this operation's goal is reached already, lower case, the
     * documented one first; empty when a 404 is simply a failure. A stream is gone when Vobiz says
     * "Stream not found" (the older page: "No active stream found") or its call is ("Call not found");
     * a call, when it says "Call not found". Any other 404 (a web server's page behind a wrong
     * apiBaseUrl, a wrongly cased path) is a failure.
     */
    public List<String> doneWhenNotFound() {
        return switch (this) {
            case stopStream -> List.of("stream not found", "no active stream found", "call not found");
            case hangupCall -> List.of("call not found");
            default -> List.of();
        };
    }

    /** Whether a 404 whose platform error says {@code error} means the goal is reached already. */
    public boolean alreadyDone(String error) {
        return error != null && doneWhenNotFound().contains(error.trim().toLowerCase(Locale.ROOT));
    }
}
