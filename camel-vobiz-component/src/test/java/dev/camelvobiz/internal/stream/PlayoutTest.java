package dev.camelvobiz.internal.stream;

import static org.assertj.core.api.Assertions.assertThat;

import dev.camelvobiz.VobizConstants;
import dev.camelvobiz.audio.AudioFormat;
import dev.camelvobiz.audio.Samples;
import dev.camelvobiz.internal.observe.VobizMetrics;
import dev.camelvobiz.stream.HeardUtterance;
import dev.camelvobiz.test.VirtualTime;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
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
    private static final AudioFormat FORMAT = AudioFormat.L16_8K.withByteOrder(ByteOrder.LITTLE_ENDIAN);
    private static final int BED_SAMPLES = 100; // 12.5 ms: the loop wraps inside a frame

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
            FORMAT,
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

    /** The audio a written {@code playAudio} carries; null for any other message. */
    private static byte[] payload(String message) {
        int start = message.indexOf("\"payload\":\"");
        if (!message.contains("\"event\":\"playAudio\"") || start < 0) {
            return null;
        }
        start += "\"payload\":\"".length();
        return Base64.getDecoder().decode(message.substring(start, message.indexOf('"', start)));
    }

    private long framesWritten(String prefix) {
        return written.stream()
                .map(PlayoutTest::payload)
                .filter(audio -> audio != null && new String(audio, StandardCharsets.UTF_8).startsWith(prefix))
                .count();
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
    void aClearSaysHowMuchOfTheUtteranceItCutWasHeard() {
        play("answer-", 50); // one second
        time.advance(300);
        Exchange clear = new DefaultExchange(camel);
        playout.clear(clear, sync -> {});
        @SuppressWarnings("unchecked")
        List<HeardUtterance> heard = clear.getMessage().getHeader(VobizConstants.HEARD, List.class);
        assertThat(heard).singleElement().satisfies(utterance -> {
            assertThat(utterance.outcome()).isEqualTo(HeardUtterance.Outcome.CLEARED);
            assertThat(utterance.heardMillis())
                    .as("played since its first frame left")
                    .isEqualTo(300);
            assertThat(utterance.queuedMillis()).isEqualTo(1000);
        });
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

    // ---- room tone ----------------------------------------------------------------------------------

    /** A bed that ramps 1000, 1001, … 1099 and loops: where a frame starts in it shows the ring's position. */
    private static byte[] rampBed() {
        short[] ramp = new short[BED_SAMPLES];
        for (int i = 0; i < ramp.length; i++) {
            ramp[i] = (short) (1000 + i);
        }
        return Samples.encode(ramp, ramp.length, FORMAT);
    }

    /** The level of the bed's frame number {@code index}, counted from when it was laid. */
    private static int bedAt(long index) {
        return 1000 + (int) (index * 160 % BED_SAMPLES);
    }

    private void layRoomTone(byte[] bed) {
        AtomicBoolean done = new AtomicBoolean();
        playout.roomTone(bed, FORMAT, new DefaultExchange(camel), sync -> done.set(true));
        assertThat(done).as("laying a bed completes at once").isTrue();
    }

    private void speak(int frames, int level) {
        short[] speech = new short[frames * 160];
        java.util.Arrays.fill(speech, (short) level);
        playout.play(
                Samples.encode(speech, speech.length, FORMAT), FORMAT, null, null, new DefaultExchange(camel), s -> {});
    }

    /** The first sample of every frame written so far, in order. */
    private List<Integer> frameLevels() {
        return written.stream()
                .map(PlayoutTest::payload)
                .filter(audio -> audio != null)
                .map(audio -> (int) Samples.decode(audio, FORMAT)[0])
                .toList();
    }

    private List<Integer> bedLevels(long from, long count) {
        return java.util.stream.LongStream.range(from, from + count)
                .mapToObj(PlayoutTest::bedAt)
                .toList();
    }

    @Test
    void underARoomToneOneFrameLeavesEvery20MsAndSpeechIsMixedOverTheLoopingBed() {
        layRoomTone(rampBed());
        assertThat(frameLevels()).as("the cushion, at once").hasSize(3);
        time.advance(1);
        assertThat(frameLevels()).as("a fourth once under the cushion").hasSize(4);
        time.advance(1000); // t = 1001 ms
        assertThat(frameLevels()).as("then exactly one every 20 ms").hasSize(4 + 50);
        assertThat(frameLevels()).as("the bed alone, its loop unbroken").isEqualTo(bedLevels(0, 54));

        speak(10, 2000);
        AtomicBoolean played = new AtomicBoolean();
        awaitCheckpoint("said", 5_000, played);
        time.advance(200); // t = 1201 ms
        assertThat(frameLevels())
                .as("speech takes the bed's slots, never extra ones")
                .hasSize(64);
        assertThat(frameLevels().subList(54, 64))
                .as("the speech, over the bed")
                .isEqualTo(bedLevels(54, 10).stream().map(level -> level + 2000).toList());
        assertThat(written.get(written.size() - 1))
                .as("the checkpoint right behind its speech")
                .contains("\"event\":\"checkpoint\"", "said");
        time.advance(20);
        assertThat(frameLevels().get(64)).as("the bed alone again").isEqualTo(bedAt(64));
        assertThat(time.pending()).as("one wake-up at a time: the next frame's").isEqualTo(2);
    }

    @Test
    void aClearCutsTheSpeechNotTheBedAndStopEndsBoth() {
        layRoomTone(rampBed());
        time.advance(101); // 9 frames
        speak(50, 2000); // a second of speech, cut after 100 ms
        time.advance(100);
        playout.clear(new DefaultExchange(camel), sync -> {});
        assertThat(written.get(written.size() - 4))
                .as("clearAudio, then the bed re-primed behind it")
                .contains("\"event\":\"clearAudio\"");
        assertThat(frameLevels()).hasSize(14 + 3);

        speak(5, 4000); // the answer to the interruption, held until clearedAudio
        time.advance(100);
        assertThat(frameLevels().subList(14, 22))
                .as("the bed goes on while the speech is held")
                .isEqualTo(bedLevels(14, 8));
        playout.clearedAudio();
        time.advance(100);
        assertThat(frameLevels().subList(22, 27))
                .as("released speech, over the bed")
                .isEqualTo(bedLevels(22, 5).stream().map(level -> level + 4000).toList());

        speak(2, 3000);
        playout.stop("bye", 0, new DefaultExchange(camel), sync -> {});
        time.advance(1_000);
        assertThat(written.get(written.size() - 1)).contains("\"event\":\"stop\"");
        assertThat(frameLevels().subList(27, 29))
                .as("the last words, then nothing after stop")
                .isEqualTo(bedLevels(27, 2).stream().map(level -> level + 3000).toList());
        assertThat(frameLevels()).hasSize(29);
        assertThat(time.pending()).as("no pacing left after stop").isZero();
    }

    private long unheardMillis() {
        return playout.unheardSpeechMillis();
    }

    @Test
    void whatTheCallerHasYetToHearCountsSentAndHeldSpeechButNeverTheBed() {
        assertThat(unheardMillis()).as("nothing played yet").isZero();
        play("frame-", 50); // one second: the lead sent, the rest queued
        assertThat(playout.unheardSpeechNanos()).isEqualTo(TimeUnit.SECONDS.toNanos(1));
        time.advance(500);
        assertThat(playout.unheardSpeechNanos()).as("half of it played").isEqualTo(TimeUnit.MILLISECONDS.toNanos(500));
        time.advance(500);
        assertThat(unheardMillis()).as("all of it played").isZero();

        play("cut-", 50);
        time.advance(300);
        playout.clear(new DefaultExchange(camel), sync -> {});
        assertThat(unheardMillis()).as("what a clear cut will never be heard").isZero();
        play("held-", 5);
        assertThat(unheardMillis()).as("speech held until clearedAudio counts").isEqualTo(100);
        playout.clearedAudio();
        time.advance(100);
        assertThat(unheardMillis()).isZero();

        layRoomTone(rampBed());
        time.advance(1_000);
        assertThat(unheardMillis()).as("a bed alone is not speech").isZero();
        speak(10, 2000);
        assertThat(unheardMillis())
                .as("the speech, behind the bed's cushion already sent")
                .isBetween(200L + 60, 200L + 80);
        time.advance(300);
        assertThat(unheardMillis()).isZero();
        playout.closed("gone");
        assertThat(unheardMillis()).isZero();
    }

    @Test
    void anEmptyBedRemovesItAndTheStreamGoesQuietUntilThereIsSpeech() {
        layRoomTone(rampBed());
        time.advance(101);
        layRoomTone(new byte[0]);
        time.advance(1_000);
        assertThat(frameLevels()).as("nothing after the bed is taken away").hasSize(9);
        assertThat(time.pending()).isZero();
        speak(2, 2000);
        assertThat(frameLevels().subList(9, 11)).as("speech alone").containsExactly(2000, 2000);
    }

    @Test
    void aBedTheStreamCannotTakeFailsItsExchange() {
        Exchange odd = new DefaultExchange(camel);
        playout.roomTone(new byte[] {1, 2, 3}, FORMAT, odd, sync -> {});
        assertThat(odd.getException()).hasMessageContaining("whole 16-bit samples");
        playout.closed("gone");
        Exchange late = new DefaultExchange(camel);
        playout.roomTone(rampBed(), FORMAT, late, sync -> {});
        assertThat(late.getException()).isInstanceOf(dev.camelvobiz.stream.StreamClosedException.class);
        assertThat(written).isEmpty();
    }
}
