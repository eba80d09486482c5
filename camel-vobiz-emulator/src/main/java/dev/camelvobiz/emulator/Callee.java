package dev.camelvobiz.emulator;

import dev.camelvobiz.emulator.audio.AudioSource;
import java.time.Duration;
import java.util.Objects;

/**
 * How a destination of an outbound call ({@code makeCall}) responds: it answers after ringing a while
 * (a person, or an answering machine), is busy, does not answer, or cannot be reached. Set one per
 * number with {@link Emulator#callee(String, Callee)}; unset numbers answer after half a second.
 */
public final class Callee {

    /** What happens when the destination is dialled. */
    public enum Outcome {
        /** A person answers: the answer URL is fetched (with {@code Machine=false} when detection is on). */
        ANSWERS,
        /** An answering machine answers: hung up with {@code machine_detection=hangup}, else {@code Machine=true}. */
        MACHINE,
        /** Busy: no ringing; the hang-up URL hears {@code CallStatus=busy}. */
        BUSY,
        /** Rings until the ring timeout; the hang-up URL hears {@code CallStatus=no-answer}. */
        NO_ANSWER,
        /** Cannot be reached (a wrong or unallocated number); the hang-up URL hears {@code CallStatus=failed}. */
        FAILS
    }

    private final Outcome outcome;
    private final Duration ringFor;
    private final AudioSource voice;

    private Callee(Outcome outcome, Duration ringFor, AudioSource voice) {
        this.outcome = outcome;
        this.ringFor = ringFor;
        this.voice = voice;
    }

    /** A person who answers after ringing {@code ringFor}. */
    public static Callee answersAfter(Duration ringFor) {
        return new Callee(Outcome.ANSWERS, ringFor, AudioSource.silence());
    }

    /** An answering machine that picks up after ringing {@code ringFor}. */
    public static Callee machineAfter(Duration ringFor) {
        return new Callee(Outcome.MACHINE, ringFor, AudioSource.tone(440, 2000));
    }

    public static Callee busy() {
        return new Callee(Outcome.BUSY, Duration.ZERO, AudioSource.silence());
    }

    /** Rings for {@code ringFor} (the request's ring_timeout, when shorter, wins) and is not answered. */
    public static Callee noAnswer(Duration ringFor) {
        return new Callee(Outcome.NO_ANSWER, ringFor, AudioSource.silence());
    }

    public static Callee fails() {
        return new Callee(Outcome.FAILS, Duration.ZERO, AudioSource.silence());
    }

    /** What the callee says once the call is answered (what the app's stream hears). */
    public Callee voice(AudioSource voice) {
        return new Callee(outcome, ringFor, Objects.requireNonNull(voice, "voice"));
    }

    public Outcome outcome() {
        return outcome;
    }

    public Duration ringFor() {
        return ringFor;
    }

    public AudioSource voiceValue() {
        return voice;
    }

    @Override
    public String toString() {
        return outcome + (ringFor.isZero() ? "" : " after " + ringFor.toMillis() + " ms");
    }
}
