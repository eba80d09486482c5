package dev.camelvobiz.internal.stream;

import static org.assertj.core.api.Assertions.assertThat;

import dev.camelvobiz.VobizConstants;
import dev.camelvobiz.audio.AudioFormat;
import dev.camelvobiz.internal.observe.VobizMetrics;
import dev.camelvobiz.test.VirtualTime;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The playout on virtual time: pacing to real time plus the lead, checkpoints written behind their
 * audio and timing out, and new audio held after a clear, each at exactly the instant it is due.
 */
class PlayoutTest {

    private static final long FRAME_NANOS = 20_000_000L;
    private static final long LEAD_MILLIS = 100; // five frames

    private final VirtualTime time = new VirtualTime();
    private final List<String> written = new ArrayList<>();
    private final List<Long> turnLatencies = new ArrayList<>();
    private final DefaultCamelContext camel = new DefaultCamelContext();
    private final Playout playout = new Playout(
            "test stream",
            (message, done) -> {
                written.add(new String(message, StandardCharsets.UTF_8));
                done.succeeded();
                return null;
            },
            (exchange, continuation) -> continuation.run(),
            new WireWriter("s-virtual"),
            AudioFormat.L16_8K.withByteOrder(ByteOrder.LITTLE_ENDIAN),
            time,
            time.clock(),
            VobizMetrics.NONE,
            turnLatencies::add,
            LEAD_MILLIS,
            1_000);

    @AfterEach
    void close() throws Exception {
        camel.close();
    }

    private static List<byte[]> frames(String prefix, int count) {
        List<byte[]> frames = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            frames.add((prefix + i).getBytes(StandardCharsets.UTF_8));
        }
        return frames;
    }

    private long framesWritten(String prefix) {
        return written.stream().filter(m -> m.startsWith(prefix)).count();
    }

    private AtomicBoolean play(String prefix, int count) {
        AtomicBoolean done = new AtomicBoolean();
        playout.playFrames(
                frames(prefix, count), FRAME_NANOS, null, null, new DefaultExchange(camel), sync -> done.set(true));
        return done;
    }

    /** A play answering a caller whose turn ended {@code millisAgo} before now (virtual time). */
    private Exchange answer(String prefix, int count, long millisAgo) {
        Exchange exchange = new DefaultExchange(camel);
        long endedNanos = time.clock().getAsLong() - TimeUnit.MILLISECONDS.toNanos(millisAgo);
        playout.playFrames(frames(prefix, count), FRAME_NANOS, null, endedNanos, exchange, sync -> {});
        return exchange;
    }

    private Exchange awaitCheckpoint(String name, long timeoutMillis, AtomicBoolean done) {
        Exchange exchange = new DefaultExchange(camel);
        playout.checkpoint(name, timeoutMillis, null, exchange, sync -> done.set(true));
        return exchange;
    }

    @Test
    void aTurnsLatencyRunsFromItsEndToTheFirstFrameOfTheAnswerWhateverIsQueuedBeforeIt() {
        Exchange first = answer("quick-", 5, 300); // nothing playing: the first frame leaves at once
        assertThat(first.getMessage().getHeader(VobizConstants.TURN_LATENCY)).isEqualTo(300L);
        assertThat(playout.lastTurnLatencyNanos()).isEqualTo(TimeUnit.MILLISECONDS.toNanos(300));

        time.advance(100); // the five frames have played
        play("filler-", 50); // one second of audio ahead of the next answer
        Exchange second = answer("late-", 5, 0);
        assertThat(second.getMessage().getHeader(VobizConstants.TURN_LATENCY))
                .as("not measured before its first frame leaves")
                .isNull();
        time.advance(1000 - LEAD_MILLIS + 1); // the filler is under the lead: the answer's first frame goes
        assertThat(second.getMessage().getHeader(VobizConstants.TURN_LATENCY)).isEqualTo(1000 - LEAD_MILLIS);
        assertThat(turnLatencies)
                .containsExactly(
                        TimeUnit.MILLISECONDS.toNanos(300), TimeUnit.MILLISECONDS.toNanos(1000 - LEAD_MILLIS) + 1);
    }

    @Test
    void framesLeaveAtRealTimePlusTheLeadAndThePlayCompletesWithTheLast() {
        AtomicBoolean done = play("frame-", 50); // one second of audio

        assertThat(framesWritten("frame-")).as("the lead, at once").isEqualTo(5);
        time.advance(1);
        assertThat(framesWritten("frame-"))
                .as("the moment the first frame is under the lead")
                .isEqualTo(6);
        time.advance(19);
        assertThat(framesWritten("frame-"))
                .as("nothing until the next 20 ms has passed")
                .isEqualTo(6);
        time.advance(1);
        assertThat(framesWritten("frame-")).isEqualTo(7);
        time.advance(858); // t = 879 ms
        assertThat(framesWritten("frame-")).isEqualTo(49);
        assertThat(done).as("not before its last frame").isFalse();
        time.advance(1); // t = 880 ms: the 50th is due 1 ns later, when 880 ms are under the lead
        assertThat(framesWritten("frame-")).isEqualTo(49);
        time.advance(1);
        assertThat(framesWritten("frame-")).isEqualTo(50);
        assertThat(done).isTrue();
        assertThat(time.pending()).as("no timer left behind").isZero();
    }

    @Test
    void anAwaitedCheckpointIsWrittenBehindItsAudioAndCompletesWhenPlayedOrAtItsTimeout() {
        play("frame-", 10);
        AtomicBoolean played = new AtomicBoolean();
        Exchange greeting = awaitCheckpoint("greeting", 5_000, played);
        assertThat(written).noneMatch(m -> m.contains("checkpoint"));

        time.advance(101); // the tenth frame leaves at 100 ms + 1 ns, the checkpoint right behind it
        assertThat(written.get(written.size() - 1)).contains("\"event\":\"checkpoint\"", "greeting");
        assertThat(played).isFalse();
        playout.played("greeting");
        assertThat(played).isTrue();
        assertThat(greeting.getMessage().getHeader(VobizConstants.CHECKPOINT_OUTCOME))
                .isEqualTo("played");

        AtomicBoolean unanswered = new AtomicBoolean();
        Exchange lost = awaitCheckpoint("never-played", 2_000, unanswered);
        time.advance(1_999);
        assertThat(unanswered).isFalse();
        time.advance(1);
        assertThat(unanswered).as("exactly at its timeout").isTrue();
        assertThat(lost.getMessage().getHeader(VobizConstants.CHECKPOINT_OUTCOME))
                .isEqualTo("timeout");
    }

    @Test
    void afterAClearNewAudioWaitsForClearedAudioOrTheFallback() {
        play("old-", 20);
        playout.clear(new DefaultExchange(camel), sync -> {});
        assertThat(written.get(written.size() - 1)).contains("\"event\":\"clearAudio\"");

        play("new-", 3);
        time.advance(999);
        assertThat(framesWritten("new-")).as("held until clearedAudio or 1 s").isZero();
        time.advance(1);
        assertThat(framesWritten("new-")).as("the fallback").isEqualTo(3);

        playout.clear(new DefaultExchange(camel), sync -> {});
        play("newer-", 3);
        time.advance(10);
        assertThat(framesWritten("newer-")).isZero();
        playout.clearedAudio();
        assertThat(framesWritten("newer-")).as("at the acknowledgement").isEqualTo(3);
        assertThat(framesWritten("old-")).as("what was cut never left").isEqualTo(5);
    }
}
