package dev.camelvobiz.emulator.console;

import dev.camelvobiz.emulator.EmulatedCall;
import dev.camelvobiz.emulator.Emulator;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.Optional;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.websocket.core.FrameHandler;
import org.eclipse.jetty.websocket.core.server.ServerUpgradeRequest;
import org.eclipse.jetty.websocket.core.server.ServerUpgradeResponse;
import org.eclipse.jetty.websocket.core.server.WebSocketMappings;
import org.eclipse.jetty.websocket.core.server.WebSocketNegotiator;
import org.eclipse.jetty.websocket.core.server.WebSocketServerComponents;

/**
 * The emulator's web console: a page, served from the emulator's own jar, that is a softphone (the
 * browser's microphone is the caller, the route's audio plays in the browser) and a call viewer (the
 * timeline, the checkpoints and both directions of audio, live or from a saved call record).
 * {@code /} is the page, {@code /socket} its WebSocket, {@code /calls/<CallUUID>.json} a call's record.
 */
public final class WebConsole extends Handler.Abstract implements AutoCloseable {

    private static final String PAGES = "/dev/camelvobiz/emulator/console/web/";
    private static final Map<String, String> PAGE_TYPES = Map.of(
            "/index.html", "text/html; charset=utf-8",
            "/console.js", "text/javascript; charset=utf-8",
            "/microphone-worklet.js", "text/javascript; charset=utf-8",
            "/console.css", "text/css; charset=utf-8");

    private final Emulator emulator;
    private final ConsoleSettings settings;
    private final Server server = new Server();
    private final ServerConnector connector = new ServerConnector(server);
    private final WebSocketMappings upgrader;

    private WebConsole(Emulator emulator, ConsoleSettings settings) {
        this.emulator = emulator;
        this.settings = settings;
        connector.setHost(settings.host());
        connector
                .getConnectionFactory(HttpConnectionFactory.class)
                .getHttpConfiguration()
                .setSendServerVersion(false); // no version for a scanner to match against
        connector.setPort(settings.port());
        server.addConnector(connector);
        server.setHandler(this);
        upgrader = new WebSocketMappings(WebSocketServerComponents.ensureWebSocketComponents(server));
    }

    /** Starts the console for {@code emulator}; close it to stop listening (the emulator stays up). */
    public static WebConsole start(Emulator emulator, ConsoleSettings settings) {
        WebConsole console = new WebConsole(emulator, settings);
        try {
            console.server.start();
        } catch (Exception e) {
            console.close();
            throw new IllegalStateException(
                    "Cannot start the web console on " + settings.host() + ":" + settings.port() + ": "
                            + e.getMessage(),
                    e);
        }
        return console;
    }

    /** The page's address, e.g. {@code http://127.0.0.1:8090/}. */
    public URI url() {
        String host = settings.host().equals("0.0.0.0") ? "127.0.0.1" : settings.host();
        return URI.create("http://" + host + ":" + connector.getLocalPort() + "/");
    }

    @Override
    public void close() {
        try {
            server.stop();
        } catch (Exception e) {
            // stopping anyway
        }
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        if (!settings.trusts(request.getHeaders().get(HttpHeader.HOST))) {
            // a page served under another name (DNS rebinding) must not reach the console at all
            Response.writeError(request, response, callback, HttpStatus.FORBIDDEN_403, "Unknown host");
            return true;
        }
        String path = Request.getPathInContext(request);
        if (path.equals("/socket")) {
            if (!upgrader.upgrade(new SameOriginNegotiator(), request, response, callback, null)) {
                Response.writeError(request, response, callback, HttpStatus.UPGRADE_REQUIRED_426);
            }
            return true;
        }
        if (!"GET".equals(request.getMethod())) {
            Response.writeError(request, response, callback, HttpStatus.METHOD_NOT_ALLOWED_405);
            return true;
        }
        if (path.startsWith("/calls/") && path.endsWith(".json")) {
            String callUuid = path.substring("/calls/".length(), path.length() - ".json".length());
            Optional<EmulatedCall> call = emulator.findCall(callUuid);
            if (call.isEmpty()) {
                Response.writeError(request, response, callback, HttpStatus.NOT_FOUND_404, "No call " + callUuid);
                return true;
            }
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
            response.getHeaders()
                    .put(HttpHeader.CONTENT_DISPOSITION, "attachment; filename=\"call-" + callUuid + ".json\"");
            Content.Sink.write(
                    response, true, CallRecordJson.of(call.get().record()).toString(), callback);
            return true;
        }
        String page = path.equals("/") ? "/index.html" : path;
        String type = PAGE_TYPES.get(page); // only the console's own files: no path reaches the class path
        if (type == null) {
            Response.writeError(request, response, callback, HttpStatus.NOT_FOUND_404);
            return true;
        }
        byte[] content;
        try (InputStream in = WebConsole.class.getResourceAsStream(PAGES + page.substring(1))) {
            if (in == null) {
                throw new IOException("The console's " + page + " is missing from the emulator jar");
            }
            content = in.readAllBytes();
        }
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, type);
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
        response.write(true, ByteBuffer.wrap(content), callback);
        return true;
    }

    /**
     * Accepts the page's socket only from the console's own pages, under a trusted name: any web site
     * the developer visits could otherwise open it and place calls from their machine.
     */
    private final class SameOriginNegotiator extends WebSocketNegotiator.AbstractNegotiator {
        @Override
        public FrameHandler negotiate(ServerUpgradeRequest request, ServerUpgradeResponse response, Callback callback) {
            String origin = request.getHeaders().get(HttpHeader.ORIGIN);
            String host = request.getHeaders().get(HttpHeader.HOST);
            if (origin != null && (host == null || !origin.equals("http://" + host) || !settings.trusts(host))) {
                Response.writeError(
                        request, response, callback, HttpStatus.FORBIDDEN_403, "Cross-origin console socket");
                return null;
            }
            return new ConsoleSocket(emulator, settings);
        }
    }
}
