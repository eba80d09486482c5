package dev.camelvobiz.event;

import java.util.Map;

/** The platform emptied its playback queue after a {@code clearAudio}. */
public record ClearedAudioEvent(String streamId) implements StreamEvent {

    @Override
    public VobizEventType type() {
        return VobizEventType.CLEARED_AUDIO;
    }

    @Override
    public Map<String, Object> toMap() {
        return new EventFields(type()).put("streamId", streamId).toMap();
    }
}
