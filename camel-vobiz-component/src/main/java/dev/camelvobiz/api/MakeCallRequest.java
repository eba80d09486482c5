package dev.camelvobiz.api;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The body of {@code makeCall}, in Vobiz's field names: who calls whom, where the answer comes from,
 * and the optional ring, hang-up and fallback URLs, time limits and machine detection. Give it as the
 * exchange body, or let the producer build one from {@code from}, {@code to} and {@code answerUrl}.
 *
 * <pre>{@code
 * MakeCallRequest.call("+918000000000", "+919800000001", "https://app.example/answer")
 *         .hangupUrl("https://app.example/events")
 *         .machineDetection("hangup");
 * }</pre>
 */
public final class MakeCallRequest {

    /** The most destinations one request may dial at once. */
    public static final int MAX_DESTINATIONS = 1000;

    private final Map<String, Object> fields = new LinkedHashMap<>();

    private MakeCallRequest() {}

    /** A call from {@code from} to {@code to} (several destinations joined by {@code <}), answered by {@code answerUrl}. */
    public static MakeCallRequest call(String from, String to, String answerUrl) {
        return new MakeCallRequest().put("from", from).put("to", to).put("answer_url", answerUrl);
    }

    /** Dials every one of {@code destinations} at once (bulk), each its own call. */
    public static MakeCallRequest call(String from, List<String> destinations, String answerUrl) {
        return call(from, String.join("<", destinations), answerUrl);
    }

    public String from() {
        return (String) fields.get("from");
    }

    public String to() {
        return (String) fields.get("to");
    }

    public String answerUrl() {
        return (String) fields.get("answer_url");
    }

    /** The destinations of {@link #to()}, split at {@code <}. */
    public List<String> destinations() {
        String to = to();
        return to == null || to.isBlank() ? List.of() : List.of(to.split("<"));
    }

    public MakeCallRequest answerMethod(String method) {
        return put("answer_method", method);
    }

    /** Notified when the destination starts ringing. */
    public MakeCallRequest ringUrl(String url) {
        return put("ring_url", url);
    }

    public MakeCallRequest ringMethod(String method) {
        return put("ring_method", method);
    }

    /** Notified when the call ends, also when it was never answered (busy, no answer, failed). */
    public MakeCallRequest hangupUrl(String url) {
        return put("hangup_url", url);
    }

    public MakeCallRequest hangupMethod(String method) {
        return put("hangup_method", method);
    }

    /** Fetched for the answer when answer_url fails. */
    public MakeCallRequest fallbackUrl(String url) {
        return put("fallback_url", url);
    }

    public MakeCallRequest fallbackMethod(String method) {
        return put("fallback_method", method);
    }

    public MakeCallRequest callerName(String name) {
        return put("caller_name", name);
    }

    /** How long it may ring before it counts as not answered. */
    public MakeCallRequest ringTimeout(Duration timeout) {
        return put("ring_timeout", timeout.toSeconds());
    }

    /** The longest the call may last once answered. */
    public MakeCallRequest timeLimit(Duration limit) {
        return put("time_limit", limit.toSeconds());
    }

    /** {@code true}: tell the answer whether a machine answered; {@code hangup}: hang up on machines. */
    public MakeCallRequest machineDetection(String mode) {
        return put("machine_detection", mode);
    }

    public MakeCallRequest machineDetectionTime(Duration time) {
        return put("machine_detection_time", time.toMillis());
    }

    /** Told asynchronously whether a machine answered. */
    public MakeCallRequest machineDetectionUrl(String url) {
        return put("machine_detection_url", url);
    }

    /** Any other field of Vobiz's make-call request, by its own name. */
    public MakeCallRequest field(String name, Object value) {
        return put(name, value);
    }

    /** The request as sent: Vobiz's field names, fields never set left out. */
    @JsonAnyGetter
    public Map<String, Object> fields() {
        return Collections.unmodifiableMap(fields);
    }

    private MakeCallRequest put(String name, Object value) {
        if (value == null) {
            fields.remove(name);
        } else {
            fields.put(name, value);
        }
        return this;
    }

    @Override
    public String toString() {
        return "MakeCallRequest" + fields;
    }
}
