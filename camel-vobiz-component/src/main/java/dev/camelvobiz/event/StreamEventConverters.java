package dev.camelvobiz.event;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import org.apache.camel.Converter;

/**
 * Lets routes read event bodies as a {@code Map} or as JSON text ({@code ${bodyAs(String)}}), and turn
 * such a map or JSON back into the event ({@code convertBodyTo(StreamEvent.class)}), e.g. after a broker.
 */
@Converter(generateLoader = true)
public final class StreamEventConverters {

    private static final ObjectMapper JSON = new ObjectMapper();

    private StreamEventConverters() {}

    @Converter
    public static Map<String, Object> toMap(StreamEvent event) {
        return event.toMap();
    }

    @Converter
    public static String toJson(StreamEvent event) throws JsonProcessingException {
        return JSON.writeValueAsString(event.toMap());
    }

    @Converter
    public static StreamEvent fromMap(Map<?, ?> fields) {
        return StreamEvents.fromMap(fields);
    }

    @Converter
    public static StreamEvent fromJson(String json) throws JsonProcessingException {
        return StreamEvents.fromMap(JSON.readValue(json, Map.class));
    }
}
