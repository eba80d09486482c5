package dev.camelvobiz.stream;

import static org.assertj.core.api.Assertions.assertThat;

import dev.camelvobiz.VobizConstants;
import dev.camelvobiz.audio.AudioFormat;
import dev.camelvobiz.event.ClearedAudioEvent;
import dev.camelvobiz.event.DtmfEvent;
import dev.camelvobiz.event.PlayedStreamEvent;
import dev.camelvobiz.event.StartEvent;
import dev.camelvobiz.event.StopEvent;
import dev.camelvobiz.test.VobizPeer;
import dev.camelvobiz.test.VobizTestSupport;
import dev.camelvobiz.test.WireVectors;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every inbound WebSocket vector of vobiz-vectors.json, sent by a real client, becomes an
 * exchange with the headers and body that protocol §14's liberal rules give it.
 */
class InboundVectorsTest extends VobizTestSupport {

    private static final String CURRENT_STREAM = "c4dfd815-a92a-4140-ab85-5ff28c004116";
    private static final String CURRENT_CALL = "5401fd2e-6344-40df-a22c-c8ffea7a92e7";
    private static final String LEGACY_STREAM = "20170ada-f610-433b-8758-c02a2aab3662";

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from(streamUri(""))
                        .filter(header(VobizConstants.EVENT).isNotEqualTo("closed"))
                        .to("mock:events");
            }
        };
    }

    static Stream<Arguments> vectors() {
        return Stream.of(
                start(
                        "ws.start.nested.current",
                        CURRENT_STREAM,
                        CURRENT_CALL,
                        "500025",
                        0L,
                        "audio/x-l16",
                        16000,
                        e -> {
                            assertThat(e.tracks()).containsExactly("inbound");
                            assertThat(e.extraHeaders()).isEqualTo("{}");
                        }),
                start(
                        "ws.start.nested.mulaw",
                        CURRENT_STREAM,
                        CURRENT_CALL,
                        "500025",
                        0L,
                        "audio/x-mulaw",
                        8000,
                        e -> {}),
                start(
                        "ws.start.nested.both_tracks",
                        CURRENT_STREAM,
                        CURRENT_CALL,
                        "500025",
                        0L,
                        "audio/x-l16",
                        8000,
                        e -> assertThat(e.tracks()).containsExactly("inbound", "outbound")),
                start(
                        "ws.start.nested.auth_id_variant",
                        "b51f945c-fa36-4eb0-9ae7-30770dc94cad",
                        "056b9e90-502c-448a-9a4b-8c0aa82d01da",
                        "511538",
                        0L,
                        "audio/x-l16",
                        8000,
                        e -> {}),
                start("ws.start.nested.minimal", "STREAM_ID", "CALL_ID", null, null, "audio/x-l16", 16000, e -> {}),
                start(
                        "ws.start.flat.legacy",
                        LEGACY_STREAM,
                        "CALL_abc123xyz",
                        "MA_2210JXXN",
                        null,
                        "audio/x-l16",
                        8000,
                        e -> {
                            assertThat(e.from()).isEqualTo("+14155551111");
                            assertThat(e.to()).isEqualTo("+14155552222");
                            assertThat(e.direction()).isEqualTo("inbound");
                        }),
                start(
                        "ws.start.nested.plivo_style",
                        "87654321-4321-4321-4321-cba987654321",
                        "12345678-1234-1234-1234-123456789abc",
                        "MAXXXXXXXXXXXXXXXXXX",
                        1L,
                        "audio/x-mulaw",
                        8000,
                        e -> assertThat(e.extraHeaders()).isEqualTo("userId=12345;sessionId=abc-xyz")),
                media(
                        "ws.media.current.l16_16k",
                        "ws.start.nested.current",
                        2L,
                        "inbound",
                        1778597597091L,
                        2L,
                        "audio/x-l16",
                        16000,
                        640,
                        (byte) 0),
                media(
                        "ws.media.current.mulaw",
                        "ws.start.nested.mulaw",
                        3L,
                        "inbound",
                        1778597597111L,
                        3L,
                        "audio/x-mulaw",
                        8000,
                        160,
                        (byte) 0xFF),
                media(
                        "ws.media.current.outbound_track",
                        "ws.start.nested.current",
                        4L,
                        "outbound",
                        1778597597111L,
                        3L,
                        "audio/x-l16",
                        16000,
                        320,
                        (byte) 0),
                media(
                        "ws.media.legacy.with_format",
                        "ws.start.flat.legacy",
                        null,
                        "inbound",
                        1634567890123L,
                        null,
                        "audio/x-l16",
                        8000,
                        320,
                        (byte) 0),
                media(
                        "ws.media.legacy.mulaw",
                        "ws.start.flat.legacy",
                        null,
                        "inbound",
                        1634567890143L,
                        null,
                        "audio/x-mulaw",
                        8000,
                        160,
                        (byte) 0xFF),
                event(
                        "ws.playedStream.minimal",
                        "ws.start.nested.current",
                        Map.of(VobizConstants.CHECKPOINT_NAME, "response-3"),
                        new PlayedStreamEvent(CURRENT_STREAM, "response-3")),
                event(
                        "ws.playedStream.with_streamId",
                        "ws.start.flat.legacy",
                        Map.of(VobizConstants.CHECKPOINT_NAME, "greeting-complete"),
                        new PlayedStreamEvent(LEGACY_STREAM, "greeting-complete")),
                event(
                        "ws.clearedAudio.with_sequenceNumber",
                        "ws.start.flat.legacy",
                        Map.of(VobizConstants.SEQUENCE_NUMBER, 0L),
                        new ClearedAudioEvent(LEGACY_STREAM)),
                event(
                        "ws.clearedAudio.minimal",
                        "ws.start.nested.current",
                        Map.of(),
                        new ClearedAudioEvent(CURRENT_STREAM)),
                event(
                        "ws.stop.legacy_with_reason",
                        "ws.start.flat.legacy",
                        Map.of(),
                        new StopEvent(LEGACY_STREAM, "call_ended")),
                event("ws.stop.legacy_no_reason", "ws.start.flat.legacy", Map.of(), new StopEvent(LEGACY_STREAM, null)),
                event(
                        "ws.dtmf.plivo_style",
                        "ws.start.nested.current",
                        Map.of(VobizConstants.DTMF_DIGIT, "5", VobizConstants.SEQUENCE_NUMBER, 57L),
                        new DtmfEvent(CURRENT_STREAM, "5", "inbound")));
    }

    @Test
    void everyInboundStreamVectorIsCovered() {
        List<String> covered = vectors().map(a -> (String) a.get()[0]).toList();
        assertThat(covered).containsExactlyInAnyOrderElementsOf(WireVectors.names("inbound", "ws."));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void vectorBecomesExchange(String vector, String startVector, Consumer<Exchange> expectations) throws Exception {
        MockEndpoint events = getMockEndpoint("mock:events");
        events.reset();
        int expected = startVector == null ? 1 : 2;
        events.expectedMessageCount(expected);
        try (VobizPeer peer = VobizPeer.connect(port, "/media", "unused", "unused")) {
            if (startVector != null) {
                peer.send(WireVectors.json(startVector).toString());
            }
            peer.send(WireVectors.json(vector).toString());
            events.assertIsSatisfied();
            expectations.accept(events.getReceivedExchanges().get(expected - 1));
        }
    }

    private static Arguments start(
            String vector,
            String streamId,
            String callId,
            String accountId,
            Long sequenceNumber,
            String encoding,
            int sampleRate,
            Consumer<StartEvent> more) {
        return Arguments.of(vector, null, (Consumer<Exchange>) exchange -> {
            Map<String, Object> headers = new HashMap<>();
            headers.put(VobizConstants.EVENT, "start");
            headers.put(VobizConstants.STREAM_ID, streamId);
            headers.put(VobizConstants.CALL_ID, callId);
            headers.put(VobizConstants.ACCOUNT_ID, accountId);
            headers.put(VobizConstants.SEQUENCE_NUMBER, sequenceNumber);
            headers.put(VobizConstants.ENCODING, encoding);
            headers.put(VobizConstants.SAMPLE_RATE, sampleRate);
            assertHeaders(exchange, headers);
            StartEvent event = exchange.getMessage().getBody(StartEvent.class);
            assertThat(event.streamId()).isEqualTo(streamId);
            assertThat(event.callId()).isEqualTo(callId);
            assertThat(event.accountId()).isEqualTo(accountId);
            assertThat(event.mediaFormat()).isEqualTo(AudioFormat.parse(encoding + ";rate=" + sampleRate));
            more.accept(event);
        });
    }

    private static Arguments media(
            String vector,
            String startVector,
            Long sequenceNumber,
            String track,
            long timestamp,
            Long chunk,
            String encoding,
            int sampleRate,
            int length,
            byte fill) {
        return Arguments.of(vector, startVector, (Consumer<Exchange>) exchange -> {
            Map<String, Object> headers = new HashMap<>();
            headers.put(VobizConstants.EVENT, "media");
            headers.put(VobizConstants.SEQUENCE_NUMBER, sequenceNumber);
            headers.put(VobizConstants.TRACK, track);
            headers.put(VobizConstants.TIMESTAMP, timestamp);
            headers.put(VobizConstants.CHUNK, chunk);
            headers.put(VobizConstants.ENCODING, encoding);
            headers.put(VobizConstants.SAMPLE_RATE, sampleRate);
            assertHeaders(exchange, headers);
            byte[] expectedAudio = new byte[length];
            Arrays.fill(expectedAudio, fill);
            assertThat(exchange.getMessage().getBody())
                    .isInstanceOf(byte[].class)
                    .isEqualTo(expectedAudio);
        });
    }

    private static Arguments event(String vector, String startVector, Map<String, Object> headers, Object body) {
        return Arguments.of(vector, startVector, (Consumer<Exchange>) exchange -> {
            Map<String, Object> expected = new HashMap<>(headers);
            expected.put(
                    VobizConstants.EVENT, WireVectors.json(vector).get("event").asText());
            assertHeaders(exchange, expected);
            assertThat(exchange.getMessage().getBody()).isEqualTo(body);
        });
    }

    private static void assertHeaders(Exchange exchange, Map<String, Object> expected) {
        Map<String, Object> actual = exchange.getMessage().getHeaders();
        expected.forEach((name, value) -> assertThat(actual.get(name)).as(name).isEqualTo(value));
        assertThat(actual.keySet())
                .as("only CamelVobiz headers, never raw inbound fields")
                .allMatch(name -> name.startsWith("CamelVobiz"));
    }
}
