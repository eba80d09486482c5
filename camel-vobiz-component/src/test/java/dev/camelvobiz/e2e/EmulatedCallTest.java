package dev.camelvobiz.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.camelvobiz.VobizConstants;
import dev.camelvobiz.emulator.CallSpec;
import dev.camelvobiz.emulator.EmulatedCall;
import dev.camelvobiz.emulator.audio.AudioSource;
import dev.camelvobiz.emulator.junit.VobizEmulatorExtension;
import dev.camelvobiz.emulator.record.CallRecord;
import dev.camelvobiz.test.VobizTestSupport;
import java.time.Duration;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Real routes answering real emulated calls: the component and the emulator share no code. */
class EmulatedCallTest extends VobizTestSupport {

    @RegisterExtension
    static final VobizEmulatorExtension VOBIZ = new VobizEmulatorExtension();

    private static final Duration WAIT = Duration.ofSeconds(15);

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from(streamUri(""))
                        .to("mock:events")
                        .choice()
                        .when(header(VobizConstants.EVENT).isEqualTo("start"))
                        .setBody(constant(tone(440, 1000)))
                        .to("vobiz:play")
                        .to("vobiz:checkpoint?name=greeting")
                        .when(header(VobizConstants.EVENT).isEqualTo("dtmf"))
                        .to("vobiz:clear")
                        .when(header(VobizConstants.EVENT).isEqualTo("playedStream"))
                        .to("vobiz:stop");
            }
        };
    }

    private String streamUrl() {
        return "ws://127.0.0.1:" + port + "/media";
    }

    @Test
    void aRouteGreetsTheCallerWaitsForTheCheckpointAndStops() throws Exception {
        MockEndpoint events = getMockEndpoint("mock:events");

        EmulatedCall call =
                VOBIZ.emulator().call(CallSpec.stream(streamUrl()).callerAudio(AudioSource.tone(300, 2000)));
        CallRecord.Hangup hangup = call.awaitHangup(WAIT);

        assertThat(hangup.causeCode()).isEqualTo("4010");
        CallRecord record = call.record();
        assertThat(record.checkpointsPlayed()).containsExactly("greeting");
        assertThat(record.violations())
                .as("the component sends only what the current docs allow")
                .isEmpty();
        assertThat(record.heard(8000).audibleMillis())
                .as("the whole second of greeting")
                .isBetween(980L, 1020L);

        await().atMost(WAIT).until(() -> events.getExchanges().stream()
                .anyMatch(e -> "closed".equals(e.getMessage().getHeader(VobizConstants.EVENT))));
        await().during(Duration.ofMillis(300)) // exactly one closed: a second would come after the first
                .atMost(WAIT)
                .until(() -> events.getExchanges().stream()
                                .filter(e -> "closed".equals(e.getMessage().getHeader(VobizConstants.EVENT)))
                                .count()
                        == 1);
        assertThat(events.getExchanges())
                .extracting(e -> e.getMessage().getHeader(VobizConstants.EVENT, String.class))
                .startsWith("start", "media")
                .contains("playedStream")
                .endsWith("closed");
        assertThat(events.getExchanges().get(0).getMessage().getHeader(VobizConstants.CALL_ID))
                .isEqualTo(call.callUuid());
    }

    @Test
    void theCallerBargesInAndTheRouteClearsTheGreeting() throws Exception {
        EmulatedCall call = VOBIZ.emulator()
                .call(CallSpec.stream(streamUrl())
                        .streamDtmf(true)
                        .dtmfAt(Duration.ofMillis(500), "5")
                        .hangupAt(Duration.ofMillis(2000)));

        call.awaitHangup(WAIT);

        CallRecord record = call.record();
        // The component paces audio, so the greeting's checkpoint was still waiting behind it when the
        // clear came: it was voided on our side and never reached the platform.
        assertThat(record.checkpointsPlayed()).isEmpty();
        assertThat(record.timeline()).extracting(CallRecord.Entry::what).contains("clearAudio");
        assertThat(record.heard(8000).audibleMillis())
                .as("cut short at the barge-in")
                .isBetween(20L, 800L);
    }
}
