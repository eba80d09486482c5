package dev.camelvobiz.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.camelvobiz.VobizConstants;
import dev.camelvobiz.emulator.CallSpec;
import dev.camelvobiz.emulator.EmulatedCall;
import dev.camelvobiz.emulator.LoadReport;
import dev.camelvobiz.emulator.LoadSpec;
import dev.camelvobiz.emulator.audio.Pcm;
import dev.camelvobiz.emulator.junit.VobizEmulatorExtension;
import dev.camelvobiz.emulator.record.CallRecord;
import dev.camelvobiz.stream.HeardUtterance;
import dev.camelvobiz.test.VobizTestSupport;
import java.time.Duration;
import java.util.List;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The conversation mechanics against the emulator's real-time playout: awaited checkpoints, barge-in
 * with generations, pacing that keeps a long answer from flooding the platform or stalling other calls.
 */
class ConversationTest extends VobizTestSupport {

    @RegisterExtension
    static final VobizEmulatorExtension VOBIZ = new VobizEmulatorExtension();

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final String STARTED_AT = "playStartedNanos";

    @Override
    protected RouteBuilder createRouteBuilder() {
        String on = onThisServer();
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("vobiz:stream" + on + "&path=/timing")
                        .filter(header(VobizConstants.EVENT).isEqualTo("start"))
                        .process(e -> e.setProperty(STARTED_AT, System.nanoTime()))
                        .setBody(constant(tone(440, 3000)))
                        .to("vobiz:play")
                        .to("vobiz:checkpoint?name=greeting&await=true&timeout=15s")
                        .to("mock:timing");

                from("vobiz:stream" + on + "&path=/barge")
                        .choice()
                        .when(header(VobizConstants.EVENT).isEqualTo("start"))
                        .setBody(constant(tone(440, 3000)))
                        .to("vobiz:play")
                        .to("vobiz:checkpoint?name=greeting&await=true&timeout=15s")
                        .to("mock:greeting")
                        .when(header(VobizConstants.EVENT).isEqualTo("dtmf"))
                        .to("vobiz:clear")
                        .to("mock:cleared")
                        .setBody(constant(tone(880, 500)))
                        .to("vobiz:play")
                        .to("vobiz:checkpoint?name=answer&await=true&timeout=15s")
                        .to("mock:answer")
                        .when(header(VobizConstants.EVENT).isEqualTo("closed"))
                        .to("mock:barge-closed");

                from("vobiz:stream" + on + "&path=/long")
                        .choice()
                        .when(header(VobizConstants.EVENT).isEqualTo("start"))
                        .setBody(constant(tone(440, 60_000)))
                        .to("vobiz:play")
                        .to("mock:long-played")
                        .when(header(VobizConstants.EVENT).isEqualTo("media"))
                        .to("mock:long-media");

                from("vobiz:stream" + on + "&path=/echo")
                        .filter(header(VobizConstants.EVENT).isEqualTo("media"))
                        .to("vobiz:play");
            }
        };
    }

    private String ws(String path) {
        return "ws://127.0.0.1:" + port + path;
    }

    @Test
    void anAwaitedCheckpointCompletesAsPlayedWhenItsAudioHasPlayedAndNotBefore() throws Exception {
        MockEndpoint timing = getMockEndpoint("mock:timing");
        EmulatedCall call = VOBIZ.emulator().call(CallSpec.stream(ws("/timing")));

        await().atMost(WAIT).until(() -> timing.getReceivedCounter() == 1);
        long done = System.nanoTime();
        Message outcome = timing.getExchanges().get(0).getMessage();
        long started = timing.getExchanges().get(0).getProperty(STARTED_AT, Long.class);
        double millis = (done - started) / 1e6;

        assertThat(outcome.getHeader(VobizConstants.CHECKPOINT_OUTCOME)).isEqualTo("played");
        assertThat(millis).as("not before the 3 s of audio played").isGreaterThanOrEqualTo(3000.0);
        assertThat(millis).as("within 150 ms of its playout end").isLessThan(3150.0);
        @SuppressWarnings("unchecked")
        List<HeardUtterance> heard = outcome.getHeader(VobizConstants.HEARD, List.class);
        assertThat(heard).singleElement().satisfies(u -> {
            assertThat(u.checkpoint()).isEqualTo("greeting");
            assertThat(u.outcome()).isEqualTo(HeardUtterance.Outcome.PLAYED);
            assertThat(u.heardMillis()).isEqualTo(3000);
        });
        assertThat(call.record().checkpointsPlayed()).containsExactly("greeting");
        assertThat(call.record().violations()).isEmpty();
    }

    @Test
    void bargeInCutsTheOldUtteranceVoidsItsCheckpointAndTheNextIsHeardWhole() throws Exception {
        EmulatedCall call = VOBIZ.emulator()
                .call(CallSpec.stream(ws("/barge"))
                        .streamDtmf(true)
                        .dtmfAt(Duration.ofMillis(1200), "1")
                        .hangupAt(Duration.ofMillis(3500)));
        MockEndpoint greeting = getMockEndpoint("mock:greeting");
        MockEndpoint answer = getMockEndpoint("mock:answer");

        await().atMost(WAIT).until(() -> greeting.getReceivedCounter() == 1 && answer.getReceivedCounter() == 1);
        assertThat(greeting.getExchanges().get(0).getMessage().getHeader(VobizConstants.CHECKPOINT_OUTCOME))
                .isEqualTo("cleared");
        assertThat(answer.getExchanges().get(0).getMessage().getHeader(VobizConstants.CHECKPOINT_OUTCOME))
                .isEqualTo("played");
        @SuppressWarnings("unchecked")
        List<HeardUtterance> ledger =
                answer.getExchanges().get(0).getMessage().getHeader(VobizConstants.HEARD, List.class);
        assertThat(ledger).hasSize(2);
        assertThat(ledger.get(0).outcome()).isEqualTo(HeardUtterance.Outcome.CLEARED);
        assertThat(ledger.get(0).heardMillis()).as("about a second of greeting").isBetween(500L, 1500L);
        assertThat(ledger.get(0).queuedMillis()).isEqualTo(3000);
        assertThat(ledger.get(1).outcome()).isEqualTo(HeardUtterance.Outcome.PLAYED);

        call.awaitHangup(WAIT);
        CallRecord record = call.record();
        long clearedAt = record.timeline().stream()
                .filter(e -> e.what().equals("clearAudio"))
                .findFirst()
                .orElseThrow()
                .atMillis();
        Pcm heard = record.heard(8000);
        int afterClear = (int) (clearedAt * 8);
        int oldFramesAfterClear = 0;
        int newFrames = 0;
        for (int from = afterClear; from + 160 <= heard.samples().length; from += 160) {
            if (toneStrength(heard, from, 440) > 2000) {
                oldFramesAfterClear++;
            }
            if (toneStrength(heard, from, 880) > 2000) {
                newFrames++;
            }
        }
        assertThat(oldFramesAfterClear)
                .as("greeting frames heard after the clear")
                .isLessThanOrEqualTo(1);
        assertThat(newFrames).as("the answer, whole").isBetween(24, 26);
        assertThat(record.checkpointsPlayed()).containsExactly("answer");
    }

    @Test
    void audioFromBeforeABargeInIsNeverSent() throws Exception {
        EmulatedCall call = VOBIZ.emulator().call(CallSpec.stream(ws("/echo")));
        await().atMost(WAIT).until(() -> !call.record().streamIds().isEmpty());
        String streamId = call.record().streamIds().get(0);

        Exchange clear =
                template.request("vobiz:clear", e -> e.getMessage().setHeader(VobizConstants.STREAM_ID, streamId));
        int generation = clear.getMessage().getHeader(VobizConstants.GENERATION, Integer.class);
        Exchange late = template.request("vobiz:play", e -> {
            e.getMessage().setHeader(VobizConstants.STREAM_ID, streamId);
            e.getMessage().setHeader(VobizConstants.GENERATION, generation - 1);
            e.getMessage().setBody(tone(440, 400));
        });
        Exchange fresh = template.request("vobiz:play", e -> {
            e.getMessage().setHeader(VobizConstants.STREAM_ID, streamId);
            e.getMessage().setHeader(VobizConstants.GENERATION, generation);
            e.getMessage().setBody(tone(880, 100));
        });

        assertThat(late.getException()).isNull();
        assertThat(late.getMessage().getHeader(VobizConstants.DISCARDED_FRAMES)).isEqualTo(20);
        assertThat(fresh.getMessage().getHeader(VobizConstants.DISCARDED_FRAMES))
                .isNull();
        call.hangup();
        call.awaitHangup(WAIT);
        Pcm heard = call.record().heard(8000);
        int old = 0;
        for (int from = 0; from + 160 <= heard.samples().length; from += 160) {
            if (toneStrength(heard, from, 440) > 2000) {
                old++;
            }
        }
        assertThat(old).as("frames of the stale answer heard").isZero();
    }

    @Test
    void aLongAnswerIsPacedAndNeitherFloodsThePlatformNorSlowsAnotherCall() throws Exception {
        LoadSpec echo = LoadSpec.of(ws("/echo"), 2, Duration.ofMillis(2500))
                .withRamp(Duration.ZERO)
                .withWarmUp(Duration.ofMillis(500));
        LoadReport alone = VOBIZ.emulator().load(echo);

        EmulatedCall longCall = VOBIZ.emulator().call(CallSpec.stream(ws("/long")));
        MockEndpoint longMedia = getMockEndpoint("mock:long-media");
        await().atMost(WAIT).until(() -> longMedia.getReceivedCounter() > 5);
        long measuredFrom = System.nanoTime();
        LoadReport beside = VOBIZ.emulator().load(echo);
        double elapsedMillis = (System.nanoTime() - measuredFrom) / 1e6;

        assertThat(getMockEndpoint("mock:long-played").getReceivedCounter())
                .as("the 60 s play is still going, without holding the stream")
                .isZero();
        assertThat(longMedia.getReceivedCounter())
                .as("its media kept arriving meanwhile")
                .isGreaterThan(100);
        double queuedAhead = longCall.record().heard(8000).durationMillis() - elapsedMillis;
        assertThat(longCall.record().heard(8000).durationMillis())
                .as("sent about as fast as it plays, not all 60 s at once")
                .isLessThan((long) (elapsedMillis + 2000));
        assertThat(beside.lost()).isZero();
        assertThat(beside.p50())
                .as(
                        "echo p50 beside the long answer (%.2f ms) vs alone (%.2f ms); queued ahead %.0f ms",
                        beside.p50(), alone.p50(), queuedAhead)
                .isLessThan(alone.p50() * 3 + 2);
    }
}
