package dev.camelvobiz.emulator.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class PlaybackQueueTest {

    private static final long MS = 1000;
    private static final int RATE = 8000;
    private static final int L16 = 2;

    /** {@code millis} of L16 8 kHz audio filled with {@code value}. */
    private static byte[] audio(int millis, int value) {
        byte[] audio = new byte[millis * 16];
        Arrays.fill(audio, (byte) value);
        return audio;
    }

    @Test
    void aCheckpointIsDueExactlyWhenTheAudioBeforeItHasPlayed() {
        PlaybackQueue queue = new PlaybackQueue();
        for (int frame = 0; frame < 150; frame++) { // 3 s sent at once, faster than real time
            queue.enqueue(audio(20, 1), RATE, L16, 0);
        }
        queue.checkpoint("greeting", 0);

        assertThat(queue.takeDue(2999 * MS)).isEmpty();
        assertThat(queue.pendingMicros(2999 * MS)).isEqualTo(1 * MS);
        assertThat(queue.takeDue(3000 * MS)).containsExactly("greeting");
        assertThat(queue.takeDue(4000 * MS)).as("reported once").isEmpty();
    }

    @Test
    void aCheckpointOnAnEmptyQueueIsDueAtOnce() {
        PlaybackQueue queue = new PlaybackQueue();
        queue.checkpoint("nothing-queued", 500 * MS);
        assertThat(queue.takeDue(500 * MS)).containsExactly("nothing-queued");
    }

    @Test
    void audioPlaysBackToBackAndAfterAGapFromWhenItArrives() {
        PlaybackQueue queue = new PlaybackQueue();
        queue.enqueue(audio(20, 1), RATE, L16, 0);
        queue.enqueue(audio(20, 2), RATE, L16, 5 * MS); // arrives while the first plays
        queue.enqueue(audio(20, 3), RATE, L16, 100 * MS); // arrives after the queue drained

        assertThat(queue.segments())
                .extracting(PlaybackQueue.Segment::startMicros)
                .containsExactly(0L, 20 * MS, 100 * MS);
    }

    @Test
    void checkpointsComeDueInOrder() {
        PlaybackQueue queue = new PlaybackQueue();
        queue.enqueue(audio(100, 1), RATE, L16, 0);
        queue.checkpoint("first", 0);
        queue.enqueue(audio(100, 2), RATE, L16, 0);
        queue.checkpoint("second", 0);

        assertThat(queue.takeDue(150 * MS)).containsExactly("first");
        assertThat(queue.takeDue(200 * MS)).containsExactly("second");
    }

    @Test
    void clearCutsWhatIsPlayingVoidsPendingCheckpointsAndLetsNewAudioStartAtOnce() {
        PlaybackQueue queue = new PlaybackQueue();
        queue.enqueue(audio(500, 1), RATE, L16, 0);
        queue.checkpoint("played", 0);
        queue.enqueue(audio(3000, 2), RATE, L16, 0);
        queue.checkpoint("cut", 0);

        assertThat(queue.clear(1000 * MS)).containsExactly("cut");
        assertThat(queue.takeDue(1000 * MS)).as("audio before it had played").containsExactly("played");
        assertThat(queue.pendingMicros(1000 * MS)).isZero();
        assertThat(queue.segments()).hasSize(2);
        PlaybackQueue.Segment cut = queue.segments().get(1);
        assertThat(cut.startMicros()).isEqualTo(500 * MS);
        assertThat(cut.endMicros())
                .as("the second utterance is heard only until the clear")
                .isEqualTo(1000 * MS);

        queue.enqueue(audio(200, 3), RATE, L16, 1010 * MS);
        queue.checkpoint("next", 1010 * MS);
        assertThat(queue.segments().get(2).startMicros()).isEqualTo(1010 * MS);
        assertThat(queue.takeDue(1210 * MS)).containsExactly("next");
        assertThat(queue.takeDue(10_000 * MS))
                .as("a voided checkpoint never plays")
                .isEmpty();
    }

    @Test
    void clearDropsAudioThatHadNotStarted() {
        PlaybackQueue queue = new PlaybackQueue();
        queue.enqueue(audio(100, 1), RATE, L16, 0);
        queue.enqueue(audio(100, 2), RATE, L16, 0);
        queue.clear(50 * MS);
        assertThat(queue.segments()).hasSize(1);
        assertThat(queue.segments().get(0).audio()).hasSize(50 * 16);
    }

    @Test
    void durationsFollowTheFormat() {
        assertThat(PlaybackQueue.Segment.durationMicros(160, 8000, 1))
                .as("mu-law 8k frame")
                .isEqualTo(20 * MS);
        assertThat(PlaybackQueue.Segment.durationMicros(640, 16000, 2))
                .as("L16 16k frame")
                .isEqualTo(20 * MS);
        assertThat(PlaybackQueue.Segment.durationMicros(960, 24000, 2))
                .as("L16 24k frame")
                .isEqualTo(20 * MS);
    }

    @Test
    void halfASampleIsRefused() {
        assertThatThrownBy(() -> new PlaybackQueue().enqueue(new byte[3], RATE, L16, 0))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
