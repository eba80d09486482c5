package dev.camelvobiz.internal.server;

/**
 * What a server is run with, taken from the consumer that starts it (in practice the component's
 * values, since every consumer on a port shares one server).
 *
 * @param eventLoops how many event loops listen on the port (each connection lives on one)
 * @param requestTimeoutMillis how long an HTTP connection may take to send a whole request (headers and
 *     body), and may stay open idle between requests, before it is closed
 * @param maxHttpConnections how many connections may be open at once that are not (yet) WebSockets;
 *     beyond it a new connection is closed at once
 */
public record ServerSettings(int eventLoops, long requestTimeoutMillis, int maxHttpConnections) {

    public ServerSettings {
        if (eventLoops < 1) {
            throw new IllegalArgumentException("eventLoops must be at least 1, got " + eventLoops);
        }
        if (maxHttpConnections < 1) {
            throw new IllegalArgumentException("maxHttpConnections must be at least 1, got " + maxHttpConnections);
        }
        if (requestTimeoutMillis < 1) {
            throw new IllegalArgumentException("requestTimeout must be positive, got " + requestTimeoutMillis + " ms");
        }
    }
}
