package dev.camelvobiz.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.camelvobiz.emulator.audio.MuLaw;
import dev.camelvobiz.emulator.audio.Pcm;
import dev.camelvobiz.emulator.audio.Wav;
import dev.camelvobiz.emulator.audio.WireFormat;
import java.nio.ByteOrder;
import org.junit.jupiter.api.Test;

/** The emulator's own audio code (it must not borrow the component's). */
class AudioCodecTest {

    @Test
    void muLawSilenceIsFFAndRoundTripsWithinItsStepSize() {
        assertThat(MuLaw.encode((short) 0)).isEqualTo((byte) 0xFF);
        assertThat(MuLaw.decode((byte) 0xFF)).isZero();
        assertThat(MuLaw.decode((byte) 0x00)).isEqualTo((short) -32124);
        assertThat(MuLaw.decode((byte) 0x80)).isEqualTo((short) 32124);
        for (int sample = -32768; sample <= 32767; sample += 7) {
            short decoded = MuLaw.decode(MuLaw.encode((short) sample));
            assertThat(Math.abs(decoded - sample)).isLessThanOrEqualTo(Math.max(8, Math.abs(sample) / 16 + 1));
        }
    }

    @Test
    void l16IsWrittenInTheByteOrderAsked() {
        short[] samples = {0x0102};
        assertThat(new WireFormat(WireFormat.L16, 8000, ByteOrder.BIG_ENDIAN).encode(samples, 0, 1))
                .containsExactly(1, 2);
        assertThat(new WireFormat(WireFormat.L16, 8000, ByteOrder.LITTLE_ENDIAN).encode(samples, 0, 1))
                .containsExactly(2, 1);
        assertThat(new WireFormat(WireFormat.L16, 8000, ByteOrder.BIG_ENDIAN)
                        .decode(new byte[] {1, 2})
                        .samples())
                .containsExactly((short) 0x0102);
    }

    @Test
    void parsesContentTypesAndRefusesImpossibleFormats() {
        WireFormat format = WireFormat.parse("audio/x-L16; rate=16000", ByteOrder.BIG_ENDIAN);
        assertThat(format.sampleRate()).isEqualTo(16000);
        assertThat(format.bytesPer20Millis()).isEqualTo(640);
        assertThat(WireFormat.parse("audio/x-mulaw", ByteOrder.BIG_ENDIAN).bytesPer20Millis())
                .isEqualTo(160);
        assertThatThrownBy(() -> WireFormat.parse("audio/x-mulaw;rate=16000", ByteOrder.BIG_ENDIAN))
                .hasMessageContaining("8000 Hz only");
        assertThatThrownBy(() -> WireFormat.parse("audio/mpeg", ByteOrder.BIG_ENDIAN))
                .hasMessageContaining("audio/mpeg");
        assertThatThrownBy(() -> new WireFormat(WireFormat.L16, 8000, ByteOrder.BIG_ENDIAN).decode(new byte[3]))
                .hasMessageContaining("odd");
    }

    @Test
    void wavRoundTripsAndResamplingKeepsTheDuration() {
        Pcm tone = Pcm.tone(440, 8000, 500);
        Pcm read = Wav.read(Wav.toBytes(tone));
        assertThat(read.sampleRate()).isEqualTo(8000);
        assertThat(read.samples()).containsExactly(tone.samples());
        Pcm upsampled = tone.resample(24000);
        assertThat(upsampled.durationMillis()).isEqualTo(500);
        assertThat(upsampled.rms(0, upsampled.samples().length))
                .isCloseTo(tone.rms(0, 4000), org.assertj.core.data.Percentage.withPercentage(2));
        assertThatThrownBy(() -> Wav.read(new byte[] {1, 2, 3})).hasMessageContaining("RIFF");
    }
}
