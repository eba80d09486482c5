package dev.camelvobiz.internal.stream;

import dev.camelvobiz.VobizConstants;
import dev.camelvobiz.audio.AudioConverter;
import dev.camelvobiz.audio.AudioFormat;
import dev.camelvobiz.event.ClosedEvent;
import dev.camelvobiz.event.StartEvent;
import dev.camelvobiz.event.StreamEvent;
import dev.camelvobiz.event.VobizEventType;
import dev.camelvobiz.internal.observe.LogSafe;
import dev.camelvobiz.internal.observe.PeerMistakes;
import dev.camelvobiz.internal.observe.Refusal;
import dev.camelvobiz.internal.observe.VobizMetrics;
import dev.camelvobiz.internal.server.SerialExecutor;
import dev.camelvobiz.stream.CallSnapshot;
import dev.camelvobiz.stream.HeardUtterance;
import dev.camelvobiz.stream.InvalidFrameException;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.WebSocketFrame;
import io.vertx.core.http.WebSocketFrameType;
import io.vertx.core.impl.ContextInternal;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.camel.AsyncCallback;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.spi.ExceptionHandler;
import org.apache.camel.spi.HeadersMapFactory;
import org.apache.camel.support.LoggingExceptionHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * One Vobiz stream socket, on the event loop that accepted it. Frames are read, assembled and parsed
 * there, one at a time, so the route sees the stream in wire order. Where the exchange runs is the
 * consumer's choice ({@code blocking}): on that same loop with no thread hand-off (a route that never
 * blocks), or on the call's own {@link SerialExecutor} lane on the worker pool, still in order and
 * never holding up the loop or another call. Exchanges that complete later (awaited checkpoints,
 * paced audio) continue their route in the same place. Outbound audio is paced by timers on the same
 * loop, so a paced frame is written there too, without a cross-thread hand-off: under load, when
 * audio queues behind a full lead, pacing on one shared timer thread cost more per frame than the
 * frames themselves and made a loop that fell behind fall further. Pausing the socket's reads while too many of
 * its exchanges are in flight is the per-call back-pressure. An exchange that goes asynchronous (e.g.
 * awaiting a checkpoint) does not hold the stream up, up to that bound.
 */
final class StreamConnection implements CallSession {

    static final String MDC_CALL_ID = "callId";
    static final String MDC_STREAM_ID = "streamId";
    static final short CLOSE_GOING_AWAY = 1001;
    static final short CLOSE_POLICY_VIOLATION = 1008;
    static final short CLOSE_ABNORMAL = 1006;

    private static final Logger LOG = LoggerFactory.getLogger(StreamConnection.class);

    private final StreamConsumer consumer;
    private final StreamSettings settings;
    private final String remote;
    private final InboundFrame frame = new InboundFrame();
    private final StreamSocket socket;
    private final Vertx vertx;
    private final Context loop;
    private final Executor lane; // null: exchanges run on the loop itself

    // Inbound message assembly: touched only on the loop, one frame at a time.
    private byte[] message = new byte[4096];
    private int messageLength;
    private WebSocketFrameType messageType;
    private long messageBytesSeen;
    private final Set<String> reportedUnknownEvents = new HashSet<>();
    private final PeerMistakes mistakes = new PeerMistakes(LOG);
    private long lastDataNanos = System.nanoTime();
    private volatile long idleTimer = -1;

    private volatile StartEvent start;
    private volatile WireWriter writer;
    private volatile Playout playout;
    private volatile AudioConverter inboundConverter; // null: media bodies as received
    // The headers every media exchange of this stream starts with, copied per frame: a copy of a sorted
    // map is linear, while a dozen case-insensitive puts per frame cost a tenth of an echo's CPU.
    private HeadersMapFactory headersMaps;
    private Map<String, Object> mediaHeaders;
    private AudioFormat mediaHeadersFormat;

    private final Object writeLock = new Object();
    private final AtomicLong checkpointCounter = new AtomicLong();
    private volatile String closeDescription;
    private final AtomicBoolean closedEmitted = new AtomicBoolean();

    private final AtomicInteger inFlight = new AtomicInteger();
    private final long openedNanos = System.nanoTime();
    private volatile long framesIn; // written by the socket's reader only
    private volatile long framesAfterStop; // media and dtmf that arrived after our stop, not routed
    private VobizMetrics metrics = VobizMetrics.NONE; // the component's, from start on (read by the reader only)
    private final AtomicBoolean readingPaused = new AtomicBoolean();

    /** Called on the socket's event loop, which then feeds it the socket's frames and end. */
    StreamConnection(StreamConsumer consumer, StreamSocket socket, String remote) {
        this.consumer = consumer;
        this.settings = consumer.settings();
        this.socket = socket;
        this.remote = remote;
        this.vertx = consumer.vertx();
        this.loop = vertx.getOrCreateContext();
        this.lane = settings.blocking() ? new SerialExecutor(consumer.workers()) : null;
    }

    /** Starts watching for idleness; the socket then feeds {@link #onFrame} and {@link #onClosed}. */
    void open() {
        armIdleTimer(settings.idleTimeoutMillis());
    }

    // ---- inbound (on the loop) --------------------------------------------------------------

    void onFrame(WebSocketFrame f) {
        WebSocketFrameType type = f.type();
        if (type == WebSocketFrameType.PING || type == WebSocketFrameType.PONG || type == WebSocketFrameType.CLOSE) {
            return; // Vert.x answers pings and closes; neither counts as activity for the idle timeout
        }
        lastDataNanos = System.nanoTime();
        if (type != WebSocketFrameType.CONTINUATION) {
            messageType = type;
            messageLength = 0;
            messageBytesSeen = 0;
        }
        append(f.binaryData());
        if (!f.isFinal()) {
            return;
        }
        boolean tagged = settings.mdcLogging();
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
        pauseIfBusy();
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
    private void append(Buffer payload) {
        int length = payload.length();
        messageBytesSeen += length;
        if (messageType != WebSocketFrameType.TEXT || messageBytesSeen > settings.maxFrameSize()) {
            return;
        }
        if (messageLength + length > message.length) {
            byte[] larger = new byte[Math.max(message.length * 2, messageLength + length)];
            System.arraycopy(message, 0, larger, 0, messageLength);
            message = larger;
        }
        payload.getBytes(0, length, message, messageLength);
        messageLength += length;
    }

    /**
     * Closes a socket that has carried no data for the idle timeout. Pings do not count: a peer that
     * only pings holds a connection for nothing. One timer per socket, moved on only when it fires.
     */
    private void armIdleTimer(long delayMillis) {
        long timeout = settings.idleTimeoutMillis();
        if (timeout <= 0) {
            return;
        }
        idleTimer = vertx.setTimer(Math.max(1, delayMillis), fired -> {
            long idleMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - lastDataNanos);
            if (idleMillis >= timeout) {
                LOG.debug("{}: no data for {} ms, closing", label(), idleMillis);
                close(CLOSE_GOING_AWAY, "Idle timeout");
            } else {
                armIdleTimer(timeout - idleMillis);
            }
        });
    }

    private void cancelIdleTimer() {
        if (idleTimer >= 0) {
            vertx.cancelTimer(idleTimer);
        }
    }

    private void onMessage() {
        if (messageType == WebSocketFrameType.BINARY) {
            throw invalid("binary frame of " + messageBytesSeen + " bytes; Vobiz sends JSON text frames", null);
        }
        if (messageBytesSeen > settings.maxFrameSize()) {
            throw invalid(
                    "message of " + messageBytesSeen + " bytes exceeds maxFrameSize " + settings.maxFrameSize(), null);
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
        if ((type == VobizEventType.MEDIA || type == VobizEventType.DTMF) && playout.stopping()) {
            // After our stop the platform sends what was already on its way until the socket closes: the
            // route is done with this call, and a frame it would echo or act on could only fail.
            framesAfterStop++;
            metrics.frameAfterStop();
            return;
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
            started = frame.toStartEvent(settings.defaultFormat());
        } catch (IllegalArgumentException | ArithmeticException e) {
            throw invalid(e.getMessage(), e);
        }
        writer = new WireWriter(started.streamId());
        AudioFormat normalised = settings.normalisedMediaFormat();
        inboundConverter = normalised == null ? null : new AudioConverter(normalised);
        metrics = consumer.metrics();
        playout = new Playout(
                "stream " + started.streamId() + " (call " + started.callId() + ")",
                this::write,
                this::resume,
                writer,
                settings.outboundFormat(started.mediaFormat()),
                ((ContextInternal) loop).nettyEventLoop(), // pacing wake-ups on this socket's own loop
                System::nanoTime,
                metrics,
                consumer.turnLatencies(),
                settings.playLeadMillis(),
                settings.clearTimeoutMillis());
        mediaHeadersFormat = normalised != null ? normalised : started.mediaFormat();
        mediaHeaders = mediaHeaders(started, mediaHeadersFormat);
        frame.expectedStreamId = started.streamId();
        start = started;
        if (!consumer.registry().add(this)) {
            refuseTakenStreamId(started);
            return;
        }
        if (settings.mdcLogging()) {
            putMdc(started);
        }
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

    /**
     * A {@code start} for a stream id that is live, or was, here: a second socket trying to take a call
     * over. The call keeps its id and its socket; this socket is closed with a policy violation and
     * never becomes a stream.
     */
    private void refuseTakenStreamId(StartEvent claimed) {
        start = null;
        frame.expectedStreamId = null;
        consumer.metrics().refused(Refusal.STREAM_ID_TAKEN);
        mistakes.report(
                "Refused a start from " + remote + " for stream " + claimed.streamId() + " (call " + claimed.callId()
                        + "): that stream id is in use, or was, on this server; closing with 1008",
                null);
        close(CLOSE_POLICY_VIOLATION, "streamId already in use");
    }

    /** What {@link #exchange} sets, for a media event of the stream's own format and the inbound track. */
    private Map<String, Object> mediaHeaders(StartEvent started, AudioFormat format) {
        headersMaps = consumer.getEndpoint()
                .getCamelContext()
                .getCamelContextExtension()
                .getHeadersMapFactory();
        Map<String, Object> headers = headersMaps.newMap();
        putIdentity(headers, VobizEventType.MEDIA, started);
        headers.put(VobizConstants.TRACK, "inbound");
        putFormat(headers, format);
        return headers;
    }

    private static void putFormat(Map<String, Object> headers, AudioFormat format) {
        headers.put(VobizConstants.ENCODING, format.encoding().mimeType());
        headers.put(VobizConstants.SAMPLE_RATE, format.sampleRate());
        headers.put(VobizConstants.AUDIO_FORMAT, format);
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
        byte[] audio = frame.payload;
        AudioConverter normaliser = inboundConverter;
        if (normaliser != null) {
            audio = normaliser.convert(audio, format);
            format = normaliser.target();
        }
        Exchange exchange = consumer.createExchange(false);
        Message in = exchange.getMessage();
        Map<String, Object> headers = headersMaps.newMap(mediaHeaders);
        if (frame.sequenceNumber != null) {
            headers.put(VobizConstants.SEQUENCE_NUMBER, frame.sequenceNumber);
        }
        headers.put(VobizConstants.GENERATION, playout.generation());
        headers.put(VobizConstants.UNHEARD_MILLIS, playout.unheardSpeechMillis());
        String track = frame.mediaTrack();
        if (!"inbound".equals(track)) {
            headers.put(VobizConstants.TRACK, track);
        }
        if (frame.timestamp != null) {
            headers.put(VobizConstants.TIMESTAMP, frame.timestamp);
        }
        if (frame.chunk != null) {
            headers.put(VobizConstants.CHUNK, frame.chunk);
        }
        if (!format.equals(mediaHeadersFormat)) {
            putFormat(headers, format);
        }
        in.setHeaders(headers);
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
            LOG.info(
                    "{}: ignoring unknown event '{}' (logged once per stream)",
                    label(),
                    LogSafe.line(WireReader.abbreviate(event)));
        }
    }

    private Exchange eventExchange(StreamEvent event) {
        Exchange exchange = exchange(event.type(), start);
        exchange.getMessage().setBody(event);
        return exchange;
    }

    /** The headers every exchange of this stream carries: the event and whose stream it is. */
    private void putIdentity(Map<String, Object> headers, VobizEventType type, StartEvent started) {
        headers.put(VobizConstants.EVENT, type.wireName());
        headers.put(VobizConstants.INSTANCE_ID, settings.instanceId());
        headers.put(VobizConstants.STREAM_ID, started.streamId());
        if (started.callId() != null) {
            headers.put(VobizConstants.CALL_ID, started.callId());
        }
        if (started.accountId() != null) {
            headers.put(VobizConstants.ACCOUNT_ID, started.accountId());
        }
    }

    private Exchange exchange(VobizEventType type, StartEvent started) {
        Exchange exchange = consumer.createExchange(false);
        Message in = exchange.getMessage();
        putIdentity(in.getHeaders(), type, started);
        if (frame.sequenceNumber != null && type != VobizEventType.CLOSED) {
            in.setHeader(VobizConstants.SEQUENCE_NUMBER, frame.sequenceNumber);
        }
        Playout outbound = playout;
        if (outbound != null) {
            in.setHeader(VobizConstants.GENERATION, outbound.generation());
            if (type != VobizEventType.CLOSED) {
                in.setHeader(VobizConstants.UNHEARD_MILLIS, outbound.unheardSpeechMillis());
            }
        }
        return exchange;
    }

    private void process(Exchange exchange) {
        process(exchange, null);
    }

    /** Hands {@code exchange} to its route; {@code dispatched}, if given, completes once the route has it. */
    private void process(Exchange exchange, CompletableFuture<Void> dispatched) {
        inFlight.incrementAndGet();
        if (lane == null) {
            route(exchange, dispatched);
        } else {
            lane.execute(() -> route(exchange, dispatched));
        }
    }

    private void route(Exchange exchange, CompletableFuture<Void> dispatched) {
        try {
            route(exchange);
        } finally {
            if (dispatched != null) {
                dispatched.complete(null);
            }
        }
    }

    private void route(Exchange exchange) {
        AsyncCallback release = consumer.defaultConsumerCallback(exchange, false);
        boolean tagged = lane != null && settings.mdcLogging();
        if (tagged) {
            putMdc(start);
        }
        try {
            consumer.getAsyncProcessor().process(exchange, doneSync -> {
                release.done(doneSync);
                if (inFlight.decrementAndGet() < settings.maxInFlight() && readingPaused.compareAndSet(true, false)) {
                    socket.resumeReading();
                }
            });
        } finally {
            if (tagged) {
                clearMdc();
            }
        }
    }

    /** Stops reading while too many of this stream's exchanges are in flight; their completion resumes it. */
    private void pauseIfBusy() {
        if (inFlight.get() < settings.maxInFlight() || closeDescription != null) {
            return;
        }
        readingPaused.set(true);
        socket.pauseReading();
        if (inFlight.get() < settings.maxInFlight() && readingPaused.compareAndSet(true, false)) {
            socket.resumeReading();
        }
    }

    /**
     * Where an exchange that one of this stream's commands completed asynchronously continues its
     * route: this call's own exchanges where they run (the loop, or the call's lane), any other
     * route's on the worker pool, so that no route is ever continued on an event loop it might block.
     */
    void resume(Exchange exchange, Runnable continuation) {
        if (exchange.getFromEndpoint() != consumer.getEndpoint()) {
            consumer.workers().execute(continuation);
        } else if (lane != null) {
            lane.execute(continuation);
        } else if (Vertx.currentContext() == loop) {
            continuation.run();
        } else {
            loop.runOnContext(v -> continuation.run());
        }
    }

    /**
     * Hands a bad frame to the consumer's exception handler when the route asked for them
     * ({@code bridgeErrorHandler}, or an {@code exceptionHandler} of its own); Camel's default handler
     * would log a stack trace per frame, so its place is taken by one rate-limited line per mistake.
     */
    private void report(InvalidFrameException error) {
        consumer.metrics().badFrame();
        ExceptionHandler handler = consumer.getExceptionHandler();
        if (handler instanceof LoggingExceptionHandler) {
            mistakes.report(error.getMessage(), error);
            return;
        }
        Exchange exchange = consumer.createExchange(true);
        exchange.getMessage().setHeader(VobizConstants.INSTANCE_ID, settings.instanceId());
        StartEvent started = start;
        if (started != null) {
            exchange.getMessage().setHeader(VobizConstants.STREAM_ID, started.streamId());
            if (started.callId() != null) {
                exchange.getMessage().setHeader(VobizConstants.CALL_ID, started.callId());
            }
        }
        handler.handleException(error.getMessage(), exchange, error);
    }

    private InvalidFrameException invalid(String reason, Throwable cause) {
        return new InvalidFrameException("Invalid frame on " + label() + ": " + reason, cause);
    }

    /**
     * Closes the socket from our side (route stopping), reporting the stream closed right away; the
     * future completes when the close frame has been written (or could not be).
     */
    CompletableFuture<Void> close(short code, String reason) {
        cancelIdleTimer();
        CompletableFuture<Void> reported = emitClosed(code, reason);
        return CompletableFuture.allOf(reported, socket.close(code, reason));
    }

    void onError(Throwable error) {
        LOG.debug("{}: socket error", label(), error);
    }

    /** The socket has closed (a close frame, or the connection dropped: no code). */
    void onClosed(Short code, String reason) {
        cancelIdleTimer();
        emitClosed(code == null ? CLOSE_ABNORMAL : code, reason);
    }

    /**
     * Emits the stream's single {@code closed} exchange, whoever notices the end first; the future
     * completes when its route has it (at once if another caller emitted it, or there is none).
     */
    private CompletableFuture<Void> emitClosed(int code, String reason) {
        CompletableFuture<Void> dispatched = new CompletableFuture<>();
        if (!closedEmitted.compareAndSet(false, true)) {
            dispatched.complete(null);
            return dispatched;
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
        mistakes.summarise(label());
        StartEvent started = start;
        if (started == null) {
            LOG.debug("Socket from {} closed before start ({})", remote, closeDescription);
            dispatched.complete(null);
            return dispatched;
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
        if (framesAfterStop > 0) {
            in.setHeader(VobizConstants.FRAMES_AFTER_STOP, framesAfterStop);
        }
        boolean tagged = settings.mdcLogging();
        if (tagged) {
            putMdc(started);
        }
        try {
            process(exchange, dispatched);
        } finally {
            if (tagged) {
                clearMdc();
            }
        }
        return dispatched;
    }

    String label() {
        StartEvent started = start;
        return started == null
                ? "stream from " + remote + " (before start)"
                : "stream " + started.streamId() + " (call " + started.callId() + ")";
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
        return playout.outboundFormat();
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
                outbound == null ? 0 : outbound.unheardSpeechMillis(),
                outbound == null ? List.of() : outbound.unplayedCheckpoints(),
                outbound == null || outbound.lastTurnLatencyNanos() < 0
                        ? -1
                        : TimeUnit.NANOSECONDS.toMillis(outbound.lastTurnLatencyNanos()),
                outbound != null && outbound.hasRoomTone());
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
            byte[] audio,
            AudioFormat format,
            Integer generation,
            Long turnEndedNanos,
            Exchange exchange,
            AsyncCallback callback) {
        return playout.play(audio, format, generation, turnEndedNanos, exchange, callback);
    }

    @Override
    public boolean roomTone(byte[] audio, AudioFormat format, Exchange exchange, AsyncCallback callback) {
        return playout.roomTone(audio, format, exchange, callback);
    }

    @Override
    public boolean checkpoint(
            String name, long awaitMillis, Integer generation, Exchange exchange, AsyncCallback callback) {
        return playout.checkpoint(name, awaitMillis, generation, exchange, callback);
    }

    @Override
    public boolean clearAudio(Exchange exchange, AsyncCallback callback) {
        return playout.clear(exchange, callback);
    }

    @Override
    public boolean stop(long afterPlayedMillis, Exchange exchange, AsyncCallback callback) {
        return playout.stop(nextCheckpointName(), afterPlayedMillis, exchange, callback);
    }

    /** The one ordered writer of this socket (the playout calls it under its own lock). */
    private String write(byte[] message, WriteCallback written) {
        synchronized (writeLock) {
            if (closeDescription != null) {
                return label() + " is closed (" + closeDescription + ")";
            }
            socket.writeText(message, written);
            return null;
        }
    }
}
