package dev.camelvobiz.stream;

import dev.camelvobiz.VobizConstants;
import dev.camelvobiz.audio.AudioConverter;
import dev.camelvobiz.audio.AudioEncoding;
import dev.camelvobiz.audio.AudioFormat;
import dev.camelvobiz.audio.AudioFramer;
import dev.camelvobiz.event.ClosedEvent;
import dev.camelvobiz.event.StartEvent;
import dev.camelvobiz.event.StreamEvent;
import dev.camelvobiz.event.VobizEventType;
import dev.camelvobiz.observe.VobizMetrics;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.camel.AsyncCallback;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.websocket.core.CloseStatus;
import org.eclipse.jetty.websocket.core.CoreSession;
import org.eclipse.jetty.websocket.core.Frame;
import org.eclipse.jetty.websocket.core.FrameHandler;
import org.eclipse.jetty.websocket.core.OpCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * One Vobiz stream socket. Jetty delivers its frames one at a time and reads the next only when asked
 * ({@link CoreSession#demand()}), so the route sees the stream in wire order on the thread that read
 * it, with no hand-off; asking for the next frame only after the route has taken the current one is
 * the per-socket back-pressure that keeps a slow call from touching any other. An exchange that goes
 * asynchronous (e.g. awaiting a checkpoint) does not hold the stream up, up to a bounded number in
 * flight.
 */
final class StreamConnection implements FrameHandler, CallSession {

    static final String MDC_CALL_ID = "callId";
    static final String MDC_STREAM_ID = "streamId";

    private static final Logger LOG = LoggerFactory.getLogger(StreamConnection.class);
    private static final long FRAME_NANOS = 20_000_000L;

    private final StreamConsumer consumer;
    private final String remote;
    private final InboundFrame frame = new InboundFrame();

    // Inbound message assembly: touched only from onFrame, which Jetty never runs concurrently.
    private byte[] message = new byte[4096];
    private int messageLength;
    private byte messageOpCode;
    private long messageBytesSeen;
    private final Set<String> reportedUnknownEvents = new HashSet<>();

    private volatile CoreSession session;
    private volatile StartEvent start;
    private volatile WireWriter writer;
    private volatile byte[] playAudioPrefix;
    private volatile Playout playout;
    private volatile AudioConverter inboundConverter; // null: media bodies as received

    // Outbound audio conversion and framing keep state across plays (resampler history, partial frame).
    private final Object outboundAudio = new Object();
    private AudioConverter outboundConverter;
    private AudioFramer framer;

    private final Object writeLock = new Object();
    private final AtomicLong checkpointCounter = new AtomicLong();
    private volatile String closeDescription;
    private final AtomicBoolean closedEmitted = new AtomicBoolean();

    private final AtomicInteger inFlight = new AtomicInteger();
    private final long openedNanos = System.nanoTime();
    private volatile long framesIn; // written by the socket's reader only
    private VobizMetrics metrics = VobizMetrics.NONE; // the component's, from start on (read by the reader only)
    private final AtomicBoolean demandParked = new AtomicBoolean();

    StreamConnection(StreamConsumer consumer, String remote) {
        this.consumer = consumer;
        this.remote = remote;
    }

    // ---- inbound ---------------------------------------------------------------------------

    @Override
    public void onOpen(CoreSession coreSession, Callback callback) {
        this.session = coreSession;
        callback.succeeded();
        coreSession.demand();
    }

    @Override
    public void onFrame(Frame f, Callback callback) {
        switch (f.getOpCode()) {
            case OpCode.PING -> {
                session.sendFrame(new Frame(OpCode.PONG).setPayload(copy(f.getPayload())), Callback.NOOP, false);
                callback.succeeded();
                session.demand();
            }
            case OpCode.PONG -> {
                callback.succeeded();
                session.demand();
            }
            case OpCode.CLOSE -> callback.succeeded();
            default -> onDataFrame(f, callback);
        }
    }

    private void onDataFrame(Frame f, Callback callback) {
        if (f.getOpCode() != OpCode.CONTINUATION) {
            messageOpCode = f.getOpCode();
            messageLength = 0;
            messageBytesSeen = 0;
        }
        append(f.getPayload());
        callback.succeeded();
        if (!f.isFin()) {
            session.demand();
            return;
        }
        boolean tagged = consumer.mdcLogging();
        try {
            if (tagged) {
                putMdc(start);
            }
            onMessage();
        } catch (InvalidFrameException e) {
            report(e);
        } catch (RuntimeException e) {
            report(new InvalidFrameException("Failed to handle a frame on " + label() + ": " + e, e));
        } finally {
            if (tagged) {
                clearMdc();
            }
        }
        demandNext();
    }

    /**
     * With Camel's MDC logging on, whatever is logged while a frame is handled (our lines, the
     * route's {@code log} steps on this thread) names its call and stream.
     */
    private static void putMdc(StartEvent started) {
        if (started != null) {
            if (started.callId() != null) {
                MDC.put(MDC_CALL_ID, started.callId());
            }
            MDC.put(MDC_STREAM_ID, started.streamId());
        }
    }

    private static void clearMdc() {
        MDC.remove(MDC_CALL_ID);
        MDC.remove(MDC_STREAM_ID);
    }

    /** Copies the payload into the reusable message buffer, up to the configured limit. */
    private void append(ByteBuffer payload) {
        int length = payload.remaining();
        messageBytesSeen += length;
        if (messageOpCode != OpCode.TEXT || messageBytesSeen > consumer.maxFrameSize()) {
            return;
        }
        if (messageLength + length > message.length) {
            byte[] larger = new byte[Math.max(message.length * 2, messageLength + length)];
            System.arraycopy(message, 0, larger, 0, messageLength);
            message = larger;
        }
        payload.get(payload.position(), message, messageLength, length);
        messageLength += length;
    }

    private void onMessage() {
        if (messageOpCode == OpCode.BINARY) {
            throw invalid("binary frame of " + messageBytesSeen + " bytes; Vobiz sends JSON text frames", null);
        }
        if (messageBytesSeen > consumer.maxFrameSize()) {
            throw invalid(
                    "message of " + messageBytesSeen + " bytes exceeds maxFrameSize " + consumer.maxFrameSize(), null);
        }
        try {
            consumer.wireReader().read(message, 0, messageLength, frame);
        } catch (IllegalArgumentException e) {
            throw invalid(e.getMessage(), e);
        }
        if (frame.event == null) {
            throw invalid("JSON without an \"event\" field", null);
        }
        VobizEventType type = VobizEventType.fromWireName(frame.event);
        if (type == null) {
            ignoreUnknown(frame.event);
            return;
        }
        if (type == VobizEventType.START) {
            onStart();
            return;
        }
        StartEvent started = start;
        if (started == null) {
            throw invalid(type.wireName() + " before start", null);
        }
        switch (type) {
            case MEDIA -> onMedia(started);
            case PLAYED_STREAM -> {
                var played = frame.toPlayedStreamEvent(started.streamId());
                playout.played(played.name());
                Exchange exchange = eventExchange(played);
                exchange.getMessage().setHeader(VobizConstants.CHECKPOINT_NAME, played.name());
                process(exchange);
            }
            case CLEARED_AUDIO -> {
                playout.clearedAudio();
                process(eventExchange(frame.toClearedAudioEvent(started.streamId())));
            }
            case DTMF -> onDtmf(started);
            case STOP -> process(eventExchange(frame.toStopEvent(started.streamId())));
            default -> throw new IllegalStateException("Unhandled event " + type);
        }
    }

    private void onStart() {
        if (start != null) {
            throw invalid("duplicate start (streamId " + frame.effectiveStreamId() + ") ignored", null);
        }
        StartEvent started;
        try {
            started = frame.toStartEvent(consumer.defaultFormat());
        } catch (IllegalArgumentException | ArithmeticException e) {
            throw invalid(e.getMessage(), e);
        }
        writer = new WireWriter(started.streamId());
        AudioFormat outbound = consumer.outboundFormat(started.mediaFormat());
        synchronized (outboundAudio) {
            outboundConverter = new AudioConverter(outbound);
            framer = new AudioFramer(outbound);
        }
        AudioFormat normalised = consumer.normalisedMediaFormat();
        inboundConverter = normalised == null ? null : new AudioConverter(normalised);
        metrics = consumer.metrics();
        playout = new Playout(
                "stream " + started.streamId() + " (call " + started.callId() + ")",
                this::write,
                writer,
                consumer.timer(),
                metrics,
                consumer.playLeadMillis(),
                consumer.clearTimeoutMillis());
        frame.expectedStreamId = started.streamId();
        start = started;
        if (consumer.mdcLogging()) {
            putMdc(started);
        }
        consumer.registry().add(this);
        LOG.debug(
                "Stream {} of call {} started from {} ({})",
                started.streamId(),
                started.callId(),
                remote,
                started.mediaFormat());
        Exchange exchange = eventExchange(started);
        Message in = exchange.getMessage();
        in.setHeader(VobizConstants.ENCODING, started.mediaFormat().encoding().mimeType());
        in.setHeader(VobizConstants.SAMPLE_RATE, started.mediaFormat().sampleRate());
        process(exchange);
    }

    private void onMedia(StartEvent started) {
        framesIn++;
        metrics.frameIn();
        if (frame.payload == null) {
            throw invalid("media without payload", null);
        }
        AudioFormat format;
        try {
            format = frame.mediaFormat(started.mediaFormat());
        } catch (IllegalArgumentException | ArithmeticException e) {
            throw invalid(e.getMessage(), e);
        }
        Exchange exchange = exchange(VobizEventType.MEDIA, started);
        Message in = exchange.getMessage();
        in.setHeader(VobizConstants.TRACK, frame.mediaTrack());
        if (frame.timestamp != null) {
            in.setHeader(VobizConstants.TIMESTAMP, frame.timestamp);
        }
        if (frame.chunk != null) {
            in.setHeader(VobizConstants.CHUNK, frame.chunk);
        }
        byte[] audio = frame.payload;
        AudioConverter normaliser = inboundConverter;
        if (normaliser != null) {
            audio = normaliser.convert(audio, format);
            format = normaliser.target();
        }
        in.setHeader(VobizConstants.ENCODING, format.encoding().mimeType());
        in.setHeader(VobizConstants.SAMPLE_RATE, format.sampleRate());
        in.setHeader(VobizConstants.AUDIO_FORMAT, format);
        in.setBody(audio);
        process(exchange);
    }

    private void onDtmf(StartEvent started) {
        if (frame.digit == null) {
            ignoreUnknown("dtmf without dtmf.digit");
            return;
        }
        Exchange exchange = eventExchange(frame.toDtmfEvent(started.streamId()));
        exchange.getMessage().setHeader(VobizConstants.DTMF_DIGIT, frame.digit);
        process(exchange);
    }

    /** §14.8: an event we do not know is logged once per stream and otherwise ignored. */
    private void ignoreUnknown(String event) {
        if (reportedUnknownEvents.size() < 16 && reportedUnknownEvents.add(event)) {
            LOG.info("{}: ignoring unknown event '{}' (logged once per stream)", label(), WireReader.abbreviate(event));
        }
    }

    private Exchange eventExchange(StreamEvent event) {
        Exchange exchange = exchange(event.type(), start);
        exchange.getMessage().setBody(event);
        return exchange;
    }

    private Exchange exchange(VobizEventType type, StartEvent started) {
        Exchange exchange = consumer.createExchange(false);
        Message in = exchange.getMessage();
        in.setHeader(VobizConstants.EVENT, type.wireName());
        in.setHeader(VobizConstants.INSTANCE_ID, consumer.instanceId());
        in.setHeader(VobizConstants.STREAM_ID, started.streamId());
        if (started.callId() != null) {
            in.setHeader(VobizConstants.CALL_ID, started.callId());
        }
        if (started.accountId() != null) {
            in.setHeader(VobizConstants.ACCOUNT_ID, started.accountId());
        }
        if (frame.sequenceNumber != null && type != VobizEventType.CLOSED) {
            in.setHeader(VobizConstants.SEQUENCE_NUMBER, frame.sequenceNumber);
        }
        Playout outbound = playout;
        if (outbound != null) {
            in.setHeader(VobizConstants.GENERATION, outbound.generation());
        }
        return exchange;
    }

    private void process(Exchange exchange) {
        inFlight.incrementAndGet();
        AsyncCallback release = consumer.defaultConsumerCallback(exchange, false);
        consumer.getAsyncProcessor().process(exchange, doneSync -> {
            release.done(doneSync);
            if (inFlight.decrementAndGet() < consumer.maxInFlight() && demandParked.compareAndSet(true, false)) {
                demand();
            }
        });
    }

    /** Reads the next frame now, unless too many of this stream's exchanges are still in flight. */
    private void demandNext() {
        if (inFlight.get() < consumer.maxInFlight()) {
            demand();
            return;
        }
        demandParked.set(true);
        if (inFlight.get() < consumer.maxInFlight() && demandParked.compareAndSet(true, false)) {
            demand();
        }
    }

    private void demand() {
        if (closeDescription == null) {
            session.demand();
        }
    }

    /** Hands a bad frame to the consumer's exception handler, which logs it once or routes it. */
    private void report(InvalidFrameException error) {
        consumer.metrics().badFrame();
        Exchange exchange = consumer.createExchange(true);
        exchange.getMessage().setHeader(VobizConstants.INSTANCE_ID, consumer.instanceId());
        StartEvent started = start;
        if (started != null) {
            exchange.getMessage().setHeader(VobizConstants.STREAM_ID, started.streamId());
            if (started.callId() != null) {
                exchange.getMessage().setHeader(VobizConstants.CALL_ID, started.callId());
            }
        }
        consumer.getExceptionHandler().handleException(error.getMessage(), exchange, error);
    }

    private InvalidFrameException invalid(String reason, Throwable cause) {
        return new InvalidFrameException("Invalid frame on " + label() + ": " + reason, cause);
    }

    @Override
    public void onError(Throwable cause, Callback callback) {
        LOG.debug("{}: socket error", label(), cause);
        callback.succeeded();
    }

    @Override
    public void onClosed(CloseStatus closeStatus, Callback callback) {
        try {
            emitClosed(closeStatus.getCode(), closeStatus.getReason());
        } finally {
            callback.succeeded();
        }
    }

    /**
     * Closes the socket from our side (route stopping), reporting the stream closed right away; the
     * future completes when the close frame has been written (or could not be).
     */
    CompletableFuture<Void> close(int code, String reason) {
        emitClosed(code, reason);
        CoreSession opened = session;
        CompletableFuture<Void> written = new CompletableFuture<>();
        if (opened == null) {
            written.complete(null);
        } else {
            opened.close(code, reason, Callback.from(() -> written.complete(null), failure -> written.complete(null)));
        }
        return written;
    }

    /** Emits the stream's single {@code closed} exchange, whoever notices the end first. */
    private void emitClosed(int code, String reason) {
        if (!closedEmitted.compareAndSet(false, true)) {
            return;
        }
        synchronized (writeLock) {
            closeDescription = "code " + code + (reason == null || reason.isEmpty() ? "" : ", " + reason);
        }
        Playout outbound = playout;
        List<String> unplayed = outbound == null ? List.of() : outbound.unplayedCheckpoints();
        List<HeardUtterance> heard = List.of();
        if (outbound != null) {
            outbound.closed(label() + " is closed (" + closeDescription + ")");
            heard = outbound.heard();
        }
        consumer.connectionClosed(this);
        StartEvent started = start;
        if (started == null) {
            LOG.debug("Socket from {} closed before start ({})", remote, closeDescription);
            return;
        }
        consumer.registry().remove(this, closeDescription);
        LOG.debug("{} closed ({}), unplayed checkpoints {}", label(), closeDescription, unplayed);
        var closed = new ClosedEvent(started.streamId(), started.callId(), code, reason, unplayed);
        Exchange exchange = eventExchange(closed);
        Message in = exchange.getMessage();
        in.setHeader(VobizConstants.CLOSE_CODE, code);
        if (reason != null) {
            in.setHeader(VobizConstants.CLOSE_REASON, reason);
        }
        in.setHeader(VobizConstants.UNPLAYED_CHECKPOINTS, closed.unplayedCheckpoints());
        in.setHeader(VobizConstants.HEARD, heard);
        boolean tagged = consumer.mdcLogging();
        if (tagged) {
            putMdc(started);
        }
        try {
            process(exchange);
        } finally {
            if (tagged) {
                clearMdc();
            }
        }
    }

    String label() {
        StartEvent started = start;
        return started == null
                ? "stream from " + remote + " (before start)"
                : "stream " + started.streamId() + " (call " + started.callId() + ")";
    }

    private static ByteBuffer copy(ByteBuffer payload) {
        ByteBuffer copy = ByteBuffer.allocate(payload == null ? 0 : payload.remaining());
        if (payload != null) {
            copy.put(payload.slice()).flip();
        }
        return copy;
    }

    // ---- outbound (CallSession) -------------------------------------------------------------

    @Override
    public String streamId() {
        return start.streamId();
    }

    @Override
    public String callId() {
        return start.callId();
    }

    @Override
    public AudioFormat outboundFormat() {
        return framer.format();
    }

    @Override
    public CallSnapshot snapshot() {
        StartEvent started = start;
        Playout outbound = playout;
        return new CallSnapshot(
                started == null ? null : started.callId(),
                started == null ? null : started.streamId(),
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - openedNanos),
                framesIn,
                outbound == null ? 0 : outbound.framesSent(),
                outbound == null ? 0 : TimeUnit.NANOSECONDS.toMillis(outbound.leadNanos()),
                outbound == null ? List.of() : outbound.unplayedCheckpoints());
    }

    /** Whether start has arrived (a stream producers can reach). */
    boolean started() {
        return start != null;
    }

    @Override
    public long queuedMillis() {
        Playout outbound = playout;
        return outbound == null ? 0 : TimeUnit.NANOSECONDS.toMillis(outbound.queuedNanos());
    }

    @Override
    public String nextCheckpointName() {
        return "checkpoint-" + checkpointCounter.incrementAndGet();
    }

    @Override
    public boolean play(
            byte[] audio, AudioFormat format, Integer generation, Exchange exchange, AsyncCallback callback) {
        List<byte[]> messages;
        try {
            if (format.encoding() == AudioEncoding.L16 && audio.length % 2 != 0) {
                throw new IllegalArgumentException(
                        "L16 audio must hold whole 16-bit samples, got " + audio.length + " bytes");
            }
            synchronized (outboundAudio) {
                List<byte[]> frames = framer.append(outboundConverter.convert(audio, format));
                messages = new ArrayList<>(frames.size());
                byte[] prefix = playAudioPrefix();
                for (byte[] frame : frames) {
                    messages.add(WireWriter.playAudio(prefix, frame));
                }
            }
        } catch (IllegalArgumentException e) {
            exchange.setException(e);
            callback.done(true);
            return true;
        }
        return playout.play(messages, FRAME_NANOS, generation, exchange, callback);
    }

    /** Sends the partial frame a play left over, padded: an utterance ends at a checkpoint or stop. */
    private void flushPartialFrame() {
        byte[] last;
        synchronized (outboundAudio) {
            last = framer.flush();
        }
        if (last != null) {
            playout.playTail(WireWriter.playAudio(playAudioPrefix(), last), FRAME_NANOS);
        }
    }

    private byte[] playAudioPrefix() {
        byte[] prefix = playAudioPrefix;
        if (prefix == null) {
            prefix = writer.playAudioPrefix(framer.format());
            playAudioPrefix = prefix;
        }
        return prefix;
    }

    @Override
    public boolean checkpoint(
            String name, long awaitMillis, Integer generation, Exchange exchange, AsyncCallback callback) {
        flushPartialFrame();
        return playout.checkpoint(name, awaitMillis, generation, exchange, callback);
    }

    @Override
    public boolean clearAudio(Exchange exchange, AsyncCallback callback) {
        synchronized (outboundAudio) {
            framer.reset();
            outboundConverter.reset();
        }
        return playout.clear(exchange, callback);
    }

    @Override
    public boolean stop(long afterPlayedMillis, Exchange exchange, AsyncCallback callback) {
        flushPartialFrame();
        return playout.stop(nextCheckpointName(), afterPlayedMillis, exchange, callback);
    }

    /** The one ordered writer of this socket (the playout calls it under its own lock). */
    private String write(byte[] message, Callback written) {
        synchronized (writeLock) {
            if (closeDescription != null) {
                return label() + " is closed (" + closeDescription + ")";
            }
            session.sendFrame(new Frame(OpCode.TEXT, ByteBuffer.wrap(message)), written, false);
            return null;
        }
    }
}
