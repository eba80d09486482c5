package dev.camelvobiz.event;

import java.util.Map;

/** Every frame queued before the checkpoint {@code name} has been played to the caller. */
public record PlayedStreamEvent(String streamId, String name) implements StreamEvent {

    @Override
    public VobizEventType type() {
        return VobizEventType.PLAYED_STREAM;
    }

    @Override
    public Map<String, Object> toMap() {
        return new EventFields(type())
                .put("streamId", streamId)
                .put("name", name)
                .toMap();
    }
}
