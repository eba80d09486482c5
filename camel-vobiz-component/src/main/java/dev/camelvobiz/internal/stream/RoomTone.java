package dev.camelvobiz.internal.stream;

import dev.camelvobiz.audio.AudioFormat;
import dev.camelvobiz.audio.Samples;

/**
 * A looped bed (room tone, a murmur, hold music) in the stream's outbound format, handed out one
 * 20 ms frame at a time with whatever speech is due mixed over it. The loop is read as a ring, so a
 * bed whose length is not a whole number of frames loops without a gap.
 */
final class RoomTone {

    private final short[] loop;
    private final AudioFormat format;
    private final short[] mix; // one frame, reused: under() runs under the playout's lock
    private int position;

    /** {@code audio} is already in {@code format}, the stream's outbound format. */
    RoomTone(byte[] audio, AudioFormat format) {
        this.loop = Samples.decode(audio, format);
        if (loop.length == 0) {
            throw new IllegalArgumentException("A room-tone bed needs at least one sample");
        }
        this.format = format;
        this.mix = new short[format.sampleRate() / 50];
    }

    /** The next frame of the bed with {@code speech} (one frame in the same format, or null) mixed over it. */
    byte[] under(byte[] speech) {
        short[] voice = speech == null ? null : Samples.decode(speech, format);
        for (int i = 0; i < mix.length; i++) {
            int sample = loop[position];
            position = position + 1 == loop.length ? 0 : position + 1;
            if (voice != null && i < voice.length) {
                sample += voice[i];
            }
            mix[i] = (short) Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, sample));
        }
        return Samples.encode(mix, mix.length, format);
    }
}
