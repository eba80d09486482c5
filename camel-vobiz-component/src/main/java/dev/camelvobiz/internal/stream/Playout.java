package dev.camelvobiz.internal.stream;

import dev.camelvobiz.VobizConstants;
import dev.camelvobiz.audio.AudioConverter;
import dev.camelvobiz.audio.AudioEncoding;
import dev.camelvobiz.audio.AudioFormat;
import dev.camelvobiz.audio.AudioFramer;
import dev.camelvobiz.internal.observe.VobizMetrics;
import dev.camelvobiz.stream.CheckpointOutcome;
import dev.camelvobiz.stream.HeardUtterance;
import dev.camelvobiz.stream.StreamClosedException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.LongConsumer;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.apache.camel.AsyncCallback;
import org.apache.camel.Exchange;

/**
 * The outbound side of one stream: what we have asked the platform to play, and when.
 *
 * <ul>
 *   <li>Audio: a play's body is converted to the stream's outbound format and cut into exact 20 ms
 *       frames, the remainder carried to the next play and padded when an utterance ends (a
 *       checkpoint or stop). Conversion has its own lock, so a long answer being resampled never
 *       holds up the pacing of what is already queued.
 *   <li>Pacing: {@code playAudio} frames leave no further than {@code lead} ahead of a playout clock
 *       (the time the platform will have played everything sent), so a long answer neither floods
 *       the platform nor blocks a thread: it waits here, and its exchange completes when its last
 *       frame is written.
 *   <li>Order: commands leave in the order routes gave them; a checkpoint or stop waits behind the
 *       audio queued before it.
 *   <li>Barge-in: {@code clear} drops our unsent audio, voids pending checkpoints, bumps the
 *       generation (audio made for an earlier generation is never sent), sends {@code clearAudio}
 *       at once, and holds new audio until {@code clearedAudio} or a fallback delay.
 *   <li>Checkpoints that can be awaited, and a ledger of what the caller heard.
 * </ul>
 *
 * Writes happen under this object's lock (order); write callbacks that run inline are deferred until
 * the lock is released, so no route code ever runs while it is held, and an exchange completed later
 * continues where its {@link Continuations} say (never on the pacing timer).
 */
final class Playout {

    /** The socket, as the playout writes to it. */
    interface Wire {
        /** Writes one message in order; returns a refusal text when the stream can take no more, else null. */
        String write(byte[] message, WriteCallback written);
    }

    /** Where an exchange that completes later (not inside the producer's call) continues its route. */
    interface Continuations {
        void resume(Exchange exchange, Runnable continuation);
    }

    private static final int LEDGER_SIZE = 64;
    private static final long FRAME_NANOS = 20_000_000L;
    // Under a room-tone bed the platform always holds at least this much: timer jitter up to it goes unheard.
    private static final long ROOM_TONE_CUSHION_NANOS = 3 * FRAME_NANOS;

    private enum Kind {
        FRAME,
        CHECKPOINT,
        STOP
    }

    /** A frame ({@code audio}, raw, in the outbound format) or a command ({@code message}, ready to write). */
    private record Pending(
            Kind kind,
            byte[] audio,
            byte[] message,
            long nanos,
            WriteCallback completion,
            Utterance utterance,
            String name,
            Turn turn) {

        static Pending frame(byte[] audio, long nanos, WriteCallback completion, Utterance utterance, Turn turn) {
            return new Pending(Kind.FRAME, audio, null, nanos, completion, utterance, null, turn);
        }

        static Pending checkpoint(byte[] message, WriteCallback completion, Utterance utterance, String name) {
            return new Pending(Kind.CHECKPOINT, null, message, 0, completion, utterance, name, null);
        }

        static Pending stop(byte[] message, WriteCallback completion) {
            return new Pending(Kind.STOP, null, message, 0, completion, null, null, null);
        }
    }

    /** The end of the caller's turn that a play answers, measured when the play's first frame leaves. */
    private record Turn(long endedNanos, Exchange exchange) {}

    /** An utterance as it is being played; frozen into a {@link HeardUtterance} for routes. */
    private static final class Utterance {
        final int sequence;
        String checkpoint;
        long queuedNanos;
        long sentNanos;
        long playStartNanos = -1;
        HeardUtterance.Outcome outcome = HeardUtterance.Outcome.PENDING;
        long heardNanos;

        Utterance(int sequence) {
            this.sequence = sequence;
        }

        void end(HeardUtterance.Outcome how, long now) {
            if (outcome != HeardUtterance.Outcome.PENDING) {
                return;
            }
            outcome = how;
            heardNanos = how == HeardUtterance.Outcome.PLAYED
                    ? sentNanos
                    : playStartNanos < 0 ? 0 : Math.max(0, Math.min(sentNanos, now - playStartNanos));
        }

        HeardUtterance freeze() {
            return new HeardUtterance(
                    sequence,
                    checkpoint,
                    queuedNanos / 1_000_000,
                    sentNanos / 1_000_000,
                    outcome,
                    heardNanos / 1_000_000);
        }
    }

    /** A route waiting for a checkpoint's outcome. */
    private final class Waiter {
        final Exchange exchange;
        final AsyncCallback callback;
        final Runnable next;
        ScheduledFuture<?> timeout;
        boolean done;

        Waiter(Exchange exchange, AsyncCallback callback, Runnable next) {
            this.exchange = exchange;
            this.callback = callback;
            this.next = next;
        }
    }

    private final String label;
    private final Wire wire;
    private final Continuations continuations;
    private final WireWriter writer;
    private final ScheduledExecutorService timer;
    private final Object audioLock = new Object();
    private final AudioConverter converter; // guarded by audioLock, as is the framer: state across plays
    private final AudioFramer framer;
    private final byte[] playAudioPrefix;
    private final LongSupplier clock; // nanoseconds, as System.nanoTime: injected so tests run on virtual time
    private final LongConsumer turnLatency; // the component's meters and console hear every turn
    private long lastTurnLatencyNanos = -1; // guarded by this
    private final VobizMetrics metrics;
    private final long leadNanos;
    private final long clearFallbackNanos;

    private final Deque<Pending> queue = new ArrayDeque<>();
    private final Map<String, Utterance> sentCheckpoints = new LinkedHashMap<>();
    private final Map<String, Long> checkpointSentNanos = new HashMap<>();
    private long clearSentNanos;
    private long framesSent;
    private final Map<String, List<Waiter>> waiters = new LinkedHashMap<>();
    private final Deque<Utterance> ledger = new ArrayDeque<>();
    private final List<Runnable> deferred = new ArrayList<>();
    private Thread lockHolder;
    private Utterance current;
    private int utterances;
    // These three are written under the lock and read without it for every inbound frame (its exchange
    // carries what is still unheard): volatile, so that read takes no lock.
    private volatile long playoutEndNanos;
    /** When the last speech frame sent (not the bed) ends on the playout clock. */
    private volatile long speechEndNanos;
    /** The speech queued and not yet sent (held behind the lead or a clear). */
    private volatile long unsentSpeechNanos;

    private long gatedUntilNanos;
    // Read for every inbound frame (its exchange carries it): volatile, so that read takes no lock.
    private volatile int generation;
    private RoomTone roomTone; // null: frames leave only when there is speech, up to the lead ahead
    private ScheduledFuture<?> wakeup;
    private long wakeupAtNanos;
    private String closedDescription;
    private volatile String stopDescription; // written under the lock; read per inbound frame without it

    Playout(
            String label,
            Wire wire,
            Continuations continuations,
            WireWriter writer,
            AudioFormat outboundFormat,
            ScheduledExecutorService timer,
            LongSupplier clock,
            VobizMetrics metrics,
            LongConsumer turnLatency,
            long leadMillis,
            long clearFallbackMillis) {
        this.label = label;
        this.clock = clock;
        this.wire = wire;
        this.continuations = continuations;
        this.writer = writer;
        this.converter = new AudioConverter(outboundFormat);
        this.framer = new AudioFramer(outboundFormat);
        this.playAudioPrefix = writer.playAudioPrefix(outboundFormat);
        this.timer = timer;
        this.metrics = metrics;
        this.turnLatency = turnLatency;
        this.leadNanos = TimeUnit.MILLISECONDS.toNanos(leadMillis);
        this.clearFallbackNanos = TimeUnit.MILLISECONDS.toNanos(clearFallbackMillis);
    }

    int generation() {
        return generation;
    }

    /** The format {@code playAudio} is sent in. */
    AudioFormat outboundFormat() {
        return framer.format();
    }

    // ---- commands from producers -----------------------------------------------------------------

    /**
     * Converts {@code audio} (in {@code format}) to the outbound format, cuts it into 20 ms
     * {@code playAudio} frames and queues them; completes when the last one is written. Audio that
     * cannot be converted fails the exchange, nothing sent.
     */
    boolean play(
            byte[] audio,
            AudioFormat format,
            Integer producedIn,
            Long turnEndedNanos,
            Exchange exchange,
            AsyncCallback callback) {
        List<byte[]> frames;
        try {
            requireWholeSamples(audio, format);
            synchronized (audioLock) {
                frames = framer.append(converter.convert(audio, format));
            }
        } catch (IllegalArgumentException e) {
            exchange.setException(e);
            callback.done(true);
            return true;
        }
        return playFrames(frames, FRAME_NANOS, producedIn, turnEndedNanos, exchange, callback);
    }

    private static void requireWholeSamples(byte[] audio, AudioFormat format) {
        if (format.encoding() == AudioEncoding.L16 && audio.length % 2 != 0) {
            throw new IllegalArgumentException(
                    "L16 audio must hold whole 16-bit samples, got " + audio.length + " bytes");
        }
    }

    /**
     * Lays {@code audio} (in {@code format}; empty removes the bed) under everything this stream plays,
     * looped: from now until {@code stop} is written or the stream closes, exactly one frame leaves every
     * 20 ms, speech mixed over the bed when there is some, the bed alone when not. A clear cuts the
     * speech, never the bed. Completes at once.
     */
    boolean roomTone(byte[] audio, AudioFormat format, Exchange exchange, AsyncCallback callback) {
        RoomTone bed;
        try {
            requireWholeSamples(audio, format);
            bed = audio.length == 0
                    ? null
                    : new RoomTone(new AudioConverter(framer.format()).convert(audio, format), framer.format());
        } catch (IllegalArgumentException e) {
            exchange.setException(e);
            callback.done(true);
            return true;
        }
        String refusal = locked(() -> {
            if (refusal() != null) {
                return refusal();
            }
            roomTone = bed;
            pump();
            return null;
        });
        if (refusal != null) {
            return refuse(refusal, exchange, callback);
        }
        callback.done(true);
        return true;
    }

    /** Sends the partial frame a play left over, padded: an utterance ends at a checkpoint or stop. */
    private void flushPartialFrame() {
        byte[] last;
        synchronized (audioLock) {
            last = framer.flush();
        }
        if (last != null) {
            playTail(last, FRAME_NANOS);
        }
    }

    /** Queues {@code frames} (outbound format, {@code frameNanos} each); completes when all are written. */
    boolean playFrames(
            List<byte[]> frames,
            long frameNanos,
            Integer producedIn,
            Long turnEndedNanos,
            Exchange exchange,
            AsyncCallback callback) {
        SendCompletion completion = new SendCompletion(frames.size(), exchange, callback, this::failure, continuations);
        String refusal = locked(() -> {
            if (refusal() != null) {
                return refusal();
            }
            if (producedIn != null && producedIn < generation) {
                frames.forEach(m -> later(completion::discarded));
            } else {
                Turn turn = turnEndedNanos == null ? null : new Turn(turnEndedNanos, exchange);
                for (byte[] frame : frames) {
                    queueFrame(frame, frameNanos, completion, turn);
                    turn = null; // the first frame answers the turn
                }
                pump();
            }
            return null;
        });
        return refusal != null ? refuse(refusal, exchange, callback) : completion.senderReleased();
    }

    /** Queues the last, padded frame of an utterance; nobody waits for it. */
    private void playTail(byte[] frame, long frameNanos) {
        locked(() -> {
            if (refusal() == null) {
                queueFrame(frame, frameNanos, WriteCallback.NOOP, null);
                pump();
            }
            return null;
        });
    }

    private void queueFrame(byte[] frame, long frameNanos, WriteCallback completion, Turn turn) {
        if (current == null) {
            current = newUtterance();
        }
        current.queuedNanos += frameNanos;
        unsentSpeechNanos += frameNanos;
        queue.add(Pending.frame(frame, frameNanos, completion, current, turn));
    }

    /**
     * Queues a checkpoint behind the audio before it. Without {@code await} it completes when written;
     * with it, when its outcome is known (played, cleared, closed or timeout). One made for an older
     * generation ends an utterance a clear has already cut: it completes at once as cleared, unsent.
     */
    boolean checkpoint(String name, long awaitMillis, Integer producedIn, Exchange exchange, AsyncCallback callback) {
        flushPartialFrame();
        List<HeardUtterance> cut = locked(() -> producedIn != null && producedIn < generation ? heardNow() : null);
        if (cut != null) {
            exchange.getMessage().setHeader(VobizConstants.CHECKPOINT_OUTCOME, CheckpointOutcome.CLEARED.value());
            exchange.getMessage().setHeader(VobizConstants.HEARD, cut);
            callback.done(true);
            return true;
        }
        return checkpoint(name, awaitMillis, exchange, callback, null);
    }

    private boolean checkpoint(
            String name, long awaitMillis, Exchange exchange, AsyncCallback callback, Runnable next) {
        boolean awaited = awaitMillis > 0;
        SendCompletion completion =
                awaited ? null : new SendCompletion(1, exchange, callback, this::failure, continuations);
        String refusal = locked(() -> {
            if (refusal() != null) {
                return refusal();
            }
            Utterance utterance = current;
            if (utterance != null) {
                utterance.checkpoint = name;
            }
            current = null;
            if (awaited) {
                Waiter waiter = new Waiter(exchange, callback, next);
                waiters.computeIfAbsent(name, n -> new ArrayList<>()).add(waiter);
                waiter.timeout = timer.schedule(() -> timedOut(name, waiter), awaitMillis, TimeUnit.MILLISECONDS);
            }
            WriteCallback written = awaited ? WriteCallback.NOOP : completion;
            queue.add(Pending.checkpoint(writer.checkpoint(name), written, utterance, name));
            pump();
            return null;
        });
        if (refusal != null) {
            return refuse(refusal, exchange, callback);
        }
        return !awaited && completion.senderReleased();
    }

    /** Barge-in: see the class comment. Completes when {@code clearAudio} is written. */
    boolean clear(Exchange exchange, AsyncCallback callback) {
        synchronized (audioLock) { // what was cut is gone, a partial frame and resampler history with it
            framer.reset();
            converter.reset();
        }
        SendCompletion completion = new SendCompletion(1, exchange, callback, this::failure, continuations);
        String refusal = locked(() -> {
            if (refusal() != null) {
                return refusal();
            }
            long now = clock.getAsLong();
            int dropped = 0;
            for (Iterator<Pending> it = queue.iterator(); it.hasNext(); ) {
                Pending pending = it.next();
                if (pending.kind() == Kind.STOP) {
                    continue; // the route still wants the stream ended
                }
                it.remove();
                WriteCallback done = pending.completion();
                later(done instanceof SendCompletion play ? play::discarded : done::succeeded);
                if (pending.kind() == Kind.FRAME) {
                    dropped++;
                } else {
                    settle(pending.name(), CheckpointOutcome.CLEARED);
                }
            }
            for (String name : new ArrayList<>(sentCheckpoints.keySet())) {
                settle(name, CheckpointOutcome.CLEARED);
            }
            endAll(HeardUtterance.Outcome.CLEARED, now);
            unsentSpeechNanos = 0;
            speechEndNanos = now;
            current = null;
            generation++;
            exchange.getMessage().setHeader(VobizConstants.GENERATION, generation);
            exchange.getMessage().setHeader(VobizConstants.HEARD, heardNow()); // how much of what was cut played
            if (dropped > 0) {
                exchange.getMessage().setHeader(VobizConstants.DISCARDED_FRAMES, dropped);
            }
            playoutEndNanos = now;
            gatedUntilNanos = now + clearFallbackNanos;
            checkpointSentNanos.clear();
            clearSentNanos = now;
            write(writer.clearAudio(), completion);
            pump();
            return null;
        });
        return refusal != null ? refuse(refusal, exchange, callback) : completion.senderReleased();
    }

    /**
     * Queues {@code stop} behind the audio before it. With {@code afterPlayedMillis > 0}, first a
     * checkpoint is awaited (up to that long), so queued audio (a farewell) finishes playing. A stop to
     * a stream already stopped (by us, or closed) is done already, as Vobiz tells REST users to treat a
     * repeated stop: it succeeds, sends nothing, and says so in {@code CamelVobizAlreadyStopped}.
     */
    boolean stop(String checkpointName, long afterPlayedMillis, Exchange exchange, AsyncCallback callback) {
        boolean alreadyStopped = locked(() -> refusal() != null);
        exchange.getMessage().setHeader(VobizConstants.ALREADY_STOPPED, alreadyStopped);
        if (alreadyStopped) {
            callback.done(true);
            return true;
        }
        flushPartialFrame();
        if (afterPlayedMillis > 0) {
            boolean done = checkpoint(
                    checkpointName,
                    afterPlayedMillis,
                    exchange,
                    callback,
                    () -> locked(() -> {
                        if (closedDescription == null) {
                            queue.add(Pending.stop(writer.stop(), WriteCallback.NOOP));
                            pump();
                        }
                        return null;
                    }));
            locked(() -> {
                if (closedDescription == null) {
                    stopDescription = label + " has been sent stop; nothing more can be sent on it";
                }
                return null;
            });
            return done;
        }
        SendCompletion completion = new SendCompletion(1, exchange, callback, this::failure, continuations);
        boolean lostTheRace = locked(() -> {
            if (refusal() != null) {
                return true; // another stop (or the close) came first since the check above
            }
            queue.add(Pending.stop(writer.stop(), completion));
            stopDescription = label + " has been sent stop; nothing more can be sent on it";
            pump();
            return false;
        });
        if (lostTheRace) {
            exchange.getMessage().setHeader(VobizConstants.ALREADY_STOPPED, true);
            callback.done(true);
            return true;
        }
        return completion.senderReleased();
    }

    // ---- events from the platform -------------------------------------------------------------------

    void played(String name) {
        locked(() -> {
            long now = clock.getAsLong();
            Utterance utterance = sentCheckpoints.get(name);
            if (utterance != null) {
                utterance.end(HeardUtterance.Outcome.PLAYED, now);
            }
            Long sent = checkpointSentNanos.remove(name);
            if (sent != null) {
                metrics.checkpointRoundTrip(now - sent);
            }
            settle(name, CheckpointOutcome.PLAYED);
            return null;
        });
    }

    void clearedAudio() {
        locked(() -> {
            if (clearSentNanos != 0) {
                metrics.clearRoundTrip(clock.getAsLong() - clearSentNanos);
                clearSentNanos = 0;
            }
            gatedUntilNanos = 0;
            pump();
            return null;
        });
    }

    /** The stream is over: unsent audio fails its exchanges, awaited checkpoints complete as closed. */
    void closed(String description) {
        locked(() -> {
            if (closedDescription != null) {
                return null;
            }
            closedDescription = description;
            StreamClosedException closed = new StreamClosedException(description);
            for (Pending pending : queue) {
                later(() -> pending.completion().failed(closed));
                if (pending.kind() == Kind.CHECKPOINT) {
                    settle(pending.name(), CheckpointOutcome.CLOSED);
                }
            }
            queue.clear();
            unsentSpeechNanos = 0;
            speechEndNanos = 0;
            for (String name : new ArrayList<>(waiters.keySet())) {
                settle(name, CheckpointOutcome.CLOSED);
            }
            endAll(HeardUtterance.Outcome.UNCONFIRMED, clock.getAsLong());
            roomTone = null;
            if (wakeup != null) {
                wakeup.cancel(false);
            }
            return null;
        });
    }

    /** Whether a room-tone bed is laid (until stop is written or the stream closes). */
    synchronized boolean hasRoomTone() {
        return roomTone != null;
    }

    /** Frames sent so far. */
    synchronized long framesSent() {
        return framesSent;
    }

    /** How far the audio sent is ahead of now, in nanoseconds (0 when nothing is playing). */
    synchronized long leadNanos() {
        return Math.max(0, playoutEndNanos - clock.getAsLong());
    }

    /** How far the end of everything queued (sent or not) is ahead of now, in nanoseconds. */
    synchronized long queuedNanos() {
        return leadNanos() + unsentSpeechNanos;
    }

    /**
     * How much of the speech queued on this stream the caller has yet to hear, in nanoseconds: what is
     * sent and still playing by the playout clock, and what waits to be sent. A room-tone bed is not
     * speech: under it, only the speech mixed in counts. Read without the lock: exact to a frame.
     */
    long unheardSpeechMillis() {
        return TimeUnit.NANOSECONDS.toMillis(unheardSpeechNanos());
    }

    /** {@link #unheardSpeechMillis()}, exact (for tests). */
    long unheardSpeechNanos() {
        long now = clock.getAsLong();
        long unsent = unsentSpeechNanos;
        if (unsent > 0) { // it plays after everything already sent, the bed's cushion included
            return Math.max(0, playoutEndNanos - now) + unsent;
        }
        return Math.max(0, speechEndNanos - now);
    }

    /** Checkpoints sent or queued that have not played (the {@code closed} exchange reports them). */
    synchronized List<String> unplayedCheckpoints() {
        List<String> names = new ArrayList<>(sentCheckpoints.keySet());
        queue.stream().filter(p -> p.kind() == Kind.CHECKPOINT).forEach(p -> names.add(p.name()));
        return names;
    }

    synchronized List<HeardUtterance> heard() {
        return heardNow();
    }

    private List<HeardUtterance> heardNow() {
        List<HeardUtterance> heard = new ArrayList<>(ledger.size());
        ledger.forEach(utterance -> heard.add(utterance.freeze()));
        return heard;
    }

    // ---- internals --------------------------------------------------------------------------------------

    private Utterance newUtterance() {
        Utterance utterance = new Utterance(++utterances);
        ledger.add(utterance);
        if (ledger.size() > LEDGER_SIZE) {
            ledger.removeFirst();
        }
        return utterance;
    }

    private void endAll(HeardUtterance.Outcome how, long now) {
        ledger.forEach(utterance -> utterance.end(how, now));
    }

    /**
     * Sends what may leave now; schedules a wake-up for what must wait (lead full, or clear pending).
     * Under a room-tone bed a frame leaves whenever the platform holds less than the cushion, speech or
     * not: deadlines follow the playout clock, so a late timer is caught up, never carried forward.
     */
    private void pump() {
        long now = clock.getAsLong();
        while (closedDescription == null) {
            Pending next = gatedUntilNanos > now ? null : queue.peekFirst();
            if (next != null && next.kind() != Kind.FRAME) {
                queue.pollFirst();
                sendCommand(next, now);
                continue;
            }
            if (next == null && roomTone == null) {
                if (!queue.isEmpty()) {
                    wakeAt(gatedUntilNanos);
                }
                return;
            }
            long lead = roomTone != null ? ROOM_TONE_CUSHION_NANOS : leadNanos;
            if (lead > 0 && playoutEndNanos - now >= lead) {
                wakeAt(playoutEndNanos - lead + 1);
                return;
            }
            if (next != null) {
                queue.pollFirst();
            }
            sendFrame(next, now);
        }
    }

    /** Sends {@code next}'s frame, or the bed alone when {@code next} is null (a room tone is laid). */
    private void sendFrame(Pending next, long now) {
        long start = Math.max(playoutEndNanos, now);
        playoutEndNanos = start + (next != null ? next.nanos() : FRAME_NANOS);
        framesSent++;
        metrics.frameOut(playoutEndNanos - now);
        byte[] audio = null;
        WriteCallback completion = WriteCallback.NOOP;
        if (next != null) {
            Utterance utterance = next.utterance();
            if (utterance.playStartNanos < 0) {
                utterance.playStartNanos = start;
            }
            utterance.sentNanos += next.nanos();
            unsentSpeechNanos -= next.nanos();
            speechEndNanos = playoutEndNanos;
            if (next.turn() != null) {
                answered(next.turn(), now);
            }
            audio = next.audio();
            completion = next.completion();
        }
        write(WireWriter.playAudio(playAudioPrefix, roomTone != null ? roomTone.under(audio) : audio), completion);
    }

    private void sendCommand(Pending command, long now) {
        if (command.kind() == Kind.CHECKPOINT) {
            sentCheckpoints.put(command.name(), command.utterance());
            checkpointSentNanos.put(command.name(), now);
        } else {
            roomTone = null; // nothing may follow stop, the bed neither
        }
        write(command.message(), command.completion());
    }

    /** A play's first frame leaves: the caller's wait since the end of their turn is over. */
    private void answered(Turn turn, long now) {
        long latency = Math.max(0, now - turn.endedNanos());
        lastTurnLatencyNanos = latency;
        turnLatency.accept(latency);
        // the play's exchange waits for its last frame: its route does not touch it meanwhile
        turn.exchange().getMessage().setHeader(VobizConstants.TURN_LATENCY, TimeUnit.NANOSECONDS.toMillis(latency));
    }

    /** The latest turn latency measured on this stream, in nanoseconds; -1 before the first. */
    synchronized long lastTurnLatencyNanos() {
        return lastTurnLatencyNanos;
    }

    private void write(byte[] message, WriteCallback completion) {
        String refusal = wire.write(message, new WriteCallback() {
            @Override
            public void succeeded() {
                later(completion::succeeded);
            }

            @Override
            public void failed(Throwable cause) {
                later(() -> completion.failed(cause));
            }
        });
        if (refusal != null) {
            later(() -> completion.failed(new StreamClosedException(refusal)));
        }
    }

    private void wakeAt(long nanos) {
        if (wakeup != null && !wakeup.isDone() && wakeupAtNanos <= nanos) {
            return;
        }
        if (wakeup != null) {
            wakeup.cancel(false);
        }
        wakeupAtNanos = nanos;
        wakeup = timer.schedule(this::wake, Math.max(0, nanos - clock.getAsLong()), TimeUnit.NANOSECONDS);
    }

    private void wake() {
        locked(() -> {
            wakeup = null;
            pump();
            return null;
        });
    }

    private void timedOut(String name, Waiter waiter) {
        locked(() -> {
            List<Waiter> waiting = waiters.get(name);
            if (waiting != null && waiting.remove(waiter)) {
                if (waiting.isEmpty()) {
                    waiters.remove(name);
                }
                finish(waiter, CheckpointOutcome.TIMEOUT);
            }
            return null;
        });
    }

    /** The checkpoint's fate is known: completes its waiters (outside the lock). */
    private void settle(String name, CheckpointOutcome outcome) {
        sentCheckpoints.remove(name);
        List<Waiter> waiting = waiters.remove(name);
        if (waiting != null) {
            waiting.forEach(waiter -> finish(waiter, outcome));
        }
    }

    private void finish(Waiter waiter, CheckpointOutcome outcome) {
        if (waiter.done) {
            return;
        }
        waiter.done = true;
        if (waiter.timeout != null) {
            waiter.timeout.cancel(false);
        }
        List<HeardUtterance> heard = heardNow();
        later(() -> {
            waiter.exchange.getMessage().setHeader(VobizConstants.CHECKPOINT_OUTCOME, outcome.value());
            waiter.exchange.getMessage().setHeader(VobizConstants.HEARD, heard);
            if (waiter.next != null && outcome != CheckpointOutcome.CLOSED) {
                waiter.next.run();
            }
            continuations.resume(waiter.exchange, () -> waiter.callback.done(false));
        });
    }

    /** Whether {@code stop} has been asked for: from then on the stream takes nothing more, and routes no more audio. */
    boolean stopping() {
        return stopDescription != null;
    }

    private String refusal() {
        return closedDescription != null ? closedDescription : stopDescription;
    }

    private boolean refuse(String refusal, Exchange exchange, AsyncCallback callback) {
        exchange.setException(new StreamClosedException(refusal));
        callback.done(true);
        return true;
    }

    private RuntimeException failure(Throwable cause) {
        return cause instanceof StreamClosedException closed
                ? closed
                : new StreamClosedException("Could not write: " + cause, cause);
    }

    // Deferral: completions never run under the lock (they continue routes).

    /** Runs {@code action} under the lock, then the completions it made ready, outside it. */
    private <T> T locked(Supplier<T> action) {
        T result;
        synchronized (this) {
            lockHolder = Thread.currentThread();
            try {
                result = action.get();
            } finally {
                lockHolder = null;
            }
        }
        runDeferred();
        return result;
    }

    private void later(Runnable action) {
        synchronized (deferred) {
            if (Thread.currentThread() == lockHolder) {
                deferred.add(action);
                return;
            }
        }
        action.run();
    }

    private void runDeferred() {
        List<Runnable> actions;
        synchronized (deferred) {
            if (deferred.isEmpty()) {
                return;
            }
            actions = new ArrayList<>(deferred);
            deferred.clear();
        }
        actions.forEach(Runnable::run);
    }
}
