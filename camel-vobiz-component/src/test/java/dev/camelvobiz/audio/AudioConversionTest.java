package dev.camelvobiz.audio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.ByteOrder;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import org.junit.jupiter.api.Test;

/** The converters against reference vectors: the JDK's G.711 codec, and sines through the resampler. */
class AudioConversionTest {

    private static final AudioFormat L16_LE_8K = new AudioFormat(AudioEncoding.L16, 8000, ByteOrder.LITTLE_ENDIAN);

    static short[] sine(double hertz, int rate, int count, double amplitude) {
        short[] samples = new short[count];
        for (int i = 0; i < count; i++) {
            samples[i] = (short) Math.round(amplitude * Math.sin(2 * Math.PI * hertz * i / rate));
        }
        return samples;
    }

    static double rms(short[] samples, int from, int to) {
        double sum = 0;
        for (int i = from; i < to; i++) {
            sum += (double) samples[i] * samples[i];
        }
        return Math.sqrt(sum / (to - from));
    }

    /** The strength of one frequency (Goertzel), as an amplitude. */
    static double amplitudeAt(short[] samples, int from, int to, double hertz, int rate) {
        double w = 2 * Math.PI * hertz / rate;
        double coefficient = 2 * Math.cos(w);
        double s1 = 0;
        double s2 = 0;
        for (int i = from; i < to; i++) {
            double s0 = samples[i] + coefficient * s1 - s2;
            s2 = s1;
            s1 = s0;
        }
        double power = s1 * s1 + s2 * s2 - coefficient * s1 * s2;
        return 2 * Math.sqrt(power) / (to - from);
    }

    @Test
    void muLawDecodesEveryCodeAsTheJdksG711CodecDoes() throws Exception {
        byte[] codes = new byte[256];
        for (int i = 0; i < 256; i++) {
            codes[i] = (byte) i;
        }
        javax.sound.sampled.AudioFormat ulaw = new javax.sound.sampled.AudioFormat(
                javax.sound.sampled.AudioFormat.Encoding.ULAW, 8000, 8, 1, 1, 8000, false);
        javax.sound.sampled.AudioFormat pcm = new javax.sound.sampled.AudioFormat(8000, 16, 1, true, true);
        byte[] reference;
        try (AudioInputStream in = AudioSystem.getAudioInputStream(
                pcm, new AudioInputStream(new ByteArrayInputStream(codes), ulaw, 256))) {
            reference = in.readAllBytes();
        }
        for (int code = 0; code < 256; code++) {
            short expected = (short) ((reference[2 * code] << 8) | (reference[2 * code + 1] & 0xFF));
            assertThat(MuLaw.decode((byte) code)).as("code %02x", code).isEqualTo(expected);
        }
        assertThat(MuLaw.encode((short) 0)).isEqualTo((byte) 0xFF);
        for (int code = 0; code < 256; code++) {
            short value = MuLaw.decode((byte) code);
            assertThat(MuLaw.decode(MuLaw.encode(value)))
                    .as("re-encoding code %02x", code)
                    .isEqualTo(value);
        }
    }

    @Test
    void convertsBetweenEncodingsAndByteOrders() {
        AudioFormat big = AudioFormat.L16_8K;
        byte[] bigEndian = {0x01, 0x02, (byte) 0xFF, (byte) 0xFE};
        assertThat(new AudioConverter(L16_LE_8K).convert(bigEndian, big)).containsExactly(0x02, 0x01, 0xFE, 0xFF);
        byte[] silence = new AudioConverter(AudioFormat.MULAW_8K).convert(new byte[320], L16_LE_8K);
        assertThat(silence).hasSize(160).containsOnly((byte) 0xFF);
        assertThatThrownBy(() -> Samples.decode(new byte[3], L16_LE_8K)).hasMessageContaining("whole 16-bit");
    }

    @Test
    void aSineKeepsItsFrequencyAndLevelThroughEveryRateChange() {
        int[][] pairs = {{8000, 16000}, {16000, 8000}, {8000, 24000}, {24000, 8000}, {16000, 24000}, {24000, 16000}};
        for (int[] pair : pairs) {
            int from = pair[0];
            int to = pair[1];
            AudioFormat source = new AudioFormat(AudioEncoding.L16, from, ByteOrder.LITTLE_ENDIAN);
            AudioFormat target = new AudioFormat(AudioEncoding.L16, to, ByteOrder.LITTLE_ENDIAN);
            AudioConverter converter = new AudioConverter(target);
            short[] input = sine(440, from, from, 10_000); // one second, fed as 20 ms frames
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            int frame = from / 50;
            for (int at = 0; at < input.length; at += frame) {
                short[] chunk = java.util.Arrays.copyOfRange(input, at, at + frame);
                out.writeBytes(converter.convert(Samples.encode(chunk, chunk.length, source), source));
            }
            short[] output = Samples.decode(out.toByteArray(), target);
            assertThat(output.length).as("%d→%d length", from, to).isBetween(to - to / 50, to);
            int settled = to / 10;
            assertThat(amplitudeAt(output, settled, output.length - settled, 440, to))
                    .as("%d→%d level of 440 Hz", from, to)
                    .isBetween(10_000 * 0.95, 10_000 * 1.05);
            assertThat(rms(output, settled, output.length - settled))
                    .as("%d→%d nothing but the tone", from, to)
                    .isBetween(10_000 / Math.sqrt(2) * 0.95, 10_000 / Math.sqrt(2) * 1.05);
        }
    }

    @Test
    void downsamplingFiltersWhatCannotBeRepresentedInsteadOfFoldingIt() {
        // 6 kHz at 16 kHz would alias to 2 kHz at 8 kHz without the low-pass filter.
        short[] input = sine(6000, 16000, 16000, 10_000);
        short[] output = new Resampler(16000, 8000).process(input);
        assertThat(amplitudeAt(output, 800, output.length, 2000, 8000)).isLessThan(10_000 * 0.03);
        assertThat(rms(output, 800, output.length)).isLessThan(10_000 * 0.03);
    }

    @Test
    void wavFilesReadAndWriteThroughTheJdk() {
        short[] tone = sine(440, 16000, 1600, 8000);
        AudioFormat l16le16k = new AudioFormat(AudioEncoding.L16, 16000, ByteOrder.LITTLE_ENDIAN);
        byte[] wav = Wav.write(Samples.encode(tone, tone.length, l16le16k), l16le16k);
        assertThat(Wav.isWav(wav)).isTrue();
        AudioData read = Wav.read(wav);
        assertThat(read.format()).isEqualTo(l16le16k);
        assertThat(Samples.decode(read.audio(), read.format())).containsExactly(tone);
        assertThatThrownBy(() -> Wav.read("RIFF0000WAVEnope".getBytes())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void parsesFormatsWithByteOrder() {
        assertThat(AudioFormat.parse("audio/x-l16;rate=16000;endian=little"))
                .isEqualTo(new AudioFormat(AudioEncoding.L16, 16000, ByteOrder.LITTLE_ENDIAN));
        assertThat(AudioFormat.parse("audio/x-l16;rate=8000")).isEqualTo(AudioFormat.L16_8K);
        assertThat(AudioFormat.parse("audio/x-l16", ByteOrder.LITTLE_ENDIAN).byteOrder())
                .isEqualTo(ByteOrder.LITTLE_ENDIAN);
        assertThat(AudioFormat.parse("audio/x-mulaw;endian=little")).isEqualTo(AudioFormat.MULAW_8K);
        assertThat(L16_LE_8K.toString()).isEqualTo("audio/x-l16;rate=8000;endian=little");
    }
}
