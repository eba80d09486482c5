package dev.camelvobiz.internal.stream;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import dev.camelvobiz.audio.AudioFormat;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Writes outbound commands exactly as protocol §4 and §14 require: top-level {@code streamId} always,
 * {@code contentType} without {@code ;rate=}, {@code sampleRate} as a JSON number. Output is UTF-8
 * bytes ready for a text frame.
 */
final class WireWriter {

    private static final byte[] PAYLOAD_SUFFIX = "\"}}".getBytes(StandardCharsets.UTF_8);

    private final String quotedStreamId;

    WireWriter(String streamId) {
        this.quotedStreamId = quote(streamId);
    }

    /**
     * The bytes of a {@code playAudio} command up to the opening quote of the payload, computed once
     * per stream and format so that each frame costs one array and one base64 pass.
     */
    byte[] playAudioPrefix(AudioFormat format) {
        return ("{\"event\":\"playAudio\",\"streamId\":\"" + quotedStreamId + "\",\"media\":{\"contentType\":\""
                        + format.encoding().mimeType() + "\",\"sampleRate\":" + format.sampleRate()
                        + ",\"payload\":\"")
                .getBytes(StandardCharsets.UTF_8);
    }

    /** One {@code playAudio} message carrying {@code audio} (already exactly one frame long). */
    static byte[] playAudio(byte[] prefix, byte[] audio) {
        int encodedLength = 4 * ((audio.length + 2) / 3);
        byte[] message = new byte[prefix.length + encodedLength + PAYLOAD_SUFFIX.length];
        // one array per frame: encode at its start, slide the text right, then write the prefix
        Base64.getEncoder().encode(audio, message);
        System.arraycopy(message, 0, message, prefix.length, encodedLength);
        System.arraycopy(prefix, 0, message, 0, prefix.length);
        System.arraycopy(PAYLOAD_SUFFIX, 0, message, prefix.length + encodedLength, PAYLOAD_SUFFIX.length);
        return message;
    }

    byte[] checkpoint(String name) {
        return utf8(
                "{\"event\":\"checkpoint\",\"streamId\":\"" + quotedStreamId + "\",\"name\":\"" + quote(name) + "\"}");
    }

    byte[] clearAudio() {
        return utf8("{\"event\":\"clearAudio\",\"streamId\":\"" + quotedStreamId + "\"}");
    }

    byte[] stop() {
        return utf8("{\"event\":\"stop\",\"streamId\":\"" + quotedStreamId + "\"}");
    }

    private static String quote(String value) {
        return new String(JsonStringEncoder.getInstance().quoteAsString(value));
    }

    private static byte[] utf8(String json) {
        return json.getBytes(StandardCharsets.UTF_8);
    }
}
