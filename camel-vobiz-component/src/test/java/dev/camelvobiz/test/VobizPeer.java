package dev.camelvobiz.test;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The Vobiz side of one stream socket, for tests: a real WebSocket client (the JDK's) that sends
 * events as Vobiz does and collects the commands the component sends back.
 */
public final class VobizPeer implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final WebSocket socket;
    private final BlockingQueue<String> received = new LinkedBlockingQueue<>();
    private final CompletableFuture<Integer> closeCode = new CompletableFuture<>();
    private final String streamId;
    private final String callId;
    private int sequenceNumber;
    private int chunk;

    private VobizPeer(URI uri, HttpClient client, String streamId, String callId) {
        this.streamId = streamId;
        this.callId = callId;
        this.socket = client.newWebSocketBuilder()
                .connectTimeout(Duration.ofSeconds(5))
                .buildAsync(uri, new Listener())
                .join();
    }

    public static VobizPeer connect(int port, String path, String streamId, String callId) {
        return new VobizPeer(URI.create("ws://127.0.0.1:" + port + path), HTTP, streamId, callId);
    }

    /** Connects to any URI (e.g. wss://) with the given client. */
    public static VobizPeer connect(URI uri, HttpClient client, String streamId, String callId) {
        return new VobizPeer(uri, client, streamId, callId);
    }

    /** Connects and sends a current-shape start for an L16 8 kHz stream. */
    public static VobizPeer start(int port, String path, String streamId, String callId) {
        VobizPeer peer = connect(port, path, streamId, callId);
        peer.sendStart("audio/x-l16", 8000);
        return peer;
    }

    public void sendStart(String encoding, int sampleRate) {
        ObjectNode start = JSON.createObjectNode();
        start.put("sequenceNumber", sequenceNumber++);
        start.put("event", "start");
        ObjectNode body = start.putObject("start");
        body.put("callId", callId);
        body.put("streamId", streamId);
        body.put("accountId", "500025");
        body.putArray("tracks").add("inbound");
        body.putObject("mediaFormat").put("encoding", encoding).put("sampleRate", sampleRate);
        start.put("extra_headers", "{}");
        send(start.toString());
    }

    public void sendMedia(byte[] audio) {
        ObjectNode media = JSON.createObjectNode();
        media.put("sequenceNumber", sequenceNumber++);
        media.put("streamId", streamId);
        media.put("event", "media");
        media.putObject("media")
                .put("track", "inbound")
                .put("timestamp", String.valueOf(System.currentTimeMillis()))
                .put("chunk", chunk++)
                .put("payload", Base64.getEncoder().encodeToString(audio));
        media.put("extra_headers", "{}");
        send(media.toString());
    }

    public void sendPlayedStream(String name) {
        send("{\"event\":\"playedStream\",\"name\":\"" + name + "\"}");
    }

    public void send(String text) {
        socket.sendText(text, true).join();
    }

    /** A ping: proof of life at the transport level only, no data. */
    public void sendPing() {
        socket.sendPing(ByteBuffer.wrap(new byte[] {1, 2, 3})).join();
    }

    public void sendBinary(byte[] data) {
        socket.sendBinary(ByteBuffer.wrap(data), true).join();
    }

    /** The next command the component sent, as JSON; fails if none comes within 5 s. */
    public JsonNode nextCommand() {
        try {
            return JSON.readTree(nextCommandText());
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    /** The raw text of the next command. */
    public String nextCommandText() {
        try {
            String text = received.poll(5, TimeUnit.SECONDS);
            assertThat(text)
                    .as("a command from the component on stream " + streamId)
                    .isNotNull();
            return text;
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    public BlockingQueue<String> received() {
        return received;
    }

    /** The close code the server sent, waiting up to 5 s for it. */
    public int awaitCloseCode() {
        return closeCode.orTimeout(5, TimeUnit.SECONDS).join();
    }

    public boolean isClosedByServer() {
        return closeCode.isDone();
    }

    public String streamId() {
        return streamId;
    }

    public String callId() {
        return callId;
    }

    @Override
    public void close() {
        if (!socket.isOutputClosed()) {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye")
                    .orTimeout(5, TimeUnit.SECONDS)
                    .exceptionally(e -> null)
                    .join();
        }
    }

    private final class Listener implements WebSocket.Listener {
        private final StringBuilder partial = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                received.add(partial.toString());
                partial.setLength(0);
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            closeCode.complete(statusCode);
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            closeCode.completeExceptionally(error);
        }
    }
}
