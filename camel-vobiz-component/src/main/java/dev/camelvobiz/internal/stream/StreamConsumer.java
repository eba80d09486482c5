package dev.camelvobiz.internal.stream;

import dev.camelvobiz.VobizConfiguration;
import dev.camelvobiz.VobizEndpoint;
import dev.camelvobiz.internal.VobizRuntime;
import dev.camelvobiz.internal.forward.CommandForwarding;
import dev.camelvobiz.internal.observe.PeerMistakes;
import dev.camelvobiz.internal.observe.Refusal;
import dev.camelvobiz.internal.observe.VobizMetrics;
import dev.camelvobiz.internal.server.AddressAllowList;
import dev.camelvobiz.internal.server.VobizServer;
import dev.camelvobiz.internal.server.WebSocketRoute;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.ServerWebSocket;
import java.net.InetAddress;
import java.net.URLDecoder;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.LongConsumer;
import org.apache.camel.Processor;
import org.apache.camel.support.DefaultConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code vobiz:stream}: the WebSocket endpoint Vobiz connects to. Serves its path on the shared server
 * of its host:port and turns every socket into a {@link StreamConnection}.
 */
public class StreamConsumer extends DefaultConsumer implements WebSocketRoute {

    private static final Logger LOG = LoggerFactory.getLogger(StreamConsumer.class);

    private final VobizEndpoint endpoint;
    private final VobizConfiguration configuration;
    private final VobizRuntime runtime;
    private final WireReader wireReader = new WireReader();
    private final Set<StreamConnection> connections = ConcurrentHashMap.newKeySet();
    private final AddressAllowList allowedAddresses;
    private final PeerMistakes refusals = new PeerMistakes(LOG);
    private volatile StreamSettings settings;
    private VobizServer server;

    public StreamConsumer(VobizEndpoint endpoint, Processor processor, VobizRuntime runtime) {
        super(endpoint, processor);
        this.endpoint = endpoint;
        this.configuration = endpoint.getConfiguration();
        this.runtime = runtime;
        this.allowedAddresses = new AddressAllowList(configuration.getAllowedAddresses());
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        settings = StreamSettings.of(configuration, endpoint.getCamelContext().isUseMDCLogging(), runtime.instanceId());
        server = runtime.servers().addWebSocketRoute(endpoint.serverAddress(), runtime.serverSettings(), path(), this);
    }

    @Override
    protected void doStop() throws Exception {
        CommandForwarding forwarding = runtime.forwarding();
        if (forwarding != null) {
            forwarding.departing(connections.stream()
                    .filter(StreamConnection::started)
                    .map(CallSession.class::cast)
                    .toList());
        }
        List<CompletableFuture<Void>> closing = new ArrayList<>();
        for (StreamConnection connection : List.copyOf(connections)) {
            closing.add(connection.close(StreamConnection.CLOSE_GOING_AWAY, "Route stopping"));
        }
        try {
            // Let the 1001 close frames leave before the server (if this was its last route) stops, and
            // the closed exchanges reach the route (on a call's lane they run after its queued events).
            CompletableFuture.allOf(closing.toArray(new CompletableFuture[0])).get(2, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            LOG.debug("Some stream sockets on {} did not close within 2 s", path());
        }
        if (server != null) {
            runtime.servers().removeRoute(server, path());
            server = null;
        }
        super.doStop();
    }

    /** The port actually bound, useful when {@code port=0} let the OS choose. */
    public int getLocalPort() {
        return server == null ? -1 : server.localPort();
    }

    private String path() {
        return configuration.getPath();
    }

    @Override
    public int refusal(HttpServerRequest request, String pathRemainder) {
        InetAddress remote = remoteAddress(request);
        if (remote == null || !allowedAddresses.allows(remote)) {
            return refuse(Refusal.ADDRESS, 403, "from " + remote + ": not in allowedAddresses");
        }
        if (!tokenMatches(request, pathRemainder)) {
            return refuse(Refusal.TOKEN, 401, "from " + remote + ": no token, or the wrong one");
        }
        int max = configuration.getMaxConnections();
        if (max > 0 && connections.size() >= max) {
            return refuse(Refusal.CAPACITY, 503, "from " + remote + ": maxConnections " + max + " reached");
        }
        return 0;
    }

    /** Counts a refused socket and logs it (rate-limited: refusals are a cheap way to flood a log). */
    private int refuse(Refusal reason, int status, String why) {
        metrics().refused(reason);
        refusals.report("Refused a stream socket on " + path() + " " + why + " (" + status + ")", null);
        return status;
    }

    private static InetAddress remoteAddress(HttpServerRequest request) {
        String literal = request.connection().remoteAddress().hostAddress();
        try {
            return literal == null ? null : InetAddress.getByName(literal); // a literal: no DNS lookup
        } catch (UnknownHostException e) {
            return null;
        }
    }

    private boolean tokenMatches(HttpServerRequest request, String pathRemainder) {
        String token = configuration.getToken();
        if (token == null) {
            return pathRemainder == null;
        }
        if (pathRemainder == null) {
            return same(request.getParam("token"), token); // the query is decoded already
        }
        // as written in a URL by hand, or as the default answer writes it (URL-encoded)
        boolean raw = same(pathRemainder, token);
        boolean decoded;
        try {
            decoded = same(URLDecoder.decode(pathRemainder, StandardCharsets.UTF_8), token);
        } catch (IllegalArgumentException e) {
            decoded = false;
        }
        return raw | decoded;
    }

    private static boolean same(String offered, String token) {
        return offered != null
                && MessageDigest.isEqual(
                        offered.getBytes(StandardCharsets.UTF_8), token.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public String token() {
        return configuration.getToken();
    }

    @Override
    public void open(ServerWebSocket socket) {
        String remote = socket.remoteAddress() + path();
        VertxStreamSocket vertxSocket = new VertxStreamSocket(socket);
        StreamConnection connection = new StreamConnection(this, vertxSocket, remote);
        connections.add(connection);
        vertxSocket.attach(connection);
        connection.open();
    }

    void connectionClosed(StreamConnection connection) {
        connections.remove(connection);
    }

    StreamRegistry registry() {
        return runtime.streams();
    }

    WireReader wireReader() {
        return wireReader;
    }

    /** What the options mean for each socket, as of this consumer's start. */
    StreamSettings settings() {
        return settings;
    }

    VobizMetrics metrics() {
        return runtime.metrics();
    }

    /** Where a stream's turn latencies go: the component's meters and its console. */
    LongConsumer turnLatencies() {
        return nanos -> {
            runtime.metrics().turnLatency(nanos);
            runtime.turnLatencies().record(nanos);
        };
    }

    Vertx vertx() {
        return runtime.vertx();
    }

    /** The pool that blocking routes, and continuations of other routes, run on. */
    Executor workers() {
        return runtime.workers();
    }
}
