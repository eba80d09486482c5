package dev.camelvobiz.audio;

import java.util.Locale;

/** The sample encodings Vobiz streams carry: signed 16-bit linear PCM and G.711 μ-law. */
public enum AudioEncoding {
    L16("audio/x-l16", 2),
    MULAW("audio/x-mulaw", 1);

    private final String mimeType;
    private final int bytesPerSample;

    AudioEncoding(String mimeType, int bytesPerSample) {
        this.mimeType = mimeType;
        this.bytesPerSample = bytesPerSample;
    }

    /** The wire name, without a {@code ;rate=} suffix, as Vobiz expects it in {@code playAudio}. */
    public String mimeType() {
        return mimeType;
    }

    public int bytesPerSample() {
        return bytesPerSample;
    }

    /**
     * Accepts the wire name with or without a {@code ;rate=} suffix and in any case (protocol §14.2).
     *
     * @throws IllegalArgumentException for anything that is neither L16 nor μ-law
     */
    public static AudioEncoding fromMimeType(String value) {
        String bare = stripParameters(value).toLowerCase(Locale.ROOT);
        for (AudioEncoding encoding : values()) {
            if (encoding.mimeType.equals(bare)) {
                return encoding;
            }
        }
        throw new IllegalArgumentException(
                "Unsupported audio encoding '" + value + "' (expected audio/x-l16 or audio/x-mulaw)");
    }

    static String stripParameters(String contentType) {
        int semicolon = contentType.indexOf(';');
        return (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).trim();
    }
}
