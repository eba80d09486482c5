package dev.camelvobiz.internal.forward;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.camelvobiz.VobizComponent;
import dev.camelvobiz.VobizConstants;
import dev.camelvobiz.emulator.CallSpec;
import dev.camelvobiz.emulator.EmulatedCall;
import dev.camelvobiz.emulator.audio.AudioSource;
import dev.camelvobiz.emulator.audio.FrameMarks;
import dev.camelvobiz.emulator.junit.VobizEmulatorExtension;
import dev.camelvobiz.emulator.record.CallRecord;
import dev.camelvobiz.stream.HeardUtterance;
import dev.camelvobiz.stream.InstanceUnavailableException;
import dev.camelvobiz.stream.StreamClosedException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Duration;
import java.util.List;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.component.seda.SedaEndpoint;
import org.apache.camel.test.AvailablePortFinder;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Two instances (two vobiz components with their own servers and ids) in one context, forwarding over
 * {@code seda:}: the brain route sends every command through instance alpha, which holds only some of
 * the calls; the others' commands are carried to beta and their outcomes back. The broker-backed,
 * three-context version is in the scale-out example.
 */
class ForwardingTest extends CamelTestSupport {

    @RegisterExtension
    static final VobizEmulatorExtension VOBIZ = new VobizEmulatorExtension();

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final int FRAMES = 75;

    private final int alphaPort = AvailablePortFinder.getNextAvailable();
    private final int betaPort = AvailablePortFinder.getNextAvailable();

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        context.addComponent("vobiz", instance("alpha"));
        context.addComponent("vobizbeta", instance("beta"));
        return context;
    }

    private static VobizComponent instance(String id) {
        VobizComponent component = new VobizComponent();
        component.setInstanceId(id);
        component.setForwardUri("seda:vobiz-inbox-{instance}");
        component.setForwardTimeout(1000);
        return component;
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("vobiz:stream?host=127.0.0.1&path=/media&port=" + alphaPort)
                        .to("seda:brain");
                from("vobizbeta:stream?host=127.0.0.1&path=/media&port=" + betaPort)
                        .routeId("beta-streams")
                        .to("seda:brain");

                // Calls no one has sent a command for yet.
                from("vobizbeta:stream?host=127.0.0.1&path=/quiet&port=" + betaPort)
                        .routeId("beta-quiet")
                        .to("mock:quiet");

                // The brain: one route, every command through alpha's producers.
                from("seda:brain")
                        .to("mock:events")
                        .choice()
                        .when(header(VobizConstants.EVENT).isEqualTo("start"))
                        .setBody(constant(greeting()))
                        .to("vobiz:play")
                        .to("vobiz:checkpoint?name=hello&await=true&timeout=5000")
                        .to("mock:checkpoints")
                        .when(header(VobizConstants.EVENT).isEqualTo("media"))
                        .to("vobiz:play")
                        .to("mock:played");

                // What an instance that sent a malformed command hears back.
                from("seda:vobiz-inbox-zeta").to("mock:zeta");
            }
        };
    }

    /** 300 ms of a constant sample below the frame marks, L16 8 kHz little-endian. */
    private static byte[] greeting() {
        ByteBuffer audio = ByteBuffer.allocate(4800).order(ByteOrder.LITTLE_ENDIAN);
        while (audio.hasRemaining()) {
            audio.putShort((short) 500);
        }
        return audio.array();
    }

    private EmulatedCall call(int port, int number) {
        return VOBIZ.emulator()
                .call(CallSpec.stream("ws://127.0.0.1:" + port + "/media")
                        .callerAudio(AudioSource.of(FrameMarks.caller(number, FRAMES, 8000)))
                        .hangupAt(Duration.ofMillis(FRAMES * 20 + 1500)));
    }

    @Test
    void everyCallHearsItsOwnAudioInOrderWhicheverInstanceHoldsIt() throws Exception {
        List<EmulatedCall> calls = List.of(call(alphaPort, 0), call(betaPort, 1), call(betaPort, 2));
        for (EmulatedCall call : calls) {
            call.awaitHangup(WAIT);
        }

        for (int number = 0; number < calls.size(); number++) {
            CallRecord record = calls.get(number).record();
            assertThat(FrameMarks.heard(record.heard(8000)))
                    .as("call %d heard every frame of its own audio, in order", number)
                    .isEqualTo(FrameMarks.sent(number, FRAMES));
            assertThat(record.checkpointsPlayed()).containsExactly("hello");
            assertThat(record.violations()).isEmpty();
        }
        MockEndpoint checkpoints = getMockEndpoint("mock:checkpoints");
        await().atMost(WAIT).until(() -> checkpoints.getReceivedCounter() == 3);
        for (Exchange awaited : checkpoints.getExchanges()) {
            assertThat(awaited.getMessage().getHeader(VobizConstants.CHECKPOINT_OUTCOME))
                    .as("awaited across instances")
                    .isEqualTo("played");
            @SuppressWarnings("unchecked")
            List<HeardUtterance> heard = awaited.getMessage().getHeader(VobizConstants.HEARD, List.class);
            assertThat(heard.get(0).outcome()).isEqualTo(HeardUtterance.Outcome.PLAYED);
            // seda's consumer takes the next event while a play is in flight, so some echo may join the greeting.
            assertThat(heard.get(0).heardMillis())
                    .as("at least the whole greeting")
                    .isGreaterThanOrEqualTo(300);
        }
        assertThat(getMockEndpoint("mock:events").getExchanges())
                .extracting(e -> e.getMessage().getHeader(VobizConstants.INSTANCE_ID))
                .containsOnly("alpha", "beta");
    }

    @Test
    void commandsForAStoppedInstancesCallsFailWhileTheOtherCallsCarryOn() throws Exception {
        EmulatedCall onAlpha = call(alphaPort, 3);
        EmulatedCall onBeta = call(betaPort, 4);
        MockEndpoint events = getMockEndpoint("mock:events");
        await().atMost(WAIT)
                .until(() -> events.getExchanges().stream()
                                .filter(e -> "media".equals(e.getMessage().getHeader(VobizConstants.EVENT)))
                                .filter(e -> "beta".equals(e.getMessage().getHeader(VobizConstants.INSTANCE_ID)))
                                .count()
                        > 10);

        context.getRouteController().stopRoute("beta-streams");

        // Its call closed, and the closed event still reached the brain.
        assertThat(onBeta.awaitHangup(WAIT)).isNotNull();
        await().atMost(WAIT).until(() -> events.getExchanges().stream()
                .anyMatch(e -> "closed".equals(e.getMessage().getHeader(VobizConstants.EVENT))
                        && onBeta.callUuid().equals(e.getMessage().getHeader(VobizConstants.CALL_ID))));
        // A command for it now fails, saying why. The closed event and beta's notice that its calls departed
        // travel different paths, so the first command may still reach beta and hear it closed from there.
        assertThat(playOn(onBeta).getException())
                .isInstanceOf(StreamClosedException.class)
                .hasMessageContaining(onBeta.callUuid())
                .hasMessageMatching("(?s).*(closed \\(code 1001, Route stopping\\) \\(on instance beta\\)"
                        + "|its instance beta stopped).*");
        // Once the notice is in, commands for the call fail here at once, without a round trip to beta.
        await().atMost(WAIT).untilAsserted(() -> assertThat(playOn(onBeta).getException())
                .isInstanceOf(StreamClosedException.class)
                .hasMessageContaining(onBeta.callUuid())
                .hasMessageContaining("beta stopped"));

        onAlpha.awaitHangup(WAIT);
        assertThat(FrameMarks.heard(onAlpha.record().heard(8000)))
                .as("the call on the running instance was not disturbed")
                .isEqualTo(FrameMarks.sent(3, FRAMES));
        context.getRouteController().startRoute("beta-streams");
    }

    @Test
    void anInstanceThatHadSentNoCommandYetHearsThatTheCallDepartedWithItsFirstCommand() throws Exception {
        EmulatedCall quiet = VOBIZ.emulator()
                .call(CallSpec.stream("ws://127.0.0.1:" + betaPort + "/quiet")
                        .callerAudio(AudioSource.of(FrameMarks.caller(5, FRAMES, 8000))));
        MockEndpoint heard = getMockEndpoint("mock:quiet");
        await().atMost(WAIT).until(() -> heard.getExchanges().stream()
                .anyMatch(e -> "start".equals(e.getMessage().getHeader(VobizConstants.EVENT))));

        context.getRouteController().stopRoute("beta-quiet");
        assertThat(quiet.awaitHangup(WAIT)).isNotNull();

        // Alpha was not among the instances beta told: beta answers from its own account of the call...
        assertThat(playOn(quiet).getException())
                .isInstanceOf(StreamClosedException.class)
                .hasMessageContaining(quiet.callUuid())
                .hasMessageContaining("Route stopping");
        // ...and tells alpha along with it, so the next command fails here without a round trip.
        await().atMost(WAIT).untilAsserted(() -> assertThat(playOn(quiet).getException())
                .isInstanceOf(StreamClosedException.class)
                .hasMessageContaining(quiet.callUuid())
                .hasMessageContaining("its instance beta stopped"));
        // Only commands for beta: had Vobiz reconnected the call to another instance, it lives there.
        assertThat(playOn(quiet, "gamma").getException())
                .as("a command for the same call id on another instance still goes there")
                .isInstanceOf(InstanceUnavailableException.class)
                .hasMessageContaining("instance gamma");
    }

    private Exchange playOn(EmulatedCall call) {
        return playOn(call, "beta");
    }

    private Exchange playOn(EmulatedCall call, String instance) {
        return template.request("vobiz:play", e -> {
            e.getMessage().setHeader(VobizConstants.CALL_ID, call.callUuid());
            e.getMessage().setHeader(VobizConstants.INSTANCE_ID, instance);
            e.getMessage().setBody(greeting());
        });
    }

    @Test
    void aCommandForAnInstanceThatNeverAnswersFailsAfterTheTimeout() {
        Exchange sent = template.request("vobiz:clear", e -> {
            e.getMessage().setHeader(VobizConstants.CALL_ID, "call-on-gamma");
            e.getMessage().setHeader(VobizConstants.INSTANCE_ID, "gamma");
        });

        assertThat(sent.getException())
                .isInstanceOf(InstanceUnavailableException.class)
                .hasMessageContaining("instance gamma")
                .hasMessageContaining("forwardTimeout 1000 ms");
    }

    @Test
    void aComponentAddedToARunningContextStartsItsInboxToo() {
        VobizComponent late = instance("gamma");
        context.addComponent("vobizgamma", late);
        assertThat(late.runtime().forwarding()).as("forwarding started").isNotNull();
        assertThat(context.getEndpoint("seda:vobiz-inbox-gamma", SedaEndpoint.class)
                        .getConsumers())
                .as("its inbox has a consumer")
                .hasSize(1);
    }

    @Test
    void aLocalCommandWithoutAnOwnerStillFailsAsUnknown() {
        Exchange sent =
                template.request("vobiz:clear", e -> e.getMessage().setHeader(VobizConstants.CALL_ID, "nobody"));
        assertThat(sent.getException()).hasMessageContaining("No live Vobiz stream for callId nobody");
    }

    @Test
    void aMalformedForwardedCommandIsAnsweredWithAClearErrorAndTheInboxCarriesOn() throws Exception {
        template.sendBody("seda:vobiz-inbox-alpha", "not an envelope at all");
        template.sendBody(
                "seda:vobiz-inbox-alpha",
                "{\"from\":\"zeta\",\"to\":\"alpha\",\"entries\":[{\"type\":\"command\",\"id\":\"zeta-1\","
                        + "\"command\":\"dance\",\"callId\":\"c\"}]}");

        MockEndpoint zeta = getMockEndpoint("mock:zeta");
        await().atMost(WAIT).until(() -> zeta.getReceivedCounter() == 1);
        ForwardMessages.Envelope reply =
                ForwardMessages.read(zeta.getExchanges().get(0).getMessage().getBody(String.class));
        assertThat(reply.from()).isEqualTo("alpha");
        assertThat(reply.to()).isEqualTo("zeta");
        assertThat(reply.entries()).hasSize(1);
        var outcome = reply.entries().get(0);
        assertThat(ForwardMessages.type(outcome)).isEqualTo(ForwardMessages.OUTCOME);
        assertThat(ForwardMessages.id(outcome)).isEqualTo("zeta-1");
        assertThat(outcome.path("error").asText()).isEqualTo("IllegalArgumentException");
        assertThat(outcome.path("errorMessage").asText())
                .contains("Malformed forwarded command")
                .contains("vobiz:dance");

        // The inbox still works: a real call on beta is still echoed through it.
        EmulatedCall call = call(betaPort, 5);
        call.awaitHangup(WAIT);
        assertThat(FrameMarks.heard(call.record().heard(8000))).isEqualTo(FrameMarks.sent(5, FRAMES));
    }
}
