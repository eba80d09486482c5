package dev.camelvobiz.emulator;

import dev.camelvobiz.emulator.audio.Pcm;
import dev.camelvobiz.emulator.audio.WireFormat;
import dev.camelvobiz.emulator.stream.MediaSource;

/**
 * The caller's voice as it arrives from outside, e.g. a browser's microphone: {@link #write} appends
 * audio, and each stream takes 20 ms of it per frame at its own rate. Arrival is bursty while the media
 * clock is steady, so a short lead is buffered before the voice starts (an underrun is heard as
 * silence, then the lead is built up again), and a backlog beyond {@link #MAX_LEAD_MILLIS} is dropped
 * from its oldest end so the caller is never heard late because two clocks drifted apart.
 */
public final class LiveAudio implements MediaSource {

    static final int START_LEAD_MILLIS = 60;
    static final int MAX_LEAD_MILLIS = 300;

    private final int sampleRate;
    private final short[] ring;
    private int readAt;
    private int buffered;
    private boolean flowing;

    /** Live audio written at {@code sampleRate}. */
    public LiveAudio(int sampleRate) {
        if (sampleRate < 8000 || sampleRate > 48000) {
            throw new IllegalArgumentException("Live audio rate must be 8000 to 48000 Hz: " + sampleRate);
        }
        this.sampleRate = sampleRate;
        this.ring = new short[sampleRate * MAX_LEAD_MILLIS / 1000];
    }

    public int sampleRate() {
        return sampleRate;
    }

    /** Appends the caller's next samples (at {@link #sampleRate()}). */
    public synchronized void write(short[] samples) {
        for (short sample : samples) {
            if (buffered == ring.length) { // full: forget the oldest sample
                readAt = (readAt + 1) % ring.length;
                buffered--;
            }
            ring[(readAt + buffered) % ring.length] = sample;
            buffered++;
        }
    }

    /** How much audio waits to be sent, in milliseconds. */
    public synchronized long bufferedMillis() {
        return buffered * 1000L / sampleRate;
    }

    @Override
    public byte[] nextFrame(WireFormat format, long chunk) {
        short[] frame = new short[sampleRate / 50];
        synchronized (this) {
            if (!flowing && buffered >= sampleRate * START_LEAD_MILLIS / 1000) {
                flowing = true;
            }
            if (flowing) {
                int taken = Math.min(frame.length, buffered);
                for (int i = 0; i < taken; i++) {
                    frame[i] = ring[(readAt + i) % ring.length];
                }
                readAt = (readAt + taken) % ring.length;
                buffered -= taken;
                flowing = taken == frame.length;
            }
        }
        short[] samples =
                new Pcm(frame, sampleRate).resample(format.sampleRate()).samples();
        return format.encode(samples, 0, samples.length);
    }
}
