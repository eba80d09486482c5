package dev.camelvobiz.emulator.audio;

import java.util.ArrayList;
import java.util.List;

/**
 * Caller audio whose every 20 ms frame is one constant sample value unique to its call and position,
 * so that what the caller heard back tells, frame by frame, whose audio it was and in what order:
 * an echo that loses, reorders or crosses calls shows in {@link #heard(Pcm)}.
 */
public final class FrameMarks {

    private static final int BASE = 1000;
    private static final int FRAMES_PER_CALL = 200;

    private FrameMarks() {}

    /** The mark of frame {@code frame} of call {@code call} (both from 0). */
    public static int mark(int call, int frame) {
        if (frame < 0 || frame >= FRAMES_PER_CALL || call < 0 || call > 150) {
            throw new IllegalArgumentException("call 0..150 and frame 0.." + (FRAMES_PER_CALL - 1));
        }
        return BASE + call * FRAMES_PER_CALL + frame;
    }

    /** {@code frames} marked 20 ms frames of call {@code call}, at {@code sampleRate}. */
    public static Pcm caller(int call, int frames, int sampleRate) {
        int perFrame = sampleRate / 50;
        short[] samples = new short[frames * perFrame];
        for (int frame = 0; frame < frames; frame++) {
            java.util.Arrays.fill(samples, frame * perFrame, (frame + 1) * perFrame, (short) mark(call, frame));
        }
        return new Pcm(samples, sampleRate);
    }

    /** The marks in {@code heard}, in the order heard, each once per run of equal samples; silence skipped. */
    public static List<Integer> heard(Pcm heard) {
        List<Integer> marks = new ArrayList<>();
        int previous = 0;
        for (short sample : heard.samples()) {
            if (sample != previous && sample >= BASE) {
                marks.add((int) sample);
            }
            previous = sample;
        }
        return marks;
    }

    /** The marks call {@code call} sent in its first {@code frames} frames. */
    public static List<Integer> sent(int call, int frames) {
        List<Integer> marks = new ArrayList<>(frames);
        for (int frame = 0; frame < frames; frame++) {
            marks.add(mark(call, frame));
        }
        return marks;
    }
}
