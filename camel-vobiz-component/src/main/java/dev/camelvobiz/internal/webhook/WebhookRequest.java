package dev.camelvobiz.internal.webhook;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.camelvobiz.internal.server.HttpCall;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A webhook from the platform, read liberally (protocol §7, §9, §14.10): form fields from a POST body,
 * a GET query, or a JSON body (also when it arrives under a form content type); the raw body is kept
 * for signature checks.
 */
public record WebhookRequest(String method, Map<String, Object> fields, byte[] rawBody) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Thrown for a body that cannot be read. */
    public static final class BadRequestException extends IOException {
        private static final long serialVersionUID = 1L;
        private final int status;

        BadRequestException(int status, String message) {
            super(message);
            this.status = status;
        }

        public int status() {
            return status;
        }
    }

    /** Reads a request whose body the server has already read, within its size limit. */
    public static WebhookRequest read(HttpCall call) throws BadRequestException {
        byte[] body = call.body();
        Map<String, Object> fields = new LinkedHashMap<>(call.queryParameters());
        String text = new String(body, StandardCharsets.UTF_8).trim();
        if (text.startsWith("{")) {
            try {
                @SuppressWarnings("unchecked")
                Map<String, Object> json = JSON.readValue(text, Map.class);
                fields.putAll(json);
            } catch (IOException e) {
                throw new BadRequestException(400, "Body is not valid JSON");
            }
        } else if (!text.isEmpty()) {
            String contentType = call.header("Content-Type");
            if (contentType != null
                    && !contentType.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded")) {
                throw new BadRequestException(415, "Expected a form or JSON body, got " + contentType);
            }
            try {
                fields.putAll(HttpCall.formFields(text));
            } catch (IllegalArgumentException e) {
                throw new BadRequestException(400, "Body is not a valid form: " + e.getMessage());
            }
        }
        return new WebhookRequest(call.method(), fields, body);
    }

    public String field(String name) {
        Object value = fields.get(name);
        return value == null ? null : value.toString();
    }
}
