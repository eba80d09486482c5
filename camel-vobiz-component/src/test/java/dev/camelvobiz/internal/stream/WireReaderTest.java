package dev.camelvobiz.internal.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The wire reader: JSON syntax exactly as strict as Jackson's, values read without copies where the
 * frame's bytes serve, and the payload decoded from the frame's own bytes.
 */
class WireReaderTest {

    private final WireReader reader = new WireReader();

    private InboundFrame read(String json) {
        return read(json, 0, "");
    }

    private InboundFrame read(String json, int offset, String staleTail) {
        byte[] message = json.getBytes(StandardCharsets.UTF_8);
        byte[] buffer = new byte[offset + message.length + staleTail.length()];
        System.arraycopy(message, 0, buffer, offset, message.length);
        byte[] stale = staleTail.getBytes(StandardCharsets.UTF_8);
        System.arraycopy(stale, 0, buffer, offset + message.length, stale.length);
        InboundFrame frame = new InboundFrame();
        reader.read(buffer, offset, message.length, frame);
        return frame;
    }

    @Test
    void aPayloadInsideALargerBufferDecodesFromItsOwnBytes() {
        InboundFrame frame = read("{\"event\":\"media\",\"media\":{\"payload\":\"AAAA/w==\"}}", 7, "\"QUJD\"}}");
        assertThat(frame.payload).containsExactly(0, 0, 0, 0xFF);
    }

    @Test
    void aPayloadWithJsonEscapesIsUnescapedFirst() {
        InboundFrame frame = read("{\"event\":\"media\",\"media\":{\"payload\":\"AAAA\\/w==\"}}");
        assertThat(frame.payload).containsExactly(0, 0, 0, 0xFF);
    }

    @Test
    void invalidBase64IsReportedEitherWay() {
        assertThatThrownBy(() -> read("{\"event\":\"media\",\"media\":{\"payload\":\"***\"}}", 3, ""))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("media.payload is not valid base64");
        assertThatThrownBy(() -> read("{\"event\":\"media\",\"media\":{\"payload\":\"\\/**\"}}"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("media.payload is not valid base64");
    }

    @Test
    void escapesAndUtf8DecodeAsJsonSaysTheyShould() {
        InboundFrame frame = read("{\"event\":\"stop\",\"reason\":\"caf\\u00e9 \\\"ok\\\"\\t\\ud83d\\ude00 \\\\ \\/ "
                + "d\u00e9j\u00e0 \ud83d\udcde\"}");
        assertThat(frame.reason).isEqualTo("caf\u00e9 \"ok\"\t\ud83d\ude00 \\ / d\u00e9j\u00e0 \ud83d\udcde");
    }

    @Test
    void knownStringsAreTheKnownInstancesNotCopies() {
        InboundFrame frame = new InboundFrame();
        String streamId = new String("b77e037d-4119-44b5-902d-25826b654539");
        frame.expectedStreamId = streamId;
        byte[] message = ("{\"event\":\"media\",\"streamId\":\"b77e037d-4119-44b5-902d-25826b654539\","
                        + "\"media\":{\"track\":\"inbound\",\"payload\":\"AAAA\"}}")
                .getBytes(StandardCharsets.UTF_8);
        reader.read(message, 0, message.length, frame);
        assertThat(frame.streamId).isSameAs(streamId);
        assertThat(frame.event).isSameAs("media");
        assertThat(frame.track).isSameAs("inbound");

        byte[] other = "{\"event\":\"stop\",\"streamId\":\"another-stream\"}".getBytes(StandardCharsets.UTF_8);
        reader.read(other, 0, other.length, frame);
        assertThat(frame.streamId).isEqualTo("another-stream");
        assertThat(frame.expectedStreamId).as("kept across reads").isSameAs(streamId);
    }

    @Test
    void integersAsNumbersOrStringsUpToTheLimitsOfALong() {
        InboundFrame frame = read("{\"event\":\"media\",\"sequenceNumber\":-9223372036854775808,\"media\":"
                + "{\"payload\":\"AAAA\",\"timestamp\":\" 9223372036854775807 \",\"chunk\":0,\"sampleRate\":8000}}");
        assertThat(frame.sequenceNumber).isEqualTo(Long.MIN_VALUE);
        assertThat(frame.timestamp).isEqualTo(Long.MAX_VALUE);
        assertThat(frame.chunk).isZero();
        assertThat(frame.mediaSampleRate).isEqualTo(8000L);
        assertThatThrownBy(() -> read("{\"event\":\"media\",\"sequenceNumber\":9223372036854775808}"))
                .hasMessage("sequenceNumber must be an integer, was a number out of range of a long");
        assertThatThrownBy(() -> read("{\"event\":\"media\",\"sequenceNumber\":\"-9223372036854775809\"}"))
                .hasMessage("sequenceNumber must be an integer, was \"-9223372036854775809\"");
        assertThatThrownBy(() -> read("{\"event\":\"media\",\"sequenceNumber\":1.5}"))
                .hasMessage("sequenceNumber must be an integer, was a decimal number");
        assertThatThrownBy(() -> read("{\"event\":\"media\",\"sequenceNumber\":\"-\"}"))
                .hasMessage("sequenceNumber must be an integer, was \"-\"");
    }

    @Test
    void nestingIsLimitedTo32Levels() {
        String within = "{\"event\":\"stop\",\"x\":" + "[".repeat(31) + "]".repeat(31) + "}";
        String beyond = "{\"event\":\"stop\",\"x\":" + "[".repeat(32) + "]".repeat(32) + "}";
        assertThat(read(within).event).isEqualTo("stop");
        assertThatThrownBy(() -> read(beyond)).hasMessage("exceeds JSON limits: nested deeper than 32 levels");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "{\"event\":\"stop\",}",
                "{,\"event\":\"stop\"}",
                "{\"event\" \"stop\"}",
                "{\"event\":\"stop\" \"reason\":\"x\"}",
                "{\"event\":\"stop\",\"x\":[1,]}",
                "{\"event\":\"stop\",\"x\":01}",
                "{\"event\":\"stop\",\"x\":-}",
                "{\"event\":\"stop\",\"x\":1.}",
                "{\"event\":\"stop\",\"x\":.5}",
                "{\"event\":\"stop\",\"x\":+1}",
                "{\"event\":\"stop\",\"x\":1e}",
                "{\"event\":\"stop\",\"x\":tru}",
                "{\"event\":\"stop\",\"x\":nullx}",
                "{\"event\":\"stop\",\"x\":\"\\x\"}",
                "{\"event\":\"stop\",\"x\":\"\\u12g4\"}",
                "{\"event\":\"stop\",\"x\":\"tab\there\"}",
                "{\"event\":\"stop\",\"x\":'single'}",
                "{\"event\":\"stop\"} {}",
                "{\"event\":\"stop\"\u000b}"
            })
    void malformedJsonIsRejectedWithWhereItWentWrong(String json) {
        assertThatThrownBy(() -> read(json))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("not valid JSON: ");
    }

    /**
     * Differential check against Jackson over mutated wire vectors: the reader rejects every message
     * that Jackson (same nesting limit) cannot read as one JSON object, never calls malformed what
     * Jackson reads, and where both read a message, they read the same values.
     */
    @Test
    void rejectsWhatJacksonRejectsNeverCallsItsJsonMalformedAndReadsTheSameValues() {
        ObjectMapper jackson = JsonMapper.builder()
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .build();
        jackson.getFactory()
                .setStreamReadConstraints(
                        StreamReadConstraints.builder().maxNestingDepth(32).build());
        Random random = new Random(20261121L);
        List<byte[]> seeds = InboundFuzzTest.seeds();
        int compared = 0;
        int bothRejected = 0;
        for (int i = 0; i < 20_000; i++) {
            byte[] input = InboundFuzzTest.mutate(seeds.get(random.nextInt(seeds.size())), random);
            if (!validUtf8(input)) {
                continue; // Jackson refuses malformed UTF-8 in strings; the reader takes it, replaced
            }
            JsonNode tree = jacksonObject(jackson, input);
            InboundFrame frame = new InboundFrame();
            String rejection = null;
            try {
                reader.read(input, 0, input.length, frame);
            } catch (IllegalArgumentException e) {
                rejection = e.getMessage();
            }
            String shown = new String(input, StandardCharsets.UTF_8);
            boolean syntaxRejected = rejection != null
                    && (rejection.startsWith("not valid JSON")
                            || rejection.startsWith("not a JSON object")
                            || rejection.startsWith("exceeds JSON limits"));
            if (tree == null) {
                // a streaming reader may meet a wrongly typed field before the broken syntax after it
                assertThat(rejection)
                        .as("Jackson rejects, so must the reader: %s", shown)
                        .isNotNull();
                bothRejected++;
            } else if (rejection != null) {
                assertThat(syntaxRejected)
                        .as("reader rejected (%s) valid JSON: %s", rejection, shown)
                        .isFalse();
            } else {
                assertSameValues(tree, frame, shown);
                compared++;
            }
        }
        assertThat(compared).as("messages both read").isGreaterThan(2_000);
        assertThat(bothRejected).as("messages both rejected").isGreaterThan(2_000);
    }

    private static JsonNode jacksonObject(ObjectMapper jackson, byte[] input) {
        try {
            JsonNode tree = jackson.readTree(input);
            return tree != null && tree.isObject() ? tree : null;
        } catch (java.io.IOException e) {
            return null;
        }
    }

    private static void assertSameValues(JsonNode tree, InboundFrame frame, String shown) {
        assertSameText(frame.event, tree.get("event"), shown);
        assertSameText(frame.streamId, tree.get("streamId"), shown);
        assertSameText(frame.name, tree.get("name"), shown);
        assertSameText(frame.startStreamId, tree.path("start").get("streamId"), shown);
        assertSameText(frame.startCallId, tree.path("start").get("callId"), shown);
        assertSameText(frame.track, tree.path("media").get("track"), shown);
        assertSameText(frame.digit, tree.path("dtmf").get("digit"), shown);
        JsonNode sequence = tree.get("sequenceNumber");
        if (sequence != null && sequence.isIntegralNumber()) {
            assertThat(frame.sequenceNumber).as(shown).isEqualTo(sequence.longValue());
        }
        JsonNode payload = tree.path("media").get("payload");
        if (payload != null && payload.isTextual()) {
            assertThat(frame.payload).as(shown).isEqualTo(Base64.getDecoder().decode(payload.textValue()));
        }
    }

    /** A number where a string was expected is read as written; Jackson's tree has it normalised. */
    private static void assertSameText(String read, JsonNode node, String shown) {
        if (node != null && node.isNumber()) {
            assertThat(new java.math.BigDecimal(read)).as(shown).isEqualByComparingTo(node.decimalValue());
        } else {
            assertThat(read).as(shown).isEqualTo(node == null || node.isNull() ? null : node.asText());
        }
    }

    private static boolean validUtf8(byte[] input) {
        try {
            StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(input));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }
}
