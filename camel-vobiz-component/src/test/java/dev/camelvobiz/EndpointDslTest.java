package dev.camelvobiz;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The typed endpoint builders ({@code dev.camelvobiz.dsl.VobizEndpoints}) cover every option of the catalog on exactly the
 * kinds it applies to ({@link EndpointOptions}), with its description. {@code -Dvobiz.updateDocs=true}
 * regenerates src/main/java/dev/camelvobiz/dsl/VobizEndpoints.java from the catalog (then run the
 * formatter); without it, the builders are checked by reflection.
 */
class EndpointDslTest {

    private static final Path SOURCE = Path.of("src/main/java/dev/camelvobiz/dsl/VobizEndpoints.java");
    /** Each kind's factory method and the options it takes as arguments rather than setters. */
    private static final Map<VobizEndpointKind, String> FACTORY_ARGUMENTS = Map.of(
            VobizEndpointKind.STREAM, "path",
            VobizEndpointKind.ANSWER, "path",
            VobizEndpointKind.CALLBACK, "path",
            VobizEndpointKind.CHECKPOINT, "name",
            VobizEndpointKind.API, "operation");

    @Test
    void everyOptionHasASetterOnExactlyTheKindsItAppliesTo() throws Exception {
        JsonNode options = catalog().path("properties");
        if (Boolean.getBoolean("vobiz.updateDocs")) {
            Files.writeString(SOURCE, generate(options));
        }
        for (VobizEndpointKind kind : VobizEndpointKind.values()) {
            Class<?> builder = builderOf(kind);
            Set<String> setters = Arrays.stream(builder.getDeclaredMethods())
                    .filter(method -> Modifier.isPublic(method.getModifiers()))
                    .map(Method::getName)
                    .collect(Collectors.toCollection(TreeSet::new));
            Set<String> expected = new TreeSet<>();
            for (Iterator<String> names = options.fieldNames(); names.hasNext(); ) {
                String option = names.next();
                if (EndpointOptions.kindsOf(option).contains(kind)) {
                    expected.add(option);
                }
            }
            assertThat(setters)
                    .as(builder.getSimpleName() + " (regenerate with -Dvobiz.updateDocs=true)")
                    .isEqualTo(expected);
        }
    }

    @Test
    void theSettersCarryTheCatalogsDescriptions() throws Exception {
        String source = Files.readString(SOURCE).replaceAll("\\s+", " ");
        for (Iterator<Map.Entry<String, JsonNode>> options =
                        catalog().path("properties").fields();
                options.hasNext(); ) {
            Map.Entry<String, JsonNode> option = options.next();
            if (!option.getKey().equals("kind")) {
                String firstWords =
                        javadoc(option.getValue().path("description").asText());
                firstWords = firstWords.substring(0, Math.min(40, firstWords.length()));
                assertThat(source).as(option.getKey()).contains(firstWords.replaceAll("\\s+", " "));
            }
        }
    }

    private static Class<?> builderOf(VobizEndpointKind kind) throws ClassNotFoundException {
        return Class.forName("dev.camelvobiz.dsl.VobizEndpoints$" + className(kind));
    }

    private static String className(VobizEndpointKind kind) {
        String name = kind.uriName();
        return Character.toUpperCase(name.charAt(0)) + name.substring(1) + "EndpointBuilder";
    }

    private static JsonNode catalog() throws Exception {
        try (InputStream in = EndpointDslTest.class.getResourceAsStream("/META-INF/dev/camelvobiz/vobiz.json")) {
            return new ObjectMapper().readTree(in);
        }
    }

    // ---- the generator -------------------------------------------------------------------------

    private static String generate(JsonNode options) {
        StringBuilder out = new StringBuilder();
        out.append("package dev.camelvobiz.dsl;\n\n")
                .append(
                        "/**\n * The {@code vobiz:} endpoints as typed builders, in the style of Camel's Endpoint DSL:\n")
                .append(" * {@code from(vobiz().stream(\"/media\").token(\"s3cret\"))}, {@code to(vobiz().play())},\n")
                .append(
                        " * {@code to(vobiz().api(VobizApiOperation.makeCall).from(\"+91…\"))}. Each kind offers the options that\n")
                .append(" * apply to it, and only those. Generated from the component's catalog by EndpointDslTest\n")
                .append(" * ({@code -Dvobiz.updateDocs=true}); do not edit by hand.\n */\n")
                .append("public final class VobizEndpoints {\n\n    private VobizEndpoints() {}\n\n")
                .append("    /** The endpoints of the component named {@code vobiz}. */\n")
                .append("    public static Factory vobiz() {\n        return new Factory(\"vobiz\");\n    }\n\n")
                .append("    /** The endpoints of a vobiz component added under another name. */\n")
                .append(
                        "    public static Factory vobiz(String scheme) {\n        return new Factory(scheme);\n    }\n\n")
                .append("    /** One builder per endpoint kind. */\n")
                .append("    public static final class Factory {\n\n        private final String scheme;\n\n")
                .append("        private Factory(String scheme) {\n            this.scheme = scheme;\n        }\n");
        for (VobizEndpointKind kind : VobizEndpointKind.values()) {
            String type = className(kind);
            String argument = FACTORY_ARGUMENTS.get(kind);
            out.append("\n        /** {@code ")
                    .append(kind.uriName())
                    .append("}: ")
                    .append(javadoc(kindDescription(kind)))
                    .append(" */\n");
            if (argument == null) {
                out.append("        public ")
                        .append(type)
                        .append(' ')
                        .append(kind.uriName())
                        .append("() {\n")
                        .append("            return new ")
                        .append(type)
                        .append("(scheme);\n        }\n");
            } else {
                String argumentType = javaType(options.path(argument));
                out.append("        public ")
                        .append(type)
                        .append(' ')
                        .append(kind.uriName())
                        .append('(')
                        .append(argumentType)
                        .append(' ')
                        .append(argument)
                        .append(") {\n")
                        .append("            return new ")
                        .append(type)
                        .append("(scheme).")
                        .append(argument)
                        .append('(')
                        .append(argument)
                        .append(");\n        }\n");
            }
        }
        out.append("    }\n");
        for (VobizEndpointKind kind : VobizEndpointKind.values()) {
            String type = className(kind);
            out.append("\n    /** {@code ")
                    .append(kind.uriName())
                    .append("}: ")
                    .append(javadoc(kindDescription(kind)))
                    .append(" */\n    public static final class ")
                    .append(type)
                    .append(" extends VobizEndpointBuilder<")
                    .append(type)
                    .append("> {\n\n")
                    .append("        ")
                    .append(type)
                    .append("(String scheme) {\n            super(scheme, \"")
                    .append(kind.uriName())
                    .append("\");\n        }\n");
            for (Iterator<Map.Entry<String, JsonNode>> it = options.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> option = it.next();
                if (!EndpointOptions.kindsOf(option.getKey()).contains(kind)) {
                    continue;
                }
                String name = option.getKey();
                JsonNode meta = option.getValue();
                String description = javadoc(meta.path("description").asText());
                String defaultValue = meta.has("defaultValue")
                        ? " Default: " + javadoc(meta.path("defaultValue").asText()) + "."
                        : "";
                String doc = description + defaultValue;
                setter(out, doc, type, name, javaType(meta), name);
                if ("duration".equals(meta.path("type").asText())) {
                    setter(out, doc, type, name, "java.time.Duration", name + ".toMillis()");
                }
            }
            out.append("    }\n");
        }
        return out.append("}\n").toString();
    }

    /** One setter: {@code public Type name(ParameterType name) { return option("name", value); }}. */
    private static void setter(
            StringBuilder out, String doc, String type, String name, String parameterType, String value) {
        out.append("\n        /** ").append(doc).append(" */\n");
        out.append("        public ").append(type).append(' ').append(name).append('(');
        out.append(parameterType).append(' ').append(name).append(") {\n");
        out.append("            return option(\"")
                .append(name)
                .append("\", ")
                .append(value)
                .append(");\n        }\n");
    }

    private static String kindDescription(VobizEndpointKind kind) {
        return switch (kind) {
            case STREAM -> "the consumer of a call's stream events, served at a path.";
            case PLAY -> "plays audio into a live call.";
            case CHECKPOINT -> "marks a point in what has been played, and can wait until the caller heard it.";
            case CLEAR -> "drops what has not been played yet (barge-in).";
            case STOP -> "ends a call's stream.";
            case API -> "one operation of the REST API: place and steer calls, start and stop streams.";
            case ANSWER -> "the answer_url consumer: the call's first document.";
            case CALLBACK -> "the consumer of status callbacks and hang-up webhooks.";
        };
    }

    private static String javaType(JsonNode meta) {
        String type = meta.path("javaType").asText();
        return type.startsWith("java.lang.") ? type.substring("java.lang.".length()) : type;
    }

    /** The description made safe inside a javadoc comment. */
    private static String javadoc(String text) {
        return text.replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("*/", "*&#47;")
                .replace("@", "{@literal @}")
                .trim();
    }
}
