package dev.camelvobiz.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.camelvobiz.VobizComponent;
import dev.camelvobiz.VobizConstants;
import dev.camelvobiz.test.VobizPeer;
import dev.camelvobiz.test.VobizTestSupport;
import java.util.Map;
import org.apache.camel.CamelContextAware;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.console.DevConsole;
import org.apache.camel.support.PluginHelper;
import org.junit.jupiter.api.Test;

/**
 * Turn latency over a real socket: a play that says when the caller's turn ended gets, when its first
 * frame leaves, the wait since then on its exchange, in the call's snapshot and in the dev console.
 */
class TurnLatencyTest extends VobizTestSupport {

    private static final long ENDED_MILLIS_AGO = 250;

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from(streamUri(""))
                        .filter(header(VobizConstants.EVENT).isEqualTo("dtmf")) // stands for "the caller stopped"
                        .process(exchange -> exchange.getMessage()
                                .setHeader(VobizConstants.TURN_ENDED, System.currentTimeMillis() - ENDED_MILLIS_AGO))
                        .setBody(constant(new byte[3200])) // 200 ms of silence, the stream's format
                        .to("vobiz:play")
                        .to("mock:answered");
            }
        };
    }

    @Test
    void theWaitFromTheEndOfTheTurnToTheFirstFrameIsMeasured() throws Exception {
        try (VobizPeer call = startCall("s-turn", "c-turn")) {
            call.send("{\"event\":\"dtmf\",\"streamId\":\"s-turn\",\"dtmf\":{\"digit\":\"1\"}}");
            assertThat(call.nextCommand().get("event").asText()).isEqualTo("playAudio");
            await().until(() -> getMockEndpoint("mock:answered").getReceivedCounter() == 1);

            Exchange answered = getMockEndpoint("mock:answered").getExchanges().get(0);
            Long latency = answered.getMessage().getHeader(VobizConstants.TURN_LATENCY, Long.class);
            assertThat(latency)
                    .as("the wait includes the 250 ms before the route heard of it")
                    .isGreaterThanOrEqualTo(ENDED_MILLIS_AGO);

            VobizComponent vobiz = context.getComponent("vobiz", VobizComponent.class);
            assertThat(vobiz.runtime().turnLatencies().count()).isEqualTo(1);
            assertThat(vobiz.runtime().streams().live()).singleElement().satisfies(session -> assertThat(
                            session.snapshot().lastTurnLatencyMillis())
                    .isEqualTo(latency));
            DevConsole console = PluginHelper.getDevConsoleResolver(context).resolveDevConsole("vobiz");
            ((CamelContextAware) console).setCamelContext(context);
            assertThat(console.call(DevConsole.MediaType.TEXT, Map.of()).toString())
                    .contains("Turn latency (vobiz, last 1 of 1 turns): p50 " + latency + " ms")
                    .contains("last turn " + latency + " ms");
        }
    }
}
