package dev.camelvobiz.event;

import java.util.Map;

/** A key press on the call (Plivo's shape; not documented by Vobiz, passed on if it comes). */
public record DtmfEvent(String streamId, String digit, String track) implements StreamEvent {

    @Override
    public VobizEventType type() {
        return VobizEventType.DTMF;
    }

    @Override
    public Map<String, Object> toMap() {
        return new EventFields(type())
                .put("streamId", streamId)
                .put("digit", digit)
                .put("track", track)
                .toMap();
    }
}
