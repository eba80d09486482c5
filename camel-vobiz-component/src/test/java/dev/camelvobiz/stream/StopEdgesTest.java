package dev.camelvobiz.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.camelvobiz.VobizConstants;
import dev.camelvobiz.test.VobizPeer;
import dev.camelvobiz.test.VobizTestSupport;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.camel.BindToRegistry;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.Test;

/**
 * {@code vobiz:stop} at its edges: a second stop, or a stop after the call ended, is done already
 * (nothing sent, {@code CamelVobizAlreadyStopped=true}); after our stop the frames still on their way
 * are counted, not routed, so an echo does not fail once per frame; any other command to a stopping
 * stream fails, saying so; a stop for a stream never seen here fails.
 */
class StopEdgesTest extends VobizTestSupport {

    @BindToRegistry("meters")
    private final MeterRegistry meters = new SimpleMeterRegistry();

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from(streamUri(""))
                        .to("mock:events")
                        .filter(header(VobizConstants.EVENT).isEqualTo("media"))
                        .to("vobiz:play") // an echo
                        .to("mock:echoed");
            }
        };
    }

    private List<String> events(String streamId) {
        return getMockEndpoint("mock:events").getExchanges().stream()
                .filter(e -> streamId.equals(e.getMessage().getHeader(VobizConstants.STREAM_ID)))
                .map(e -> e.getMessage().getHeader(VobizConstants.EVENT, String.class))
                .toList();
    }

    private Exchange stop(String streamId) {
        return template.request("vobiz:stop", e -> e.getMessage().setHeader(VobizConstants.STREAM_ID, streamId));
    }

    @Test
    void aSecondStopAndLateFramesAndAStopAfterTheEnd() throws Exception {
        MockEndpoint echoed = getMockEndpoint("mock:echoed");
        try (VobizPeer call = startCall("s-stop", "c-stop")) {
            await().until(() -> events("s-stop").contains("start"));
            call.sendMedia(frame(1, 0));
            await().until(() -> echoed.getReceivedCounter() == 1);
            assertThat(call.nextCommand().get("event").asText()).isEqualTo("playAudio");

            Exchange first = stop("s-stop");
            assertThat(first.getException()).isNull();
            assertThat(first.getMessage().getHeader(VobizConstants.ALREADY_STOPPED))
                    .isEqualTo(false);
            assertThat(call.nextCommand().get("event").asText()).isEqualTo("stop");

            Exchange second = stop("s-stop");
            assertThat(second.getException())
                    .as("a second stop is done already")
                    .isNull();
            assertThat(second.getMessage().getHeader(VobizConstants.ALREADY_STOPPED))
                    .isEqualTo(true);

            for (int i = 1; i <= 5; i++) { // what the platform still sends until it closes the socket
                call.sendMedia(frame(1, i));
            }
            call.send("{\"event\":\"dtmf\",\"streamId\":\"s-stop\",\"dtmf\":{\"digit\":\"5\"}}");
            call.send("{\"event\":\"clearedAudio\",\"streamId\":\"s-stop\"}"); // acknowledgements still reach the route
            await().until(() -> events("s-stop").contains("clearedAudio"));
            assertThat(events("s-stop"))
                    .as("late media and dtmf are not routed")
                    .doesNotContain("dtmf");
            assertThat(events("s-stop").stream().filter("media"::equals)).hasSize(1);
            assertThat(echoed.getReceivedCounter()).isEqualTo(1);

            Exchange played = template.request("vobiz:play", e -> {
                e.getMessage().setHeader(VobizConstants.STREAM_ID, "s-stop");
                e.getMessage().setBody(new byte[320]);
            });
            assertThat(played.getException())
                    .as("other commands to a stopping stream fail, saying why")
                    .isInstanceOf(StreamClosedException.class)
                    .hasMessageContaining("has been sent stop");
            assertThat(call.received().poll(300, TimeUnit.MILLISECONDS))
                    .as("nothing after the stop")
                    .isNull();
        }
        await().until(() -> events("s-stop").contains("closed"));
        Exchange closed = getMockEndpoint("mock:events").getExchanges().stream()
                .filter(e -> "closed".equals(e.getMessage().getHeader(VobizConstants.EVENT)))
                .findFirst()
                .orElseThrow();
        assertThat(closed.getMessage().getHeader(VobizConstants.FRAMES_AFTER_STOP))
                .isEqualTo(6L);
        assertThat(meters.counter("vobiz.frames.after.stop").count()).isEqualTo(6);

        Exchange afterTheEnd = stop("s-stop");
        assertThat(afterTheEnd.getException())
                .as("a stop after the call ended is done")
                .isNull();
        assertThat(afterTheEnd.getMessage().getHeader(VobizConstants.ALREADY_STOPPED))
                .isEqualTo(true);

        Exchange unknown = stop("s-never-here");
        assertThat(unknown.getException())
                .as("a stream never seen here is not 'already stopped': a wrong id fails")
                .isInstanceOf(StreamNotFoundException.class);
        await().during(Duration.ofMillis(200))
                .until(() -> events("s-stop").stream().filter("closed"::equals).count() == 1);
    }
}
