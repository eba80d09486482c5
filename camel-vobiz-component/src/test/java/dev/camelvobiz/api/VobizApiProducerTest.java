package dev.camelvobiz.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.camelvobiz.VobizConstants;
import dev.camelvobiz.emulator.CallSpec;
import dev.camelvobiz.emulator.EmulatedCall;
import dev.camelvobiz.emulator.EmulatorOptions;
import dev.camelvobiz.emulator.junit.VobizEmulatorExtension;
import dev.camelvobiz.test.VobizTestSupport;
import java.time.Duration;
import java.util.Map;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** vobiz:api against the emulator's REST API: real HTTP, the emulator checks method, path, casing and auth. */
class VobizApiProducerTest extends VobizTestSupport {

    private static final String AUTH_ID = "MA_APITEST";
    private static final String TOKEN = "api-test-token";

    @RegisterExtension
    static final VobizEmulatorExtension VOBIZ = new VobizEmulatorExtension(
            EmulatorOptions.defaults().authId(AUTH_ID).authToken(TOKEN));

    private EmulatedCall call;
    private String streamId;

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from(streamUri(""))
                        .filter(header(VobizConstants.EVENT).in("start", "closed"))
                        .to("mock:lifecycle");
            }
        };
    }

    @BeforeEach
    void placeCall() {
        MockEndpoint lifecycle = getMockEndpoint("mock:lifecycle");
        call = VOBIZ.emulator().call(CallSpec.stream("ws://127.0.0.1:" + port + "/media"));
        await().until(() -> lifecycle.getReceivedCounter() >= 1);
        streamId = lifecycle.getExchanges().get(0).getMessage().getHeader(VobizConstants.STREAM_ID, String.class);
    }

    private String api(String operation, String extra) {
        return "vobiz:api?operation=" + operation + "&authId=" + AUTH_ID + "&authToken=RAW(" + TOKEN + ")&apiBaseUrl="
                + VOBIZ.emulator().restApiUrl() + "&apiRetryDelay=50" + extra;
    }

    private Exchange send(String uri, Object body, Map<String, Object> headers) {
        return template.request(uri, exchange -> {
            exchange.getMessage().setBody(body);
            exchange.getMessage().setHeaders(new java.util.HashMap<>(headers));
        });
    }

    private Map<String, Object> ids() {
        return Map.of(VobizConstants.CALL_ID, call.callUuid(), VobizConstants.STREAM_ID, streamId);
    }

    @Test
    void stopStreamStopsItAndASecondStopCountsAsAlreadyStopped() {
        Exchange first = send(api("stopStream", ""), null, ids());
        assertThat(first.getException()).isNull();
        assertThat(first.getMessage().getHeader(VobizConstants.ALREADY_STOPPED)).isEqualTo(false);
        await().until(() -> getMockEndpoint("mock:lifecycle").getReceivedCounter() >= 2); // the closed event

        Exchange second = send(api("stopStream", ""), null, ids());
        assertThat(second.getException()).isNull();
        assertThat(second.getMessage().getHeader(VobizConstants.ALREADY_STOPPED))
                .isEqualTo(true);
    }

    @Test
    void whatTheUriSaysWinsOverHeaders() {
        Map<String, Object> headers = new java.util.HashMap<>(ids());
        headers.put(VobizConstants.API_OPERATION, "stopStream");
        Exchange got = send(api("getStream", ""), null, headers);
        assertThat(got.getException()).isNull();
        assertThat(got.getMessage().getBody()).as("the URI's getStream ran").isInstanceOf(StreamInfo.class);
        assertThat(getMockEndpoint("mock:lifecycle").getReceivedCounter())
                .as("the header's stopStream did not")
                .isEqualTo(1);

        Exchange byHeader = send(
                "vobiz:api?authId=" + AUTH_ID + "&authToken=RAW(" + TOKEN + ")&apiBaseUrl="
                        + VOBIZ.emulator().restApiUrl(),
                null,
                Map.of(
                        VobizConstants.CALL_ID,
                        call.callUuid(),
                        VobizConstants.STREAM_ID,
                        streamId,
                        VobizConstants.API_OPERATION,
                        "getStream"));
        assertThat(byHeader.getMessage().getBody())
                .as("a URI without an operation takes the header's")
                .isInstanceOf(StreamInfo.class);
    }

    @Test
    void aWrongTokenIsAClearExceptionThatDoesNotCarryTheToken() {
        String uri = "vobiz:api?operation=getStream&authId=" + AUTH_ID + "&authToken=RAW(wrong-secret)&apiBaseUrl="
                + VOBIZ.emulator().restApiUrl();
        assertThatThrownBy(() -> template.requestBodyAndHeaders(uri, null, ids()))
                .isInstanceOf(CamelExecutionException.class)
                .cause()
                .isInstanceOf(VobizApiException.class)
                .hasMessageContaining("HTTP 401")
                .hasMessageContaining("authId and authToken")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("wrong-secret"))
                .satisfies(
                        e -> assertThat(((VobizApiException) e).getStatusCode()).isEqualTo(401));
    }

    @Test
    void getsAndListsStreamsAsTypedBodies() {
        StreamInfo stream = send(api("getStream", ""), null, ids()).getMessage().getBody(StreamInfo.class);
        assertThat(stream.streamId()).isEqualTo(streamId);
        assertThat(stream.callId()).isEqualTo(call.callUuid());
        assertThat(stream.status()).isEqualTo("in-progress");
        assertThat(stream.bidirectional()).isTrue();

        StreamList list = send(api("listStreams", ""), null, Map.of(VobizConstants.CALL_ID, call.callUuid()))
                .getMessage()
                .getBody(StreamList.class);
        assertThat(list.total()).isEqualTo(1);
        assertThat(list.streams()).extracting(StreamInfo::streamId).containsExactly(streamId);
    }

    @Test
    void startsAStreamThatConnectsToOurConsumerThenStopsAll() {
        String uri =
                api("startStream", "&streamUrl=ws://127.0.0.1:" + port + "/media&contentType=audio/x-mulaw;rate=8000");
        Exchange started = send(uri, null, Map.of(VobizConstants.CALL_ID, call.callUuid()));

        assertThat(started.getException()).isNull();
        String newStream = started.getMessage().getHeader(VobizConstants.STREAM_ID, String.class);
        assertThat(started.getMessage().getBody(StartStreamResponse.class).streamId())
                .isEqualTo(newStream);
        MockEndpoint lifecycle = getMockEndpoint("mock:lifecycle");
        await().until(() -> lifecycle.getExchanges().stream()
                .anyMatch(e -> newStream.equals(e.getMessage().getHeader(VobizConstants.STREAM_ID))));
        assertThat(lifecycle.getExchanges().get(1).getMessage().getHeader(VobizConstants.ENCODING))
                .isEqualTo("audio/x-mulaw");

        Exchange stopAll = send(api("stopAllStreams", ""), null, Map.of(VobizConstants.CALL_ID, call.callUuid()));
        assertThat(stopAll.getException()).isNull();
        await().until(() -> lifecycle.getExchanges().stream()
                        .filter(e -> "closed".equals(e.getMessage().getHeader(VobizConstants.EVENT)))
                        .count()
                == 2);
    }

    @Test
    void retriesServerErrorsWhereSafeButNeverAStartAndRateLimitsAlways() {
        VOBIZ.emulator().failNextRestRequests(503, 2);
        Exchange got = send(api("getStream", ""), null, ids());
        assertThat(got.getException()).isNull();
        assertThat(got.getMessage().getBody(StreamInfo.class).streamId()).isEqualTo(streamId);

        VOBIZ.emulator().failNextRestRequests(503, 1);
        Exchange start = send(
                api("startStream", "&streamUrl=ws://127.0.0.1:" + port + "/media"),
                null,
                Map.of(VobizConstants.CALL_ID, call.callUuid()));
        assertThat(start.getException())
                .isInstanceOf(VobizApiException.class)
                .hasMessageContaining("HTTP 503")
                .hasMessageContaining("SERVICE_UNAVAILABLE")
                .hasMessageContaining("not retried");
        assertThat(((VobizApiException) start.getException()).isRetrySafe()).isFalse();

        VOBIZ.emulator().failNextRestRequests(429, 1); // refused, so nothing started: retried even for a start
        Exchange retried = send(
                api("startStream", "&streamUrl=ws://127.0.0.1:" + port + "/media"),
                null,
                Map.of(VobizConstants.CALL_ID, call.callUuid()));
        assertThat(retried.getException()).isNull();

        VOBIZ.emulator().failNextRestRequests(503, 5);
        Exchange exhausted = send(api("getStream", "&apiRetries=2"), null, ids());
        assertThat(((VobizApiException) exhausted.getException()).getStatusCode())
                .isEqualTo(503);
        VOBIZ.emulator().failNextRestRequests(503, 0);
    }

    @Test
    void hangsUpTheCallOnceThenReportsItAlreadyEnded() throws Exception {
        Exchange first = send(api("hangupCall", ""), null, Map.of(VobizConstants.CALL_ID, call.callUuid()));
        assertThat(first.getMessage().getHeader(VobizConstants.ALREADY_STOPPED)).isEqualTo(false);
        assertThat(call.awaitHangup(Duration.ofSeconds(5)).source()).isEqualTo("API Request");

        Exchange second = send(api("hangupCall", ""), null, Map.of(VobizConstants.CALL_ID, call.callUuid()));
        assertThat(second.getException()).isNull();
        assertThat(second.getMessage().getHeader(VobizConstants.ALREADY_STOPPED))
                .isEqualTo(true);
    }

    @Test
    void refusesToSendWithoutTheIdsItNeeds() {
        Exchange noCall = send(api("stopStream", ""), null, Map.of());
        assertThat(noCall.getException()).hasMessageContaining("call id");
        Exchange noStream = send(api("getStream", ""), null, Map.of(VobizConstants.CALL_ID, "c"));
        assertThat(noStream.getException()).hasMessageContaining("stream id");
        Exchange noCallToSpeakOn = send(api("speak", ""), "Hello", Map.of());
        assertThat(noCallToSpeakOn.getException()).hasMessageContaining("speak needs a call id");
    }
}
