package dev.camelvobiz.kamelets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.camelvobiz.VobizConstants;
import dev.camelvobiz.answer.VobizXml;
import dev.camelvobiz.emulator.CallSpec;
import dev.camelvobiz.emulator.EmulatedCall;
import dev.camelvobiz.emulator.EmulatorOptions;
import dev.camelvobiz.emulator.audio.Pcm;
import dev.camelvobiz.emulator.junit.VobizEmulatorExtension;
import dev.camelvobiz.emulator.record.CallRecord;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Duration;
import java.util.List;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.test.AvailablePortFinder;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Each Kamelet loaded from the classpath, as Camel K, JBang and Karavan load them, and run with a call
 * through the emulator: the make-call sink places a call whose stream the call-events source serves, and
 * the play action speaks into another call.
 */
class KameletsTest extends CamelTestSupport {

    private static final String AUTH_ID = "MA_KAMELETS";
    private static final String TOKEN = "kamelet-token";
    private static final Duration WAIT = Duration.ofSeconds(15);

    @RegisterExtension
    static final VobizEmulatorExtension VOBIZ = new VobizEmulatorExtension(
            EmulatorOptions.defaults().authId(AUTH_ID).authToken(TOKEN));

    private final int port = AvailablePortFinder.getNextAvailable();

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("kamelet:vobiz-call-events-source?host=127.0.0.1&port=" + port + "&path=/events-out")
                        .to("mock:events");
                from("direct:call")
                        .to("kamelet:vobiz-make-call-sink?authId=" + AUTH_ID + "&authToken=RAW(" + TOKEN
                                + ")&from=+918000000001&answerUrl=http://127.0.0.1:" + port
                                + "/answer&apiBaseUrl=" + VOBIZ.emulator().restApiUrl());
                from("vobiz:answer?host=127.0.0.1&port=" + port + "&path=/answer")
                        .setBody(constant(VobizXml.response().stream(
                                "ws://127.0.0.1:" + port + "/events-out",
                                s -> s.bidirectional(true).keepCallAlive(true))));
                from("vobiz:stream?host=127.0.0.1&port=" + port + "&path=/greet")
                        .filter(header(VobizConstants.EVENT).isEqualTo("start"))
                        .setBody(constant(tone(440, 8000, 600)))
                        .to("kamelet:vobiz-play-action")
                        .to("vobiz:stop?afterPlayed=true&timeout=5s");
            }
        };
    }

    @Test
    void theMakeCallSinkPlacesACallWhoseEventsTheSourceEmits() throws Exception {
        Exchange placed = template.request(
                "direct:call", exchange -> exchange.getMessage().setBody("+919800000001\n"));
        assertThat(placed.getException()).isNull();
        String requestUuid = placed.getMessage().getHeader(VobizConstants.REQUEST_UUID, String.class);
        assertThat(requestUuid).isNotBlank();

        MockEndpoint events = getMockEndpoint("mock:events");
        await().atMost(WAIT).until(() -> events.getReceivedCounter() >= 1);
        EmulatedCall call = VOBIZ.emulator().callsOfRequest(requestUuid).get(0);
        call.hangup();
        await().atMost(WAIT).until(() -> events.getExchanges().stream()
                .anyMatch(e -> "closed".equals(e.getMessage().getHeader(VobizConstants.EVENT))));

        List<String> kinds = events.getExchanges().stream()
                .map(e -> e.getMessage().getHeader(VobizConstants.EVENT, String.class))
                .toList();
        assertThat(kinds).startsWith("start").endsWith("closed").doesNotContain("media");
        JsonNode start = new ObjectMapper()
                .readTree(events.getExchanges().get(0).getMessage().getBody(String.class));
        assertThat(start.toString()).contains(call.callUuid());
        assertThat(events.getExchanges().get(0).getMessage().getHeader(VobizConstants.CALL_ID))
                .isEqualTo(call.callUuid());
    }

    @Test
    void thePlayActionPlaysTheBodyToTheCaller() throws Exception {
        EmulatedCall call = VOBIZ.emulator().call(CallSpec.stream("ws://127.0.0.1:" + port + "/greet"));
        CallRecord.Hangup hangup = call.awaitHangup(WAIT);
        assertThat(hangup).isNotNull();
        assertThat(call.record().heard(8000).audibleMillis()).isBetween(580L, 620L);
        assertThat(call.record().violations()).isEmpty();
    }

    /** L16 8 kHz big-endian: raw audio in the format the stream receives, which vobiz:play takes as is. */
    private static byte[] tone(int hertz, int sampleRate, long millis) {
        short[] samples = Pcm.tone(hertz, sampleRate, millis).samples();
        ByteBuffer bytes = ByteBuffer.allocate(samples.length * 2).order(ByteOrder.BIG_ENDIAN);
        bytes.asShortBuffer().put(samples);
        return bytes.array();
    }
}
