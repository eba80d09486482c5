package dev.camelvobiz.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.camelvobiz.VobizComponent;
import dev.camelvobiz.emulator.CallbackSignature;
import dev.camelvobiz.test.VobizTestSupport;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.apache.camel.BindToRegistry;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.support.processor.idempotent.MemoryIdempotentRepository;
import org.apache.camel.test.AvailablePortFinder;
import org.junit.jupiter.api.Test;

/**
 * A Vobiz signature covers the URL and a nonce, not the body: a captured request sent again, with the
 * same body or another, is refused (403, counted) and never reaches the route. A request the route
 * failed may be retried with its signature; a MiniVoice request is refused the second time too. Two
 * instances (two components here) that share a repository refuse a request the other accepted.
 */
class ReplayedWebhooksTest extends VobizTestSupport {

    private static final String TOKEN = "replay-token";
    private static final String PUBLIC_URL = "https://calls.example.com";
    private static final String FORM = "Event=Hangup&CallUUID=call-1&HangupCause=NORMAL_CLEARING";

    private final int secondPort = AvailablePortFinder.getNextAvailable();
    private final HttpClient http = HttpClient.newHttpClient();
    private final AtomicBoolean failNext = new AtomicBoolean();

    @BindToRegistry("meters")
    private final MeterRegistry meters = new SimpleMeterRegistry();

    @BindToRegistry("sharedSignatures")
    private final IdempotentRepository shared = MemoryIdempotentRepository.memoryIdempotentRepository(1000);

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext camel = super.createCamelContext();
        camel.addComponent("vobiz2", new VobizComponent()); // a second instance of the application
        return camel;
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                String signed = "&authToken=RAW(" + TOKEN + ")";
                from("vobiz:callback" + onThisServer() + "&path=/events" + signed)
                        .process(e -> {
                            if (failNext.getAndSet(false)) {
                                throw new IllegalStateException("the route failed this time");
                            }
                        })
                        .to("mock:events");
                // two instances of one application behind one public URL, with and without a shared memory
                String behindOneUrl = signed + "&publicUrl=" + PUBLIC_URL;
                for (String instance : new String[] {
                    "vobiz:callback" + onThisServer(), "vobiz2:callback?host=127.0.0.1&port=" + secondPort
                }) {
                    from(instance + "&path=/shared" + behindOneUrl + "&replayRepository=#sharedSignatures")
                            .to("mock:shared");
                    from(instance + "&path=/own" + behindOneUrl).to("mock:own");
                }
            }
        };
    }

    private int post(int toPort, String path, String body, Map<String, String> headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + toPort + path))
                .header("Content-Type", body.startsWith("{") ? "application/json" : "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(request::header);
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString()).statusCode();
    }

    private Map<String, String> vobizSignature(int toPort, String path, String nonce) {
        return vobizSignature("http://127.0.0.1:" + toPort + path, nonce);
    }

    /** The V3 signature headers Vobiz sends for a request to {@code url}. */
    private static Map<String, String> vobizSignature(String url, String nonce) {
        return Map.of(CallbackSignature.V3, CallbackSignature.v3(url, nonce, TOKEN), CallbackSignature.V3_NONCE, nonce);
    }

    private double replaysRefused() {
        return meters.counter("vobiz.refused", "reason", "replay").count();
    }

    @Test
    void aCapturedSignatureIsAcceptedOnceWhateverTheBody() throws Exception {
        MockEndpoint events = getMockEndpoint("mock:events");
        Map<String, String> captured = vobizSignature(port, "/events", "nonce-0001");
        assertThat(post(port, "/events", FORM, captured)).isEqualTo(204);
        assertThat(post(port, "/events", FORM, captured))
                .as("the same request again")
                .isEqualTo(403);
        assertThat(post(port, "/events", "Event=Hangup&CallUUID=call-2&HangupCause=FORGED", captured))
                .as("the signature with another body")
                .isEqualTo(403);
        String v2Only = "X-Vobiz-Signature-V2";
        assertThat(post(
                        port,
                        "/events",
                        FORM,
                        Map.of(
                                v2Only,
                                hmacBase64("http://127.0.0.1:" + port + "/events" + "nonce-0001"),
                                CallbackSignature.V2_NONCE,
                                "nonce-0001")))
                .as("the same URL and nonce under the V2 signature")
                .isEqualTo(403);
        assertThat(post(port, "/events", FORM, vobizSignature(port, "/events", "nonce-0002")))
                .as("a fresh nonce")
                .isEqualTo(204);
        assertThat(events.getReceivedCounter()).isEqualTo(2);
        assertThat(events.getExchanges().get(0).getMessage().getHeader("CamelVobizCallId"))
                .isEqualTo("call-1");
        assertThat(replaysRefused()).isEqualTo(3);
    }

    @Test
    void aRequestTheRouteFailedMayBeRetriedWithItsSignature() throws Exception {
        Map<String, String> signature = vobizSignature(port, "/events", "nonce-retry");
        failNext.set(true);
        assertThat(post(port, "/events", FORM, signature)).isEqualTo(500);
        assertThat(post(port, "/events", FORM, signature))
                .as("the platform's retry")
                .isEqualTo(204);
        assertThat(post(port, "/events", FORM, signature)).as("then a replay").isEqualTo(403);
    }

    @Test
    void aMiniVoiceRequestIsAcceptedOnceWithinItsWindow() throws Exception {
        String json = "{\"event\":\"call.completed\",\"call\":{\"id\":\"mv-1\",\"status\":\"completed\"}}";
        String timestamp = Long.toString(System.currentTimeMillis() / 1000);
        Map<String, String> signature = Map.of(
                "X-MiniVoice-Timestamp",
                timestamp,
                "X-MiniVoice-Signature",
                "v1=" + HexFormat.of().formatHex(hmac(timestamp + "." + json)));
        assertThat(post(port, "/events", json, signature)).isEqualTo(204);
        assertThat(post(port, "/events", json, signature))
                .as("replayed within the window")
                .isEqualTo(403);
        assertThat(replaysRefused()).isEqualTo(1);
    }

    @Test
    void instancesSharingARepositoryRefuseWhatTheOtherAccepted() throws Exception {
        Map<String, String> signature = vobizSignature(PUBLIC_URL + "/shared", "nonce-shared");
        assertThat(post(port, "/shared", FORM, signature)).isEqualTo(204);
        assertThat(post(secondPort, "/shared", FORM, signature))
                .as("replayed to the other instance")
                .isEqualTo(403);
        assertThat(getMockEndpoint("mock:shared").getReceivedCounter()).isEqualTo(1);

        Map<String, String> own = vobizSignature(PUBLIC_URL + "/own", "nonce-own");
        assertThat(post(port, "/own", FORM, own)).isEqualTo(204);
        assertThat(post(secondPort, "/own", FORM, own))
                .as("without a shared repository each instance remembers only its own (documented)")
                .isEqualTo(204);
        assertThat(post(secondPort, "/own", FORM, own)).isEqualTo(403);
    }

    private static String hmacBase64(String text) throws Exception {
        return java.util.Base64.getEncoder().encodeToString(hmac(text));
    }

    private static byte[] hmac(String text) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(TOKEN.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
    }
}
