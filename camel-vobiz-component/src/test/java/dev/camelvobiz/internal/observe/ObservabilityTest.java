package dev.camelvobiz.internal.observe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.camelvobiz.VobizComponent;
import dev.camelvobiz.VobizConstants;
import dev.camelvobiz.emulator.CallSpec;
import dev.camelvobiz.emulator.EmulatedCall;
import dev.camelvobiz.emulator.EmulatorOptions;
import dev.camelvobiz.emulator.audio.AudioSource;
import dev.camelvobiz.emulator.junit.VobizEmulatorExtension;
import dev.camelvobiz.test.VobizPeer;
import dev.camelvobiz.test.VobizTestSupport;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.camel.BindToRegistry;
import org.apache.camel.CamelContext;
import org.apache.camel.CamelContextAware;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.console.DevConsole;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckRegistry;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.test.AvailablePortFinder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.MDC;

/**
 * One emulated call, watched the ways an operator would: Micrometer meters, the health check, the
 * {@code vobiz} dev console and MDC on the threads that handle the call.
 */
class ObservabilityTest extends VobizTestSupport {

    private static final String AUTH_ID = "MA_OBSERVE";
    private static final String TOKEN = "observe-token";
    private static final Duration WAIT = Duration.ofSeconds(15);

    @RegisterExtension
    static final VobizEmulatorExtension VOBIZ = new VobizEmulatorExtension(
            EmulatorOptions.defaults().authId(AUTH_ID).authToken(TOKEN));

    @BindToRegistry("meters")
    private final MeterRegistry meters = new SimpleMeterRegistry();

    private final Set<String> mdcSeen = ConcurrentHashMap.newKeySet();

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        context.setUseMDCLogging(true);
        return context;
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from(streamUri(""))
                        .process(e -> mdcSeen.add(MDC.get("callId") + "/" + MDC.get("streamId")))
                        .choice()
                        .when(header(VobizConstants.EVENT).isEqualTo("start"))
                        .setBody(constant(tone(440, 400)))
                        .to("vobiz:play")
                        .to("vobiz:checkpoint?name=greeting")
                        .setBody(constant(tone(440, 5000)))
                        .to("vobiz:play")
                        .to("vobiz:checkpoint?name=long")
                        .when(header(VobizConstants.EVENT).isEqualTo("dtmf"))
                        .to("vobiz:clear");
            }
        };
    }

    @Test
    void aCallShowsInTheMetersTheHealthCheckTheConsoleAndTheMdc() throws Exception {
        EmulatedCall call = VOBIZ.emulator()
                .call(CallSpec.stream("ws://127.0.0.1:" + port + "/media")
                        .callerAudio(AudioSource.tone(300, 3000))
                        .streamDtmf(true)
                        .dtmfAt(Duration.ofMillis(1200), "1"));
        await().atMost(WAIT).until(() -> call.record().checkpointsPlayed().contains("greeting"));

        // live: the gauge, the console and the health check see the call
        assertThat(meters.get("vobiz.calls.active").gauge().value()).isEqualTo(1.0);
        DevConsole console = PluginHelper.getDevConsoleResolver(context).resolveDevConsole("vobiz");
        assertThat(console).as("resolved from META-INF/services").isNotNull();
        ((CamelContextAware) console).setCamelContext(context);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> calls = (List<Map<String, Object>>)
                ((Map<String, Object>) console.call(DevConsole.MediaType.JSON, Map.of())).get("calls");
        assertThat(calls).singleElement().satisfies(row -> {
            assertThat(row.get("callId")).isEqualTo(call.callUuid());
            assertThat((Long) row.get("framesIn")).isPositive();
            assertThat((Long) row.get("framesOut")).isPositive();
            assertThat((Long) row.get("leadMillis")).as("the 5 s play, paced").isBetween(100L, 400L);
            assertThat((Long) row.get("unheardMillis"))
                    .as("most of the 5 s play still to be heard")
                    .isBetween(3000L, 5000L + 400);
            assertThat(row.get("pendingCheckpoints")).isEqualTo(List.of()); // "long" waits for its play
        });
        assertThat(console.call(DevConsole.MediaType.TEXT, Map.of()).toString())
                .contains("Live calls: 1", call.callUuid());
        HealthCheck health =
                HealthCheckRegistry.get(context).getCheck("vobiz-servers").orElseThrow();
        HealthCheck.Result result = health.call();
        assertThat(result.getState()).isEqualTo(HealthCheck.State.UP);
        assertThat(result.getDetails()).containsEntry("calls.active", 1);
        assertThat(result.getDetails())
                .hasEntrySatisfying(
                        "server.127.0.0.1:" + port + ".connections",
                        open -> assertThat((Integer) open).isPositive()); // the call's socket at least

        await().atMost(WAIT)
                .until(() -> meters.get("vobiz.clear.roundtrip").timer().count() == 1);
        String streamId = call.record().streamIds().get(0);
        template.requestBodyAndHeaders(
                "vobiz:api?operation=getStream&authId=" + AUTH_ID + "&authToken=RAW(" + TOKEN + ")&apiBaseUrl="
                        + VOBIZ.emulator().restApiUrl(),
                null,
                Map.of(VobizConstants.CALL_ID, call.callUuid(), VobizConstants.STREAM_ID, streamId));
        call.hangup();
        await().atMost(WAIT)
                .until(() -> meters.get("vobiz.calls.active").gauge().value() == 0.0);

        assertThat(meters.get("vobiz.frames.in").counter().count()).isGreaterThan(20);
        assertThat(meters.get("vobiz.frames.out").counter().count()).isGreaterThan(20);
        assertThat(meters.get("vobiz.outbound.lead").summary().max()).isBetween(100.0, 400.0);
        assertThat(meters.get("vobiz.checkpoint.roundtrip").timer().count()).isEqualTo(1);
        assertThat(meters.get("vobiz.rest.requests")
                        .tags("operation", "getStream", "status", "200")
                        .timer()
                        .count())
                .isEqualTo(1);
        assertThat(mdcSeen)
                .as("every exchange ran with its call's MDC")
                .containsExactly(call.callUuid() + "/" + streamId);
    }

    @Test
    void aSecondVobizComponentHasAHealthCheckOfItsOwn() throws Exception {
        context.addComponent("vobiz-b", new VobizComponent());
        int otherPort = AvailablePortFinder.getNextAvailable();
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("vobiz-b:stream?host=127.0.0.1&port=" + otherPort + "&path=/b")
                        .to("mock:b");
            }
        });
        HealthCheckRegistry registry = HealthCheckRegistry.get(context);
        assertThat(registry.getCheck("vobiz-servers")).isPresent();
        HealthCheck.Result result =
                registry.getCheck("vobiz-b-servers").orElseThrow().call();
        assertThat(result.getState()).isEqualTo(HealthCheck.State.UP);
        assertThat(result.getDetails()).containsKey("server.127.0.0.1:" + otherPort);
    }

    @Test
    void aComponentWithConsumerHealthChecksOffRegistersNoServerCheck() throws Exception {
        VobizComponent quiet = new VobizComponent();
        quiet.setHealthCheckConsumerEnabled(false);
        context.addComponent("vobiz-quiet", quiet);
        int otherPort = AvailablePortFinder.getNextAvailable();
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("vobiz-quiet:stream?host=127.0.0.1&port=" + otherPort + "&path=/q")
                        .to("mock:q");
            }
        });
        HealthCheckRegistry registry = HealthCheckRegistry.get(context);
        assertThat(registry.getCheck("vobiz-servers"))
                .as("the other component's")
                .isPresent();
        assertThat(registry.getCheck("vobiz-quiet-servers")).isEmpty();
    }

    @Test
    void aBadFrameIsCounted() {
        double before = meters.find("vobiz.frames.bad").counter() == null
                ? 0
                : meters.get("vobiz.frames.bad").counter().count();
        try (VobizPeer peer = startCall("bad-frames", "bad-call")) {
            peer.send("{\"event\":\"media\",\"media\":{\"payload\":\"***\"}}");
            await().atMost(WAIT)
                    .until(() -> meters.get("vobiz.frames.bad").counter().count() == before + 1);
        }
    }
}
