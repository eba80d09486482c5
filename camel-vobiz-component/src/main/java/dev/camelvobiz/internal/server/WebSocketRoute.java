package dev.camelvobiz.internal.server;

import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.ServerWebSocket;

/** A path on a {@link VobizServer} that accepts WebSocket upgrades. */
public interface WebSocketRoute {

    /**
     * Decides, before the upgrade, whether the request may open a socket: 0 when it may, else the HTTP
     * status to refuse it with (401 wrong token, 403 address not allowed, 503 too many connections).
     * {@code pathRemainder} is the part of the request path after the route's own path (without the
     * slash), or {@code null}. Called on the event loop: it must not block.
     */
    int refusal(HttpServerRequest request, String pathRemainder);

    /**
     * The secret a socket must present as the one path segment below the route's path
     * ({@code /media/SECRET}) or as the {@code token} query parameter; null when none is needed.
     */
    String token();

    /** Takes one accepted socket; called on the socket's event loop. */
    void open(ServerWebSocket socket);
}
