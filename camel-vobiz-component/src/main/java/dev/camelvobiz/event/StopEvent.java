package dev.camelvobiz.event;

import java.util.Map;

/**
 * An inbound {@code stop}: an early notice that the stream is ending. The socket closing, reported as
 * {@link ClosedEvent}, is still the real end.
 */
public record StopEvent(String streamId, String reason) implements StreamEvent {

    @Override
    public VobizEventType type() {
        return VobizEventType.STOP;
    }

    @Override
    public Map<String, Object> toMap() {
        return new EventFields(type())
                .put("streamId", streamId)
                .put("reason", reason)
                .toMap();
    }
}
