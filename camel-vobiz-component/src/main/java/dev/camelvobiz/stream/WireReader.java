package dev.camelvobiz.stream;

import com.fasterxml.jackson.core.Base64Variant;
import com.fasterxml.jackson.core.Base64Variants;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Base64;

/**
 * Reads inbound stream messages straight from the frame's UTF-8 bytes with Jackson's streaming
 * parser: no tree, no intermediate {@code String} of the frame. Accepts every shape of protocol §14
 * (nested or flat, numbers as strings, fields in any order, unknown fields ignored) and rejects, with
 * a reason naming the field, what cannot be read.
 */
final class WireReader {

    /** Standard alphabet; padding tolerated but not required (§14 "liberal"). */
    private static final Base64.Decoder BASE64_DECODER = Base64.getDecoder();

    private static final Base64Variant BASE64 =
            Base64Variants.MIME_NO_LINEFEEDS.withReadPadding(Base64Variant.PaddingReadBehaviour.PADDING_ALLOWED);

    /** Vobiz messages are three levels deep; anything far deeper is an attack or a bug. */
    private static final int MAX_NESTING_DEPTH = 32;

    private final JsonFactory factory = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxNestingDepth(MAX_NESTING_DEPTH)
                    .build())
            .build();

    /**
     * Fills {@code into} from one JSON message.
     *
     * @throws IllegalArgumentException with a human-readable reason when the message cannot be read
     */
    void read(byte[] data, int offset, int length, InboundFrame into) {
        into.reset();
        try (JsonParser parser = factory.createParser(data, offset, length)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new IllegalArgumentException("not a JSON object");
            }
            readTopLevel(parser, new Input(data, offset, offset + length), into);
            if (parser.nextToken() != null) {
                throw new IllegalArgumentException("trailing data after the JSON object");
            }
        } catch (StreamConstraintsException e) {
            throw new IllegalArgumentException("exceeds JSON limits: " + e.getMessage(), e);
        } catch (StreamReadException e) {
            throw new IllegalArgumentException("not valid JSON: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new IllegalArgumentException("unreadable: " + e.getMessage(), e);
        }
    }

    /** The message's bytes, for reading a payload straight from them. */
    private record Input(byte[] data, int offset, int limit) {}

    private static void readTopLevel(JsonParser parser, Input input, InboundFrame into) throws IOException {
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            parser.nextToken();
            switch (field) {
                case "event" -> into.event = text(parser, field);
                case "sequenceNumber" -> into.sequenceNumber = number(parser, field);
                case "streamId" -> into.streamId = text(parser, field);
                case "callId" -> into.callId = text(parser, field);
                case "accountId" -> into.accountId = text(parser, field);
                case "name" -> into.name = text(parser, field);
                case "reason" -> into.reason = text(parser, field);
                case "contentType" -> into.contentType = text(parser, field);
                case "from" -> into.from = text(parser, field);
                case "to" -> into.to = text(parser, field);
                case "direction" -> into.direction = text(parser, field);
                case "extra_headers" -> into.extraHeaders = text(parser, field);
                case "start" -> readStart(parser, into);
                case "media" -> readMedia(parser, input, into);
                case "dtmf" -> readDtmf(parser, into);
                default -> parser.skipChildren();
            }
        }
    }

    private static void readStart(JsonParser parser, InboundFrame into) throws IOException {
        expectObject(parser, "start");
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            parser.nextToken();
            switch (field) {
                case "streamId" -> into.startStreamId = text(parser, "start.streamId");
                case "callId" -> into.startCallId = text(parser, "start.callId");
                case "accountId" -> into.startAccountId = text(parser, "start.accountId");
                case "auth_id" -> into.startAuthId = text(parser, "start.auth_id");
                case "tracks" -> readTracks(parser, into);
                case "mediaFormat" -> readMediaFormat(parser, into);
                default -> parser.skipChildren();
            }
        }
    }

    private static void readTracks(JsonParser parser, InboundFrame into) throws IOException {
        if (parser.currentToken() == JsonToken.VALUE_STRING) {
            into.tracks.add(parser.getText());
            return;
        }
        if (parser.currentToken() != JsonToken.START_ARRAY) {
            throw wrongType("start.tracks", "an array of strings", parser);
        }
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            into.tracks.add(text(parser, "start.tracks[]"));
        }
    }

    private static void readMediaFormat(JsonParser parser, InboundFrame into) throws IOException {
        expectObject(parser, "start.mediaFormat");
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            parser.nextToken();
            switch (field) {
                case "encoding" -> into.encoding = text(parser, "start.mediaFormat.encoding");
                case "sampleRate" -> into.sampleRate = number(parser, "start.mediaFormat.sampleRate");
                default -> parser.skipChildren();
            }
        }
    }

    private static void readMedia(JsonParser parser, Input input, InboundFrame into) throws IOException {
        expectObject(parser, "media");
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            parser.nextToken();
            switch (field) {
                case "payload" -> into.payload = base64(parser, input);
                case "track" -> into.track = text(parser, "media.track");
                case "timestamp" -> into.timestamp = number(parser, "media.timestamp");
                case "chunk" -> into.chunk = number(parser, "media.chunk");
                case "contentType" -> into.mediaContentType = text(parser, "media.contentType");
                case "sampleRate" -> into.mediaSampleRate = number(parser, "media.sampleRate");
                default -> parser.skipChildren();
            }
        }
    }

    private static void readDtmf(JsonParser parser, InboundFrame into) throws IOException {
        expectObject(parser, "dtmf");
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            parser.nextToken();
            switch (field) {
                case "digit" -> into.digit = text(parser, "dtmf.digit");
                case "track" -> into.dtmfTrack = text(parser, "dtmf.track");
                default -> parser.skipChildren();
            }
        }
    }

    /**
     * Decodes the payload straight from the frame's bytes with the JDK's (intrinsified) decoder, which
     * is several times faster than decoding it through the parser; a payload with JSON escapes (legal,
     * never sent by Vobiz) goes through the parser instead. The parser then skips the string unread.
     */
    private static byte[] base64(JsonParser parser, Input input) throws IOException {
        if (parser.currentToken() != JsonToken.VALUE_STRING) {
            throw wrongType("media.payload", "a base64 string", parser);
        }
        byte[] data = input.data();
        int quote = input.offset() + (int) parser.currentTokenLocation().getByteOffset();
        int end = quote + 1;
        while (end < input.limit() && data[end] != '"' && data[end] != '\\') {
            end++;
        }
        if (quote >= input.limit() || data[quote] != '"' || end >= input.limit() || data[end] != '"') {
            return base64ThroughParser(parser);
        }
        try {
            ByteBuffer decoded = BASE64_DECODER.decode(ByteBuffer.wrap(data, quote + 1, end - quote - 1));
            byte[] audio = decoded.array();
            return decoded.remaining() == audio.length ? audio : Arrays.copyOf(audio, decoded.remaining());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("media.payload is not valid base64: " + e.getMessage(), e);
        }
    }

    private static byte[] base64ThroughParser(JsonParser parser) throws IOException {
        try {
            return parser.getBinaryValue(BASE64);
        } catch (StreamConstraintsException e) {
            throw new IllegalArgumentException("exceeds JSON limits: " + e.getMessage(), e);
        } catch (StreamReadException e) {
            throw new IllegalArgumentException("media.payload is not valid base64: " + e.getOriginalMessage(), e);
        }
    }

    /** Strings, and numbers written where a string was expected (numeric account ids). */
    private static String text(JsonParser parser, String field) throws IOException {
        return switch (parser.currentToken()) {
            case VALUE_STRING, VALUE_NUMBER_INT -> parser.getText();
            case VALUE_NULL -> null;
            default -> throw wrongType(field, "a string", parser);
        };
    }

    /** Integers, and integers written as strings ({@code "timestamp":"1778597597091"}). */
    private static Long number(JsonParser parser, String field) throws IOException {
        return switch (parser.currentToken()) {
            case VALUE_NUMBER_INT -> parser.getLongValue();
            case VALUE_NULL -> null;
            case VALUE_STRING -> parseLong(parser.getText().trim(), field);
            default -> throw wrongType(field, "an integer", parser);
        };
    }

    private static Long parseLong(String value, String field) {
        try {
            return Long.valueOf(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(field + " must be an integer, was \"" + abbreviate(value) + '"', e);
        }
    }

    private static void expectObject(JsonParser parser, String field) {
        if (parser.currentToken() != JsonToken.START_OBJECT) {
            throw wrongType(field, "an object", parser);
        }
    }

    private static IllegalArgumentException wrongType(String field, String expected, JsonParser parser) {
        return new IllegalArgumentException(
                field + " must be " + expected + ", was " + describe(parser.currentToken()));
    }

    private static String describe(JsonToken token) {
        return switch (token) {
            case START_OBJECT -> "an object";
            case START_ARRAY -> "an array";
            case VALUE_STRING -> "a string";
            case VALUE_NUMBER_INT -> "an integer";
            case VALUE_NUMBER_FLOAT -> "a decimal number";
            case VALUE_TRUE, VALUE_FALSE -> "a boolean";
            default -> String.valueOf(token);
        };
    }

    static String abbreviate(String value) {
        return value.length() <= 40 ? value : value.substring(0, 40) + "…";
    }
}
