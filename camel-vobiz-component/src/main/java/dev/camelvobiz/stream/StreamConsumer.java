package dev.camelvobiz.stream;

import dev.camelvobiz.VobizConfiguration;
import dev.camelvobiz.VobizEndpoint;
import dev.camelvobiz.audio.AudioFormat;
import dev.camelvobiz.forward.CommandForwarding;
import dev.camelvobiz.observe.VobizMetrics;
import dev.camelvobiz.server.AddressAllowList;
import dev.camelvobiz.server.VobizServer;
import dev.camelvobiz.server.WebSocketLimits;
import dev.camelvobiz.server.WebSocketRoute;
import java.net.InetSocketAddress;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.camel.Processor;
import org.apache.camel.support.DefaultConsumer;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.websocket.core.CloseStatus;
import org.eclipse.jetty.websocket.core.FrameHandler;
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
    private final StreamRegistry registry;
    private final WireReader wireReader = new WireReader();
    private final Set<StreamConnection> connections = ConcurrentHashMap.newKeySet();
    private final AudioFormat defaultFormat;
    private final AddressAllowList allowedAddresses;
    private final AudioFormat outboundOverride;
    private final AudioFormat normalisedMediaFormat;
    private VobizServer server;
    private boolean mdcLogging;
    private String instanceId;

    public StreamConsumer(VobizEndpoint endpoint, Processor processor, StreamRegistry registry) {
        super(endpoint, processor);
        this.endpoint = endpoint;
        this.configuration = endpoint.getConfiguration();
        this.registry = registry;
        this.allowedAddresses = new AddressAllowList(configuration.getAllowedAddresses());
        this.defaultFormat = AudioFormat.parse(
                configuration.getContentType(),
                configuration.getInboundByteOrder().order());
        this.outboundOverride = configuration.getOutboundFormat() == null
                ? null
                : AudioFormat.parse(
                        configuration.getOutboundFormat(),
                        configuration.getOutboundByteOrder().order());
        this.normalisedMediaFormat = configuration.getMediaFormat() == null
                ? null
                : AudioFormat.parse(configuration.getMediaFormat(), ByteOrder.LITTLE_ENDIAN);
    }

    @Override
    protected void doStart() throws Exception {
        super.doStart();
        mdcLogging = endpoint.getCamelContext().isUseMDCLogging();
        instanceId = endpoint.getComponent().getInstanceId();
        server = endpoint.getComponent().servers().addWebSocketRoute(endpoint.serverAddress(), path(), this);
    }

    @Override
    protected void doStop() throws Exception {
        CommandForwarding forwarding = endpoint.getComponent().forwarding();
        if (forwarding != null) {
            forwarding.departing(connections.stream()
                    .filter(StreamConnection::started)
                    .map(CallSession.class::cast)
                    .toList());
        }
        List<CompletableFuture<Void>> closing = new ArrayList<>();
        for (StreamConnection connection : List.copyOf(connections)) {
            closing.add(connection.close(CloseStatus.SHUTDOWN, "Route stopping"));
        }
        try {
            // Let the 1001 close frames leave before the server (if this was its last route) stops.
            CompletableFuture.allOf(closing.toArray(new CompletableFuture[0])).get(2, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            LOG.debug("Some stream sockets on {} did not close within 2 s", path());
        }
        if (server != null) {
            endpoint.getComponent().servers().removeRoute(server, path());
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
    public int refusal(Request request, String pathRemainder) {
        InetSocketAddress remote =
                (InetSocketAddress) request.getConnectionMetaData().getRemoteSocketAddress();
        if (!allowedAddresses.allows(remote.getAddress())) {
            LOG.warn("Refused a stream socket from {} on {}: not in allowedAddresses", remote.getAddress(), path());
            return 403;
        }
        if (!tokenMatches(request, pathRemainder)) {
            return 401;
        }
        int max = configuration.getMaxConnections();
        if (max > 0 && connections.size() >= max) {
            LOG.warn("Refused a stream socket on {}: maxConnections {} reached", path(), max);
            return 503;
        }
        return 0;
    }

    private boolean tokenMatches(Request request, String pathRemainder) {
        String token = configuration.getToken();
        if (token == null) {
            return pathRemainder == null;
        }
        String offered = pathRemainder != null
                ? pathRemainder
                : Request.extractQueryParameters(request).getValue("token");
        return offered != null
                && MessageDigest.isEqual(
                        offered.getBytes(StandardCharsets.UTF_8), token.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public boolean tokenInPath() {
        return configuration.getToken() != null;
    }

    @Override
    public FrameHandler open(Request request) {
        String remote = Request.getRemoteAddr(request) + ":" + Request.getRemotePort(request) + path();
        StreamConnection connection = new StreamConnection(this, remote);
        connections.add(connection);
        return connection;
    }

    @Override
    public WebSocketLimits limits() {
        return new WebSocketLimits(
                Duration.ofMillis(configuration.getIdleTimeout()), Math.max(4096, configuration.getMaxFrameSize()));
    }

    void connectionClosed(StreamConnection connection) {
        connections.remove(connection);
    }

    StreamRegistry registry() {
        return registry;
    }

    WireReader wireReader() {
        return wireReader;
    }

    AudioFormat defaultFormat() {
        return defaultFormat;
    }

    /** What playAudio is sent in: the option, else the stream's own format in the outbound byte order. */
    AudioFormat outboundFormat(AudioFormat inbound) {
        return outboundOverride != null
                ? outboundOverride
                : inbound.withByteOrder(configuration.getOutboundByteOrder().order());
    }

    /** The format media bodies are normalised to, or null to leave them as received. */
    AudioFormat normalisedMediaFormat() {
        return normalisedMediaFormat;
    }

    /** The component's instance id, which every exchange of this consumer carries. */
    String instanceId() {
        return instanceId;
    }

    /** Whether the context logs with MDC ({@code camel.main.use-mdc-logging}). */
    boolean mdcLogging() {
        return mdcLogging;
    }

    VobizMetrics metrics() {
        return endpoint.getComponent().metrics();
    }

    java.util.concurrent.ScheduledExecutorService timer() {
        return endpoint.getComponent().timer();
    }

    long playLeadMillis() {
        return configuration.getPlayLead();
    }

    long clearTimeoutMillis() {
        return configuration.getClearTimeout();
    }

    int maxFrameSize() {
        return configuration.getMaxFrameSize();
    }

    int maxInFlight() {
        return configuration.getMaxInFlightPerStream();
    }
}
