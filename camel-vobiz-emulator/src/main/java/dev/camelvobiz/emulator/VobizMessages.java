package dev.camelvobiz.emulator;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import dev.camelvobiz.emulator.audio.WireFormat;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** The JSON text of every message Vobiz sends on a stream, in each {@link StartShape}. */
final class VobizMessages {

    private static final Base64.Encoder BASE64 = Base64.getEncoder();

    private VobizMessages() {}

    static String start(StartShape shape, StreamIdentity id, String tracks, WireFormat format, String extraHeaders) {
        StringBuilder json = new StringBuilder(320);
        switch (shape) {
            case FLAT -> {
                json.append("{\"event\":\"start\",\"streamId\":").append(quote(id.streamId()));
                json.append(",\"accountId\":").append(quote(id.authId()));
                json.append(",\"callId\":").append(quote(id.callId()));
                json.append(",\"from\":")
                        .append(quote(id.from()))
                        .append(",\"to\":")
                        .append(quote(id.to()));
                json.append(",\"direction\":").append(quote(id.direction()));
                json.append(",\"contentType\":").append(quote(format.contentType()));
                json.append(",\"audioTrack\":").append(quote(tracks)).append('}');
            }
            case NESTED, PLIVO -> {
                boolean plivo = shape == StartShape.PLIVO;
                json.append("{\"sequenceNumber\":").append(plivo ? 1 : 0).append(",\"event\":\"start\",\"start\":{");
                json.append("\"callId\":").append(quote(id.callId()));
                json.append(",\"streamId\":").append(quote(id.streamId()));
                json.append(",\"accountId\":").append(quote(plivo ? id.authId() : id.accountId()));
                json.append(",\"tracks\":[");
                String[] trackList =
                        "both".equals(tracks) ? new String[] {"inbound", "outbound"} : new String[] {tracks};
                for (int i = 0; i < trackList.length; i++) {
                    json.append(i == 0 ? "" : ",").append(quote(trackList[i]));
                }
                json.append("],\"mediaFormat\":{\"encoding\":").append(quote(format.encoding()));
                json.append(",\"sampleRate\":").append(format.sampleRate()).append("}}");
                json.append(",\"extra_headers\":")
                        .append(quote(plivo ? extraHeaders : "{}"))
                        .append('}');
            }
        }
        return json.toString();
    }

    /**
     * {@code quotedStreamId} is {@link #quote}d once per stream: this runs 50 times a second per call,
     * so the message is assembled as bytes (a short ASCII head, the base64 payload, a fixed tail).
     */
    static byte[] media(
            StartShape shape,
            String quotedStreamId,
            long sequenceNumber,
            String track,
            long timestampMillis,
            long chunk,
            WireFormat format,
            byte[] audio) {
        String head;
        String tail;
        if (shape == StartShape.FLAT) {
            head = "{\"event\":\"media\",\"media\":{\"payload\":\"";
            tail = "\",\"contentType\":" + quote(format.encoding()) + ",\"sampleRate\":" + format.sampleRate()
                    + ",\"timestamp\":" + timestampMillis + "}}";
        } else {
            head = "{\"sequenceNumber\":" + sequenceNumber + ",\"streamId\":" + quotedStreamId
                    + ",\"event\":\"media\",\"media\":{\"track\":\"" + track + "\",\"timestamp\":\"" + timestampMillis
                    + "\",\"chunk\":" + chunk + ",\"payload\":\"";
            tail = "\"},\"extra_headers\":\"{}\"}";
        }
        byte[] headBytes = head.getBytes(StandardCharsets.UTF_8);
        byte[] tailBytes = tail.getBytes(StandardCharsets.UTF_8);
        byte[] payload = BASE64.encode(audio);
        byte[] message = new byte[headBytes.length + payload.length + tailBytes.length];
        System.arraycopy(headBytes, 0, message, 0, headBytes.length);
        System.arraycopy(payload, 0, message, headBytes.length, payload.length);
        System.arraycopy(tailBytes, 0, message, headBytes.length + payload.length, tailBytes.length);
        return message;
    }

    /** Current docs: only {@code event} and {@code name}; older shapes add {@code streamId} (§3.3). */
    static String playedStream(StartShape shape, String streamId, String name) {
        return shape == StartShape.NESTED
                ? "{\"event\":\"playedStream\",\"name\":" + quote(name) + "}"
                : "{\"event\":\"playedStream\",\"streamId\":" + quote(streamId) + ",\"name\":" + quote(name) + "}";
    }

    static String clearedAudio(long sequenceNumber, String streamId) {
        return "{\"sequenceNumber\":" + sequenceNumber + ",\"event\":\"clearedAudio\",\"streamId\":" + quote(streamId)
                + "}";
    }

    /** Plivo's documented shape; Vobiz does not document DTMF on the stream (§3.6). */
    static String dtmf(long sequenceNumber, String streamId, char digit) {
        return "{\"event\":\"dtmf\",\"sequenceNumber\":" + sequenceNumber + ",\"streamId\":" + quote(streamId)
                + ",\"dtmf\":{\"digit\":\"" + digit + "\",\"track\":\"inbound\"},\"extra_headers\":\"{}\"}";
    }

    static String quote(String value) {
        if (value == null) {
            return "null";
        }
        return "\"" + new String(JsonStringEncoder.getInstance().quoteAsString(value)) + "\"";
    }
}
