package dev.camelvobiz.emulator.stream;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import dev.camelvobiz.emulator.StartShape;
import dev.camelvobiz.emulator.audio.WireFormat;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The JSON text of every message Vobiz sends on a stream, in each {@link StartShape}, each faithful to
 * one documented variant (named per message, as in the shared wire vectors; a test holds each shape to
 * its vector): the current docs for {@code NESTED}, the legacy initiate page and the unofficial draft for
 * {@code FLAT}, Plivo's documentation for {@code PLIVO}.
 */
public final class VobizMessages {

    private static final Base64.Encoder BASE64 = Base64.getEncoder();

    private VobizMessages() {}

    /** NESTED: ws.start.nested.current; FLAT: ws.start.flat.legacy; PLIVO: ws.start.nested.plivo_style. */
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
     * NESTED and PLIVO: ws.media.current (top-level streamId, string timestamp, track, chunk); FLAT:
     * ws.media.legacy.with_format (top-level streamId, per-frame format, numeric timestamp).
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
            head = "{\"event\":\"media\",\"streamId\":" + quotedStreamId + ",\"media\":{\"payload\":\"";
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

    /**
     * NESTED: ws.playedStream.minimal (current docs: only {@code event} and {@code name}); FLAT and
     * PLIVO: ws.playedStream.with_streamId (the draft and Vobiz's mock add {@code streamId}) (§3.3).
     */
    static String playedStream(StartShape shape, String streamId, String name) {
        return shape == StartShape.NESTED
                ? "{\"event\":\"playedStream\",\"name\":" + quote(name) + "}"
                : "{\"event\":\"playedStream\",\"streamId\":" + quote(streamId) + ",\"name\":" + quote(name) + "}";
    }

    /** ws.clearedAudio.with_sequenceNumber (the clear-audio page), in every shape. */
    static String clearedAudio(long sequenceNumber, String streamId) {
        return "{\"sequenceNumber\":" + sequenceNumber + ",\"event\":\"clearedAudio\",\"streamId\":" + quote(streamId)
                + "}";
    }

    /** ws.dtmf.plivo_style: Plivo's documented shape; Vobiz does not document DTMF on the stream (§3.6). */
    static String dtmf(long sequenceNumber, String streamId, char digit) {
        return "{\"event\":\"dtmf\",\"sequenceNumber\":" + sequenceNumber + ",\"streamId\":" + quote(streamId)
                + ",\"dtmf\":{\"digit\":\"" + digit + "\",\"track\":\"inbound\"},\"extra_headers\":\"{}\"}";
    }

    public static String quote(String value) {
        if (value == null) {
            return "null";
        }
        return "\"" + new String(JsonStringEncoder.getInstance().quoteAsString(value)) + "\"";
    }
}
