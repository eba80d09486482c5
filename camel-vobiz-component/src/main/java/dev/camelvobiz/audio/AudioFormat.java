package dev.camelvobiz.audio;

import java.nio.ByteOrder;
import java.util.Locale;

/**
 * The format of raw mono audio: an encoding, a sample rate and, for L16, a byte order (the wire does
 * not say which: protocol §14.9, so it is a setting per direction). The one place where the
 * {@code audio/x-l16;rate=8000} content-type syntax is read and written; an {@code ;endian=little}
 * or {@code ;endian=big} parameter names the byte order.
 */
public record AudioFormat(AudioEncoding encoding, int sampleRate, ByteOrder byteOrder) {

    /** Vobiz's default stream format when nothing else is said (protocol §2), big-endian as it arrives. */
    public static final AudioFormat L16_8K = new AudioFormat(AudioEncoding.L16, 8000);

    public static final AudioFormat MULAW_8K = new AudioFormat(AudioEncoding.MULAW, 8000);

    /** Big-endian (network order) for L16, the inbound default of protocol §14.9. */
    public AudioFormat(AudioEncoding encoding, int sampleRate) {
        this(encoding, sampleRate, ByteOrder.BIG_ENDIAN);
    }

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
        if (byteOrder == null || encoding == AudioEncoding.MULAW) {
            byteOrder = ByteOrder.BIG_ENDIAN; // μ-law has no byte order: one canonical value keeps equals() true
        }
    }

    /** This format with L16 samples in {@code order}. */
    public AudioFormat withByteOrder(ByteOrder order) {
        return new AudioFormat(encoding, sampleRate, order);
    }

    /**
     * Parses {@code audio/x-l16;rate=16000} (rate defaults to 8000 when absent), tolerating spaces
     * and case; L16 is big-endian unless an {@code endian=little} parameter says otherwise.
     */
    public static AudioFormat parse(String contentType) {
        return parse(contentType, ByteOrder.BIG_ENDIAN);
    }

    /** As {@link #parse(String)}, with the byte order to assume when no {@code endian=} is given. */
    public static AudioFormat parse(String contentType, ByteOrder defaultOrder) {
        if (contentType == null || contentType.isBlank()) {
            throw new IllegalArgumentException("Audio content type is empty");
        }
        AudioEncoding encoding = AudioEncoding.fromMimeType(contentType);
        int sampleRate = 8000;
        ByteOrder order = defaultOrder;
        for (String parameter : contentType.split(";")) {
            String trimmed = parameter.trim().toLowerCase(Locale.ROOT);
            if (trimmed.startsWith("rate=")) {
                sampleRate = parseRate(trimmed.substring(5).trim());
            } else if (trimmed.startsWith("endian=")) {
                order = Endian.parse(trimmed.substring(7).trim()).order();
            }
        }
        return new AudioFormat(encoding, sampleRate, order);
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

    public int bytesPerSample() {
        return encoding.bytesPerSample();
    }

    /** Milliseconds of audio in {@code bytes} bytes of this format. */
    public long millis(long bytes) {
        return bytes / bytesPerSample() * 1000 / sampleRate;
    }

    /** The content type with the byte order spelled out for L16, e.g. {@code audio/x-l16;rate=8000;endian=little}. */
    @Override
    public String toString() {
        return encoding == AudioEncoding.MULAW ? toContentType() : toContentType() + ";endian=" + Endian.of(byteOrder);
    }
}
