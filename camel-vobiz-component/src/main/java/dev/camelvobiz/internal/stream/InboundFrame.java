package dev.camelvobiz.internal.stream;

import dev.camelvobiz.audio.AudioEncoding;
import dev.camelvobiz.audio.AudioFormat;
import dev.camelvobiz.event.ClearedAudioEvent;
import dev.camelvobiz.event.DtmfEvent;
import dev.camelvobiz.event.PlayedStreamEvent;
import dev.camelvobiz.event.StartEvent;
import dev.camelvobiz.event.StopEvent;
import dev.camelvobiz.internal.observe.LogSafe;
import java.util.ArrayList;
import java.util.List;

/**
 * The fields of one inbound JSON message, in every shape the platform has been seen to send. One
 * instance is reused per connection (messages of a connection are read one at a time), so reading a
 * frame allocates nothing but the values themselves. The liberal merge rules of protocol §14 live
 * here and nowhere else.
 */
final class InboundFrame {

    static final int MAX_ID_CHARS = 256;

    /** The connection's stream id once it has started: read again, it is this very string (kept by reset). */
    String expectedStreamId;

    String event;
    Long sequenceNumber;

    // top level: current media/clearedAudio/playedStream/stop, and the whole legacy flat start
    String streamId;
    String callId;
    String accountId;
    String name;
    String reason;
    String contentType;
    String from;
    String to;
    String direction;
    String extraHeaders;

    // nested "start"
    String startStreamId;
    String startCallId;
    String startAccountId;
    String startAuthId;
    final List<String> tracks = new ArrayList<>(2);
    String encoding;
    Long sampleRate;

    // nested "media"
    byte[] payload;
    String track;
    Long timestamp;
    Long chunk;
    String mediaContentType;
    Long mediaSampleRate;

    // nested "dtmf"
    String digit;
    String dtmfTrack;

    void reset() {
        event = null;
        sequenceNumber = null;
        streamId = callId = accountId = name = reason = contentType = null;
        from = to = direction = extraHeaders = null;
        startStreamId = startCallId = startAccountId = startAuthId = null;
        tracks.clear();
        encoding = null;
        sampleRate = null;
        payload = null;
        track = null;
        timestamp = chunk = null;
        mediaContentType = null;
        mediaSampleRate = null;
        digit = dtmfTrack = null;
    }

    /** §14.1: {@code start.streamId ?? streamId}. */
    String effectiveStreamId() {
        return startStreamId != null ? startStreamId : streamId;
    }

    /**
     * §14.1 and §14.2: ids nested or flat, format from {@code mediaFormat}, else the flat
     * {@code contentType}, else the configured default.
     */
    StartEvent toStartEvent(AudioFormat defaultFormat) {
        String id = effectiveStreamId();
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("start without streamId");
        }
        String account = startAccountId != null ? startAccountId : startAuthId != null ? startAuthId : accountId;
        String call = startCallId != null ? startCallId : callId;
        requireIdentifier("streamId", id);
        requireIdentifier("callId", call);
        requireIdentifier("accountId", account);
        return new StartEvent(
                id,
                call,
                account,
                tracks,
                startFormat(defaultFormat),
                sequenceNumber,
                extraHeaders,
                from,
                to,
                direction);
    }

    /**
     * Ids key the registry, name headers and files, and go into every log line and the MDC: Vobiz's
     * are UUIDs, so one with a control character (a forged log line) or of kilobytes is refused.
     */
    private static void requireIdentifier(String field, String value) {
        if (value == null) {
            return;
        }
        if (value.length() > MAX_ID_CHARS) {
            throw new IllegalArgumentException(
                    "start." + field + " of " + value.length() + " characters (at most " + MAX_ID_CHARS + ")");
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029') {
                throw new IllegalArgumentException(
                        "start." + field + " contains a control character: " + LogSafe.value(value));
            }
        }
    }

    /** {@code defaultFormat}'s byte order is the inbound one: the wire never names it. */
    private AudioFormat startFormat(AudioFormat defaultFormat) {
        if (encoding != null) {
            return new AudioFormat(
                    AudioEncoding.fromMimeType(encoding),
                    sampleRate != null ? Math.toIntExact(sampleRate) : 8000,
                    defaultFormat.byteOrder());
        }
        if (contentType != null) {
            return AudioFormat.parse(contentType, defaultFormat.byteOrder());
        }
        return defaultFormat;
    }

    /**
     * §14.4: a legacy frame that names its own format overrides the stream's format for that frame
     * only; the current shape never does.
     */
    AudioFormat mediaFormat(AudioFormat streamFormat) {
        if (mediaContentType == null && mediaSampleRate == null) {
            return streamFormat;
        }
        AudioEncoding frameEncoding =
                mediaContentType != null ? AudioEncoding.fromMimeType(mediaContentType) : streamFormat.encoding();
        int rate = mediaSampleRate != null
                ? Math.toIntExact(mediaSampleRate)
                : mediaContentType != null
                        ? AudioFormat.parse(mediaContentType).sampleRate()
                        : streamFormat.sampleRate();
        return new AudioFormat(frameEncoding, rate, streamFormat.byteOrder());
    }

    /** §14.4: a media frame without a track is the caller's. */
    String mediaTrack() {
        return track != null ? track : "inbound";
    }

    PlayedStreamEvent toPlayedStreamEvent(String connectionStreamId) {
        if (name == null) {
            throw new IllegalArgumentException("playedStream without name");
        }
        return new PlayedStreamEvent(orConnection(connectionStreamId), name);
    }

    ClearedAudioEvent toClearedAudioEvent(String connectionStreamId) {
        return new ClearedAudioEvent(orConnection(connectionStreamId));
    }

    StopEvent toStopEvent(String connectionStreamId) {
        return new StopEvent(orConnection(connectionStreamId), reason);
    }

    DtmfEvent toDtmfEvent(String connectionStreamId) {
        return new DtmfEvent(orConnection(connectionStreamId), digit, dtmfTrack != null ? dtmfTrack : "inbound");
    }

    private String orConnection(String connectionStreamId) {
        return streamId != null ? streamId : connectionStreamId;
    }
}
