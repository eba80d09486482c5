package dev.camelvobiz.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.awaitility.Awaitility;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;
import org.eclipse.jetty.websocket.core.CloseStatus;
import org.eclipse.jetty.websocket.core.CoreSession;
import org.eclipse.jetty.websocket.core.Frame;
import org.eclipse.jetty.websocket.core.FrameHandler;
import org.eclipse.jetty.websocket.core.OpCode;
import org.eclipse.jetty.websocket.core.server.WebSocketMappings;
import org.eclipse.jetty.websocket.core.server.WebSocketNegotiator;
import org.eclipse.jetty.websocket.core.server.WebSocketServerComponents;

/**
 * The emulator's test partner: a small voice app on plain Jetty (not camel-vobiz), so the emulator is
 * tested against code that shares nothing with the component. It serves answer documents, records
 * every request and callback, and accepts stream sockets whose behaviour each test programs.
 */
final class ReferenceApp implements AutoCloseable {

    static final ObjectMapper JSON = new ObjectMapper();

    /** An HTTP request the app received. */
    record Received(String path, String method, Map<String, String> fields, Map<String, String> headers) {}

    /** What the app does with each message of a stream. */
    @FunctionalInterface
    interface Agent {
        void onMessage(AgentSocket socket, JsonNode message);
    }

    private final Server server = new Server();
    private final ServerConnector connector = new ServerConnector(server);
    private final Map<String, String[]> documents = new ConcurrentHashMap<>();
    private final Map<String, byte[]> files = new ConcurrentHashMap<>();
    private final List<Received> requests = new CopyOnWriteArrayList<>();
    private final LinkedBlockingQueue<AgentSocket> sockets = new LinkedBlockingQueue<>();
    private final List<AgentSocket> allSockets = new CopyOnWriteArrayList<>();
    private volatile Agent agent = (socket, message) -> {};
    private WebSocketMappings upgrader;

    ReferenceApp() throws Exception {
        connector.setHost("127.0.0.1");
        server.addConnector(connector);
        server.setHandler(new Handler.Abstract() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) throws Exception {
                return serve(request, response, callback);
            }
        });
        upgrader = new WebSocketMappings(WebSocketServerComponents.ensureWebSocketComponents(server));
        server.start();
    }

    String http(String path) {
        return "http://127.0.0.1:" + connector.getLocalPort() + path;
    }

    String ws(String path) {
        return "ws://127.0.0.1:" + connector.getLocalPort() + path;
    }

    /** Serves {@code body} as {@code contentType} at {@code path}. */
    ReferenceApp document(String path, String contentType, String body) {
        documents.put(path, new String[] {contentType, body});
        return this;
    }

    ReferenceApp xml(String path, String xml) {
        return document(path, "application/xml", xml);
    }

    ReferenceApp file(String path, byte[] content) {
        files.put(path, content);
        return this;
    }

    ReferenceApp agent(Agent newAgent) {
        this.agent = newAgent;
        return this;
    }

    List<Received> requests(String path) {
        return requests.stream().filter(r -> r.path().equals(path)).toList();
    }

    List<AgentSocket> sockets() {
        return List.copyOf(allSockets);
    }

    /** The next stream socket that connects. */
    AgentSocket awaitSocket() throws InterruptedException {
        AgentSocket socket = sockets.poll(10, TimeUnit.SECONDS);
        if (socket == null) {
            throw new AssertionError("No stream connected within 10 s");
        }
        return socket;
    }

    private boolean serve(Request request, Response response, Callback callback) throws Exception {
        String path = Request.getPathInContext(request);
        if (path.startsWith("/media")) {
            if (upgrader.upgrade(new Negotiator(), request, response, callback, null)) {
                return true;
            }
            Response.writeError(request, response, callback, HttpStatus.UPGRADE_REQUIRED_426);
            return true;
        }
        Map<String, String> fields = new LinkedHashMap<>();
        Fields query = Request.extractQueryParameters(request);
        query.forEach(field -> fields.put(field.getName(), field.getValue()));
        String body = Content.Source.asString(request, StandardCharsets.UTF_8);
        if (!body.isEmpty()) {
            Fields form = new Fields();
            org.eclipse.jetty.util.UrlEncoded.decodeUtf8To(body, form);
            form.forEach(field -> fields.put(field.getName(), field.getValue()));
        }
        Map<String, String> headers = new LinkedHashMap<>();
        request.getHeaders().forEach(header -> headers.put(header.getName(), header.getValue()));
        requests.add(new Received(path, request.getMethod(), fields, headers));
        if (files.containsKey(path)) {
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, "audio/wav");
            response.write(true, ByteBuffer.wrap(files.get(path)), callback);
            return true;
        }
        String[] document = documents.get(path);
        if (document == null) {
            response.setStatus(204);
            callback.succeeded();
            return true;
        }
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, document[0]);
        Content.Sink.write(response, true, document[1], callback);
        return true;
    }

    private final class Negotiator extends WebSocketNegotiator.AbstractNegotiator {
        @Override
        public FrameHandler negotiate(
                org.eclipse.jetty.websocket.core.server.ServerUpgradeRequest request,
                org.eclipse.jetty.websocket.core.server.ServerUpgradeResponse response,
                Callback callback) {
            AgentSocket socket = new AgentSocket();
            allSockets.add(socket);
            sockets.add(socket);
            return socket;
        }
    }

    /** One stream socket on the app's side: what arrived, and a way to answer. */
    final class AgentSocket implements FrameHandler {

        /** A message with the time it arrived. */
        record Message(JsonNode json, long arrivalNanos) {}

        private final List<Message> received = new CopyOnWriteArrayList<>();
        private final CompletableFuture<CloseStatus> closed = new CompletableFuture<>();
        private final StringBuilder partial = new StringBuilder();
        private volatile CoreSession session;

        @Override
        public void onOpen(CoreSession coreSession, Callback callback) {
            session = coreSession;
            callback.succeeded();
            coreSession.demand();
        }

        @Override
        public void onFrame(Frame frame, Callback callback) {
            if (frame.getOpCode() == OpCode.TEXT || frame.getOpCode() == OpCode.CONTINUATION) {
                partial.append(frame.getPayloadAsUTF8());
                if (frame.isFin()) {
                    try {
                        JsonNode json = JSON.readTree(partial.toString());
                        received.add(new Message(json, System.nanoTime()));
                        agent.onMessage(this, json);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    } finally {
                        partial.setLength(0);
                    }
                }
            }
            callback.succeeded();
            if (frame.getOpCode() != OpCode.CLOSE) {
                session.demand();
            }
        }

        @Override
        public void onError(Throwable cause, Callback callback) {
            callback.succeeded();
        }

        @Override
        public void onClosed(CloseStatus closeStatus, Callback callback) {
            closed.complete(closeStatus);
            callback.succeeded();
        }

        void send(String json) {
            session.sendFrame(new Frame(OpCode.TEXT).setPayload(json), Callback.NOOP, false);
        }

        void close(int code, String reason) {
            session.close(code, reason, Callback.NOOP);
        }

        List<JsonNode> received() {
            return received.stream().map(Message::json).toList();
        }

        List<Message> receivedWithTimes() {
            return List.copyOf(received);
        }

        List<JsonNode> events(String event) {
            return received().stream()
                    .filter(m -> event.equals(m.path("event").asText()))
                    .toList();
        }

        JsonNode first() {
            return awaitMessage(m -> true, Duration.ofSeconds(5));
        }

        /** Waits for a message matching {@code test} (already arrived or arriving within {@code timeout}). */
        JsonNode awaitMessage(Predicate<JsonNode> test, Duration timeout) {
            Message match = Awaitility.await()
                    .atMost(timeout)
                    .pollInterval(Duration.ofMillis(5))
                    .until(() -> find(test), java.util.Objects::nonNull);
            return match.json();
        }

        private Message find(Predicate<JsonNode> test) {
            return received.stream()
                    .filter(m -> test.test(m.json()))
                    .findFirst()
                    .orElse(null);
        }

        Message awaitEvent(String event, Duration timeout) {
            JsonNode json = awaitMessage(m -> event.equals(m.path("event").asText()), timeout);
            return find(m -> m == json);
        }

        CloseStatus awaitClose(Duration timeout) throws Exception {
            return closed.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    @Override
    public void close() throws Exception {
        server.stop();
    }
}
