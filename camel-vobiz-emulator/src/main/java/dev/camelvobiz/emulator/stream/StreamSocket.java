package dev.camelvobiz.emulator.stream;

import dev.camelvobiz.emulator.StartShape;
import dev.camelvobiz.emulator.audio.Pcm;
import dev.camelvobiz.emulator.audio.WireFormat;
import dev.camelvobiz.emulator.record.CallRecord;
import dev.camelvobiz.emulator.record.PlaybackQueue;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.websocket.core.CloseStatus;
import org.eclipse.jetty.websocket.core.CoreSession;
import org.eclipse.jetty.websocket.core.Frame;
import org.eclipse.jetty.websocket.core.FrameHandler;
import org.eclipse.jetty.websocket.core.OpCode;

/**
 * One WebSocket connection of a stream, Vobiz's side: sends {@code start}, then {@code media} in real
 * time from the {@link Ticker}; plays {@code playAudio} into the caller's {@link PlaybackQueue};
 * answers {@code checkpoint} with {@code playedStream} only once the audio before it has played,
 * {@code clearAudio} with {@code clearedAudio}, and closes on {@code stop}.
 */
public final class StreamSocket implements FrameHandler, Ticker.Task {

    /** More frames than this behind means the clock thread stalled (see {@link #tick}). */
    private static final int MAX_CATCH_UP_FRAMES = 5;

    private final StreamLeg leg;
    private final CallLine call;
    private final Ticker ticker;
    private final String streamId;
    private final String quotedStreamId;
    private final WireFormat mediaFormat;
    private final ByteOrder playAudioByteOrder;
    private final StartShape shape;
    private final PlaybackQueue queue;
    private final CallRecord record;

    private volatile CoreSession session;
    private volatile long openNanos;
    private volatile Instant startTime;
    private volatile Instant endTime;
    private volatile StreamEnd endCause;
    private volatile boolean stopReceived;
    private long sequenceNumber;
    private long framesSent;
    private boolean utteranceLogged;

    private byte[] message = new byte[8192];
    private int messageLength;
    private byte messageOpCode;

    StreamSocket(StreamLeg leg, String streamId, CallLine call, Ticker ticker) {
        this.leg = leg;
        this.call = call;
        this.ticker = ticker;
        this.streamId = streamId;
        this.quotedStreamId = VobizMessages.quote(streamId);
        this.record = call.record();
        this.shape = call.spec().shape();
        this.mediaFormat = leg.attributes().inboundFormat(call.spec().mediaByteOrder());
        this.playAudioByteOrder = call.spec().playAudioByteOrder();
        this.queue = call.spec().keepHeardAudio() ? record.newPlaybackQueue() : PlaybackQueue.timingOnly();
    }

    public String streamId() {
        return streamId;
    }

    public StreamLeg leg() {
        return leg;
    }

    public WireFormat mediaFormat() {
        return mediaFormat;
    }

    public Instant startTime() {
        return startTime;
    }

    public Instant endTime() {
        return endTime;
    }

    public boolean isOpen() {
        return session != null && endTime == null;
    }

    // ---- outbound: what Vobiz sends ----------------------------------------------------------

    @Override
    public void onOpen(CoreSession coreSession, Callback callback) {
        session = coreSession;
        startTime = Instant.now();
        callback.succeeded();
        StreamEnd stopped = leg.stoppedWith();
        if (stopped != null) { // stopped while it was connecting (a stop_stream right after start_stream)
            record.log("stream stopped", streamId + " connected after its stream was stopped: closed without start");
            close(stopped, "stopped");
            return;
        }
        record.streamStarted(streamId); // recorded before start is sent, as with every message
        synchronized (this) {
            sequenceNumber = shape == StartShape.PLIVO ? 1 : 0;
            send(VobizMessages.start(
                    shape,
                    call.identity(streamId),
                    leg.attributes().audioTrack(),
                    mediaFormat,
                    leg.attributes().extraHeadersText()));
            openNanos = System.nanoTime();
        }
        record.log(
                "stream open",
                streamId + " " + leg.attributes().url() + " media " + mediaFormat.contentType()
                        + (mediaFormat.isMuLaw() ? "" : " " + mediaFormat.byteOrder()));
        record.streamOpened(streamId, mediaFormat.sampleRate());
        leg.socketOpened(this);
        ticker.add(this);
        coreSession.demand();
    }

    @Override
    public void tick(long nowNanos) {
        if (endTime != null) {
            return;
        }
        synchronized (this) {
            long due = (nowNanos - openNanos) / Ticker.FRAME_NANOS + 1;
            if (due - framesSent > MAX_CATCH_UP_FRAMES) {
                // The clock thread stalled: resume real-time pacing from now instead of flooding the
                // app; chunk numbers stay contiguous, the stream just runs that much behind.
                openNanos += (due - framesSent - 1) * Ticker.FRAME_NANOS;
                due = framesSent + 1;
                ticker.stalled();
            }
            while (framesSent < due) {
                sendMedia();
            }
            for (String name : queue.takeDue(record.nowMicros())) {
                // recorded before it is sent: whoever reacts to the message finds it in the record
                record.checkpointPlayed(name);
                record.log("playedStream", name);
                send(VobizMessages.playedStream(shape, streamId, name));
                leg.postStatus("PlayedStream", streamId, "Name", name);
            }
        }
        if ((nowNanos - openNanos) / 1_000_000_000L >= leg.attributes().streamTimeoutSeconds()) {
            close(StreamEnd.TIMEOUT, "streamTimeout");
        }
    }

    private void sendMedia() {
        long chunk = framesSent++;
        byte[] audio = call.media().nextFrame(mediaFormat, chunk);
        if (queue.retainsAudio()) { // a call that keeps its audio keeps both directions
            record.said(record.nowMicros(), mediaFormat.decode(audio));
        }
        long timestamp = System.currentTimeMillis();
        String track =
                leg.attributes().bidirectional() ? "inbound" : leg.attributes().audioTrack();
        if ("both".equals(track)) {
            sendMedia(VobizMessages.media(
                    shape, quotedStreamId, nextSequence(), "inbound", timestamp, chunk, mediaFormat, audio));
            int samples = audio.length / mediaFormat.bytesPerSample();
            byte[] silence = mediaFormat.encode(new short[samples], 0, samples);
            sendMedia(VobizMessages.media(
                    shape, quotedStreamId, nextSequence(), "outbound", timestamp, chunk, mediaFormat, silence));
        } else {
            sendMedia(VobizMessages.media(
                    shape, quotedStreamId, nextSequence(), track, timestamp, chunk, mediaFormat, audio));
        }
    }

    private void sendMedia(byte[] message) {
        send(message, Callback.from(record::mediaSent, failure -> {}));
    }

    synchronized void sendDtmf(char digit) {
        send(VobizMessages.dtmf(nextSequence(), streamId, digit));
    }

    private long nextSequence() {
        return ++sequenceNumber;
    }

    private void send(String json) {
        send(json.getBytes(StandardCharsets.UTF_8), Callback.NOOP);
    }

    /** Sends a message unless the stream is gone; {@code written} learns whether it reached the network. */
    private void send(byte[] message, Callback written) {
        CoreSession current = session;
        if (current != null && endTime == null) {
            current.sendFrame(new Frame(OpCode.TEXT).setPayload(ByteBuffer.wrap(message)), written, false);
        }
    }

    /** Ends the stream from Vobiz's side with a normal close. */
    public void close(StreamEnd cause, String reason) {
        CoreSession current = session;
        if (current != null && endCause == null) {
            endCause = cause;
            current.close(CloseStatus.NORMAL, reason, Callback.NOOP);
        }
    }

    /** Cuts the connection without a close handshake, as a network failure would. */
    void drop() {
        CoreSession current = session;
        if (current != null && endCause == null) {
            endCause = StreamEnd.DROPPED;
            record.log("drop", streamId + " connection cut");
            current.abort();
        }
    }

    // ---- inbound: the app's commands ---------------------------------------------------------

    @Override
    public void onFrame(Frame frame, Callback callback) {
        byte opCode = frame.getOpCode();
        if (opCode == OpCode.CLOSE) {
            callback.succeeded();
            return;
        }
        if (opCode == OpCode.PING) {
            ByteBuffer payload = ByteBuffer.allocate(frame.getPayloadLength())
                    .put(frame.getPayload())
                    .flip();
            session.sendFrame(new Frame(OpCode.PONG).setPayload(payload), Callback.NOOP, false);
        } else if (opCode == OpCode.TEXT || opCode == OpCode.BINARY || opCode == OpCode.CONTINUATION) {
            if (opCode != OpCode.CONTINUATION) {
                messageOpCode = opCode;
                messageLength = 0;
            }
            append(frame.getPayload());
            if (frame.isFin()) {
                if (messageOpCode == OpCode.TEXT) {
                    handleCommand();
                } else {
                    record.violation("binary message on stream " + streamId + " (ignored: commands are text)");
                }
                messageLength = 0;
            }
        }
        callback.succeeded();
        session.demand();
    }

    private void append(ByteBuffer payload) {
        int length = payload == null ? 0 : payload.remaining();
        if (messageLength + length > message.length) {
            message = Arrays.copyOf(message, Math.max(message.length * 2, messageLength + length));
        }
        if (length > 0) {
            payload.get(message, messageLength, length);
            messageLength += length;
        }
    }

    private void handleCommand() {
        long arrival = System.nanoTime();
        AppCommand command;
        try {
            command = AppCommandParser.parse(message, messageLength);
        } catch (IOException e) {
            record.violation("unreadable command on " + streamId + ": " + e.getMessage());
            return;
        }
        command.violations().forEach(violation -> leg.violationOnce(violation));
        if (command.streamId() != null && !command.streamId().equals(streamId)) {
            // Vobiz routes a command by its streamId: one for a stream it does not know does nothing
            record.violation(command.event() + " for unknown stream " + command.streamId() + " on stream " + streamId
                    + " (no effect)");
            return;
        }
        if (stopReceived) {
            record.violation(command.event() + " after stop (dropped)");
            return;
        }
        if (!leg.attributes().bidirectional()) {
            record.violation(command.event() + " on a stream that is not bidirectional (ignored)");
            return;
        }
        switch (command.event()) {
            case "playAudio" -> playAudio(command, arrival);
            case "checkpoint" -> checkpoint(command);
            case "clearAudio" -> clearAudio();
            case "stop" -> {
                stopReceived = true;
                record.log("stop", "from the app on " + streamId);
                close(StreamEnd.APP_STOP, "stop");
            }
            default -> record.violation("unknown command '" + command.event() + "' (ignored)");
        }
    }

    private void playAudio(AppCommand command, long arrivalNanos) {
        if (command.payload() == null || command.contentType() == null) {
            record.violation("playAudio without media.contentType or media.payload (ignored)");
            return;
        }
        WireFormat format;
        try {
            format = new WireFormat(
                    command.contentType().split(";")[0].trim(), command.sampleRate(), playAudioByteOrder);
        } catch (IllegalArgumentException e) {
            record.violation("playAudio format not playable: " + e.getMessage());
            return;
        }
        PlayAudioListener listener = call.playListener();
        if (listener != null) {
            listener.onPlayAudio(command.payload(), arrivalNanos);
        }
        if (command.payload().length % format.bytesPerSample() != 0) {
            record.violation("playAudio payload of " + command.payload().length + " bytes is not whole "
                    + format.encoding() + " samples (ignored)");
            return;
        }
        // Only a queue that keeps audio needs it decoded; a timing-only one (load runs) needs its length.
        Pcm decoded = queue.retainsAudio() ? format.decode(command.payload()) : null;
        byte[] audio = decoded != null ? littleEndian(decoded.samples()) : command.payload();
        int bytesPerSample = decoded != null ? 2 : format.bytesPerSample();
        long now = record.nowMicros();
        synchronized (this) {
            if (!utteranceLogged && queue.pendingMicros(now) == 0) {
                record.log("playAudio", "audio starts playing, " + format.contentType());
                utteranceLogged = true;
            }
            long start = queue.enqueue(audio, format.sampleRate(), bytesPerSample, now);
            if (decoded != null) {
                record.queued(start, decoded);
            }
        }
    }

    private static byte[] littleEndian(short[] samples) {
        ByteBuffer bytes = ByteBuffer.allocate(samples.length * 2).order(ByteOrder.LITTLE_ENDIAN);
        bytes.asShortBuffer().put(samples);
        return bytes.array();
    }

    private void checkpoint(AppCommand command) {
        if (command.name() == null || command.name().isEmpty()) {
            record.violation("checkpoint without a name (ignored)");
            return;
        }
        long now = record.nowMicros();
        synchronized (this) {
            long pending = queue.pendingMicros(now);
            queue.checkpoint(command.name(), now);
            record.checkpointQueued(command.name());
            utteranceLogged = false;
            record.log("checkpoint", command.name() + ", due in " + pending / 1000 + " ms");
        }
    }

    private void clearAudio() {
        synchronized (this) {
            long now = record.nowMicros();
            long dropped = queue.pendingMicros(now);
            var voided = queue.clear(now);
            record.cleared(now);
            voided.forEach(record::checkpointVoided);
            utteranceLogged = false;
            record.log(
                    "clearAudio",
                    (dropped == 0 ? "nothing was playing" : "cut " + dropped / 1000 + " ms of queued audio")
                            + (voided.isEmpty() ? "" : ", voided " + voided));
            send(VobizMessages.clearedAudio(nextSequence(), streamId));
        }
        leg.postStatus("ClearedAudio", streamId);
    }

    // ---- end ---------------------------------------------------------------------------------

    @Override
    public void onError(Throwable cause, Callback callback) {
        if (endCause == null) {
            endCause = StreamEnd.DROPPED;
        }
        record.log("stream error", streamId + ": " + cause);
        callback.succeeded();
    }

    @Override
    public void onClosed(CloseStatus closeStatus, Callback callback) {
        ticker.remove(this);
        synchronized (this) {
            endTime = Instant.now();
            var voided = queue.clear(record.nowMicros());
            voided.forEach(record::checkpointVoided);
            if (!voided.isEmpty()) {
                record.log("voided", voided + " never played: stream closed");
            }
        }
        StreamEnd cause = endCause;
        if (cause == null) {
            cause = StreamEnd.DROPPED; // the app closed the socket, or the network did
        }
        record.log(
                "stream closed",
                streamId + " " + closeStatus.getCode()
                        + (closeStatus.getReason() == null ? "" : " " + closeStatus.getReason()) + " (" + cause + ")");
        callback.succeeded();
        leg.socketClosed(this, cause);
    }
}
