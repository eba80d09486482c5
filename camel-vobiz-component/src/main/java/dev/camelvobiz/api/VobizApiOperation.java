package dev.camelvobiz.api;

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
     * Whether a 404 whose platform error says {@code error} means the goal is already reached: only
     * Vobiz's own answers, "Stream not found" for a stream (or the older page's "No active stream found",
     * or "Call not found": with its call gone, so is the stream) and "Call not found" for a call. Any other 404 (a web server's page behind a
     * wrong apiBaseUrl, a wrongly cased path) is a failure.
     */
    public boolean alreadyDone(String error) {
        String said = error == null ? "" : error.trim().toLowerCase(Locale.ROOT);
        return switch (this) {
            case stopStream ->
                said.equals("stream not found") // the Stop Stream page
                        || said.equals("no active stream found") // the older Stop an Audio Stream page
                        || said.equals("call not found");
            case hangupCall -> said.equals("call not found");
            default -> false;
        };
    }
}
