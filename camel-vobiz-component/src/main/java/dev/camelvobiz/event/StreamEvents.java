package dev.camelvobiz.event;

import dev.camelvobiz.audio.AudioFormat;
import java.util.List;
import java.util.Map;

/**
 * Reads an event back from the map {@link StreamEvent#toMap()} made (or its JSON, once parsed): what a
 * service on the other side of a broker uses to get typed events again.
 */
final class StreamEvents {

    private StreamEvents() {}

    static StreamEvent fromMap(Map<?, ?> fields) {
        Object name = fields.get("event");
        VobizEventType type = name == null
                ? null
                : VobizEventType.CLOSED.wireName().equals(name)
                        ? VobizEventType.CLOSED // not a wire event, so not among fromWireName's
                        : VobizEventType.fromWireName(name.toString());
        if (type == null || type == VobizEventType.MEDIA) {
            throw new IllegalArgumentException(
                    "Not a stream event: \"event\" is " + (name == null ? "missing" : "'" + name + "'"));
        }
        String streamId = text(fields, "streamId");
        return switch (type) {
            case START ->
                new StartEvent(
                        streamId,
                        text(fields, "callId"),
                        text(fields, "accountId"),
                        fields.get("tracks") instanceof List<?> tracks
                                ? tracks.stream().map(String::valueOf).toList()
                                : List.of(),
                        AudioFormat.parse(required(fields, "encoding") + ";rate=" + number(fields, "sampleRate")),
                        fields.get("sequenceNumber") == null ? null : number(fields, "sequenceNumber"),
                        text(fields, "extraHeaders"),
                        text(fields, "from"),
                        text(fields, "to"),
                        text(fields, "direction"));
            case PLAYED_STREAM -> new PlayedStreamEvent(streamId, text(fields, "name"));
            case CLEARED_AUDIO -> new ClearedAudioEvent(streamId);
            case DTMF -> new DtmfEvent(streamId, text(fields, "digit"), text(fields, "track"));
            case STOP -> new StopEvent(streamId, text(fields, "reason"));
            case CLOSED ->
                new ClosedEvent(
                        streamId,
                        text(fields, "callId"),
                        (int) number(fields, "code"),
                        text(fields, "reason"),
                        fields.get("unplayedCheckpoints") instanceof List<?> names
                                ? names.stream().map(String::valueOf).toList()
                                : List.of());
            case MEDIA -> throw new IllegalStateException("media is not an event body");
        };
    }

    private static String text(Map<?, ?> fields, String name) {
        Object value = fields.get(name);
        return value == null ? null : value.toString();
    }

    private static String required(Map<?, ?> fields, String name) {
        String value = text(fields, name);
        if (value == null) {
            throw new IllegalArgumentException("Stream event field '" + name + "' is missing");
        }
        return value;
    }

    private static long number(Map<?, ?> fields, String name) {
        Object value = fields.get(name);
        if (value instanceof Number n) {
            return n.longValue();
        }
        try {
            return Long.parseLong(String.valueOf(value));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Stream event field '" + name + "' is not a number: " + value, e);
        }
    }
}
