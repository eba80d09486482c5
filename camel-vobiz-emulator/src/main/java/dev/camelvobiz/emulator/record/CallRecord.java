package dev.camelvobiz.emulator.record;

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
import java.util.function.Consumer;

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

    /** Audio at a time on the call's clock. */
    private record TimedAudio(long startMicros, Pcm audio) {}

    private final String callUuid;
    private final List<CallObserver> observers;
    private final long startNanos = System.nanoTime();
    private final List<Entry> timeline = new CopyOnWriteArrayList<>();
    private final List<String> streamIds = new CopyOnWriteArrayList<>();
    private final List<String> checkpointsPlayed = new CopyOnWriteArrayList<>();
    private final List<String> checkpointsVoided = new CopyOnWriteArrayList<>();
    private final List<String> violations = new CopyOnWriteArrayList<>();
    private final List<Callback> callbacks = new CopyOnWriteArrayList<>();
    private final List<PlaybackQueue> playback = new CopyOnWriteArrayList<>();
    private final List<TimedAudio> said = new ArrayList<>(); // 50 frames a second: guarded, not copied on write
    private final CompletableFuture<Hangup> hangup = new CompletableFuture<>();
    private final AtomicLong mediaSent = new AtomicLong();
    private volatile Hangup claimedEnd;

    public CallRecord(String callUuid, List<CallObserver> observers) {
        this.callUuid = callUuid;
        this.observers = List.copyOf(observers);
    }

    public String callUuid() {
        return callUuid;
    }

    /** Microseconds since the call was placed: the clock of every playback queue of this call. */
    public long nowMicros() {
        return (System.nanoTime() - startNanos) / 1000;
    }

    public void log(String what, String detail) {
        Entry entry = new Entry(nowMicros() / 1000, what, detail);
        timeline.add(entry);
        tell(observer -> observer.logged(entry));
    }

    /** Tells every observer; one that throws gets a timeline line (not told to observers) and the call goes on. */
    private void tell(Consumer<CallObserver> event) {
        for (CallObserver observer : observers) {
            try {
                event.accept(observer);
            } catch (RuntimeException e) {
                timeline.add(new Entry(nowMicros() / 1000, "observer failed", e.toString()));
            }
        }
    }

    public void streamOpened(String streamId, int sampleRate) {
        tell(observer -> observer.streamOpened(streamId, sampleRate));
    }

    /** The caller's side sent a frame of audio (kept only on calls that keep their audio). */
    public void said(long atMicros, Pcm frame) {
        synchronized (said) {
            said.add(new TimedAudio(atMicros, frame));
        }
        tell(observer -> observer.said(atMicros, frame.samples(), frame.sampleRate()));
    }

    /** Audio was queued to play to the caller from {@code startMicros}. */
    public void queued(long startMicros, Pcm audio) {
        tell(observer -> observer.queued(startMicros, audio.samples(), audio.sampleRate()));
    }

    public void cleared(long atMicros) {
        tell(observer -> observer.cleared(atMicros));
    }

    public void checkpointQueued(String name) {
        tell(observer -> observer.checkpoint(name, CallObserver.CheckpointState.QUEUED));
    }

    public void violation(String text) {
        violations.add(text);
        log("violation", text);
    }

    public void streamStarted(String streamId) {
        streamIds.add(streamId);
    }

    public void mediaSent() {
        mediaSent.incrementAndGet();
    }

    /** How many {@code media} messages the caller's side wrote to the network, over all streams. */
    public long mediaMessagesSent() {
        return mediaSent.get();
    }

    public void checkpointPlayed(String name) {
        checkpointsPlayed.add(name);
        tell(observer -> observer.checkpoint(name, CallObserver.CheckpointState.PLAYED));
    }

    public void checkpointVoided(String name) {
        checkpointsVoided.add(name);
        tell(observer -> observer.checkpoint(name, CallObserver.CheckpointState.VOIDED));
    }

    public void callback(Callback callback) {
        callbacks.add(callback);
    }

    public PlaybackQueue newPlaybackQueue() {
        PlaybackQueue queue = new PlaybackQueue();
        playback.add(queue);
        return queue;
    }

    /** Claims the end of the call, once; waiters are released by {@link #endingDone()}. */
    public synchronized boolean ended(Hangup how) {
        if (claimedEnd != null) {
            return false;
        }
        claimedEnd = how;
        log("hangup", how.cause() + " (" + how.source() + ")");
        return true;
    }

    /** The call's ending is complete (streams closed, hang-up webhook queued): release whoever waits. */
    public void endingDone() {
        hangup.complete(claimedEnd);
        tell(observer -> observer.ended(claimedEnd));
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
        List<TimedAudio> segments = new ArrayList<>();
        for (PlaybackQueue queue : playback) {
            for (PlaybackQueue.Segment segment : queue.segments()) {
                segments.add(new TimedAudio(
                        segment.startMicros(), new Pcm(littleEndianSamples(segment.audio()), segment.sampleRate())));
            }
        }
        return render(segments, sampleRate, true);
    }

    /**
     * What the caller said to the app, at {@code sampleRate}: the media the stream sockets sent, at the
     * time each frame was sent (every stream carries the same voice, so a second stream adds nothing).
     */
    public Pcm said(int sampleRate) {
        synchronized (said) {
            return render(said, sampleRate, false);
        }
    }

    /** Lays timed audio on one track; overlaps add up ({@code mix}) or the later one wins. */
    private static Pcm render(List<TimedAudio> parts, int sampleRate, boolean mix) {
        long endMicros = parts.stream()
                .mapToLong(part -> part.startMicros() + part.audio().durationMicros())
                .max()
                .orElse(0);
        int[] track = new int[(int) (endMicros * sampleRate / 1_000_000L)];
        for (TimedAudio part : parts) {
            short[] samples = part.audio().resample(sampleRate).samples();
            int offset = (int) (part.startMicros() * sampleRate / 1_000_000L);
            for (int i = 0; i < samples.length && offset + i < track.length; i++) {
                track[offset + i] = mix ? track[offset + i] + samples[i] : samples[i];
            }
        }
        short[] out = new short[track.length];
        for (int i = 0; i < track.length; i++) {
            out[i] = (short) Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, track[i]));
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

    /** The rate the caller's audio went to the app at (8000 if no stream opened). */
    public int saidSampleRate() {
        synchronized (said) {
            return said.isEmpty() ? 8000 : said.get(0).audio().sampleRate();
        }
    }

    public void writeSaidWav(Path file) throws IOException {
        Wav.write(said(saidSampleRate()), file);
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
