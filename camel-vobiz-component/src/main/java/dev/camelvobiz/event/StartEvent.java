package dev.camelvobiz.event;

import dev.camelvobiz.audio.AudioFormat;
import java.util.List;
import java.util.Map;

/**
 * The stream has started. Sent once per WebSocket; a reconnect of the same call brings a new
 * {@code streamId} with the same {@code callId}. {@code from}, {@code to} and {@code direction} only
 * appear in the legacy flat shape.
 */
public record StartEvent(
        String streamId,
        String callId,
        String accountId,
        List<String> tracks,
        AudioFormat mediaFormat,
        Long sequenceNumber,
        String extraHeaders,
        String from,
        String to,
        String direction)
        implements StreamEvent {

    public StartEvent {
        tracks = tracks == null ? List.of() : List.copyOf(tracks);
    }

    @Override
    public VobizEventType type() {
        return VobizEventType.START;
    }

    @Override
    public Map<String, Object> toMap() {
        return new EventFields(type())
                .put("streamId", streamId)
                .put("callId", callId)
                .put("accountId", accountId)
                .put("tracks", tracks)
                .put("encoding", mediaFormat.encoding().mimeType())
                .put("sampleRate", mediaFormat.sampleRate())
                .put("sequenceNumber", sequenceNumber)
                .put("extraHeaders", extraHeaders)
                .put("from", from)
                .put("to", to)
                .put("direction", direction)
                .toMap();
    }
}
