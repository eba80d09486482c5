package dev.camelvobiz.springboot;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The starter's {@code META-INF/spring-configuration-metadata.json}, which IDEs read for completion and
 * documentation of {@code camel.component.vobiz.*}, has every option of the component's catalog
 * ({@code vobiz.json}) that a property can set, with its type, description, default and allowed values.
 * Run with {@code -Dvobiz.updateDocs=true} to rewrite it after options change.
 */
class ConfigurationMetadataTest {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final Path METADATA = Path.of("src/main/resources/META-INF/spring-configuration-metadata.json");
    private static final String SOURCE = VobizComponentAutoConfiguration.class.getName();
    /** What Spring's binder can set from a property; object options (Vert.x, TLS, repositories) are beans. */
    private static final Map<String, String> PROPERTY_TYPES = Map.of(
            "int", "java.lang.Integer",
            "long", "java.lang.Long",
            "boolean", "java.lang.Boolean",
            "java.lang.Boolean", "java.lang.Boolean",
            "java.lang.String", "java.lang.String");

    private static final Set<String> ENUM_TYPES =
            Set.of("dev.camelvobiz.audio.Endian", "dev.camelvobiz.api.VobizApiOperation");

    @Test
    void theMetadataHasEveryOptionOfTheCatalog() throws Exception {
        String expected = JSON.writeValueAsString(expectedMetadata()) + "\n";
        if (Boolean.getBoolean("vobiz.updateDocs")) {
            Files.writeString(METADATA, expected);
        }
        assertThat(Files.readString(METADATA))
                .as(
                        "run: mvn -B -o -q test -pl camel-vobiz-starter -Dtest=ConfigurationMetadataTest -Dvobiz.updateDocs=true")
                .isEqualTo(expected);
    }

    @Test
    void everyOptionACatalogPropertyCanSetIsDescribedWithItsDefault() throws Exception {
        JsonNode metadata = JSON.readTree(METADATA.toFile());
        JsonNode catalog = catalog().path("componentProperties");
        int described = 0;
        for (Iterator<Map.Entry<String, JsonNode>> options = catalog.fields(); options.hasNext(); ) {
            Map.Entry<String, JsonNode> option = options.next();
            if (!settable(option.getValue())) {
                continue;
            }
            JsonNode property = find(metadata.path("properties"), "camel.component.vobiz." + kebab(option.getKey()));
            assertThat(property).as(option.getKey()).isNotNull();
            assertThat(property.path("description").asText())
                    .isEqualTo(option.getValue().path("description").asText());
            if (option.getValue().has("defaultValue")) {
                assertThat(property.path("defaultValue").asText())
                        .as(option.getKey())
                        .isEqualTo(option.getValue().path("defaultValue").asText());
            }
            described++;
        }
        assertThat(described).isGreaterThan(50);
        assertThat(find(metadata.path("hints"), "camel.component.vobiz.operation")
                        .path("values")
                        .size())
                .isEqualTo(catalog.path("operation").path("enum").size());
    }

    private static ObjectNode expectedMetadata() throws Exception {
        ObjectNode metadata = JSON.createObjectNode();
        ObjectNode group = metadata.putArray("groups").addObject();
        group.put("name", VobizComponentAutoConfiguration.PREFIX);
        group.put("type", "dev.camelvobiz.VobizComponent");
        group.put("description", "The vobiz component: live Vobiz calls in Camel routes.");
        group.put("sourceType", SOURCE);
        ArrayNode properties = metadata.putArray("properties");
        ArrayNode hints = metadata.putArray("hints");
        for (Iterator<Map.Entry<String, JsonNode>> options =
                        catalog().path("componentProperties").fields();
                options.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = options.next();
            JsonNode option = entry.getValue();
            if (!settable(option)) {
                continue;
            }
            String name = VobizComponentAutoConfiguration.PREFIX + "." + kebab(entry.getKey());
            ObjectNode property = properties.addObject();
            property.put("name", name);
            property.put(
                    "type",
                    PROPERTY_TYPES.getOrDefault(
                            option.path("javaType").asText(),
                            option.path("javaType").asText()));
            property.put("description", option.path("description").asText());
            property.put("sourceType", SOURCE);
            if (option.has("defaultValue")) {
                property.set("defaultValue", option.path("defaultValue"));
            }
            if (option.has("enum")) {
                ObjectNode hint = hints.addObject();
                hint.put("name", name);
                ArrayNode values = hint.putArray("values");
                option.path("enum").forEach(value -> values.addObject().put("value", value.asText()));
            }
        }
        return metadata;
    }

    private static boolean settable(JsonNode option) {
        String type = option.path("javaType").asText();
        return PROPERTY_TYPES.containsKey(type) || ENUM_TYPES.contains(type);
    }

    private static JsonNode catalog() throws Exception {
        try (InputStream in =
                ConfigurationMetadataTest.class.getResourceAsStream("/META-INF/dev/camelvobiz/vobiz.json")) {
            return JSON.readTree(in);
        }
    }

    private static JsonNode find(JsonNode list, String name) {
        for (JsonNode node : list) {
            if (name.equals(node.path("name").asText())) {
                return node;
            }
        }
        return null;
    }

    /** {@code playLead} as Spring writes a property: {@code play-lead}. */
    private static String kebab(String option) {
        return option.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(java.util.Locale.ROOT);
    }
}
