package dev.camelvobiz.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.camelvobiz.emulator.audio.Pcm;
import dev.camelvobiz.emulator.audio.WireFormat;
import java.nio.ByteOrder;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Live caller audio: a short lead before it starts, silence on an underrun, a bounded backlog. */
class LiveAudioTest {

    private static final WireFormat L16_8K = new WireFormat(WireFormat.L16, 8000, ByteOrder.LITTLE_ENDIAN);
    private static final WireFormat L16_16K = new WireFormat(WireFormat.L16, 16000, ByteOrder.LITTLE_ENDIAN);

    @Test
    void startsOnceALeadIsBufferedAndIsSilentOnAnUnderrunUntilTheLeadIsBack() {
        LiveAudio live = new LiveAudio(16000);
        live.write(level(16000, 40, 1000));
        assertThat(level(live.nextFrame(L16_16K, 0)))
                .as("40 ms is short of the lead")
                .isZero();
        assertThat(live.bufferedMillis()).isEqualTo(40);

        live.write(level(16000, 40, 1000));
        for (int frame = 0; frame < 4; frame++) {
            assertThat(level(live.nextFrame(L16_16K, frame))).isEqualTo(1000);
        }
        assertThat(live.bufferedMillis()).isZero();
        assertThat(level(live.nextFrame(L16_16K, 4)))
                .as("an underrun is silence")
                .isZero();
        live.write(level(16000, 20, 1000));
        assertThat(level(live.nextFrame(L16_16K, 5)))
                .as("20 ms after an underrun waits for the lead")
                .isZero();
    }

    @Test
    void aBacklogBeyondTheMaximumLeadLosesItsOldestAudio() {
        LiveAudio live = new LiveAudio(16000);
        live.write(level(16000, 700, 1000));
        live.write(level(16000, LiveAudio.MAX_LEAD_MILLIS, 2000));
        assertThat(live.bufferedMillis()).isEqualTo(LiveAudio.MAX_LEAD_MILLIS);
        assertThat(level(live.nextFrame(L16_16K, 0)))
                .as("the caller is heard now, not late")
                .isEqualTo(2000);
    }

    @Test
    void eachStreamTakesTwentyMillisAtItsOwnRate() {
        LiveAudio live = new LiveAudio(16000);
        live.write(new Pcm(level(8000, 100, 1500), 8000).resample(16000).samples());
        byte[] frame = live.nextFrame(L16_8K, 0);
        assertThat(frame).hasSize(320); // 160 samples of 8 kHz L16
        assertThat(level(L16_8K, frame)).isEqualTo(1500);
    }

    @Test
    void refusesRatesNoStreamUses() {
        assertThatThrownBy(() -> new LiveAudio(4000)).hasMessageContaining("8000 to 48000");
    }

    private static short[] level(int sampleRate, int millis, int value) {
        short[] samples = new short[sampleRate * millis / 1000];
        Arrays.fill(samples, (short) value);
        return samples;
    }

    private static int level(byte[] frame) {
        return level(L16_16K, frame);
    }

    /** The frame's one level (the tests write constant levels); fails on a frame that is not constant. */
    private static int level(WireFormat format, byte[] frame) {
        short[] samples = format.decode(frame).samples();
        assertThat(samples).as("a constant frame").containsOnly(samples[0]);
        return samples[0];
    }
}
