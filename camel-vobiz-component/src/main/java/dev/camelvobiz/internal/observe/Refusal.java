package dev.camelvobiz.internal.observe;

/** Why the component turned a peer away; the {@code reason} tag of the {@code vobiz.refused} counter. */
public enum Refusal {
    /** A stream socket without the right token (401). */
    TOKEN("token"),
    /** A stream socket from outside {@code allowedAddresses} (403). */
    ADDRESS("address"),
    /** A stream socket over {@code maxConnections} (503). */
    CAPACITY("capacity"),
    /** A {@code start} claiming a stream id that is live, or was, here (closed with 1008). */
    STREAM_ID_TAKEN("stream-id-taken"),
    /** A webhook without a valid signature (403). */
    SIGNATURE("signature"),
    /** A correctly signed webhook seen before (403). */
    REPLAY("replay"),
    /** A request whose Host is not one of {@code allowedHosts} (421). */
    HOST("host"),
    /** A webhook that could not be read: too large, not form or JSON, not parseable (413, 415, 400). */
    BAD_REQUEST("bad-request");

    private final String tag;

    Refusal(String tag) {
        this.tag = tag;
    }

    public String tag() {
        return tag;
    }
}
