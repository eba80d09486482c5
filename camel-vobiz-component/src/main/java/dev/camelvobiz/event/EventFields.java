package dev.camelvobiz.event;

import java.util.LinkedHashMap;
import java.util.Map;

/** Builds the ordered field maps of {@link StreamEvent#toMap()}, leaving out absent values. */
final class EventFields {

    private final Map<String, Object> fields = new LinkedHashMap<>();

    EventFields(VobizEventType type) {
        fields.put("event", type.wireName());
    }

    EventFields put(String name, Object value) {
        if (value != null) {
            fields.put(name, value);
        }
        return this;
    }

    Map<String, Object> toMap() {
        return fields;
    }
}
