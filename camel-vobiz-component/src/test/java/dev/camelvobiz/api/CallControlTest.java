package dev.camelvobiz.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.camelvobiz.VobizComponent;
import dev.camelvobiz.VobizConstants;
import dev.camelvobiz.answer.VobizXml;
import dev.camelvobiz.emulator.Callee;
import dev.camelvobiz.emulator.EmulatedCall;
import dev.camelvobiz.emulator.EmulatorOptions;
import dev.camelvobiz.emulator.junit.VobizEmulatorExtension;
import dev.camelvobiz.emulator.record.CallRecord;
import dev.camelvobiz.test.VobizTestSupport;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Placing and steering calls from routes through the emulator's Call API: makeCall's request id comes
 * back on the answer and the hang-up of the call it placed; busy, unanswered and unreachable numbers end
 * with their own status; a live call is listed, looked up, spoken and played to, sent digits, recorded,
 * transferred and hung up; bad requests fail before anything is sent, and failures say whether a retry
 * is safe.
 */
class CallControlTest extends VobizTestSupport {

    private static final String AUTH_ID = "MA_CALLS";
    private static final String TOKEN = "call-control-token";
    private static final Duration WAIT = Duration.ofSeconds(15);

    @RegisterExtension
    static final VobizEmulatorExtension VOBIZ = new VobizEmulatorExtension(
            EmulatorOptions.defaults().authId(AUTH_ID).authToken(TOKEN));

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext camel = super.createCamelContext();
        VobizComponent vobiz = camel.getComponent("vobiz", VobizComponent.class);
        vobiz.getConfiguration().setAuthId(AUTH_ID);
        vobiz.getConfiguration().setAuthToken(TOKEN);
        vobiz.getConfiguration().setApiBaseUrl(VOBIZ.emulator().restApiUrl().toString());
        vobiz.getConfiguration().setApiRetryDelay(50);
        return camel;
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        String on = onThisServer();
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("vobiz:answer" + on + "&path=/answer")
                        .to("mock:answers")
                        .setBody(constant(VobizXml.response()
                                .speak("Your parcel arrives tomorrow")
                                .waitFor(30)));
                from("vobiz:answer" + on + "&path=/transferred")
                        .to("mock:transferred")
                        .setBody(constant(VobizXml.response().speak("Connecting you to an agent")));
                from("vobiz:callback" + on + "&path=/events").to("mock:hangups");
                from("direct:call")
                        .to("vobiz:api?operation=makeCall&from=+918000000001&answerUrl=http://127.0.0.1:" + port
                                + "/answer&hangupUrl=http://127.0.0.1:" + port + "/events");
            }
        };
    }

    private Exchange send(String uri, Object body, Map<String, Object> headers) {
        return template.request(uri, exchange -> {
            exchange.getMessage().setBody(body);
            exchange.getMessage().setHeaders(new HashMap<>(headers));
        });
    }

    private String place(String to) {
        Exchange placed = send("direct:call", null, Map.of(VobizConstants.TO, to));
        assertThat(placed.getException()).isNull();
        MakeCallResponse response = placed.getMessage().getBody(MakeCallResponse.class);
        assertThat(response.message()).isEqualTo("Call fired");
        assertThat(placed.getMessage().getHeader(VobizConstants.REQUEST_UUID)).isEqualTo(response.requestUuid());
        return response.requestUuid();
    }

    private Exchange hangupOf(String requestUuid) {
        MockEndpoint hangups = getMockEndpoint("mock:hangups");
        await().atMost(WAIT).until(() -> hangups.getExchanges().stream()
                .anyMatch(e -> requestUuid.equals(e.getMessage().getHeader(VobizConstants.REQUEST_UUID))));
        return hangups.getExchanges().stream()
                .filter(e -> requestUuid.equals(e.getMessage().getHeader(VobizConstants.REQUEST_UUID)))
                .findFirst()
                .orElseThrow();
    }

    private EmulatedCall callOf(String requestUuid) {
        await().atMost(WAIT)
                .until(() -> !VOBIZ.emulator().callsOfRequest(requestUuid).isEmpty());
        return VOBIZ.emulator().callsOfRequest(requestUuid).get(0);
    }

    private static Map<String, Object> callId(EmulatedCall call) {
        return Map.of(VobizConstants.CALL_ID, call.callUuid());
    }

    @Test
    void aPlacedCallIsAnsweredAndItsAnswerAndHangupCarryTheRequestId() throws Exception {
        String requestUuid = place("+919800000001");

        MockEndpoint answers = getMockEndpoint("mock:answers");
        await().atMost(WAIT).until(() -> answers.getReceivedCounter() >= 1);
        Exchange answer = answers.getExchanges().get(answers.getReceivedCounter() - 1);
        assertThat(answer.getMessage().getHeader(VobizConstants.REQUEST_UUID)).isEqualTo(requestUuid);
        assertThat(answer.getMessage().getHeader(VobizConstants.DIRECTION)).isEqualTo("outbound");
        assertThat(answer.getMessage().getHeader(VobizConstants.TO)).isEqualTo("+919800000001");

        EmulatedCall call = callOf(requestUuid);
        Exchange hungUp = send("vobiz:api?operation=hangupCall", null, callId(call));
        assertThat(hungUp.getException()).isNull();
        Exchange hangup = hangupOf(requestUuid);
        assertThat(hangup.getMessage().getHeader(VobizConstants.CALL_STATUS)).isEqualTo("completed");
        assertThat(hangup.getMessage().getHeader(VobizConstants.CALL_ID)).isEqualTo(call.callUuid());
    }

    @Test
    void busyUnansweredAndUnreachableNumbersEndWithTheirOwnStatus() {
        VOBIZ.emulator()
                .callee("+919800000002", Callee.busy())
                .callee("+919800000003", Callee.noAnswer(Duration.ofMillis(300)))
                .callee("+919800000004", Callee.fails());

        assertThat(hangupOf(place("+919800000002")).getMessage().getHeader(VobizConstants.CALL_STATUS))
                .isEqualTo("busy");
        assertThat(hangupOf(place("+919800000003")).getMessage().getHeader(VobizConstants.CALL_STATUS))
                .isEqualTo("no-answer");
        assertThat(hangupOf(place("+919800000004")).getMessage().getHeader(VobizConstants.CALL_STATUS))
                .isEqualTo("failed");
    }

    @Test
    void aMachineIsHungUpOnWhenDetectionSaysHangup() {
        VOBIZ.emulator().callee("+919800000005", Callee.machineAfter(Duration.ofMillis(100)));
        Exchange placed = send(
                "vobiz:api?operation=makeCall",
                MakeCallRequest.call("+918000000001", "+919800000005", "http://127.0.0.1:" + port + "/answer")
                        .hangupUrl("http://127.0.0.1:" + port + "/events")
                        .machineDetection("hangup"),
                Map.of());
        String requestUuid = placed.getMessage().getBody(MakeCallResponse.class).requestUuid();

        Exchange hangup = hangupOf(requestUuid);
        assertThat(hangup.getIn().getBody(Map.class)).containsEntry("HangupCause", "Machine Detected");
        assertThat(getMockEndpoint("mock:answers").getExchanges())
                .noneMatch(e -> requestUuid.equals(e.getMessage().getHeader(VobizConstants.REQUEST_UUID)));
    }

    @Test
    void aLiveCallIsListedLookedUpSpokenToPlayedToSentDigitsRecordedAndTransferred() throws Exception {
        String requestUuid = place("+919800000006");
        EmulatedCall call = callOf(requestUuid);
        await().atMost(WAIT).until(() -> getMockEndpoint("mock:answers").getExchanges().stream()
                .anyMatch(e -> requestUuid.equals(e.getMessage().getHeader(VobizConstants.REQUEST_UUID))));

        LiveCallList live = send("vobiz:api?operation=listCalls", null, Map.of())
                .getMessage()
                .getBody(LiveCallList.class);
        assertThat(live.calls()).contains(call.callUuid());
        LiveCall details = send("vobiz:api?operation=getCall", null, callId(call))
                .getMessage()
                .getBody(LiveCall.class);
        assertThat(details.requestUuid()).isEqualTo(requestUuid);
        assertThat(details.direction()).isEqualTo("outbound");
        assertThat(details.to()).isEqualTo("+919800000006");

        Exchange spoken = send("vobiz:api?operation=speak", "Please hold", callId(call));
        assertThat(spoken.getMessage().getBody(CallActionResponse.class).message())
                .isEqualTo("speak started");
        assertThat(send("vobiz:api?operation=stopSpeak", null, callId(call)).getException())
                .isNull();

        String wavUrl = serveWav();
        Exchange played = send("vobiz:api?operation=play", List.of(wavUrl), callId(call));
        assertThat(played.getException()).isNull();
        assertThat(played.getMessage().getBody(CallActionResponse.class).message())
                .isEqualTo("play started");

        assertThat(send("vobiz:api?operation=sendDtmf", "12#", callId(call)).getException())
                .isNull();

        Exchange recording = send(
                "vobiz:api?operation=startRecording",
                Map.of("time_limit", 120, "file_format", "wav", "callback_url", "http://127.0.0.1:" + port + "/events"),
                callId(call));
        CallActionResponse started = recording.getMessage().getBody(CallActionResponse.class);
        assertThat(started.recordingId()).isNotBlank();
        assertThat(send("vobiz:api?operation=stopRecording", null, callId(call)).getException())
                .isNull();
        HttpResponse<byte[]> file = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(started.url())).build(),
                        HttpResponse.BodyHandlers.ofByteArray());
        assertThat(file.statusCode()).isEqualTo(200);
        assertThat(new String(file.body(), 0, 4)).isEqualTo("RIFF");

        Exchange transferred = send(
                "vobiz:api?operation=transferCall&answerUrl=http://127.0.0.1:" + port + "/transferred",
                null,
                callId(call));
        assertThat(transferred.getException()).isNull();
        assertThat(transferred.getMessage().getBody(CallActionResponse.class).message())
                .isEqualTo("call transferred");
        MockEndpoint afterTransfer = getMockEndpoint("mock:transferred");
        await().atMost(WAIT).until(() -> afterTransfer.getReceivedCounter() >= 1);
        assertThat(afterTransfer.getExchanges().get(0).getMessage().getHeader(VobizConstants.EVENT))
                .isEqualTo("Transfer");

        CallRecord.Hangup end = call.awaitHangup(WAIT); // the transferred answer speaks and runs out
        assertThat(end.causeCode()).isEqualTo("4010");
        assertThat(call.record().timeline())
                .extracting(CallRecord.Entry::what)
                .containsSubsequence(
                        "speak (api)", "play (api)", "dtmf (api)", "recording", "transfer", "speak", "hangup");
        assertThat(call.record().callbacks())
                .anyMatch(c -> started.recordingId().equals(c.fields().get("recording_id")));
    }

    @Test
    void aRequestWithoutAFieldVobizRequiresFailsBeforeAnythingIsSentNamingIt() {
        int callsBefore = VOBIZ.emulator().calls().size();
        Exchange noTo = send("direct:call", null, Map.of());
        assertThat(noTo.getException())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("makeCall needs to (option to, header CamelVobizTo");
        Exchange badUrl = send(
                "vobiz:api?operation=makeCall&from=+918000000001&to=+919800000001",
                null,
                Map.of(VobizConstants.ANSWER_URL, "ftp://nowhere"));
        assertThat(badUrl.getException()).hasMessageContaining("answer_url").hasMessageContaining("http(s) URL");
        Exchange badDigits = send("vobiz:api?operation=sendDtmf&callId=abc", "12x", Map.of());
        assertThat(badDigits.getException()).hasMessageContaining("digits may hold only");
        Exchange noText = send("vobiz:api?operation=speak&callId=abc", "", Map.of());
        assertThat(noText.getException()).hasMessageContaining("speak needs text");
        assertThat(VOBIZ.emulator().calls()).hasSize(callsBefore);
    }

    @Test
    void aRateLimitIsRetriedButAServerErrorNeverPlacesTheCallTwice() {
        int callsBefore = VOBIZ.emulator().calls().size();
        VOBIZ.emulator().failNextRestRequests(429, 1);
        Exchange limited = send("direct:call", null, Map.of(VobizConstants.TO, "+919800000007"));
        assertThat(limited.getException())
                .as("429 refused it; the retry placed it")
                .isNull();
        assertThat(VOBIZ.emulator().calls()).hasSize(callsBefore + 1);

        VOBIZ.emulator().failNextRestRequests(503, 1);
        Exchange failed = send("direct:call", null, Map.of(VobizConstants.TO, "+919800000008"));
        assertThat(failed.getException()).isInstanceOf(VobizApiException.class);
        VobizApiException error = (VobizApiException) failed.getException();
        assertThat(error.getStatusCode()).isEqualTo(503);
        assertThat(error.isRetrySafe()).isFalse();
        assertThat(error.getMessage()).contains("the call may have been placed");
        assertThat(VOBIZ.emulator().calls()).as("not repeated").hasSize(callsBefore + 1);

        VOBIZ.emulator().failNextRestRequests(429, 10);
        Exchange stillLimited = send("direct:call", null, Map.of(VobizConstants.TO, "+919800000009"));
        VobizApiException refused = (VobizApiException) stillLimited.getException();
        assertThat(refused.getStatusCode()).isEqualTo(429);
        assertThat(refused.isRetrySafe()).isTrue();
        VOBIZ.emulator().failNextRestRequests(429, 0);
    }

    /** A one-second WAV served on a free port of this test, for the play operation to fetch. */
    private String serveWav() throws Exception {
        com.sun.net.httpserver.HttpServer server =
                com.sun.net.httpserver.HttpServer.create(new java.net.InetSocketAddress("127.0.0.1", 0), 0);
        byte[] wav = dev.camelvobiz.emulator.audio.Wav.toBytes(dev.camelvobiz.emulator.audio.Pcm.tone(440, 8000, 1000));
        server.createContext("/hold.wav", exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "audio/wav");
            exchange.sendResponseHeaders(200, wav.length);
            try (var body = exchange.getResponseBody()) {
                body.write(wav);
            }
        });
        server.start();
        context.addService(new org.apache.camel.support.service.ServiceSupport() {
            @Override
            protected void doStop() {
                server.stop(0);
            }
        });
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hold.wav";
    }
}
