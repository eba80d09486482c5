package dev.camelvobiz.examples.realtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;

/** The JSON both services speak: one shared mapper (they are thread-safe and costly to make). */
final class ServiceJson {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private ServiceJson() {}

    static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    /** A text message from the service; one that is not JSON fails loudly, naming why. */
    static JsonNode read(String text) {
        try {
            return MAPPER.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException("The service sent something that is not JSON: " + e.getMessage(), e);
        }
    }
}
