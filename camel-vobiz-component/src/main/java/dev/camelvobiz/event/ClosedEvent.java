package dev.camelvobiz.event;

import java.util.List;
import java.util.Map;

/**
 * The stream's WebSocket has closed: exactly one per stream. {@code unplayedCheckpoints} names the
 * checkpoints that were sent but never confirmed by {@code playedStream}.
 */
public record ClosedEvent(String streamId, String callId, int code, String reason, List<String> unplayedCheckpoints)
        implements StreamEvent {

    public ClosedEvent {
        unplayedCheckpoints = unplayedCheckpoints == null ? List.of() : List.copyOf(unplayedCheckpoints);
    }

    @Override
    public VobizEventType type() {
        return VobizEventType.CLOSED;
    }

    @Override
    public Map<String, Object> toMap() {
        return new EventFields(type())
                .put("streamId", streamId)
                .put("callId", callId)
                .put("code", code)
                .put("reason", reason)
                .put("unplayedCheckpoints", unplayedCheckpoints)
                .toMap();
    }
}
