package dev.camelvobiz.audio;

import java.util.Locale;

/**
 * The format of raw mono audio on a stream: an encoding and a sample rate. The one place where the
 * {@code audio/x-l16;rate=8000} content-type syntax is read and written.
 */
public record AudioFormat(AudioEncoding encoding, int sampleRate) {

    /** Vobiz's default stream format when nothing else is said (protocol §2). */
    public static final AudioFormat L16_8K = new AudioFormat(AudioEncoding.L16, 8000);

    public static final AudioFormat MULAW_8K = new AudioFormat(AudioEncoding.MULAW, 8000);

    /** Every frame Vobiz sends and every frame we cut is 20 ms long. */
    public static final int FRAME_MILLIS = 20;

    public AudioFormat {
        if (encoding == null) {
            throw new IllegalArgumentException("Audio encoding is required");
        }
        if (sampleRate != 8000 && sampleRate != 16000 && sampleRate != 24000) {
            throw new IllegalArgumentException(
                    "Unsupported sample rate " + sampleRate + " (expected 8000, 16000 or 24000)");
        }
        if (encoding == AudioEncoding.MULAW && sampleRate != 8000) {
            throw new IllegalArgumentException("audio/x-mulaw is only defined at 8000 Hz, not " + sampleRate);
        }
    }

    /**
     * Parses {@code audio/x-l16;rate=16000} (rate defaults to 8000 when absent), tolerating spaces
     * and case.
     */
    public static AudioFormat parse(String contentType) {
        if (contentType == null || contentType.isBlank()) {
            throw new IllegalArgumentException("Audio content type is empty");
        }
        AudioEncoding encoding = AudioEncoding.fromMimeType(contentType);
        int sampleRate = 8000;
        for (String parameter : contentType.split(";")) {
            String trimmed = parameter.trim().toLowerCase(Locale.ROOT);
            if (trimmed.startsWith("rate=")) {
                sampleRate = parseRate(trimmed.substring(5).trim());
            }
        }
        return new AudioFormat(encoding, sampleRate);
    }

    private static int parseRate(String value) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Invalid sample rate '" + value + "'", e);
        }
    }

    /** Raw bytes in one 20 ms frame: 160 for μ-law 8k, 320 / 640 / 960 for L16 8k / 16k / 24k. */
    public int bytesPerFrame() {
        return sampleRate / 1000 * FRAME_MILLIS * encoding.bytesPerSample();
    }

    /** The byte a silent sample is made of: 0x00 for L16, 0xFF for μ-law. */
    public byte silenceByte() {
        return encoding == AudioEncoding.MULAW ? (byte) 0xFF : 0;
    }

    /** The {@code <Stream contentType>} form, e.g. {@code audio/x-l16;rate=8000}. */
    public String toContentType() {
        return encoding.mimeType() + ";rate=" + sampleRate;
    }

    @Override
    public String toString() {
        return toContentType();
    }
}
