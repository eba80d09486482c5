package dev.camelvobiz.examples.realtime;

/**
 * A message from a speech-to-speech service, as the bridge needs to know it whatever the service.
 *
 * @param kind       what happened
 * @param audio      the agent's speech (μ-law 8 kHz, any length), for {@link Kind#AUDIO}
 * @param answerId   the answer the audio or event belongs to, where the service names it (else null)
 * @param text       a transcript, an error, or a function call's id for {@link Kind#END_CALL}
 * @param serviceLatencyMillis the service's own measure of its answer time, where it reports one (else -1)
 */
public record ServiceEvent(Kind kind, byte[] audio, String answerId, String text, long serviceLatencyMillis) {

    public enum Kind {
        /** Agent speech to play. */
        AUDIO,
        /** The caller started speaking: barge-in. */
        CALLER_STARTED,
        /** The caller's turn is over: the wait for the answer starts. */
        CALLER_STOPPED,
        /** The service starts an answer. */
        ANSWER_STARTED,
        /** The service has sent all of an answer's audio. */
        ANSWER_DONE,
        /** The agent decided to end the call (a client-side function call; {@code text} is its id). */
        END_CALL,
        /** What was said, by the caller or the agent. */
        TRANSCRIPT,
        /** The service reports an error. */
        ERROR,
        /** Nothing the bridge acts on (welcome, settings applied, …). */
        OTHER
    }

    static ServiceEvent of(Kind kind) {
        return new ServiceEvent(kind, null, null, null, -1);
    }

    static ServiceEvent audio(byte[] audio, String answerId) {
        return new ServiceEvent(Kind.AUDIO, audio, answerId, null, -1);
    }

    static ServiceEvent text(Kind kind, String answerId, String text) {
        return new ServiceEvent(kind, null, answerId, text, -1);
    }
}
