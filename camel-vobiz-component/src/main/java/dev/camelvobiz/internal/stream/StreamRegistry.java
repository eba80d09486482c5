package dev.camelvobiz.internal.stream;

import dev.camelvobiz.stream.StreamClosedException;
import dev.camelvobiz.stream.StreamNotFoundException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The live streams of one component, by stream id and by call id (Vobiz reconnects a call with a new
 * stream id, so a call id always means its newest live stream). Recently closed ids are remembered,
 * so that a late command fails saying the stream closed rather than that it never existed, and so
 * that no socket can claim a stream id once it has been used here: Vobiz never reuses one, so a second
 * {@code start} with a taken id is an attempt to take the call over (its playback, its commands).
 */
public final class StreamRegistry {

    private static final int RECENTLY_CLOSED_CAPACITY = 4096;

    private final Map<String, CallSession> byStreamId = new ConcurrentHashMap<>();
    private final Map<String, CallSession> byCallId = new ConcurrentHashMap<>();
    private final Map<String, String> recentlyClosed = new LinkedHashMap<>(256, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
            return size() > RECENTLY_CLOSED_CAPACITY;
        }
    };

    /** Registers a started stream; false, and nothing changed, if its id is live or was used here before. */
    boolean add(CallSession session) {
        String streamId = session.streamId();
        synchronized (recentlyClosed) {
            if (recentlyClosed.containsKey("stream:" + streamId) || byStreamId.putIfAbsent(streamId, session) != null) {
                return false;
            }
        }
        if (session.callId() != null) {
            byCallId.put(session.callId(), session); // Vobiz reconnects a call with a new stream id
        }
        return true;
    }

    void remove(CallSession session, String closeDescription) {
        String description = "Stream " + session.streamId() + " of call " + session.callId() + " is closed ("
                + closeDescription + ")";
        synchronized (recentlyClosed) { // with add: an id leaves the live map and is remembered in one step
            byStreamId.remove(session.streamId(), session);
            recentlyClosed.put("stream:" + session.streamId(), description);
            if (session.callId() != null && byCallId.remove(session.callId(), session)) {
                recentlyClosed.put("call:" + session.callId(), description);
            }
        }
    }

    /** The live stream with this id, else the newest live stream of this call; null if neither is held here. */
    public CallSession find(String streamId, String callId) {
        return streamId != null ? byStreamId.get(streamId) : callId == null ? null : byCallId.get(callId);
    }

    /** Why {@link #find(String, String)} found nothing: the stream closed, or it never was here. */
    public RuntimeException whyNotLive(String streamId, String callId) {
        return streamId != null
                ? notLive("stream:" + streamId, "No live Vobiz stream with streamId " + streamId)
                : notLive("call:" + callId, "No live Vobiz stream for callId " + callId);
    }

    private RuntimeException notLive(String key, String unknownMessage) {
        String closed;
        synchronized (recentlyClosed) {
            closed = recentlyClosed.get(key);
        }
        return closed != null ? new StreamClosedException(closed) : new StreamNotFoundException(unknownMessage);
    }

    /** The live streams now. */
    public List<CallSession> live() {
        return List.copyOf(byStreamId.values());
    }

    public int size() {
        return byStreamId.size();
    }
}
