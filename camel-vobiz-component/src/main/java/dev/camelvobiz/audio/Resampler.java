package dev.camelvobiz.audio;

/**
 * Changes the sample rate by a rational factor (8, 16 and 24 kHz give 2, 3, 3/2 and their inverses)
 * with a polyphase windowed-sinc low-pass filter, so downsampling does not fold what lies above the
 * new Nyquist frequency back into the band (aliasing) and upsampling does not leave images. Streaming:
 * it keeps its filter history between calls, so 20 ms frames join without clicks; {@link #reset()}
 * forgets it (after a barge-in the next audio is unrelated to the last).
 */
public final class Resampler {

    /** Filter taps per polyphase branch: ±12 input samples of support. */
    private static final int TAPS_PER_PHASE = 24;

    private final int inputRate;
    private final int outputRate;
    private final int up;
    private final int down;
    private final float[][] phases; // phases[p][k]: the tap for input sample index - k in polyphase branch p
    private final float[] history = new float[TAPS_PER_PHASE - 1];
    private long position; // next output, in upsampled samples, counted from the first history sample

    public Resampler(int inputRate, int outputRate) {
        int gcd = gcd(inputRate, outputRate);
        this.inputRate = inputRate;
        this.outputRate = outputRate;
        this.up = outputRate / gcd;
        this.down = inputRate / gcd;
        float[] taps = design(up, down);
        this.phases = new float[up][TAPS_PER_PHASE];
        for (int p = 0; p < up; p++) {
            for (int k = 0; k < TAPS_PER_PHASE; k++) {
                phases[p][k] = taps[p + k * up];
            }
        }
        reset();
    }

    public int inputRate() {
        return inputRate;
    }

    public int outputRate() {
        return outputRate;
    }

    /** Forgets the history: the next input starts from silence. */
    public void reset() {
        java.util.Arrays.fill(history, 0f);
        position = (long) (TAPS_PER_PHASE - 1) * up;
    }

    /** Windowed sinc at the lower of the two Nyquist frequencies, gain {@code up} to make up for zero-stuffing. */
    private static float[] design(int up, int down) {
        int length = up * TAPS_PER_PHASE;
        double cutoff = 0.5 / Math.max(up, down) * 0.92; // a little below Nyquist: room for the transition band
        double centre = (length - 1) / 2.0;
        float[] taps = new float[length];
        for (int n = 0; n < length; n++) {
            double x = n - centre;
            double sinc = x == 0 ? 2 * cutoff : Math.sin(2 * Math.PI * cutoff * x) / (Math.PI * x);
            double blackman = 0.42
                    - 0.5 * Math.cos(2 * Math.PI * n / (length - 1))
                    + 0.08 * Math.cos(4 * Math.PI * n / (length - 1));
            taps[n] = (float) (sinc * blackman * up);
        }
        return taps;
    }

    public short[] process(short[] input) {
        int historyLength = history.length;
        float[] x = new float[historyLength + input.length];
        System.arraycopy(history, 0, x, 0, historyLength);
        for (int i = 0; i < input.length; i++) {
            x[historyLength + i] = input[i];
        }
        long end = (long) x.length * up; // outputs need input index (position / up) < x.length
        int count = (int) Math.max(0, (end - position + down - 1) / down);
        short[] output = new short[count];
        long t = position;
        for (int n = 0; n < count; n++, t += down) {
            // position never falls below (TAPS_PER_PHASE - 1) * up, so index - k stays inside x
            int index = (int) (t / up);
            float[] branch = phases[(int) (t % up)];
            float sum = 0f;
            for (int k = 0; k < TAPS_PER_PHASE; k++) {
                sum += branch[k] * x[index - k];
            }
            int rounded = (int) (sum + (sum >= 0 ? 0.5f : -0.5f));
            output[n] = (short) Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, rounded));
        }
        position = t - (long) input.length * up;
        System.arraycopy(x, x.length - historyLength, history, 0, historyLength);
        return output;
    }

    private static int gcd(int a, int b) {
        return b == 0 ? a : gcd(b, a % b);
    }
}
