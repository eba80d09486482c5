package dev.camelvobiz.emulator.stream;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

/**
 * Reads a command the app sent (protocol §4) with a streaming parser: no tree per frame, since load
 * mode reads tens of thousands of {@code playAudio} a second. Notes every departure from the current
 * docs' strict form (string {@code sampleRate}, {@code ;rate=} in {@code contentType}, no
 * {@code streamId}) so a test can assert the app sends nothing sloppy.
 */
public final class AppCommandParser {

    private static final JsonFactory JSON = new JsonFactory();
    private static final Base64.Decoder BASE64 = Base64.getDecoder();

    private AppCommandParser() {}

    static AppCommand parse(byte[] text, int length) throws IOException {
        String event = null;
        String streamId = null;
        String name = null;
        String contentType = null;
        int sampleRate = 0;
        byte[] payload = null;
        List<String> violations = new ArrayList<>(0);
        try (JsonParser json = JSON.createParser(text, 0, length)) {
            if (json.nextToken() != JsonToken.START_OBJECT) {
                throw new IOException("A command must be a JSON object");
            }
            while (json.nextToken() == JsonToken.FIELD_NAME) {
                String field = json.currentName();
                JsonToken value = json.nextToken();
                switch (field) {
                    case "event" -> event = json.getValueAsString();
                    case "streamId" -> streamId = json.getValueAsString();
                    case "name" -> name = json.getValueAsString();
                    case "media" -> {
                        if (value != JsonToken.START_OBJECT) {
                            throw new IOException("'media' must be an object");
                        }
                        while (json.nextToken() == JsonToken.FIELD_NAME) {
                            String mediaField = json.currentName();
                            JsonToken mediaValue = json.nextToken();
                            switch (mediaField) {
                                case "contentType" -> contentType = json.getValueAsString();
                                case "sampleRate" -> {
                                    if (mediaValue == JsonToken.VALUE_STRING) {
                                        violations.add("sampleRate sent as a string, not a number");
                                    }
                                    sampleRate = json.getValueAsInt();
                                }
                                case "payload" -> payload = payload(json, text, length);
                                default -> json.skipChildren();
                            }
                        }
                    }
                    default -> json.skipChildren();
                }
            }
        }
        if (event == null) {
            throw new IOException("A command without an 'event'");
        }
        if (streamId == null) {
            violations.add(event + " without a top-level streamId (required by the current docs)");
        }
        if (contentType != null && contentType.contains(";")) {
            violations.add("playAudio contentType '" + contentType + "' carries parameters (send it bare)");
        }
        return new AppCommand(event, streamId, name, contentType, sampleRate, payload, violations);
    }

    /**
     * The payload decoded straight from the message's bytes by the JDK's decoder (Jackson's was the
     * load generator's hottest method); a payload with JSON escapes goes through the parser.
     */
    private static byte[] payload(JsonParser json, byte[] text, int length) throws IOException {
        if (json.currentToken() != JsonToken.VALUE_STRING) {
            return json.getBinaryValue();
        }
        int quote = (int) json.currentTokenLocation().getByteOffset();
        int end = quote + 1;
        while (end < length && text[end] != '"' && text[end] != '\\') {
            end++;
        }
        if (quote >= length || text[quote] != '"' || end >= length || text[end] != '"') {
            return json.getBinaryValue();
        }
        try {
            ByteBuffer decoded = BASE64.decode(ByteBuffer.wrap(text, quote + 1, end - quote - 1));
            return decoded.remaining() == decoded.array().length
                    ? decoded.array()
                    : Arrays.copyOf(decoded.array(), decoded.remaining());
        } catch (IllegalArgumentException e) {
            throw new IOException("payload is not valid base64: " + e.getMessage(), e);
        }
    }
}
