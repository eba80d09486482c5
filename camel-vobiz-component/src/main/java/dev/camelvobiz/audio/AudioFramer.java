package dev.camelvobiz.audio;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Cuts audio into exact 20 ms frames, carrying what is left over to the next call on the same stream
 * (a TTS service that streams 1234-byte chunks still yields whole frames, with no silence between
 * chunks). {@link #flush()} pads the last partial frame with silence, for the end of an utterance.
 */
public final class AudioFramer {

    private final AudioFormat format;
    private final byte[] partial;
    private int partialLength;

    public AudioFramer(AudioFormat format) {
        this.format = format;
        this.partial = new byte[format.bytesPerFrame()];
    }

    public AudioFormat format() {
        return format;
    }

    /**
     * The whole frames {@code audio} completes; the rest waits for the next call or {@link #flush()}.
     * A returned frame may be {@code audio} itself: read the frames before changing that array.
     */
    public List<byte[]> append(byte[] audio) {
        int frameSize = partial.length;
        if (partialLength == 0 && audio.length == frameSize) {
            return List.of(audio); // the usual case (a frame echoed or relayed as it came): no copy
        }
        List<byte[]> frames = new ArrayList<>((partialLength + audio.length) / frameSize);
        int offset = 0;
        if (partialLength > 0) {
            int take = Math.min(frameSize - partialLength, audio.length);
            System.arraycopy(audio, 0, partial, partialLength, take);
            partialLength += take;
            offset = take;
            if (partialLength < frameSize) {
                return frames;
            }
            frames.add(partial.clone());
            partialLength = 0;
        }
        for (; offset + frameSize <= audio.length; offset += frameSize) {
            frames.add(Arrays.copyOfRange(audio, offset, offset + frameSize));
        }
        partialLength = audio.length - offset;
        System.arraycopy(audio, offset, partial, 0, partialLength);
        return frames;
    }

    /** The partial frame padded with silence, or null when there is none. */
    public byte[] flush() {
        if (partialLength == 0) {
            return null;
        }
        byte[] frame = partial.clone();
        Arrays.fill(frame, partialLength, frame.length, format.silenceByte());
        partialLength = 0;
        return frame;
    }

    /** Drops the partial frame (after a clear). */
    public void reset() {
        partialLength = 0;
    }
}
