package dev.camelvobiz.emulator;

import dev.camelvobiz.emulator.audio.Pcm;
import dev.camelvobiz.emulator.audio.Wav;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Everything that happened on one emulated call, for a person (a readable timeline, a WAV of what the
 * caller heard) and for a test (checkpoints played and voided, callbacks, streams, the hangup).
 * Times are milliseconds since the call was placed.
 */
public final class CallRecord {

    /** One line of the timeline. */
    public record Entry(long atMillis, String what, String detail) {
        @Override
        public String toString() {
            return String.format("%8.3fs  %-16s %s", atMillis / 1000.0, what, detail);
        }
    }

    /** A status callback or webhook the emulator delivered, and the HTTP status it got back. */
    public record Callback(String url, Map<String, String> fields, int status) {
        public String event() {
            return fields.get("Event");
        }
    }

    /** How the call ended, in the fields of the hangup webhook (protocol §7). */
    public record Hangup(String cause, String causeCode, String source) {}

    private final String callUuid;
    private final long startNanos = System.nanoTime();
    private final List<Entry> timeline = new CopyOnWriteArrayList<>();
    private final List<String> streamIds = new CopyOnWriteArrayList<>();
    private final List<String> checkpointsPlayed = new CopyOnWriteArrayList<>();
    private final List<String> checkpointsVoided = new CopyOnWriteArrayList<>();
    private final List<String> violations = new CopyOnWriteArrayList<>();
    private final List<Callback> callbacks = new CopyOnWriteArrayList<>();
    private final List<PlaybackQueue> playback = new CopyOnWriteArrayList<>();
    private final CompletableFuture<Hangup> hangup = new CompletableFuture<>();
    private final AtomicLong mediaSent = new AtomicLong();
    private volatile Hangup claimedEnd;

    CallRecord(String callUuid) {
        this.callUuid = callUuid;
    }

    public String callUuid() {
        return callUuid;
    }

    /** Microseconds since the call was placed: the clock of every playback queue of this call. */
    long nowMicros() {
        return (System.nanoTime() - startNanos) / 1000;
    }

    void log(String what, String detail) {
        timeline.add(new Entry(nowMicros() / 1000, what, detail));
    }

    void violation(String text) {
        violations.add(text);
        log("violation", text);
    }

    void streamStarted(String streamId) {
        streamIds.add(streamId);
    }

    void mediaSent() {
        mediaSent.incrementAndGet();
    }

    /** How many {@code media} messages the caller's side wrote to the network, over all streams. */
    public long mediaMessagesSent() {
        return mediaSent.get();
    }

    void checkpointPlayed(String name) {
        checkpointsPlayed.add(name);
    }

    void checkpointVoided(String name) {
        checkpointsVoided.add(name);
    }

    void callback(Callback callback) {
        callbacks.add(callback);
    }

    PlaybackQueue newPlaybackQueue() {
        PlaybackQueue queue = new PlaybackQueue();
        playback.add(queue);
        return queue;
    }

    /** Claims the end of the call, once; waiters are released by {@link #endingDone()}. */
    synchronized boolean ended(Hangup how) {
        if (claimedEnd != null) {
            return false;
        }
        claimedEnd = how;
        log("hangup", how.cause() + " (" + how.source() + ")");
        return true;
    }

    /** The call's ending is complete (streams closed, hang-up webhook queued): release whoever waits. */
    void endingDone() {
        hangup.complete(claimedEnd);
    }

    public List<Entry> timeline() {
        return List.copyOf(timeline);
    }

    /** The stream ids in the order their sockets opened (a reconnect adds a new one). */
    public List<String> streamIds() {
        return List.copyOf(streamIds);
    }

    public List<String> checkpointsPlayed() {
        return List.copyOf(checkpointsPlayed);
    }

    /** Checkpoints that will never play: voided by {@code clearAudio}, or pending when the stream closed. */
    public List<String> checkpointsVoided() {
        return List.copyOf(checkpointsVoided);
    }

    /** What the app sent that the current docs do not allow (tolerated or ignored, as Vobiz would). */
    public List<String> violations() {
        return List.copyOf(violations);
    }

    public List<Callback> callbacks() {
        return List.copyOf(callbacks);
    }

    public List<Callback> callbacks(String event) {
        return callbacks.stream().filter(c -> event.equals(c.event())).toList();
    }

    public boolean isEnded() {
        return claimedEnd != null;
    }

    public CompletableFuture<Hangup> hangup() {
        return hangup.copy();
    }

    /** Waits for the call to end and returns how it ended. */
    public Hangup awaitHangup(long timeout, TimeUnit unit) throws InterruptedException, TimeoutException {
        try {
            return hangup.get(timeout, unit);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    /** What the caller heard, at {@code sampleRate}: every played segment at its time, silence between. */
    public Pcm heard(int sampleRate) {
        List<PlaybackQueue.Segment> segments = new ArrayList<>();
        playback.forEach(queue -> segments.addAll(queue.segments()));
        long endMicros = segments.stream()
                .mapToLong(PlaybackQueue.Segment::endMicros)
                .max()
                .orElse(0);
        int[] mix = new int[(int) (endMicros * sampleRate / 1_000_000L)];
        for (PlaybackQueue.Segment segment : segments) {
            short[] samples = littleEndianSamples(segment.audio());
            Pcm at = new Pcm(samples, segment.sampleRate()).resample(sampleRate);
            int offset = (int) (segment.startMicros() * sampleRate / 1_000_000L);
            for (int i = 0; i < at.samples().length && offset + i < mix.length; i++) {
                mix[offset + i] += at.samples()[i];
            }
        }
        short[] out = new short[mix.length];
        for (int i = 0; i < mix.length; i++) {
            out[i] = (short) Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, mix[i]));
        }
        return new Pcm(out, sampleRate);
    }

    private static short[] littleEndianSamples(byte[] audio) {
        short[] samples = new short[audio.length / 2];
        ByteBuffer.wrap(audio).order(ByteOrder.LITTLE_ENDIAN).asShortBuffer().get(samples);
        return samples;
    }

    /** The highest rate any heard audio was played at (8000 if none): heard.wav loses nothing at it. */
    public int heardSampleRate() {
        return playback.stream()
                .flatMap(queue -> queue.segments().stream())
                .mapToInt(PlaybackQueue.Segment::sampleRate)
                .max()
                .orElse(8000);
    }

    public void writeHeardWav(Path file) throws IOException {
        Wav.write(heard(heardSampleRate()), file);
    }

    public String timelineText() {
        StringBuilder text = new StringBuilder("call ").append(callUuid).append('\n');
        timeline.forEach(entry -> text.append(entry).append('\n'));
        return text.toString();
    }

    public void writeTimeline(Path file) throws IOException {
        Files.writeString(file, timelineText(), StandardCharsets.UTF_8);
    }
}
