package dev.camelvobiz.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.camelvobiz.VobizConstants;
import dev.camelvobiz.test.LogCapture;
import dev.camelvobiz.test.VobizPeer;
import dev.camelvobiz.test.VobizTestSupport;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;
import org.apache.camel.BindToRegistry;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.logging.log4j.Level;
import org.junit.jupiter.api.Test;

/**
 * Stream sockets that try what an attacker would, with the route's default error handling (no
 * {@code bridgeErrorHandler}): take over a live call's stream id, flood the log with junk, forge log
 * lines through the ids and event names they send.
 */
class HostileStreamsTest extends VobizTestSupport {

    @BindToRegistry("meters")
    private final MeterRegistry meters = new SimpleMeterRegistry();

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from(streamUri("")).to("mock:events");
            }
        };
    }

    private List<Exchange> events(String event, String streamId) {
        return getMockEndpoint("mock:events").getExchanges().stream()
                .filter(e -> event.equals(e.getMessage().getHeader(VobizConstants.EVENT)))
                .filter(e -> streamId.equals(e.getMessage().getHeader(VobizConstants.STREAM_ID)))
                .toList();
    }

    private double refused(String reason) {
        return meters.counter("vobiz.refused", "reason", reason).count();
    }

    @Test
    void aSecondSocketCannotTakeOverALiveStreamIdOrReuseAClosedOne() {
        try (LogCapture logs = LogCapture.of(Level.INFO, "dev.camelvobiz");
                VobizPeer call = startCall("s-live", "c-live")) {
            await().until(() -> events("start", "s-live").size() == 1);
            try (VobizPeer thief = VobizPeer.start(port, "/media", "s-live", "c-thief")) {
                assertThat(thief.awaitCloseCode())
                        .as("closed as a policy violation")
                        .isEqualTo(1008);
                template.sendBodyAndHeader("vobiz:checkpoint?name=still-mine", "", VobizConstants.STREAM_ID, "s-live");
                assertThat(call.nextCommand().get("name").asText()).isEqualTo("still-mine");
                assertThat(thief.received()).as("the thief gets nothing").isEmpty();
            }
            template.sendBodyAndHeader("vobiz:checkpoint?name=after-thief", "", VobizConstants.STREAM_ID, "s-live");
            assertThat(call.nextCommand().get("name").asText())
                    .as("commands reach the call after the thief left")
                    .isEqualTo("after-thief");
            assertThat(events("start", "s-live"))
                    .as("the thief's start never reached the route")
                    .hasSize(1);
            assertThat(events("closed", "s-live")).as("the call is still open").isEmpty();
            assertThat(refused("stream-id-taken")).isEqualTo(1);
            assertThat(logs.lines())
                    .filteredOn(line -> line.contains("s-live") && line.contains("in use"))
                    .singleElement()
                    .satisfies(line -> assertThat(line).startsWith("WARN"));
        }
        await().until(() -> events("closed", "s-live").size() == 1);
        try (VobizPeer late = VobizPeer.start(port, "/media", "s-live", "c-live")) {
            assertThat(late.awaitCloseCode())
                    .as("a closed stream's id is not given out again")
                    .isEqualTo(1008);
        }
        try (VobizPeer reconnected = startCall("s-new", "c-live")) {
            await().until(() -> events("start", "s-new").size() == 1);
            template.sendBodyAndHeader("vobiz:checkpoint?name=by-call", "", VobizConstants.CALL_ID, "c-live");
            assertThat(reconnected.nextCommand().get("name").asText())
                    .as("Vobiz's reconnect with a new stream id still reaches the call")
                    .isEqualTo("by-call");
        }
        assertThat(refused("stream-id-taken")).isEqualTo(2);
    }

    @Test
    void aFloodOfJunkFramesWritesAFewConciseLinesAndIsCounted() {
        MockEndpoint events = getMockEndpoint("mock:events");
        int junkFrames = 2000;
        String text;
        try (LogCapture logs = LogCapture.of(Level.INFO, "dev.camelvobiz", "org.apache.camel")) {
            try (VobizPeer junk = startCall("s-junk", "c-junk")) {
                for (int i = 0; i < junkFrames; i++) {
                    junk.send("garbage"); // 7 bytes, as an attacker would
                }
                junk.send("{\"event\":\"clearedAudio\",\"streamId\":\"s-junk\"}");
                await().until(() -> events("clearedAudio", "s-junk").size() == 1); // wire order: all junk read
                assertThat(junk.isClosedByServer()).as("the socket stays").isFalse();
            }
            await().until(() -> events("closed", "s-junk").size() == 1);
            await().atMost(Duration.ofSeconds(5)).until(() -> logs.text().contains("more mistakes not logged"));
            text = logs.text();
        }
        List<String> warnings =
                text.lines().filter(line -> line.startsWith("WARN")).toList();
        assertThat(warnings)
                .as("at most 5 lines in a burst, one more per 10 s, and the summary")
                .hasSizeBetween(6, 8);
        assertThat(warnings.get(0)).contains("Invalid frame on stream s-junk (call c-junk)", "not valid JSON");
        assertThat(text).as("no stack traces for a peer's mistakes").doesNotContain("\tat ", "Exception:");
        assertThat(text.length())
                .as("2 000 junk frames cost a few lines, not megabytes")
                .isLessThan(3000);
        assertThat(warnings.get(warnings.size() - 1))
                .containsPattern("\\d+ more mistakes not logged \\(2000 in all\\)");
        assertThat(meters.counter("vobiz.frames.bad").count()).isEqualTo(junkFrames);
        assertThat(events.getExchanges()).noneMatch(e -> e.getException() != null);
    }

    @Test
    void peerValuesCannotForgeLogLines() {
        try (LogCapture logs = LogCapture.of(Level.INFO, "dev.camelvobiz", "org.apache.camel");
                VobizPeer forger = VobizPeer.connect(port, "/media", "s-forge", "c-forge\nINFO forged line")) {
            forger.sendStart("audio/x-l16", 8000);
            forger.send("{\"event\":\"start\",\"start\":{\"streamId\":\"s-forge\",\"callId\":\"c-ok\","
                    + "\"mediaFormat\":{\"encoding\":\"audio/x-l16\\nINFO forged encoding\",\"sampleRate\":8000}}}");
            try (VobizPeer honest = startCall("s-honest", "c-honest")) {
                await().until(() -> events("start", "s-honest").size() == 1);
                honest.send("{\"event\":\"mark\\u2028INFO forged event\",\"streamId\":\"s-honest\"}");
                honest.send("{\"event\":\"clearedAudio\",\"streamId\":\"s-honest\"}");
                await().until(() -> events("clearedAudio", "s-honest").size() == 1);
            }
            await().until(() -> logs.text().contains("forged event"));
            String text = logs.text();
            assertThat(text)
                    .contains("start.callId contains a control character: c-forge\\nINFO forged line")
                    .contains("audio/x-l16\\nINFO forged encoding")
                    .contains("mark\\u2028INFO forged event");
            assertThat(text.lines()).noneMatch(line -> line.startsWith("INFO forged"));
            assertThat(text).doesNotContain("\u2028");
            assertThat(events("start", "s-forge"))
                    .as("a start with a control character in an id is refused")
                    .isEmpty();
        }
    }
}
