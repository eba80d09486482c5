package dev.camelvobiz.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.camelvobiz.emulator.record.CallRecord;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Audio Streams REST API (protocol §8) over real HTTP. */
class RestApiTest {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final String AUTH_ID = "MA_TEST01";
    private static final String TOKEN = "rest-secret";

    private final HttpClient http = HttpClient.newHttpClient();
    private ReferenceApp app;
    private Emulator emulator;
    private EmulatedCall call;
    private String streamId;

    @BeforeEach
    void start() throws Exception {
        app = new ReferenceApp();
        emulator = Emulator.start(EmulatorOptions.defaults().authId(AUTH_ID).authToken(TOKEN));
        app.xml(
                "/answer",
                "<Response><Stream bidirectional=\"true\" keepCallAlive=\"true\" statusCallbackUrl=\""
                        + app.http("/events") + "\">" + app.ws("/media") + "</Stream><Wait length=\"30\"/></Response>");
        call = emulator.call(CallSpec.answerUrl(app.http("/answer")));
        streamId = app.awaitSocket().first().path("start").path("streamId").asText();
    }

    @AfterEach
    void stop() throws Exception {
        emulator.close();
        app.close();
    }

    private String callPath() {
        return emulator.restApiUrl() + "/Account/" + AUTH_ID + "/Call/" + call.callUuid() + "/";
    }

    private HttpResponse<String> send(String method, String url, String body, String id, String token)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (id != null) {
            request.header("X-Auth-ID", id).header("X-Auth-Token", token);
        }
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> send(String method, String url) throws Exception {
        return send(method, url, null, AUTH_ID, TOKEN);
    }

    private static JsonNode json(HttpResponse<String> response) throws Exception {
        return ReferenceApp.JSON.readTree(response.body());
    }

    @Test
    void refusesMissingOrWrongCredentialsAndWronglyCasedPaths() throws Exception {
        assertThat(send("GET", callPath() + "Stream/", null, null, null).statusCode())
                .isEqualTo(401);
        HttpResponse<String> wrongToken = send("GET", callPath() + "Stream/", null, AUTH_ID, "nope");
        assertThat(wrongToken.statusCode()).isEqualTo(401);
        assertThat(json(wrongToken).path("error").asText()).isNotEmpty().doesNotContain(TOKEN);
        assertThat(send("GET", callPath().replace("/Account/", "/account/") + "Stream/")
                        .statusCode())
                .isEqualTo(401);
        assertThat(send("GET", callPath() + "stream/").statusCode()).isEqualTo(401);
        assertThat(send("GET", callPath() + "Stream").statusCode()).isEqualTo(404);
        assertThat(wrongToken.headers().firstValue("Server"))
                .as("no server name or version for a scanner")
                .isEmpty();
    }

    @Test
    void listsAndGetsStreams() throws Exception {
        HttpResponse<String> list = send("GET", callPath() + "Stream/?limit=20&offset=0");
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(json(list).path("total").asInt()).isEqualTo(1);
        JsonNode stream = json(list).path("objects").get(0);
        assertThat(stream.path("stream_id").asText()).isEqualTo(streamId);
        assertThat(stream.path("status").asText()).isEqualTo("in-progress");
        assertThat(stream.path("end_time").isNull()).isTrue();
        assertThat(stream.path("resource_uri").asText()).endsWith("/Stream/" + streamId + "/");

        HttpResponse<String> one = send("GET", callPath() + "Stream/" + streamId + "/");
        assertThat(one.statusCode()).isEqualTo(200);
        assertThat(json(one).path("api_id").asText()).isNotEmpty();
        HttpResponse<String> unknown = send("GET", callPath() + "Stream/nope/");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(json(unknown).path("error").asText()).isEqualTo("Stream not found");
    }

    @Test
    void stopsOneStreamWith204WithoutMovingTheCallOnThenAnswers404() throws Exception {
        HttpResponse<String> stopped = send("DELETE", callPath() + "Stream/" + streamId + "/");
        assertThat(stopped.statusCode()).isEqualTo(204);
        assertThat(stopped.body()).as("204: an empty body").isEmpty();
        assertThat(app.sockets().get(0).awaitClose(WAIT).getCode()).isEqualTo(1000);
        await().atMost(WAIT).until(() -> app.requests("/events").stream()
                .anyMatch(r -> "StopStream".equals(r.fields().get("Event"))));

        // the REST stop ends the fork; unlike the app's stop it does not run the next element (<Wait>):
        // nothing else keeps the call alive, so it ends
        CallRecord.Hangup hangup = call.awaitHangup(WAIT);
        assertThat(hangup.source()).isEqualTo("API Request");
        assertThat(call.record().timeline()).noneMatch(entry -> entry.what().equals("wait"));

        HttpResponse<String> again = send("DELETE", callPath() + "Stream/" + streamId + "/");
        assertThat(again.statusCode()).isEqualTo(404);
        assertThat(json(again).path("error").asText()).isEqualTo("Stream not found");
        assertThat(json(again).path("api_id").asText()).isNotEmpty();
        assertThat(json(send("GET", callPath() + "Stream/" + streamId + "/"))
                        .path("error")
                        .asText())
                .as("a stream of a call that has ended: the Stop Stream page's answer")
                .isEqualTo("Stream not found");
    }

    @Test
    void startsAStreamOnALiveCallAndStopsAllIdempotently() throws Exception {
        // a call kept up by its XML (<Wait>), not by a stream, so stopping every stream leaves it up
        app.xml("/waiting", "<Response><Wait length=\"30\"/></Response>");
        call.hangup();
        call = emulator.call(CallSpec.answerUrl(app.http("/waiting")));
        await().atMost(WAIT).until(() -> call.record().timeline().stream()
                .anyMatch(e -> e.what().equals("wait")));
        HttpResponse<String> started = send(
                "POST",
                callPath() + "Stream/",
                "{\"service_url\":\"" + app.ws("/media") + "\",\"audio_track\":\"inbound\",\"bidirectional\":true,"
                        + "\"content_type\":\"audio/x-mulaw;rate=8000\"}",
                AUTH_ID,
                TOKEN);
        assertThat(started.statusCode()).isEqualTo(202);
        assertThat(json(started).path("message").asText()).isEqualTo("audio streaming started");
        String second = json(started).path("stream_id").asText();
        ReferenceApp.AgentSocket socket = app.awaitSocket();
        assertThat(socket.first().path("start").path("streamId").asText()).isEqualTo(second);
        assertThat(socket.first()
                        .path("start")
                        .path("mediaFormat")
                        .path("encoding")
                        .asText())
                .isEqualTo("audio/x-mulaw");

        assertThat(send("DELETE", callPath() + "Stream/").statusCode()).isEqualTo(204);
        assertThat(socket.awaitClose(WAIT).getCode()).isEqualTo(1000);
        assertThat(send("DELETE", callPath() + "Stream/").statusCode()).isEqualTo(204);
        assertThat(call.record().isEnded())
                .as("a REST stop ends the fork, not the call")
                .isFalse();

        assertThat(send("POST", callPath() + "Stream/", "{}", AUTH_ID, TOKEN).statusCode())
                .isEqualTo(400);
    }

    @Test
    void hangsUpTheCallThenAnswers404() throws Exception {
        assertThat(send("DELETE", callPath()).statusCode()).isEqualTo(204);
        assertThat(call.awaitHangup(WAIT).source()).isEqualTo("API Request");
        HttpResponse<String> again = send("DELETE", callPath());
        assertThat(again.statusCode()).isEqualTo(404);
        assertThat(json(again).path("error").asText()).isEqualTo("Call not found");
        assertThat(send("GET", callPath() + "Stream/").statusCode()).isEqualTo(404);
        assertThat(json(send("DELETE", callPath() + "Stream/" + streamId + "/"))
                        .path("error")
                        .asText())
                .isEqualTo("Stream not found");
    }

    @Test
    void injectedFailuresAnswerWithThePlatformEnvelope() throws Exception {
        emulator.failNextRestRequests(429, 1);
        HttpResponse<String> limited = send("GET", callPath() + "Stream/");
        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(json(limited).path("status").asText()).isEqualTo("error");
        assertThat(json(limited).path("error").path("code").asText()).isEqualTo("RATE_LIMITED");
        assertThat(send("GET", callPath() + "Stream/").statusCode()).isEqualTo(200);
    }

    @Test
    void signsCallbacksSoAReceiverCanCheckThem() throws Exception {
        await().atMost(WAIT).until(() -> !app.requests("/events").isEmpty());
        ReferenceApp.Received callback = app.requests("/events").get(0);
        String nonce = callback.headers().get(CallbackSignature.V3_NONCE);
        assertThat(callback.headers().get(CallbackSignature.V3))
                .isEqualTo(CallbackSignature.v3(app.http("/events"), nonce, TOKEN))
                .isNotEqualTo(CallbackSignature.v3(app.http("/events"), nonce, "another-token"));
        assertThat(emulator.options().toString()).doesNotContain(TOKEN);
    }
}
