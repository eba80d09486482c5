package dev.camelvobiz.api;

import java.util.List;
import java.util.Locale;

/**
 * The REST operations of {@code vobiz:api}: the Call API (place, look up, transfer, steer and end calls)
 * and the Audio Streams API (protocol §8). Each names its HTTP method, where it sits under
 * {@code …/Account/{authId}/Call/}, and whether repeating it after an unknown outcome is harmless.
 */
public enum VobizApiOperation {
    /** {@code POST …/Call/}: places a call (several destinations joined by {@code <}); never repeated. */
    makeCall("POST", Target.ACCOUNT, "", false),
    /** {@code GET …/Call/?status=live}: the ids of the account's live calls. */
    listCalls("GET", Target.ACCOUNT, "?status=live", true),
    /** {@code GET …/Call/{callId}/?status=live}: one live call. */
    getCall("GET", Target.CALL, "?status=live", true),
    /** {@code POST …/Call/{callId}/}: the call fetches its next answer from a new URL. */
    transferCall("POST", Target.CALL, "", false),
    /** {@code DELETE …/Call/{callId}/}: 204; Vobiz's 404 "Call not found" counts as already ended. */
    hangupCall("DELETE", Target.CALL, "", true),
    /** {@code POST …/Call/{callId}/Speak/}: speaks text on the call. */
    speak("POST", Target.CALL, "Speak/", false),
    /** {@code DELETE …/Call/{callId}/Speak/}: stops speaking (204, also when nothing was spoken). */
    stopSpeak("DELETE", Target.CALL, "Speak/", true),
    /** {@code POST …/Call/{callId}/Play/}: plays audio files on the call. */
    play("POST", Target.CALL, "Play/", false),
    /** {@code DELETE …/Call/{callId}/Play/}: stops playing (204). */
    stopPlay("DELETE", Target.CALL, "Play/", true),
    /** {@code POST …/Call/{callId}/DTMF/}: sends keypad tones on the call. */
    sendDtmf("POST", Target.CALL, "DTMF/", false),
    /** {@code POST …/Call/{callId}/Record/}: starts a recording of the call. */
    startRecording("POST", Target.CALL, "Record/", false),
    /** {@code DELETE …/Call/{callId}/Record/}: stops the call's recordings (204). */
    stopRecording("DELETE", Target.CALL, "Record/", true),
    /** {@code DELETE …/Call/{callId}/Stream/{streamId}/}: 204; Vobiz's 404 "Stream not found" counts as already stopped. */
    stopStream("DELETE", Target.STREAM, "", true),
    /** {@code DELETE …/Call/{callId}/Stream/}: 204, also when nothing was streaming. */
    stopAllStreams("DELETE", Target.CALL, "Stream/", true),
    /** {@code POST …/Call/{callId}/Stream/}: 202 with the new stream id. Never repeated. */
    startStream("POST", Target.CALL, "Stream/", false),
    /** {@code GET …/Call/{callId}/Stream/{streamId}/}: the stream. */
    getStream("GET", Target.STREAM, "", true),
    /** {@code GET …/Call/{callId}/Stream/}: the call's streams, active and stopped. */
    listStreams("GET", Target.CALL, "Stream/?limit=20&offset=0", true);

    /** What an operation addresses, which decides the ids its path needs. */
    public enum Target {
        /** {@code …/Call/}: the account's calls. */
        ACCOUNT,
        /** {@code …/Call/{callId}/}: one call. */
        CALL,
        /** {@code …/Call/{callId}/Stream/{streamId}/}: one stream of one call. */
        STREAM
    }

    private final String method;
    private final Target target;
    private final String suffix;
    private final boolean safeToRetry;

    VobizApiOperation(String method, Target target, String suffix, boolean safeToRetry) {
        this.method = method;
        this.target = target;
        this.suffix = suffix;
        this.safeToRetry = safeToRetry;
    }

    public String method() {
        return method;
    }

    public Target target() {
        return target;
    }

    /** What follows the call (or stream) in the path, with the query if any. */
    public String pathSuffix() {
        return suffix;
    }

    public boolean needsCallId() {
        return target != Target.ACCOUNT;
    }

    public boolean needsStreamId() {
        return target == Target.STREAM;
    }

    /**
     * Whether repeating it after an unknown outcome (a 5xx, a timeout) cannot do harm. A 429 is not an
     * unknown outcome (the platform refused the request), so it is retried for every operation.
     */
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
