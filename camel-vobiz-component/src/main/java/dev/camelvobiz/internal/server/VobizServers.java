package dev.camelvobiz.internal.server;

import io.vertx.core.Vertx;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import org.apache.camel.CamelContext;

/**
 * The servers of one component, by host:port, on one Vert.x instance. A server starts with its first
 * path and stops, freeing the port, when its last path is removed.
 */
public final class VobizServers {

    private final CamelContext camelContext;
    private final Vertx vertx;
    private final Executor workers;
    private final Map<String, VobizServer> servers = new HashMap<>();

    /**
     * @param workers where HTTP routes run (they may block; the event loops must not)
     */
    public VobizServers(CamelContext camelContext, Vertx vertx, Executor workers) {
        this.camelContext = camelContext;
        this.vertx = vertx;
        this.workers = workers;
    }

    /** Serves {@code route} at {@code path} on the server for {@code address}, starting it if needed. */
    public VobizServer addWebSocketRoute(
            ServerAddress address, ServerSettings settings, String path, WebSocketRoute route) throws Exception {
        return add(address, settings, server -> server.addWebSocketRoute(path, route));
    }

    /** Serves an HTTP {@code route} at {@code path} on the server for {@code address}, starting it if needed. */
    public VobizServer addHttpRoute(ServerAddress address, ServerSettings settings, String path, HttpRoute route)
            throws Exception {
        return add(address, settings, server -> server.addHttpRoute(path, route));
    }

    private synchronized VobizServer add(ServerAddress address, ServerSettings settings, Consumer<VobizServer> register)
            throws Exception {
        VobizServer server = servers.get(address.key());
        if (server == null) {
            server = new VobizServer(address, settings, vertx, workers);
            register.accept(server);
            server.start(Tls.of(address.sslContextParameters(), camelContext));
            servers.put(address.key(), server);
            return server;
        }
        if (!Objects.equals(server.address().sslContextParameters(), address.sslContextParameters())) {
            throw new IllegalStateException("Port " + address.key()
                    + " is already served with a different sslContextParameters; consumers on one port must share it");
        }
        register.accept(server);
        return server;
    }

    /** Removes a path; the server stops when none is left. */
    public synchronized void removeRoute(VobizServer server, String path) throws Exception {
        server.removeRoute(path);
        if (server.isEmpty() && servers.remove(server.address().key(), server)) {
            server.stop();
        }
    }

    /** The servers running now. */
    public synchronized List<VobizServer> running() {
        return List.copyOf(servers.values());
    }

    public synchronized void stopAll() throws Exception {
        for (VobizServer server : servers.values()) {
            server.stop();
        }
        servers.clear();
    }
}
