package dev.camelvobiz.internal.server;

import dev.camelvobiz.internal.observe.LogSafe;
import io.vertx.core.AbstractVerticle;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One event-loop HTTP and WebSocket server on one host:port, shared by every {@code vobiz:} consumer
 * that names it, so that one public URL (one tunnel) serves a whole application. It listens once per
 * event loop (Vert.x spreads the accepted connections over them), so a connection lives on one loop
 * thread from its first byte to its close: reading, parsing and, for routes that never block,
 * answering happen there without a thread hand-off. Nothing here ever blocks a loop: request bodies
 * are read as they arrive, within a deadline, and HTTP routes run on the worker pool. Consumers add
 * and remove their paths while it runs; {@link VobizServers} stops it when the last path goes.
 */
public final class VobizServer {

    private static final Logger LOG = LoggerFactory.getLogger(VobizServer.class);

    /**
     * The largest single WebSocket frame the transport reads (Netty buffers a frame whole). Larger ones
     * close the socket with 1009; below it, each stream route's own {@code maxFrameSize} decides.
     */
    public static final int MAX_WEBSOCKET_FRAME = 1 << 20;

    /** A webhook is a few hundred bytes: larger bodies are refused with 413. */
    public static final int MAX_BODY_BYTES = 256 * 1024;

    /** Port 0 asks for a random port; Vert.x shares one random port among listeners that name the same negative port. */
    private static final AtomicInteger RANDOM_PORT_KEYS = new AtomicInteger();

    private final ServerAddress address;
    private final ServerSettings settings;
    private final Vertx vertx;
    private final Executor workers;
    private final Map<String, WebSocketRoute> webSocketRoutes = new ConcurrentHashMap<>();
    private final Map<String, HttpRoute> httpRoutes = new ConcurrentHashMap<>();
    private final Set<HttpConnection> connections = ConcurrentHashMap.newKeySet();
    private final Map<HttpConnection, ConnectionDeadline> deadlines =
            new ConcurrentHashMap<>(); // HTTP, not yet WebSocket
    private final AtomicInteger refusedConnections = new AtomicInteger();
    private volatile long lastRefusalLogNanos;
    private final Set<String> deployments = ConcurrentHashMap.newKeySet();
    private final List<HttpServer> listeners = new CopyOnWriteArrayList<>();
    private volatile int boundPort = -1;
    private volatile boolean listening;

    VobizServer(ServerAddress address, ServerSettings settings, Vertx vertx, Executor workers) {
        this.address = address;
        this.settings = settings;
        this.vertx = vertx;
        this.workers = workers;
    }

    void start(Tls tls) throws Exception {
        HttpServerOptions options = new HttpServerOptions()
                .setHost(address.host())
                .setPort(address.port() == 0 ? -RANDOM_PORT_KEYS.incrementAndGet() : address.port())
                .setMaxWebSocketFrameSize(MAX_WEBSOCKET_FRAME)
                .setMaxWebSocketMessageSize(MAX_WEBSOCKET_FRAME)
                // Vobiz never compresses; deflate would cost CPU and memory per socket.
                .setPerMessageWebSocketCompressionSupported(false)
                .setPerFrameWebSocketCompressionSupported(false)
                // HTTP/1.1 only: sniffing for an HTTP/2 preface would hold a silent connection outside
                // every deadline, before it is even a connection.
                .setHttp2ClearTextEnabled(false)
                .setSslHandshakeTimeout(settings.requestTimeoutMillis())
                .setSslHandshakeTimeoutUnit(TimeUnit.MILLISECONDS)
                .setMaxInitialLineLength(8192)
                .setMaxHeaderSize(16384);
        if (tls != null) {
            tls.apply(options);
        }
        int loops = settings.eventLoops();
        try {
            String id = vertx.deployVerticle(() -> new Listener(options), new DeploymentOptions().setInstances(loops))
                    .toCompletionStage()
                    .toCompletableFuture()
                    .get(30, TimeUnit.SECONDS);
            deployments.add(id);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException(
                    "Cannot serve vobiz consumers on " + address.key() + ": "
                            + e.getCause().getMessage(),
                    e.getCause());
        }
        listening = true;
        LOG.info(
                "Vobiz server listening on {}://{}:{} ({} event loops)",
                tls != null ? "https" : "http",
                address.host(),
                boundPort,
                loops);
        if (tls == null) {
            warmUp();
        }
    }

    /**
     * Sends one request to a path no route serves, before start returns, so that the first caller does
     * not pay for the HTTP pipeline's first run (about 70 ms of a 130 ms first answer, measured; the next
     * ones take 5 ms): start-up pays it instead, and no connection of ours is left open once it returns
     * (the server closes it after its 404). Plain HTTP only: a TLS handshake to ourselves
     * would cost more than it saves.
     */
    private void warmUp() {
        String host = address.host().equals("0.0.0.0") || address.host().equals("::") ? "127.0.0.1" : address.host();
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, boundPort), 1000);
            socket.setSoTimeout(2000);
            socket.getOutputStream()
                    .write(("GET /.well-known/vobiz-warm-up HTTP/1.1\r\nHost: " + host
                                    + "\r\nConnection: close\r\n\r\n")
                            .getBytes(StandardCharsets.US_ASCII));
            socket.getInputStream().readAllBytes(); // the whole response: its first write warms up too
        } catch (IOException e) {
            LOG.debug("Warming up the server on {} failed", address.key(), e);
        }
    }

    void stop() throws Exception {
        listening = false;
        // Close the listeners first and wait: undeploying alone may free the port a moment later.
        for (HttpServer server : listeners) {
            try {
                server.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
            } catch (java.util.concurrent.ExecutionException e) {
                LOG.debug("Closing a listener on {} failed", address.key(), e.getCause());
            }
        }
        listeners.clear();
        for (String id : deployments) {
            try {
                vertx.undeploy(id).toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
            } catch (java.util.concurrent.ExecutionException e) {
                LOG.debug("Undeploying the server on {} failed", address.key(), e.getCause());
            }
        }
        deployments.clear();
        awaitPortReleased();
        LOG.info("Vobiz server on {}:{} stopped", address.host(), boundPort);
    }

    /**
     * Returns once the port can be bound again, or after a second. With one listener per event loop
     * sharing the port, Vert.x completes the last close before Netty has released the socket, now and
     * then: a route restarted on the same port right after stop would fail to bind.
     */
    private void awaitPortReleased() throws InterruptedException {
        if (boundPort <= 0) {
            return;
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(1);
        while (System.nanoTime() < deadline) {
            try (java.net.ServerSocket probe = new java.net.ServerSocket()) {
                probe.setReuseAddress(true);
                probe.bind(new InetSocketAddress(address.host(), boundPort));
                return;
            } catch (IOException stillBound) {
                Thread.sleep(10);
            }
        }
        LOG.debug("Port {} of {} still bound a second after its listeners closed", boundPort, address.host());
    }

    /** The bound port: the configured one, or the one the OS chose for port 0. */
    public int localPort() {
        return boundPort;
    }

    /** Whether the server is bound and accepting connections. */
    public boolean isListening() {
        return listening;
    }

    /** Connections open now (HTTP and WebSocket), for the dev console and tests. */
    public int openConnections() {
        return connections.size();
    }

    /** The paths this server serves. */
    public Set<String> paths() {
        Set<String> paths = new TreeSet<>(webSocketRoutes.keySet());
        paths.addAll(httpRoutes.keySet());
        return paths;
    }

    /**
     * The token the stream route on {@code path} requires, or null (none, or no stream route there): so
     * that an answer can give Vobiz the full stream URL without the secret being written in a route.
     */
    public String streamToken(String path) {
        WebSocketRoute route = webSocketRoutes.get(path);
        return route == null ? null : route.token();
    }

    public ServerAddress address() {
        return address;
    }

    synchronized void addWebSocketRoute(String path, WebSocketRoute route) {
        checkFree(path);
        webSocketRoutes.put(path, route);
    }

    synchronized void addHttpRoute(String path, HttpRoute route) {
        checkFree(path);
        httpRoutes.put(path, route);
    }

    private void checkFree(String path) {
        if (webSocketRoutes.containsKey(path) || httpRoutes.containsKey(path)) {
            throw new IllegalStateException(
                    "Path " + path + " is already served on " + address.key() + " by another vobiz consumer");
        }
    }

    synchronized void removeRoute(String path) {
        webSocketRoutes.remove(path);
        httpRoutes.remove(path);
    }

    synchronized boolean isEmpty() {
        return webSocketRoutes.isEmpty() && httpRoutes.isEmpty();
    }

    /** Finds the route for a path; a route also owns the one segment below it (a token in the path). */
    private RouteMatch match(String path) {
        WebSocketRoute exact = webSocketRoutes.get(path);
        if (exact != null) {
            return new RouteMatch(exact, null);
        }
        int slash = path.lastIndexOf('/');
        if (slash > 0 && slash < path.length() - 1) {
            WebSocketRoute parent = webSocketRoutes.get(path.substring(0, slash));
            if (parent != null && parent.token() != null) {
                return new RouteMatch(parent, path.substring(slash + 1));
            }
        }
        return null;
    }

    private record RouteMatch(WebSocketRoute route, String remainder) {}

    // ---- on the event loop ----------------------------------------------------------------

    /** One listener per event loop; all of them share the socket, and Vert.x spreads connections over them. */
    private final class Listener extends AbstractVerticle {

        private final HttpServerOptions options;

        Listener(HttpServerOptions options) {
            this.options = options;
        }

        @Override
        public void start(Promise<Void> started) {
            HttpServer server = vertx.createHttpServer(options)
                    .connectionHandler(VobizServer.this::connected)
                    .requestHandler(VobizServer.this::dispatch);
            server.listen()
                    .onSuccess(bound -> {
                        boundPort = bound.actualPort();
                        started.complete();
                    })
                    .onFailure(started::fail);
        }
    }

    /**
     * A new connection must complete a request within the request timeout, and so must a kept-alive
     * one between requests: a client that sends nothing, or trickles its headers or body, is closed
     * then. A WebSocket leaves this watch at its upgrade; its own idle timeout takes over.
     */
    private void connected(HttpConnection connection) {
        if (deadlines.size() >= settings.maxHttpConnections()) {
            long now = System.nanoTime();
            if (refusedConnections.getAndIncrement() == 0 || now - lastRefusalLogNanos > TimeUnit.MINUTES.toNanos(1)) {
                lastRefusalLogNanos = now;
                LOG.warn(
                        "{} HTTP connections open on {} (maxHttpConnections): closing new ones, {} so far",
                        deadlines.size(),
                        address.key(),
                        refusedConnections.get());
            }
            connection.close();
            return;
        }
        connections.add(connection);
        ConnectionDeadline deadline = new ConnectionDeadline(connection);
        connection.closeHandler(closed -> {
            connections.remove(connection);
            deadline.cancel();
        });
        deadlines.put(connection, deadline);
        deadline.arm();
    }

    private final class ConnectionDeadline {
        private final HttpConnection connection;
        private long timer = -1;

        ConnectionDeadline(HttpConnection connection) {
            this.connection = connection;
        }

        void arm() {
            cancel();
            timer = vertx.setTimer(settings.requestTimeoutMillis(), fired -> {
                timer = -1;
                LOG.debug(
                        "Closing a connection from {}: no complete request within {} ms",
                        connection.remoteAddress(),
                        settings.requestTimeoutMillis());
                connection.close();
            });
        }

        void cancel() {
            if (timer >= 0) {
                vertx.cancelTimer(timer);
                timer = -1;
            }
        }

        /** The connection became a WebSocket: its route watches it from now on. */
        void release() {
            cancel();
            deadlines.remove(connection);
        }
    }

    private void dispatch(HttpServerRequest request) {
        String path = request.path();
        HttpRoute http = httpRoutes.get(path);
        if (http != null) {
            readBody(request, http);
            return;
        }
        RouteMatch match = match(path);
        if (match == null) {
            finished(request, 404, "No vobiz consumer serves this path");
            return;
        }
        int refusal = match.route().refusal(request, match.remainder());
        if (refusal != 0) {
            finished(request, refusal, null);
            return;
        }
        if (!"websocket".equalsIgnoreCase(request.getHeader(HttpHeaders.UPGRADE))) {
            finished(request, 426, "This path takes WebSocket upgrades only");
            return;
        }
        ConnectionDeadline deadline = deadlines.get(request.connection());
        request.toWebSocket().onSuccess(socket -> {
            if (deadline != null) {
                deadline.release();
            }
            match.route().open(socket);
        });
    }

    /** Reads the body as it arrives (no thread waits for it), then runs the route on a worker. */
    private void readBody(HttpServerRequest request, HttpRoute route) {
        if (declaredLength(request) > MAX_BODY_BYTES) { // refused before a byte of it is read
            finished(request, 413, "Body over " + MAX_BODY_BYTES + " bytes");
            return;
        }
        Buffer body = Buffer.buffer();
        request.handler(chunk -> {
            if (body.length() + chunk.length() > MAX_BODY_BYTES) {
                request.handler(null);
                finished(request, 413, "Body over " + MAX_BODY_BYTES + " bytes");
                return;
            }
            body.appendBuffer(chunk);
        });
        request.exceptionHandler(
                error -> LOG.debug("Request to {} failed while reading", LogSafe.value(request.path()), error));
        request.endHandler(ended -> {
            if (request.response().ended()) {
                return;
            }
            ConnectionDeadline deadline = deadlines.get(request.connection());
            if (deadline != null) {
                deadline.cancel(); // the route's own time is not the client's: re-armed once it has answered
            }
            request.response().endHandler(answered -> {
                if (deadline != null) {
                    deadline.arm();
                }
            });
            HttpCall call = new HttpCall(request, body.getBytes());
            try {
                workers.execute(() -> {
                    try {
                        route.handle(call);
                    } catch (RuntimeException e) {
                        LOG.warn("vobiz HTTP route {} failed: {}", LogSafe.value(request.path()), e.toString());
                        call.reply(500, "text/plain", "The route failed");
                    }
                });
            } catch (RejectedExecutionException e) {
                call.reply(503, "text/plain", "Too busy");
            }
        });
    }

    /** The Content-Length the client declared; 0 when there is none (Netty has refused malformed ones). */
    private static long declaredLength(HttpServerRequest request) {
        String length = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        try {
            return length == null ? 0 : Long.parseLong(length.trim());
        } catch (NumberFormatException e) {
            return Long.MAX_VALUE; // longer than a long: certainly too long
        }
    }

    /** Answers without a route and closes the connection (the client may still be sending). */
    private static void finished(HttpServerRequest request, int status, String text) {
        var response = request.response().setStatusCode(status).putHeader(HttpHeaders.CONNECTION, "close");
        if (text == null) {
            response.end();
        } else {
            response.putHeader(HttpHeaders.CONTENT_TYPE, "text/plain").end(text);
        }
    }
}
