package dev.camelvobiz.server;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.camel.CamelContext;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.eclipse.jetty.websocket.core.FrameHandler;
import org.eclipse.jetty.websocket.core.server.ServerUpgradeRequest;
import org.eclipse.jetty.websocket.core.server.ServerUpgradeResponse;
import org.eclipse.jetty.websocket.core.server.WebSocketMappings;
import org.eclipse.jetty.websocket.core.server.WebSocketNegotiator;
import org.eclipse.jetty.websocket.core.server.WebSocketServerComponents;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One Jetty 12 server on one host:port, shared by every {@code vobiz:} consumer that names it, so that
 * one public URL (one tunnel) serves a whole application. Consumers add and remove their paths while
 * it runs; {@link VobizServers} stops it when the last path goes.
 */
public final class VobizServer {

    private static final Logger LOG = LoggerFactory.getLogger(VobizServer.class);

    private final ServerAddress address;
    private final Server server;
    private final ServerConnector connector;
    private final Map<String, WebSocketRoute> webSocketRoutes = new ConcurrentHashMap<>();
    private final Map<String, HttpRoute> httpRoutes = new ConcurrentHashMap<>();
    private WebSocketMappings upgrader;
    private volatile int boundPort = -1;

    VobizServer(ServerAddress address, CamelContext camelContext) throws Exception {
        this.address = address;
        QueuedThreadPool threads = new QueuedThreadPool();
        threads.setName("vobiz-" + address.port());
        this.server = new Server(threads);
        this.connector = address.tls()
                ? new ServerConnector(server, sslContextFactory(address, camelContext))
                : new ServerConnector(server);
        connector.setHost(address.host());
        connector.setPort(address.port());
        server.addConnector(connector);
        server.setHandler(new PathDispatcher());
    }

    private static SslContextFactory.Server sslContextFactory(ServerAddress address, CamelContext camelContext)
            throws Exception {
        SslContextFactory.Server factory = new SslContextFactory.Server();
        factory.setSslContext(address.sslContextParameters().createSSLContext(camelContext));
        return factory;
    }

    void start() throws Exception {
        upgrader = new WebSocketMappings(WebSocketServerComponents.ensureWebSocketComponents(server));
        try {
            server.start();
        } catch (Exception e) {
            server.stop();
            throw new IllegalStateException(
                    "Cannot serve vobiz consumers on " + address.key() + ": " + e.getMessage(), e);
        }
        boundPort = connector.getLocalPort();
        LOG.info("Vobiz server listening on {}://{}:{}", address.tls() ? "https" : "http", address.host(), boundPort);
    }

    void stop() throws Exception {
        server.stop();
        LOG.info("Vobiz server on {}:{} stopped", address.host(), boundPort);
    }

    /** The bound port: the configured one, or the one the OS chose for port 0. */
    public int localPort() {
        return boundPort;
    }

    /** Whether Jetty is running and its connector accepting connections. */
    public boolean isListening() {
        return server.isStarted() && connector.isOpen();
    }

    /** The paths this server serves. */
    public Set<String> paths() {
        Set<String> paths = new TreeSet<>(webSocketRoutes.keySet());
        paths.addAll(httpRoutes.keySet());
        return paths;
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
            if (parent != null && parent.tokenInPath()) {
                return new RouteMatch(parent, path.substring(slash + 1));
            }
        }
        return null;
    }

    private record RouteMatch(WebSocketRoute route, String remainder) {}

    /** Blocking (Jetty calls it on a pool thread): HTTP routes run Camel routes that may block. */
    private final class PathDispatcher extends Handler.Abstract {

        @Override
        public boolean handle(Request request, Response response, Callback callback) throws Exception {
            String path = Request.getPathInContext(request);
            HttpRoute http = httpRoutes.get(path);
            if (http != null) {
                http.handle(request, response, callback);
                return true;
            }
            RouteMatch match = match(path);
            if (match == null) {
                return false;
            }
            int refusal = match.route().refusal(request, match.remainder());
            if (refusal != 0) {
                Response.writeError(request, response, callback, refusal);
                return true;
            }
            if (upgrader.upgrade(new RouteNegotiator(match.route()), request, response, callback, null)) {
                return true;
            }
            Response.writeError(
                    request,
                    response,
                    callback,
                    HttpStatus.UPGRADE_REQUIRED_426,
                    "This path takes WebSocket upgrades only");
            return true;
        }
    }

    private static final class RouteNegotiator extends WebSocketNegotiator.AbstractNegotiator {

        private final WebSocketRoute route;

        RouteNegotiator(WebSocketRoute route) {
            this.route = route;
            WebSocketLimits limits = route.limits();
            setIdleTimeout(limits.idleTimeout());
            setMaxFrameSize(limits.maxFramePayload());
            setAutoFragment(true);
        }

        @Override
        public FrameHandler negotiate(ServerUpgradeRequest request, ServerUpgradeResponse response, Callback callback) {
            return route.open(request);
        }
    }
}
