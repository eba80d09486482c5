package dev.camelvobiz;

import org.apache.camel.spi.Metadata;

/** The headers of the {@code vobiz:} component: set by its consumers, read by its producers. */
public final class VobizConstants {

    @Metadata(
            label = "consumer",
            description = "The event: start, media, playedStream, clearedAudio, dtmf, stop or closed on a stream;"
                    + " the Event field (StartApp, Hangup, StartStream, PlayedStream, …) on answer and callback.",
            javaType = "String")
    public static final String EVENT = "CamelVobizEvent";

    @Metadata(
            description = "The stream id from start. Consumers set it on every exchange; stream producers send to"
                    + " this stream unless the endpoint names one.",
            javaType = "String")
    public static final String STREAM_ID = "CamelVobizStreamId";

    @Metadata(
            description = "The call id (Vobiz CallUUID). Consumers set it; stream producers without a stream id send"
                    + " to this call's newest live stream, which follows reconnects.",
            javaType = "String")
    public static final String CALL_ID = "CamelVobizCallId";

    @Metadata(label = "consumer", description = "The Vobiz account id from start, when given.", javaType = "String")
    public static final String ACCOUNT_ID = "CamelVobizAccountId";

    @Metadata(
            label = "consumer",
            description = "The message's sequenceNumber, when the platform sent one (it may start at 0 or 1 and"
                    + " may repeat).",
            javaType = "Long")
    public static final String SEQUENCE_NUMBER = "CamelVobizSequenceNumber";

    @Metadata(
            label = "consumer",
            description = "media: the track, inbound (caller) or outbound (callee).",
            javaType = "String")
    public static final String TRACK = "CamelVobizTrack";

    @Metadata(
            label = "consumer",
            description = "media: the platform's timestamp of the frame, epoch milliseconds on the Vobiz clock.",
            javaType = "Long")
    public static final String TIMESTAMP = "CamelVobizTimestamp";

    @Metadata(label = "consumer", description = "media: the per-stream frame counter.", javaType = "Long")
    public static final String CHUNK = "CamelVobizChunk";

    @Metadata(
            label = "consumer",
            description = "start and media: the audio encoding, audio/x-l16 or audio/x-mulaw.",
            javaType = "String")
    public static final String ENCODING = "CamelVobizEncoding";

    @Metadata(
            label = "consumer",
            description = "start and media: the sample rate in Hz (8000 or 16000).",
            javaType = "Integer")
    public static final String SAMPLE_RATE = "CamelVobizSampleRate";

    @Metadata(
            description = "playedStream: the checkpoint that played. vobiz:checkpoint: the name to send (if the"
                    + " endpoint names none); set to the name used.",
            javaType = "String")
    public static final String CHECKPOINT_NAME = "CamelVobizCheckpointName";

    @Metadata(label = "consumer", description = "dtmf: the key pressed.", javaType = "String")
    public static final String DTMF_DIGIT = "CamelVobizDtmfDigit";

    @Metadata(
            label = "consumer",
            description = "closed: the WebSocket close code (1000 normal, 1001 going away, 1006 dropped).",
            javaType = "Integer")
    public static final String CLOSE_CODE = "CamelVobizCloseCode";

    @Metadata(label = "consumer", description = "closed: the WebSocket close reason, if any.", javaType = "String")
    public static final String CLOSE_REASON = "CamelVobizCloseReason";

    @Metadata(
            label = "consumer",
            description = "closed: the checkpoints sent on the stream that never played.",
            javaType = "java.util.List<String>")
    public static final String UNPLAYED_CHECKPOINTS = "CamelVobizUnplayedCheckpoints";

    @Metadata(
            label = "common",
            description = "answer and callback: the caller's number (From). api makeCall: the number to call from,"
                    + " when the endpoint has no from option.",
            javaType = "String")
    public static final String FROM = "CamelVobizFrom";

    @Metadata(
            label = "common",
            description = "answer and callback: the called number (To). api makeCall: the number (or numbers,"
                    + " joined by <) to call, when the endpoint has no to option.",
            javaType = "String")
    public static final String TO = "CamelVobizTo";

    @Metadata(
            label = "producer",
            description = "api makeCall: the answer URL of the call to place; transferCall: the URL the call"
                    + " fetches its next answer from; when the endpoint has no answerUrl option.",
            javaType = "String")
    public static final String ANSWER_URL = "CamelVobizAnswerUrl";

    @Metadata(
            label = "common",
            description = "api makeCall: the id of the request (request_uuid), set on the reply. answer and callback:"
                    + " the id of the makeCall request that placed the call (ALegRequestUUID, else RequestUUID), so a"
                    + " route can match a call, its answer and its hang-up to the request.",
            javaType = "String")
    public static final String REQUEST_UUID = "CamelVobizRequestUuid";

    @Metadata(
            label = "producer",
            description = "play: when the caller's turn ended (they stopped speaking: a voice-activity detector's end"
                    + " of turn, or a speech service's signal), as epoch milliseconds (Long), an Instant, or true for"
                    + " now. The play's first playAudio then measures the turn latency.",
            javaType = "Object")
    public static final String TURN_ENDED = "CamelVobizTurnEnded";

    @Metadata(
            label = "producer",
            description = "play: milliseconds from the end of the caller's turn (CamelVobizTurnEnded) to the first"
                    + " playAudio of this play, set when that frame is sent.",
            javaType = "Long")
    public static final String TURN_LATENCY = "CamelVobizTurnLatency";

    @Metadata(label = "consumer", description = "answer: inbound or outbound (Direction).", javaType = "String")
    public static final String DIRECTION = "CamelVobizDirection";

    @Metadata(
            label = "consumer",
            description = "answer and callback: ringing, in-progress, completed, … (CallStatus).",
            javaType = "String")
    public static final String CALL_STATUS = "CamelVobizCallStatus";

    @Metadata(
            label = "producer",
            description =
                    "api: true when stopStream or hangupCall found the stream or call already gone (Vobiz's own"
                            + " 404 \"Stream not found\" / \"Call not found\"), which counts as success. stop: true when the stream"
                            + " had been stopped already (a second stop) or has closed (the caller hung up); nothing is sent then.",
            javaType = "Boolean")
    public static final String ALREADY_STOPPED = "CamelVobizAlreadyStopped";

    @Metadata(
            label = "producer",
            description = "api: the operation to run when the endpoint names none (the URI's operation wins).",
            javaType = "dev.camelvobiz.api.VobizApiOperation")
    public static final String API_OPERATION = "CamelVobizApiOperation";

    @Metadata(
            description = "media: the exact format of the body (an AudioFormat: encoding, rate, byte order). vobiz:play"
                    + " reads it (or a content type String such as audio/x-l16;rate=16000;endian=little) as the format"
                    + " of raw audio in the body, unless the endpoint's audioFormat option says otherwise.",
            javaType = "dev.camelvobiz.audio.AudioFormat")
    public static final String AUDIO_FORMAT = "CamelVobizAudioFormat";

    @Metadata(
            description = "The stream's barge-in generation when the event arrived (it goes up with every clear)."
                    + " vobiz:play drops audio whose exchange carries an older generation than the stream's, so a late"
                    + " answer to speech from before a barge-in is never played.",
            javaType = "Integer")
    public static final String GENERATION = "CamelVobizGeneration";

    @Metadata(
            description = "On every stream event but closed: how many milliseconds of the audio our"
                    + " routes played to the call the caller had yet to hear when the event was read (sent and still"
                    + " playing by the playout clock, or waiting to be sent); 0 when nothing of ours is playing. A"
                    + " room-tone bed does not count, only speech. Tells a caller talking over us (a barge-in) from a"
                    + " caller simply talking.",
            javaType = "Long")
    public static final String UNHEARD_MILLIS = "CamelVobizUnheardMillis";

    @Metadata(
            label = "producer",
            description =
                    "vobiz:play and vobiz:clear: how many 20 ms frames were dropped unsent (a clear came first, or"
                            + " the audio was of an older generation).",
            javaType = "Integer")
    public static final String DISCARDED_FRAMES = "CamelVobizDiscardedFrames";

    @Metadata(
            label = "producer",
            description = "A checkpoint with await=true, a stop with afterPlayed=true: played, cleared, closed or"
                    + " timeout.",
            javaType = "String")
    public static final String CHECKPOINT_OUTCOME = "CamelVobizCheckpointOutcome";

    @Metadata(
            description =
                    "What the caller heard, utterance by utterance (List of HeardUtterance: queued, sent and heard"
                            + " milliseconds, played / cleared / unconfirmed), on awaited checkpoint outcomes, on"
                            + " vobiz:clear (how much of the interrupted utterance played) and on closed.",
            javaType = "java.util.List<dev.camelvobiz.stream.HeardUtterance>")
    public static final String HEARD = "CamelVobizHeard";

    @Metadata(
            label = "consumer",
            description =
                    "closed: how many media and dtmf frames arrived after our stop (they are counted, not routed);"
                            + " absent when none did.",
            javaType = "Long")
    public static final String FRAMES_AFTER_STOP = "CamelVobizFramesAfterStop";

    private VobizConstants() {}

    @Metadata(
            description = "The id of the instance (component) that holds the call: set on every exchange from a vobiz"
                    + " consumer. A stream producer whose stream is held by another instance forwards the command to"
                    + " the instance this header names (see the component's forwardUri).",
            javaType = "String")
    public static final String INSTANCE_ID = "CamelVobizInstanceId";
}
