package dev.camelvobiz.emulator.audio;

import java.util.Arrays;

/** Mono signed 16-bit samples at a sample rate: the one form every audio path converts through. */
public record Pcm(short[] samples, int sampleRate) {

    /** Louder than this (RMS) counts as sound: far above line noise, far below speech or a tone. */
    private static final double AUDIBLE_RMS = 500;

    public Pcm {
        if (sampleRate <= 0) {
            throw new IllegalArgumentException("Sample rate must be positive: " + sampleRate);
        }
    }

    public static Pcm silence(int sampleRate, long millis) {
        return new Pcm(new short[(int) (sampleRate * millis / 1000)], sampleRate);
    }

    /** A sine tone at {@code hertz}, at half scale (loud enough to see, never clipped). */
    public static Pcm tone(int hertz, int sampleRate, long millis) {
        short[] samples = new short[(int) (sampleRate * millis / 1000)];
        for (int i = 0; i < samples.length; i++) {
            samples[i] = (short) (Math.sin(2 * Math.PI * hertz * i / sampleRate) * 16383);
        }
        return new Pcm(samples, sampleRate);
    }

    public long durationMillis() {
        return samples.length * 1000L / sampleRate;
    }

    public long durationMicros() {
        return samples.length * 1_000_000L / sampleRate;
    }

    /** The same sound at {@code rate}, by linear interpolation (good enough to listen to and test with). */
    public Pcm resample(int rate) {
        if (rate == sampleRate || samples.length == 0) {
            return rate == sampleRate ? this : new Pcm(new short[0], rate);
        }
        int length = (int) ((long) samples.length * rate / sampleRate);
        short[] out = new short[length];
        for (int i = 0; i < length; i++) {
            double position = (double) i * sampleRate / rate;
            int left = (int) position;
            int right = Math.min(left + 1, samples.length - 1);
            double fraction = position - left;
            out[i] = (short) Math.round(samples[left] * (1 - fraction) + samples[right] * fraction);
        }
        return new Pcm(out, rate);
    }

    public Pcm concat(Pcm other) {
        Pcm tail = other.resample(sampleRate);
        short[] joined = Arrays.copyOf(samples, samples.length + tail.samples.length);
        System.arraycopy(tail.samples, 0, joined, samples.length, tail.samples.length);
        return new Pcm(joined, sampleRate);
    }

    /**
     * How much of this is sound rather than silence, in milliseconds, judged in 20 ms windows: what a
     * test asks of what the caller heard ("a second of greeting", "cut short at the barge-in").
     */
    public long audibleMillis() {
        int window = sampleRate / 50;
        long audible = 0;
        for (int from = 0; from + window <= samples.length; from += window) {
            if (rms(from, from + window) > AUDIBLE_RMS) {
                audible++;
            }
        }
        return audible * 20;
    }

    /** Root mean square level, 0 for silence: lets tests tell a tone from silence. */
    public double rms(int from, int to) {
        if (to <= from) {
            return 0;
        }
        double sum = 0;
        for (int i = from; i < to; i++) {
            sum += (double) samples[i] * samples[i];
        }
        return Math.sqrt(sum / (to - from));
    }
}
