package dev.camelvobiz;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Keeps the options and headers tables of src/main/docs/vobiz-component.adoc equal to the metadata
 * Camel's plugin generates. Run with {@code -Dvobiz.updateDocs=true} to rewrite them.
 */
class ComponentDocTest {

    private static final Path DOC = Path.of("src/main/docs/vobiz-component.adoc");
    private static final String START = "// generated tables: START";
    private static final String END = "// generated tables: END";

    @Test
    void theDocTablesMatchTheGeneratedMetadata() throws Exception {
        JsonNode json;
        try (InputStream in = getClass().getResourceAsStream("/META-INF/dev/camelvobiz/vobiz.json")) {
            json = new ObjectMapper().readTree(in);
        }
        String expected = render(json);
        String doc = Files.readString(DOC, StandardCharsets.UTF_8);
        int start = doc.indexOf(START);
        int end = doc.indexOf(END);
        assertThat(start).as("start marker in " + DOC).isNotNegative();
        assertThat(end).as("end marker in " + DOC).isGreaterThan(start);
        String actual = doc.substring(start, end + END.length());
        if (Boolean.getBoolean("vobiz.updateDocs")) {
            Files.writeString(DOC, doc.substring(0, start) + expected + doc.substring(end + END.length()));
            return;
        }
        assertThat(actual)
                .as("tables in " + DOC + " (rerun with -Dvobiz.updateDocs=true)")
                .isEqualTo(expected);
    }

    private static String render(JsonNode json) {
        StringBuilder out =
                new StringBuilder(START).append(" (kept equal to the generated vobiz.json by ComponentDocTest)\n");
        table(out, "Component options", json.get("componentProperties"));
        table(out, "Endpoint options", json.get("properties"));
        out.append(
                "=== Message headers\n\n[width=\"100%\",cols=\"2,5,2\",options=\"header\"]\n|===\n| Name | Description | Type\n");
        for (Iterator<Map.Entry<String, JsonNode>> it = json.get("headers").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> header = it.next();
            out.append("| *")
                    .append(header.getKey())
                    .append("* (")
                    .append(header.getValue().get("group").asText())
                    .append(") | ")
                    .append(cell(header.getValue().get("description").asText()))
                    .append(" | ")
                    .append(header.getValue().get("javaType").asText())
                    .append('\n');
        }
        return out.append("|===\n").append(END).toString();
    }

    private static void table(StringBuilder out, String title, JsonNode options) {
        out.append("=== ")
                .append(title)
                .append("\n\n[width=\"100%\",cols=\"2,5,^1,2\",options=\"header\"]\n|===\n")
                .append("| Name | Description | Default | Type\n");
        for (Iterator<Map.Entry<String, JsonNode>> it = options.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> option = it.next();
            JsonNode value = option.getValue();
            out.append("| *")
                    .append(option.getKey())
                    .append("* (")
                    .append(value.get("group").asText())
                    .append(") | ")
                    .append(cell(value.get("description").asText()))
                    .append(value.path("secret").asBoolean() ? " _Secret._" : "")
                    .append(" | ")
                    .append(
                            value.has("defaultValue")
                                    ? value.get("defaultValue").asText()
                                    : "")
                    .append(" | ")
                    .append(value.get("type").asText())
                    .append('\n');
        }
        out.append("|===\n\n");
    }

    private static String cell(String text) {
        return text.replace("|", "\\|");
    }
}
