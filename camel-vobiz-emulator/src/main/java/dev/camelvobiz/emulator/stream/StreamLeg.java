package dev.camelvobiz.emulator.stream;

import dev.camelvobiz.emulator.answer.StreamAttributes;
import dev.camelvobiz.emulator.http.Timestamps;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * One stream of a call, from its {@code <Stream>} element (or REST start) to its end, across the
 * reconnects {@code maxRetries} allows: each attempt is a new socket with a new {@code streamId} and
 * the same {@code callId} (protocol §1). Posts the status callbacks of §7 for it.
 */
public final class StreamLeg {

    private static final long RETRY_DELAY_MILLIS = 200;

    private final CallLine call;
    private final StreamServices services;
    private final StreamAttributes attributes;
    private final List<StreamSocket> sockets = new CopyOnWriteArrayList<>();
    private final CompletableFuture<StreamEnd> ended = new CompletableFuture<>();
    private final Set<String> reportedViolations = ConcurrentHashMap.newKeySet();
    private volatile StreamSocket current;
    private StreamEnd stoppedWith; // guarded by this
    private int retriesLeft;

    public StreamLeg(CallLine call, StreamAttributes attributes, StreamServices services) {
        this.call = call;
        this.services = services;
        this.attributes = attributes;
        this.retriesLeft = attributes.maxRetries();
    }

    public StreamAttributes attributes() {
        return attributes;
    }

    public List<StreamSocket> sockets() {
        return List.copyOf(sockets);
    }

    /** Completes with how the stream ended for good (after its last retry). */
    public CompletableFuture<StreamEnd> ended() {
        return ended;
    }

    public void connect() {
        if (call.record().isEnded()) {
            ended.complete(StreamEnd.CALL_ENDED);
            return;
        }
        StreamSocket socket = new StreamSocket(this, UUID.randomUUID().toString(), call, services.ticker());
        sockets.add(socket);
        current = socket;
        try {
            services.webSockets().connect(socket, attributes.url()).whenComplete((session, failure) -> {
                if (failure != null) {
                    connectFailed(socket, failure);
                }
            });
        } catch (IOException | RuntimeException e) {
            connectFailed(socket, e);
        }
    }

    private void connectFailed(StreamSocket socket, Throwable failure) {
        call.record().log("stream failed", "cannot connect to " + attributes.url() + ": " + rootMessage(failure));
        postStatus("DroppedStream", socket.streamId(), "Error", "connection failed: " + rootMessage(failure));
        retryOrEnd(StreamEnd.DROPPED);
    }

    private static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }

    void socketOpened(StreamSocket socket) {
        postStatus(
                "StartStream", socket.streamId(), "ServiceURL", attributes.url().toString());
    }

    void socketClosed(StreamSocket socket, StreamEnd cause) {
        switch (cause) {
            case APP_STOP, API_STOP -> postStatus("StopStream", socket.streamId());
            case DROPPED ->
                postStatus(
                        "DroppedStream", socket.streamId(), "Error", "connection disconnected with the remote service");
            default -> {} // current docs: no StopStream on hang-up or timeout
        }
        if (cause == StreamEnd.DROPPED) {
            retryOrEnd(cause);
        } else {
            ended.complete(cause);
        }
    }

    private void retryOrEnd(StreamEnd cause) {
        boolean retry;
        synchronized (this) {
            retry = retriesLeft > 0 && !call.record().isEnded();
            if (retry) {
                retriesLeft--;
            }
        }
        if (retry) {
            call.record().log("reconnect", "retrying " + attributes.url() + " with a new streamId");
            services.ticker().schedule(this::connect, RETRY_DELAY_MILLIS);
        } else {
            ended.complete(cause);
        }
    }

    /**
     * Ends the stream: closes its socket, or, if that is still connecting, makes sure it never starts
     * (it is closed as soon as it opens, without {@code start}), and no retry follows.
     */
    public void stop(StreamEnd cause, String reason) {
        synchronized (this) {
            retriesLeft = 0;
            stoppedWith = cause;
        }
        StreamSocket socket = current;
        if (socket != null && socket.isOpen()) {
            socket.close(cause, reason);
        } else {
            ended.complete(cause);
        }
    }

    /** How the stream was stopped, if it was: a socket that opens after that must not start. */
    synchronized StreamEnd stoppedWith() {
        return stoppedWith;
    }

    public void drop() {
        StreamSocket socket = current;
        if (socket != null && socket.isOpen()) {
            socket.drop();
        }
    }

    public void sendDtmf(char digit) {
        StreamSocket socket = current;
        if (socket != null && socket.isOpen()) {
            socket.sendDtmf(digit);
        }
    }

    /** Records a protocol slip once per stream, not fifty times a second. */
    void violationOnce(String violation) {
        if (reportedViolations.add(violation)) {
            call.record().violation(violation);
        }
    }

    void postStatus(String event, String streamId, String... extra) {
        String url = attributes.statusCallbackUrl();
        if (url == null || url.isBlank()) {
            return;
        }
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("Event", event);
        fields.put("CallUUID", call.callUuid());
        fields.put("StreamID", streamId);
        fields.put("From", call.spec().from());
        fields.put("To", call.spec().to());
        fields.put("Timestamp", Timestamps.local(java.time.Instant.now()));
        fields.put("ParentAuthID", services.authId());
        fields.put("status_callback_url", url);
        fields.put("status_callback_method", attributes.statusCallbackMethod());
        fields.put("Error", "");
        for (int i = 0; i + 1 < extra.length; i += 2) {
            fields.put(extra[i], extra[i + 1]);
        }
        attributes.extraHeaders().forEach((key, value) -> fields.put("X-VH-" + key, value));
        services.callbacks().post(call.record(), url, attributes.statusCallbackMethod(), fields);
    }
}
