package dev.camelvobiz.examples.scaleout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.camelvobiz.emulator.EmulatedCall;
import dev.camelvobiz.emulator.audio.AudioSource;
import dev.camelvobiz.emulator.audio.FrameMarks;
import dev.camelvobiz.emulator.junit.VobizEmulatorExtension;
import dev.camelvobiz.emulator.record.CallRecord;
import dev.camelvobiz.stream.StreamClosedException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Three instances with their own Camel contexts and vobiz servers, one shared broker, one brain on the
 * first instance: the emulator places calls spread across the instances (as a load balancer would),
 * the brain greets and echoes every call through the ordinary producers, and the component carries
 * each command to the instance that holds the call.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
abstract class ScaleOutTestSupport {

    @RegisterExtension
    static final VobizEmulatorExtension VOBIZ = new VobizEmulatorExtension();

    static final Duration WAIT = Duration.ofSeconds(60);
    static final Duration FORWARD_TIMEOUT = Duration.ofSeconds(5);

    static ScaleOut scaleOut;

    /**
     * Starts the instances over {@code transport} and warms them with a round of 30 unchecked calls: on
     * two cores, JIT compilation and the brokers' first consumers slow the first seconds of traffic
     * enough to put the brain seconds behind, which is not what these tests are about.
     */
    static void startScaleOut(Transport transport) throws Exception {
        scaleOut = ScaleOut.start(transport, ScaleOut.freePorts(3), FORWARD_TIMEOUT);
        scaleOut.warmUp(VOBIZ.emulator());
    }

    /** Call {@code number} (its audio marked with it) through the answer_url of instance {@code number % 3}. */
    private static EmulatedCall place(int number, int frames) {
        return scaleOut.call(
                VOBIZ.emulator(),
                number,
                AudioSource.of(FrameMarks.caller(number, frames, 8000)),
                Duration.ofMillis(frames * 20L + 6000));
    }

    @Test
    @Order(1)
    void thirtyCallsOverThreeInstancesEachHearTheirOwnAudioInOrder() throws Exception {
        int frames = 50;
        List<EmulatedCall> calls = new ArrayList<>();
        for (int number = 0; number < 30; number++) {
            calls.add(place(number, frames));
        }
        for (EmulatedCall call : calls) {
            call.awaitHangup(WAIT);
        }

        for (int number = 0; number < calls.size(); number++) {
            EmulatedCall call = calls.get(number);
            CallRecord record = call.record();
            assertThat(scaleOut.record().holder(call.callUuid()))
                    .as("call %d's stream landed on the instance that answered it", number)
                    .isEqualTo(scaleOut.instances().get(number % 3).id());
            assertThat(scaleOut.record().sequences(call.callUuid()))
                    .as("call %d's events reached the brain in order", number)
                    .isSorted();
            assertThat(FrameMarks.heard(record.heard(8000)))
                    .as("call %d heard every frame of its own audio, in order", number)
                    .isEqualTo(FrameMarks.sent(number, frames));
            assertThat(record.checkpointsPlayed()).as("call %d", number).containsExactly("greeting");
            assertThat(record.violations()).isEmpty();
            String callId = call.callUuid();
            await().atMost(WAIT).until(() -> scaleOut.record().greeting(callId) != null);
            assertThat(scaleOut.record().greeting(callId))
                    .as("the awaited checkpoint's outcome, from the instance holding call %d", number)
                    .isEqualTo("played");
        }
    }

    @Test
    @Order(2)
    void stoppingAnInstanceClosesItsCallsTheirCommandsFailAndTheOtherCallsCarryOn() throws Exception {
        int frames = 150;
        List<EmulatedCall> calls = new ArrayList<>();
        for (int number = 30; number < 36; number++) {
            calls.add(place(number, frames));
        }
        // (once seen timing out in a local run with nothing logged: the alias says where each call stood)
        await().alias("20 media events of each call at the brain")
                .atMost(WAIT)
                .conditionEvaluationListener(condition -> {
                    if (condition.getRemainingTimeInMS()
                            <= condition.getPollInterval().toMillis()) {
                        calls.forEach(call -> System.err.printf(
                                "call %s: %d events at the brain, %d said by the caller, timeline %s%n",
                                call.callUuid(),
                                scaleOut.record().events(call.callUuid()).size(),
                                call.record().mediaMessagesSent(),
                                call.record().timeline()));
                    }
                })
                .until(() -> calls.stream()
                        .allMatch(call -> scaleOut.record().events(call.callUuid()).stream()
                                        .filter("media"::equals)
                                        .count()
                                >= 20));

        ScaleOutInstance stopped = scaleOut.instances().get(2); // answered calls 32 and 35
        stopped.close();

        for (EmulatedCall call : calls) {
            call.awaitHangup(WAIT);
        }
        for (int number = 30; number < 36; number++) {
            EmulatedCall call = calls.get(number - 30);
            String callId = call.callUuid();
            if (number % 3 == 2) {
                await("call " + number + "'s closed event, published as its instance stopped")
                        .atMost(WAIT)
                        .until(() -> scaleOut.record().events(callId).contains("closed"));
                assertThat(FrameMarks.heard(call.record().heard(8000)))
                        .as("call %d heard its audio in order until its instance stopped", number)
                        .isEqualTo(FrameMarks.sent(
                                number,
                                FrameMarks.heard(call.record().heard(8000)).size()));
                Exchange late = scaleOut.send(stopped.id(), callId, "vobiz:play", ScaleOut.greeting());
                assertThat(late.getException())
                        .as("a command for call %d fails, saying why", number)
                        .isInstanceOf(StreamClosedException.class)
                        .hasMessageContaining(stopped.id() + " stopped");
            } else {
                assertThat(scaleOut.record().sequences(callId))
                        .as("call %d's events reached the brain in order", number)
                        .isSorted();
                assertThat(FrameMarks.heard(call.record().heard(8000)))
                        .as("call %d on a running instance heard every frame, in order", number)
                        .isEqualTo(FrameMarks.sent(number, frames));
            }
        }
        Exchange unknown = scaleOut.send(stopped.id(), "never-there", "vobiz:play", ScaleOut.greeting());
        assertThat(unknown.getException())
                .as("a command for a call the stopped instance never had: nobody answers")
                .hasMessageContaining("no answer in time")
                .hasMessageContaining(stopped.id());
        assertThat(unknown.getException().getClass().getSimpleName()).isEqualTo("InstanceUnavailableException");
    }
}
