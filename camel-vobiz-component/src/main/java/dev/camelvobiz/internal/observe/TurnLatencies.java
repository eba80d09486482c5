package dev.camelvobiz.internal.observe;

import java.util.Arrays;

/**
 * The latest turn latencies of a component's calls (the last {@value #KEPT}), for the dev console's
 * percentiles: how long callers waited, from the end of their turn to the first audio of the answer.
 * Micrometer's {@code vobiz.turn.latency} timer has the same figures for dashboards.
 */
public final class TurnLatencies {

    static final int KEPT = 1024;

    private final long[] nanos = new long[KEPT];
    private long count; // guarded by this

    public synchronized void record(long latencyNanos) {
        nanos[(int) (count++ % KEPT)] = latencyNanos;
    }

    /** How many turns were measured since the component started. */
    public synchronized long count() {
        return count;
    }

    /** The {@code quantile} (0 to 1) of the kept latencies, in milliseconds; -1 when none was measured. */
    public synchronized long percentileMillis(double quantile) {
        int kept = (int) Math.min(count, KEPT);
        if (kept == 0) {
            return -1;
        }
        long[] sorted = Arrays.copyOf(nanos, kept);
        Arrays.sort(sorted);
        int index = (int) Math.min(kept - 1, Math.max(0, Math.ceil(quantile * kept) - 1));
        return sorted[index] / 1_000_000;
    }
}
