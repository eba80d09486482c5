package dev.camelvobiz.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.camelvobiz.VobizConstants;
import dev.camelvobiz.emulator.CallSpec;
import dev.camelvobiz.emulator.EmulatedCall;
import dev.camelvobiz.emulator.junit.VobizEmulatorExtension;
import dev.camelvobiz.test.VobizTestSupport;
import java.time.Duration;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Faults on real emulated calls: a dropped socket that reconnects, a route that fails on every frame. */
class FaultsTest extends VobizTestSupport {

    @RegisterExtension
    static final VobizEmulatorExtension VOBIZ = new VobizEmulatorExtension();

    private static final Duration WAIT = Duration.ofSeconds(20);

    @Override
    protected RouteBuilder createRouteBuilder() {
        String on = onThisServer();
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("vobiz:answer" + on + "&path=/answer")
                        .setBody(simple(
                                "<Response><Stream bidirectional=\"true\" keepCallAlive=\"true\" maxRetries=\"2\">"
                                        + "ws://127.0.0.1:" + port + "/media</Stream></Response>"));
                from("vobiz:stream" + on + "&path=/media")
                        .filter(header(VobizConstants.EVENT).in("start", "closed"))
                        .to("mock:lifecycle");
                from("vobiz:stream" + on + "&path=/broken")
                        .filter(header(VobizConstants.EVENT).isEqualTo("media"))
                        .throwException(new IllegalStateException("this route fails on every frame"));
                from("vobiz:stream" + on + "&path=/healthy")
                        .filter(header(VobizConstants.EVENT).isEqualTo("media"))
                        .to("mock:healthy");
            }
        };
    }

    @Test
    void afterADropTheCallReconnectsWithANewStreamAndCommandsByCallIdFollowIt() throws Exception {
        MockEndpoint lifecycle = getMockEndpoint("mock:lifecycle");
        EmulatedCall call = VOBIZ.emulator()
                .call(CallSpec.answerUrl("http://127.0.0.1:" + port + "/answer").dropStreamAt(Duration.ofMillis(1200)));

        await().atMost(WAIT).until(() -> call.record().streamIds().size() == 2);
        await().atMost(WAIT).until(() -> lifecycle.getReceivedCounter() >= 3); // start, closed, start
        assertThat(lifecycle.getExchanges())
                .extracting(e -> e.getMessage().getHeader(VobizConstants.EVENT))
                .containsExactly("start", "closed", "start");
        Exchange closed = lifecycle.getExchanges().get(1);
        assertThat(closed.getMessage().getHeader(VobizConstants.CLOSE_CODE)).isEqualTo(1006);

        Exchange play = template.request("vobiz:play", e -> {
            e.getMessage().setHeader(VobizConstants.CALL_ID, call.callUuid());
            e.getMessage().setBody(tone(440, 400));
        });
        Exchange checkpoint =
                template.request("vobiz:checkpoint?name=after-reconnect&await=true&timeout=5s", e -> e.getMessage()
                        .setHeader(VobizConstants.CALL_ID, call.callUuid()));

        assertThat(play.getException()).isNull();
        assertThat(checkpoint.getMessage().getHeader(VobizConstants.CHECKPOINT_OUTCOME))
                .isEqualTo("played");
        // the first stream is closed: only the reconnected one can have played it
        assertThat(call.record().checkpointsPlayed()).containsExactly("after-reconnect");
        call.hangup();
    }

    @Test
    void aRouteFailingOnEveryFrameOfOneCallLeavesOtherCallsAlone() throws Exception {
        MockEndpoint healthy = getMockEndpoint("mock:healthy");
        EmulatedCall broken = VOBIZ.emulator()
                .call(CallSpec.stream("ws://127.0.0.1:" + port + "/broken").hangupAt(Duration.ofMillis(1500)));
        EmulatedCall fine = VOBIZ.emulator()
                .call(CallSpec.stream("ws://127.0.0.1:" + port + "/healthy").hangupAt(Duration.ofMillis(1500)));

        broken.awaitHangup(WAIT);
        fine.awaitHangup(WAIT);

        assertThat(healthy.getReceivedCounter()).as("about 1.5 s of frames").isGreaterThan(50);
        assertThat(broken.record().timeline())
                .as("the failing call's socket stayed up until the caller hung up")
                .noneMatch(e -> e.what().equals("stream closed") && e.detail().contains("DROPPED"));
    }
}
