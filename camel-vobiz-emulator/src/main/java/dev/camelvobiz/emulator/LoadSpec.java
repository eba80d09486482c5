package dev.camelvobiz.emulator;

import java.time.Duration;
import java.util.Objects;

/**
 * A load run: {@code calls} concurrent calls, each a bidirectional stream of real-time 20 ms media to
 * {@code streamUrl}, for {@code duration}; round trips are measured from each frame to the
 * {@code playAudio} that echoes it, after a ramp and a warm-up that are left out of the figures.
 */
public record LoadSpec(
        String streamUrl, int calls, Duration duration, Duration ramp, Duration warmUp, String contentType) {

    public LoadSpec {
        Objects.requireNonNull(streamUrl, "streamUrl");
        if (calls < 1) {
            throw new IllegalArgumentException("calls must be at least 1");
        }
    }

    /** Checked when the run starts, so the {@code with…} steps can be applied in any order. */
    public void checkMeasurable() {
        if (duration.compareTo(ramp.plus(warmUp)) <= 0) {
            throw new IllegalArgumentException("duration " + duration + " leaves nothing to measure after ramp " + ramp
                    + " and warm-up " + warmUp);
        }
    }

    /** {@code calls} calls for {@code duration}, a 2 s ramp, 3 s warm-up, L16 8 kHz (as BASELINES.md measures). */
    public static LoadSpec of(String streamUrl, int calls, Duration duration) {
        return new LoadSpec(
                streamUrl, calls, duration, Duration.ofSeconds(2), Duration.ofSeconds(3), "audio/x-l16;rate=8000");
    }

    public LoadSpec withRamp(Duration newRamp) {
        return new LoadSpec(streamUrl, calls, duration, newRamp, warmUp, contentType);
    }

    public LoadSpec withWarmUp(Duration newWarmUp) {
        return new LoadSpec(streamUrl, calls, duration, ramp, newWarmUp, contentType);
    }

    public LoadSpec withContentType(String newContentType) {
        return new LoadSpec(streamUrl, calls, duration, ramp, warmUp, newContentType);
    }
}
