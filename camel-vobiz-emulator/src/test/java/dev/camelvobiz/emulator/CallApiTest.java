package dev.camelvobiz.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Call API (protocol §8, §9) over real HTTP, against an app that only records what it is sent. */
class CallApiTest {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final String AUTH_ID = "MA_CALLAPI";
    private static final String TOKEN = "call-api-secret";

    private final HttpClient http = HttpClient.newHttpClient();
    private ReferenceApp app;
    private Emulator emulator;

    @BeforeEach
    void start() throws Exception {
        app = new ReferenceApp();
        app.xml("/answer", "<Response><Speak>Hello</Speak><Wait length=\"30\"/></Response>");
        app.xml("/moved", "<Response><Speak>Moved</Speak></Response>");
        emulator = Emulator.start(EmulatorOptions.defaults().authId(AUTH_ID).authToken(TOKEN));
    }

    @AfterEach
    void stop() throws Exception {
        emulator.close();
        app.close();
    }

    private HttpResponse<String> send(String method, String path, String body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(
                        URI.create(emulator.restApiUrl() + "/Account/" + AUTH_ID + "/Call/" + path))
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .header("X-Auth-ID", AUTH_ID)
                .header("X-Auth-Token", TOKEN)
                .header("Content-Type", "application/json")
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private String makeCall(String to, String extra) throws Exception {
        HttpResponse<String> placed = send(
                "POST",
                "",
                "{\"from\":\"+918000000001\",\"to\":\"" + to + "\",\"answer_url\":\"" + app.http("/answer")
                        + "\",\"hangup_url\":\"" + app.http("/hangup") + "\",\"ring_url\":\"" + app.http("/ring")
                        + "\"" + extra + "}");
        assertThat(placed.statusCode()).isEqualTo(201);
        JsonNode reply = ReferenceApp.JSON.readTree(placed.body());
        assertThat(reply.path("message").asText()).isEqualTo("Call fired");
        return reply.path("request_uuid").asText();
    }

    @Test
    void aPlacedCallRingsIsAnsweredAsOutboundAndCarriesItsRequestId() throws Exception {
        String requestUuid = makeCall("+919800000001", "");
        await().atMost(WAIT).until(() -> !app.requests("/answer").isEmpty());
        ReferenceApp.Received answer = app.requests("/answer").get(0);
        assertThat(answer.fields())
                .containsEntry("Direction", "outbound")
                .containsEntry("ALegRequestUUID", requestUuid)
                .containsEntry("To", "+919800000001")
                .containsKey("ALegUUID");
        assertThat(app.requests("/ring").get(0).fields()).containsEntry("CallStatus", "ringing");

        EmulatedCall call = emulator.callsOfRequest(requestUuid).get(0);
        HttpResponse<String> live = send("GET", "?status=live", null);
        assertThat(ReferenceApp.JSON.readTree(live.body()).path("calls").toString())
                .contains(call.callUuid());
        JsonNode details = ReferenceApp.JSON.readTree(
                send("GET", call.callUuid() + "/?status=live", null).body());
        assertThat(details.path("request_uuid").asText()).isEqualTo(requestUuid);

        HttpResponse<String> moved =
                send("POST", call.callUuid() + "/", "{\"legs\":\"aleg\",\"aleg_url\":\"" + app.http("/moved") + "\"}");
        assertThat(moved.statusCode()).isEqualTo(202);
        assertThat(call.awaitHangup(WAIT).causeCode()).isEqualTo("4010"); // the moved document ran out
        assertThat(app.requests("/moved").get(0).fields()).containsEntry("Event", "Transfer");
        await().atMost(WAIT).until(() -> !app.requests("/hangup").isEmpty());
        assertThat(app.requests("/hangup").get(0).fields())
                .containsEntry("CallStatus", "completed")
                .containsEntry("ALegRequestUUID", requestUuid);
    }

    @Test
    void busyUnansweredUnreachableAndMachineDestinationsEndAsVobizReportsThem() throws Exception {
        emulator.callee("+919800000002", Callee.busy())
                .callee("+919800000003", Callee.noAnswer(Duration.ofSeconds(30)))
                .callee("+919800000004", Callee.fails())
                .callee("+919800000005", Callee.machineAfter(Duration.ofMillis(50)));
        makeCall("+919800000002<+919800000004", ""); // one request, two destinations
        makeCall("+919800000003", ",\"ring_timeout\":1"); // the request's ring timeout wins
        makeCall("+919800000005", ",\"machine_detection\":\"true\"");

        await().atMost(WAIT)
                .until(() -> app.requests("/hangup").size() >= 3
                        && !app.requests("/answer").isEmpty());
        assertThat(app.requests("/hangup"))
                .extracting(r -> r.fields().get("To") + " " + r.fields().get("CallStatus"))
                .contains("+919800000002 busy", "+919800000003 no-answer", "+919800000004 failed");
        assertThat(app.requests("/ring")).extracting(r -> r.fields().get("To")).doesNotContain("+919800000002");
        assertThat(app.requests("/answer").get(0).fields()).containsEntry("Machine", "true");
    }

    @Test
    void anAnswerUrlThatFailsFallsBackToTheFallbackUrl() throws Exception {
        makeCall( // the later answer_url wins over the one makeCall writes: nothing listens on port 1
                "+919800000006",
                ",\"answer_url\":\"http://127.0.0.1:1/nothing-listens\",\"fallback_url\":\"" + app.http("/moved")
                        + "\"");
        await().atMost(WAIT).until(() -> !app.requests("/moved").isEmpty());
        assertThat(app.requests("/moved").get(0).fields()).containsEntry("Event", "StartApp");
    }

    @Test
    void refusesARequestWithoutWhatVobizRequires() throws Exception {
        HttpResponse<String> noTo = send("POST", "", "{\"from\":\"+918000000001\",\"answer_url\":\"http://x/a\"}");
        assertThat(noTo.statusCode()).isEqualTo(400);
        assertThat(noTo.body()).contains("to is required");
        HttpResponse<String> badUrl =
                send("POST", "", "{\"from\":\"+918000000001\",\"to\":\"+919800000001\",\"answer_url\":\"ftp://x\"}");
        assertThat(badUrl.statusCode()).isEqualTo(400);
        assertThat(send("POST", "no-such-call/Speak/", "{\"text\":\"hi\"}").statusCode())
                .isEqualTo(404);
        assertThat(emulator.calls()).isEmpty();
    }
}
