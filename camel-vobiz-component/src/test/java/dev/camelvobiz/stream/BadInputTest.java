package dev.camelvobiz.stream;

import static org.assertj.core.api.Assertions.assertThat;

import dev.camelvobiz.VobizConstants;
import dev.camelvobiz.test.VobizPeer;
import dev.camelvobiz.test.VobizTestSupport;
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
 * Each kind of bad input reaches the route's error handler (bridgeErrorHandler) as one
 * {@link InvalidFrameException} naming the stream and the fault, while that call and another call
 * keep working.
 */
class BadInputTest extends VobizTestSupport {

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                onException(InvalidFrameException.class).handled(true).to("mock:errors");
                from(streamUri("&bridgeErrorHandler=true&maxFrameSize=4096"))
                        .filter(header(VobizConstants.EVENT).isEqualTo("media"))
                        .to("mock:media");
            }
        };
    }

    static Stream<Arguments> badInputs() {
        return Stream.of(
                text("empty frame", "", "not a JSON object"),
                text("invalid JSON", "{\"event\":\"media\",", "not valid JSON"),
                text("not an object", "[1,2,3]", "not a JSON object"),
                text("trailing garbage", "{\"event\":\"clearedAudio\"} x", "not valid JSON"),
                text("no event field", "{\"streamId\":\"s-1\"}", "without an \"event\" field"),
                text(
                        "invalid base64",
                        "{\"event\":\"media\",\"media\":{\"payload\":\"@@@not-base64@@@\"}}",
                        "not valid base64"),
                text(
                        "media without payload",
                        "{\"event\":\"media\",\"media\":{\"track\":\"inbound\"}}",
                        "media without payload"),
                text("media not an object", "{\"event\":\"media\",\"media\":\"oops\"}", "media must be an object"),
                text(
                        "sequenceNumber not a number",
                        "{\"event\":\"clearedAudio\",\"sequenceNumber\":\"seven\"}",
                        "sequenceNumber must be an integer"),
                text(
                        "unsupported frame format",
                        "{\"event\":\"media\",\"media\":{\"payload\":\"AAAA\",\"contentType\":\"audio/ogg\"}}",
                        "Unsupported audio encoding"),
                text("playedStream without name", "{\"event\":\"playedStream\"}", "playedStream without name"),
                text(
                        "deep nesting",
                        "{\"event\":\"media\",\"x\":" + "[".repeat(2000) + "]".repeat(2000) + "}",
                        "exceeds JSON limits"),
                text("duplicate start", startJson("s-bad", "c-bad"), "duplicate start"),
                Arguments.of(
                        "oversized frame",
                        (Consumer<VobizPeer>)
                                peer -> peer.send("{\"event\":\"media\",\"pad\":\"" + "x".repeat(6000) + "\"}"),
                        "exceeds maxFrameSize 4096"),
                Arguments.of(
                        "binary frame",
                        (Consumer<VobizPeer>) peer -> peer.sendBinary(new byte[320]),
                        "binary frame of 320 bytes"),
                text(
                        "payload a number",
                        "{\"event\":\"media\",\"media\":{\"payload\":123}}",
                        "payload must be a base64 string"),
                text(
                        "chunk a string",
                        "{\"event\":\"media\",\"media\":{\"payload\":\"AAAA\",\"chunk\":\"x\"}}",
                        "media.chunk must be an integer"),
                text(
                        "timestamp an object",
                        "{\"event\":\"media\",\"media\":{\"payload\":\"AAAA\",\"timestamp\":{}}}",
                        "media.timestamp must be an integer"),
                text(
                        "frame sampleRate not a number",
                        "{\"event\":\"media\",\"media\":{\"payload\":\"AAAA\",\"sampleRate\":\"fast\"}}",
                        "media.sampleRate must be an integer"),
                text(
                        "frame sampleRate unsupported",
                        "{\"event\":\"media\",\"media\":{\"payload\":\"AAAA\",\"sampleRate\":44100}}",
                        "Unsupported sample rate 44100"),
                text("event null", "{\"event\":null,\"streamId\":\"s-bad\"}", "without an \"event\" field"),
                text(
                        "playedStream name an object",
                        "{\"event\":\"playedStream\",\"name\":{}}",
                        "name must be a string"),
                text("dtmf not an object", "{\"event\":\"dtmf\",\"dtmf\":\"5\"}", "dtmf must be an object"),
                text(
                        "sequenceNumber a decimal",
                        "{\"event\":\"clearedAudio\",\"sequenceNumber\":1e99}",
                        "sequenceNumber must be an integer"),
                text(
                        "number out of range",
                        "{\"event\":\"media\",\"media\":{\"payload\":\"AAAA\",\"chunk\":99999999999999999999}}",
                        "out of range"),
                text("truncated frame", "{\"event\":\"media\",\"media\":{\"payload\":\"AAAA\"}", "not valid JSON"),
                text("extra closing brace", "{\"event\":\"clearedAudio\"}}", "not valid JSON"),
                text("bare token", "nul", "not valid JSON"),
                text(
                        "streamId an object",
                        "{\"event\":\"clearedAudio\",\"streamId\":{\"a\":1}}",
                        "streamId must be a string"),
                text("stop reason an array", "{\"event\":\"stop\",\"reason\":[]}", "reason must be a string"),
                text(
                        "huge string in an unknown field",
                        "{\"event\":\"clearedAudio\",\"junk\":\"" + "x".repeat(5000) + "\"}",
                        "exceeds maxFrameSize 4096"),
                text(
                        "frame format not a type we know",
                        "{\"event\":\"media\",\"media\":{\"payload\":\"AAAA\",\"contentType\":\"text/plain\"}}",
                        "Unsupported audio encoding"));
    }

    /** Bad start messages: reported, and the socket can still start properly afterwards. */
    static Stream<Arguments> badStarts() {
        return Stream.of(
                Arguments.of("start not an object", "{\"event\":\"start\",\"start\":\"x\"}", "start must be an object"),
                Arguments.of(
                        "streamId an array",
                        "{\"event\":\"start\",\"start\":{\"streamId\":[1],\"callId\":\"c\"}}",
                        "start.streamId must be a string"),
                Arguments.of(
                        "sampleRate not a number",
                        "{\"event\":\"start\",\"start\":{\"streamId\":\"s\",\"callId\":\"c\",\"mediaFormat\":"
                                + "{\"encoding\":\"audio/x-l16\",\"sampleRate\":\"abc\"}}}",
                        "sampleRate must be an integer"),
                Arguments.of(
                        "unsupported sample rate",
                        "{\"event\":\"start\",\"start\":{\"streamId\":\"s\",\"callId\":\"c\",\"mediaFormat\":"
                                + "{\"encoding\":\"audio/x-l16\",\"sampleRate\":11025}}}",
                        "Unsupported sample rate 11025"),
                Arguments.of(
                        "unsupported encoding",
                        "{\"event\":\"start\",\"start\":{\"streamId\":\"s\",\"callId\":\"c\",\"mediaFormat\":"
                                + "{\"encoding\":\"audio/opus\",\"sampleRate\":8000}}}",
                        "Unsupported audio encoding"),
                Arguments.of(
                        "events after a bad start still wait for a good one",
                        "{\"event\":\"clearedAudio\"}",
                        "clearedAudio before start"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badStarts")
    void aBadStartIsReportedAndTheSocketCanStillStart(String name, String badStart, String reason) throws Exception {
        MockEndpoint errors = getMockEndpoint("mock:errors");
        MockEndpoint media = getMockEndpoint("mock:media");
        errors.expectedMessageCount(1);
        media.expectedMessageCount(1);
        try (VobizPeer call = VobizPeer.connect(port, "/media", "s-start", "c-start")) {
            call.send(badStart);
            call.sendStart("audio/x-l16", 8000);
            call.sendMedia(frame(1, 0));

            errors.assertIsSatisfied();
            media.assertIsSatisfied();
            Exception error =
                    errors.getReceivedExchanges().get(0).getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
            assertThat(error).isInstanceOf(InvalidFrameException.class);
            assertThat(error.getMessage()).contains("(before start)").contains(reason);
            assertThat(call.isClosedByServer()).isFalse();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badInputs")
    void badInputIsReportedAndTheCallsCarryOn(String name, Consumer<VobizPeer> sendBadInput, String reason)
            throws Exception {
        MockEndpoint errors = getMockEndpoint("mock:errors");
        MockEndpoint media = getMockEndpoint("mock:media");
        errors.expectedMessageCount(1);
        media.expectedMessageCount(2);
        try (VobizPeer bystander = startCall("s-other", "c-other");
                VobizPeer call = startCall("s-bad", "c-bad")) {
            sendBadInput.accept(call);
            call.sendMedia(frame(1, 1));
            bystander.sendMedia(frame(2, 1));

            errors.assertIsSatisfied();
            media.assertIsSatisfied();
            Exception error =
                    errors.getReceivedExchanges().get(0).getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
            assertThat(error).isInstanceOf(InvalidFrameException.class);
            assertThat(error.getMessage()).contains("stream s-bad (call c-bad)").contains(reason);
            assertThat(errors.getReceivedExchanges().get(0).getMessage().getHeader(VobizConstants.STREAM_ID))
                    .isEqualTo("s-bad");
            assertThat(call.isClosedByServer())
                    .as("the bad call's socket stays open")
                    .isFalse();
        }
    }

    @Test
    void mediaBeforeStartIsReportedAndTheStreamCanStillStart() throws Exception {
        MockEndpoint errors = getMockEndpoint("mock:errors");
        MockEndpoint media = getMockEndpoint("mock:media");
        errors.expectedMessageCount(1);
        media.expectedMessageCount(1);
        try (VobizPeer call = VobizPeer.connect(port, "/media", "s-late", "c-late")) {
            call.sendMedia(frame(1, 0));
            call.sendStart("audio/x-l16", 8000);
            call.sendMedia(frame(1, 1));

            errors.assertIsSatisfied();
            media.assertIsSatisfied();
            Exception error =
                    errors.getReceivedExchanges().get(0).getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
            assertThat(error.getMessage()).contains("(before start)").contains("media before start");
            assertThat(media.getReceivedExchanges().get(0).getMessage().getBody(byte[].class))
                    .isEqualTo(frame(1, 1));
        }
    }

    @Test
    void unknownEventsAreIgnoredWithoutError() throws Exception {
        MockEndpoint errors = getMockEndpoint("mock:errors");
        MockEndpoint media = getMockEndpoint("mock:media");
        media.expectedMessageCount(1);
        try (VobizPeer call = startCall("s-unknown", "c-unknown")) {
            call.send("{\"event\":\"connected\",\"protocol\":\"Call\"}");
            call.send("{\"event\":\"dtmf\",\"dtmf\":{}}");
            call.sendMedia(frame(1, 0));
            media.assertIsSatisfied();
            assertThat(errors.getReceivedCounter()).isZero();
        }
    }

    private static Arguments text(String name, String json, String reason) {
        return Arguments.of(name, (Consumer<VobizPeer>) peer -> peer.send(json), reason);
    }

    private static String startJson(String streamId, String callId) {
        return "{\"event\":\"start\",\"start\":{\"streamId\":\"" + streamId + "\",\"callId\":\"" + callId
                + "\",\"mediaFormat\":{\"encoding\":\"audio/x-l16\",\"sampleRate\":8000}}}";
    }
}
