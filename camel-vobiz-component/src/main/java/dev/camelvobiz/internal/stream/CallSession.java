package dev.camelvobiz.internal.stream;

import dev.camelvobiz.audio.AudioFormat;
import dev.camelvobiz.stream.CallSnapshot;
import org.apache.camel.AsyncCallback;
import org.apache.camel.Exchange;

/**
 * One live stream as the producers see it: ordered, paced commands to one socket. Each command method
 * follows Camel's async contract: it returns {@code true} when it completed synchronously (including
 * failures set on the exchange before anything was sent), otherwise the callback is called exactly
 * once, later.
 */
public interface CallSession {

    String streamId();

    String callId();

    /** The format {@code playAudio} is sent in. */
    AudioFormat outboundFormat();

    /**
     * Converts {@code audio} from {@code format} to the outbound format, cuts it into 20 ms frames (a
     * partial frame waits for the next call) and queues them; completes when the last frame is sent.
     * Audio made for an older barge-in {@code generation} than the stream's is dropped unsent.
     * {@code turnEndedNanos} ({@link System#nanoTime()}, or null) starts the turn latency.
     */
    boolean play(
            byte[] audio,
            AudioFormat format,
            Integer generation,
            Long turnEndedNanos,
            Exchange exchange,
            AsyncCallback callback);

    /**
     * Lays {@code audio} (empty: none) as a looped bed under everything the stream plays, one frame every
     * 20 ms until stop or close; completes at once.
     */
    boolean roomTone(byte[] audio, AudioFormat format, Exchange exchange, AsyncCallback callback);

    /**
     * A checkpoint behind the audio queued so far; with {@code awaitMillis > 0} completes on its
     * outcome. One made for an older barge-in {@code generation} completes at once as cleared.
     */
    boolean checkpoint(String name, long awaitMillis, Integer generation, Exchange exchange, AsyncCallback callback);

    boolean clearAudio(Exchange exchange, AsyncCallback callback);

    /** {@code stop}; with {@code afterPlayedMillis > 0} only once the audio before it has played (or that long). */
    boolean stop(long afterPlayedMillis, Exchange exchange, AsyncCallback callback);

    /** How long until everything queued so far has played (sent and unsent audio), in milliseconds. */
    long queuedMillis();

    /** Where the stream stands now (frames, lead, pending checkpoints). */
    CallSnapshot snapshot();

    /** A name unique on this stream, for a checkpoint the route did not name. */
    String nextCheckpointName();
}
