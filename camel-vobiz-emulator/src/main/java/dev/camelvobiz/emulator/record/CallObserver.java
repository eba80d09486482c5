package dev.camelvobiz.emulator.record;

import dev.camelvobiz.emulator.CallSpec;

/**
 * Hears about a call as it happens: what a live view of the call (the web console) draws and plays.
 * Register one with {@link CallSpec#observer}. Methods run on the emulator's own threads, the media
 * clock among them: return quickly and never block. A method that throws is logged in the timeline
 * and the call carries on.
 */
public interface CallObserver {

    /** A line was added to the call's timeline. */
    default void logged(CallRecord.Entry entry) {}

    /** A stream socket opened; the caller's audio goes to the app at {@code sampleRate}. */
    default void streamOpened(String streamId, int sampleRate) {}

    /** The caller's side sent 20 ms of audio on a stream at {@code atMicros} (call time). */
    default void said(long atMicros, short[] samples, int sampleRate) {}

    /** Audio was queued for the caller to hear from {@code startMicros} (a stream's playAudio, a Speak, a Play). */
    default void queued(long startMicros, short[] samples, int sampleRate) {}

    /** A {@code clearAudio} cut the caller's playback at {@code atMicros}. */
    default void cleared(long atMicros) {}

    /** A checkpoint was queued, played or voided. */
    default void checkpoint(String name, CheckpointState state) {}

    /** The call ended (streams closed, the hang-up webhook queued). */
    default void ended(CallRecord.Hangup hangup) {}

    /** Where a checkpoint is in its life: queued behind audio, played (reported), or voided. */
    enum CheckpointState {
        QUEUED,
        PLAYED,
        VOIDED
    }
}
