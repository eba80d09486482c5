package dev.camelvobiz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.camelvobiz.audio.AudioFormat;
import dev.camelvobiz.event.StartEvent;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.camel.spi.EndpointUriFactory;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.Test;

/** What Camel tooling sees: generated URI factory, configurers, JSON metadata and type converters. */
class ComponentMetadataTest extends CamelTestSupport {

    @Test
    void theGeneratedUriFactoryKnowsEveryOptionAndWhichAreSecret() {
        EndpointUriFactory factory = context.getCamelContextExtension().getEndpointUriFactory("vobiz");
        assertThat(factory).as("generated VobizEndpointUriFactory").isNotNull();
        assertThat(factory.propertyNames())
                .contains(
                        "kind",
                        "host",
                        "port",
                        "path",
                        "token",
                        "contentType",
                        "maxFrameSize",
                        "idleTimeout",
                        "streamId",
                        "name",
                        "sslContextParameters");
        assertThat(factory.secretPropertyNames()).containsExactlyInAnyOrder("token", "authToken", "webhookSecret");
    }

    /** What Camel's catalog, JBang and tooling read to find the components of a jar on the classpath. */
    @Test
    void theJarDeclaresItsComponentForCamelTooling() throws Exception {
        java.util.Properties declared = new java.util.Properties();
        try (var in = getClass().getResourceAsStream("/META-INF/services/org/apache/camel/component.properties")) {
            assertThat(in).as("component.properties").isNotNull();
            declared.load(in);
        }
        assertThat(declared)
                .containsEntry("components", "vobiz")
                .containsEntry("groupId", "dev.camelvobiz")
                .containsEntry("artifactId", "camel-vobiz");
        assertThat(declared.getProperty("version")).doesNotContain("${").isNotBlank();
        assertThat(context.getCamelContextExtension()
                        .getFactoryFinder("META-INF/services/org/apache/camel/component/")
                        .findClass("vobiz"))
                .isPresent();
    }

    @Test
    void theGeneratedConfigurerBindsDurationsAndNumbers() {
        VobizEndpoint endpoint =
                context.getEndpoint("vobiz:stream?idleTimeout=5s&maxFrameSize=1024&port=0", VobizEndpoint.class);
        assertThat(endpoint.getKind()).isEqualTo(VobizEndpointKind.STREAM);
        assertThat(endpoint.getConfiguration().getIdleTimeout()).isEqualTo(5000);
        assertThat(endpoint.getConfiguration().getMaxFrameSize()).isEqualTo(1024);
    }

    @Test
    void componentOptionsAreEndpointDefaultsThatURIsOverride() {
        context.getComponent("vobiz", VobizComponent.class)
                .getConfiguration()
                .setContentType("audio/x-mulaw;rate=8000");
        VobizEndpoint inherits = context.getEndpoint("vobiz:stream?path=/a", VobizEndpoint.class);
        VobizEndpoint overrides =
                context.getEndpoint("vobiz:stream?path=/b&contentType=audio/x-l16;rate=16000", VobizEndpoint.class);
        assertThat(inherits.getConfiguration().getContentType()).isEqualTo("audio/x-mulaw;rate=8000");
        assertThat(overrides.getConfiguration().getContentType()).isEqualTo("audio/x-l16;rate=16000");
    }

    @Test
    void theJsonMetadataListsEveryHeaderOfVobizConstants() throws Exception {
        JsonNode json;
        try (InputStream in = getClass().getResourceAsStream("/META-INF/dev/camelvobiz/vobiz.json")) {
            json = new ObjectMapper().readTree(in);
        }
        List<String> constants = new ArrayList<>();
        for (Field field : VobizConstants.class.getFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
                constants.add((String) field.get(null));
            }
        }
        List<String> documented = new ArrayList<>();
        json.get("headers").fieldNames().forEachRemaining(documented::add);
        assertThat(documented).containsExactlyInAnyOrderElementsOf(constants);
        assertThat(constants).allMatch(name -> name.startsWith("CamelVobiz"));
        json.get("headers")
                .forEach(
                        header -> assertThat(header.get("description").asText()).isNotBlank());
        for (String options : List.of("componentProperties", "properties")) {
            json.get(options).properties().forEach(option -> assertThat(
                            option.getValue().get("description").asText())
                    .as("%s %s has a description", options, option.getKey())
                    .isNotBlank());
        }
        assertThat(json.at("/properties/token/secret").asBoolean()).isTrue();
        assertThat(json.at("/properties/authToken/secret").asBoolean()).isTrue();
        assertThat(json.at("/properties/webhookSecret/secret").asBoolean()).isTrue();
    }

    @Test
    void eventBodiesConvertToMapAndJson() {
        StartEvent start = new StartEvent(
                "s-1", "c-1", "500025", List.of("inbound"), AudioFormat.L16_8K, 0L, "{}", null, null, null);
        @SuppressWarnings("unchecked")
        Map<String, Object> map = context.getTypeConverter().convertTo(Map.class, start);
        assertThat(map)
                .containsEntry("event", "start")
                .containsEntry("streamId", "s-1")
                .containsEntry("sampleRate", 8000);
        String json = context.getTypeConverter().convertTo(String.class, start);
        assertThat(json).startsWith("{\"event\":\"start\",\"streamId\":\"s-1\",\"callId\":\"c-1\"");
    }

    @Test
    void theTokenNeverShowsInTheEndpointsToString() {
        VobizEndpoint endpoint = context.getEndpoint("vobiz:stream?path=/m&token=s3cret-value", VobizEndpoint.class);
        assertThat(endpoint.toString()).doesNotContain("s3cret-value");
        assertThat(endpoint.getConfiguration().toString()).doesNotContain("s3cret-value");
    }

    @Test
    void anUnknownKindIsRejectedNamingTheValidOnes() {
        assertThatThrownBy(() -> context.getEndpoint("vobiz:speak"))
                .hasStackTraceContaining("expected one of stream, play, checkpoint, clear, stop");
    }
}
