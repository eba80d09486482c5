package dev.camelvobiz.examples.realtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import org.apache.camel.Message;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultMessage;
import org.junit.jupiter.api.Test;

/**
 * When the caller starting to speak is a barge-in: only while something of ours is still to be heard,
 * a chunk on its way to or through {@code vobiz:play}, or the tail the component reports as unheard.
 */
class CallBridgeTest {

    private final CallBridge call = new CallBridge("c1", "vertx-websocket:x", "seda:speaker-c1");
    private final RealtimeProtocol protocol = new OpenAiRealtime();

    private String on(ServiceEvent event) {
        Message message = new DefaultMessage(new DefaultCamelContext());
        return call.on(event, message, protocol);
    }

    @Test
    void theCallerSpeakingIntoSilenceIsNoBargeIn() {
        call.unheard(0, System.nanoTime());
        assertThat(on(ServiceEvent.of(ServiceEvent.Kind.CALLER_STARTED))).isEqualTo("none");
    }

    @Test
    void aChunkNotYetPlayedOutMakesItABargeIn() {
        assertThat(on(ServiceEvent.audio(new byte[1600], "a1"))).isEqualTo("speak");
        assertThat(on(ServiceEvent.of(ServiceEvent.Kind.CALLER_STARTED))).isEqualTo("clear");
    }

    @Test
    void afterTheLastChunkLeftPlayTheComponentsUnheardTailStillCounts() {
        assertThat(on(ServiceEvent.audio(new byte[1600], "a1"))).isEqualTo("speak");
        call.chunkPlayed();
        call.unheard(80, System.nanoTime()); // the lead the platform still holds
        assertThat(on(ServiceEvent.of(ServiceEvent.Kind.CALLER_STARTED))).isEqualTo("clear");

        assertThat(on(ServiceEvent.audio(new byte[1600], "a2"))).isEqualTo("speak");
        call.chunkPlayed();
        call.unheard(80, System.nanoTime() - TimeUnit.MILLISECONDS.toNanos(100)); // heard out since
        assertThat(on(ServiceEvent.of(ServiceEvent.Kind.CALLER_STARTED))).isEqualTo("none");
    }
}
