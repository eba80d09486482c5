package dev.camelvobiz.emulator.stream;

/** Why a stream socket ended, which decides the callback Vobiz sends and whether it reconnects. */
public enum StreamEnd {
    /** The app sent {@code stop}. */
    APP_STOP,
    /** Stopped through the REST API. */
    API_STOP,
    /** The call ended (hang-up, end of XML). */
    CALL_ENDED,
    /** {@code streamTimeout} expired. */
    TIMEOUT,
    /** The connection failed or dropped: the only end that {@code maxRetries} retries. */
    DROPPED
}
