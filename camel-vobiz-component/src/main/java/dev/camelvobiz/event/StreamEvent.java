package dev.camelvobiz.event;

import java.util.Map;

/**
 * The body of every non-media exchange from a {@code vobiz:stream} consumer. Type converters turn it
 * into a {@code Map} or a JSON {@code String}.
 */
public sealed interface StreamEvent
        permits StartEvent, PlayedStreamEvent, ClearedAudioEvent, DtmfEvent, StopEvent, ClosedEvent {

    VobizEventType type();

    /** The stream the event belongs to; may be {@code null} only where the platform left it out. */
    String streamId();

    /** The event's fields by name, {@code event} first; absent fields are left out. */
    Map<String, Object> toMap();
}
