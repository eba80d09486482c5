package dev.camelvobiz.audio;

/**
 * Converts audio to one target format, statefully, for one stream and one direction: the resampler
 * keeps its filter history across 20 ms frames. Not thread-safe: one per stream direction, used in
 * that stream's order. Same format in and out costs nothing; byte order alone is a swap.
 */
public final class AudioConverter {

    private final AudioFormat target;
    private Resampler resampler;

    public AudioConverter(AudioFormat target) {
        this.target = target;
    }

    public AudioFormat target() {
        return target;
    }

    public byte[] convert(byte[] audio, AudioFormat source) {
        if (source.equals(target)) {
            return audio;
        }
        if (source.encoding() == AudioEncoding.L16
                && target.encoding() == AudioEncoding.L16
                && source.sampleRate() == target.sampleRate()) {
            return Samples.swapBytes(audio);
        }
        short[] samples = Samples.decode(audio, source);
        if (source.sampleRate() != target.sampleRate()) {
            if (resampler == null || resampler.inputRate() != source.sampleRate()) {
                resampler = new Resampler(source.sampleRate(), target.sampleRate());
            }
            samples = resampler.process(samples);
        }
        return Samples.encode(samples, samples.length, target);
    }

    /** Forgets resampler history (after a clear: the next audio does not continue the last). */
    public void reset() {
        if (resampler != null) {
            resampler.reset();
        }
    }
}
