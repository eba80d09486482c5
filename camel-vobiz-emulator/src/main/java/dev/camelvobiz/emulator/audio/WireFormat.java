package dev.camelvobiz.emulator.audio;

import java.nio.ByteOrder;
import java.util.Locale;

/**
 * An audio format as the wire names it ({@code audio/x-l16} or {@code audio/x-mulaw} at a rate), with
 * the byte order L16 uses in one direction (protocol §14.9 leaves it open, so it is a setting).
 */
public record WireFormat(String encoding, int sampleRate, ByteOrder byteOrder) {

    public static final String L16 = "audio/x-l16";
    public static final String MULAW = "audio/x-mulaw";

    public WireFormat {
        if (!L16.equals(encoding) && !MULAW.equals(encoding)) {
            throw new IllegalArgumentException("Unknown audio encoding '" + encoding + "'");
        }
        if (MULAW.equals(encoding) && sampleRate != 8000) {
            throw new IllegalArgumentException("audio/x-mulaw is 8000 Hz only, not " + sampleRate);
        }
        if (L16.equals(encoding) && sampleRate != 8000 && sampleRate != 16000 && sampleRate != 24000) {
            throw new IllegalArgumentException("audio/x-l16 is 8000, 16000 or 24000 Hz, not " + sampleRate);
        }
    }

    /** Parses a {@code contentType} such as {@code audio/x-l16;rate=16000} (rate 8000 when absent). */
    public static WireFormat parse(String contentType, ByteOrder byteOrder) {
        String[] parts = contentType.trim().toLowerCase(Locale.ROOT).split(";");
        int rate = 8000;
        for (int i = 1; i < parts.length; i++) {
            String parameter = parts[i].trim();
            if (parameter.startsWith("rate=")) {
                try {
                    rate = Integer.parseInt(parameter.substring(5).trim());
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("Bad rate in content type '" + contentType + "'");
                }
            }
        }
        return new WireFormat(parts[0].trim(), rate, byteOrder);
    }

    public boolean isMuLaw() {
        return MULAW.equals(encoding);
    }

    public int bytesPerSample() {
        return isMuLaw() ? 1 : 2;
    }

    public int bytesPer20Millis() {
        return sampleRate / 50 * bytesPerSample();
    }

    /** The {@code contentType} attribute form, e.g. {@code audio/x-l16;rate=8000}. */
    public String contentType() {
        return encoding + ";rate=" + sampleRate;
    }

    public byte[] encode(short[] samples, int from, int count) {
        byte[] out = new byte[count * bytesPerSample()];
        for (int i = 0; i < count; i++) {
            short sample = samples[from + i];
            if (isMuLaw()) {
                out[i] = MuLaw.encode(sample);
            } else if (byteOrder == ByteOrder.BIG_ENDIAN) {
                out[2 * i] = (byte) (sample >> 8);
                out[2 * i + 1] = (byte) sample;
            } else {
                out[2 * i] = (byte) sample;
                out[2 * i + 1] = (byte) (sample >> 8);
            }
        }
        return out;
    }

    public Pcm decode(byte[] audio) {
        if (audio.length % bytesPerSample() != 0) {
            throw new IllegalArgumentException(
                    "An odd number of bytes (" + audio.length + ") is not 16-bit audio in " + encoding);
        }
        short[] samples = new short[audio.length / bytesPerSample()];
        for (int i = 0; i < samples.length; i++) {
            if (isMuLaw()) {
                samples[i] = MuLaw.decode(audio[i]);
            } else if (byteOrder == ByteOrder.BIG_ENDIAN) {
                samples[i] = (short) ((audio[2 * i] << 8) | (audio[2 * i + 1] & 0xFF));
            } else {
                samples[i] = (short) ((audio[2 * i + 1] << 8) | (audio[2 * i] & 0xFF));
            }
        }
        return new Pcm(samples, sampleRate);
    }
}
