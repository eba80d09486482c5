package dev.camelvobiz.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.camelvobiz.VobizComponent;
import dev.camelvobiz.VobizConstants;
import dev.camelvobiz.emulator.CallSpec;
import dev.camelvobiz.emulator.EmulatedCall;
import dev.camelvobiz.emulator.EmulatorOptions;
import dev.camelvobiz.emulator.junit.VobizEmulatorExtension;
import dev.camelvobiz.test.LogCapture;
import dev.camelvobiz.test.VobizTestSupport;
import java.time.Duration;
import java.util.Map;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.logging.log4j.Level;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A full signed call and REST calls (one with a wrong token) with camel-vobiz and Camel logging at
 * DEBUG: neither token appears in any log line, exception message or toString().
 */
class SecretsStayOutOfLogsTest extends VobizTestSupport {

    private static final String TOKEN = "s3cr3t-Acc0unt-T0ken";
    private static final String WRONG = "wr0ng-T0ken-Value";

    @RegisterExtension
    static final VobizEmulatorExtension VOBIZ = new VobizEmulatorExtension(
            EmulatorOptions.defaults().authId("MA_SECRET").authToken(TOKEN));

    private LogCapture captured;

    @BeforeEach
    void captureDebugLogs() {
        captured = LogCapture.of(Level.DEBUG, "dev.camelvobiz", "org.apache.camel");
    }

    @AfterEach
    void restoreLogging() {
        captured.close();
    }

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext camel = super.createCamelContext();
        camel.getComponent("vobiz", VobizComponent.class).getConfiguration().setAuthToken(TOKEN);
        return camel;
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        String on = onThisServer();
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("vobiz:answer" + on + "&path=/answer&streamPath=/media&statusCallbackPath=/events")
                        .log("answer ${headers}");
                from("vobiz:stream" + on + "&path=/media&token=RAW(" + TOKEN + ")")
                        .log("stream ${headers}");
                from("vobiz:callback" + on + "&path=/events").log("callback ${headers} ${body}");
            }
        };
    }

    @Test
    void noTokenInLogsExceptionsOrToString() throws Exception {
        String api = "vobiz:api?authId=MA_SECRET&apiBaseUrl=" + VOBIZ.emulator().restApiUrl() + "&operation=";
        EmulatedCall call = VOBIZ.emulator().call(CallSpec.stream("ws://127.0.0.1:" + port + "/media/" + TOKEN));
        org.awaitility.Awaitility.await().until(() -> !call.record().streamIds().isEmpty());
        Map<String, Object> ids = Map.of(
                VobizConstants.CALL_ID,
                call.callUuid(),
                VobizConstants.STREAM_ID,
                call.record().streamIds().get(0));
        Exchange ok = template.request(api + "getStream&authToken=RAW(" + TOKEN + ")", e -> e.getMessage()
                .setHeaders(new java.util.HashMap<>(ids)));
        Exchange refused = template.request(api + "getStream&authToken=RAW(" + WRONG + ")", e -> e.getMessage()
                .setHeaders(new java.util.HashMap<>(ids)));
        Exchange stopped = template.request(api + "hangupCall&authToken=RAW(" + TOKEN + ")", e -> e.getMessage()
                .setHeaders(new java.util.HashMap<>(ids)));
        call.awaitHangup(Duration.ofSeconds(10));
        VOBIZ.emulator()
                .call(CallSpec.answerUrl("http://127.0.0.1:" + port + "/answer")
                        .hangupUrl("http://127.0.0.1:" + port + "/events")
                        .hangupAt(Duration.ofMillis(800)))
                .awaitHangup(Duration.ofSeconds(10));

        assertThat(ok.getException()).isNull();
        assertThat(stopped.getException()).isNull();
        assertThat(refused.getException()).hasMessageContaining("401");
        StringBuilder everything = new StringBuilder(captured.text());
        everything.append(refused.getException()).append(refused.getException().getMessage());
        context.getEndpoints().forEach(everything::append); // toString (getEndpointUri is Camel's raw URI)
        everything.append(context.getComponent("vobiz", VobizComponent.class).getConfiguration());
        assertThat(captured.text()).as("DEBUG logging happened").contains("DEBUG");
        assertThat(everything.toString()).doesNotContain(TOKEN).doesNotContain(WRONG);
    }
}
