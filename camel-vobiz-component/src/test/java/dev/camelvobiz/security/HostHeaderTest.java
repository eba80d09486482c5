package dev.camelvobiz.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.camelvobiz.VobizConstants;
import dev.camelvobiz.emulator.CallSpec;
import dev.camelvobiz.emulator.EmulatedCall;
import dev.camelvobiz.emulator.junit.VobizEmulatorExtension;
import dev.camelvobiz.test.VobizTestSupport;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.test.AvailablePortFinder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Without publicUrl the default answer builds the call's stream URL from the request's Host header. On
 * loopback that is the tunnel's; anywhere else the route must have publicUrl or allowedHosts, and a
 * request naming another host is refused before the route. The stream's token reaches the answer's
 * URL without being written in the answer route.
 */
class HostHeaderTest extends VobizTestSupport {

    private static final String STREAM_TOKEN = "stream-secret";

    @RegisterExtension
    static final VobizEmulatorExtension VOBIZ = new VobizEmulatorExtension();

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("vobiz:answer" + onThisServer() + "&path=/answer&streamPath=/media&allowedHosts=127.0.0.1")
                        .to("mock:answered");
                from(streamUri("&token=RAW(" + STREAM_TOKEN + ")")).to("mock:stream");
            }
        };
    }

    /** One HTTP/1.1 request with the Host header we choose (Java's client will not send a forged one). */
    private String answerWithHost(String host) throws IOException {
        String form = "CallUUID=c-host&From=100&To=200";
        try (Socket socket = new Socket("127.0.0.1", port)) {
            OutputStream out = socket.getOutputStream();
            out.write(("POST /answer HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n"
                            + "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: " + form.length()
                            + "\r\n\r\n" + form)
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void onAnyAddressButLoopbackTheAnswerRouteNeedsPublicUrlOrAllowedHosts() throws Exception {
        int anyPort = AvailablePortFinder.getNextAvailable();
        try (CamelContext camel = new DefaultCamelContext()) {
            camel.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("vobiz:answer?host=0.0.0.0&port=" + anyPort + "&path=/answer&streamPath=/media")
                            .log("answered");
                }
            });
            assertThatThrownBy(camel::start)
                    .hasMessageContaining("listens on 0.0.0.0 without publicUrl")
                    .hasMessageContaining("Set publicUrl");
        }
        try (CamelContext camel = new DefaultCamelContext()) {
            camel.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("vobiz:answer?host=0.0.0.0&port=" + anyPort
                                    + "&path=/answer&streamPath=/media&publicUrl=https://calls.example.com")
                            .log("answered");
                }
            });
            camel.start();
            assertThat(camel.getRouteController()
                            .getRouteStatus(camel.getRoutes().get(0).getRouteId())
                            .isStarted())
                    .isTrue();
        }
    }

    @Test
    void aRequestNamingAHostOutsideAllowedHostsIsRefusedBeforeTheRoute() throws Exception {
        String refused = answerWithHost("attacker.example:443");
        assertThat(refused).startsWith("HTTP/1.1 421").doesNotContain("attacker.example");
        assertThat(getMockEndpoint("mock:answered").getReceivedCounter()).isZero();

        String answered = answerWithHost("127.0.0.1:" + port);
        assertThat(answered)
                .startsWith("HTTP/1.1 200")
                .as("the stream URL carries the stream consumer's token, which no route had to write")
                .contains("ws://127.0.0.1:" + port + "/media/" + STREAM_TOKEN + "</Stream>");
        assertThat(answered.lines().takeWhile(line -> !line.isEmpty()))
                .as("no server name or version for a scanner")
                .noneMatch(line -> line.toLowerCase(Locale.ROOT).startsWith("server:"));
    }

    @Test
    void theDefaultAnswerLeadsACallToItsTokenProtectedStream() throws Exception {
        EmulatedCall call = VOBIZ.emulator()
                .call(CallSpec.answerUrl("http://127.0.0.1:" + port + "/answer").hangupAt(Duration.ofMillis(600)));
        await().until(() -> getMockEndpoint("mock:stream").getExchanges().stream()
                .anyMatch(e -> "start".equals(e.getMessage().getHeader(VobizConstants.EVENT))));
        call.awaitHangup(Duration.ofSeconds(10));
        assertThat(call.record().violations()).isEmpty();
    }
}
