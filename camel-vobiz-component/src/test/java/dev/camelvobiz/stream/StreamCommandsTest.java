package dev.camelvobiz.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.camelvobiz.VobizConstants;
import dev.camelvobiz.test.VobizPeer;
import dev.camelvobiz.test.VobizTestSupport;
import dev.camelvobiz.test.WireVectors;
import java.io.ByteArrayInputStream;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.Test;

/** The play, checkpoint, clear and stop producers: what they write, where, and when they refuse. */
class StreamCommandsTest extends VobizTestSupport {

    private static final String VECTOR_STREAM = "c4dfd815-a92a-4140-ab85-5ff28c004116";

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from(streamUri("")).to("mock:events");
            }
        };
    }

    private VobizPeer started(String streamId, String callId, String encoding, int sampleRate) {
        MockEndpoint events = getMockEndpoint("mock:events");
        int before = events.getReceivedCounter();
        VobizPeer peer = VobizPeer.connect(port, "/media", streamId, callId);
        peer.sendStart(encoding, sampleRate);
        await().until(() -> events.getReceivedCounter() > before);
        return peer;
    }

    @Test
    void commandsAreWrittenExactlyAsTheWireVectors() throws Exception {
        ObjectMapper json = new ObjectMapper();
        try (VobizPeer l16 = started(VECTOR_STREAM, "call-a", "audio/x-l16", 8000)) {
            play(VECTOR_STREAM, new byte[320]);
            assertThat(json.readTree(l16.nextCommandText())).isEqualTo(WireVectors.json("ws.playAudio.l16_8k"));
            template.sendBodyAndHeader(
                    "vobiz:checkpoint?name=response-3", null, VobizConstants.STREAM_ID, VECTOR_STREAM);
            assertThat(json.readTree(l16.nextCommandText())).isEqualTo(WireVectors.json("ws.checkpoint"));
            template.sendBodyAndHeader("vobiz:clear", null, VobizConstants.STREAM_ID, VECTOR_STREAM);
            assertThat(json.readTree(l16.nextCommandText())).isEqualTo(WireVectors.json("ws.clearAudio"));
            template.sendBodyAndHeader("vobiz:stop", null, VobizConstants.STREAM_ID, VECTOR_STREAM);
            assertThat(json.readTree(l16.nextCommandText())).isEqualTo(WireVectors.json("ws.stop"));
        }
        // A stream id is used once per server (a second start with it is refused as a takeover): the
        // next calls get ids of their own, put back to the vectors' id for the comparison.
        String mulawStream = VECTOR_STREAM + "-b";
        try (VobizPeer mulaw = started(mulawStream, "call-b", "audio/x-mulaw", 8000)) {
            byte[] silence = new byte[160];
            Arrays.fill(silence, (byte) 0xFF);
            play(mulawStream, silence);
            assertThat(asVectorStream(json, mulaw.nextCommandText()))
                    .isEqualTo(WireVectors.json("ws.playAudio.mulaw_8k"));
        }
        String wideStream = VECTOR_STREAM + "-c";
        try (VobizPeer wide = started(wideStream, "call-c", "audio/x-l16", 16000)) {
            play(wideStream, new byte[640]);
            assertThat(asVectorStream(json, wide.nextCommandText()))
                    .isEqualTo(WireVectors.json("ws.playAudio.l16_16k"));
        }
    }

    private static JsonNode asVectorStream(ObjectMapper json, String command) throws Exception {
        ObjectNode node = (ObjectNode) json.readTree(command);
        node.put("streamId", VECTOR_STREAM);
        return node;
    }

    @Test
    void playCutsExactTwentyMillisecondFramesCarriesTheRestAndPadsItAtTheCheckpoint() {
        try (VobizPeer call = started("s-cut", "c-cut", "audio/x-l16", 8000)) {
            byte[] audio = new byte[800]; // 50 ms: two frames and a half
            Arrays.fill(audio, (byte) 7);
            play("s-cut", audio);
            assertThat(payload(call.nextCommand())).hasSize(320).containsOnly(7);
            assertThat(payload(call.nextCommand())).hasSize(320).containsOnly(7);
            byte[] more = new byte[400]; // completes the half frame and leaves 240 bytes over
            Arrays.fill(more, (byte) 9);
            play("s-cut", more);
            byte[] joined = new byte[320];
            Arrays.fill(joined, 0, 160, (byte) 7);
            Arrays.fill(joined, 160, 320, (byte) 9);
            assertThat(payload(call.nextCommand()))
                    .as("no silence between plays")
                    .isEqualTo(joined);
            template.sendBodyAndHeader("vobiz:checkpoint?name=end", null, VobizConstants.STREAM_ID, "s-cut");
            byte[] padded = new byte[320];
            Arrays.fill(padded, 0, 240, (byte) 9);
            assertThat(payload(call.nextCommand()))
                    .as("the utterance's end, padded")
                    .isEqualTo(padded);
            assertThat(call.nextCommand().get("event").asText()).isEqualTo("checkpoint");
        }
    }

    @Test
    void playTakesByteBuffersAndInputStreamsToo() {
        try (VobizPeer call = started("s-bodies", "c-bodies", "audio/x-l16", 8000)) {
            byte[] audio = frame(4, 0);
            for (Object body : List.of(ByteBuffer.wrap(audio), new ByteArrayInputStream(audio))) {
                Exchange result = template.send("vobiz:play", e -> {
                    e.getMessage().setHeader(VobizConstants.STREAM_ID, "s-bodies");
                    e.getMessage().setBody(body);
                });
                assertThat(result.getException()).isNull();
                assertThat(payload(call.nextCommand()))
                        .as(body.getClass().getSimpleName())
                        .isEqualTo(audio);
            }
        }
    }

    @Test
    void theTargetIsTheOptionThenTheStreamHeaderThenTheCallsNewestStream() {
        try (VobizPeer first = started("s-first", "c-shared", "audio/x-l16", 8000);
                VobizPeer reconnected = started("s-second", "c-shared", "audio/x-l16", 8000)) {
            template.sendBodyAndHeader("vobiz:clear", null, VobizConstants.CALL_ID, "c-shared");
            assertThat(reconnected.nextCommand().get("streamId").asText()).isEqualTo("s-second");

            template.sendBodyAndHeaders(
                    "vobiz:clear",
                    null,
                    Map.of(VobizConstants.CALL_ID, "c-shared", VobizConstants.STREAM_ID, "s-first"));
            assertThat(first.nextCommand().get("streamId").asText()).isEqualTo("s-first");

            template.sendBodyAndHeader("vobiz:clear?streamId=s-second", null, VobizConstants.STREAM_ID, "s-first");
            assertThat(reconnected.nextCommand().get("streamId").asText()).isEqualTo("s-second");
        }
    }

    @Test
    void aCheckpointWithoutANameGetsOneUniqueOnTheStream() {
        try (VobizPeer call = started("s-named", "c-named", "audio/x-l16", 8000)) {
            Exchange one = template.send(
                    "vobiz:checkpoint", e -> e.getMessage().setHeader(VobizConstants.STREAM_ID, "s-named"));
            Exchange two = template.send(
                    "vobiz:checkpoint", e -> e.getMessage().setHeader(VobizConstants.STREAM_ID, "s-named"));
            String first = one.getMessage().getHeader(VobizConstants.CHECKPOINT_NAME, String.class);
            String second = two.getMessage().getHeader(VobizConstants.CHECKPOINT_NAME, String.class);
            assertThat(first).isNotBlank().isNotEqualTo(second);
            assertThat(call.nextCommand().get("name").asText()).isEqualTo(first);
            assertThat(call.nextCommand().get("name").asText()).isEqualTo(second);
        }
    }

    @Test
    void anUnknownStreamFailsTheExchange() {
        Exchange result = template.send("vobiz:play", e -> {
            e.getMessage().setHeader(VobizConstants.STREAM_ID, "no-such-stream");
            e.getMessage().setBody(new byte[320]);
        });
        assertThat(result.getException())
                .isInstanceOf(StreamNotFoundException.class)
                .hasMessageContaining("no-such-stream");

        Exchange noTarget = template.send("vobiz:clear", e -> {});
        assertThat(noTarget.getException())
                .isInstanceOf(StreamNotFoundException.class)
                .hasMessageContaining("CamelVobizStreamId or CamelVobizCallId");
    }

    @Test
    void aClosedStreamFailsTheExchangeSayingSo() {
        VobizPeer call = started("s-gone", "c-gone", "audio/x-l16", 8000);
        call.close();
        await().until(() -> getMockEndpoint("mock:events").getReceivedExchanges().stream()
                .anyMatch(e -> "closed".equals(e.getMessage().getHeader(VobizConstants.EVENT))));

        Exchange byStream =
                template.send("vobiz:clear", e -> e.getMessage().setHeader(VobizConstants.STREAM_ID, "s-gone"));
        assertThat(byStream.getException())
                .isInstanceOf(StreamClosedException.class)
                .hasMessageContaining("is closed (code 1000");
        Exchange byCall = template.send("vobiz:clear", e -> e.getMessage().setHeader(VobizConstants.CALL_ID, "c-gone"));
        assertThat(byCall.getException())
                .isInstanceOf(StreamClosedException.class)
                .hasMessageContaining("s-gone");
    }

    @Test
    void nothingCanBeSentAfterStop() {
        try (VobizPeer call = started("s-stopped", "c-stopped", "audio/x-l16", 8000)) {
            template.sendBodyAndHeader("vobiz:stop", null, VobizConstants.STREAM_ID, "s-stopped");
            assertThat(call.nextCommand().get("event").asText()).isEqualTo("stop");
            Exchange late = template.send("vobiz:play", e -> {
                e.getMessage().setHeader(VobizConstants.STREAM_ID, "s-stopped");
                e.getMessage().setBody(new byte[320]);
            });
            assertThat(late.getException())
                    .isInstanceOf(StreamClosedException.class)
                    .hasMessageContaining("sent stop");
        }
    }

    @Test
    void playRefusesHalfASample() {
        try (VobizPeer call = started("s-odd", "c-odd", "audio/x-l16", 8000)) {
            Exchange result = template.send("vobiz:play", e -> {
                e.getMessage().setHeader(VobizConstants.STREAM_ID, "s-odd");
                e.getMessage().setBody(new byte[321]);
            });
            assertThat(result.getException())
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("16-bit");
            assertThat(call.received()).isEmpty();
        }
    }

    private void play(String streamId, byte[] audio) {
        Exchange result = template.send("vobiz:play", e -> {
            e.getMessage().setHeader(VobizConstants.STREAM_ID, streamId);
            e.getMessage().setBody(audio);
        });
        assertThat(result.getException()).isNull();
    }

    private static byte[] payload(JsonNode command) {
        return Base64.getDecoder().decode(command.at("/media/payload").asText());
    }

    @Test
    void aStreamNamedOnTheUriWinsOverTheExchangesOwnStream() {
        try (VobizPeer callA = started("s-prec-a", "c-prec-a", "audio/x-l16", 8000);
                VobizPeer callB = started("s-prec-b", "c-prec-b", "audio/x-l16", 8000)) {
            // an exchange of call A (its ids in the headers, as every stream event has them) sent to call B
            template.send("vobiz:checkpoint?name=for-b&streamId=s-prec-b", exchange -> {
                exchange.getMessage().setHeader(VobizConstants.STREAM_ID, "s-prec-a");
                exchange.getMessage().setHeader(VobizConstants.CALL_ID, "c-prec-a");
            });
            assertThat(callB.nextCommand().get("name").asText()).isEqualTo("for-b");
            assertThat(callA.received())
                    .as("never into the exchange's own call")
                    .isEmpty();
        }
    }
}
