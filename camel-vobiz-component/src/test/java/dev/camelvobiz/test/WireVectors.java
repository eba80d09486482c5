package dev.camelvobiz.test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/** The wire fixtures the tests share ({@code vobiz-vectors.json}; docs/PROTOCOL.md describes each variant), by name. */
public final class WireVectors {

    private static final List<JsonNode> ALL = load();

    private WireVectors() {}

    public static JsonNode json(String name) {
        return ALL.stream()
                .filter(v -> v.get("name").asText().equals(name))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No wire vector " + name))
                .get("json");
    }

    public static List<String> names(String direction, String prefix) {
        List<String> names = new ArrayList<>();
        for (JsonNode vector : ALL) {
            String name = vector.get("name").asText();
            if (vector.get("direction").asText().equals(direction) && name.startsWith(prefix)) {
                names.add(name);
            }
        }
        return names;
    }

    private static List<JsonNode> load() {
        try (InputStream in = WireVectors.class.getResourceAsStream("/vobiz-vectors.json")) {
            List<JsonNode> vectors = new ArrayList<>();
            new ObjectMapper().readTree(in).forEach(vectors::add);
            return vectors;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
