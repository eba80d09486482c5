package dev.camelvobiz.emulator.rest;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.UUID;

/** The shapes of the platform's answers: the api_id every reply carries and its two error envelopes. */
final class RestReplies {

    private static final ObjectMapper JSON = new ObjectMapper();

    private RestReplies() {}

    static ObjectNode withApiId(ObjectNode node) {
        node.put("api_id", UUID.randomUUID().toString());
        return node;
    }

    /** The API's own error: {@code {"api_id", "error": "…"}}. */
    static Reply error(int status, String message) {
        ObjectNode body = JSON.createObjectNode();
        body.put("api_id", UUID.randomUUID().toString());
        body.put("error", message);
        return new Reply(status, body);
    }

    /** The platform's generic error envelope, for injected 429/5xx answers. */
    static Reply platformError(int status) {
        ObjectNode body = JSON.createObjectNode();
        body.put("status", "error");
        ObjectNode error = body.putObject("error");
        error.put("code", status == 429 ? "RATE_LIMITED" : "SERVICE_UNAVAILABLE");
        error.put("message", status == 429 ? "Too many requests" : "Service temporarily unavailable");
        body.put("timestamp", java.time.Instant.now().toString());
        body.put("requestId", "req_" + UUID.randomUUID());
        return new Reply(status, body);
    }
}
