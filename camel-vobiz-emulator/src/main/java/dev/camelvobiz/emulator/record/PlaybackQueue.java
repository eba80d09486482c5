package dev.camelvobiz.emulator.record;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;

/**
 * Vobiz's playback queue for one stream, on a real-time clock: what the caller hears. {@code playAudio}
 * appends audio that plays back to back from the moment it arrives (or from when the audio before it
 * ends); a {@code checkpoint} is due when everything queued before it has played; {@code clearAudio}
 * cuts what is playing at that instant, drops the rest and voids every checkpoint not yet due (protocol
 * §4.1–§4.3). Times are microseconds on a clock the caller supplies, so behaviour is exact and testable.
 */
public final class PlaybackQueue {

    /** A stretch of audio the caller heard (or will hear): raw bytes in one format, from a start time. */
    public record Segment(long startMicros, byte[] audio, int sampleRate, int bytesPerSample) {

        public long durationMicros() {
            return durationMicros(audio.length, sampleRate, bytesPerSample);
        }

        public long endMicros() {
            return startMicros + durationMicros();
        }

        static long durationMicros(int bytes, int sampleRate, int bytesPerSample) {
            return (long) (bytes / bytesPerSample) * 1_000_000L / sampleRate;
        }
    }

    private record Checkpoint(String name, long dueMicros) {}

    private final List<Segment> segments = new ArrayList<>();
    private final Deque<Checkpoint> checkpoints = new ArrayDeque<>();
    private final boolean retainAudio;
    private long queueEndMicros;

    /** A queue that keeps what was played, to render what the caller heard. */
    public PlaybackQueue() {
        this(true);
    }

    private PlaybackQueue(boolean retainAudio) {
        this.retainAudio = retainAudio;
    }

    /** A queue that keeps only the timing (for load runs, where keeping every call's audio costs memory). */
    public static PlaybackQueue timingOnly() {
        return new PlaybackQueue(false);
    }

    public boolean retainsAudio() {
        return retainAudio;
    }

    /**
     * Queues {@code audio} to play after everything queued before it, or now if the queue has drained;
     * returns when it starts playing.
     */
    public synchronized long enqueue(byte[] audio, int sampleRate, int bytesPerSample, long nowMicros) {
        if (audio.length % bytesPerSample != 0) {
            throw new IllegalArgumentException(
                    "Audio of " + audio.length + " bytes is not whole " + bytesPerSample + "-byte samples");
        }
        long start = Math.max(nowMicros, queueEndMicros);
        queueEndMicros = start + Segment.durationMicros(audio.length, sampleRate, bytesPerSample);
        if (retainAudio) {
            segments.add(new Segment(start, audio.clone(), sampleRate, bytesPerSample));
        }
        return start;
    }

    /** Marks the current end of the queue; the checkpoint is due when the caller has heard up to it. */
    public synchronized void checkpoint(String name, long nowMicros) {
        checkpoints.add(new Checkpoint(name, Math.max(nowMicros, queueEndMicros)));
    }

    /** Removes and returns, in order, the checkpoints whose audio has fully played by {@code nowMicros}. */
    public synchronized List<String> takeDue(long nowMicros) {
        List<String> due = new ArrayList<>();
        while (!checkpoints.isEmpty() && checkpoints.peekFirst().dueMicros() <= nowMicros) {
            due.add(checkpoints.pollFirst().name());
        }
        return due;
    }

    /**
     * Flushes the queue at {@code nowMicros}: the segment playing is cut there, later ones are dropped,
     * and the checkpoints not yet due are voided and returned (they will never be played).
     */
    public synchronized List<String> clear(long nowMicros) {
        List<String> voided = new ArrayList<>();
        for (Checkpoint checkpoint : checkpoints) {
            if (checkpoint.dueMicros() > nowMicros) {
                voided.add(checkpoint.name());
            }
        }
        checkpoints.removeIf(checkpoint -> checkpoint.dueMicros() > nowMicros);
        segments.removeIf(segment -> segment.startMicros() >= nowMicros);
        if (!segments.isEmpty()) {
            Segment last = segments.get(segments.size() - 1);
            if (last.endMicros() > nowMicros) {
                segments.set(segments.size() - 1, cut(last, nowMicros));
            }
        }
        queueEndMicros = Math.min(queueEndMicros, nowMicros);
        return voided;
    }

    private static Segment cut(Segment segment, long atMicros) {
        long playedSamples = (atMicros - segment.startMicros()) * segment.sampleRate() / 1_000_000L;
        int playedBytes = (int) playedSamples * segment.bytesPerSample();
        return new Segment(
                segment.startMicros(),
                Arrays.copyOf(segment.audio(), playedBytes),
                segment.sampleRate(),
                segment.bytesPerSample());
    }

    /** How much queued audio has not played yet at {@code nowMicros}. */
    public synchronized long pendingMicros(long nowMicros) {
        return Math.max(0, queueEndMicros - nowMicros);
    }

    /** Everything queued so far, as heard: in time order, cut where a clear cut it. */
    public synchronized List<Segment> segments() {
        return List.copyOf(segments);
    }
}
