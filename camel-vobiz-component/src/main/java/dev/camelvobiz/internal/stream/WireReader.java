package dev.camelvobiz.internal.stream;

import dev.camelvobiz.event.VobizEventType;
import dev.camelvobiz.internal.stream.JsonCursor.Kind;
import dev.camelvobiz.internal.stream.JsonCursor.Vocabulary;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Base64;

/**
 * Reads inbound stream messages straight from the frame's UTF-8 bytes with a {@link JsonCursor}: no
 * tree, no intermediate {@code String} of the frame, no string for a field name or an id already
 * known. Accepts every shape of protocol §14 (nested or flat, numbers as strings, fields in any
 * order, unknown fields ignored) and rejects, with a reason naming the field, what cannot be read.
 */
final class WireReader {

    /** Standard alphabet; padding tolerated but not required (§14 "liberal"). */
    private static final Base64.Decoder BASE64_DECODER = Base64.getDecoder();

    /** Vobiz messages are three levels deep; anything far deeper is an attack or a bug. */
    private static final int MAX_NESTING_DEPTH = 32;

    /** Every field name read below, and the values met on every frame. */
    private static final Vocabulary VOCABULARY = vocabulary();

    private static Vocabulary vocabulary() {
        String[] words = {
            "event",
            "sequenceNumber",
            "streamId",
            "callId",
            "accountId",
            "name",
            "reason",
            "contentType",
            "from",
            "to",
            "direction",
            "extra_headers",
            "start",
            "media",
            "dtmf",
            "auth_id",
            "tracks",
            "mediaFormat",
            "encoding",
            "sampleRate",
            "payload",
            "track",
            "timestamp",
            "chunk",
            "digit",
            "inbound",
            "outbound",
            "both",
            "audio/x-l16",
            "audio/x-mulaw"
        };
        String[] all = Arrays.copyOf(words, words.length + VobizEventType.values().length);
        for (VobizEventType type : VobizEventType.values()) {
            all[words.length + type.ordinal()] = type.wireName();
        }
        return new Vocabulary(all);
    }

    /**
     * Fills {@code into} from one JSON message.
     *
     * @throws IllegalArgumentException with a human-readable reason when the message cannot be read
     */
    void read(byte[] data, int offset, int length, InboundFrame into) {
        into.reset();
        JsonCursor json = new JsonCursor(data, offset, length, VOCABULARY, MAX_NESTING_DEPTH);
        if (json.atEnd()) {
            throw new IllegalArgumentException("not a JSON object");
        }
        if (json.peek() != Kind.OBJECT) {
            json.skipValue(); // a broken value says so first
            throw new IllegalArgumentException("not a JSON object");
        }
        readTopLevel(json, into);
        if (!json.atEnd()) {
            throw new IllegalArgumentException("not valid JSON: trailing data after the object");
        }
    }

    private static void readTopLevel(JsonCursor json, InboundFrame into) {
        json.beginObject();
        for (String field = json.nextField(); field != null; field = json.nextField()) {
            switch (field) {
                case "event" -> into.event = text(json, field, null);
                case "sequenceNumber" -> into.sequenceNumber = number(json, field);
                case "streamId" -> into.streamId = text(json, field, into.expectedStreamId);
                case "callId" -> into.callId = text(json, field, null);
                case "accountId" -> into.accountId = text(json, field, null);
                case "name" -> into.name = text(json, field, null);
                case "reason" -> into.reason = text(json, field, null);
                case "contentType" -> into.contentType = text(json, field, null);
                case "from" -> into.from = text(json, field, null);
                case "to" -> into.to = text(json, field, null);
                case "direction" -> into.direction = text(json, field, null);
                case "extra_headers" -> into.extraHeaders = text(json, field, null);
                case "start" -> readStart(json, into);
                case "media" -> readMedia(json, into);
                case "dtmf" -> readDtmf(json, into);
                default -> json.skipValue();
            }
        }
    }

    private static void readStart(JsonCursor json, InboundFrame into) {
        enterObject(json, "start");
        for (String field = json.nextField(); field != null; field = json.nextField()) {
            switch (field) {
                case "streamId" -> into.startStreamId = text(json, "start.streamId", null);
                case "callId" -> into.startCallId = text(json, "start.callId", null);
                case "accountId" -> into.startAccountId = text(json, "start.accountId", null);
                case "auth_id" -> into.startAuthId = text(json, "start.auth_id", null);
                case "tracks" -> readTracks(json, into);
                case "mediaFormat" -> readMediaFormat(json, into);
                default -> json.skipValue();
            }
        }
    }

    private static void readTracks(JsonCursor json, InboundFrame into) {
        Kind kind = json.peek();
        if (kind == Kind.STRING) {
            into.tracks.add(json.string(null));
            return;
        }
        if (kind != Kind.ARRAY) {
            throw wrongType("start.tracks", "an array of strings", kind);
        }
        json.beginArray();
        while (json.nextElement()) {
            into.tracks.add(text(json, "start.tracks[]", null));
        }
    }

    private static void readMediaFormat(JsonCursor json, InboundFrame into) {
        enterObject(json, "start.mediaFormat");
        for (String field = json.nextField(); field != null; field = json.nextField()) {
            switch (field) {
                case "encoding" -> into.encoding = text(json, "start.mediaFormat.encoding", null);
                case "sampleRate" -> into.sampleRate = number(json, "start.mediaFormat.sampleRate");
                default -> json.skipValue();
            }
        }
    }

    private static void readMedia(JsonCursor json, InboundFrame into) {
        enterObject(json, "media");
        for (String field = json.nextField(); field != null; field = json.nextField()) {
            switch (field) {
                case "payload" -> into.payload = base64(json);
                case "track" -> into.track = text(json, "media.track", null);
                case "timestamp" -> into.timestamp = number(json, "media.timestamp");
                case "chunk" -> into.chunk = number(json, "media.chunk");
                case "contentType" -> into.mediaContentType = text(json, "media.contentType", null);
                case "sampleRate" -> into.mediaSampleRate = number(json, "media.sampleRate");
                default -> json.skipValue();
            }
        }
    }

    private static void readDtmf(JsonCursor json, InboundFrame into) {
        enterObject(json, "dtmf");
        for (String field = json.nextField(); field != null; field = json.nextField()) {
            switch (field) {
                case "digit" -> into.digit = text(json, "dtmf.digit", null);
                case "track" -> into.dtmfTrack = text(json, "dtmf.track", null);
                default -> json.skipValue();
            }
        }
    }

    /**
     * Decodes the payload straight from the frame's bytes with the JDK's (intrinsified) decoder; a
     * payload with JSON escapes (legal, never sent by Vobiz) is unescaped first.
     */
    private static byte[] base64(JsonCursor json) {
        Kind kind = json.peek();
        if (kind != Kind.STRING) {
            throw wrongType("media.payload", "a base64 string", kind);
        }
        boolean raw = json.rawString();
        try {
            if (!raw) {
                return BASE64_DECODER.decode(json.lastString());
            }
            ByteBuffer decoded = BASE64_DECODER.decode(json.rawBytes());
            byte[] audio = decoded.array();
            return decoded.remaining() == audio.length ? audio : Arrays.copyOf(audio, decoded.remaining());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("media.payload is not valid base64: " + e.getMessage(), e);
        }
    }

    /**
     * Strings, and numbers written where a string was expected (numeric account ids); {@code likely}
     * is returned itself when the value equals it.
     */
    private static String text(JsonCursor json, String field, String likely) {
        Kind kind = json.peek();
        return switch (kind) {
            case STRING -> json.string(likely);
            case NUMBER -> json.numberText();
            case NULL -> {
                json.skipNull();
                yield null;
            }
            case OBJECT, ARRAY, TRUE, FALSE -> throw wrongType(field, "a string", kind);
        };
    }

    /** Integers, and integers written as strings ({@code "timestamp":"1778597597091"}). */
    private static Long number(JsonCursor json, String field) {
        Kind kind = json.peek();
        try {
            return switch (kind) {
                case NUMBER -> json.integer();
                case STRING -> json.integerInString();
                case NULL -> {
                    json.skipNull();
                    yield null;
                }
                case OBJECT, ARRAY, TRUE, FALSE -> throw wrongType(field, "an integer", kind);
            };
        } catch (NumberFormatException e) {
            String found = kind == Kind.STRING ? "\"" + abbreviate(json.lastString()) + '"' : e.getMessage();
            throw new IllegalArgumentException(field + " must be an integer, was " + found, e);
        }
    }

    private static void enterObject(JsonCursor json, String field) {
        Kind kind = json.peek();
        if (kind != Kind.OBJECT) {
            throw wrongType(field, "an object", kind);
        }
        json.beginObject();
    }

    private static IllegalArgumentException wrongType(String field, String expected, Kind found) {
        return new IllegalArgumentException(field + " must be " + expected + ", was " + found.description());
    }

    static String abbreviate(String value) {
        return value.length() <= 40 ? value : value.substring(0, 40) + "…";
    }
}
