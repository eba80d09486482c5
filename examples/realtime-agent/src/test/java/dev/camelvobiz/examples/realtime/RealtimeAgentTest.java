package dev.camelvobiz.examples.realtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.camelvobiz.emulator.CallSpec;
import dev.camelvobiz.emulator.EmulatedCall;
import dev.camelvobiz.emulator.audio.AudioSource;
import dev.camelvobiz.emulator.audio.Pcm;
import dev.camelvobiz.emulator.junit.VobizEmulatorExtension;
import dev.camelvobiz.emulator.record.CallRecord;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The whole bridge, per service: a call through the emulator, the app's routes, a real WebSocket to a
 * local stand-in speaking the service's protocol. The caller hears the greeting, asks, interrupts the
 * answer (it is cleared at once and its late audio never heard), asks again, says goodbye, hears the
 * farewell whole, and the agent ends the call.
 */
class RealtimeAgentTest {

    @RegisterExtension
    static final VobizEmulatorExtension VOBIZ = new VobizEmulatorExtension();

    private static final int WINDOW = 160; // 20 ms at 8 kHz

    @Test
    void aCallThroughTheDeepgramVoiceAgentApi() throws Exception {
        try (DeepgramStandIn deepgram = new DeepgramStandIn()) {
            Conversation call = converse("deepgram", deepgram.url("/v1/agent/converse"), 0);
            JsonNode settings = ServiceJson.read(deepgram.texts.get(0));
            assertThat(settings.path("type").asText()).isEqualTo("Settings");
            assertThat(settings.path("audio").path("input").path("encoding").asText())
                    .isEqualTo("mulaw");
            assertThat(settings.path("audio").path("output").path("sample_rate").asInt())
                    .isEqualTo(8000);
            assertThat(settings.path("audio").path("output").path("container").asText())
                    .isEqualTo("none");
            assertThat(settings.path("agent")
                            .path("think")
                            .path("functions")
                            .get(0)
                            .path("name")
                            .asText())
                    .isEqualTo("end_call");
            assertThat(deepgram.texts).as("the end_call function answered").anySatisfy(t -> assertThat(t)
                    .contains("\"FunctionCallResponse\"", "\"fc-1\""));
            assertThat(deepgram.authorizations).containsExactly("Token test-key");
            call.assertHeardAsTheCallerShould(deepgram);
        }
    }

    @Test
    void aCallThroughTheOpenAiRealtimeApiWithRoomTone() throws Exception {
        try (OpenAiStandIn openai = new OpenAiStandIn()) {
            Conversation call = converse("openai", openai.url("/v1/realtime?model=gpt-realtime"), 0.02);
            JsonNode update = ServiceJson.read(openai.texts.get(0));
            assertThat(update.path("type").asText()).isEqualTo("session.update");
            assertThat(update.path("session")
                            .path("audio")
                            .path("input")
                            .path("format")
                            .path("type")
                            .asText())
                    .isEqualTo("audio/pcmu");
            assertThat(update.path("session")
                            .path("audio")
                            .path("output")
                            .path("format")
                            .path("type")
                            .asText())
                    .isEqualTo("audio/pcmu");
            assertThat(ServiceJson.read(openai.texts.get(1)).path("type").asText())
                    .as("the greeting asked for")
                    .isEqualTo("response.create");
            JsonNode truncate = openai.texts.stream()
                    .map(ServiceJson::read)
                    .filter(t -> t.path("type").asText().equals("conversation.item.truncate"))
                    .findFirst()
                    .orElseThrow();
            assertThat(truncate.path("item_id").asText()).isEqualTo("item_resp_2");
            assertThat(truncate.path("audio_end_ms").asLong())
                    .as("the interrupted answer, cut to what was heard")
                    .isBetween(100L, 1500L);
            assertThat(openai.texts).as("the end_call function answered").anySatisfy(t -> assertThat(t)
                    .contains("function_call_output", "call_1"));
            assertThat(openai.authorizations).containsExactly("Bearer test-key");
            call.assertHeardAsTheCallerShould(openai);
            assertThat(call.windowsWithSound())
                    .as("the room tone fills every 20 ms from the greeting to the end")
                    .isGreaterThanOrEqualTo(call.windows() * 95 / 100);
        }
    }

    @Test
    void aServiceThatCannotBeReachedEndsTheCallWithAClearError() throws Exception {
        Conversation call = converse("deepgram", "ws://127.0.0.1:" + AgentApp.freePort() + "/v1/agent/converse", 0);
        assertThat(call.turns()).isEmpty();
        assertThat(call.record().timeline())
                .extracting(CallRecord.Entry::what)
                .contains("stop")
                .doesNotContain("playAudio");
    }

    /** A call through the app bridged to {@code service} at {@code url}. */
    private Conversation converse(String service, String url, double roomTone) throws Exception {
        try (AgentApp app = new AgentApp(service, url, roomTone)) {
            EmulatedCall call = VOBIZ.emulator()
                    .call(CallSpec.answerUrl(app.answerUrl()).callerAudio(AudioSource.of(AgentApp.caller())));
            CallRecord.Hangup hangup = call.awaitHangup(Duration.ofSeconds(40));
            assertThat(hangup.causeCode())
                    .as("the agent stopped the stream after its farewell")
                    .isEqualTo("4010");
            await(() -> app.sessionEndpoints() == 0); // the call's session is gone with it
            return new Conversation(
                    call.record(),
                    app.bridge().turns(),
                    app.vobiz().runtime().turnLatencies().count());
        }
    }

    private static void await(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("waited 10 s").isLessThan(deadline);
            Thread.sleep(20);
        }
    }

    /** What the emulator recorded of one call, and what the bridge measured. */
    private record Conversation(CallRecord record, List<AgentBridge.TurnReport> turns, long turnLatencies) {

        void assertHeardAsTheCallerShould(StandInAgent service) {
            assertThat(record.violations()).isEmpty();
            assertThat(service.callerFrames)
                    .as("the caller's audio reached the service")
                    .isGreaterThan(300);
            assertThat(service.callIds).containsExactly(record.callUuid());
            assertThat(record.timeline().stream().filter(e -> e.what().equals("clearAudio")))
                    .as("one barge-in, one clear")
                    .hasSize(1);
            assertThat(frames(StandInAgent.GREETING_HZ))
                    .as("the greeting, whole")
                    .isBetween(48, 53);
            assertThat(frames(StandInAgent.ANSWER_HZ))
                    .as("the interrupted answer, cut")
                    .isBetween(10, 80);
            assertThat(frames(StandInAgent.LATE_HZ))
                    .as("its late audio, never heard")
                    .isZero();
            assertThat(frames(StandInAgent.SECOND_ANSWER_HZ))
                    .as("the second answer, whole")
                    .isBetween(29, 32);
            assertThat(frames(StandInAgent.FAREWELL_HZ))
                    .as("the farewell, whole")
                    .isBetween(39, 42);
            assertThat(record.checkpointsPlayed()).contains("answer-1", "answer-3");
            assertThat(record.checkpointsPlayed()).doesNotContain("answer-2");
            assertThat(turns).as("three answered turns, each measured").hasSize(3);
            assertThat(turnLatencies).isEqualTo(3);
            assertThat(turns).allSatisfy(turn -> assertThat(turn.callerWaitedMillis())
                    .isEqualTo(turn.serviceMillis() + turn.bridgeMillis()));
            assertThat(turns)
                    .allSatisfy(turn -> assertThat(turn.serviceMillis()).isGreaterThanOrEqualTo(290));
        }

        int frames(int hertz) {
            Pcm heard = record.heard(8000);
            int frames = 0;
            for (int from = 0; from + WINDOW <= heard.samples().length; from += WINDOW) {
                short[] window = java.util.Arrays.copyOfRange(heard.samples(), from, from + WINDOW);
                if (StandInAgent.strength(window, hertz) > 4000) {
                    frames++;
                }
            }
            return frames;
        }

        /** 20 ms windows from the first heard sound to the last. */
        int windows() {
            int[] span = span();
            return (span[1] - span[0]) / WINDOW;
        }

        int windowsWithSound() {
            Pcm heard = record.heard(8000);
            int[] span = span();
            int sound = 0;
            for (int from = span[0]; from + WINDOW <= span[1]; from += WINDOW) {
                if (rms(heard.samples(), from) > 20) {
                    sound++;
                }
            }
            return sound;
        }

        private int[] span() {
            short[] samples = record.heard(8000).samples();
            int first = 0;
            while (first + WINDOW <= samples.length && rms(samples, first) <= 20) {
                first += WINDOW;
            }
            int last = samples.length - samples.length % WINDOW;
            while (last - WINDOW > first && rms(samples, last - WINDOW) <= 20) {
                last -= WINDOW;
            }
            return new int[] {first, last};
        }

        private static double rms(short[] samples, int from) {
            double energy = 0;
            for (int i = from; i < from + WINDOW; i++) {
                energy += (double) samples[i] * samples[i];
            }
            return Math.sqrt(energy / WINDOW);
        }
    }
}
