package dev.camelvobiz.audio;

import java.nio.ByteOrder;

/** Raw audio bytes to 16-bit samples and back, in any {@link AudioFormat}. */
public final class Samples {

    private Samples() {}

    public static short[] decode(byte[] audio, AudioFormat format) {
        if (format.encoding() == AudioEncoding.MULAW) {
            short[] samples = new short[audio.length];
            for (int i = 0; i < audio.length; i++) {
                samples[i] = MuLaw.decode(audio[i]);
            }
            return samples;
        }
        if (audio.length % 2 != 0) {
            throw new IllegalArgumentException(
                    "L16 audio must hold whole 16-bit samples, got " + audio.length + " bytes");
        }
        short[] samples = new short[audio.length / 2];
        boolean big = format.byteOrder() == ByteOrder.BIG_ENDIAN;
        for (int i = 0, b = 0; i < samples.length; i++, b += 2) {
            samples[i] = big
                    ? (short) ((audio[b] << 8) | (audio[b + 1] & 0xFF))
                    : (short) ((audio[b + 1] << 8) | (audio[b] & 0xFF));
        }
        return samples;
    }

    public static byte[] encode(short[] samples, int count, AudioFormat format) {
        if (format.encoding() == AudioEncoding.MULAW) {
            byte[] audio = new byte[count];
            for (int i = 0; i < count; i++) {
                audio[i] = MuLaw.encode(samples[i]);
            }
            return audio;
        }
        byte[] audio = new byte[count * 2];
        boolean big = format.byteOrder() == ByteOrder.BIG_ENDIAN;
        for (int i = 0, b = 0; i < count; i++, b += 2) {
            short sample = samples[i];
            audio[big ? b : b + 1] = (byte) (sample >> 8);
            audio[big ? b + 1 : b] = (byte) sample;
        }
        return audio;
    }

    /** Swaps each pair of bytes: L16 from one byte order to the other. */
    public static byte[] swapBytes(byte[] audio) {
        byte[] swapped = new byte[audio.length];
        for (int i = 0; i + 1 < audio.length; i += 2) {
            swapped[i] = audio[i + 1];
            swapped[i + 1] = audio[i];
        }
        return swapped;
    }
}
