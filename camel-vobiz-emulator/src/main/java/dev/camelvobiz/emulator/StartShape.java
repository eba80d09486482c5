package dev.camelvobiz.emulator;

/**
 * The shape of the messages the emulator sends on a stream (protocol §3.1, §3.2, §11): Vobiz changed
 * them over time and Plivo differs, and an app has to accept them all (§14).
 */
public enum StartShape {
    /** Current Vobiz: nested {@code start}, {@code sequenceNumber} from 0, numeric {@code accountId}. */
    NESTED,
    /** Legacy Vobiz: flat {@code start} with {@code contentType}; media with per-frame format, no chunk. */
    FLAT,
    /** Plivo: nested, {@code sequenceNumber} from 1, {@code MA_} account id, extra headers passed on. */
    PLIVO
}
