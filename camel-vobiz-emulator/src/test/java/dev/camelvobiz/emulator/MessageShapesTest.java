package dev.camelvobiz.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.camelvobiz.emulator.ReferenceApp.AgentSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every message the emulator sends, in each shape, has exactly the fields (names, nesting and JSON
 * types) of one documented variant in the shared wire vectors: the emulator is the test oracle, so it
 * must never send a shape Vobiz does not document (a missing {@code streamId}, say).
 */
class MessageShapesTest extends ReferenceAppTestSupport {

    /** The wire fixtures shared with the component's tests. */
    private static final Path VECTORS =
            Path.of("..", "camel-vobiz-component", "src", "test", "resources", "vobiz-vectors.json");

    private static final Map<StartShape, Map<String, String>> VARIANTS = Map.of(
            StartShape.NESTED,
                    Map.of(
                            "start", "ws.start.nested.current",
                            "media", "ws.media.current.l16_16k",
                            "playedStream", "ws.playedStream.minimal",
                            "clearedAudio", "ws.clearedAudio.with_sequenceNumber",
                            "dtmf", "ws.dtmf.plivo_style"),
            StartShape.FLAT,
                    Map.of(
                            "start", "ws.start.flat.legacy",
                            "media", "ws.media.legacy.with_format",
                            "playedStream", "ws.playedStream.with_streamId",
                            "clearedAudio", "ws.clearedAudio.with_sequenceNumber",
                            "dtmf", "ws.dtmf.plivo_style"),
            StartShape.PLIVO,
                    Map.of(
                            "start", "ws.start.nested.plivo_style",
                            "media", "ws.media.current.l16_16k",
                            "playedStream", "ws.playedStream.with_streamId",
                            "clearedAudio", "ws.clearedAudio.with_sequenceNumber",
                            "dtmf", "ws.dtmf.plivo_style"));

    private static JsonNode vector(String name) throws Exception {
        for (JsonNode vector : ReferenceApp.JSON.readTree(VECTORS.toFile())) {
            if (name.equals(vector.path("name").asText())) {
                return vector.path("json");
            }
        }
        throw new AssertionError("no wire vector " + name);
    }

    /** Field path → JSON type, e.g. {@code media.payload → STRING}. */
    private static Map<String, String> shapeOf(JsonNode json) {
        Map<String, String> shape = new TreeMap<>();
        collect("", json, shape);
        return shape;
    }

    private static void collect(String prefix, JsonNode node, Map<String, String> shape) {
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                collect(prefix + field.getKey() + ".", field.getValue(), shape);
            }
            return;
        }
        shape.put(prefix.substring(0, prefix.length() - 1), node.getNodeType().toString());
    }

    @ParameterizedTest
    @EnumSource(StartShape.class)
    void eachMessageHasTheFieldsOfItsDocumentedVariant(StartShape shape) throws Exception {
        app.xml(
                "/answer",
                "<Response><Stream bidirectional=\"true\" keepCallAlive=\"true\">" + app.ws("/media")
                        + "</Stream></Response>");
        EmulatedCall call = emulator.call(CallSpec.answerUrl(app.http("/answer"))
                .shape(shape)
                .streamDtmf(true)
                .hangupAt(Duration.ofSeconds(20)));
        AgentSocket socket = app.awaitSocket();
        String streamId = shape == StartShape.FLAT
                ? socket.first().path("streamId").asText()
                : socket.first().path("start").path("streamId").asText();
        socket.send(AppMessages.checkpoint(streamId, "shape-check"));
        await().atMost(WAIT)
                .alias("playedStream; the record: " + call.record().violations() + " " + socket.received())
                .until(() -> !socket.events("playedStream").isEmpty());
        socket.send(AppMessages.clearAudio(streamId));
        call.sendDtmf("5");
        await().atMost(WAIT)
                .alias("clearedAudio, dtmf and media: " + socket.received())
                .until(() -> !socket.events("clearedAudio").isEmpty()
                        && !socket.events("dtmf").isEmpty()
                        && !socket.events("media").isEmpty());

        for (Map.Entry<String, String> variant : VARIANTS.get(shape).entrySet()) {
            JsonNode sent = socket.events(variant.getKey()).get(0);
            assertThat(shapeOf(sent))
                    .as("%s %s against %s: %s", shape, variant.getKey(), variant.getValue(), sent)
                    .isEqualTo(shapeOf(vector(variant.getValue())));
        }
        call.hangup();
        call.awaitHangup(WAIT);
    }
}
