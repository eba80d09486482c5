package dev.camelvobiz.internal.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import dev.camelvobiz.VobizConstants;
import dev.camelvobiz.answer.MiniVoice;
import dev.camelvobiz.answer.VobizXml;
import dev.camelvobiz.emulator.CallbackSignature;
import dev.camelvobiz.test.VobizTestSupport;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.Test;

/** vobiz:answer and vobiz:callback over real HTTP: fields in, documents out, signatures checked. */
class WebhookConsumersTest extends VobizTestSupport {

    private static final String TOKEN = "callback-token";
    private static final String FORM = "CallUUID=call-1&From=918071387423&To=918035739911&Direction=inbound"
            + "&CallStatus=in-progress&Event=StartApp&X-VH-tenant=acme";

    private final HttpClient http = HttpClient.newHttpClient();

    @Override
    protected RouteBuilder createRouteBuilder() {
        String on = onThisServer();
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("vobiz:answer" + on + "&path=/answer")
                        .to("mock:answer")
                        .setBody(constant(
                                VobizXml.response().stream("wss://example.com/media?a=1&b=2", s -> s.bidirectional(true)
                                        .keepCallAlive(true))));
                from("vobiz:answer" + on + "&path=/default&streamPath=/media&statusCallbackPath=/events")
                        .to("mock:default");
                from("vobiz:answer" + on + "&path=/failing")
                        .throwException(new IllegalStateException("internal detail 42"));
                from("vobiz:answer" + on + "&path=/minivoice")
                        .setBody(constant(MiniVoice.actions().say("Hello")));
                from("vobiz:answer" + on + "&path=/yaml").setBody(constant("- speak: Hello\n- hangup: {}\n"));
                from("vobiz:answer" + on + "&path=/invalid")
                        .setBody(constant(VobizXml.response().stream("wss://a/m", s -> s.keepCallAlive(true))));
                from("vobiz:callback" + on + "&path=/events").to("mock:events");
                from("vobiz:callback" + on + "&path=/signed&authToken=RAW(" + TOKEN + ")")
                        .to("mock:signed");
            }
        };
    }

    private String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    private HttpResponse<String> post(String path, String contentType, String body, Map<String, String> headers)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url(path)))
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(request::header);
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> postForm(String path, String form) throws Exception {
        return post(path, "application/x-www-form-urlencoded", form, Map.of());
    }

    @Test
    void answerTurnsTheFormIntoHeadersAndAMapAndRepliesWithTheRoutesDocument() throws Exception {
        MockEndpoint answer = getMockEndpoint("mock:answer");
        answer.expectedMessageCount(1);

        HttpResponse<String> response = postForm("/answer", FORM);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/xml");
        assertThat(response.body())
                .isEqualTo("<Response><Stream bidirectional=\"true\" keepCallAlive=\"true\">"
                        + "wss://example.com/media?a=1&amp;b=2</Stream></Response>");
        answer.assertIsSatisfied();
        var message = answer.getExchanges().get(0).getMessage();
        assertThat(message.getHeader(VobizConstants.CALL_ID)).isEqualTo("call-1");
        assertThat(message.getHeader(VobizConstants.FROM)).isEqualTo("918071387423");
        assertThat(message.getHeader(VobizConstants.TO)).isEqualTo("918035739911");
        assertThat(message.getHeader(VobizConstants.DIRECTION)).isEqualTo("inbound");
        assertThat(message.getHeader(VobizConstants.CALL_STATUS)).isEqualTo("in-progress");
        assertThat(message.getHeader(VobizConstants.EVENT)).isEqualTo("StartApp");
        assertThat(message.getHeader("X-VH-tenant"))
                .as("raw fields stay in the body")
                .isNull();
        assertThat(message.getBody(Map.class))
                .containsEntry("X-VH-tenant", "acme")
                .hasSize(7);
    }

    @Test
    void answerAcceptsGetWithAQueryString() throws Exception {
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create(url("/answer?" + FORM))).GET().build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(getMockEndpoint("mock:answer")
                        .getExchanges()
                        .get(0)
                        .getMessage()
                        .getHeader(VobizConstants.CALL_ID))
                .isEqualTo("call-1");
    }

    @Test
    void aRouteThatSetsNoAnswerGetsTheDefaultStreamToOurOwnConsumer() throws Exception {
        HttpResponse<String> response = postForm("/default", FORM);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body())
                .isEqualTo(
                        "<Response><Stream bidirectional=\"true\" keepCallAlive=\"true\" statusCallbackUrl=\"http://127.0.0.1:"
                                + port + "/events\">ws://127.0.0.1:" + port + "/media</Stream></Response>");
    }

    @Test
    void aFailingRouteGets500WithoutItsInternals() throws Exception {
        HttpResponse<String> failing = postForm("/failing", FORM);
        HttpResponse<String> invalid = postForm("/invalid", FORM);

        assertThat(failing.statusCode()).isEqualTo(500);
        assertThat(failing.body()).doesNotContain("internal detail 42").doesNotContain("at dev.");
        assertThat(invalid.statusCode()).isEqualTo(500);
    }

    @Test
    void answersMiniVoiceAsJsonAndTheYamlDataFormAsXml() throws Exception {
        HttpResponse<String> miniVoice = postForm("/minivoice", FORM);
        assertThat(miniVoice.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/json");
        assertThat(miniVoice.body()).isEqualTo("{\"actions\":[{\"say\":{\"text\":\"Hello\"}}]}");

        HttpResponse<String> yaml = postForm("/yaml", FORM);
        assertThat(yaml.body()).isEqualTo("<Response><Speak>Hello</Speak><Hangup/></Response>");
    }

    @Test
    void callbacksBecomeExchangesAndGet204() throws Exception {
        MockEndpoint events = getMockEndpoint("mock:events");
        events.expectedMessageCount(3);

        HttpResponse<String> played =
                postForm("/events", "Event=PlayedStream&CallUUID=call-1&StreamID=stream-1&Name=greeting&Error=");
        HttpResponse<String> json = post(
                "/events",
                "application/x-www-form-urlencoded",
                "{\"Event\":\"connected\",\"StreamID\":\"s-2\"}",
                Map.of());
        HttpResponse<String> get = http.send(
                HttpRequest.newBuilder(URI.create(url("/events?Event=Hangup&CallUUID=call-1&HangupCauseCode=4010")))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(played.statusCode()).isEqualTo(204);
        assertThat(json.statusCode()).isEqualTo(204);
        assertThat(get.statusCode()).isEqualTo(204);
        events.assertIsSatisfied();
        var first = events.getExchanges().get(0).getMessage();
        assertThat(first.getHeader(VobizConstants.EVENT)).isEqualTo("PlayedStream");
        assertThat(first.getHeader(VobizConstants.STREAM_ID)).isEqualTo("stream-1");
        assertThat(first.getHeader(VobizConstants.CHECKPOINT_NAME)).isEqualTo("greeting");
        assertThat(events.getExchanges().get(1).getMessage().getHeader(VobizConstants.EVENT))
                .isEqualTo("connected");
        assertThat(events.getExchanges().get(2).getMessage().getBody(Map.class))
                .containsEntry("HangupCauseCode", "4010");
    }

    @Test
    void signedCallbacksPassAndEverythingElseIs403WithoutReachingTheRoute() throws Exception {
        MockEndpoint signed = getMockEndpoint("mock:signed");
        signed.expectedMessageCount(2);
        String form = "Event=StartStream&CallUUID=call-1&StreamID=s-1";
        String nonce = "12345678901234567890";
        String good = CallbackSignature.v3(url("/signed"), nonce, TOKEN);
        String wrong = CallbackSignature.v3(url("/signed"), nonce, "another-token");

        assertThat(postForm("/signed", form).statusCode()).as("unsigned").isEqualTo(403);
        assertThat(post(
                                "/signed",
                                "application/x-www-form-urlencoded",
                                form,
                                Map.of(CallbackSignature.V3, wrong, CallbackSignature.V3_NONCE, nonce))
                        .statusCode())
                .as("wrong key")
                .isEqualTo(403);
        assertThat(post(
                                "/signed",
                                "application/x-www-form-urlencoded",
                                form,
                                Map.of(CallbackSignature.V3, "rotated," + good, CallbackSignature.V3_NONCE, nonce))
                        .statusCode())
                .as("one of several signatures matches")
                .isEqualTo(204);

        String json = "{\"event\":\"call.completed\",\"call\":{\"id\":\"mv-1\",\"status\":\"completed\"}}";
        String timestamp = Long.toString(System.currentTimeMillis() / 1000);
        assertThat(post(
                                "/signed",
                                "application/json",
                                json,
                                Map.of(
                                        "X-MiniVoice-Timestamp",
                                        timestamp,
                                        "X-MiniVoice-Signature",
                                        "v1=" + miniVoiceHmac(timestamp + "." + json)))
                        .statusCode())
                .as("MiniVoice v1")
                .isEqualTo(204);
        String stale = Long.toString(System.currentTimeMillis() / 1000 - 3600);
        assertThat(post(
                                "/signed",
                                "application/json",
                                json,
                                Map.of(
                                        "X-MiniVoice-Timestamp",
                                        stale,
                                        "X-MiniVoice-Signature",
                                        "v1=" + miniVoiceHmac(stale + "." + json)))
                        .statusCode())
                .as("replayed an hour later")
                .isEqualTo(403);

        signed.assertIsSatisfied();
        var miniVoice = signed.getExchanges().get(1).getMessage();
        assertThat(miniVoice.getHeader(VobizConstants.EVENT)).isEqualTo("call.completed");
        assertThat(miniVoice.getHeader(VobizConstants.CALL_ID)).isEqualTo("mv-1");
    }

    @Test
    void refusesOversizedAndUnreadableBodies() throws Exception {
        assertThat(postForm("/events", "Event=x&pad=" + "a".repeat(300_000)).statusCode())
                .isEqualTo(413);
        assertThat(post("/events", "application/json", "{broken", Map.of()).statusCode())
                .isEqualTo(400);
        assertThat(post("/events", "text/plain", "hello", Map.of()).statusCode())
                .isEqualTo(415);
        getMockEndpoint("mock:events").expectedMessageCount(0);
        getMockEndpoint("mock:events").assertIsSatisfied();
    }

    private static String miniVoiceHmac(String text) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(TOKEN.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
    }
}
