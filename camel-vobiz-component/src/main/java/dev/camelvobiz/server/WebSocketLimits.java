package dev.camelvobiz.server;

import java.time.Duration;

/**
 * Transport limits of one route's sockets. {@code maxFramePayload} is the size at which Jetty hands a
 * long message over in fragments, so that our own per-message limit, not Jetty's, decides what is too
 * large and the socket survives it.
 */
public record WebSocketLimits(Duration idleTimeout, long maxFramePayload) {}
