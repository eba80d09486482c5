package dev.camelvobiz.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.camelvobiz.VobizConstants;
import dev.camelvobiz.audio.AudioEncoding;
import dev.camelvobiz.audio.AudioFormat;
import dev.camelvobiz.audio.Samples;
import dev.camelvobiz.audio.Wav;
import dev.camelvobiz.emulator.CallSpec;
import dev.camelvobiz.emulator.EmulatedCall;
import dev.camelvobiz.emulator.audio.AudioSource;
import dev.camelvobiz.emulator.junit.VobizEmulatorExtension;
import dev.camelvobiz.emulator.record.CallRecord;
import dev.camelvobiz.test.VobizTestSupport;
import java.nio.ByteOrder;
import java.time.Duration;
import org.apache.camel.Message;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Formats in and out, farewells, and every checkpoint outcome, on emulated calls. */
class AudioFormatsTest extends VobizTestSupport {

    @RegisterExtension
    static final VobizEmulatorExtension VOBIZ = new VobizEmulatorExtension();

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final AudioFormat L16_LE_16K = new AudioFormat(AudioEncoding.L16, 16000, ByteOrder.LITTLE_ENDIAN);

    /** A WAV file of {@code millis} of 500 Hz at 16 kHz: resampled to whatever the stream plays. */
    private static byte[] wav16k(int millis) {
        short[] samples = new short[16 * millis];
        for (int i = 0; i < samples.length; i++) {
            samples[i] = (short) Math.round(12000 * Math.sin(2 * Math.PI * 500 * i / 16000.0));
        }
        return Wav.write(Samples.encode(samples, samples.length, L16_LE_16K), L16_LE_16K);
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        String on = onThisServer();
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("vobiz:stream" + on + "&path=/wide&mediaFormat=audio/x-l16;rate=16000"
                                + "&outboundFormat=audio/x-l16;rate=24000")
                        .choice()
                        .when(header(VobizConstants.EVENT).isEqualTo("start"))
                        .setBody(constant(wav16k(1000)))
                        .to("vobiz:play")
                        .to("vobiz:stop?afterPlayed=true")
                        .to("mock:farewell")
                        .when(header(VobizConstants.EVENT).isEqualTo("media"))
                        .to("mock:wide-media");

                from("vobiz:stream" + on + "&path=/mulaw&playLead=0")
                        .filter(header(VobizConstants.EVENT).isEqualTo("start"))
                        .setBody(constant(tone(440, 1000)))
                        .setHeader(VobizConstants.AUDIO_FORMAT, constant("audio/x-l16;rate=8000;endian=little"))
                        .to("vobiz:play")
                        .to("vobiz:checkpoint?await=true&timeout=100ms")
                        .to("mock:timeout")
                        .to("vobiz:checkpoint?await=true&timeout=15s")
                        .to("mock:closed");
            }
        };
    }

    private String ws(String path) {
        return "ws://127.0.0.1:" + port + path;
    }

    @Test
    void normalisesInboundResamplesWavOutAt24kAndLetsTheFarewellFinishBeforeStop() throws Exception {
        MockEndpoint media = getMockEndpoint("mock:wide-media");
        EmulatedCall call =
                VOBIZ.emulator().call(CallSpec.stream(ws("/wide")).callerAudio(AudioSource.tone(440, 3000)));

        CallRecord.Hangup hangup = call.awaitHangup(WAIT);

        assertThat(hangup.causeCode()).as("stop ended the stream, then the XML").isEqualTo("4010");
        CallRecord record = call.record();
        assertThat(record.violations()).isEmpty();
        assertThat(record.heard(24000).audibleMillis())
                .as("the whole farewell, then stop")
                .isBetween(960L, 1040L);
        assertThat(record.timeline()).anyMatch(e -> e.detail().contains("audio/x-l16;rate=24000"));
        // stop is written before the stop's exchange continues: the hang-up can come first
        await().atMost(WAIT).until(() -> getMockEndpoint("mock:farewell").getReceivedCounter() == 1);
        Message farewell =
                getMockEndpoint("mock:farewell").getExchanges().get(0).getMessage();
        assertThat(farewell.getHeader(VobizConstants.CHECKPOINT_OUTCOME)).isEqualTo("played");

        await().atMost(WAIT).until(() -> media.getReceivedCounter() > 0);
        Message frame = media.getExchanges().get(0).getMessage();
        assertThat(frame.getHeader(VobizConstants.AUDIO_FORMAT)).isEqualTo(L16_LE_16K);
        assertThat(frame.getHeader(VobizConstants.SAMPLE_RATE)).isEqualTo(16000);
        assertThat(frame.getBody(byte[].class)).hasSize(640);
    }

    @Test
    void anAwaitedCheckpointEndsAsTimeoutOrClosedWhenItCannotPlay() throws Exception {
        EmulatedCall call = VOBIZ.emulator()
                .call(CallSpec.stream(ws("/mulaw"))
                        .streamContentType("audio/x-mulaw;rate=8000")
                        .hangupAt(Duration.ofMillis(700)));

        call.awaitHangup(WAIT);
        MockEndpoint timeout = getMockEndpoint("mock:timeout");
        MockEndpoint closed = getMockEndpoint("mock:closed");
        await().atMost(WAIT).until(() -> closed.getReceivedCounter() == 1);

        assertThat(timeout.getExchanges().get(0).getMessage().getHeader(VobizConstants.CHECKPOINT_OUTCOME))
                .isEqualTo("timeout");
        assertThat(closed.getExchanges().get(0).getMessage().getHeader(VobizConstants.CHECKPOINT_OUTCOME))
                .isEqualTo("closed");
        assertThat(call.record().timeline()).anyMatch(e -> e.detail().contains("audio/x-mulaw"));
        assertThat(call.record().violations()).isEmpty();
    }
}
