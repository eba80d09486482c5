package dev.camelvobiz.webhook;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.util.Fields;
import org.eclipse.jetty.util.UrlEncoded;

/**
 * A webhook from the platform, read liberally (protocol §7, §9, §14.10): form fields from a POST body,
 * a GET query, or a JSON body (also when it arrives under a form content type); the raw body is kept
 * for signature checks.
 */
public record WebhookRequest(String method, Map<String, Object> fields, byte[] rawBody) {

    /** Larger bodies are refused (413): a callback is a few hundred bytes. */
    public static final int MAX_BODY_BYTES = 256 * 1024;

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Thrown for a body over {@link #MAX_BODY_BYTES} or one that cannot be read. */
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

    public static WebhookRequest read(Request request) throws IOException {
        byte[] body;
        try (InputStream in = Content.Source.asInputStream(request)) {
            body = in.readNBytes(MAX_BODY_BYTES + 1);
        }
        if (body.length > MAX_BODY_BYTES) {
            throw new BadRequestException(413, "Body over " + MAX_BODY_BYTES + " bytes");
        }
        Map<String, Object> fields = new LinkedHashMap<>();
        Request.extractQueryParameters(request, StandardCharsets.UTF_8)
                .forEach(field -> fields.put(field.getName(), field.getValue()));
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
            String contentType = request.getHeaders().get("Content-Type");
            if (contentType != null
                    && !contentType.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded")) {
                throw new BadRequestException(415, "Expected a form or JSON body, got " + contentType);
            }
            Fields form = new Fields();
            UrlEncoded.decodeUtf8To(text, form);
            form.forEach(field -> fields.put(field.getName(), field.getValue()));
        }
        return new WebhookRequest(request.getMethod(), fields, body);
    }

    public String field(String name) {
        Object value = fields.get(name);
        return value == null ? null : value.toString();
    }
}
