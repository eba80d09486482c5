package dev.camelvobiz.event;

import java.util.HashMap;
import java.util.Map;

/**
 * The events a stream consumer emits; {@link #wireName()} is the value of the {@code CamelVobizEvent}
 * header and, except for {@link #CLOSED}, the inbound {@code event} field.
 */
public enum VobizEventType {
    START("start"),
    MEDIA("media"),
    PLAYED_STREAM("playedStream"),
    CLEARED_AUDIO("clearedAudio"),
    DTMF("dtmf"),
    STOP("stop"),
    /** Not on the wire: the WebSocket closed, which is the only reliable end of a stream. */
    CLOSED("closed");

    private static final Map<String, VobizEventType> BY_WIRE_NAME = new HashMap<>();

    static {
        for (VobizEventType type : values()) {
            if (type != CLOSED) {
                BY_WIRE_NAME.put(type.wireName, type);
            }
        }
    }

    private final String wireName;

    VobizEventType(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    /** The inbound event with this wire name, or {@code null} for an event Vobiz may add later. */
    public static VobizEventType fromWireName(String name) {
        return BY_WIRE_NAME.get(name);
    }
}
