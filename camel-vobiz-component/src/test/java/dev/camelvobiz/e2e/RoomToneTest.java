package dev.camelvobiz.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.camelvobiz.VobizComponent;
import dev.camelvobiz.VobizConstants;
import dev.camelvobiz.emulator.CallSpec;
import dev.camelvobiz.emulator.EmulatedCall;
import dev.camelvobiz.emulator.audio.Pcm;
import dev.camelvobiz.emulator.junit.VobizEmulatorExtension;
import dev.camelvobiz.emulator.record.CallRecord;
import dev.camelvobiz.test.VobizTestSupport;
import java.time.Duration;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A room-tone bed through the emulator's real-time playout: the caller hears it without a break from
 * the moment it is laid until stop, the greeting over it, the barge-in cutting the greeting and not the
 * bed, the answer whole over it, and nothing after stop.
 */
class RoomToneTest extends VobizTestSupport {

    @RegisterExtension
    static final VobizEmulatorExtension VOBIZ = new VobizEmulatorExtension();

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final int BED_HZ = 200; // four whole cycles in a frame: the loop has no seam
    private static final int WINDOW = 160; // 20 ms at 8 kHz

    @Override
    protected RouteBuilder createRouteBuilder() {
        String on = onThisServer();
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("vobiz:stream" + on + "&path=/bed")
                        .to("mock:events")
                        .choice()
                        .when(header(VobizConstants.EVENT).isEqualTo("start"))
                        .setBody(constant(tone(BED_HZ, 1000, 2000)))
                        .to("vobiz:play?roomTone=true")
                        .setBody(constant(tone(440, 3000)))
                        .to("vobiz:play")
                        .to("vobiz:checkpoint?name=greeting&await=true&timeout=15s")
                        .to("mock:greeting")
                        .when(header(VobizConstants.EVENT).isEqualTo("dtmf"))
                        .to("vobiz:clear")
                        .setBody(constant(tone(880, 500)))
                        .to("vobiz:play")
                        .to("vobiz:stop?afterPlayed=true&timeout=15s")
                        .to("mock:stopped");
            }
        };
    }

    @Test
    void theBedPlaysWithoutABreakUnderTheGreetingTheBargeInAndTheAnswerUntilStop() throws Exception {
        EmulatedCall call = VOBIZ.emulator()
                .call(CallSpec.stream("ws://127.0.0.1:" + port + "/bed")
                        .streamDtmf(true)
                        .dtmfAt(Duration.ofMillis(1200), "1")
                        .hangupAt(Duration.ofMillis(3500)));
        VobizComponent vobiz = context.getComponent("vobiz", VobizComponent.class);
        await("the snapshot shows the bed").atMost(WAIT).until(() -> vobiz.runtime().streams().live().stream()
                .anyMatch(session -> session.snapshot().roomTone()));
        MockEndpoint greeting = getMockEndpoint("mock:greeting");
        MockEndpoint stopped = getMockEndpoint("mock:stopped");
        await().atMost(WAIT).until(() -> greeting.getReceivedCounter() == 1 && stopped.getReceivedCounter() == 1);
        assertThat(greeting.getExchanges().get(0).getMessage().getHeader(VobizConstants.CHECKPOINT_OUTCOME))
                .isEqualTo("cleared");
        assertThat(stopped.getExchanges().get(0).getException()).isNull();
        call.awaitHangup(WAIT);

        Long unheardAtTheDigit = getMockEndpoint("mock:events").getExchanges().stream()
                .filter(e -> "dtmf".equals(e.getMessage().getHeader(VobizConstants.EVENT)))
                .findFirst()
                .orElseThrow()
                .getMessage()
                .getHeader(VobizConstants.UNHEARD_MILLIS, Long.class);
        assertThat(unheardAtTheDigit)
                .as("the digit came 1.2 s into a 3 s greeting: much of it still unheard, the bed not counted")
                .isBetween(1000L, 3000L + 80);

        CallRecord record = call.record();
        assertThat(record.violations()).isEmpty();
        int clearedAt = sampleOf(record, "clearAudio");
        int stoppedAt = sampleOf(record, "stop");
        Pcm heard = record.heard(8000);
        int firstBed = 0;
        while (firstBed + WINDOW <= heard.samples().length && toneStrength(heard, firstBed, BED_HZ) < 1000) {
            firstBed += WINDOW;
        }
        int windows = 0;
        int withBed = 0;
        int greetingAfterClear = 0;
        int answer = 0;
        for (int from = firstBed; from + WINDOW <= Math.min(stoppedAt, heard.samples().length); from += WINDOW) {
            windows++;
            withBed += toneStrength(heard, from, BED_HZ) > 1000 ? 1 : 0;
            greetingAfterClear += from > clearedAt && toneStrength(heard, from, 440) > 2000 ? 1 : 0;
            answer += toneStrength(heard, from, 880) > 2000 ? 1 : 0;
        }
        // ~1.2 s of greeting (less the time the call took to connect), the clear, 0.5 s of answer
        assertThat(windows).as("the bed from its first frame to stop").isGreaterThan(50);
        assertThat(withBed)
                .as("20 ms windows with the bed in them, of %d from its start to stop", windows)
                .isGreaterThanOrEqualTo(windows * 95 / 100);
        assertThat(greetingAfterClear).as("greeting heard after the clear").isLessThanOrEqualTo(1);
        assertThat(answer).as("the answer, whole, over the bed").isBetween(24, 26);

        int afterStop = 0;
        for (int from = stoppedAt + 5 * WINDOW; from + WINDOW <= heard.samples().length; from += WINDOW) {
            afterStop += toneStrength(heard, from, BED_HZ) > 100 ? 1 : 0;
        }
        assertThat(afterStop).as("bed windows more than 100 ms after stop").isZero();
    }

    private static int sampleOf(CallRecord record, String what) {
        return (int) (8
                * record.timeline().stream()
                        .filter(entry -> entry.what().equals(what))
                        .findFirst()
                        .orElseThrow(() -> new AssertionError("no " + what + " in " + record.timeline()))
                        .atMillis());
    }
}
