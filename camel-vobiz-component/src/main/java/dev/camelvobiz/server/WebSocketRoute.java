package dev.camelvobiz.server;

import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.websocket.core.FrameHandler;

/** A path on a {@link VobizServer} that accepts WebSocket upgrades. */
public interface WebSocketRoute {

    /**
     * Decides, before the upgrade, whether the request may open a socket: 0 when it may, else the HTTP
     * status to refuse it with (401 wrong token, 403 address not allowed, 503 too many connections).
     * {@code pathRemainder} is the part of the request path after the route's own path (without the
     * slash), or {@code null}.
     */
    int refusal(Request request, String pathRemainder);

    /** Whether one path segment below the route's path is taken as a secret token ({@code /media/SECRET}). */
    boolean tokenInPath();

    /** The handler of one accepted socket. */
    FrameHandler open(Request request);

    /** Jetty-level limits for sockets on this route. */
    WebSocketLimits limits();
}
