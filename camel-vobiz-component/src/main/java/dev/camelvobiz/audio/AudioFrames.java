package dev.camelvobiz.audio;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Cuts raw audio into exact 20 ms frames, the unit every {@code playAudio} carries. */
public final class AudioFrames {

    private AudioFrames() {}

    /**
     * Splits {@code audio} into frames of {@code format}; a short last frame is padded with silence so
     * that nothing is dropped and every frame plays for exactly 20 ms.
     *
     * @throws IllegalArgumentException if L16 audio has an odd number of bytes (a sample split in two)
     */
    public static List<byte[]> cut(byte[] audio, AudioFormat format) {
        if (format.encoding() == AudioEncoding.L16 && audio.length % 2 != 0) {
            throw new IllegalArgumentException(
                    "L16 audio must hold whole 16-bit samples, got " + audio.length + " bytes");
        }
        int frameSize = format.bytesPerFrame();
        if (audio.length == frameSize) {
            return List.of(audio);
        }
        List<byte[]> frames = new ArrayList<>(audio.length / frameSize + 1);
        for (int offset = 0; offset < audio.length; offset += frameSize) {
            int end = offset + frameSize;
            byte[] frame = Arrays.copyOfRange(audio, offset, end);
            if (end > audio.length) {
                Arrays.fill(frame, audio.length - offset, frameSize, format.silenceByte());
            }
            frames.add(frame);
        }
        return frames;
    }
}
