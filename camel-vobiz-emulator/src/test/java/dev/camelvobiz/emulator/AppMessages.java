package dev.camelvobiz.emulator;

import dev.camelvobiz.emulator.audio.Pcm;
import dev.camelvobiz.emulator.audio.WireFormat;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/** Commands a test app sends, in the strict current form (protocol §4). */
final class AppMessages {

    private static final WireFormat L16_8K = new WireFormat(WireFormat.L16, 8000, ByteOrder.LITTLE_ENDIAN);

    private AppMessages() {}

    /** {@code millis} of a tone as 20 ms {@code playAudio} frames, L16 8 kHz little-endian. */
    static List<String> playTone(String streamId, int hertz, int millis) {
        Pcm tone = Pcm.tone(hertz, 8000, millis);
        List<String> frames = new ArrayList<>();
        for (int from = 0; from < tone.samples().length; from += 160) {
            byte[] audio = L16_8K.encode(tone.samples(), from, Math.min(160, tone.samples().length - from));
            frames.add(playAudio(
                    streamId, "audio/x-l16", "8000", Base64.getEncoder().encodeToString(audio)));
        }
        return frames;
    }

    static String playAudio(String streamId, String contentType, String sampleRate, String payload) {
        return "{\"event\":\"playAudio\",\"streamId\":\"" + streamId + "\",\"media\":{\"contentType\":\"" + contentType
                + "\",\"sampleRate\":" + sampleRate + ",\"payload\":\"" + payload + "\"}}";
    }

    static String checkpoint(String streamId, String name) {
        return "{\"event\":\"checkpoint\",\"streamId\":\"" + streamId + "\",\"name\":\"" + name + "\"}";
    }

    static String clearAudio(String streamId) {
        return "{\"event\":\"clearAudio\",\"streamId\":\"" + streamId + "\"}";
    }

    static String stop(String streamId) {
        return "{\"event\":\"stop\",\"streamId\":\"" + streamId + "\"}";
    }
}
