package dev.camelvobiz.examples.quarkus;

import static org.assertj.core.api.Assertions.assertThat;

import dev.camelvobiz.VobizComponent;
import dev.camelvobiz.emulator.CallSpec;
import dev.camelvobiz.emulator.EmulatedCall;
import dev.camelvobiz.emulator.Emulator;
import dev.camelvobiz.emulator.audio.AudioSource;
import dev.camelvobiz.emulator.record.CallRecord;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import org.apache.camel.CamelContext;
import org.junit.jupiter.api.Test;

/** A call echoed by the route of a Quarkus app: the emulator streams a second of tone, the caller hears it back. */
@QuarkusTest
class QuarkusEchoTest {

    @Inject
    CamelContext camel;

    @Test
    void aCallIsEchoedOnQuarkus() throws Exception {
        int port = camel.getComponent("vobiz", VobizComponent.class)
                .runtime()
                .servers()
                .running()
                .get(0)
                .localPort();
        try (Emulator emulator = Emulator.start()) {
            EmulatedCall call = emulator.call(CallSpec.stream("ws://127.0.0.1:" + port + "/media")
                    .callerAudio(AudioSource.tone(440, 1000))
                    .hangupAt(Duration.ofMillis(1500)));
            CallRecord.Hangup hangup = call.awaitHangup(Duration.ofSeconds(15));
            assertThat(hangup.cause()).isEqualTo("Normal Hangup");
            assertThat(call.record().heard(8000).audibleMillis())
                    .as("the tone, echoed")
                    .isGreaterThan(800);
            assertThat(call.record().violations()).isEmpty();
        }
    }
}
